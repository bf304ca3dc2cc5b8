/* tillit-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "app/tillit-application.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_WINDOW (tillit_window_get_type ())
G_DECLARE_FINAL_TYPE (TillitWindow, tillit_window, TILLIT, WINDOW, AdwApplicationWindow)

TillitWindow *tillit_window_new              (TillitApplication *application);
const char   *tillit_window_get_visible_tool (TillitWindow      *self);
void          tillit_window_ask_who_we_are   (TillitWindow      *self);
void          tillit_window_import_file      (TillitWindow      *self,
                                              GFile             *file);
gboolean      tillit_window_export_file      (TillitWindow      *self,
                                              GFile             *file,
                                              gboolean           personal_data);
void          tillit_window_show_open_error  (TillitWindow      *self,
                                              const char        *path,
                                              const GError      *error);

G_END_DECLS
