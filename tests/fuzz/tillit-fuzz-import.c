/* tillit-fuzz-import.c: bytes through the real import, with its promises checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the libFuzzer harness and the regression test of what it
 * found. The bytes go where a coordinator's file goes: into a file, then
 * through tillit_exchange_validate() and, when it passes, through
 * tillit_exchange_plan_new() and tillit_exchange_plan_apply() on a
 * programme that a TillitStore has open, as in the window, and the
 * programme is reopened afterwards as the application does. Every promise
 * of the import is asserted, so a broken one aborts like a crash:
 *
 * - a refused file gets a TILLIT_EXCHANGE_ERROR other than FAILED that
 *   starts with FILE:LINE:COLUMN, and nothing is written to the programme;
 * - a file the reader accepts is refused by the plan only for a conflict
 *   with the programme or a rule the schema cannot say;
 * - a file that is planned can be applied, and the programme then opens
 *   and exports to a valid file;
 * - either way no transaction and no staging table is left behind.
 *
 * A fresh programme per input is cheap: the empty one is kept in memory
 * and copied back with SQLite's backup API whenever an import wrote. An
 * accepted file is imported a second time into a copy of the example
 * programme in which every other record was edited here since, so that
 * updates, conflicts and clashes of kinds are reached too (the fuzzer
 * imports into one of the two: see tillit_fuzz_import_set_sampled()).
 */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "exchange/tillit-exchange-schema.h"
#include "model/tillit-database-private.h"
#include "model/tillit-model.h"
#include "test-model-util.h"
#include "tillit-fuzz-import.h"

struct _TillitFuzzImport
{
  TestFile programme;
  char *input_path;
  char *input_name;
  GFile *input;
  TillitStore *store;
  sqlite3 *db;
  sqlite3 *fresh;
  sqlite3 *populated;
  /* Counts the staging tables left behind; asked after every input. */
  sqlite3_stmt *leftovers;
  guint main_writes;
  double fraction;
  gboolean sampled;
  GHashTable *markups;
  /* Lines in the input, or G_MAXUINT64 when it is compressed. */
  guint64 n_lines;
  /* Every file the folder can hold, for tillit_fuzz_import_remove_files(). */
  char *files[6];
};

static void
count_main_write (void          *data,
                  int            operation,
                  const char    *database,
                  const char    *table,
                  sqlite3_int64  rowid)
{
  TillitFuzzImport *self = data;

  if (g_str_equal (database, "main"))
    self->main_writes++;
}

static void
copy_database (sqlite3 *to,
               sqlite3 *from)
{
  sqlite3_backup *backup = sqlite3_backup_init (to, "main", from, "main");

  g_assert_nonnull (backup);
  g_assert_cmpint (sqlite3_backup_step (backup, -1), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_backup_finish (backup), ==, SQLITE_OK);
}

static sqlite3 *
snapshot (sqlite3 *db)
{
  sqlite3 *copy = NULL;

  g_assert_cmpint (sqlite3_open (":memory:", &copy), ==, SQLITE_OK);
  copy_database (copy, db);
  return copy;
}

static void
progress (double   fraction,
          gpointer user_data)
{
  TillitFuzzImport *self = user_data;

  g_assert_cmpfloat (fraction, >=, self->fraction);
  g_assert_cmpfloat (fraction, <=, 1.0);
  self->fraction = fraction;
}

/* ":LINE:COLUMN: " after the file's name, both numbers from 1 and the
 * line one the file has. */
static gboolean
has_place (TillitFuzzImport *self,
           const char       *message)
{
  const char *p;
  guint64 line;

  if (!g_str_has_prefix (message, self->input_name))
    return FALSE;
  p = message + strlen (self->input_name);
  for (int i = 0; i < 2; i++)
    {
      if (*p++ != ':' || !g_ascii_isdigit (*p) || *p == '0')
        return FALSE;
      if (i == 0)
        {
          line = g_ascii_strtoull (p, NULL, 10);
          if (line > self->n_lines)
            return FALSE;
        }
      while (g_ascii_isdigit (*p))
        p++;
    }
  return g_str_has_prefix (p, ": ") && p[2] != '\0';
}

static void
assert_nothing_left (TillitFuzzImport *self)
{
  g_assert_true (sqlite3_get_autocommit (self->db));
  g_assert_cmpint (sqlite3_step (self->leftovers), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (self->leftovers, 0), ==, 0);
  sqlite3_reset (self->leftovers);
}

static void
assert_clean_refusal (TillitFuzzImport *self,
                      const GError     *error)
{
  g_assert_nonnull (error);
  if (error->domain != TILLIT_EXCHANGE_ERROR || !has_place (self, error->message))
    g_error ("A refusal that does not say where in the file: %s", error->message);
  /* That code is for a failing disk or database, never a file's content. */
  if (error->code == TILLIT_EXCHANGE_ERROR_FAILED)
    g_error ("A file refused as if something had failed: %s", error->message);
  if (self->main_writes > 0)
    g_error ("A refused file wrote %u rows: %s", self->main_writes, error->message);
  assert_nothing_left (self);
}

static void
walk_plan (TillitExchangePlan *plan,
           guint64             n_lines)
{
  guint n = tillit_exchange_plan_get_n_entries (plan);
  guint counted = 0;

  for (TillitExchangeAction action = TILLIT_EXCHANGE_ACTION_NEW;
       action <= TILLIT_EXCHANGE_ACTION_CONFLICT; action++)
    counted += tillit_exchange_plan_count (plan, action);
  g_assert_cmpuint (counted, ==, n);

  for (guint i = 0; i < n; i++)
    {
      const char * const *changed = tillit_exchange_plan_get_changed_fields (plan, i);
      const char *theirs, *ours;

      g_assert_nonnull (tillit_exchange_plan_get_kind (plan, i));
      g_assert_nonnull (tillit_exchange_plan_get_uuid (plan, i));
      g_assert_cmpuint (tillit_exchange_plan_get_line (plan, i), >=, 1);
      g_assert_cmpuint (tillit_exchange_plan_get_line (plan, i), <=, n_lines);
      tillit_exchange_plan_get_modified (plan, i, &theirs, &ours);
      for (guint j = 0; changed != NULL && changed[j] != NULL; j++)
        g_free (tillit_exchange_plan_dup_value (plan, i, changed[j]));

      /* Both choices of the plan dialog: theirs for every other one. */
      if (tillit_exchange_plan_get_action (plan, i) == TILLIT_EXCHANGE_ACTION_CONFLICT && i % 2 == 0)
        tillit_exchange_plan_set_resolution (plan, i, TILLIT_EXCHANGE_TAKE_THEIRS);
    }
}

/* @error is required: a refusal is checked before it is handed on. */
/* What came in goes out again as a valid file. */
static void
assert_exports (TillitFuzzImport   *self,
                TillitExchangePlan *plan)
{
  const TillitExchangeSource source = { "Fuzz", NULL };
  g_autoptr(GFile) file = g_file_new_for_path (self->files[1]);
  g_autoptr(GError) error = NULL;

  if (!tillit_exchange_export (tillit_store_get_database (self->store), file, &source, NULL,
                               tillit_exchange_plan_has_personal_data (plan)
                               ? TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA
                               : TILLIT_EXCHANGE_EXPORT_NONE,
                               NULL, NULL, NULL, &error) ||
      !tillit_exchange_validate (file, 0, NULL, &error))
    g_error ("What was imported does not export: %s", error->message);
}

static gboolean
import_once (TillitFuzzImport  *self,
             gboolean           export,
             guint             *n_entries,
             GError           **error)
{
  g_autoptr(TillitExchangePlan) plan = NULL;
  g_autoptr(TillitStore) reopened = NULL;
  g_autoptr(GError) local_error = NULL;

  self->main_writes = 0;
  self->fraction = 0.0;
  plan = tillit_exchange_plan_new (tillit_store_get_database (self->store), self->input,
                                   TILLIT_EXCHANGE_DEFAULT_MAX_BYTES, progress, self, NULL,
                                   error);
  if (plan == NULL)
    {
      assert_clean_refusal (self, *error);
      return FALSE;
    }
  g_assert_cmpuint (self->main_writes, ==, 0);

  walk_plan (plan, self->n_lines);
  if (n_entries != NULL)
    *n_entries = tillit_exchange_plan_get_n_entries (plan);
  if (!tillit_exchange_plan_apply (plan, NULL, &local_error))
    g_error ("A planned file could not be applied: %s", local_error->message);
  if (export)
    assert_exports (self, plan);
  g_clear_object (&plan);
  assert_nothing_left (self);

  reopened = tillit_store_open (self->programme.path, &local_error);
  if (reopened == NULL)
    g_error ("The programme does not open after the import: %s", local_error->message);
  return TRUE;
}

/* The reader accepted the file: only the plan's own checks may refuse. */
static void
assert_plan_refusal (const GError *error)
{
  if (!g_error_matches (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_CONFLICT) &&
      !g_error_matches (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_INVALID))
    g_error ("A valid file refused by the plan: %s", error->message);
}

/* As a coordinator's file: plainly, no rename, truncated first. */
static void
write_input (TillitFuzzImport *self,
             const guint8     *data,
             gsize             size)
{
  int fd = g_open (self->input_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  gsize done = 0;

  g_assert_cmpint (fd, >=, 0);
  while (done < size)
    {
      gssize n = write (fd, data + done, size - done);

      g_assert_cmpint (n, >, 0);
      done += n;
    }
  g_assert_no_errno (close (fd));
}

/* FNV-1a over the bytes, or over the markup only: what is inside < >. */
static guint32
hash_bytes (const guint8 *data,
            gsize         size,
            gboolean      markup_only)
{
  guint32 hash = 2166136261u;
  gboolean in_markup = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      in_markup = (in_markup && data[i - 1] != '>') || data[i] == '<';
      if (in_markup || !markup_only)
        hash = (hash ^ data[i]) * 16777619u;
    }
  return hash;
}

#define MAX_MARKUPS (1u << 20)

/* Whether a sampled run imports this valid file, and into which
 * programme. Always when its markup is new: most valid mutants differ
 * from their parent only in a text, which the plan treats alike;
 * otherwise one in sixteen, chosen by a hash of the bytes. */
static gboolean
sample (TillitFuzzImport *self,
        const guint8     *data,
        gsize             size,
        gboolean         *populated)
{
  guint32 hash = hash_bytes (data, size, FALSE);
  guint32 markup = hash_bytes (data, size, TRUE);
  gboolean seen = g_hash_table_contains (self->markups, GUINT_TO_POINTER (markup));

  if (!seen && g_hash_table_size (self->markups) < MAX_MARKUPS)
    g_hash_table_add (self->markups, GUINT_TO_POINTER (markup));
  *populated = self->populated != NULL && (hash & 16) != 0;
  return !seen || hash % 16 == 0;
}

/* Every other record edited here after the import, in each kind. */
static void
edit_half (sqlite3 *db)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("UPDATE main.\"%s\" SET modified = "
                                              "'2099-01-01T00:00:00.000Z' WHERE rowid %% 2 = 0",
                                              kinds[i]->table);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
    }
}

/**
 * tillit_fuzz_import_new:
 * @example: (nullable): an exchange file for the second, populated
 *   programme; without it accepted files are imported once
 *
 * A programme in a new temporary folder (put `TMPDIR` on a tmpfs for
 * speed), open in a store as the window holds it.
 */
TillitFuzzImport *
tillit_fuzz_import_new (const char *example)
{
  TillitFuzzImport *self = g_new0 (TillitFuzzImport, 1);
  g_autoptr(GError) error = NULL;

  test_file_setup (&self->programme, NULL);
  self->input_path = g_build_filename (self->programme.dir, "input.xml", NULL);
  self->files[0] = g_strdup (self->input_path);
  self->files[1] = g_build_filename (self->programme.dir, "export.xml", NULL);
  self->files[2] = g_strdup (self->programme.path);
  self->files[3] = g_strconcat (self->programme.path, "-wal", NULL);
  self->files[4] = g_strconcat (self->programme.path, "-shm", NULL);
  self->input = g_file_new_for_path (self->input_path);
  self->input_name = g_file_get_parse_name (self->input);

  self->store = tillit_store_open (self->programme.path, &error);
  g_assert_no_error (error);
  self->db = tillit_database_get_handle (tillit_store_get_database (self->store));
  self->fresh = snapshot (self->db);

  if (example != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (example);
      g_autoptr(TillitExchangePlan) plan =
        tillit_exchange_plan_new (tillit_store_get_database (self->store), file, 0,
                                  NULL, NULL, NULL, &error);

      g_assert_no_error (error);
      g_assert_true (tillit_exchange_plan_apply (plan, NULL, &error));
      g_assert_no_error (error);
      edit_half (self->db);
      self->populated = snapshot (self->db);
      copy_database (self->db, self->fresh);
    }

  g_assert_cmpint (sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM temp.sqlite_schema "
                                                  "WHERE name LIKE 'exchange_stage%'", -1,
                                       &self->leftovers, NULL), ==, SQLITE_OK);
  sqlite3_update_hook (self->db, count_main_write, self);
  self->markups = g_hash_table_new (NULL, NULL);
  return self;
}

void
tillit_fuzz_import_free (TillitFuzzImport *self)
{
  if (self == NULL)
    return;

  sqlite3_update_hook (self->db, NULL, NULL);
  sqlite3_finalize (self->leftovers);
  g_clear_object (&self->store);
  sqlite3_close (self->fresh);
  sqlite3_close (self->populated);
  g_hash_table_unref (self->markups);
  g_clear_object (&self->input);
  test_file_teardown (&self->programme, NULL);
  g_free (self->input_name);
  g_free (self->input_path);
  for (guint i = 0; self->files[i] != NULL; i++)
    g_free (self->files[i]);
  g_free (self);
}

/**
 * tillit_fuzz_import_set_sampled:
 *
 * For the fuzzer, whose budget is executions: an import costs a hundred
 * validations, so of the accepted files only one in sixteen, chosen by a
 * hash of the bytes, is imported into the empty programme and another one
 * in sixteen into the populated one. By default every accepted file goes
 * into both.
 */
void
tillit_fuzz_import_set_sampled (TillitFuzzImport *self,
                                gboolean          sampled)
{
  self->sampled = sampled;
}

/**
 * tillit_fuzz_import_remove_files:
 *
 * Removes the temporary folder and what it holds, and nothing else: no
 * lock is taken and nothing is freed, so that it is safe on an exit
 * that interrupted the import anywhere (libFuzzer exits from its signal
 * handlers).
 */
void
tillit_fuzz_import_remove_files (TillitFuzzImport *self)
{
  for (guint i = 0; self->files[i] != NULL; i++)
    unlink (self->files[i]);
  rmdir (self->programme.dir);
}

/* The programme file: the one every import goes into. */
const char *
tillit_fuzz_import_get_database (TillitFuzzImport *self)
{
  return self->programme.path;
}

/* The file the bytes are written to; refusals name it. */
const char *
tillit_fuzz_import_get_input (TillitFuzzImport *self)
{
  return self->input_path;
}

/**
 * tillit_fuzz_import_run:
 * @n_entries: (out) (optional): the records of an accepted file
 * @error: why the file was refused
 *
 * Validates @data and, when it is valid, imports it into the empty
 * programme and into the populated one; asserts the import's promises on
 * the way. Afterwards the programme is empty again.
 *
 * Returns: %TRUE when the file was accepted (by validation and the plan
 *   into the empty programme)
 */
gboolean
tillit_fuzz_import_run (TillitFuzzImport  *self,
                        const guint8      *data,
                        gsize              size,
                        guint             *n_entries,
                        GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean populated = FALSE;

  write_input (self, data, size);
  self->main_writes = 0;
  self->n_lines = 1;
  for (gsize i = 0; i < size; i++)
    self->n_lines += data[i] == '\n';
  if (size >= 2 && data[0] == 0x1f && data[1] == 0x8b)
    self->n_lines = G_MAXUINT64;

  /* Validation reads the file with the very reader the plan uses, in a
   * fraction of the plan's time (which stages every kind in SQLite
   * first); only what it accepts goes on to the plan. */
  if (!tillit_exchange_validate (self->input, TILLIT_EXCHANGE_DEFAULT_MAX_BYTES, NULL,
                                 &local_error))
    {
      assert_clean_refusal (self, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (self->sampled && !sample (self, data, size, &populated))
    return TRUE;

  if (!self->sampled || !populated)
    {
      if (!import_once (self, TRUE, n_entries, &local_error))
        {
          assert_plan_refusal (local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      copy_database (self->db, self->fresh);
    }

  if (self->populated != NULL && (!self->sampled || populated))
    {
      copy_database (self->db, self->populated);
      if (!import_once (self, FALSE, NULL, &local_error))
        assert_plan_refusal (local_error);
      copy_database (self->db, self->fresh);
    }
  return TRUE;
}
