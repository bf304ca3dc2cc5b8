/* tillit-matrix-watch.h: one signal for any change to a list or its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TILLIT_TYPE_MATRIX_WATCH (tillit_matrix_watch_get_type ())
G_DECLARE_FINAL_TYPE (TillitMatrixWatch, tillit_matrix_watch, TILLIT, MATRIX_WATCH, GObject)

TillitMatrixWatch *tillit_matrix_watch_new (GListModel *model);

G_END_DECLS
