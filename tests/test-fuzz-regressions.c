/* test-fuzz-regressions.c: what the fuzzer found, and edges it reached,
 * through the real import again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each input in tests/fixtures/fuzz/ goes through the same code as in the
 * fuzzer (tests/fuzz/tillit-fuzz-import.c, which asserts the import's
 * promises on the way), into an empty programme and one that holds the
 * example programme. Here every outcome is named: refused with which
 * code, where and why, with the programme unchanged; or accepted with
 * how many records.
 */
#include "config.h"

#include "fuzz/tillit-fuzz-import.h"
#include "test-model-util.h"

#define FIXTURES TEST_SRCDIR "/fixtures/fuzz"
#define EXAMPLE TEST_SRCDIR "/../data/examples/example-programme.xml"

typedef struct
{
  const char *file;
  const char *why;      /* what the input is, or what it found */
  int code;             /* ACCEPTED, or the refusal's */
  const char *place;    /* accepted: unused; refused: "LINE:COLUMN: " */
  const char *words;    /* something the message must say */
  guint n_entries;      /* accepted: the records in the plan */
} Outcome;

#define ACCEPTED -1

static const Outcome outcomes[] = {
  /* Findings: gzip trouble was refused as a failing disk (FAILED). */
  { "gzip-magic-only.bin", "finding: the two bytes of gzip's magic and nothing else",
    TILLIT_EXCHANGE_ERROR_NOT_XML, "1:1: ", "compressed file ends too early" },
  { "gzip-damaged-header.bin", "finding: a gzip header that is not one",
    TILLIT_EXCHANGE_ERROR_NOT_XML, "1:1: ", "compressed data is damaged" },
  { "gzip-cut-short.xml.gz", "finding: a gzipped exchange file cut after 300 bytes",
    TILLIT_EXCHANGE_ERROR_NOT_XML, "4:", "compressed file ends too early" },
  { "gzip-flipped-byte.xml.gz", "finding: a gzipped exchange file with one byte flipped",
    TILLIT_EXCHANGE_ERROR_NOT_XML, "1:", "compressed data is damaged" },
  /* Findings: libxml2's message quoting the file was taken for its own. */
  { "uri-quoting-excessive-depth.xml", "finding: a namespace URI holding \"Excessive depth\" "
    "was refused as nested too deep", TILLIT_EXCHANGE_ERROR_NOT_XML, "2:82: ", "not well-formed XML" },
  { "value-quoting-format-version.xml", "finding: a value 'format-version' was refused as "
    "another format version", TILLIT_EXCHANGE_ERROR_INVALID, "12:5: ", "does not follow the exchange format" },
  /* Finding: the plan accepted what the database's UNIQUE refused. */
  { "cell-twice-at-one-place.xml", "finding: two cells of one principle at one level",
    TILLIT_EXCHANGE_ERROR_CONFLICT, "31:3: ", "same principle and level as the record" },
  { "cell-new-at-taken-place.xml", "finding: a new cell where the example programme has one "
    "(refused there, which the helper checks)", ACCEPTED, NULL, NULL, 5 },
  { "element-after-root.xml", "found in the corpus: an element after the root, on the last "
    "line, was taken for a file cut short", TILLIT_EXCHANGE_ERROR_NOT_XML, "16:1: ",
    "not well-formed XML: Extra content" },
  /* Finding: a reference marked external that names a record of another
   * kind in the file was exported as a reference into the file. */
  { "external-names-other-kind.xml", "finding: a pilot's principle and its adapted-from "
    "marked external but naming a unit in the file", ACCEPTED, NULL, NULL, 3 },
  /* Edges the fuzzer reached. */
  { "doctype-after-pi.xml", "a DOCTYPE after a processing instruction",
    TILLIT_EXCHANGE_ERROR_REFUSED, "2:1: ", "DOCTYPE" },
  { "entity-in-text.xml", "an undeclared entity in a name",
    TILLIT_EXCHANGE_ERROR_REFUSED, "21:29: ", "entities" },
  { "root-named-xml.xml", "a root element named xml, then garbage",
    TILLIT_EXCHANGE_ERROR_NOT_EXCHANGE, "1:1: ", "not a Tillit exchange file" },
  { "personal-record-undeclared.xml", "a candidate in a file that says it holds no personal data",
    TILLIT_EXCHANGE_ERROR_INVALID, "20:3: ", "no personal data" },
  { "gzip-minimal.xml.gz", "a gzipped exchange file", ACCEPTED, NULL, NULL, 3 },
  { "xml-version-1.4.xml", "an XML declaration of version 1.4", ACCEPTED, NULL, NULL, 4 },
  { "created-four-decimals.xml", "a time of creation with four decimals", ACCEPTED, NULL, NULL, 4 },
  { NULL },
};

static TillitFuzzImport *target;

static void
test_input (gconstpointer data)
{
  const Outcome *outcome = data;
  g_autofree char *path = g_build_filename (FIXTURES, outcome->file, NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  guint n_entries = 0;
  gboolean accepted;

  g_test_message ("%s", outcome->why);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  before = test_sql_dump (tillit_fuzz_import_get_database (target));
  accepted = tillit_fuzz_import_run (target, (const guint8 *) contents, length, &n_entries, &error);
  after = test_sql_dump (tillit_fuzz_import_get_database (target));

  /* Refused, nothing was written; accepted, the helper emptied it again. */
  g_assert_cmpstr (before, ==, after);

  if (outcome->code == ACCEPTED)
    {
      g_assert_no_error (error);
      g_assert_true (accepted);
      g_assert_cmpuint (n_entries, ==, outcome->n_entries);
    }
  else
    {
      g_autofree char *prefix = g_strconcat (tillit_fuzz_import_get_input (target), ":",
                                             outcome->place, NULL);

      g_assert_false (accepted);
      g_assert_error (error, TILLIT_EXCHANGE_ERROR, outcome->code);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, prefix));
      g_assert_nonnull (strstr (error->message, outcome->words));
    }
}

/* A file kept without its outcome here would never be run. */
static void
test_all_listed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (FIXTURES, 0, &error);
  const char *name;
  guint n_files = 0;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean listed = FALSE;

      for (gsize i = 0; outcomes[i].file != NULL; i++)
        listed = listed || g_str_equal (outcomes[i].file, name);
      if (!listed)
        g_error ("%s/%s has no outcome in %s", FIXTURES, name, __FILE__);
      n_files++;
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (outcomes) - 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  target = tillit_fuzz_import_new (EXAMPLE);

  for (gsize i = 0; outcomes[i].file != NULL; i++)
    {
      g_autofree char *name = g_strdup_printf ("/fuzz/%s", outcomes[i].file);
      g_test_add_data_func (name, &outcomes[i], test_input);
    }

  g_test_add_func ("/fuzz/all-listed", test_all_listed);

  status = g_test_run ();
  tillit_fuzz_import_free (target);
  return status;
}
