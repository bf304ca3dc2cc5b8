/* test-exchange-refusals.c: every way an untrusted file is turned away
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "exchange/tillit-exchange.h"

#define FIXTURES TEST_SRCDIR "/fixtures/exchange"

typedef struct
{
  const char *file;
  int code;
  const char *place;   /* the expected "LINE:COLUMN: " after the name */
  const char *words;   /* something the message must say */
} Refusal;

static const Refusal refusals[] = {
  { "not-xml.xml", TILLIT_EXCHANGE_ERROR_NOT_XML, ":1:1: ", "not an XML file" },
  { "empty.xml", TILLIT_EXCHANGE_ERROR_NOT_XML, ":1:1: ", "empty" },
  { "truncated.xml", TILLIT_EXCHANGE_ERROR_NOT_XML, ":6:", "cut short" },
  { "wrong-namespace.xml", TILLIT_EXCHANGE_ERROR_NOT_EXCHANGE, ":2:1: ", "not a Tillit exchange file" },
  { "newer-version.xml", TILLIT_EXCHANGE_ERROR_NOT_EXCHANGE, ":2:1: ", "version 2" },
  { "wrong-format-version.xml", TILLIT_EXCHANGE_ERROR_NOT_EXCHANGE, ":2:1: ", "version" },
  { "schema-violation.xml", TILLIT_EXCHANGE_ERROR_INVALID, ":", "does not follow" },
  { "duplicate-uuid.xml", TILLIT_EXCHANGE_ERROR_INVALID, ":", "same UUID" },
  { "dangling-reference.xml", TILLIT_EXCHANGE_ERROR_INVALID, ":", "not in the file" },
  { "billion-laughs.xml", TILLIT_EXCHANGE_ERROR_REFUSED, ":2:1: ", "DOCTYPE" },
  { "external-entity.xml", TILLIT_EXCHANGE_ERROR_REFUSED, ":2:1: ", "DOCTYPE" },
  { "invalid-utf8.xml", TILLIT_EXCHANGE_ERROR_NOT_XML, ":", "UTF-8" },
};

static void
assert_refused (GFile      *file,
                guint64     max_bytes,
                int         code,
                const char *place,
                const char *words)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *prefix = g_strconcat (name, place, NULL);

  g_assert_false (tillit_exchange_validate (file, max_bytes, NULL, &error));
  g_assert_error (error, TILLIT_EXCHANGE_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  g_assert_nonnull (strstr (error->message, words));
  g_assert_true (g_regex_match_simple ("^.+:[0-9]+:[0-9]+: .+", error->message, 0, 0));
}

static void
test_fixture (gconstpointer data)
{
  const Refusal *refusal = data;
  g_autofree char *path = g_build_filename (FIXTURES, refusal->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  assert_refused (file, 0, refusal->code, refusal->place, refusal->words);
}

static GFile *
write_temporary (const char *template,
                 const char *contents,
                 gsize       len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, len, &error));
  g_assert_no_error (error);
  close (fd);
  return g_file_new_for_path (path);
}

static void
remove_file (GFile *file)
{
  g_file_delete (file, NULL, NULL);
}

/* Ten thousand open elements inside a text field: the parser's depth
 * limit or the schema stops it, never the stack. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GFile) file = NULL;

  g_string_append (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<tillit-exchange xmlns=\"https://tillit.github.io/ns/exchange/1\" "
                        "format-version=\"1\" exported-at=\"2024-01-01T00:00:00Z\" "
                        "generator=\"test\">\n");
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "<a>");
  for (int i = 0; i < 10000; i++)
    g_string_append (xml, "</a>");
  g_string_append (xml, "</tillit-exchange>\n");

  file = write_temporary ("deep-XXXXXX.xml", xml->str, xml->len);
  assert_refused (file, 0, TILLIT_EXCHANGE_ERROR_INVALID, ":3:", "exchange format");
  remove_file (file);
}

static GString *
long_but_valid_prefix (gsize size)
{
  g_autofree char *path = g_build_filename (FIXTURES, "minimal.xml", NULL);
  g_autofree char *minimal = NULL;
  g_autoptr(GError) error = NULL;
  GString *xml;
  char *comment_at;

  g_assert_true (g_file_get_contents (path, &minimal, NULL, &error));
  g_assert_no_error (error);
  xml = g_string_new (minimal);

  /* Comments at the end of the root element are well-formed and valid,
   * so only the size can be what refuses the file. */
  comment_at = strstr (xml->str, "</tillit-exchange>");
  g_assert_nonnull (comment_at);
  g_string_truncate (xml, comment_at - xml->str);
  while (xml->len < size)
    g_string_append (xml, "<!-- padding padding padding padding padding padding -->\n");
  g_string_append (xml, "</tillit-exchange>\n");
  return xml;
}

static void
test_over_cap (void)
{
  g_autoptr(GString) xml = long_but_valid_prefix (2 * 1024 * 1024);
  g_autoptr(GFile) file = write_temporary ("big-XXXXXX.xml", xml->str, xml->len);
  g_autoptr(GError) error = NULL;

  g_assert_true (tillit_exchange_validate (file, 4 * 1024 * 1024, NULL, &error));
  g_assert_no_error (error);
  assert_refused (file, 1024 * 1024, TILLIT_EXCHANGE_ERROR_TOO_LARGE, ":1:1: ", "larger than");
  remove_file (file);
}

static GFile *
write_gzip (const char *template,
            GString    *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) compressed = NULL;
  int fd = g_file_open_tmp (template, &path, &error);

  g_assert_no_error (error);
  close (fd);
  file = g_file_new_for_path (path);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  compressed = g_converter_output_stream_new (G_OUTPUT_STREAM (out), G_CONVERTER (gzip));
  g_assert_true (g_output_stream_write_all (compressed, contents->str, contents->len,
                                            NULL, NULL, &error));
  g_assert_true (g_output_stream_close (compressed, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&file);
}

/* Well under a megabyte of gzip that would inflate to 64 MiB. */
static void
test_gzip_bomb (void)
{
  g_autoptr(GString) xml = long_but_valid_prefix (64 * 1024 * 1024);
  g_autoptr(GFile) file = write_gzip ("bomb-XXXXXX.xml.gz", xml);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_file_info_get_size (info), <, 1024 * 1024);

  assert_refused (file, 16 * 1024 * 1024, TILLIT_EXCHANGE_ERROR_TOO_LARGE, ":", "more than");
  remove_file (file);
}

static void
test_gzip_accepted (void)
{
  g_autoptr(GString) xml = long_but_valid_prefix (1024);
  g_autoptr(GFile) file = write_gzip ("small-XXXXXX.xml.gz", xml);
  g_autoptr(GError) error = NULL;

  g_assert_true (tillit_exchange_validate (file, 0, NULL, &error));
  g_assert_no_error (error);
  remove_file (file);
}

/* A file of @n_units units after the municipality, each on its own line
 * from line 5, every one naming the next as its parent (a reference
 * forward in the file) but the last, which names the first; then @tail,
 * on the line after them. */
static GFile *
many_units (guint       n_units,
            const char *tail)
{
  g_autoptr(GString) xml = g_string_new (NULL);
  const char *origin = "5e0d3c2b-1a09-4f8e-8d7c-6b5a49382716";

  g_string_append_printf (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<tillit-exchange xmlns=\"https://tillit.github.io/ns/exchange/1\" "
                               "format-version=\"1\" exported-at=\"2024-01-01T00:00:00Z\" "
                               "generator=\"test\">\n"
                               "<source name=\"Ekdala kommun\" municipality=\"%s\" "
                               "personal-data=\"false\"/>\n"
                               "<municipality uuid=\"%s\" created=\"2024-01-10T08:00:00Z\" "
                               "modified=\"2024-01-10T08:00:00Z\"><name>Ekdala kommun</name>"
                               "<code>9901</code></municipality>\n", origin, origin);
  for (guint i = 0; i < n_units; i++)
    g_string_append_printf (xml, "<unit uuid=\"%08x-0000-4000-8000-000000000000\" "
                                 "created=\"2024-01-10T08:00:00Z\" "
                                 "modified=\"2024-01-10T08:00:00Z\" origin=\"%s\">"
                                 "<name>Enhet %u</name><kind>unit</kind>"
                                 "<parent ref=\"%08x-0000-4000-8000-000000000000\"/></unit>\n",
                            i, origin, i, (i + 1) % n_units);
  g_string_append_printf (xml, "%s\n</tillit-exchange>\n", tail);
  return write_temporary ("many-XXXXXX.xml", xml->str, xml->len);
}

/* The checks keep the keys of a small file in memory and move them to
 * disk past a few thousand records: both ways are tried. */
static void
test_units (gconstpointer data)
{
  guint n_units = GPOINTER_TO_UINT (data);
  g_autofree char *at_tail = g_strdup_printf (":%u:3: ", n_units + 5);
  g_autoptr(GFile) valid = many_units (n_units, "");
  g_autoptr(GFile) duplicate = many_units (n_units, "  <unit uuid=\"00000000-0000-4000-8000-000000000000\" "
                                           "created=\"2024-01-10T08:00:00Z\" "
                                           "modified=\"2024-01-10T08:00:00Z\">"
                                           "<name>Igen</name><kind>unit</kind></unit>");
  g_autoptr(GFile) dangling = many_units (n_units, "  <unit uuid=\"ffffffff-0000-4000-8000-000000000000\" "
                                          "created=\"2024-01-10T08:00:00Z\" "
                                          "modified=\"2024-01-10T08:00:00Z\">"
                                          "<name>Ny</name><kind>unit</kind>"
                                          "<parent ref=\"eeeeeeee-0000-4000-8000-000000000000\"/>"
                                          "</unit>");
  /* The municipality is in the file, but it is not a unit. */
  g_autoptr(GFile) wrong_kind = many_units (n_units, "  <unit uuid=\"ffffffff-0000-4000-8000-000000000000\" "
                                            "created=\"2024-01-10T08:00:00Z\" "
                                            "modified=\"2024-01-10T08:00:00Z\">"
                                            "<name>Ny</name><kind>unit</kind>"
                                            "<parent ref=\"5e0d3c2b-1a09-4f8e-8d7c-6b5a49382716\"/>"
                                            "</unit>");
  g_autoptr(GError) error = NULL;

  g_assert_true (tillit_exchange_validate (valid, 0, NULL, &error));
  g_assert_no_error (error);
  assert_refused (duplicate, 0, TILLIT_EXCHANGE_ERROR_INVALID, at_tail, "same UUID");
  assert_refused (dangling, 0, TILLIT_EXCHANGE_ERROR_INVALID, at_tail, "not in the file");
  assert_refused (wrong_kind, 0, TILLIT_EXCHANGE_ERROR_INVALID, at_tail, "not in the file");

  remove_file (valid);
  remove_file (duplicate);
  remove_file (dangling);
  remove_file (wrong_kind);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *name = g_strdup_printf ("/exchange/refuse/%s", refusals[i].file);
      g_test_add_data_func (name, &refusals[i], test_fixture);
    }
  g_test_add_func ("/exchange/refuse/deep-nesting", test_deep_nesting);
  g_test_add_func ("/exchange/refuse/over-cap", test_over_cap);
  g_test_add_func ("/exchange/refuse/gzip-bomb", test_gzip_bomb);
  g_test_add_func ("/exchange/accept/gzip", test_gzip_accepted);
  g_test_add_data_func ("/exchange/keys/few-records", GUINT_TO_POINTER (100), test_units);
  g_test_add_data_func ("/exchange/keys/many-records", GUINT_TO_POINTER (10000), test_units);

  return g_test_run ();
}
