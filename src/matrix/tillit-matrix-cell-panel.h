/* tillit-matrix-cell-panel.h: one cell opened: strategies, assessments, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_MATRIX_CELL_PANEL (tillit_matrix_cell_panel_get_type ())
G_DECLARE_FINAL_TYPE (TillitMatrixCellPanel, tillit_matrix_cell_panel, TILLIT, MATRIX_CELL_PANEL, AdwBin)

GtkWidget    *tillit_matrix_cell_panel_new            (void);
TillitStore  *tillit_matrix_cell_panel_get_store      (TillitMatrixCellPanel *self);
void          tillit_matrix_cell_panel_set_store      (TillitMatrixCellPanel *self,
                                                       TillitStore           *store);
void          tillit_matrix_cell_panel_show_cell      (TillitMatrixCellPanel *self,
                                                       const char            *principle,
                                                       const char            *level,
                                                       const char            *period);
const char   *tillit_matrix_cell_panel_get_principle  (TillitMatrixCellPanel *self);
const char   *tillit_matrix_cell_panel_get_level      (TillitMatrixCellPanel *self);
TillitRecord *tillit_matrix_cell_panel_get_cell       (TillitMatrixCellPanel *self);

gboolean      tillit_matrix_cell_panel_add_strategy   (TillitMatrixCellPanel *self,
                                                       const char            *text);
gboolean      tillit_matrix_cell_panel_move_strategy  (TillitMatrixCellPanel *self,
                                                       TillitRecord          *strategy,
                                                       int                    delta);
gboolean      tillit_matrix_cell_panel_delete_strategy (TillitMatrixCellPanel *self,
                                                        TillitRecord          *strategy);
gboolean      tillit_matrix_cell_panel_add_assessment (TillitMatrixCellPanel *self);
gboolean      tillit_matrix_cell_panel_add_evidence   (TillitMatrixCellPanel *self,
                                                       const char            *note);
gboolean      tillit_matrix_cell_panel_add_link       (TillitMatrixCellPanel *self,
                                                       TillitRecord          *target);

G_END_DECLS
