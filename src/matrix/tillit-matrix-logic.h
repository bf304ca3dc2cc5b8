/* tillit-matrix-logic.h: what the matrix computes from assessments, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/tillit-record.h"

G_BEGIN_DECLS

/* The named 0–4 scale of an assessment. */
#define TILLIT_MATRIX_N_RATINGS 5

/**
 * TillitMatrixGap:
 * @cell: the UUID of the cell
 * @assessment: (nullable): its latest assessment as of the period, owned
 *   by the store
 * @gap: discourse − practice; 0 without an assessment
 *
 * One entry of the say/do gap list.
 */
typedef struct
{
  char *cell;
  TillitRecord *assessment;
  int gap;
} TillitMatrixGap;

/**
 * TillitMatrixChange:
 * @known: both periods have an assessment, so the deltas mean something
 * @discourse: the change in discourse since the other period
 * @practice: the change in practice since the other period
 */
typedef struct
{
  gboolean known;
  int discourse;
  int practice;
} TillitMatrixChange;

int           tillit_matrix_rating_from_nick    (const char    *nick);
const char   *tillit_matrix_rating_to_nick      (int            rating);
const char   *tillit_matrix_rating_label        (int            rating);

int           tillit_matrix_period_compare      (const char    *a,
                                                 const char    *b);
char        **tillit_matrix_list_periods        (GListModel    *assessments);

gboolean      tillit_matrix_assessment_newer    (TillitRecord  *a,
                                                 TillitRecord  *b);
TillitRecord *tillit_matrix_latest_assessment   (GListModel    *assessments,
                                                 const char    *cell,
                                                 const char    *period);
GHashTable   *tillit_matrix_latest_by_cell      (GListModel    *assessments,
                                                 const char    *period);

int           tillit_matrix_gap                 (TillitRecord  *assessment);
GPtrArray    *tillit_matrix_gap_list            (GListModel    *assessments,
                                                 const char * const *cells,
                                                 const char    *period);

TillitMatrixChange tillit_matrix_change         (GListModel    *assessments,
                                                 const char    *cell,
                                                 const char    *period,
                                                 const char    *since);

TillitRecord *tillit_matrix_active_framework    (GListModel    *frameworks);
GPtrArray    *tillit_matrix_in_framework        (GListModel    *records,
                                                 TillitRecord  *framework,
                                                 const char    *flag,
                                                 gboolean       with_flagged);
TillitRecord *tillit_matrix_find_cell           (GListModel    *cells,
                                                 const char    *principle,
                                                 const char    *level);

gboolean      tillit_matrix_prefer_swedish      (void);
const char   *tillit_matrix_record_name         (TillitRecord  *record);
char         *tillit_matrix_link_title          (TillitRecord  *record);

G_END_DECLS
