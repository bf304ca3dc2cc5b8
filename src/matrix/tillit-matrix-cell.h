/* tillit-matrix-cell.h: one principle × level square of the grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tillit-matrix-logic.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_MATRIX_CELL (tillit_matrix_cell_get_type ())
G_DECLARE_FINAL_TYPE (TillitMatrixCell, tillit_matrix_cell, TILLIT, MATRIX_CELL, GtkWidget)

/**
 * TillitMatrixCellFacts:
 * @principle_name: the row's name in the UI language
 * @level_name: the column's name in the UI language
 * @strategies: (array length=n_strategies): the texts of all strategies, in order
 * @n_strategies: how many there are
 * @n_evidence: how many pieces of evidence the cell has
 * @discourse: the latest discourse rating as of the period, or -1
 * @practice: the latest practice rating as of the period, or -1
 * @compare: whether @change is shown
 * @change: the change since the compared period
 *
 * What a cell shows; the page computes it from the store.
 */
typedef struct
{
  const char *principle_name;
  const char *level_name;
  const char * const *strategies;
  guint n_strategies;
  guint n_evidence;
  int discourse;
  int practice;
  gboolean compare;
  TillitMatrixChange change;
} TillitMatrixCellFacts;

GtkWidget  *tillit_matrix_cell_new            (const char                  *principle,
                                               const char                  *level);
const char *tillit_matrix_cell_get_principle  (TillitMatrixCell            *self);
const char *tillit_matrix_cell_get_level      (TillitMatrixCell            *self);
void        tillit_matrix_cell_set_facts      (TillitMatrixCell            *self,
                                               const TillitMatrixCellFacts *facts);
int         tillit_matrix_cell_get_discourse  (TillitMatrixCell            *self);
int         tillit_matrix_cell_get_practice   (TillitMatrixCell            *self);
const char *tillit_matrix_cell_get_summary    (TillitMatrixCell            *self);

G_END_DECLS
