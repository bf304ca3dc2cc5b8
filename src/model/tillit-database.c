/* tillit-database.c: the SQLite file behind the one model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tillit-database-private.h"
#include "tillit-model-resources.h"

#define RESOURCE_PATH "/io/github/tillit/Tillit/model/"

struct _TillitDatabase
{
  GObject parent_instance;

  char *path;
  char *backup_path;
  sqlite3 *db;
  gboolean wal;
};

G_DEFINE_FINAL_TYPE (TillitDatabase, tillit_database, G_TYPE_OBJECT)

G_DEFINE_QUARK (tillit-database-error-quark, tillit_database_error)

static gboolean migrate_to_1 (sqlite3  *db,
                              GError  **error);
static gboolean migrate_to_2 (sqlite3  *db,
                              GError  **error);

static const TillitMigration builtin_migrations[] = {
  migrate_to_1,
  migrate_to_2,
};

static const TillitMigration *extra_migrations;
static guint n_extra_migrations;
static const char *test_vfs;

static void
tillit_database_finalize (GObject *object)
{
  TillitDatabase *self = TILLIT_DATABASE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (tillit_database_parent_class)->finalize (object);
}

static void
tillit_database_class_init (TillitDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tillit_database_finalize;
}

static void
tillit_database_init (TillitDatabase *self)
{
}

void
tillit_sqlite_set_error (GError  **error,
                         sqlite3  *db)
{
  g_set_error_literal (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_FAILED,
                       sqlite3_errmsg (db));
}

gboolean
tillit_sqlite_exec (sqlite3     *db,
                    const char  *sql,
                    GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      tillit_sqlite_set_error (error, db);
      return FALSE;
    }

  return TRUE;
}

static gboolean
exec_resource (sqlite3     *db,
               const char  *name,
               GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_PATH, name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *sql = NULL;

  bytes = g_resource_lookup_data (tillit_model_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return tillit_sqlite_exec (db, sql, error);
}

static gboolean
migrate_to_1 (sqlite3  *db,
              GError  **error)
{
  return exec_resource (db, "schema-v1.sql", error);
}

/* An agenda item may name the pilot learning it shares. */
static gboolean
migrate_to_2 (sqlite3  *db,
              GError  **error)
{
  return tillit_sqlite_exec (db,
                             "ALTER TABLE agenda_item ADD COLUMN learning TEXT"
                             " REFERENCES learning (uuid) ON DELETE SET NULL;"
                             "CREATE INDEX agenda_item_learning ON agenda_item (learning);",
                             error);
}

void
tillit_database_set_extra_migrations (const TillitMigration *migrations,
                                      guint                  n_migrations)
{
  extra_migrations = migrations;
  n_extra_migrations = migrations ? n_migrations : 0;
}

void
tillit_database_set_test_vfs (const char *vfs)
{
  test_vfs = vfs;
}

int
tillit_database_get_latest_version (void)
{
  return G_N_ELEMENTS (builtin_migrations) + n_extra_migrations;
}

static TillitMigration
migration_to (int version)
{
  guint i = version - 1;

  if (i < G_N_ELEMENTS (builtin_migrations))
    return builtin_migrations[i];

  return extra_migrations[i - G_N_ELEMENTS (builtin_migrations)];
}

/* The environment variable wins over the XDG default so that tests and
 * coordinators with several programmes can point elsewhere. */
char *
tillit_database_default_path (void)
{
  const char *env = g_getenv ("TILLIT_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "tillit", "tillit.db", NULL);
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *result)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      *result = sqlite3_column_int (stmt, 0);
      ok = TRUE;
    }

  sqlite3_finalize (stmt);
  return ok;
}

static void
set_damaged (GError     **error,
             const char  *path,
             const char  *why)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_DAMAGED,
               _("“%s” is damaged (%s). Nothing was changed in it; a backup "
                 "copy may still be intact."),
               name, why);
}

/* Everything that can refuse a file looks at it through a read-only
 * connection first, so a refused file is never written: not even a
 * journal mode or a checkpoint on close. @version is 0 for a blank file. */
static gboolean
check_existing (const char  *path,
                int         *version,
                GError     **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autofree char *name = g_filename_display_name (path);
  char header[100];
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  FILE *file;
  size_t n_read;
  int app_id = 0;
  int n_objects = 0;
  int rc;
  gboolean ok = FALSE;

  *version = 0;

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;
      g_set_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_FAILED,
                   _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n_read == 0)
    return TRUE;

  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      g_set_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_NOT_DATABASE,
                   _("“%s” is not a Tillit database."), name);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, test_vfs);
  if (rc != SQLITE_OK)
    {
      set_damaged (error, path, sqlite3_errstr (rc));
      goto out;
    }

  if (!query_int (db, "PRAGMA application_id", &app_id) ||
      !query_int (db, "SELECT count(*) FROM sqlite_schema", &n_objects) ||
      !query_int (db, "PRAGMA user_version", version))
    {
      set_damaged (error, path, sqlite3_errmsg (db));
      goto out;
    }

  if (app_id != TILLIT_DATABASE_APPLICATION_ID && (app_id != 0 || n_objects > 0))
    {
      g_set_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_OTHER_APPLICATION,
                   _("“%s” belongs to another application: it is not a Tillit "
                     "database."), name);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      set_damaged (error, path, rc == SQLITE_ROW
                   ? (const char *) sqlite3_column_text (stmt, 0)
                   : sqlite3_errmsg (db));
      goto out;
    }

  if (*version > tillit_database_get_latest_version ())
    {
      g_set_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Tillit (database "
                     "version %d). This version understands database versions "
                     "up to %d; update Tillit to open it."),
                   name, *version, tillit_database_get_latest_version ());
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static gboolean
write_backup (TillitDatabase  *self,
              int              version,
              GError         **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  g_autofree char *backup_path = g_strdup_printf ("%s.bak-v%d-%s", self->path, version, stamp);
  g_autofree char *part_path = g_strdup_printf ("%s.bak-v%d.part", self->path, version);
  g_autofree char *part_journal = g_strconcat (part_path, "-journal", NULL);
  g_autofree char *why = NULL;
  sqlite3 *copy = NULL;
  sqlite3_backup *backup;
  int rc;

  /* A copy cut short by a crash must never pass for a backup: it is
   * written under a name of its own and renamed once whole. What a
   * killed earlier attempt left there is thrown away first. */
  g_unlink (part_journal);
  g_unlink (part_path);
  rc = sqlite3_open_v2 (part_path, &copy,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXCLUSIVE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (copy, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (copy);
    }

  if (rc != SQLITE_OK)
    why = g_strdup (copy ? sqlite3_errmsg (copy) : sqlite3_errstr (rc));
  sqlite3_close (copy);
  if (why == NULL && g_rename (part_path, backup_path) != 0)
    why = g_strdup (g_strerror (errno));

  if (why != NULL)
    {
      g_autofree char *name = g_filename_display_name (backup_path);

      g_set_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_FAILED,
                   _("Could not write the backup copy “%s”: %s"), name, why);
      g_unlink (part_path);
      return FALSE;
    }

  g_free (self->backup_path);
  self->backup_path = g_steal_pointer (&backup_path);
  g_message ("Kept a copy of “%s” as it was before the upgrade: %s",
             self->path, self->backup_path);
  return TRUE;
}

/* A new file gets its schema and the default programme in one
 * transaction; an existing one is upgraded one version per transaction,
 * with foreign keys checked at the end of each, after a backup copy. */
static gboolean
migrate (TillitDatabase  *self,
         int              version,
         GError         **error)
{
  int latest = tillit_database_get_latest_version ();
  gboolean new_file = version == 0;
  gboolean ok = TRUE;

  if (version >= latest)
    return TRUE;

  if (!new_file && !write_backup (self, version, error))
    return FALSE;

  if (!tillit_sqlite_exec (self->db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=OFF", error))
    return FALSE;

  while (ok && version < latest)
    {
      g_autoptr(GError) local_error = NULL;
      int target = new_file ? latest : version + 1;
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version=%d", target);

      ok = tillit_sqlite_exec (self->db, "BEGIN IMMEDIATE", &local_error);
      for (int v = version + 1; ok && v <= target; v++)
        ok = migration_to (v) (self->db, &local_error);
      if (ok && new_file)
        {
          g_autofree char *set_id = g_strdup_printf ("PRAGMA application_id=%d",
                                                     TILLIT_DATABASE_APPLICATION_ID);

          ok = tillit_sqlite_exec (self->db, set_id, &local_error) &&
               exec_resource (self->db, "default-programme.sql", &local_error);
        }
      if (ok)
        {
          int n_violations = 0;

          ok = query_int (self->db, "SELECT count(*) FROM pragma_foreign_key_check",
                          &n_violations);
          if (!ok)
            tillit_sqlite_set_error (&local_error, self->db);
          else if (n_violations > 0)
            {
              ok = FALSE;
              g_set_error (&local_error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_FAILED,
                           ngettext ("%d reference points nowhere",
                                     "%d references point nowhere", n_violations),
                           n_violations);
            }
        }
      ok = ok &&
           tillit_sqlite_exec (self->db, set_version, &local_error) &&
           tillit_sqlite_exec (self->db, "COMMIT", &local_error);

      if (!ok)
        {
          g_autofree char *name = g_filename_display_name (self->path);

          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          g_set_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_FAILED,
                       _("Could not upgrade “%s” from database version %d to %d: "
                         "%s. The file was left as it was."),
                       name, version, target, local_error->message);
        }
      else
        version = target;
    }

  return tillit_sqlite_exec (self->db, "PRAGMA foreign_keys=ON", ok ? error : NULL) && ok;
}

static gboolean
is_remote (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info =
    g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE, NULL, NULL);

  return info != NULL && g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_FILESYSTEM_REMOTE);
}

/* WAL needs shared memory between every process that opens the file,
 * which a network file system does not give (and SQLite may not notice);
 * there the rollback journal with full syncs is the safe choice. */
static gboolean
choose_journal (TillitDatabase  *self,
                GError         **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!is_remote (self->path) &&
      sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode=WAL", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    self->wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
  sqlite3_finalize (stmt);

  if (self->wal)
    return tillit_sqlite_exec (self->db, "PRAGMA synchronous=NORMAL", error);

  g_message ("“%s” cannot use write-ahead logging (a network file system?); "
             "using a rollback journal with full syncs instead", self->path);
  return tillit_sqlite_exec (self->db, "PRAGMA journal_mode=DELETE; PRAGMA synchronous=FULL",
                             error);
}

/**
 * tillit_database_open:
 * @path: the programme file; created if it does not exist
 * @error: a #TILLIT_DATABASE_ERROR
 *
 * Opens a programme file, creating it with the default programme or
 * upgrading it to this build's schema as needed.
 *
 * Returns: (transfer full): the database, or %NULL with @error set and
 *   the file left as it was
 */
TillitDatabase *
tillit_database_open (const char  *path,
                      GError     **error)
{
  g_autoptr(TillitDatabase) self = NULL;
  g_autofree char *dir = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS) && !check_existing (path, &version, error))
    return NULL;

  self = g_object_new (TILLIT_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, test_vfs);
  if (rc != SQLITE_OK)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_FAILED,
                   _("Could not open the database “%s”: %s"),
                   name, sqlite3_errstr (rc));
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);

  /* secure_delete: a deleted candidate's bytes must not linger in free
   * pages of the file. */
  if (sqlite3_busy_timeout (self->db, 5000) != SQLITE_OK ||
      !tillit_sqlite_exec (self->db, "PRAGMA foreign_keys=ON; PRAGMA secure_delete=ON", error) ||
      !query_int (self->db, "PRAGMA user_version", &version) ||
      !migrate (self, version, error) ||
      !choose_journal (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
tillit_database_get_path (TillitDatabase *self)
{
  g_return_val_if_fail (TILLIT_IS_DATABASE (self), NULL);

  return self->path;
}

int
tillit_database_get_schema_version (TillitDatabase *self)
{
  int version = 0;

  g_return_val_if_fail (TILLIT_IS_DATABASE (self), 0);

  query_int (self->db, "PRAGMA user_version", &version);
  return version;
}

gboolean
tillit_database_get_wal (TillitDatabase *self)
{
  g_return_val_if_fail (TILLIT_IS_DATABASE (self), FALSE);

  return self->wal;
}

/**
 * tillit_database_get_backup_path:
 *
 * Returns: (nullable): the copy written before this open upgraded the
 *   file, or %NULL when nothing was upgraded
 */
const char *
tillit_database_get_backup_path (TillitDatabase *self)
{
  g_return_val_if_fail (TILLIT_IS_DATABASE (self), NULL);

  return self->backup_path;
}

/**
 * tillit_database_set_full_sync:
 * @full: %TRUE around an import, %FALSE after it
 *
 * Imports write many rows a user cannot re-type; they are worth the
 * slower full syncs even in WAL mode.
 */
gboolean
tillit_database_set_full_sync (TillitDatabase  *self,
                               gboolean         full,
                               GError         **error)
{
  g_return_val_if_fail (TILLIT_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return tillit_sqlite_exec (self->db,
                             full || !self->wal ? "PRAGMA synchronous=FULL"
                                                : "PRAGMA synchronous=NORMAL",
                             error);
}

sqlite3 *
tillit_database_get_handle (TillitDatabase *self)
{
  g_return_val_if_fail (TILLIT_IS_DATABASE (self), NULL);

  return self->db;
}
