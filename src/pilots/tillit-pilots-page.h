/* tillit-pilots-page.h: the Pilots tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-model.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_PILOTS_PAGE (tillit_pilots_page_get_type ())
G_DECLARE_FINAL_TYPE (TillitPilotsPage, tillit_pilots_page, TILLIT, PILOTS_PAGE, AdwBin)

GtkWidget    *tillit_pilots_page_new          (TillitStore      *store);
TillitStore  *tillit_pilots_page_get_store    (TillitPilotsPage *self);
void          tillit_pilots_page_set_store    (TillitPilotsPage *self,
                                               TillitStore      *store);
TillitRecord *tillit_pilots_page_get_selected (TillitPilotsPage *self);
void          tillit_pilots_page_select       (TillitPilotsPage *self,
                                               TillitRecord     *pilot);
GListModel   *tillit_pilots_page_get_shown    (TillitPilotsPage *self);
void          tillit_pilots_page_show_view    (TillitPilotsPage *self,
                                               const char       *view);
gboolean      tillit_pilots_page_export       (TillitPilotsPage *self,
                                               GFile            *file,
                                               GError          **error);

G_END_DECLS
