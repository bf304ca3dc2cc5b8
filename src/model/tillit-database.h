/* tillit-database.h: the SQLite file behind the one model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TILLIT_DATABASE_ERROR (tillit_database_error_quark ())

/**
 * TillitDatabaseError:
 * @TILLIT_DATABASE_ERROR_NOT_DATABASE: the file is not an SQLite database
 * @TILLIT_DATABASE_ERROR_DAMAGED: SQLite's quick check fails on it
 * @TILLIT_DATABASE_ERROR_OTHER_APPLICATION: another application's database
 * @TILLIT_DATABASE_ERROR_TOO_NEW: written by a newer Tillit
 * @TILLIT_DATABASE_ERROR_FAILED: anything else: the folder, permissions,
 *   a failed upgrade
 *
 * The file is left byte for byte as it was whatever the code.
 */
typedef enum
{
  TILLIT_DATABASE_ERROR_NOT_DATABASE,
  TILLIT_DATABASE_ERROR_DAMAGED,
  TILLIT_DATABASE_ERROR_OTHER_APPLICATION,
  TILLIT_DATABASE_ERROR_TOO_NEW,
  TILLIT_DATABASE_ERROR_FAILED,
} TillitDatabaseError;

/* "TiLt": the `PRAGMA application_id` of every Tillit programme file. */
#define TILLIT_DATABASE_APPLICATION_ID 0x54694c74

#define TILLIT_TYPE_DATABASE (tillit_database_get_type ())
G_DECLARE_FINAL_TYPE (TillitDatabase, tillit_database, TILLIT, DATABASE, GObject)

GQuark          tillit_database_error_quark          (void);

char           *tillit_database_default_path         (void);
TillitDatabase *tillit_database_open                 (const char     *path,
                                                      GError        **error);
const char     *tillit_database_get_path             (TillitDatabase *self);
int             tillit_database_get_schema_version   (TillitDatabase *self);
int             tillit_database_get_latest_version   (void);
gboolean        tillit_database_get_wal              (TillitDatabase *self);
const char     *tillit_database_get_backup_path      (TillitDatabase *self);
gboolean        tillit_database_set_full_sync        (TillitDatabase *self,
                                                      gboolean        full,
                                                      GError        **error);

G_END_DECLS
