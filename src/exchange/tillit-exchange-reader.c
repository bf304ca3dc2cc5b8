/* tillit-exchange-reader.c: a guarded, validating pull reader for untrusted files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlerror.h>

#include "tillit-exchange-error.h"
#include "tillit-exchange-reader.h"
#include "tillit-exchange-schema.h"

/* libxml2 knows the line of a node but, for schema errors, not its column;
 * the read callback remembers where each recent line's first tag starts so
 * every message can still point at LINE:COLUMN. The parser reads a few
 * kilobytes ahead of the node it reports, far fewer lines than this.
 * The ring starts small, for the many small files, and grows to that as
 * a file's lines need it. */
#define LINE_RING 16384
#define LINE_RING_FIRST 256

typedef struct
{
  guint line;
  guint column;
} LineStart;

struct _TillitExchangeReader
{
  GFile *file;
  char *name;
  GInputStream *base;
  GInputStream *stream;
  GCancellable *cancellable;
  xmlTextReaderPtr xml;
  xmlSchemaValidCtxtPtr validation;
  goffset file_size;
  guint64 max_bytes;
  guint64 bytes;
  gboolean eof;

  /* The first problem wins: later ones are usually its consequences. */
  GError *error;

  guint line;
  guint column;
  gboolean in_indent;
  LineStart *ring;
  guint ring_size;

  /* Before the root element the callback looks for a DOCTYPE itself, so
   * that libxml2 never sees an internal subset, let alone its entities. */
  gboolean prolog_done;
  gboolean after_lt;
  guint doctype_match;
  guint lt_line;
  guint lt_column;
};

G_DEFINE_QUARK (tillit-exchange-error-quark, tillit_exchange_error)

static void
set_error_at (TillitExchangeReader  *self,
              GError               **error,
              int                    code,
              guint                  line,
              guint                  column,
              const char            *message)
{
  g_set_error (error, TILLIT_EXCHANGE_ERROR, code, "%s:%u:%u: %s",
               self->name, MAX (line, 1), MAX (column, 1), message);
}

static guint
column_of_line (TillitExchangeReader *self,
                guint                 line)
{
  const LineStart *start = &self->ring[line % self->ring_size];

  return start->line == line ? start->column : 1;
}

/* It grows as the line reaches its size, before it ever wraps round:
 * every line so far keeps its place. */
static void
grow_ring (TillitExchangeReader *self)
{
  guint size = self->ring_size * 2;

  self->ring = g_renew (LineStart, self->ring, size);
  memset (self->ring + self->ring_size, 0, (size - self->ring_size) * sizeof (LineStart));
  self->ring_size = size;
}

static void
note_line_start (TillitExchangeReader *self)
{
  LineStart *start;

  if (self->line >= self->ring_size && self->ring_size < LINE_RING)
    grow_ring (self);
  start = &self->ring[self->line % self->ring_size];

  start->line = self->line;
  start->column = self->column;
}

static gboolean
scan_prolog_byte (TillitExchangeReader *self,
                  guchar                c)
{
  static const char doctype[] = "<!DOCTYPE";

  if (self->doctype_match > 0 && c == (guchar) doctype[self->doctype_match])
    {
      if (++self->doctype_match == sizeof doctype - 1)
        return FALSE;
      self->after_lt = FALSE;
      return TRUE;
    }
  self->doctype_match = 0;

  if (self->after_lt && (g_ascii_isalpha (c) || c == '_' || c == ':' || c >= 0x80))
    self->prolog_done = TRUE;
  self->after_lt = c == '<';
  if (self->after_lt)
    {
      self->doctype_match = 1;
      self->lt_line = self->line;
      self->lt_column = self->column;
    }
  return TRUE;
}

/* Lines and columns counted as libxml2 counts them: characters, from 1. */
static gboolean
scan (TillitExchangeReader *self,
      const guchar         *data,
      gsize                 len)
{
  const guchar *p = data;
  const guchar *end = data + len;

  while (p < end)
    {
      if (!self->prolog_done || self->in_indent)
        {
          guchar c = *p++;

          if (c == '\n')
            {
              self->line++;
              self->column = 0;
              self->in_indent = TRUE;
              continue;
            }
          if ((c & 0xC0) != 0x80)
            self->column++;
          if (self->in_indent && c != ' ' && c != '\t' && c != '\r')
            {
              self->in_indent = FALSE;
              note_line_start (self);
            }
          if (!self->prolog_done && !scan_prolog_byte (self, c))
            return FALSE;
        }
      else
        {
          const guchar *nl = memchr (p, '\n', end - p);

          if (nl == NULL)
            {
              for (; p < end; p++)
                self->column += (*p & 0xC0) != 0x80;
              break;
            }
          p = nl;
          self->in_indent = TRUE;
        }
    }
  return TRUE;
}

static int
read_cb (void *context,
         char *buffer,
         int   len)
{
  TillitExchangeReader *self = context;
  g_autoptr(GError) local_error = NULL;
  gssize n;

  if (self->error != NULL)
    return -1;

  n = g_input_stream_read (self->stream, buffer, len, self->cancellable, &local_error);
  if (n < 0)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        self->error = g_steal_pointer (&local_error);
      /* From the gzip decompressor: the file's fault, not the disk's. */
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
        set_error_at (self, &self->error, TILLIT_EXCHANGE_ERROR_NOT_XML, self->line, self->column,
                      _("The compressed file ends too early; it may have been cut short"));
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA))
        set_error_at (self, &self->error, TILLIT_EXCHANGE_ERROR_NOT_XML, self->line, self->column,
                      _("The file is compressed with gzip, but its compressed data is damaged"));
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("The file could not be read: %s"), local_error->message);
          set_error_at (self, &self->error, TILLIT_EXCHANGE_ERROR_FAILED,
                        self->line, self->column, message);
        }
      return -1;
    }

  self->bytes += n;
  self->eof = n == 0;
  if (self->bytes > self->max_bytes)
    {
      g_autofree char *size = g_format_size (self->max_bytes);
      g_autofree char *message =
        g_strdup_printf (_("The file holds more than %s, more than Tillit accepts"), size);
      set_error_at (self, &self->error, TILLIT_EXCHANGE_ERROR_TOO_LARGE,
                    self->line, self->column, message);
      return -1;
    }

  if (!scan (self, (const guchar *) buffer, n))
    {
      set_error_at (self, &self->error, TILLIT_EXCHANGE_ERROR_REFUSED,
                    self->lt_line, self->lt_column,
                    _("The file has a document type declaration (DOCTYPE); "
                      "exchange files never have one, and Tillit does not read them"));
      return -1;
    }
  return n;
}

static int
close_cb (void *context)
{
  return 0;
}

/* The namespace of the element a root-level schema error is about; the
 * streaming validator does not hand us the node. */
static char *
namespace_in_message (const char *detail)
{
  const char *open = strstr (detail, "'{");
  const char *close = open ? strchr (open, '}') : NULL;

  if (close == NULL)
    return g_strdup ("");
  return g_strndup (open + 2, close - open - 2);
}

/* libxml2's own words, for the cases a coordinator is likely to meet, are
 * replaced by plain ones; its message stays as the detail where it helps. */
static char *
describe_xml_error (TillitExchangeReader *self,
                    const xmlError       *xerror,
                    int                  *code)
{
  const char *full = xerror->message ? xerror->message : "";
  /* libxml2 adds the offending bytes on a second line. */
  g_autofree char *detail = g_strndup (full, strcspn (full, "\n"));

  *code = TILLIT_EXCHANGE_ERROR_NOT_XML;

  if (xerror->domain == XML_FROM_SCHEMASV)
    {
      *code = TILLIT_EXCHANGE_ERROR_INVALID;

      if (xerror->code == XML_SCHEMAV_CVC_ELT_1)
        {
          g_autofree char *href = namespace_in_message (detail);

          *code = TILLIT_EXCHANGE_ERROR_NOT_EXCHANGE;
          if (g_str_has_prefix (href, TILLIT_EXCHANGE_NS_BASE))
            return g_strdup_printf (_("The file is in version %s of the exchange format; "
                                      "this Tillit reads version %s"),
                                    href + strlen (TILLIT_EXCHANGE_NS_BASE),
                                    TILLIT_EXCHANGE_FORMAT_VERSION);
          return g_strdup_printf (_("This is not a Tillit exchange file: its root element "
                                    "is not “%s” in the namespace “%s”"),
                                  TILLIT_EXCHANGE_ROOT, TILLIT_EXCHANGE_NS);
        }
      if (g_str_has_prefix (detail, "Element '{" TILLIT_EXCHANGE_NS "}" TILLIT_EXCHANGE_ROOT "', "
                                    "attribute 'format-version'"))
        {
          *code = TILLIT_EXCHANGE_ERROR_NOT_EXCHANGE;
          return g_strdup_printf (_("The file names another version of the exchange "
                                    "format; this Tillit reads version %s"),
                                  TILLIT_EXCHANGE_FORMAT_VERSION);
        }
      return g_strdup_printf (_("The file does not follow the exchange format: %s"), detail);
    }

  if (self->bytes == 0)
    return g_strdup (_("The file is empty"));

  /* Whatever libxml2 calls it, a complaint at the very end of the input
   * means the file stops short; unless the root element was closed and
   * something follows it. */
  if (self->eof && (guint) xerror->line >= self->line && xerror->domain == XML_FROM_PARSER &&
      xerror->code != XML_ERR_INVALID_CHAR && xerror->code != XML_ERR_INVALID_ENCODING &&
      !(self->prolog_done && xerror->ctxt != NULL &&
        ((xmlParserCtxtPtr) xerror->ctxt)->instate == XML_PARSER_EPILOG))
    return g_strdup_printf (_("The file ends too early; it may have been cut short (%s)"),
                            detail);

  switch (xerror->code)
    {
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
      return g_strdup (_("The file is not valid UTF-8 text"));
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup (self->bytes > 0 ? _("This is not an XML file")
                                       : _("The file is empty"));
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      *code = TILLIT_EXCHANGE_ERROR_REFUSED;
      return g_strdup (_("The file uses entities, which exchange files never do"));
    default:
      break;
    }

  /* At the start: further on, libxml2's words may quote the file. */
  if (xerror->code == XML_ERR_INTERNAL_ERROR && g_str_has_prefix (detail, "Excessive depth"))
    {
      *code = TILLIT_EXCHANGE_ERROR_REFUSED;
      return g_strdup (_("The file nests elements far deeper than any exchange file does"));
    }

  return g_strdup_printf (_("This is not well-formed XML: %s"), detail);
}

static void
structured_error_cb (void       *context,
                     xmlErrorPtr xerror)
{
  TillitExchangeReader *self = context;
  g_autofree char *message = NULL;
  int code;
  guint line, column;

  if (self->error != NULL || xerror->level < XML_ERR_ERROR)
    return;

  /* A failed read callback surfaces here as an I/O error; the callback has
   * already said what went wrong. */
  if (xerror->domain == XML_FROM_IO)
    return;

  message = describe_xml_error (self, xerror, &code);
  line = xerror->line > 0 ? (guint) xerror->line : self->line;
  column = xerror->int2 > 0 ? (guint) xerror->int2 : column_of_line (self, line);
  set_error_at (self, &self->error, code, line, column, message);
}

TillitExchangeReader *
tillit_exchange_reader_new (GFile         *file,
                            guint64        max_bytes,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(TillitExchangeReader) self = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) file_stream = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  xmlSchemaPtr schema;
  const guchar *head;
  gsize head_len = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  schema = tillit_exchange_schema_get (error);
  if (schema == NULL)
    return NULL;

  self = g_new0 (TillitExchangeReader, 1);
  self->file = g_object_ref (file);
  self->name = g_file_get_parse_name (file);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  self->max_bytes = max_bytes > 0 ? max_bytes : TILLIT_EXCHANGE_DEFAULT_MAX_BYTES;
  self->line = 1;
  self->in_indent = TRUE;
  self->ring_size = LINE_RING_FIRST;
  self->ring = g_new0 (LineStart, self->ring_size);

  file_stream = g_file_read (file, cancellable, error);
  if (file_stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (file_stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         cancellable, error);
  if (info == NULL)
    return NULL;
  self->file_size = g_file_info_get_size (info);

  if ((guint64) self->file_size > self->max_bytes)
    {
      g_autofree char *size = g_format_size (self->max_bytes);
      g_autofree char *message =
        g_strdup_printf (_("The file is larger than %s, more than Tillit accepts"), size);
      set_error_at (self, error, TILLIT_EXCHANGE_ERROR_TOO_LARGE, 1, 1, message);
      return NULL;
    }

  buffered = g_buffered_input_stream_new (G_INPUT_STREAM (file_stream));
  if (g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered), 2,
                                    cancellable, error) < 0)
    return NULL;
  head = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &head_len);
  self->base = g_object_ref (G_INPUT_STREAM (file_stream));

  /* We decompress gzip ourselves so that what it inflates to is counted
   * against the same cap as a plain file. */
  if (head_len >= 2 && head[0] == 0x1f && head[1] == 0x8b)
    {
      g_autoptr(GZlibDecompressor) gunzip =
        g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      self->stream = g_converter_input_stream_new (buffered, G_CONVERTER (gunzip));
    }
  else
    self->stream = g_steal_pointer (&buffered);

  /* Untrusted input: no network, no entity substitution, no DTD loading
   * or validation, no XInclude, no recovery and the default size limits. */
  self->xml = xmlReaderForIO (read_cb, close_cb, self, self->name, NULL,
                              XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  if (self->xml == NULL)
    {
      g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
                   _("The XML reader could not be created"));
      return NULL;
    }
  self->validation = xmlSchemaNewValidCtxt (schema);
  if (self->validation == NULL ||
      xmlTextReaderSchemaValidateCtxt (self->xml, self->validation, 0) != 0)
    {
      g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
                   _("The exchange schema could not be used"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
tillit_exchange_reader_free (TillitExchangeReader *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->xml, xmlFreeTextReader);
  g_clear_pointer (&self->validation, xmlSchemaFreeValidCtxt);
  g_clear_object (&self->stream);
  g_clear_object (&self->base);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_error (&self->error);
  g_free (self->ring);
  g_free (self->name);
  g_free (self);
}

/* The reader's own error hook breaks once the schema validator is plugged
 * into the parser (libxml2 2.9 hands it the wrong context), so errors are
 * caught through the thread's handler, for the length of one call. */
#define WITH_ERROR_HANDLER(self, call)                                   \
  G_STMT_START {                                                         \
    xmlStructuredErrorFunc previous_handler = xmlStructuredError;        \
    void *previous_context = xmlStructuredErrorContext;                  \
    xmlSetStructuredErrorFunc ((self), structured_error_cb);             \
    call;                                                                \
    xmlSetStructuredErrorFunc (previous_context, previous_handler);      \
  } G_STMT_END

static gboolean
take_error (TillitExchangeReader  *self,
            GError               **error)
{
  if (self->error == NULL)
    return TRUE;

  /* The reader stays refused: every later call reports the same. */
  if (error != NULL)
    *error = g_error_copy (self->error);
  return FALSE;
}

/* Moves to the next node. Returns FALSE with @error set when the file is
 * refused, and TRUE with *@done set at its end. */
gboolean
tillit_exchange_reader_read (TillitExchangeReader  *self,
                             gboolean              *done,
                             GError               **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (done != NULL, FALSE);

  *done = FALSE;
  WITH_ERROR_HANDLER (self, rc = xmlTextReaderRead (self->xml));

  if (self->error == NULL && rc == 1 &&
      xmlTextReaderNodeType (self->xml) == XML_READER_TYPE_DOCUMENT_TYPE)
    tillit_exchange_reader_set_error (self, &self->error, TILLIT_EXCHANGE_ERROR_REFUSED, NULL,
                                      _("The file has a document type declaration (DOCTYPE); "
                                        "exchange files never have one, and Tillit does not "
                                        "read them"));

  if (self->error == NULL && rc == 0 && xmlTextReaderIsValid (self->xml) != 1)
    set_error_at (self, &self->error, TILLIT_EXCHANGE_ERROR_INVALID, self->line,
                  self->column, _("The file does not follow the exchange format"));

  if (self->error == NULL && rc < 0)
    set_error_at (self, &self->error, TILLIT_EXCHANGE_ERROR_NOT_XML, self->line,
                  self->column, _("This is not well-formed XML"));

  *done = rc == 0;
  return take_error (self, error);
}

/* The element the reader is on, read whole (and validated) as a small
 * tree; the reader frees it once it moves past. */
xmlNodePtr
tillit_exchange_reader_expand (TillitExchangeReader  *self,
                               GError               **error)
{
  xmlNodePtr node;

  g_return_val_if_fail (self != NULL, NULL);

  WITH_ERROR_HANDLER (self, node = xmlTextReaderExpand (self->xml));

  if (self->error == NULL && node == NULL)
    set_error_at (self, &self->error, TILLIT_EXCHANGE_ERROR_NOT_XML, self->line,
                  self->column, _("This is not well-formed XML"));
  if (!take_error (self, error))
    return NULL;
  return node;
}

xmlTextReaderPtr
tillit_exchange_reader_get_xml (TillitExchangeReader *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->xml;
}

double
tillit_exchange_reader_get_fraction (TillitExchangeReader *self)
{
  goffset position;

  g_return_val_if_fail (self != NULL, 0.0);

  if (self->file_size <= 0 || !G_IS_SEEKABLE (self->base))
    return 0.0;
  position = g_seekable_tell (G_SEEKABLE (self->base));
  return CLAMP ((double) position / (double) self->file_size, 0.0, 1.0);
}

/**
 * tillit_exchange_reader_next_record:
 * @node: (out): the record, or `source`, read whole as a small tree that
 *   the reader frees once it moves past
 * @error: a #GError
 *
 * Moves to the next child of the root element, which the schema allows
 * only to be `source` or a record.
 *
 * Returns: %FALSE with @error set when the file is refused; %TRUE with
 *   @node %NULL at the end of the file
 */
gboolean
tillit_exchange_reader_next_record (TillitExchangeReader  *self,
                                    xmlNodePtr            *node,
                                    GError               **error)
{
  gboolean done = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  *node = NULL;
  while (TRUE)
    {
      if (!tillit_exchange_reader_read (self, &done, error))
        return FALSE;
      if (done)
        return TRUE;
      if (xmlTextReaderNodeType (self->xml) == XML_READER_TYPE_ELEMENT &&
          xmlTextReaderDepth (self->xml) == 1)
        {
          *node = tillit_exchange_reader_expand (self, error);
          return *node != NULL;
        }
    }
}

/* Where @node, or the node the reader is on, starts. Only the recent
 * lines' columns are known: ask while the node is being read. */
void
tillit_exchange_reader_get_position (TillitExchangeReader *self,
                                     xmlNodePtr            node,
                                     guint                *line,
                                     guint                *column)
{
  g_return_if_fail (self != NULL);

  *line = self->line;
  if (node == NULL)
    node = xmlTextReaderCurrentNode (self->xml);
  if (node != NULL && node->type == XML_ELEMENT_NODE)
    *line = (guint) xmlGetLineNo (node);
  else if (xmlTextReaderGetParserLineNumber (self->xml) > 0)
    *line = (guint) xmlTextReaderGetParserLineNumber (self->xml);
  *column = column_of_line (self, *line);
}

/* "FILE:LINE:COLUMN" for a place noted earlier with get_position(). */
char *
tillit_exchange_reader_get_place (TillitExchangeReader *self,
                                  guint                 line,
                                  guint                 column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strdup_printf ("%s:%u:%u", self->name, MAX (line, 1), MAX (column, 1));
}

/* An error at a place noted earlier with get_position(). */
void
tillit_exchange_reader_set_error_at (TillitExchangeReader  *self,
                                     GError               **error,
                                     int                    code,
                                     guint                  line,
                                     guint                  column,
                                     const char            *format,
                                     ...)
{
  g_autofree char *message = NULL;
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  set_error_at (self, error, code, line, column, message);
}

/* An error about @node, or the node the reader is on, at its line and
 * column. */
void
tillit_exchange_reader_set_error (TillitExchangeReader  *self,
                                  GError               **error,
                                  int                    code,
                                  xmlNodePtr             node,
                                  const char            *format,
                                  ...)
{
  g_autofree char *message = NULL;
  guint line, column;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  tillit_exchange_reader_get_position (self, node, &line, &column);
  set_error_at (self, error, code, line, column, message);
}
