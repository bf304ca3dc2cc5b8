/* tillit-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_APPLICATION (tillit_application_get_type ())
G_DECLARE_FINAL_TYPE (TillitApplication, tillit_application, TILLIT, APPLICATION, AdwApplication)

TillitApplication *tillit_application_new               (void);
const char        *tillit_application_get_database_path (TillitApplication *self);
void               tillit_application_set_database_path (TillitApplication *self,
                                                         const char        *path);
TillitStore       *tillit_application_get_store         (TillitApplication *self);
gboolean           tillit_application_open_database     (TillitApplication *self,
                                                         const char        *path,
                                                         GError           **error);

G_END_DECLS
