/* bench-util.c: what the benchmark programs share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <time.h>

#include "bench-util.h"
#include "model/tillit-database-private.h"

#define N_UNITS 200
#define LEARNINGS_PER_PILOT 3

/**
 * bench_size:
 *
 * Returns: the size TILLIT_BENCH_RECORDS asks for, or @fallback
 */
guint
bench_size (guint fallback)
{
  const char *size = g_getenv ("TILLIT_BENCH_RECORDS");
  guint64 n;

  if (size == NULL || *size == '\0')
    return fallback;
  if (!g_ascii_string_to_unsigned (size, 10, 1, G_MAXUINT, &n, NULL))
    g_error ("TILLIT_BENCH_RECORDS=%s is not a number of records", size);
  return n;
}

/* 50000 as “50,000”, as the figures name their sizes. */
char *
bench_count (guint n)
{
  g_autofree char *thousands = NULL;

  if (n < 1000)
    return g_strdup_printf ("%u", n);
  thousands = bench_count (n / 1000);
  return g_strdup_printf ("%s,%03u", thousands, n % 1000);
}

char *
bench_make_dir (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (name, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  if (dir == NULL)
    g_error ("%s", error->message);
  return dir;
}

void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (dir);
}

static void
exec (sqlite3    *db,
      const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", message, sql);
}

/**
 * bench_fill:
 * @n_pilots: how many pilots
 * @with_history: whether each pilot also has three learnings and an
 *   adoption, as in a programme that has run for years
 *
 * Creates the programme at @path: the default framework, our
 * municipality (so that Tillit does not ask who we are), 200 units and
 * the pilots, whose titles and owners vary for the search to find some
 * and whose principles are two of the framework's.
 *
 * The rows go in through SQL, a statement per table, not through the
 * store: the figures wanted are the store's, not a fill's. The UUIDs
 * count up, so every row appends to its table's index and the fill
 * takes seconds.
 */
void
bench_fill (const char *path,
            guint       n_pilots,
            gboolean    with_history)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
  g_autofree char *units = NULL;
  g_autofree char *pilots = NULL;
  g_autofree char *learnings = NULL;
  g_autofree char *adoptions = NULL;
  sqlite3 *db;

  if (database == NULL)
    g_error ("%s", error->message);
  db = tillit_database_get_handle (database);

  units = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < %u)"
    " INSERT INTO unit (uuid, created, modified, name)"
    " SELECT printf('%%08x-0000-4000-8000-1%%011x', i, i), '2026-01-01T00:00:00.000Z',"
    "  '2026-01-01T00:00:00.000Z', 'Unit ' || i FROM n",
    N_UNITS);
  pilots = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < %u),"
    " p(k, uuid) AS (SELECT row_number() OVER (ORDER BY uuid) - 1, uuid FROM principle)"
    " INSERT INTO pilot (uuid, created, modified, title, unit, owner, stage, decision, need, idea,"
    "  involvement, support, principles, start_date)"
    " SELECT printf('%%08x-0000-4000-8000-2%%011x', i, i),"
    "  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
    "  (CASE i %% 6 WHEN 0 THEN 'Home care planned with the user'"
    "   WHEN 1 THEN 'Night-time digital supervision'"
    "   WHEN 2 THEN 'Co-created day activities'"
    "   WHEN 3 THEN 'Meal choice in elderly care'"
    "   WHEN 4 THEN 'Shared care plans across units'"
    "   ELSE 'Trust-based housing assistance' END) || ' ' || i,"
    "  printf('%%08x-0000-4000-8000-1%%011x', i %% %u, i %% %u),"
    "  (CASE i %% 4 WHEN 0 THEN 'Anna Berg' WHEN 1 THEN 'Örjan Åkesson'"
    "   WHEN 2 THEN 'Eva Lind' ELSE 'Karim Haddad' END),"
    "  (CASE i %% 4 WHEN 0 THEN 'identify' WHEN 1 THEN 'test'"
    "   WHEN 2 THEN 'implement' ELSE 'follow-up' END),"
    "  (CASE i %% 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'approved' ELSE 'declined' END),"
    "  'Users wait too long for an answer about housing support.',"
    "  'A weekly drop-in hour run with the users'' council.',"
    "  'focus-groups surveys', 'administrative pedagogical',"
    "  (SELECT group_concat(uuid, ' ') FROM (SELECT uuid FROM p"
    "   WHERE k / 2 = i %% ((SELECT count(*) FROM p) / 2) ORDER BY k)),"
    "  '2026-02-01'"
    " FROM n",
    n_pilots, N_UNITS, N_UNITS);
  learnings = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < %u)"
    " INSERT INTO learning (uuid, created, modified, pilot, date, text, author_role)"
    " SELECT printf('%%08x-0000-4000-8000-3%%011x', i, i),"
    "  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
    "  printf('%%08x-0000-4000-8000-2%%011x', i / %u, i / %u), '2026-06-01',"
    "  'Staff found the drop-in easier to run than expected.', 'first-line manager'"
    " FROM n",
    n_pilots * LEARNINGS_PER_PILOT, LEARNINGS_PER_PILOT, LEARNINGS_PER_PILOT);
  adoptions = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < %u)"
    " INSERT INTO adoption (uuid, created, modified, pilot, unit, date)"
    " SELECT printf('%%08x-0000-4000-8000-4%%011x', i, i),"
    "  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
    "  printf('%%08x-0000-4000-8000-2%%011x', i, i),"
    "  printf('%%08x-0000-4000-8000-1%%011x', (i + 1) %% %u, (i + 1) %% %u), '2026-09-01'"
    " FROM n",
    n_pilots, N_UNITS, N_UNITS);

  exec (db, "BEGIN");
  exec (db, "INSERT INTO municipality (uuid, created, modified, name, code, ours)"
            " VALUES ('00000000-0000-4000-8000-000000000001', '2026-01-01T00:00:00.000Z',"
            " '2026-01-01T00:00:00.000Z', 'Ekdala kommun', '9999', 1)");
  exec (db, units);
  if (n_pilots > 0)
    exec (db, pilots);
  if (n_pilots > 0 && with_history)
    {
      exec (db, learnings);
      exec (db, adoptions);
    }
  exec (db, "COMMIT");
}

/**
 * bench_fill_records:
 *
 * As bench_fill() with history, with as many pilots as make about
 * @n_records records.
 */
void
bench_fill_records (const char *path,
                    guint       n_records)
{
  bench_fill (path, n_records > N_UNITS ? (n_records - N_UNITS) / BENCH_RECORDS_PER_PILOT : 0, TRUE);
}

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/**
 * bench_thread_cpu_ms:
 *
 * The CPU time the calling thread has used, in ms: the difference of
 * two readings is the work done in between, which, unlike wall time, a
 * busy machine does not lengthen by the time it gave other programs.
 */
double
bench_thread_cpu_ms (void)
{
  struct timespec now;

  if (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now) != 0)
    g_error ("clock_gettime (CLOCK_THREAD_CPUTIME_ID): %s", g_strerror (errno));
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* @ms: doubles; sorted in place. */
double
bench_median (GArray *ms)
{
  g_return_val_if_fail (ms->len > 0, 0);

  g_array_sort (ms, compare_doubles);
  return ms->len % 2 ? g_array_index (ms, double, ms->len / 2)
                     : (g_array_index (ms, double, ms->len / 2 - 1) + g_array_index (ms, double, ms->len / 2)) / 2;
}

double
bench_worst (GArray *ms)
{
  double worst = 0;

  for (guint i = 0; i < ms->len; i++)
    worst = MAX (worst, g_array_index (ms, double, i));
  return worst;
}

/**
 * bench_print:
 * @figure: short English description, sizes included
 * @unit: "s", "ms" or "MiB"
 * @reference: (nullable): what the figure is compared against, measured
 *   in the same run, or %NULL for none
 * @reference_value: in @unit; ignored without @reference
 * @target: (nullable): "ratio<=1.5" (against the reference), "value<=50"
 *   (in @unit), or %NULL for none
 *
 * Prints the figure's BENCH line, which build-aux/bench-table.py reads:
 * BENCH, figure, value, unit, reference, reference value, target,
 * separated by tabs, with “-” for what is missing.
 */
void
bench_print (const char *figure,
             double      value,
             const char *unit,
             const char *reference,
             double      reference_value,
             const char *target)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];
  char reference_text[G_ASCII_DTOSTR_BUF_SIZE] = "-";

  g_ascii_formatd (value_text, sizeof value_text, "%.3f", value);
  if (reference != NULL)
    g_ascii_formatd (reference_text, sizeof reference_text, "%.3f", reference_value);

  g_print ("BENCH\t%s\t%s\t%s\t%s\t%s\t%s\n", figure, value_text, unit,
           reference != NULL ? reference : "-", reference_text, target != NULL ? target : "-");
}
