/* bench-pilots.c: 100,000 pilots filtered as a user types a search
 *
 * Prints the time each keystroke takes to filter the whole programme
 * (the target is 50 ms of wall time), and the thread's CPU time for it,
 * beside GTK's own string filter over the same titles and owners, then
 * a stage filter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * TILLIT_BENCH_RECORDS sets another number of pilots.
 */
#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "model/tillit-model.h"
#include "pilots/tillit-pilot-filter.h"

#define KEYSTROKE_TARGET "value<=50"

typedef void (*SetSearch) (GtkFilter  *filter,
                           const char *search);

static void
set_pilot_search (GtkFilter  *filter,
                  const char *search)
{
  tillit_pilot_filter_set_search (TILLIT_PILOT_FILTER (filter), search);
}

static void
set_string_search (GtkFilter  *filter,
                   const char *search)
{
  gtk_string_filter_set_search (GTK_STRING_FILTER (filter), search);
}

/* One keystroke, until the list knows what it shows: its wall time and
 * this thread's CPU time, in ms, which a busy machine does not move.
 * Returns: how many the list shows */
static guint
measure (GtkFilterListModel *model,
         SetSearch           set_search,
         const char         *search,
         double             *wall,
         double             *cpu)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = bench_thread_cpu_ms ();
  guint n_shown;

  set_search (gtk_filter_list_model_get_filter (model), search);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (model));
  *cpu = bench_thread_cpu_ms () - cpu_start;
  *wall = bench_ms_since (start);
  return n_shown;
}

/* @query typed a letter at a time, then erased a letter at a time; the
 * time of each keystroke appended to @wall and @cpu, in ms. */
static void
type_and_erase (GtkFilterListModel *model,
                SetSearch           set_search,
                const char         *query,
                gboolean            verbose,
                GArray             *wall,
                GArray             *cpu)
{
  gsize length = strlen (query);

  for (gsize i = 1; i <= 2 * length; i++)
    {
      gsize typed_length = i <= length ? i : 2 * length - i;
      g_autofree char *typed = g_strndup (query, typed_length);
      double wall_ms, cpu_ms;
      guint n_shown = measure (model, set_search, typed, &wall_ms, &cpu_ms);

      g_array_append_val (wall, wall_ms);
      g_array_append_val (cpu, cpu_ms);
      if (verbose)
        g_print ("%s \"%s\": %6.2f ms (CPU %6.2f ms), %u shown\n", i <= length ? "keystroke to" : "backspace to",
                 typed, wall_ms, cpu_ms, n_shown);
    }
}

/* GTK's own filter over the same folded titles and owners, held in a
 * string list: what any search box over a list of this length costs. */
static void
type_and_erase_string_list (GListModel *pilots,
                            const char *query,
                            GArray     *wall,
                            GArray     *cpu)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkStringFilter *filter;
  g_autoptr(GtkFilterListModel) model = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(TillitRecord) pilot = g_list_model_get_item (pilots, i);
      g_autofree char *joined = g_strjoin ("\n", tillit_record_get_string (pilot, "title"),
                                           tillit_record_get_string (pilot, "owner") ?: "", NULL);
      g_autofree char *folded = g_utf8_casefold (joined, -1);

      gtk_string_list_append (strings, folded);
    }

  filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_string_filter_set_ignore_case (filter, FALSE);
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (strings)), GTK_FILTER (filter));

  type_and_erase (model, set_string_search, query, FALSE, wall, cpu);
}

static void
print_figure (const char *count,
              const char *what,
              double      ms,
              double      stock_ms,
              const char *target)
{
  g_autofree char *figure = g_strdup_printf ("filter %s pilots, keystroke, %s", count, what);

  bench_print (figure, ms, "ms", "GtkStringFilter on the same text", stock_ms, target);
}

int
main (int   argc,
      char *argv[])
{
  static const char query[] = "home care user";
  guint n_pilots = bench_size (100000);
  g_autofree char *dir = bench_make_dir ("tillit-bench-pilots");
  g_autofree char *path = g_build_filename (dir, "tillit.db", NULL);
  g_autofree char *count = bench_count (n_pilots);
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = NULL;
  g_autoptr(GtkFilterListModel) model = NULL;
  g_autoptr(GArray) wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stock_wall = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stock_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  GListModel *pilots;
  TillitPilotFilter *filter;
  guint n_shown = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  bench_fill (path, n_pilots, FALSE);
  g_print ("fill %s pilots: %.0f ms\n", count, bench_ms_since (start));

  start = g_get_monotonic_time ();
  store = tillit_store_open (path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  g_print ("open: %.0f ms\n", bench_ms_since (start));

  pilots = tillit_store_list (store, TILLIT_TYPE_PILOT);
  filter = tillit_pilot_filter_new ();
  model = gtk_filter_list_model_new (g_object_ref (pilots), GTK_FILTER (filter));
  g_print ("pilots: %u\n", g_list_model_get_n_items (G_LIST_MODEL (model)));

  /* The page folds the titles in idle time after opening; so does this. */
  start = g_get_monotonic_time ();
  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(GObject) pilot = g_list_model_get_item (pilots, i);

      tillit_pilot_filter_prepare (pilot);
    }
  g_print ("prepare search (idle time in the page): %.0f ms\n", bench_ms_since (start));

  type_and_erase (model, set_pilot_search, query, TRUE, wall, cpu);
  type_and_erase_string_list (pilots, query, stock_wall, stock_cpu);

  /* The filter's own share of a keystroke, without the list model's
   * bookkeeping around it. */
  tillit_pilot_filter_set_search (filter, query);
  start = g_get_monotonic_time ();
  n_shown = 0;
  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(GObject) pilot = g_list_model_get_item (pilots, i);

      n_shown += gtk_filter_match (GTK_FILTER (filter), pilot);
    }
  g_print ("matching alone, all %s pilots: %.2f ms, %u match\n", count, bench_ms_since (start), n_shown);
  tillit_pilot_filter_set_search (filter, NULL);

  start = g_get_monotonic_time ();
  tillit_pilot_filter_set_nick (filter, "stage", "test");
  g_print ("stage filter: %.2f ms, %u shown\n", bench_ms_since (start),
           g_list_model_get_n_items (G_LIST_MODEL (model)));

  g_print ("per keystroke: median %.2f ms, worst %.2f ms (CPU: median %.2f ms, worst %.2f ms); "
           "GtkStringFilter: median %.2f ms, worst %.2f ms (CPU: median %.2f ms, worst %.2f ms)\n",
           bench_median (wall), bench_worst (wall), bench_median (cpu), bench_worst (cpu),
           bench_median (stock_wall), bench_worst (stock_wall), bench_median (stock_cpu), bench_worst (stock_cpu));

  /* The target is on wall time, what the user waits; CPU time is the
   * figure that another program's load on the machine does not move. */
  print_figure (count, "worst, wall time", bench_worst (wall), bench_worst (stock_wall), KEYSTROKE_TARGET);
  print_figure (count, "median, wall time", bench_median (wall), bench_median (stock_wall), KEYSTROKE_TARGET);
  print_figure (count, "worst, thread CPU time", bench_worst (cpu), bench_worst (stock_cpu), NULL);
  print_figure (count, "median, thread CPU time", bench_median (cpu), bench_median (stock_cpu), NULL);

  g_clear_object (&model);
  g_clear_object (&store);
  bench_remove_dir (dir);
  return 0;
}
