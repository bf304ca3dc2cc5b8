/* bench-model.c: a programme with 50,000 pilots: how long it takes to
 * open, and how long one edit takes to reach the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "model/tillit-database-private.h"
#include "model/tillit-model.h"

#define N_PILOTS 50000
#define N_UNITS 200
#define LEARNINGS_PER_PILOT 3
#define N_EDITS 500

static void
check (int         rc,
       sqlite3    *db,
       const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s: %s", what, sqlite3_errmsg (db));
}

static sqlite3_stmt *
prepare (sqlite3    *db,
         const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  check (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), db, sql);
  return stmt;
}

static void
run (sqlite3_stmt *stmt)
{
  check (sqlite3_step (stmt), sqlite3_db_handle (stmt), sqlite3_sql (stmt));
  sqlite3_reset (stmt);
}

/* Bulk rows go in through SQL, not the store: the figure wanted is the
 * store's time to load them, not an import's. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Random UUIDs in key order: inserted so, they append to each table's
 * index instead of dirtying pages all over it, and the fill takes
 * seconds rather than minutes. */
static GPtrArray *
sorted_uuids (guint n)
{
  GPtrArray *uuids = g_ptr_array_new_full (n, g_free);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (uuids, g_uuid_string_random ());
  g_ptr_array_sort (uuids, compare_strings);

  return uuids;
}

static void
fill (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
  const char *stamp = "2026-01-01T00:00:00.000Z";
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) principles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pilot_uuids = sorted_uuids (N_PILOTS);
  g_autoptr(GPtrArray) learning_uuids = sorted_uuids (N_PILOTS * LEARNINGS_PER_PILOT);
  g_autoptr(GPtrArray) adoption_uuids = sorted_uuids (N_PILOTS);
  sqlite3_stmt *unit, *pilot, *learning, *adoption, *select;
  sqlite3 *db;

  if (database == NULL)
    g_error ("%s", error->message);
  db = tillit_database_get_handle (database);

  select = prepare (db, "SELECT uuid FROM principle ORDER BY position");
  while (sqlite3_step (select) == SQLITE_ROW)
    g_ptr_array_add (principles, g_strdup ((const char *) sqlite3_column_text (select, 0)));
  sqlite3_finalize (select);

  check (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL), db, "BEGIN");
  unit = prepare (db, "INSERT INTO unit (uuid, created, modified, name) VALUES (?1, ?2, ?2, ?3)");
  pilot = prepare (db, "INSERT INTO pilot (uuid, created, modified, title, unit, stage, need, idea,"
                       " involvement, support, principles, start_date)"
                       " VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, 'focus-groups surveys',"
                       " 'administrative pedagogical', ?8, '2026-02-01')");
  learning = prepare (db, "INSERT INTO learning (uuid, created, modified, pilot, date, text, author_role)"
                          " VALUES (?1, ?2, ?2, ?3, '2026-06-01', ?4, 'first-line manager')");
  adoption = prepare (db, "INSERT INTO adoption (uuid, created, modified, pilot, unit, date)"
                          " VALUES (?1, ?2, ?2, ?3, ?4, '2026-09-01')");

  for (guint i = 0; i < N_UNITS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Unit %u", i);

      g_ptr_array_add (units, g_uuid_string_random ());
      sqlite3_bind_text (unit, 1, g_ptr_array_index (units, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (unit, 2, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (unit, 3, name, -1, SQLITE_STATIC);
      run (unit);
    }

  for (guint i = 0; i < N_PILOTS; i++)
    {
      static const char * const stages[] = { "identify", "test", "implement", "follow-up" };
      const char *uuid = g_ptr_array_index (pilot_uuids, i);
      g_autofree char *title = g_strdup_printf ("Pilot %u: housing assistance with users", i);
      g_autofree char *set = NULL;
      const char *a = g_ptr_array_index (principles, i % principles->len);
      const char *b = g_ptr_array_index (principles, (i + 3) % principles->len);

      set = g_strcmp0 (a, b) < 0 ? g_strdup_printf ("%s %s", a, b) : g_strdup_printf ("%s %s", b, a);
      sqlite3_bind_text (pilot, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 2, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 3, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 4, g_ptr_array_index (units, i % N_UNITS), -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 5, stages[i % 4], -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 6, "Users wait too long for an answer about housing support.", -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 7, "A weekly drop-in hour run with the users' council.", -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 8, set, -1, SQLITE_STATIC);
      run (pilot);

      for (guint l = 0; l < LEARNINGS_PER_PILOT; l++)
        {
          sqlite3_bind_text (learning, 1, g_ptr_array_index (learning_uuids, i * LEARNINGS_PER_PILOT + l),
                             -1, SQLITE_STATIC);
          sqlite3_bind_text (learning, 2, stamp, -1, SQLITE_STATIC);
          sqlite3_bind_text (learning, 3, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (learning, 4, "Staff found the drop-in easier to run than expected.", -1, SQLITE_STATIC);
          run (learning);
        }

      sqlite3_bind_text (adoption, 1, g_ptr_array_index (adoption_uuids, i), -1, SQLITE_STATIC);
      sqlite3_bind_text (adoption, 2, stamp, -1, SQLITE_STATIC);
      sqlite3_bind_text (adoption, 3, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (adoption, 4, g_ptr_array_index (units, (i + 1) % N_UNITS), -1, SQLITE_STATIC);
      run (adoption);
    }

  sqlite3_finalize (unit);
  sqlite3_finalize (pilot);
  sqlite3_finalize (learning);
  sqlite3_finalize (adoption);
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), db, "COMMIT");
}

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 ta = *(const gint64 *) a;
  gint64 tb = *(const gint64 *) b;

  return (ta > tb) - (ta < tb);
}

static double
median_ms (GArray *times)
{
  g_array_sort (times, compare_times);
  return g_array_index (times, gint64, times->len / 2) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tillit-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(TillitStore) store = NULL;
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) creates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) undos = g_array_new (FALSE, FALSE, sizeof (gint64));
  const char *suffixes[] = { "", "-wal", "-shm" };
  GListModel *pilots;
  gint64 start;
  guint n_records = 0;

  if (dir == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (dir, "bench.db", NULL);

  start = g_get_monotonic_time ();
  fill (path);
  g_print ("fill %d pilots, %d learnings, %d adoptions: %.0f ms (SQL, not timed below)\n",
           N_PILOTS, N_PILOTS * LEARNINGS_PER_PILOT, N_PILOTS,
           (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  store = tillit_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  {
    const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);

    for (guint k = 0; kinds[k] != NULL; k++)
      n_records += g_list_model_get_n_items (tillit_store_list (store, kinds[k]->get_type ()));
  }
  g_print ("open and load every collection (%u records): %.0f ms\n", n_records,
           (g_get_monotonic_time () - start) / 1000.0);

  pilots = tillit_store_list (store, TILLIT_TYPE_PILOT);
  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autoptr(TillitRecord) pilot = g_list_model_get_item (pilots, g_random_int_range (0, N_PILOTS));
      g_autofree char *title = g_strdup_printf ("Edited title %u", i);
      gint64 t0 = g_get_monotonic_time ();
      gint64 elapsed;

      if (!tillit_store_update (store, pilot, &error, "title", title, NULL))
        g_error ("%s", error->message);
      elapsed = g_get_monotonic_time () - t0;
      g_array_append_val (edits, elapsed);
    }
  g_print ("one edit written through (median of %d): %.3f ms\n", N_EDITS, median_ms (edits));

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autoptr(TillitRecord) pilot = g_list_model_get_item (pilots, g_random_int_range (0, N_PILOTS));
      gint64 t0 = g_get_monotonic_time ();
      gint64 elapsed;

      if (!tillit_store_create (store, TILLIT_TYPE_LEARNING, &error,
                                "pilot", tillit_record_get_uuid (pilot), "text", "Benchmark", NULL))
        g_error ("%s", error->message);
      elapsed = g_get_monotonic_time () - t0;
      g_array_append_val (creates, elapsed);
    }
  g_print ("one learning created (median of %d): %.3f ms\n", N_EDITS, median_ms (creates));

  for (guint i = 0; i < N_EDITS; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      gint64 elapsed;

      if (!tillit_store_undo (store, &error))
        g_error ("%s", error->message);
      elapsed = g_get_monotonic_time () - t0;
      g_array_append_val (undos, elapsed);
    }
  g_print ("one undo (median of %d): %.3f ms\n", N_EDITS, median_ms (undos));

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (dir);

  return 0;
}
