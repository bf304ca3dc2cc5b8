/* test-crash-safety.c: SIGKILL at random moments of an import and of a
 * migration leaves the programme file whole, with all of the change or
 * none of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The child is this program again, run to do what the command line's
 * `tillit --database DB --import FILE` does, or to open the file with one
 * more (test-only) migration than this build has. One uninterrupted run
 * measures how long the work takes; each of the 20 kills then falls at a
 * random moment of its own twentieth of that time and a quarter beyond,
 * so that some land before, some during and some after the commit.
 * TILLIT_CRASH_SEED repeats a run's moments.
 */
#include "config.h"

#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "exchange/tillit-exchange.h"
#include "exchange/tillit-exchange-cli.h"
#include "model/tillit-database-private.h"
#include "test-model-util.h"

#define N_KILLS 20

/* 1,000 pilots with four learnings each: an exchange file of about
 * 2 MB, whose import takes about half a second. */
#define N_PILOTS 1000

#define IMPORT_CHILD "--import-child"
#define MIGRATE_CHILD "--migrate-child"

extern char **environ;

typedef struct
{
  guint n_before;
  guint n_after;
} Tally;

static const TillitExchangeSource neighbour = { "Norrvik kommun", "9902" };

/* Pilots and their learnings from another municipality, in one
 * statement each. */
static void
fill (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  sql = g_strdup_printf (
    "BEGIN;"
    "INSERT INTO municipality (uuid, created, modified, name, code, ours) VALUES "
    " ('00000000-0000-4000-8000-00000000000b', '2026-01-01T00:00:00.000Z',"
    "  '2026-01-01T00:00:00.000Z', 'Norrvik kommun', '9902', 1);"
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO pilot (uuid, created, modified, origin, title, stage, need, idea)"
    " SELECT printf('%%08x-0000-4000-8000-a%%011x', i, i),"
    "  printf('2025-%%02d-%%02dT08:00:00.000Z', i %% 12 + 1, i %% 28 + 1),"
    "  printf('2025-%%02d-%%02dT09:00:00.000Z', i %% 12 + 1, i %% 28 + 1),"
    "  '00000000-0000-4000-8000-00000000000b', 'Pilot ' || i || ' i hemtjänsten',"
    "  'test', 'Brukarna vill ha mer inflytande över när besöken görs.',"
    "  'Arbetsgruppen planerar själv besöken tillsammans med brukaren.' FROM n;"
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < %d)"
    " INSERT INTO learning (uuid, created, modified, origin, pilot, date, text)"
    " SELECT printf('%%08x-0000-4000-8000-b%%011x', i, i),"
    "  '2025-06-01T10:00:00.000Z', '2025-06-01T10:00:00.000Z',"
    "  '00000000-0000-4000-8000-00000000000b',"
    "  printf('%%08x-0000-4000-8000-a%%011x', i / 4, i / 4),"
    "  printf('2025-%%02d-15', i %% 12 + 1),"
    "  'Det tog tid att komma överens om vad som skulle följas upp, lärdom ' || i FROM n;"
    "COMMIT",
    N_PILOTS - 1, 4 * N_PILOTS - 1);
  tillit_sqlite_exec (tillit_database_get_handle (database), sql, &error);
  g_assert_no_error (error);
}

static void
assert_integrity (const char *path)
{
  g_autofree char *result = test_sql_string (path, "PRAGMA integrity_check");

  g_assert_cmpstr (result, ==, "ok");
}

/* What the file holds, opened with sqlite3 directly (which rolls back
 * or recovers what a killed writer left): every record, and the sync
 * state of imported ones but for the moment of the import. */
static char *
digest (const char *path)
{
  g_autofree char *records = NULL;
  g_autofree char *sync = NULL;
  g_autofree char *all = NULL;

  assert_integrity (path);
  records = test_sql_dump (path);
  sync = test_sql_string (path, "SELECT count(*) || ':' || ifnull(group_concat(row, ','), '')"
                                " FROM (SELECT uuid || ' ' || base_modified || ' ' ||"
                                " ifnull(source_municipality, '') AS row FROM sync_state"
                                " ORDER BY uuid)");
  all = g_strconcat (records, "\nsync_state: ", sync, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, all, -1);
}

/* The programme file and whatever SQLite and Tillit keep beside it. */
static void
remove_programme (TestFile *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, "programme.db"))
      {
        g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

        g_assert_cmpint (g_unlink (path), ==, 0);
      }
}

static void
restore (TestFile *fixture,
         GBytes   *pristine)
{
  g_autoptr(GError) error = NULL;

  remove_programme (fixture);
  g_file_set_contents (fixture->path, g_bytes_get_data (pristine, NULL),
                       g_bytes_get_size (pristine), &error);
  g_assert_no_error (error);
}

/* The child is this program again, started afresh: a fork would share
 * (and under AddressSanitizer copy, page by page) all the parent has
 * touched. Its output would only fill the log: the uninterrupted run,
 * whose errors matter, keeps its stderr. */
static pid_t
start_child (const char *role,
             const char *path,
             const char *file,
             gboolean    quiet)
{
  const char *argv[] = { "/proc/self/exe", role, path, file, NULL };
  posix_spawn_file_actions_t actions;
  pid_t pid;

  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  if (quiet)
    posix_spawn_file_actions_addopen (&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  g_assert_cmpint (posix_spawn (&pid, argv[0], &actions, NULL, (char **) argv, environ), ==, 0);
  posix_spawn_file_actions_destroy (&actions);
  return pid;
}

/* Returns the seconds it took. */
static double
run_child (const char *role,
           const char *path,
           const char *file)
{
  gint64 start = g_get_monotonic_time ();
  pid_t pid = start_child (role, path, file, FALSE);
  int status = 0;

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The child is killed after @seconds, or has finished by then. */
static void
kill_child (const char *role,
            const char *path,
            const char *file,
            double      seconds)
{
  pid_t pid = start_child (role, path, file, TRUE);
  int status = 0;

  g_usleep (seconds * G_USEC_PER_SEC);
  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  if (WIFEXITED (status))
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  else
    g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);
}

static GRand *
seeded_rand (void)
{
  const char *env = g_getenv ("TILLIT_CRASH_SEED");
  guint32 seed = env != NULL ? (guint32) g_ascii_strtoull (env, NULL, 10) : g_random_int ();

  g_test_message ("Kill moments from TILLIT_CRASH_SEED=%" G_GUINT32_FORMAT, seed);
  return g_rand_new_with_seed (seed);
}

/* The @i-th of the 20 moments: each at random within its twentieth of
 * the uninterrupted run and a quarter beyond (a run may be slower than
 * the measured one), so that every stretch of the work, the commit too,
 * gets its kill. */
static double
nth_moment (GRand  *rand,
            guint   i,
            double  duration)
{
  double stretch = 1.25 * duration / N_KILLS;

  return (i + g_rand_double (rand)) * stretch;
}

static void
assert_opens (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
}

static void
export (const char *path,
        const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
  g_autoptr(GFile) target = g_file_new_for_path (file);

  g_assert_no_error (error);
  tillit_exchange_export (database, target, &neighbour, NULL, TILLIT_EXCHANGE_EXPORT_NONE,
                          NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_kill_import (TestFile      *fixture,
                  gconstpointer  data)
{
  g_autofree char *source = g_build_filename (fixture->dir, "neighbour.db", NULL);
  g_autofree char *file = g_build_filename (fixture->dir, "neighbour.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) pristine = NULL;
  g_autoptr(GRand) rand = seeded_rand ();
  Tally tally = { 0, 0 };
  double duration;

  /* The file to import, written by a real export. */
  fill (source);
  export (source, file);

  /* Our programme before the import, closed, so that its file alone is
   * all of it. */
  assert_opens (fixture->path);
  pristine = test_read_bytes (fixture->path);
  before = digest (fixture->path);

  duration = run_child (IMPORT_CHILD, fixture->path, file);
  after = digest (fixture->path);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM learning"), ==, 4 * N_PILOTS);
  g_test_message ("An uninterrupted import of %d records takes %.2f s", 5 * N_PILOTS, duration);

  for (guint i = 0; i < N_KILLS; i++)
    {
      double moment = nth_moment (rand, i, duration);
      g_autofree char *now = NULL;

      restore (fixture, pristine);
      kill_child (IMPORT_CHILD, fixture->path, file, moment);

      now = digest (fixture->path);
      g_test_message ("Killed at %.3f s: %s", moment,
                      g_str_equal (now, before) ? "none of the import"
                      : g_str_equal (now, after) ? "all of the import" : "part of it");
      if (g_str_equal (now, before))
        tally.n_before++;
      else
        {
          g_assert_cmpstr (now, ==, after);
          tally.n_after++;
        }
      assert_opens (fixture->path);
    }

  g_test_message ("%u kills left none of the import, %u all of it", tally.n_before, tally.n_after);
}

/* The test-only migration: a table of its own and a change to every
 * learning, in one transaction. */
static gboolean
migrate_mark_learnings (sqlite3  *db,
                        GError  **error)
{
  return tillit_sqlite_exec (db, "CREATE TABLE test_migrated (uuid TEXT);"
                                 "INSERT INTO test_migrated SELECT uuid FROM pilot;"
                                 "UPDATE learning SET text = text || ' (migrated)'", error);
}

static const TillitMigration extra_migration[] = { migrate_mark_learnings };

static int
child_migrate (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = NULL;

  tillit_database_set_extra_migrations (extra_migration, G_N_ELEMENTS (extra_migration));
  database = tillit_database_open (path, &error);
  if (database == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* The copies beside the file, by their name: `programme.db.bak-vN-TIME`. */
static GPtrArray *
find_backups (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_regex_match_simple ("^programme\\.db\\.bak-v[0-9]+-[0-9]{8}T[0-9]{6}Z$", name, 0, 0))
      g_ptr_array_add (backups, g_build_filename (dir, name, NULL));

  return backups;
}

/* A file at version @version holds what that version must hold. */
static void
assert_migration_state (const char *path,
                        int         version,
                        const char *before,
                        const char *after)
{
  g_autofree char *now = digest (path);
  int n_marks = test_sql_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'test_migrated'");

  g_assert_cmpint (test_sql_int (path, "PRAGMA application_id"), ==, TILLIT_DATABASE_APPLICATION_ID);
  if (test_sql_int (path, "PRAGMA user_version") == version)
    {
      g_assert_cmpstr (now, ==, before);
      g_assert_cmpint (n_marks, ==, 0);
    }
  else
    {
      g_assert_cmpint (test_sql_int (path, "PRAGMA user_version"), ==, version + 1);
      g_assert_cmpstr (now, ==, after);
      g_assert_cmpint (test_sql_int (path, "SELECT count(*) FROM test_migrated"), ==, N_PILOTS);
    }
}

static void
test_kill_migration (TestFile      *fixture,
                     gconstpointer  data)
{
  int version = tillit_database_get_latest_version ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GBytes) pristine = NULL;
  g_autoptr(GRand) rand = seeded_rand ();
  Tally tally = { 0, 0 };
  double duration;

  /* A programme as large as the import's at this build's version: its
   * backup copy and its migration both take a while. */
  fill (fixture->path);
  pristine = test_read_bytes (fixture->path);
  before = digest (fixture->path);

  duration = run_child (MIGRATE_CHILD, fixture->path, "");
  g_assert_cmpint (test_sql_int (fixture->path, "PRAGMA user_version"), ==, version + 1);
  after = digest (fixture->path);
  g_assert_cmpstr (before, !=, after);
  assert_migration_state (fixture->path, version, before, after);
  g_test_message ("An uninterrupted migration of %d records takes %.2f s", 5 * N_PILOTS, duration);

  for (guint i = 0; i < N_KILLS; i++)
    {
      double moment = nth_moment (rand, i, duration);
      g_autoptr(GPtrArray) backups = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TillitDatabase) database = NULL;

      restore (fixture, pristine);
      kill_child (MIGRATE_CHILD, fixture->path, "", moment);

      assert_migration_state (fixture->path, version, before, after);
      backups = find_backups (fixture->dir);
      g_test_message ("Killed at %.3f s: at version %d, %u backup copies", moment,
                      test_sql_int (fixture->path, "PRAGMA user_version"), backups->len);
      if (test_sql_int (fixture->path, "PRAGMA user_version") == version)
        tally.n_before++;
      else
        tally.n_after++;

      /* Any copy there is whole, and the file as it was. */
      for (guint b = 0; b < backups->len; b++)
        {
          g_autofree char *copy = digest (backups->pdata[b]);

          g_assert_cmpint (test_sql_int (backups->pdata[b], "PRAGMA user_version"), ==, version);
          g_assert_cmpstr (copy, ==, before);
        }

      /* The next start finishes what the killed one began. */
      tillit_database_set_extra_migrations (extra_migration, G_N_ELEMENTS (extra_migration));
      database = tillit_database_open (fixture->path, &error);
      tillit_database_set_extra_migrations (NULL, 0);
      g_assert_no_error (error);
      g_assert_cmpint (tillit_database_get_schema_version (database), ==, version + 1);
      g_clear_object (&database);
      assert_migration_state (fixture->path, version, before, after);
    }

  g_test_message ("%u kills left the file at version %d, %u at version %d",
                  tally.n_before, version, tally.n_after, version + 1);
}

int
main (int   argc,
      char *argv[])
{
  /* As main () does: in the C locale every line g_print () writes would
   * be converted to ASCII. */
  setlocale (LC_ALL, "");
  if (argc == 4 && g_str_equal (argv[1], IMPORT_CHILD))
    return tillit_exchange_cli_import (argv[2], argv[3], FALSE);
  if (argc == 4 && g_str_equal (argv[1], MIGRATE_CHILD))
    return child_migrate (argv[2]);

  g_test_init (&argc, &argv, NULL);

  TEST_ADD ("/crash-safety/kill-import", test_kill_import);
  TEST_ADD ("/crash-safety/kill-migration", test_kill_migration);

  return g_test_run ();
}
