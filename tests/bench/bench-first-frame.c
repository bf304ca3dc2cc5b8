/* bench-first-frame.c: start to first frame of Tillit on a programme of
 * 50,000 records, beside a bare libadwaita window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Spawns bare-window and first-frame-tillit in turn, each of which
 * prints the moment of its first frame and quits, and times from the
 * spawn to that moment and to the exit. One warm-up run each first:
 * Mesa compiles its shaders on the first GL frame on a machine.
 * Needs a display (`make bench` runs it under Xvfb) and the test
 * environment's settings (GSETTINGS_SCHEMA_DIR, GSETTINGS_BACKEND).
 * TILLIT_BENCH_RECORDS sets another size.
 */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "bench-util.h"

#define N_RUNS 7
#define TARGET "ratio<=1.5"

static double
children_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0
         + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/* Times one start of @argv: to its first frame and to its exit, and the
 * CPU time it used to its exit, in ms. */
static void
run (const char * const *argv,
     double             *first_frame,
     double             *ended,
     double             *cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  double cpu_before = children_cpu_ms ();
  gint64 start = g_get_monotonic_time ();
  gint64 frame = 0;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &output, NULL, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  *ended = bench_ms_since (start);
  *cpu = children_cpu_ms () - cpu_before;
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", argv[0], error->message);

  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "first-frame\t"))
      frame = g_ascii_strtoll (lines[i] + strlen ("first-frame\t"), NULL, 10);
  if (frame <= start)
    g_error ("%s ended without reporting its first frame", argv[0]);
  *first_frame = (frame - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  guint n_records = bench_size (50000);
  g_autofree char *count = bench_count (n_records);
  g_autofree char *dir = bench_make_dir ("tillit-bench-first-frame");
  g_autofree char *path = g_build_filename (dir, "tillit.db", NULL);
  g_autofree char *figure = NULL;
  const char *bare_argv[] = { BARE_WINDOW, NULL };
  const char *tillit_argv[] = { FIRST_FRAME_TILLIT, "--database", path, NULL };
  g_autoptr(GArray) bare_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_exits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tillit_frames = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tillit_exits = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) tillit_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  double warm_bare, frame, ended, cpu;
  gint64 start;

  start = g_get_monotonic_time ();
  bench_fill_records (path, n_records);
  g_print ("fill %s records: %.0f ms\n", count, bench_ms_since (start));

  run (bare_argv, &warm_bare, &ended, &cpu);
  run (tillit_argv, &frame, &ended, &cpu);
  g_print ("warm-up, to the first frame: bare window %.0f ms, Tillit %.0f ms\n", warm_bare, frame);

  /* In turn, so that both see the same state of the machine. */
  for (guint i = 0; i < N_RUNS; i++)
    {
      run (bare_argv, &frame, &ended, &cpu);
      g_array_append_val (bare_frames, frame);
      g_array_append_val (bare_exits, ended);
      g_array_append_val (bare_cpu, cpu);
      run (tillit_argv, &frame, &ended, &cpu);
      g_array_append_val (tillit_frames, frame);
      g_array_append_val (tillit_exits, ended);
      g_array_append_val (tillit_cpu, cpu);
    }

  /* CPU time depends less on what else the machine runs than wall time:
   * its ratio tells whether a missed target is Tillit's or a busy day's. */
  g_print ("bare window, median of %d: first frame %.0f ms, exit %.0f ms, CPU to exit %.0f ms\n",
           N_RUNS, bench_median (bare_frames), bench_median (bare_exits), bench_median (bare_cpu));
  g_print ("Tillit on %s records, median of %d: first frame %.0f ms, exit %.0f ms, CPU to exit %.0f ms\n",
           count, N_RUNS, bench_median (tillit_frames), bench_median (tillit_exits), bench_median (tillit_cpu));

  figure = g_strdup_printf ("start to first frame, %s records", count);
  bench_print (figure, bench_median (tillit_frames), "ms",
               "bare libadwaita window", bench_median (bare_frames), TARGET);

  bench_remove_dir (dir);
  return 0;
}
