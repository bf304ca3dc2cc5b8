/* tillit-overview-search.h: search every record of every tool as you type
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-model.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_OVERVIEW_SEARCH (tillit_overview_search_get_type ())
G_DECLARE_FINAL_TYPE (TillitOverviewSearch, tillit_overview_search, TILLIT, OVERVIEW_SEARCH, AdwBin)

void          tillit_overview_search_start       (TillitOverviewSearch *self);
GtkEditable  *tillit_overview_search_get_entry   (TillitOverviewSearch *self);
GtkListBox   *tillit_overview_search_get_results (TillitOverviewSearch *self);
gboolean      tillit_overview_search_get_active  (TillitOverviewSearch *self);

G_END_DECLS
