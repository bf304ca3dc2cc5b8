/* bench-model.c: a programme of 50,000 records: how long it takes to
 * open and load, and how long one edit takes to reach the file, each
 * beside bare SQLite doing the least the same work needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TILLIT_BENCH_RECORDS sets another size.
 */
#include "config.h"

#include <sqlite3.h>

#include "bench-util.h"
#include "model/tillit-database-private.h"
#include "model/tillit-model.h"

#define N_OPENS 5
#define N_EDITS 500
#define EDIT_TARGET "value<=1"

static guint
count_records (TillitStore *store)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);
  guint n = 0;

  for (guint k = 0; kinds[k] != NULL; k++)
    n += g_list_model_get_n_items (tillit_store_list (store, kinds[k]->get_type ()));
  return n;
}

/* The least a load must do: every row of every table the store loads,
 * each value read once. */
static guint
bare_load (const char *path)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);
  sqlite3 *db = NULL;
  guint n = 0;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (db));

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", kinds[k]->table);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        g_error ("%s: %s", sql, sqlite3_errmsg (db));
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            if (sqlite3_column_type (stmt, c) == SQLITE_TEXT)
              sqlite3_column_text (stmt, c);
            else
              sqlite3_column_int64 (stmt, c);
          n++;
        }
      if (rc != SQLITE_DONE)
        g_error ("%s: %s", sql, sqlite3_errmsg (db));
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return n;
}

static TillitRecord *
random_pilot (TillitStore *store,
              GRand       *rand)
{
  GListModel *pilots = tillit_store_list (store, TILLIT_TYPE_PILOT);

  return g_list_model_get_item (pilots, g_rand_int_range (rand, 0, g_list_model_get_n_items (pilots)));
}

/* The same edit as bare SQL on a second connection opened as the store
 * opens its own, so with the same journal and sync settings: one
 * UPDATE, committed on its own. */
static GArray *
bare_edits (const char  *path,
            TillitStore *store,
            GRand       *rand)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  sqlite3_stmt *update = NULL;
  sqlite3 *db;

  if (database == NULL)
    g_error ("%s", error->message);
  db = tillit_database_get_handle (database);
  if (sqlite3_prepare_v2 (db, "UPDATE pilot SET title = ?1, modified = ?2 WHERE uuid = ?3",
                          -1, &update, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (db));

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Edited bare %u", i);
      g_autoptr(TillitRecord) pilot = random_pilot (store, rand);
      gint64 start = g_get_monotonic_time ();
      double ms;

      sqlite3_bind_text (update, 1, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 2, "2026-06-01T00:00:00.000Z", -1, SQLITE_STATIC);
      sqlite3_bind_text (update, 3, tillit_record_get_uuid (pilot), -1, SQLITE_STATIC);
      if (sqlite3_step (update) != SQLITE_DONE)
        g_error ("%s", sqlite3_errmsg (db));
      sqlite3_reset (update);
      ms = bench_ms_since (start);
      g_array_append_val (times, ms);
    }

  sqlite3_finalize (update);
  return times;
}

int
main (int   argc,
      char *argv[])
{
  guint n_wanted = bench_size (50000);
  g_autofree char *dir = bench_make_dir ("tillit-bench-model");
  g_autofree char *path = g_build_filename (dir, "tillit.db", NULL);
  g_autofree char *records = NULL;
  g_autofree char *figure = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (10);
  g_autoptr(GArray) opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_opens = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare = NULL;
  g_autoptr(GArray) creates = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) undos = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_records = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  bench_fill_records (path, n_wanted);
  g_print ("fill: %.0f ms (SQL, not timed below)\n", bench_ms_since (start));

  /* Each in turn, so that both see the same state of the machine. */
  for (guint i = 0; i < N_OPENS; i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      store = tillit_store_open (path, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      ms = bench_ms_since (start);
      g_array_append_val (opens, ms);
      n_records = count_records (store);
      g_clear_object (&store);

      start = g_get_monotonic_time ();
      if (bare_load (path) < n_records)
        g_error ("bare SQLite read fewer rows than the store holds");
      ms = bench_ms_since (start);
      g_array_append_val (bare_opens, ms);
    }
  g_print ("open and load every collection (%u records), median of %d: %.0f ms; bare SQLite: %.0f ms\n",
           n_records, N_OPENS, bench_median (opens), bench_median (bare_opens));

  store = tillit_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autoptr(TillitRecord) pilot = random_pilot (store, rand);
      g_autofree char *title = g_strdup_printf ("Edited title %u", i);
      double ms;

      start = g_get_monotonic_time ();
      if (!tillit_store_update (store, pilot, &error, "title", title, NULL))
        g_error ("%s", error->message);
      ms = bench_ms_since (start);
      g_array_append_val (edits, ms);
    }
  bare = bare_edits (path, store, rand);
  g_print ("one edit written through, of %d: median %.3f ms, worst %.3f ms; bare UPDATE: median %.3f ms, worst %.3f ms\n",
           N_EDITS, bench_median (edits), bench_worst (edits), bench_median (bare), bench_worst (bare));

  for (guint i = 0; i < N_EDITS; i++)
    {
      g_autoptr(TillitRecord) pilot = random_pilot (store, rand);
      double ms;

      start = g_get_monotonic_time ();
      if (!tillit_store_create (store, TILLIT_TYPE_LEARNING, &error,
                                "pilot", tillit_record_get_uuid (pilot), "text", "Benchmark", NULL))
        g_error ("%s", error->message);
      ms = bench_ms_since (start);
      g_array_append_val (creates, ms);
    }
  g_print ("one learning created (median of %d): %.3f ms\n", N_EDITS, bench_median (creates));

  for (guint i = 0; i < N_EDITS; i++)
    {
      double ms;

      start = g_get_monotonic_time ();
      if (!tillit_store_undo (store, &error))
        g_error ("%s", error->message);
      ms = bench_ms_since (start);
      g_array_append_val (undos, ms);
    }
  g_print ("one undo (median of %d): %.3f ms\n", N_EDITS, bench_median (undos));

  /* Named by the size asked for; the default programme adds a few. */
  records = bench_count (n_wanted);
  figure = g_strdup_printf ("open and load %s records", records);
  bench_print (figure, bench_median (opens), "ms", "sqlite3: open, SELECT * of every table",
               bench_median (bare_opens), NULL);
  bench_print ("one edit written through, median", bench_median (edits), "ms",
               "sqlite3: one UPDATE, same journal and sync", bench_median (bare), EDIT_TARGET);
  /* The worst edit is one that checkpoints the write-ahead log (or met
   * a busy machine), as bare SQLite's worst is: no target for it. */
  bench_print ("one edit written through, worst", bench_worst (edits), "ms",
               "sqlite3: one UPDATE, same journal and sync", bench_worst (bare), NULL);

  g_clear_object (&store);
  bench_remove_dir (dir);

  return 0;
}
