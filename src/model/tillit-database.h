/* tillit-database.h: the SQLite file behind the one model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TILLIT_TYPE_DATABASE (tillit_database_get_type ())
G_DECLARE_FINAL_TYPE (TillitDatabase, tillit_database, TILLIT, DATABASE, GObject)

char           *tillit_database_default_path (void);
TillitDatabase *tillit_database_open         (const char  *path,
                                              GError     **error);
const char     *tillit_database_get_path     (TillitDatabase *self);

G_END_DECLS
