/* tillit-pilot-chart.h: the portfolio summary, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tillit-pilot-portfolio.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_PILOT_CHART (tillit_pilot_chart_get_type ())
G_DECLARE_FINAL_TYPE (TillitPilotChart, tillit_pilot_chart, TILLIT, PILOT_CHART, GtkWidget)

GtkWidget                  *tillit_pilot_chart_new           (void);
const TillitPilotPortfolio *tillit_pilot_chart_get_portfolio (TillitPilotChart           *self);
void                        tillit_pilot_chart_set_portfolio (TillitPilotChart           *self,
                                                              const TillitPilotPortfolio *portfolio);

G_END_DECLS
