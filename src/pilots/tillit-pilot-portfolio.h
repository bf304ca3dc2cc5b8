/* tillit-pilot-portfolio.h: the figures of the portfolio summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TILLIT_PILOT_N_STAGES 4

typedef struct
{
  guint per_stage[TILLIT_PILOT_N_STAGES];
  guint pending;
  guint stale;
  guint adoptions;
  guint total;
} TillitPilotPortfolio;

void        tillit_pilot_portfolio_compute   (TillitPilotPortfolio *portfolio,
                                              GListModel           *pilots,
                                              GListModel           *learnings,
                                              GListModel           *adoptions,
                                              const char           *today);
GHashTable *tillit_pilot_latest_learnings    (GListModel           *learnings);

G_END_DECLS
