/* tillit-database-private.h: for the model's own code and its tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tillit-database.h"

G_BEGIN_DECLS

/* Takes the database from schema version N to N + 1. It runs inside a
 * transaction that the caller commits or rolls back. */
typedef gboolean (*TillitMigration) (sqlite3  *db,
                                     GError  **error);

sqlite3  *tillit_database_get_handle          (TillitDatabase        *self);

/* Appends @migrations after the built-in ones, for the tests of the
 * migration machinery; %NULL restores the built-in list. */
void      tillit_database_set_extra_migrations (const TillitMigration *migrations,
                                                guint                  n_migrations);

/* Opens files through another SQLite VFS, for the test of the journal
 * fallback ("unix-none" has no shared memory, like a network share);
 * %NULL restores the default. */
void      tillit_database_set_test_vfs         (const char            *vfs);

gboolean  tillit_sqlite_exec                   (sqlite3               *db,
                                                const char            *sql,
                                                GError               **error);
void      tillit_sqlite_set_error              (GError               **error,
                                                sqlite3               *db);

G_END_DECLS
