/* test-exchange.c: export, import, merge and the schema, on real SQLite
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "exchange/tillit-exchange.h"
#include "exchange/tillit-exchange-cli.h"
#include "exchange/tillit-exchange-fields.h"
#include "model/tillit-database-private.h"
#include "model/tillit-model.h"

#define FIXTURES TEST_SRCDIR "/fixtures/exchange"
#define XSD TEST_SRCDIR "/../data/tillit-exchange.xsd"
#define EXAMPLE TEST_SRCDIR "/../data/examples/example-programme.xml"

static const TillitExchangeSource ekdala = { "Ekdala kommun", "9901" };

typedef struct
{
  char *dir;
  TillitDatabase *ours;
  TillitDatabase *theirs;
} Fixture;

static TillitDatabase *
open_database (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  TillitDatabase *database = tillit_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (database);
  return database;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tillit-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->ours = open_database (fixture->dir, "ours.db");
  fixture->theirs = open_database (fixture->dir, "theirs.db");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->ours);
  g_clear_object (&fixture->theirs);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static GFile *
fixture_file (Fixture    *fixture,
              const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  return g_file_new_for_path (path);
}

static void
sql (TillitDatabase *database,
     const char     *statement)
{
  char *message = NULL;

  if (sqlite3_exec (tillit_database_get_handle (database), statement, NULL, NULL,
                    &message) != SQLITE_OK)
    g_error ("%s: %s", statement, message);
}

static void sqlf (TillitDatabase *database,
                  const char     *format,
                  ...) G_GNUC_PRINTF (2, 3);

static void
sqlf (TillitDatabase *database,
      const char     *format,
      ...)
{
  g_autofree char *statement = NULL;
  va_list args;

  va_start (args, format);
  statement = g_strdup_vprintf (format, args);
  va_end (args);
  sql (database, statement);
}

static char *
query_text (TillitDatabase *database,
            const char     *statement)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (tillit_database_get_handle (database), statement, -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static guint
n_kinds (void)
{
  guint n;

  tillit_record_kinds (&n);
  return n;
}

static guint
kind_index (const char *name)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);

  for (guint i = 0; kinds[i] != NULL; i++)
    if (g_str_equal (kinds[i]->name, name))
      return i;
  g_assert_not_reached ();
}

/* Every table's rows, every column, in one string: "nothing changed" is
 * this staying equal. */
static char *
dump (TillitDatabase *database)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);
  GString *all = g_string_new (NULL);

  for (guint i = 0; kinds[i] != NULL; i++)
    {
      const TillitRecordKind *kind = kinds[i];
      g_autoptr(GString) row = g_string_new ("''");
      g_autofree char *statement = NULL;
      g_autofree char *rows = NULL;

      for (guint f = 0; f < tillit_record_kind_n_all_fields (kind); f++)
        g_string_append_printf (row, " || quote(\"%s\")", tillit_record_kind_field (kind, f)->column);
      statement = g_strdup_printf ("SELECT group_concat(r, ',') FROM (SELECT %s AS r FROM \"%s\" "
                                   "ORDER BY uuid)", row->str, kind->table);
      rows = query_text (database, statement);
      g_string_append_printf (all, "%s=%s;\n", kind->table, rows ? rows : "");
    }
  return g_string_free (all, FALSE);
}

static char *
uuid_for (guint kind,
          guint n)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", kind + 1, n + 1);
}

/* Texts that try the escaping, Swedish letters and length. */
static char *
text_for (guint n,
          guint field)
{
  switch ((n + field) % 3)
    {
    case 0:
      return g_strdup_printf ("Åsa & Örjan <på> \"äldreomsorg\" 'år %u'", n);
    case 1:
      {
        GString *text = g_string_new (NULL);
        while (text->len < 5000)
          g_string_append (text, "Lärdomar om tillit, delaktighet och stöd.\n");
        return g_string_free (text, FALSE);
      }
    default:
      return g_strdup_printf ("Text %u ]]> ü", n);
    }
}

static char *
pair (char *a,
      char *b)
{
  char *joined;

  if (g_str_equal (a, b))
    joined = g_strdup (a);
  else if (strcmp (a, b) < 0)
    joined = g_strconcat (a, " ", b, NULL);
  else
    joined = g_strconcat (b, " ", a, NULL);
  g_free (a);
  g_free (b);
  return joined;
}

/* A value for every field, as the model would store it: references point
 * at the records of the kinds before, or at the next record of the same
 * kind, sets hold two members. */
static void
bind_value (sqlite3_stmt      *stmt,
            int                column,
            guint              kind,
            const TillitField *field,
            guint              f,
            guint              n,
            guint              count)
{
  guint target = field->target != NULL ? kind_index (field->target) : kind_index ("pilot");
  guint m = target == kind ? (n + 1) % count : n % count;
  guint n_nicks = field->nicks != NULL ? g_strv_length ((char **) field->nicks) : 0;

  switch (field->type)
    {
    case TILLIT_FIELD_INT:
      sqlite3_bind_int64 (stmt, column, field->max == G_MAXINT
                                        ? (gint64) n
                                        : field->min + (gint64) (n * 7 + f) % (field->max - field->min + 1));
      break;
    case TILLIT_FIELD_BOOL:
      sqlite3_bind_int (stmt, column, (n + f) % 2);
      break;
    case TILLIT_FIELD_DATE:
      sqlite3_bind_text (stmt, column, g_strdup_printf ("2023-%02u-15", (n + f) % 12 + 1), -1, g_free);
      break;
    case TILLIT_FIELD_TIME:
      sqlite3_bind_text (stmt, column, g_strdup_printf ("%02u:30", 8 + (n + f) % 10), -1, g_free);
      break;
    case TILLIT_FIELD_DATETIME:
      sqlite3_bind_text (stmt, column, g_strdup_printf ("2024-03-%02uT10:00:00.000Z", n % 28 + 1), -1, g_free);
      break;
    case TILLIT_FIELD_ENUM:
      sqlite3_bind_text (stmt, column, field->nicks[(n + f) % n_nicks], -1, SQLITE_STATIC);
      break;
    case TILLIT_FIELD_ENUM_SET:
      sqlite3_bind_text (stmt, column, pair (g_strdup (field->nicks[n % n_nicks]),
                                             g_strdup (field->nicks[(n + 1) % n_nicks])),
                         -1, g_free);
      break;
    case TILLIT_FIELD_REFERENCE:
      sqlite3_bind_text (stmt, column, uuid_for (target, m), -1, g_free);
      break;
    case TILLIT_FIELD_REFERENCE_SET:
      sqlite3_bind_text (stmt, column, pair (uuid_for (target, n % count),
                                             uuid_for (target, (n + 1) % count)),
                         -1, g_free);
      break;
    case TILLIT_FIELD_STRING:
    case TILLIT_FIELD_TEXT:
    default:
      sqlite3_bind_text (stmt, column, text_for (n, f), -1, g_free);
      break;
    }
}

/* @count records of every kind, every field set; the first municipality
 * is ours. */
static void
fill_programme (TillitDatabase *database,
                guint           count)
{
  sqlite3 *db = tillit_database_get_handle (database);
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);

  sql (database, "BEGIN; PRAGMA defer_foreign_keys = ON");
  for (guint k = 0; kinds[k] != NULL; k++)
    {
      const TillitRecordKind *kind = kinds[k];
      guint n_fields = tillit_record_kind_n_all_fields (kind);
      g_autoptr(GString) insert = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new ("?");
      sqlite3_stmt *stmt = NULL;

      g_string_printf (insert, "INSERT INTO \"%s\" (uuid", kind->table);
      for (guint f = 1; f < n_fields; f++)
        {
          g_string_append_printf (insert, ", \"%s\"", tillit_record_kind_field (kind, f)->column);
          g_string_append (values, ", ?");
        }
      g_string_append_printf (insert, ") VALUES (%s)", values->str);
      g_assert_cmpint (sqlite3_prepare_v2 (db, insert->str, -1, &stmt, NULL), ==, SQLITE_OK);

      for (guint n = 0; n < count; n++)
        {
          sqlite3_bind_text (stmt, 1, uuid_for (k, n), -1, g_free);
          sqlite3_bind_text (stmt, 2, g_strdup_printf ("2024-01-%02uT08:00:00.000Z", n % 28 + 1), -1, g_free);
          sqlite3_bind_text (stmt, 3, g_strdup_printf ("2024-02-%02uT09:30:15.250Z", n % 28 + 1), -1, g_free);
          sqlite3_bind_text (stmt, 4, uuid_for (0, n % 2), -1, g_free);
          for (guint f = TILLIT_RECORD_N_BASE_FIELDS; f < n_fields; f++)
            {
              const TillitField *field = tillit_record_kind_field (kind, f);

              if (!tillit_exchange_field_is_exchanged (kind, field))
                sqlite3_bind_int (stmt, f + 1, n == 0);
              else
                bind_value (stmt, f + 1, k, field, f, n, count);
            }
          if (sqlite3_step (stmt) != SQLITE_DONE)
            g_error ("%s: %s", kind->table, sqlite3_errmsg (db));
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }
  sql (database, "COMMIT");
}

static void
export (TillitDatabase            *db,
        GFile                     *file,
        const char * const        *roots,
        TillitExchangeExportFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tillit_exchange_export (db, file, &ekdala, roots, flags, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static TillitExchangePlan *
plan (TillitDatabase *db,
      GFile          *file)
{
  g_autoptr(GError) error = NULL;
  TillitExchangePlan *result = tillit_exchange_plan_new (db, file, 0, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
import (TillitDatabase *db,
        GFile          *file)
{
  g_autoptr(TillitExchangePlan) p = plan (db, file);
  g_autoptr(GError) error = NULL;

  g_assert_true (tillit_exchange_plan_apply (p, NULL, &error));
  g_assert_no_error (error);
}

static void
assert_xmllint_valid (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  const char *argv[] = { XMLLINT, "--noout", "--schema", XSD, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint refused %s: %s", path, err);
}

/* The file without its exported-at attribute. */
static char *
contents_but_date (GFile *file)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) date = g_regex_new ("exported-at=\"[^\"]*\"", 0, 0, NULL);

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  return g_regex_replace_literal (date, text, -1, 0, "exported-at=\"\"", 0, NULL);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) first = fixture_file (fixture, "first.xml");
  g_autoptr(GFile) second = fixture_file (fixture, "second.xml");
  g_autoptr(TillitExchangePlan) p = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autoptr(GError) error = NULL;

  fill_programme (fixture->ours, 5);
  export (fixture->ours, first, NULL, TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA);
  assert_xmllint_valid (first);

  p = plan (fixture->theirs, first);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_NEW), ==, 5 * n_kinds ());
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_CONFLICT), ==, 0);
  g_assert_true (tillit_exchange_plan_apply (p, NULL, &error));
  g_assert_no_error (error);

  /* Which municipality is ours does not travel. */
  a = query_text (fixture->theirs, "SELECT count(*) FROM municipality WHERE ours");
  g_assert_cmpstr (a, ==, "0");
  g_clear_pointer (&a, g_free);

  /* A municipality's backup restored: the same municipality is ours. */
  sqlf (fixture->theirs, "UPDATE municipality SET ours = 1 WHERE uuid = '%08x-0000-4000-8000-%012x'", 1, 1);

  export (fixture->theirs, second, NULL, TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA);
  assert_xmllint_valid (second);

  a = contents_but_date (first);
  b = contents_but_date (second);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "Åsa &amp; Örjan &lt;på&gt; &quot;äldreomsorg&quot; 'år"));

  /* And what the second database holds is what the first held. */
  g_free (a);
  g_free (b);
  a = dump (fixture->ours);
  b = dump (fixture->theirs);
  g_assert_cmpstr (a, ==, b);
}

/* The default export holds no candidate, no rating and no named person. */
static void
test_personal_data_left_out (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "default.xml");
  g_autofree char *text = NULL;

  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);
  guint n_personal = 0;

  fill_programme (fixture->ours, 3);
  for (guint k = 0; kinds[k] != NULL; k++)
    for (guint f = 0; f < kinds[k]->n_fields; f++)
      {
        const TillitField *field = &kinds[k]->fields[f];
        g_autofree char *update = NULL;

        if ((field->flags & TILLIT_FIELD_PERSONAL) == 0)
          continue;
        update = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = 'Personuppgift %s'",
                                  kinds[k]->table, field->column, field->xml_name);
        sql (fixture->ours, update);
        n_personal++;
      }
  g_assert_cmpuint (n_personal, >=, 5);
  export (fixture->ours, file, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  assert_xmllint_valid (file);

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "personal-data=\"false\""));
  g_assert_null (strstr (text, "Personuppgift"));
  for (guint k = 0; kinds[k] != NULL; k++)
    if (kinds[k]->personal)
      {
        g_autofree char *tag = g_strdup_printf ("<%s ", kinds[k]->xml_name);

        g_assert_null (strstr (text, tag));
      }
}

/* Many conflicts, in two kinds: the first few are found without walking
 * the plan, in the plan's order. */
static void
test_merge_list_conflicts (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GFile) first = fixture_file (fixture, "first.xml");
  g_autoptr(GFile) second = fixture_file (fixture, "second.xml");
  g_autoptr(TillitExchangePlan) p = NULL;
  g_autoptr(GArray) walked = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) some = NULL;
  g_autoptr(GArray) none = NULL;

  fill_programme (fixture->theirs, 3);
  export (fixture->theirs, first, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  import (fixture->ours, first);
  sql (fixture->theirs, "UPDATE pilot SET title = 'Där', modified = '2024-05-01T00:00:00.000Z'");
  sql (fixture->theirs, "UPDATE learning SET text = 'Där', modified = '2024-05-01T00:00:00.000Z'");
  sql (fixture->ours, "UPDATE pilot SET title = 'Här', modified = '2024-05-02T00:00:00.000Z'");
  sql (fixture->ours, "UPDATE learning SET text = 'Här', modified = '2024-05-02T00:00:00.000Z'");
  export (fixture->theirs, second, NULL, TILLIT_EXCHANGE_EXPORT_NONE);

  p = plan (fixture->ours, second);
  for (guint i = 0; i < tillit_exchange_plan_get_n_entries (p); i++)
    if (tillit_exchange_plan_get_action (p, i) == TILLIT_EXCHANGE_ACTION_CONFLICT)
      g_array_append_val (walked, i);
  g_assert_cmpuint (walked->len, ==, tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_CONFLICT));
  g_assert_cmpuint (walked->len, >, 3);

  all = tillit_exchange_plan_list_conflicts (p, G_MAXUINT);
  g_assert_cmpmem (all->data, all->len * sizeof (guint), walked->data, walked->len * sizeof (guint));
  some = tillit_exchange_plan_list_conflicts (p, 3);
  g_assert_cmpmem (some->data, some->len * sizeof (guint), walked->data, 3 * sizeof (guint));
  none = tillit_exchange_plan_list_conflicts (p, 0);
  g_assert_cmpuint (none->len, ==, 0);
}

/* Changed there only, here only, on both sides, and not at all; and what
 * each choice for the conflicts leaves behind. */
static void
merge (Fixture                  *fixture,
       TillitExchangeResolution  resolution)
{
  g_autoptr(GFile) first = fixture_file (fixture, "first.xml");
  g_autoptr(GFile) second = fixture_file (fixture, "second.xml");
  g_autoptr(TillitExchangePlan) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *conflict = NULL;
  g_autofree char *statement = NULL;
  char pilot[37], learning[37], unit[37];
  guint conflict_index = G_MAXUINT;

  fill_programme (fixture->theirs, 2);
  export (fixture->theirs, first, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  import (fixture->ours, first);

  /* There: one pilot changed, one learning changed, one unit added. */
  g_snprintf (pilot, sizeof pilot, "%08x-0000-4000-8000-000000000001", kind_index ("pilot") + 1);
  g_snprintf (learning, sizeof learning, "%08x-0000-4000-8000-000000000001", kind_index ("learning") + 1);
  g_snprintf (unit, sizeof unit, "%08x-0000-4000-8000-000000000001", kind_index ("unit") + 1);
  sqlf (fixture->theirs, "UPDATE pilot SET title = 'Ny titel där', modified = "
                        "'2024-05-01T00:00:00.000Z' WHERE uuid = '%s'", pilot);
  sqlf (fixture->theirs, "UPDATE learning SET text = 'Deras lärdom', modified = "
                        "'2024-05-01T00:00:00.000Z' WHERE uuid = '%s'", learning);
  sql (fixture->theirs, "INSERT INTO unit (uuid, created, modified, origin, name) VALUES "
                        "('0000aaaa-0000-4000-8000-000000000001', '2024-05-01T00:00:00.000Z', "
                        "'2024-05-01T00:00:00.000Z', '00000001-0000-4000-8000-000000000002', "
                        "'Ny enhet')");
  /* Here: the same learning changed, and a unit changed only here. */
  sqlf (fixture->ours, "UPDATE learning SET text = 'Vår lärdom', modified = "
                      "'2024-05-02T00:00:00.000Z' WHERE uuid = '%s'", learning);
  sqlf (fixture->ours, "UPDATE unit SET name = 'Vårt namn', modified = "
                      "'2024-05-02T00:00:00.000Z' WHERE uuid = '%s'", unit);
  export (fixture->theirs, second, NULL, TILLIT_EXCHANGE_EXPORT_NONE);

  p = plan (fixture->ours, second);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_NEW), ==, 1);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_UPDATED), ==, 1);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_CONFLICT), ==, 1);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_UNCHANGED), ==,
                    tillit_exchange_plan_get_n_entries (p) - 3);
  for (guint i = 0; i < tillit_exchange_plan_get_n_entries (p); i++)
    if (tillit_exchange_plan_get_action (p, i) == TILLIT_EXCHANGE_ACTION_CONFLICT)
      conflict_index = i;
  g_assert_cmpstr (tillit_exchange_plan_get_kind (p, conflict_index), ==, "learning");
  g_assert_cmpstr (tillit_exchange_plan_get_label (p, conflict_index), ==, "Deras lärdom");
  g_assert_cmpuint (tillit_exchange_plan_get_line (p, conflict_index), >, 2);
  g_assert_cmpint (tillit_exchange_plan_get_resolution (p, conflict_index), ==,
                   TILLIT_EXCHANGE_KEEP_OURS);

  /* Both versions, for the window to show side by side. */
  {
    const char * const only_text[] = { "text", NULL };
    g_autofree char *theirs_text = tillit_exchange_plan_dup_value (p, conflict_index, "text");
    const char *theirs_modified = NULL, *ours_modified = NULL;

    g_assert_true (g_strv_equal (tillit_exchange_plan_get_changed_fields (p, conflict_index),
                                 only_text));
    tillit_exchange_plan_get_modified (p, conflict_index, &theirs_modified, &ours_modified);
    g_assert_cmpstr (theirs_modified, ==, "2024-05-01T00:00:00.000Z");
    g_assert_cmpstr (ours_modified, ==, "2024-05-02T00:00:00.000Z");
    g_assert_cmpstr (theirs_text, ==, "Deras lärdom");
    for (guint i = 0; i < tillit_exchange_plan_get_n_entries (p); i++)
      if (tillit_exchange_plan_get_action (p, i) == TILLIT_EXCHANGE_ACTION_UNCHANGED)
        g_assert_null (tillit_exchange_plan_get_changed_fields (p, i));
  }

  tillit_exchange_plan_resolve_all (p, resolution);
  g_assert_true (tillit_exchange_plan_apply (p, NULL, &error));
  g_assert_no_error (error);

  statement = g_strdup_printf ("SELECT title FROM pilot WHERE uuid = '%s'", pilot);
  updated = query_text (fixture->ours, statement);
  g_free (statement);
  statement = g_strdup_printf ("SELECT name FROM unit WHERE uuid = '%s'", unit);
  ours = query_text (fixture->ours, statement);
  g_free (statement);
  statement = g_strdup_printf ("SELECT text FROM learning WHERE uuid = '%s'", learning);
  conflict = query_text (fixture->ours, statement);
  g_assert_cmpstr (updated, ==, "Ny titel där");
  g_assert_cmpstr (ours, ==, "Vårt namn");
  g_assert_cmpstr (conflict, ==, resolution == TILLIT_EXCHANGE_KEEP_OURS ? "Vår lärdom" : "Deras lärdom");
  g_free (updated);
  updated = query_text (fixture->ours, "SELECT origin FROM unit WHERE uuid = '0000aaaa-0000-4000-8000-000000000001'");
  g_assert_cmpstr (updated, ==, "00000001-0000-4000-8000-000000000002");
  g_free (updated);
  updated = query_text (fixture->ours, "SELECT count(*) FROM sync_state WHERE source_municipality IS NULL "
                                       "OR base_modified IS NULL");
  g_assert_cmpstr (updated, ==, "0");

  /* The same file again: nothing left to do, the kept conflict included. */
  g_clear_object (&p);
  p = plan (fixture->ours, second);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_UNCHANGED), ==,
                    tillit_exchange_plan_get_n_entries (p));
}

static void
test_merge_keep_ours (Fixture *fixture, gconstpointer data)
{
  merge (fixture, TILLIT_EXCHANGE_KEEP_OURS);
}

static void
test_merge_take_theirs (Fixture *fixture, gconstpointer data)
{
  merge (fixture, TILLIT_EXCHANGE_TAKE_THEIRS);
}

/* A file without personal data leaves the names we hold as they are. */
static void
test_merge_keeps_personal_data (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "file.xml");
  g_autofree char *owner = NULL;

  fill_programme (fixture->theirs, 2);
  export (fixture->theirs, file, NULL, TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA);
  import (fixture->ours, file);
  sql (fixture->theirs, "UPDATE pilot SET title = 'Ändrad', modified = '2024-06-01T00:00:00Z'");
  export (fixture->theirs, file, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  import (fixture->ours, file);

  owner = query_text (fixture->ours, "SELECT owner FROM pilot WHERE title = 'Ändrad' LIMIT 1");
  g_assert_nonnull (owner);
  g_assert_cmpstr (owner, !=, "");
}

/* A file with another prefix, or the namespace as the default, is the same
 * file. */
static void
test_namespace_prefixes (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GFile) plain = fixture_file (fixture, "plain.xml");
  g_autoptr(GFile) prefixed = fixture_file (fixture, "prefixed.xml");
  g_autoptr(GRegex) open_tag = g_regex_new ("<(/?)([a-z])", 0, 0, NULL);
  g_autofree char *text = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitDatabase) third = open_database (fixture->dir, "third.db");

  fill_programme (fixture->theirs, 2);
  export (fixture->theirs, plain, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  g_assert_true (g_file_load_contents (plain, NULL, &text, NULL, NULL, &error));
  renamed = g_regex_replace (open_tag, text, -1, 0, "<\\1kx:\\2", 0, NULL);
  {
    g_auto(GStrv) halves = g_strsplit (renamed, "xmlns=", 2);
    g_autofree char *bound = g_strjoinv ("xmlns:kx=", halves);
    g_assert_true (g_file_set_contents (g_file_peek_path (prefixed), bound, -1, &error));
    g_assert_nonnull (strstr (bound, "<kx:tillit-exchange xmlns:kx="));
  }

  import (fixture->ours, plain);
  import (third, prefixed);
  before = dump (fixture->ours);
  after = dump (third);
  g_assert_cmpstr (before, ==, after);
}

/* A part: one pilot with its learnings and adoptions; the rest is named
 * as external, and the file stands alone. */
static void
test_export_part (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "part.xml");
  g_autofree char *pilot = uuid_for (kind_index ("pilot"), 1);
  g_autofree char *learning = uuid_for (kind_index ("learning"), 1);
  g_autofree char *learning_tag = g_strdup_printf ("<learning uuid=\"%s\"", learning);
  const char *roots[] = { pilot, NULL };
  g_autofree char *text = NULL;

  fill_programme (fixture->ours, 3);
  export (fixture->ours, file, roots, TILLIT_EXCHANGE_EXPORT_NONE);
  assert_xmllint_valid (file);
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, learning_tag));
  g_assert_nonnull (strstr (text, "<adoption "));
  g_assert_null (strstr (text, "<framework "));
  g_assert_null (strstr (text, "<manager-day "));
  g_assert_nonnull (strstr (text, "external="));

  import (fixture->theirs, file);
  g_free (text);
  text = query_text (fixture->theirs, "SELECT count(*) FROM pilot");
  g_assert_cmpstr (text, ==, "1");

  /* The records it cannot do without came along. */
  g_free (text);
  text = query_text (fixture->theirs, "SELECT count(*) FROM adoption a JOIN unit u ON u.uuid = a.unit");
  g_assert_cmpstr (text, ==, "1");
}

/* Refused files leave the database exactly as it was. */
static void
test_refusals_write_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *files[] = { "not-xml.xml", "truncated.xml", "wrong-namespace.xml",
                          "newer-version.xml", "schema-violation.xml", "duplicate-uuid.xml",
                          "dangling-reference.xml", "billion-laughs.xml",
                          "external-entity.xml", "invalid-utf8.xml", "missing-reference.xml" };
  g_autofree char *before = NULL;

  fill_programme (fixture->ours, 2);
  before = dump (fixture->ours);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (FIXTURES, files[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(TillitExchangePlan) p = NULL;
      g_autofree char *after = NULL;

      p = tillit_exchange_plan_new (fixture->ours, file, 0, NULL, NULL, NULL, &error);
      g_assert_null (p);
      g_assert_error (error, TILLIT_EXCHANGE_ERROR, error->code);
      g_assert_true (g_regex_match_simple ("^.+:[0-9]+:[0-9]+: ", error->message, 0, 0));
      after = dump (fixture->ours);
      g_assert_cmpstr (before, ==, after);
    }
}

/* A reference to a record neither in the file nor here is refused at
 * its place before anything is written. */
static void
test_missing_reference (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (FIXTURES "/missing-reference.xml");
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitExchangePlan) p = NULL;

  g_assert_true (tillit_exchange_validate (file, 0, NULL, &error));
  g_assert_no_error (error);
  p = tillit_exchange_plan_new (fixture->ours, file, 0, NULL, NULL, NULL, &error);
  g_assert_null (p);
  g_assert_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_CONFLICT);
  g_assert_true (g_str_has_suffix (error->message, "in this programme"));
  g_test_message ("%s", error->message);
  g_assert_true (g_regex_match_simple ("^.+missing-reference.xml:9:[0-9]+: .*99999999-", error->message, 0, 0));
}

/* A cancelled apply leaves the database as it was. */
static void
test_cancelled_apply (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "file.xml");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(TillitExchangePlan) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill_programme (fixture->theirs, 3);
  export (fixture->theirs, file, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  before = dump (fixture->ours);
  p = plan (fixture->ours, file);
  g_cancellable_cancel (cancellable);
  g_assert_false (tillit_exchange_plan_apply (p, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = dump (fixture->ours);
  g_assert_cmpstr (before, ==, after);
}

static void
on_plan_ready (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  TillitExchangePlan **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = tillit_exchange_plan_new_finish (result, &error);
  g_assert_no_error (error);
}

static void
on_progress (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_plan_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "file.xml");
  TillitExchangePlan *p = NULL;
  double last = 0.0;

  fill_programme (fixture->theirs, 3);
  export (fixture->theirs, file, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  tillit_exchange_plan_new_async (fixture->ours, file, 0, on_progress, &last, NULL,
                                  on_plan_ready, &p);
  while (p == NULL || last < 1.0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_NEW), >, 0);
  g_object_unref (p);
}

static void
on_export_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (tillit_exchange_export_finish (result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_export_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "async.xml");
  gboolean done = FALSE;
  double last = 0.0;

  fill_programme (fixture->ours, 3);
  tillit_exchange_export_async (fixture->ours, file, &ekdala, NULL, TILLIT_EXCHANGE_EXPORT_NONE,
                                on_progress, &last, NULL, on_export_ready, &done);
  while (!done || last < 1.0)
    g_main_context_iteration (NULL, TRUE);
  assert_xmllint_valid (file);
}

static void
cancel_on_progress (double   fraction,
                    gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* Only what the export is about to write, and the old file, are in the
 * folder: no file written aside is left behind. */
static void
assert_folder_holds (Fixture            *fixture,
                     const char * const *names)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_prefix (name, "ours.db") && !g_str_has_prefix (name, "theirs.db"))
      g_assert_true (g_strv_contains (names, name));
}

/* A cancelled or failed export leaves the file that was there as it was,
 * creates none where there was none, and leaves nothing aside. */
static void
test_export_keeps_old_file (Fixture       *fixture,
                            gconstpointer  data)
{
  const char * const kept[] = { "kept.xml", NULL };
  g_autoptr(GFile) file = fixture_file (fixture, "kept.xml");
  g_autoptr(GFile) fresh = fixture_file (fixture, "fresh.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  fill_programme (fixture->ours, 3);
  g_assert_true (g_file_replace_contents (file, "old", 3, NULL, FALSE, G_FILE_CREATE_NONE,
                                          NULL, NULL, &error));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GCancellable) cancellable = g_cancellable_new ();
      GFile *target = i == 0 ? file : fresh;

      /* Cancelled after the first kind is written. */
      g_assert_false (tillit_exchange_export (fixture->ours, target, &ekdala, NULL,
                                              TILLIT_EXCHANGE_EXPORT_NONE, cancel_on_progress,
                                              cancellable, cancellable, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      g_clear_error (&error);

      /* Failed: a programme that names no municipality as ours, and no
       * sender named. */
      g_assert_false (tillit_exchange_export (fixture->theirs, target, NULL, NULL,
                                              TILLIT_EXCHANGE_EXPORT_NONE, NULL, NULL, NULL,
                                              &error));
      g_assert_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED);
      g_clear_error (&error);
    }

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_cmpstr (contents, ==, "old");
  g_assert_false (g_file_query_exists (fresh, NULL));
  assert_folder_holds (fixture, kept);

  /* And a whole export replaces it. */
  g_assert_true (tillit_exchange_export (fixture->ours, file, &ekdala, NULL,
                                         TILLIT_EXCHANGE_EXPORT_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_xmllint_valid (file);
  assert_folder_holds (fixture, kept);
}

static xmlNodePtr
child_named (xmlNodePtr  parent,
             const char *element,
             const char *name)
{
  for (xmlNodePtr c = parent->children; c != NULL; c = c->next)
    {
      xmlChar *value;
      gboolean match;

      if (c->type != XML_ELEMENT_NODE || !xmlStrEqual (c->name, BAD_CAST element))
        continue;
      if (name == NULL)
        return c;
      value = xmlGetProp (c, BAD_CAST "name");
      match = xmlStrEqual (value, BAD_CAST name);
      xmlFree (value);
      if (match)
        return c;
    }
  g_error ("The schema has no <%s name=\"%s\">", element, name ? name : "");
}

static char *
prop (xmlNodePtr  node,
      const char *name)
{
  xmlChar *value = xmlGetProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

/* The enumeration of an enum field: tx:KIND.FIELD lists its nicks, in
 * order. */
static void
assert_enumeration (xmlNodePtr              schema,
                    const TillitRecordKind *kind,
                    const TillitField      *field)
{
  g_autofree char *name = g_strdup_printf ("%s.%s", kind->xml_name, field->xml_name);
  xmlNodePtr type = child_named (schema, "simpleType", name);
  xmlNodePtr restriction;
  guint i = 0;

  g_assert_nonnull (type);
  restriction = child_named (type, "restriction", NULL);
  for (xmlNodePtr e = restriction->children; e != NULL; e = e->next)
    {
      g_autofree char *value = NULL;

      if (e->type != XML_ELEMENT_NODE)
        continue;
      value = prop (e, "value");
      g_assert_nonnull (field->nicks[i]);
      g_assert_cmpstr (value, ==, field->nicks[i]);
      i++;
    }
  g_assert_null (field->nicks[i]);
}

/* The XSD and the model's field tables name the same kinds and fields, in
 * the same order, with the same enumerations, optional where the
 * exchange says so; and nothing else. */
static void
test_schema_matches_tables (void)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);
  xmlDocPtr doc = xmlReadFile (XSD, NULL, XML_PARSE_NONET);
  xmlNodePtr schema, root, sequence, group;
  guint n_types = 0, index = 0;

  g_assert_nonnull (doc);
  schema = xmlDocGetRootElement (doc);

  /* The four fields every record has are its attributes. */
  group = child_named (schema, "attributeGroup", "Record");
  g_assert_nonnull (group);
  for (guint i = 0; i < TILLIT_RECORD_N_BASE_FIELDS; i++)
    {
      const TillitField *field = &tillit_record_base_fields ()[i];
      xmlNodePtr attribute = child_named (group, "attribute", field->xml_name);
      g_autofree char *use = NULL;

      g_assert_nonnull (attribute);
      use = prop (attribute, "use");
      g_assert_cmpint (use != NULL, ==, (field->flags & TILLIT_FIELD_REQUIRED) != 0);
    }

  /* The root holds each kind's records, in the kinds' order. */
  root = child_named (schema, "element", "tillit-exchange");
  sequence = child_named (child_named (root, "complexType", NULL), "sequence", NULL);
  for (xmlNodePtr e = sequence->children; e != NULL; e = e->next)
    {
      g_autofree char *name = NULL;

      if (e->type != XML_ELEMENT_NODE)
        continue;
      name = prop (e, "name");
      if (g_str_equal (name, "source"))
        continue;
      g_assert_nonnull (kinds[index]);
      g_assert_cmpstr (name, ==, kinds[index]->xml_name);
      index++;
    }
  g_assert_null (kinds[index]);

  for (xmlNodePtr type = schema->children; type != NULL; type = type->next)
    {
      g_autofree char *name = NULL;
      const TillitRecordKind *kind = NULL;
      guint next = TILLIT_RECORD_N_BASE_FIELDS;

      if (type->type != XML_ELEMENT_NODE || !xmlStrEqual (type->name, BAD_CAST "complexType"))
        continue;
      name = prop (type, "name");
      for (guint k = 0; kinds[k] != NULL; k++)
        if (g_str_equal (kinds[k]->xml_name, name))
          kind = kinds[k];
      if (kind == NULL)
        {
          g_assert_true (g_str_equal (name, "Reference") || g_str_equal (name, "Source"));
          continue;
        }
      n_types++;

      sequence = child_named (type, "sequence", NULL);
      g_assert_nonnull (sequence);
      for (xmlNodePtr element = sequence->children; element != NULL; element = element->next)
        {
          g_autofree char *field_name = NULL;
          g_autofree char *min = NULL;
          g_autofree char *field_type = NULL;
          const TillitField *field;

          if (element->type != XML_ELEMENT_NODE)
            continue;
          while (next < tillit_record_kind_n_all_fields (kind) &&
                 !tillit_exchange_field_is_exchanged (kind, tillit_record_kind_field (kind, next)))
            next++;
          g_assert_cmpuint (next, <, tillit_record_kind_n_all_fields (kind));
          field = tillit_record_kind_field (kind, next++);

          field_name = prop (element, "name");
          min = prop (element, "minOccurs");
          field_type = prop (element, "type");
          g_assert_cmpstr (field_name, ==, field->xml_name);
          g_assert_cmpint (min != NULL, ==, tillit_exchange_field_is_optional (field));

          switch (field->type)
            {
            case TILLIT_FIELD_ENUM:
              {
                g_autofree char *expected = g_strdup_printf ("tx:%s.%s", kind->xml_name, field->xml_name);

                g_assert_cmpstr (field_type, ==, expected);
                assert_enumeration (schema, kind, field);
              }
              break;
            case TILLIT_FIELD_ENUM_SET:
              assert_enumeration (schema, kind, field);
              break;
            case TILLIT_FIELD_REFERENCE:
              g_assert_cmpstr (field_type, ==, "tx:Reference");
              break;
            case TILLIT_FIELD_REFERENCE_SET:
              {
                xmlNodePtr inner = child_named (child_named (child_named (element, "complexType", NULL),
                                                             "sequence", NULL),
                                                "element", NULL);
                g_autofree char *inner_name = prop (inner, "name");

                g_assert_cmpstr (inner_name, ==, tillit_record_kind_lookup (field->target)->xml_name);
              }
              break;
            case TILLIT_FIELD_BOOL:
              g_assert_cmpstr (field_type, ==, "xs:boolean");
              break;
            case TILLIT_FIELD_DATE:
              g_assert_cmpstr (field_type, ==, "tx:Date");
              break;
            case TILLIT_FIELD_TIME:
              g_assert_cmpstr (field_type, ==, "tx:Time");
              break;
            case TILLIT_FIELD_STRING:
            case TILLIT_FIELD_TEXT:
            case TILLIT_FIELD_INT:
            case TILLIT_FIELD_DATETIME:
            default:
              g_assert_nonnull (field_type);
              break;
            }
        }
      while (next < tillit_record_kind_n_all_fields (kind) &&
             !tillit_exchange_field_is_exchanged (kind, tillit_record_kind_field (kind, next)))
        next++;
      g_assert_cmpuint (next, ==, tillit_record_kind_n_all_fields (kind));
    }
  xmlFreeDoc (doc);

  g_assert_cmpuint (n_types, ==, n_kinds ());
}

static void
assert_count (TillitDatabase *database,
              const char     *query,
              const char     *expected)
{
  g_autofree char *count = query_text (database, query);

  g_assert_cmpstr (count, ==, expected);
}

/* The example programme is valid, merges with the default programme of a
 * new database without a conflict, and fills every tool. */
static void
test_example_programme (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) file = g_file_new_for_path (EXAMPLE);
  g_autoptr(TillitExchangePlan) p = NULL;
  g_autoptr(GError) error = NULL;

  assert_xmllint_valid (file);
  g_assert_true (tillit_exchange_validate (file, 0, NULL, &error));
  g_assert_no_error (error);

  p = plan (fixture->ours, file);
  g_assert_cmpstr (tillit_exchange_plan_get_source_name (p), ==, "Ekdala kommun");
  g_assert_cmpstr (tillit_exchange_plan_get_source_kommunkod (p), ==, "9999");
  g_assert_false (tillit_exchange_plan_has_personal_data (p));
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_NEW), ==, 195);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_UNCHANGED), ==, 27);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_UPDATED), ==, 0);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_CONFLICT), ==, 0);
  g_assert_true (tillit_exchange_plan_apply (p, NULL, &error));
  g_assert_no_error (error);

  assert_count (fixture->ours, "SELECT count(*) FROM municipality WHERE code = '9999'", "1");
  assert_count (fixture->ours, "SELECT count(*) FROM framework", "1");
  assert_count (fixture->ours, "SELECT count(*) FROM cell", "21");
  assert_count (fixture->ours, "SELECT count(*) FROM strategy", "35");
  assert_count (fixture->ours, "SELECT count(*) FROM assessment", "42");
  assert_count (fixture->ours, "SELECT group_concat(period) FROM (SELECT DISTINCT period FROM "
                               "assessment ORDER BY period)", "2025,2026");
  assert_count (fixture->ours, "SELECT count(DISTINCT level) FROM cell", "3");
  assert_count (fixture->ours, "SELECT count(*) FROM pilot", "12");
  assert_count (fixture->ours, "SELECT group_concat(n) FROM (SELECT count(*) AS n FROM pilot "
                               "GROUP BY stage)", "3,3,3,3");
  assert_count (fixture->ours, "SELECT count(*) FROM pilot p WHERE NOT EXISTS "
                               "(SELECT 1 FROM learning l WHERE l.pilot = p.uuid)", "0");
  assert_count (fixture->ours, "SELECT count(*) FROM adoption", "4");
  assert_count (fixture->ours, "SELECT count(*) FROM manager_day", "5");
  assert_count (fixture->ours, "SELECT count(*) FROM agenda_item", "24");
  assert_count (fixture->ours, "SELECT count(DISTINCT format) FROM agenda_item", "5");
  assert_count (fixture->ours, "SELECT count(*) FROM vacancy", "3");
  assert_count (fixture->ours, "SELECT count(*) FROM profile_entry", "14");
  assert_count (fixture->ours, "SELECT count(*) FROM candidate", "0");
  assert_count (fixture->ours, "SELECT count(*) FROM sync_state", "222");

  /* Imported again, it is all unchanged. */
  g_clear_object (&p);
  p = plan (fixture->ours, file);
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_UNCHANGED), ==, 222);
}

/* What the command line prints, as TAP comments. Not g_test_message(),
 * which prints through this very handler. */
static void
print_as_message (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      fprintf (stdout, "# %s\n", lines[i]);
}

/* The functions behind --export, --import [--dry-run] and --validate. */
static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *theirs = g_build_filename (fixture->dir, "theirs.db", NULL);
  g_autofree char *ours = g_build_filename (fixture->dir, "ours.db", NULL);
  g_autofree char *file = g_build_filename (fixture->dir, "cli.xml", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_set_print_handler (print_as_message);
  fill_programme (fixture->theirs, 2);
  g_assert_cmpint (tillit_exchange_cli_export (theirs, file, &ekdala, FALSE), ==, 0);
  g_assert_cmpint (tillit_exchange_cli_validate (file), ==, 0);
  g_assert_cmpint (tillit_exchange_cli_validate (FIXTURES "/not-xml.xml"), !=, 0);

  before = dump (fixture->ours);
  g_assert_cmpint (tillit_exchange_cli_import (ours, file, TRUE), ==, 0);
  after = dump (fixture->ours);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (tillit_exchange_cli_import (ours, file, FALSE), ==, 0);
  g_free (after);
  after = dump (fixture->ours);
  g_assert_cmpstr (before, !=, after);
  g_assert_cmpint (tillit_exchange_cli_import (ours, FIXTURES "/truncated.xml", FALSE), !=, 0);
  g_set_print_handler (NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/exchange/round-trip", test_round_trip);
  ADD ("/exchange/personal-data-left-out", test_personal_data_left_out);
  ADD ("/exchange/merge/keep-ours", test_merge_keep_ours);
  ADD ("/exchange/merge/take-theirs", test_merge_take_theirs);
  ADD ("/exchange/merge/keeps-personal-data", test_merge_keeps_personal_data);
  ADD ("/exchange/merge/list-conflicts", test_merge_list_conflicts);
  ADD ("/exchange/namespace-prefixes", test_namespace_prefixes);
  ADD ("/exchange/export-part", test_export_part);
  ADD ("/exchange/refusals-write-nothing", test_refusals_write_nothing);
  ADD ("/exchange/missing-reference", test_missing_reference);
  ADD ("/exchange/cancelled-apply", test_cancelled_apply);
  ADD ("/exchange/export-async", test_export_async);
  ADD ("/exchange/export-keeps-old-file", test_export_keeps_old_file);
  ADD ("/exchange/plan-async", test_plan_async);
  ADD ("/exchange/cli", test_cli);
  ADD ("/exchange/example-programme", test_example_programme);
#undef ADD
  g_test_add_func ("/exchange/schema-matches-tables", test_schema_matches_tables);

  return g_test_run ();
}
