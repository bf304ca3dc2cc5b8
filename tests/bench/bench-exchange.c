/* bench-exchange.c: export and import of a programme of 500,000 records,
 * beside xmllint and sqlite3 doing the least the same work needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every phase, the fill too, runs in a child process of its own, so that
 * its peak resident size is its own (plus the few MiB of this small
 * parent, which a child starts from). The export and the import time
 * themselves: the programme is open in Tillit before either starts, so
 * opening the database (and its integrity check) is not theirs; the
 * whole child is shown beside. TILLIT_BENCH_RECORDS sets another size;
 * the peak sizes are measured at a tenth of it too, to show that they do
 * not grow with the file.
 */
#include "config.h"

#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include <libxml/tree.h>

#include "exchange/tillit-exchange.h"
#include "exchange/tillit-exchange-schema.h"
#include "model/tillit-database-private.h"
#include "model/tillit-model.h"

#define XSD TEST_SRCDIR "/../data/tillit-exchange.xsd"

/* A pilot with four learnings is five records. */
#define LEARNINGS_PER_PILOT 4

extern char **environ;

typedef struct
{
  /* The whole child; what it timed itself, or the same. */
  double seconds;
  double own_seconds;
  /* On this shared machine the wall time waits for the processor too. */
  double cpu_seconds;
  double peak_mib;
} Figure;

static void
check (int         rc,
       sqlite3    *db,
       const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_error ("%s: %s", what, sqlite3_errmsg (db));
}

static char *
uuid_for (char   kind,
          guint  n)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%c%011x", n, kind, n);
}

/* The rows go into the database, and the same rows into CSV files for
 * sqlite3's .import, which is the least an import must do. */
static void
fill (const char *path,
      const char *dir,
      guint       n_records)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
  g_autofree char *pilots_csv = g_build_filename (dir, "pilots.csv", NULL);
  g_autofree char *learnings_csv = g_build_filename (dir, "learnings.csv", NULL);
  FILE *pilots_out = fopen (pilots_csv, "w");
  FILE *learnings_out = fopen (learnings_csv, "w");
  guint n_pilots = n_records / (1 + LEARNINGS_PER_PILOT);
  sqlite3 *db;
  sqlite3_stmt *pilot = NULL;
  sqlite3_stmt *learning = NULL;
  const char *ours = "00000000-0000-4000-8000-000000000001";

  g_assert_no_error (error);
  g_assert_nonnull (pilots_out);
  g_assert_nonnull (learnings_out);
  db = tillit_database_get_handle (database);

  /* A cache that holds the whole fill: spilled, the same index pages
   * would be written to the log again and again. */
  check (sqlite3_exec (db, "PRAGMA cache_size = -524288; BEGIN", NULL, NULL, NULL), db, "BEGIN");
  check (sqlite3_exec (db, "INSERT INTO municipality (uuid, created, modified, name, code, ours) "
                           "VALUES ('00000000-0000-4000-8000-000000000001', "
                           "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', "
                           "'Ekdala kommun', '9999', 1)", NULL, NULL, NULL), db, "ours");
  check (sqlite3_prepare_v2 (db, "INSERT INTO pilot (uuid, created, modified, origin, title, "
                                 "stage, need, idea) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7)",
                             -1, &pilot, NULL), db, "pilot");
  check (sqlite3_prepare_v2 (db, "INSERT INTO learning (uuid, created, modified, origin, pilot, "
                                 "date, text) VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6)",
                             -1, &learning, NULL), db, "learning");

  for (guint i = 0; i < n_pilots; i++)
    {
      static const char * const stages[] = { "identify", "test", "implement", "follow-up" };
      g_autofree char *uuid = uuid_for ('a', i);
      g_autofree char *created = g_strdup_printf ("2025-%02u-%02uT08:00:00.000Z",
                                                  i % 12 + 1, i % 28 + 1);
      g_autofree char *title = g_strdup_printf ("Pilot nummer %u i hemtjänsten", i);
      const char *need = "Brukarna vill ha mer inflytande över när besöken görs.";
      const char *idea = "Arbetsgruppen planerar själv besöken tillsammans med brukaren.";

      sqlite3_bind_text (pilot, 1, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 2, created, -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 3, ours, -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 4, title, -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 5, stages[i % 4], -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 6, need, -1, SQLITE_STATIC);
      sqlite3_bind_text (pilot, 7, idea, -1, SQLITE_STATIC);
      check (sqlite3_step (pilot), db, "pilot");
      sqlite3_reset (pilot);
      fprintf (pilots_out, "%s,%s,%s,%s,\"%s\",%s,\"%s\",\"%s\"\n", uuid, created, created, ours,
               title, stages[i % 4], need, idea);

      for (guint l = 0; l < LEARNINGS_PER_PILOT; l++)
        {
          g_autofree char *learning_uuid = uuid_for ('b', i * LEARNINGS_PER_PILOT + l);
          g_autofree char *date = g_strdup_printf ("2025-%02u-15", l * 3 + 1);
          const char *text = "Det tog tid att komma överens om vad som skulle följas upp.";

          sqlite3_bind_text (learning, 1, learning_uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (learning, 2, created, -1, SQLITE_STATIC);
          sqlite3_bind_text (learning, 3, ours, -1, SQLITE_STATIC);
          sqlite3_bind_text (learning, 4, uuid, -1, SQLITE_STATIC);
          sqlite3_bind_text (learning, 5, date, -1, SQLITE_STATIC);
          sqlite3_bind_text (learning, 6, text, -1, SQLITE_STATIC);
          check (sqlite3_step (learning), db, "learning");
          sqlite3_reset (learning);
          fprintf (learnings_out, "%s,%s,%s,%s,%s,%s,\"%s\"\n", learning_uuid, created, created,
                   ours, uuid, date, text);
        }
    }

  sqlite3_finalize (pilot);
  sqlite3_finalize (learning);
  check (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), db, "COMMIT");
  fclose (pilots_out);
  fclose (learnings_out);
}

/* Runs @argv to its end; its wall time and peak resident size, and the
 * seconds it printed, if it did. */
static Figure
measure (const char * const *argv)
{
  posix_spawn_file_actions_t actions;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  Figure figure;
  char printed[64] = "";
  ssize_t n_printed;
  pid_t pid;
  int out[2];
  int status = 0;

  if (pipe (out) != 0)
    g_error ("No pipe");
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_adddup2 (&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose (&actions, out[0]);
  if (posix_spawnp (&pid, argv[0], &actions, NULL, (char **) argv, environ) != 0)
    g_error ("Could not run %s", argv[0]);
  posix_spawn_file_actions_destroy (&actions);
  close (out[1]);
  n_printed = read (out[0], printed, sizeof printed - 1);
  printed[MAX (n_printed, 0)] = '\0';
  while (read (out[0], (char[256]) { 0 }, 256) > 0)
    ;
  close (out[0]);
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed", argv[0]);

  figure.seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  figure.own_seconds = g_ascii_isdigit (printed[0]) ? g_ascii_strtod (printed, NULL)
                                                     : figure.seconds;
  figure.cpu_seconds = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
                       (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / (double) G_USEC_PER_SEC;
  figure.peak_mib = usage.ru_maxrss / 1024.0;
  return figure;
}

static void
print_seconds (gint64 start)
{
  g_print ("%.6f\n", (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
}

static int
run_export (const char *path,
            const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
  g_autoptr(GFile) target = g_file_new_for_path (file);
  gint64 start = g_get_monotonic_time ();

  if (database == NULL ||
      !tillit_exchange_export (database, target, NULL, NULL, TILLIT_EXCHANGE_EXPORT_NONE,
                               NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
  print_seconds (start);
  return 0;
}

static int
run_import (const char *path,
            const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
  g_autoptr(GFile) source = g_file_new_for_path (file);
  g_autoptr(TillitExchangePlan) plan = NULL;
  gint64 start = g_get_monotonic_time ();

  if (database == NULL)
    g_error ("%s", error->message);
  plan = tillit_exchange_plan_new (database, source, 0, NULL, NULL, NULL, &error);
  if (plan == NULL || !tillit_exchange_plan_apply (plan, NULL, &error))
    g_error ("%s", error->message);
  print_seconds (start);
  return 0;
}

static void
print_row (const char *what,
           Figure      figure)
{
  g_autofree char *whole = NULL;

  if (figure.own_seconds != figure.seconds)
    whole = g_strdup_printf ("   (whole process %.2f s)", figure.seconds);
  g_print ("  %-52s %8.2f s %8.2f s CPU %8.1f MiB%s\n", what, figure.own_seconds,
           figure.cpu_seconds, figure.peak_mib, whole ? whole : "");
}

/* One line for build-aux/bench-table.py, see BENCH-PROTOCOL.md. */
static void
print_bench (const char *figure,
             double      value,
             const char *unit,
             const char *reference,
             double      reference_value,
             const char *target)
{
  g_autofree char *reference_text = NULL;

  if (reference != NULL)
    reference_text = g_strdup_printf ("%.3f", reference_value);
  g_print ("BENCH\t%s\t%.3f\t%s\t%s\t%s\t%s\n", figure, value, unit,
           reference ? reference : "-", reference ? reference_text : "-", target);
}

/* 500000 as "500,000". */
static char *
format_count (guint n)
{
  GString *text = g_string_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%u", n);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (text, FALSE);
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

typedef struct
{
  guint n_records;
  Figure filling, exporting, importing, lint_schema, lint_streaming, lint_plain, csv;
} Run;

/* Fills a database of @n_records, exports it and imports the file into
 * an empty one, beside the references; with @references FALSE only
 * Tillit's own phases. */
static void
run (const char *self,
     guint       n_records,
     gboolean    references,
     Run        *figures)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-exchange-XXXXXX", &error);
  g_autofree char *source_db = g_build_filename (dir, "source.db", NULL);
  g_autofree char *target_db = g_build_filename (dir, "target.db", NULL);
  g_autofree char *csv_db = g_build_filename (dir, "csv.db", NULL);
  g_autofree char *file = g_build_filename (dir, "programme.xml", NULL);
  g_autofree char *streaming_xsd = g_build_filename (dir, "streaming.xsd", NULL);
  g_autofree char *pilots_csv = g_build_filename (dir, "pilots.csv", NULL);
  g_autofree char *learnings_csv = g_build_filename (dir, "learnings.csv", NULL);
  g_autofree char *pilots_import = g_strdup_printf (".import %s pilot", pilots_csv);
  g_autofree char *learnings_import = g_strdup_printf (".import %s learning", learnings_csv);
  g_autofree char *n = g_strdup_printf ("%u", n_records);
  const char *fill_argv[] = { self, "--fill", source_db, dir, n, NULL };
  const char *export_argv[] = { self, "--export", source_db, file, NULL };
  const char *import_argv[] = { self, "--import", target_db, file, NULL };
  const char *schema_argv[] = { "xmllint", "--stream", "--noout", "--schema", XSD, file, NULL };
  const char *streaming_argv[] = { "xmllint", "--stream", "--noout", "--schema", streaming_xsd,
                                   file, NULL };
  const char *plain_argv[] = { "xmllint", "--stream", "--noout", file, NULL };
  const char *csv_argv[] = { "sqlite3", csv_db,
                             "CREATE TABLE pilot (uuid PRIMARY KEY, created, modified, origin, "
                             "title, stage, need, idea); CREATE TABLE learning (uuid PRIMARY "
                             "KEY, created, modified, origin, pilot, date, text)",
                             ".mode csv", pilots_import, learnings_import, NULL };
  xmlDocPtr streaming = tillit_exchange_schema_read_streaming ();

  g_assert_no_error (error);
  g_assert_nonnull (streaming);
  g_assert_cmpint (xmlSaveFile (streaming_xsd, streaming), >, 0);
  xmlFreeDoc (streaming);

  figures->n_records = n_records;
  figures->filling = measure (fill_argv);
  figures->exporting = measure (export_argv);
  figures->importing = measure (import_argv);
  if (references)
    {
      figures->lint_plain = measure (plain_argv);
      figures->lint_schema = measure (schema_argv);
      figures->lint_streaming = measure (streaming_argv);
      figures->csv = measure (csv_argv);
    }
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *records_env = g_getenv ("TILLIT_BENCH_RECORDS");
  guint n_records = records_env ? (guint) g_ascii_strtoull (records_env, NULL, 10) : 500000;
  g_autofree char *count = format_count (n_records);
  g_autofree char *small_count = NULL;
  g_autofree char *figure = NULL;
  Run big, small;
  double import_reference;

  if (argc == 5 && g_str_equal (argv[1], "--fill"))
    {
      fill (argv[2], argv[3], (guint) g_ascii_strtoull (argv[4], NULL, 10));
      return 0;
    }
  if (argc == 4 && g_str_equal (argv[1], "--export"))
    return run_export (argv[2], argv[3]);
  if (argc == 4 && g_str_equal (argv[1], "--import"))
    return run_import (argv[2], argv[3]);

  run (argv[0], n_records, TRUE, &big);
  run (argv[0], n_records / 10, FALSE, &small);
  small_count = format_count (small.n_records);
  import_reference = big.lint_schema.seconds + big.csv.seconds;

  g_print ("Export and import of %s records (targets: import <= 1.3 x (xmllint --schema + "
           "sqlite3 .import), export <= 1.2 x xmllint, peak <= 32 MiB)\n"
           "  (wall time of the export or import itself; CPU time and peak size of the "
           "whole process)\n", count);
  print_row ("filling the database (not a target)", big.filling);
  print_row ("tillit export", big.exporting);
  print_row ("xmllint --stream --noout", big.lint_plain);
  print_row ("tillit import (plan and apply)", big.importing);
  print_row ("xmllint --stream --noout --schema", big.lint_schema);
  print_row ("  the same without xs:key and xs:keyref", big.lint_streaming);
  print_row ("sqlite3 .import of the same rows as CSV", big.csv);
  g_print ("  export / xmllint: %.2f; import / (xmllint --schema + sqlite3): %.2f "
           "(%.2f against the schema without keys)\n",
           big.exporting.own_seconds / big.lint_plain.seconds,
           big.importing.own_seconds / import_reference,
           big.importing.own_seconds / (big.lint_streaming.seconds + big.csv.seconds));
  g_print ("Peak sizes at %s records: export %.1f MiB, import %.1f MiB; at %s: %.1f MiB "
           "and %.1f MiB\n", small_count, small.exporting.peak_mib, small.importing.peak_mib,
           count, big.exporting.peak_mib, big.importing.peak_mib);

  figure = g_strdup_printf ("export, %s records, wall time", count);
  print_bench (figure, big.exporting.own_seconds, "s", "xmllint --stream --noout",
               big.lint_plain.seconds, "ratio<=1.2");
  g_free (figure);
  figure = g_strdup_printf ("import, %s records, wall time", count);
  print_bench (figure, big.importing.own_seconds, "s",
               "xmllint --stream --noout --schema + sqlite3 .import", import_reference,
               "ratio<=1.3");
  for (guint i = 0; i < 2; i++)
    {
      const Run *r = i == 0 ? &big : &small;
      const char *size = i == 0 ? count : small_count;

      g_free (figure);
      figure = g_strdup_printf ("export, %s records, peak RSS", size);
      print_bench (figure, r->exporting.peak_mib, "MiB", NULL, 0, "value<=32");
      g_free (figure);
      figure = g_strdup_printf ("import, %s records, peak RSS", size);
      print_bench (figure, r->importing.peak_mib, "MiB", NULL, 0, "value<=32");
    }
  return 0;
}
