/* test-database.c: the programme file: creation, refusals, migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include "model/tillit-database-private.h"
#include "test-model-util.h"

static void
test_create (TestFile      *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "sub", "folder", "p.db", NULL);
  g_autofree char *mode = NULL;

  database = tillit_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);
  g_assert_cmpstr (tillit_database_get_path (database), ==, fixture->path);
  g_assert_cmpint (tillit_database_get_schema_version (database), ==,
                   tillit_database_get_latest_version ());
  g_assert_true (tillit_database_get_wal (database));
  g_assert_null (tillit_database_get_backup_path (database));

  g_assert_cmpint (test_sql_int (fixture->path, "PRAGMA application_id"), ==,
                   TILLIT_DATABASE_APPLICATION_ID);
  g_assert_cmpint (test_sql_int (fixture->path, "PRAGMA user_version"), ==,
                   tillit_database_get_latest_version ());
  mode = test_sql_string (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  /* The connection's own settings, as the store will use it. */
  g_assert_cmpint (sqlite3_exec (tillit_database_get_handle (database),
                                 "INSERT INTO learning (uuid, created, modified, pilot)"
                                 " VALUES ('x', 'a', 'a', 'no-such-pilot')",
                                 NULL, NULL, NULL), ==, SQLITE_CONSTRAINT_FOREIGNKEY);

  g_clear_object (&database);

  /* Reopening an up-to-date file changes nothing and copies nothing. */
  database = tillit_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_null (tillit_database_get_backup_path (database));

  g_clear_object (&database);
  database = tillit_database_open (nested, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (nested, G_FILE_TEST_IS_REGULAR));
}

static void
test_default_content (TestFile      *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (fixture->path, &error);
  g_autofree char *trust = NULL;
  g_autofree char *citizens = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM framework"), ==, 1);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM principle"), ==, 7);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM level"), ==, 5);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM agenda_format"), ==, 5);
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM competency WHERE category = 'leadership'"), ==, 6);
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM competency WHERE category = 'administrative'"), >, 0);
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM agenda_format WHERE dialogue"), ==, 2);

  /* Every municipality's default framework is the same records. */
  trust = test_sql_string (fixture->path, "SELECT uuid FROM principle WHERE name_sv = 'Tillit'");
  g_assert_cmpstr (trust, ==, "ae7f2466-fd09-51cf-a13a-86c8e9864c8d");
  citizens = test_sql_string (fixture->path, "SELECT name_sv FROM level ORDER BY position DESC");
  g_assert_cmpstr (citizens, ==, "Medborgare och brukare");
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM principle WHERE description_en IS NULL"
                                 " OR description_sv IS NULL"), ==, 0);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = test_read_bytes (path);
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);

  g_assert_null (database);
  g_assert_error (error, TILLIT_DATABASE_ERROR, code);
  g_test_message ("%s", error->message);
  test_assert_bytes_unchanged (path, before);
}

static void
make_tillit_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);

  g_assert_no_error (error);
}

static void
test_refuse_not_database (TestFile      *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  TillitDatabase *database;

  g_file_set_contents (fixture->path, "Minutes of the manager day, 12 March\n"
                       "Nothing here is a database.\n", -1, &error);
  g_assert_no_error (error);
  assert_refused (fixture->path, TILLIT_DATABASE_ERROR_NOT_DATABASE);

  database = tillit_database_open (fixture->path, &error);
  g_assert_null (database);
  name = g_strdup_printf ("“%s” is not a Tillit database.", fixture->path);
  g_assert_cmpstr (error->message, ==, name);
}

static void
test_refuse_damaged (TestFile      *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) good = NULL;
  g_autofree char *bytes = NULL;
  gsize size;

  make_tillit_file (fixture->path);
  good = test_read_bytes (fixture->path);
  size = g_bytes_get_size (good);
  g_assert_cmpuint (size, >, 8 * 4096);

  /* A run of garbage over a table page, as a failing disk would leave. */
  bytes = g_memdup2 (g_bytes_get_data (good, NULL), size);
  for (gsize i = 3 * 4096; i < 5 * 4096; i++)
    bytes[i] = (char) (i * 7919 % 251);
  g_file_set_contents (fixture->path, bytes, size, &error);
  g_assert_no_error (error);

  assert_refused (fixture->path, TILLIT_DATABASE_ERROR_DAMAGED);
}

static void
test_refuse_other_application (TestFile      *fixture,
                               gconstpointer  data)
{
  g_autofree char *other = g_build_filename (fixture->dir, "other.db", NULL);

  /* Another application's database without an application id … */
  test_sql_exec (fixture->path, "CREATE TABLE contacts (name TEXT)");
  assert_refused (fixture->path, TILLIT_DATABASE_ERROR_OTHER_APPLICATION);

  /* … and one with another id (Fossil's, say). */
  test_sql_exec (other, "PRAGMA application_id = 252006673");
  test_sql_exec (other, "CREATE TABLE t (x)");
  assert_refused (other, TILLIT_DATABASE_ERROR_OTHER_APPLICATION);
}

static void
test_refuse_too_new (TestFile      *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;
  g_autofree char *latest = g_strdup_printf ("up to %d", tillit_database_get_latest_version ());

  make_tillit_file (fixture->path);
  test_sql_exec (fixture->path, "PRAGMA journal_mode=DELETE; PRAGMA user_version = 7");
  assert_refused (fixture->path, TILLIT_DATABASE_ERROR_TOO_NEW);

  database = tillit_database_open (fixture->path, &error);
  g_assert_nonnull (strstr (error->message, "version 7"));
  g_assert_nonnull (strstr (error->message, latest));
}

static void
test_blank_file_is_new (TestFile      *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  database = tillit_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM principle"), ==, 7);
}

static int
synchronous_of (TillitDatabase *database)
{
  sqlite3_stmt *stmt = NULL;
  int level;

  g_assert_cmpint (sqlite3_prepare_v2 (tillit_database_get_handle (database), "PRAGMA synchronous",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  level = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return level;
}

/* NORMAL (1) in WAL mode day to day, FULL (2) around an import. */
static void
test_full_sync (TestFile      *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (fixture->path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (synchronous_of (database), ==, 1);
  tillit_database_set_full_sync (database, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (synchronous_of (database), ==, 2);
  tillit_database_set_full_sync (database, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (synchronous_of (database), ==, 1);
}

/* Where WAL cannot work the file still opens, with a rollback journal
 * and full syncs. */
static void
test_journal_fallback (TestFile      *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;
  g_autofree char *mode = NULL;

  tillit_database_set_test_vfs ("unix-none");
  database = tillit_database_open (fixture->path, &error);
  tillit_database_set_test_vfs (NULL);
  g_assert_no_error (error);

  g_assert_false (tillit_database_get_wal (database));
  mode = test_sql_string (fixture->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_cmpint (synchronous_of (database), ==, 2);
  tillit_database_set_full_sync (database, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (synchronous_of (database), ==, 2);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM principle"), ==, 7);
}

static void
test_default_path (void)
{
  g_autofree char *path = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("TILLIT_DATABASE"));

  g_setenv ("TILLIT_DATABASE", "/tmp/elsewhere.db", TRUE);
  path = tillit_database_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere.db");
  g_clear_pointer (&path, g_free);

  g_unsetenv ("TILLIT_DATABASE");
  path = tillit_database_default_path ();
  g_assert_true (g_str_has_suffix (path, "/tillit/tillit.db"));

  if (saved != NULL)
    g_setenv ("TILLIT_DATABASE", saved, TRUE);
}

/* Migrations a later version might have: one that works, one that fails
 * halfway through. */
static gboolean
migrate_add_notes (sqlite3  *db,
                   GError  **error)
{
  return tillit_sqlite_exec (db, "CREATE TABLE test_note (text TEXT);"
                                 "INSERT INTO test_note VALUES ('migrated')", error);
}

static gboolean
migrate_fail (sqlite3  *db,
              GError  **error)
{
  if (!tillit_sqlite_exec (db, "CREATE TABLE test_half (x);"
                               "UPDATE principle SET name_en = 'broken'", error))
    return FALSE;

  return tillit_sqlite_exec (db, "SELECT * FROM no_such_table", error);
}

/* The copy of version @version that an upgrade left beside the file. */
static char *
find_backup (const char *dir,
             int         version)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf ("programme.db.bak-v%d-", version);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_build_filename (dir, name, NULL);

  return NULL;
}

static void
test_migration (TestFile      *fixture,
                gconstpointer  data)
{
  static const TillitMigration extra[] = { migrate_add_notes };
  int built_in = tillit_database_get_latest_version ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *suffix = g_strdup_printf ("\\.bak-v%d-[0-9]{8}T[0-9]{6}Z$", built_in);
  g_autofree char *note = NULL;

  make_tillit_file (fixture->path);
  test_sql_exec (fixture->path, "UPDATE principle SET name_en = 'Ours' WHERE code = '1'");

  tillit_database_set_extra_migrations (extra, G_N_ELEMENTS (extra));
  database = tillit_database_open (fixture->path, &error);
  tillit_database_set_extra_migrations (NULL, 0);
  g_assert_no_error (error);

  g_assert_cmpint (tillit_database_get_schema_version (database), ==, built_in + 1);
  note = test_sql_string (fixture->path, "SELECT text FROM test_note");
  g_assert_cmpstr (note, ==, "migrated");
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM principle"), ==, 7);

  /* The copy beside the file is the file as it was, and says so. */
  backup = find_backup (fixture->dir, built_in);
  g_assert_nonnull (backup);
  g_assert_cmpstr (tillit_database_get_backup_path (database), ==, backup);
  g_assert_true (g_regex_match_simple (suffix, backup, 0, 0));
  g_assert_cmpint (test_sql_int (backup, "PRAGMA user_version"), ==, built_in);
  g_assert_cmpint (test_sql_int (backup,
                                 "SELECT count(*) FROM sqlite_schema WHERE name = 'test_note'"), ==, 0);
  g_clear_pointer (&note, g_free);
  note = test_sql_string (backup, "SELECT name_en FROM principle WHERE code = '1'");
  g_assert_cmpstr (note, ==, "Ours");
}

static void
test_migration_fails (TestFile      *fixture,
                      gconstpointer  data)
{
  static const TillitMigration extra[] = { migrate_add_notes, migrate_fail };
  int built_in = tillit_database_get_latest_version ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;
  g_autofree char *before = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *name = NULL;
  g_autofree char *step = g_strdup_printf ("from database version %d to %d",
                                           built_in + 1, built_in + 2);

  make_tillit_file (fixture->path);
  before = test_sql_dump (fixture->path);

  tillit_database_set_extra_migrations (extra, G_N_ELEMENTS (extra));
  database = tillit_database_open (fixture->path, &error);
  tillit_database_set_extra_migrations (NULL, 0);

  g_assert_null (database);
  g_assert_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, step));

  /* Each step is its own transaction: the one that worked stays, the
   * failed one left no trace. */
  g_assert_cmpint (test_sql_int (fixture->path, "PRAGMA user_version"), ==, built_in + 1);
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM sqlite_schema WHERE name = 'test_half'"), ==, 0);
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM principle WHERE name_en = 'broken'"), ==, 0);

  /* The backup holds the original, records and version. */
  name = find_backup (fixture->dir, built_in);
  g_assert_nonnull (name);
  copied = test_sql_dump (name);
  g_assert_cmpstr (copied, ==, before);
  g_assert_cmpint (test_sql_int (name, "PRAGMA user_version"), ==, built_in);
}

static void
test_migration_fails_at_once (TestFile      *fixture,
                              gconstpointer  data)
{
  static const TillitMigration extra[] = { migrate_fail };
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;
  g_autoptr(GBytes) before = NULL;

  make_tillit_file (fixture->path);
  before = test_read_bytes (fixture->path);

  tillit_database_set_extra_migrations (extra, G_N_ELEMENTS (extra));
  database = tillit_database_open (fixture->path, &error);
  tillit_database_set_extra_migrations (NULL, 0);

  g_assert_error (error, TILLIT_DATABASE_ERROR, TILLIT_DATABASE_ERROR_FAILED);
  test_assert_bytes_unchanged (fixture->path, before);
}

/* A file as Tillit 0.1.0 wrote it: the frozen v1 schema and the default
 * programme, plus a pilot with a learning presented on a manager day. */
#define V1_PILOT "9a1d3c2e-0000-4000-8000-000000000001"
#define V1_LEARNING "9a1d3c2e-0000-4000-8000-000000000002"
#define V1_DAY "9a1d3c2e-0000-4000-8000-000000000003"
#define V1_ITEM "9a1d3c2e-0000-4000-8000-000000000004"

static void
make_v1_file (const char *path)
{
  const char *sources[] = { TEST_SRCDIR "/../src/model/schema-v1.sql",
                            TEST_SRCDIR "/../data/default-programme.sql" };
  g_autofree char *header = g_strdup_printf ("PRAGMA application_id=%d; PRAGMA user_version=1",
                                             TILLIT_DATABASE_APPLICATION_ID);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *sql = NULL;

      g_file_get_contents (sources[i], &sql, NULL, &error);
      g_assert_no_error (error);
      test_sql_exec (path, sql);
    }
  test_sql_exec (path, header);
  test_sql_exec (path,
                 "INSERT INTO pilot (uuid, created, modified, title) VALUES"
                 " ('" V1_PILOT "', '2025-01-01T09:00:00.000Z', '2025-01-01T09:00:00.000Z',"
                 " 'Brukarråd');"
                 "INSERT INTO learning (uuid, created, modified, pilot, text) VALUES"
                 " ('" V1_LEARNING "', '2025-02-01T09:00:00.000Z', '2025-02-01T09:00:00.000Z',"
                 " '" V1_PILOT "', 'Ask first');"
                 "INSERT INTO manager_day (uuid, created, modified, date) VALUES"
                 " ('" V1_DAY "', '2025-03-01T09:00:00.000Z', '2025-03-01T09:00:00.000Z',"
                 " '2025-03-20');"
                 "INSERT INTO agenda_item (uuid, created, modified, day, duration, title, pilot)"
                 " VALUES ('" V1_ITEM "', '2025-03-02T09:00:00.000Z', '2025-03-02T09:00:00.000Z',"
                 " '" V1_DAY "', 15, 'Brukarråd', '" V1_PILOT "')");
}

/* Version 2 gives an agenda item the learning it shares; a version 1 file
 * keeps everything it held, and a copy of itself. */
static void
test_migration_to_2 (TestFile      *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;
  g_autoptr(TillitStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *learning = NULL;
  TillitRecord *item, *shared;

  make_v1_file (fixture->path);
  before = test_sql_string (fixture->path,
                            "SELECT group_concat(uuid || title, ',') FROM agenda_item");

  database = tillit_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tillit_database_get_schema_version (database), ==, 2);
  g_assert_cmpint (test_sql_int (fixture->path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM principle"), ==, 7);
  copied = test_sql_string (fixture->path,
                            "SELECT group_concat(uuid || title, ',') FROM agenda_item");
  g_assert_cmpstr (copied, ==, before);
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM agenda_item WHERE learning IS NULL"), ==, 1);
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM sqlite_schema"
                                 " WHERE name = 'agenda_item_learning'"), ==, 1);

  backup = find_backup (fixture->dir, 1);
  g_assert_nonnull (backup);
  g_assert_cmpint (test_sql_int (backup, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (test_sql_int (backup, "SELECT count(*) FROM pragma_table_info('agenda_item')"
                                         " WHERE name = 'learning'"), ==, 0);

  /* The new column works through the store: written, read back, and
   * cleared when its learning goes. */
  store = tillit_store_new (database, &error);
  g_assert_no_error (error);
  item = tillit_store_lookup (store, V1_ITEM);
  shared = tillit_store_lookup (store, V1_LEARNING);
  g_assert_nonnull (item);
  tillit_store_update (store, item, &error, "learning", V1_LEARNING, NULL);
  g_assert_no_error (error);
  learning = test_sql_string (fixture->path, "SELECT learning FROM agenda_item");
  g_assert_cmpstr (learning, ==, V1_LEARNING);
  g_clear_pointer (&learning, g_free);

  tillit_store_delete (store, shared, &error);
  g_assert_no_error (error);
  g_object_get (item, "learning", &learning, NULL);
  g_assert_null (learning);
  g_assert_cmpint (test_sql_int (fixture->path,
                                 "SELECT count(*) FROM agenda_item WHERE learning IS NULL"), ==, 1);
}

/* A copy a killed upgrade left half-written is thrown away, and the new
 * one takes the backup's name only once whole. */
static void
test_migration_stale_part (TestFile      *fixture,
                           gconstpointer  data)
{
  static const TillitMigration extra[] = { migrate_add_notes };
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;
  g_autofree char *part = g_strdup_printf ("%s.bak-v%d.part", fixture->path,
                                           tillit_database_get_latest_version ());
  g_autofree char *journal = g_strconcat (part, "-journal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *backup = NULL;

  make_tillit_file (fixture->path);
  before = test_sql_dump (fixture->path);
  g_file_set_contents (part, "half a copy", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (journal, "and its journal", -1, &error);
  g_assert_no_error (error);

  tillit_database_set_extra_migrations (extra, G_N_ELEMENTS (extra));
  database = tillit_database_open (fixture->path, &error);
  tillit_database_set_extra_migrations (NULL, 0);
  g_assert_no_error (error);

  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  backup = find_backup (fixture->dir, tillit_database_get_latest_version ());
  g_assert_nonnull (backup);
  g_assert_cmpstr (tillit_database_get_backup_path (database), ==, backup);
  copied = test_sql_dump (backup);
  g_assert_cmpstr (copied, ==, before);
}

/* The v1 schema is frozen SQL; the field tables are C. They must agree
 * column for column and reference for reference. */
static void
test_schema_matches_kinds (TestFile      *fixture,
                           gconstpointer  data)
{
  const TillitRecordKind * const *kinds;
  guint n_kinds;

  make_tillit_file (fixture->path);
  kinds = tillit_record_kinds (&n_kinds);
  g_assert_cmpuint (n_kinds, ==, 20);

  for (guint k = 0; k < n_kinds; k++)
    {
      const TillitRecordKind *kind = kinds[k];
      guint n = tillit_record_kind_n_all_fields (kind);
      g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s')",
                                                    kind->table);

      g_test_message ("kind %s", kind->name);
      g_assert_true (kinds[k]->get_type () != G_TYPE_INVALID);
      g_assert_true (tillit_record_kind_lookup (kind->name) == kind);
      g_assert_true (tillit_record_kind_for_type (kind->get_type ()) == kind);
      g_assert_cmpint (test_sql_int (fixture->path, count_sql), ==, n);

      for (guint i = 0; i < n; i++)
        {
          const TillitField *field = tillit_record_kind_field (kind, i);
          g_autofree char *column_sql =
            g_strdup_printf ("SELECT name FROM pragma_table_info('%s') WHERE cid = %u", kind->table, i);
          g_autofree char *fk_sql =
            g_strdup_printf ("SELECT \"table\" || ' ' || on_delete FROM pragma_foreign_key_list('%s')"
                             " WHERE \"from\" = '%s'", kind->table, field->column);
          g_autofree char *column = test_sql_string (fixture->path, column_sql);
          g_autofree char *fk = test_sql_string (fixture->path, fk_sql);
          GParamSpec *pspec = g_object_class_find_property (g_type_class_peek (kind->get_type ()),
                                                            field->name);

          g_assert_cmpstr (column, ==, field->column);
          g_assert_nonnull (pspec);
          g_assert_true (pspec->value_type == tillit_field_value_type (field));
          g_assert_nonnull (field->xml_name);

          if (field->type == TILLIT_FIELD_REFERENCE && field->target != NULL &&
              (field->flags & TILLIT_FIELD_EXTERNAL) == 0)
            {
              const TillitRecordKind *target = tillit_record_kind_lookup (field->target);
              const char *action[] = { "SET NULL", "CASCADE", "RESTRICT" };
              g_autofree char *expected = g_strdup_printf ("%s %s", target->table,
                                                           action[field->on_delete]);

              g_assert_cmpstr (fk, ==, expected);
            }
          else
            g_assert_null (fk);

          /* Dependency order: the target of a reference comes first. */
          if ((field->type == TILLIT_FIELD_REFERENCE || field->type == TILLIT_FIELD_REFERENCE_SET) &&
              field->target != NULL && (field->flags & TILLIT_FIELD_EXTERNAL) == 0 &&
              !g_str_equal (field->target, kind->name))
            {
              gboolean before = FALSE;

              for (guint j = 0; j < k; j++)
                before |= g_str_equal (kinds[j]->name, field->target);
              g_assert_true (before);
            }
        }

      if (kind->parent_field != NULL)
        g_assert_cmpint (tillit_record_kind_find_field (kind, kind->parent_field), >=, 0);
      if (kind->order_field != NULL)
        g_assert_cmpint (tillit_record_kind_field (kind, tillit_record_kind_find_field (kind, kind->order_field))->type,
                         ==, TILLIT_FIELD_INT);
    }
}

/* Every field, the four every record has included, has a label to quote
 * it by: a lower-case phrase, none twice in a kind, so a list of changed
 * fields tells them apart. */
static void
test_field_labels (void)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      guint n = tillit_record_kind_n_all_fields (kinds[k]);

      for (guint i = 0; i < n; i++)
        {
          const char *label = tillit_record_kind_get_field_label (kinds[k], i);

          g_test_message ("%s.%s: %s", kinds[k]->name, tillit_record_kind_field (kinds[k], i)->name, label);
          g_assert_nonnull (label);
          g_assert_cmpstr (label, ==, tillit_record_kind_field (kinds[k], i)->label);
          g_assert_true (g_unichar_islower (g_utf8_get_char (label)));
          for (guint j = 0; j < i; j++)
            g_assert_cmpstr (tillit_record_kind_get_field_label (kinds[k], j), !=, label);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  TEST_ADD ("/database/create", test_create);
  TEST_ADD ("/database/default-content", test_default_content);
  TEST_ADD ("/database/refuse/not-database", test_refuse_not_database);
  TEST_ADD ("/database/refuse/damaged", test_refuse_damaged);
  TEST_ADD ("/database/refuse/other-application", test_refuse_other_application);
  TEST_ADD ("/database/refuse/too-new", test_refuse_too_new);
  TEST_ADD ("/database/blank-file-is-new", test_blank_file_is_new);
  TEST_ADD ("/database/journal-fallback", test_journal_fallback);
  TEST_ADD ("/database/full-sync", test_full_sync);
  g_test_add_func ("/database/default-path", test_default_path);
  TEST_ADD ("/database/migration/backup", test_migration);
  TEST_ADD ("/database/migration/fails", test_migration_fails);
  TEST_ADD ("/database/migration/fails-at-once", test_migration_fails_at_once);
  TEST_ADD ("/database/migration/to-2", test_migration_to_2);
  TEST_ADD ("/database/migration/stale-part", test_migration_stale_part);
  TEST_ADD ("/database/schema-matches-kinds", test_schema_matches_kinds);
  g_test_add_func ("/database/field-labels", test_field_labels);

  return g_test_run ();
}
