/* tillit-agenda-chart.h: the dialogue share of each manager day, across years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TILLIT_TYPE_AGENDA_CHART (tillit_agenda_chart_get_type ())
G_DECLARE_FINAL_TYPE (TillitAgendaChart, tillit_agenda_chart, TILLIT, AGENDA_CHART, GtkWidget)

GtkWidget *tillit_agenda_chart_new        (void);
void       tillit_agenda_chart_clear      (TillitAgendaChart *self);
void       tillit_agenda_chart_add_day    (TillitAgendaChart *self,
                                           const char        *date,
                                           double             share);
guint      tillit_agenda_chart_get_n_days (TillitAgendaChart *self);

G_END_DECLS
