/* tillit-matrix-page.h: the principles matrix: principles × levels, say and do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"
#include "tillit-matrix-cell-panel.h"
#include "tillit-matrix-cell.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_MATRIX_PAGE (tillit_matrix_page_get_type ())
G_DECLARE_FINAL_TYPE (TillitMatrixPage, tillit_matrix_page, TILLIT, MATRIX_PAGE, AdwBin)

GtkWidget             *tillit_matrix_page_new              (TillitStore      *store);
TillitStore           *tillit_matrix_page_get_store        (TillitMatrixPage *self);
void                   tillit_matrix_page_set_store        (TillitMatrixPage *self,
                                                            TillitStore      *store);

const char            *tillit_matrix_page_get_period       (TillitMatrixPage *self);
gboolean               tillit_matrix_page_set_period       (TillitMatrixPage *self,
                                                            const char       *period);
gboolean               tillit_matrix_page_set_compare      (TillitMatrixPage *self,
                                                            const char       *since);

TillitRecord          *tillit_matrix_page_get_framework    (TillitMatrixPage *self);
GPtrArray             *tillit_matrix_page_list_principles  (TillitMatrixPage *self,
                                                            gboolean          with_retired);
GPtrArray             *tillit_matrix_page_list_levels      (TillitMatrixPage *self,
                                                            gboolean          with_hidden);

TillitMatrixCell      *tillit_matrix_page_get_cell_widget  (TillitMatrixPage *self,
                                                            const char       *principle,
                                                            const char       *level);
void                   tillit_matrix_page_open_cell        (TillitMatrixPage *self,
                                                            const char       *principle,
                                                            const char       *level);
TillitMatrixCellPanel *tillit_matrix_page_get_panel        (TillitMatrixPage *self);
GtkListBox            *tillit_matrix_page_get_gap_list     (TillitMatrixPage *self);
void                   tillit_matrix_page_refresh          (TillitMatrixPage *self);

gboolean               tillit_matrix_page_export_framework (TillitMatrixPage *self,
                                                            GFile            *file,
                                                            GError          **error);
gboolean               tillit_matrix_page_export_pdf       (TillitMatrixPage *self,
                                                            const char       *path,
                                                            GError          **error);

G_END_DECLS
