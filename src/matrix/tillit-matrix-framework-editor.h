/* tillit-matrix-framework-editor.h: principles and levels of the active framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_MATRIX_FRAMEWORK_EDITOR (tillit_matrix_framework_editor_get_type ())
G_DECLARE_FINAL_TYPE (TillitMatrixFrameworkEditor, tillit_matrix_framework_editor, TILLIT, MATRIX_FRAMEWORK_EDITOR, AdwPreferencesWindow)

GtkWidget    *tillit_matrix_framework_editor_new            (TillitStore                 *store);

TillitRecord *tillit_matrix_framework_editor_add            (TillitMatrixFrameworkEditor *self,
                                                             GType                        type);
gboolean      tillit_matrix_framework_editor_move           (TillitMatrixFrameworkEditor *self,
                                                             TillitRecord                *record,
                                                             int                          delta);
gboolean      tillit_matrix_framework_editor_set_shown      (TillitMatrixFrameworkEditor *self,
                                                             TillitRecord                *record,
                                                             gboolean                     shown);
gboolean      tillit_matrix_framework_editor_activate       (TillitMatrixFrameworkEditor *self,
                                                             TillitRecord                *framework);
gboolean      tillit_matrix_framework_editor_rename         (TillitMatrixFrameworkEditor *self,
                                                             TillitRecord                *record,
                                                             const char                  *field,
                                                             const char                  *name);

G_END_DECLS
