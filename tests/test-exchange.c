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
#include "exchange/tillit-exchange-kinds.h"

#define FIXTURES TEST_SRCDIR "/fixtures/exchange"
#define XSD TEST_SRCDIR "/../data/tillit-exchange.xsd"

static const TillitExchangeSource ekdala = { "Ekdala kommun", "9901" };

typedef struct
{
  char *dir;
  sqlite3 *ours;
  sqlite3 *theirs;
} Fixture;

static sqlite3 *
open_database (const char *dir,
               const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (tillit_exchange_kinds_ensure_tables (db, &error));
  g_assert_no_error (error);
  return db;
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
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  sqlite3_close (fixture->ours);
  sqlite3_close (fixture->theirs);
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
sql (sqlite3    *db,
     const char *statement)
{
  char *message = NULL;

  if (sqlite3_exec (db, statement, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", statement, message);
}

static char *
query_text (sqlite3    *db,
            const char *statement)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, statement, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

/* Every table's rows, in one string: "nothing changed" is this staying equal. */
static char *
dump (sqlite3 *db)
{
  GString *all = g_string_new (NULL);

  for (guint i = 0; i < tillit_exchange_kinds_get_n (); i++)
    {
      const TillitExchangeKind *kind = tillit_exchange_kinds_get (i);
      g_autofree char *statement =
        g_strdup_printf ("SELECT group_concat(quote(uuid) || quote(modified), ',') FROM "
                         "(SELECT * FROM \"%s\" ORDER BY uuid)", kind->table);
      g_autofree char *rows = query_text (db, statement);

      g_string_append_printf (all, "%s=%s;", kind->table, rows ? rows : "");
    }
  return g_string_free (all, FALSE);
}

static char *
uuid_for (guint kind,
          guint n)
{
  return g_strdup_printf ("%08x-0000-4000-8000-%012x", kind + 1, n + 1);
}

static const char *
choice_for (const char *field)
{
  if (g_str_equal (field, "service-area"))
    return "child-and-family";
  if (g_str_equal (field, "decision"))
    return "approved";
  return "adapt";
}

/* Texts that try the escaping, Swedish letters, emptiness and length. */
static char *
text_for (guint n,
          guint field)
{
  switch ((n + field) % 4)
    {
    case 0:
      return g_strdup_printf ("Åsa & Örjan <på> \"äldreomsorg\" 'år %u'", n);
    case 1:
      return g_strdup ("");
    case 2:
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

/* @count records of every kind, every field set, references pointing at
 * the records of the kinds before. */
static void
fill_programme (sqlite3 *db,
                guint    count)
{
  sql (db, "BEGIN");
  for (guint k = 0; k < tillit_exchange_kinds_get_n (); k++)
    {
      const TillitExchangeKind *kind = tillit_exchange_kinds_get (k);
      g_autoptr(GString) insert = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_string_printf (insert, "INSERT INTO \"%s\" VALUES (?, ?, ?, ?", kind->table);
      for (guint f = 0; f < kind->n_fields; f++)
        g_string_append (insert, ", ?");
      g_string_append (insert, ")");
      g_assert_cmpint (sqlite3_prepare_v2 (db, insert->str, -1, &stmt, NULL), ==, SQLITE_OK);

      for (guint n = 0; n < count; n++)
        {
          sqlite3_bind_text (stmt, 1, uuid_for (k, n), -1, g_free);
          sqlite3_bind_text (stmt, 2, g_strdup_printf ("2024-01-%02uT08:00:00Z", n % 28 + 1), -1, g_free);
          sqlite3_bind_text (stmt, 3, g_strdup_printf ("2024-02-%02uT09:30:15.25Z", n % 28 + 1), -1, g_free);
          sqlite3_bind_text (stmt, 4, n % 2 ? "9901" : "9902", -1, SQLITE_STATIC);
          for (guint f = 0; f < kind->n_fields; f++)
            {
              const TillitExchangeField *field = &kind->fields[f];
              int column = 5 + f;
              guint target = field->target ? tillit_exchange_kinds_lookup (field->target) -
                                             tillit_exchange_kinds_get (0) : 0;

              switch (field->type)
                {
                case TILLIT_EXCHANGE_FIELD_INTEGER:
                  sqlite3_bind_int64 (stmt, column, g_str_equal (field->xml_name, "position")
                                                    ? n : (gint64) n * 7 - 3);
                  break;
                case TILLIT_EXCHANGE_FIELD_BOOLEAN:
                  sqlite3_bind_int (stmt, column, n % 2);
                  break;
                case TILLIT_EXCHANGE_FIELD_DATE:
                  sqlite3_bind_text (stmt, column, g_strdup_printf ("2023-%02u-15", n % 12 + 1), -1, g_free);
                  break;
                case TILLIT_EXCHANGE_FIELD_TIME:
                  sqlite3_bind_text (stmt, column, g_strdup_printf ("%02u:30", 8 + n % 10), -1, g_free);
                  break;
                case TILLIT_EXCHANGE_FIELD_URI:
                  sqlite3_bind_text (stmt, column, "https://example.org/rapport?id=1&sv=å", -1, SQLITE_STATIC);
                  break;
                case TILLIT_EXCHANGE_FIELD_CHOICE:
                  sqlite3_bind_text (stmt, column, choice_for (field->xml_name), -1, SQLITE_STATIC);
                  break;
                case TILLIT_EXCHANGE_FIELD_REFERENCE:
                  sqlite3_bind_text (stmt, column, uuid_for (target, n % count), -1, g_free);
                  break;
                case TILLIT_EXCHANGE_FIELD_REFERENCES:
                  sqlite3_bind_text (stmt, column,
                                     g_strconcat (uuid_for (target, (n + 1) % count), " ",
                                                  uuid_for (target, n % count), NULL),
                                     -1, g_free);
                  break;
                default:
                  sqlite3_bind_text (stmt, column, text_for (n, f), -1, g_free);
                  break;
                }
            }
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }
  sql (db, "COMMIT");
}

static void
export (sqlite3                   *db,
        GFile                     *file,
        const char * const        *roots,
        TillitExchangeExportFlags  flags)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (tillit_exchange_export (db, file, &ekdala, roots, flags, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static TillitExchangePlan *
plan (sqlite3 *db,
      GFile   *file)
{
  g_autoptr(GError) error = NULL;
  TillitExchangePlan *result = tillit_exchange_plan_new (db, file, 0, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
import (sqlite3 *db,
        GFile   *file)
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
  g_assert_cmpuint (tillit_exchange_plan_count (p, TILLIT_EXCHANGE_ACTION_NEW), ==,
                    5 * tillit_exchange_kinds_get_n ());
  g_assert_true (tillit_exchange_plan_apply (p, NULL, &error));
  g_assert_no_error (error);

  export (fixture->theirs, second, NULL, TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA);
  assert_xmllint_valid (second);

  a = contents_but_date (first);
  b = contents_but_date (second);
  g_assert_cmpstr (a, ==, b);
  g_assert_nonnull (strstr (a, "Åsa &amp; Örjan &lt;på&gt; &quot;äldreomsorg&quot; 'år"));
}

/* The default export holds no candidate, no rating and no named person. */
static void
test_personal_data_left_out (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "default.xml");
  g_autofree char *text = NULL;

  fill_programme (fixture->ours, 3);
  sql (fixture->ours, "UPDATE candidate SET name = 'Kandidat Karlsson', note = 'Sekretess'");
  sql (fixture->ours, "UPDATE rating SET rater = 'Bedömare Berg', evidence = 'Bevis Bo'");
  sql (fixture->ours, "UPDATE pilot SET owner = 'Ägare Åberg', decided_by = 'Chef Ceder'");
  sql (fixture->ours, "UPDATE agenda_item SET facilitators = 'Ledare Lind'");
  export (fixture->ours, file, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  assert_xmllint_valid (file);

  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "personal-data=\"false\""));
  for (const char *const *name = (const char *[]) { "Karlsson", "Sekretess", "Berg", "Bevis",
                                                    "Åberg", "Ceder", "Lind", "<candidate",
                                                    "<rating", "<owner", NULL };
       *name != NULL; name++)
    g_assert_null (strstr (text, *name));
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
  guint conflict_index = G_MAXUINT;

  fill_programme (fixture->theirs, 2);
  export (fixture->theirs, first, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  import (fixture->ours, first);

  /* There: one pilot changed, one learning changed, one unit added. */
  sql (fixture->theirs, "UPDATE pilot SET title = 'Ny titel där', modified = '2024-05-01T00:00:00Z' "
                        "WHERE uuid = '00000007-0000-4000-8000-000000000001'");
  sql (fixture->theirs, "UPDATE learning SET text = 'Deras lärdom', modified = '2024-05-01T00:00:00Z' "
                        "WHERE uuid = '00000008-0000-4000-8000-000000000001'");
  sql (fixture->theirs, "INSERT INTO unit (uuid, created, modified, origin, name) VALUES "
                        "('0000aaaa-0000-4000-8000-000000000001', '2024-05-01T00:00:00Z', "
                        "'2024-05-01T00:00:00Z', '9902', 'Ny enhet')");
  /* Here: the same learning changed, and a unit changed only here. */
  sql (fixture->ours, "UPDATE learning SET text = 'Vår lärdom', modified = '2024-05-02T00:00:00Z' "
                      "WHERE uuid = '00000008-0000-4000-8000-000000000001'");
  sql (fixture->ours, "UPDATE unit SET name = 'Vårt namn', modified = '2024-05-02T00:00:00Z' "
                      "WHERE uuid = '00000006-0000-4000-8000-000000000001'");
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

  tillit_exchange_plan_resolve_all (p, resolution);
  g_assert_true (tillit_exchange_plan_apply (p, NULL, &error));
  g_assert_no_error (error);

  updated = query_text (fixture->ours, "SELECT title FROM pilot WHERE uuid = '00000007-0000-4000-8000-000000000001'");
  ours = query_text (fixture->ours, "SELECT name FROM unit WHERE uuid = '00000006-0000-4000-8000-000000000001'");
  conflict = query_text (fixture->ours, "SELECT text FROM learning WHERE uuid = '00000008-0000-4000-8000-000000000001'");
  g_assert_cmpstr (updated, ==, "Ny titel där");
  g_assert_cmpstr (ours, ==, "Vårt namn");
  g_assert_cmpstr (conflict, ==, resolution == TILLIT_EXCHANGE_KEEP_OURS ? "Vår lärdom" : "Deras lärdom");
  g_free (updated);
  updated = query_text (fixture->ours, "SELECT origin FROM unit WHERE uuid = '0000aaaa-0000-4000-8000-000000000001'");
  g_assert_cmpstr (updated, ==, "9902");

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
  sqlite3 *third = open_database (fixture->dir, "third.db");

  fill_programme (fixture->theirs, 2);
  export (fixture->theirs, plain, NULL, TILLIT_EXCHANGE_EXPORT_NONE);
  g_assert_true (g_file_load_contents (plain, NULL, &text, NULL, NULL, &error));
  renamed = g_regex_replace (open_tag, text, -1, 0, "<\\1kx:\\2", 0, NULL);
  {
    g_autofree char *bound = g_strjoinv ("xmlns:kx=", g_strsplit (renamed, "xmlns=", 2));
    g_assert_true (g_file_set_contents (g_file_peek_path (prefixed), bound, -1, &error));
    g_assert_nonnull (strstr (bound, "<kx:tillit-exchange xmlns:kx="));
  }

  import (fixture->ours, plain);
  import (third, prefixed);
  before = dump (fixture->ours);
  after = dump (third);
  g_assert_cmpstr (before, ==, after);
  sqlite3_close (third);
}

/* A part: one pilot with its learnings and adoptions; the rest is named
 * as external, and the file stands alone. */
static void
test_export_part (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) file = fixture_file (fixture, "part.xml");
  const char *roots[] = { "00000007-0000-4000-8000-000000000002", NULL };
  g_autofree char *text = NULL;

  fill_programme (fixture->ours, 3);
  export (fixture->ours, file, roots, TILLIT_EXCHANGE_EXPORT_NONE);
  assert_xmllint_valid (file);
  g_assert_true (g_file_load_contents (file, NULL, &text, NULL, NULL, NULL));
  g_assert_nonnull (strstr (text, "<learning uuid=\"00000008-0000-4000-8000-000000000002\""));
  g_assert_null (strstr (text, "<frameworks>"));
  g_assert_null (strstr (text, "<manager-days>"));
  g_assert_nonnull (strstr (text, "external="));

  import (fixture->theirs, file);
  g_free (text);
  text = query_text (fixture->theirs, "SELECT count(*) FROM pilot");
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
                          "external-entity.xml", "invalid-utf8.xml" };
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

/* The XSD and the field tables name the same kinds and fields. */
static void
test_schema_matches_tables (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlDocPtr doc = xmlReadFile (XSD, NULL, XML_PARSE_NONET);
  guint types = 0;

  g_assert_nonnull (doc);
  for (xmlNodePtr type = xmlDocGetRootElement (doc)->children; type; type = type->next)
    {
      xmlChar *name;
      g_autofree char *kind_name = NULL;
      const TillitExchangeKind *kind = NULL;
      xmlNodePtr sequence = NULL;
      guint index = 0;

      if (type->type != XML_ELEMENT_NODE || !xmlStrEqual (type->name, BAD_CAST "complexType"))
        continue;
      name = xmlGetProp (type, BAD_CAST "name");
      /* ManagerDay -> manager-day */
      {
        GString *s = g_string_new (NULL);
        for (const char *c = (const char *) name; *c; c++)
          {
            if (g_ascii_isupper (*c) && s->len > 0)
              g_string_append_c (s, '-');
            g_string_append_c (s, g_ascii_tolower (*c));
          }
        kind_name = g_string_free (s, FALSE);
      }
      xmlFree (name);
      kind = tillit_exchange_kinds_lookup (kind_name);
      if (kind == NULL)
        continue;
      types++;
      g_hash_table_add (seen, g_strdup (kind_name));

      for (xmlNodePtr c = type->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual (c->name, BAD_CAST "sequence"))
          sequence = c;
      g_assert_nonnull (sequence);
      for (xmlNodePtr element = sequence->children; element; element = element->next)
        {
          xmlChar *field_name, *min;
          const TillitExchangeField *field;

          if (element->type != XML_ELEMENT_NODE)
            continue;
          field_name = xmlGetProp (element, BAD_CAST "name");
          min = xmlGetProp (element, BAD_CAST "minOccurs");
          g_assert_cmpuint (index, <, kind->n_fields);
          field = &kind->fields[index++];
          g_assert_cmpstr ((const char *) field_name, ==, field->xml_name);
          g_assert_cmpint (min != NULL, ==,
                           (field->flags & (TILLIT_EXCHANGE_FIELD_OPTIONAL |
                                            TILLIT_EXCHANGE_FIELD_PERSONAL)) != 0 ||
                           field->type == TILLIT_EXCHANGE_FIELD_REFERENCES);
          xmlFree (field_name);
          xmlFree (min);
        }
      g_assert_cmpuint (index, ==, kind->n_fields);
    }
  xmlFreeDoc (doc);

  g_assert_cmpuint (types, ==, tillit_exchange_kinds_get_n ());
  for (guint i = 0; i < tillit_exchange_kinds_get_n (); i++)
    g_assert_true (g_hash_table_contains (seen, tillit_exchange_kinds_get (i)->xml_name));
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
  ADD ("/exchange/namespace-prefixes", test_namespace_prefixes);
  ADD ("/exchange/export-part", test_export_part);
  ADD ("/exchange/refusals-write-nothing", test_refusals_write_nothing);
  ADD ("/exchange/cancelled-apply", test_cancelled_apply);
  ADD ("/exchange/plan-async", test_plan_async);
  ADD ("/exchange/cli", test_cli);
#undef ADD
  g_test_add_func ("/exchange/schema-matches-tables", test_schema_matches_tables);

  return g_test_run ();
}
