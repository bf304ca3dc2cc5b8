/* tillit-matrix-report.h: the matrix on paper: grid, legend, then each cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "tillit-matrix-page.h"

G_BEGIN_DECLS

gboolean tillit_matrix_report_run (TillitMatrixPage         *page,
                                   GtkPrintOperationAction   action,
                                   const char               *export_path,
                                   GError                  **error);

G_END_DECLS
