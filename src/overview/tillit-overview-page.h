/* tillit-overview-page.h: one principle framework behind all four tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-model.h"
#include "tillit-overview-data.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_OVERVIEW_PAGE (tillit_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (TillitOverviewPage, tillit_overview_page, TILLIT, OVERVIEW_PAGE, AdwBin)

TillitStore *tillit_overview_page_get_store          (TillitOverviewPage *self);
void         tillit_overview_page_set_store          (TillitOverviewPage *self,
                                                      TillitStore        *store);
void         tillit_overview_page_set_period         (TillitOverviewPage *self,
                                                      const char         *period);
GtkWidget   *tillit_overview_page_get_cell           (TillitOverviewPage *self,
                                                      guint               row,
                                                      TillitOverviewTool  tool);
GtkWidget   *tillit_overview_page_get_principle      (TillitOverviewPage *self,
                                                      guint               row);
GtkPopover  *tillit_overview_page_get_records_popover (TillitOverviewPage *self);
void         tillit_overview_page_show_thread        (TillitOverviewPage *self,
                                                      TillitRecord       *principle);
TillitRecord *tillit_overview_page_get_thread        (TillitOverviewPage *self);

G_END_DECLS
