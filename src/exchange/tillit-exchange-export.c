/* tillit-exchange-export.c: writing the programme, or part of it, as XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every kind, field and column comes from the model's field tables: the
 * SQL here is generated from them, never written per kind.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <libxml/xmlwriter.h>

#include "model/tillit-database-private.h"
#include "tillit-exchange.h"
#include "tillit-exchange-fields.h"
#include "tillit-exchange-schema.h"

typedef struct
{
  sqlite3 *db;
  GOutputStream *out;
  GCancellable *cancellable;
  GError *error;
  xmlTextWriterPtr writer;
  /* Records are written here, escaped as the writer escapes, and go to
   * the file a RECORDS_SIZE at a time: xmlTextWriter's calls per element
   * and attribute cost more than reading the records from the database.
   * The writer writes what comes before and after them. */
  GString *records;
  /* Whether a UUID names a record in the file: of a kind (per index
   * among tillit_record_kinds(), NULL for a kind left out), and of any. */
  sqlite3_stmt **in_kind;
  sqlite3_stmt *in_any;
  guint n_kinds;
  /* The whole programme is every record of the kinds written: no scope
   * table to fill, nor to filter the records through. */
  gboolean whole;
  gboolean personal;
  TillitExchangeProgress progress;
  gpointer progress_data;
} Export;

static gboolean
db_error (Export   *self,
          GError  **error)
{
  g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
               _("The database could not be read: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (Export      *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_error (self, error);
  return TRUE;
}

#define RECORDS_SIZE (256 * 1024)

static int
write_cb (void       *context,
          const char *buffer,
          int         len)
{
  Export *self = context;
  gsize written = 0;

  if (self->error != NULL)
    return -1;
  if (!g_output_stream_write_all (self->out, buffer, len, &written,
                                  self->cancellable, &self->error))
    return -1;
  return len;
}

static int
close_cb (void *context)
{
  return 0;
}

static gboolean
flush_records (Export *self)
{
  gboolean ok = self->error == NULL &&
                g_output_stream_write_all (self->out, self->records->str, self->records->len,
                                           NULL, self->cancellable, &self->error);

  g_string_truncate (self->records, 0);
  return ok;
}

static gboolean
kind_wanted (const TillitRecordKind *kind,
             gboolean                personal)
{
  return personal || !kind->personal;
}

static gboolean
field_wanted (Export                 *self,
              const TillitRecordKind *kind,
              const TillitField      *field)
{
  return tillit_exchange_field_is_exchanged (kind, field) &&
         (self->personal || (field->flags & TILLIT_FIELD_PERSONAL) == 0);
}

/* The municipality marked as ours names the file's source, unless the
 * caller names it. */
static gboolean
find_source (Export                      *self,
             const TillitExchangeSource  *source,
             char                       **uuid,
             char                       **name,
             char                       **code,
             GError                     **error)
{
  const TillitRecordKind *municipality = tillit_record_kind_lookup ("municipality");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_assert (municipality != NULL);
  sql = g_strdup_printf ("SELECT uuid, \"%s\", \"%s\" FROM \"%s\" WHERE \"%s\" ORDER BY created LIMIT 1",
                         tillit_record_kind_field (municipality,
                                                   tillit_record_kind_find_field (municipality, "name"))->column,
                         tillit_record_kind_field (municipality,
                                                   tillit_record_kind_find_field (municipality, "code"))->column,
                         municipality->table,
                         tillit_record_kind_field (municipality,
                                                   tillit_record_kind_find_field (municipality, "ours"))->column);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      *name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *code = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);

  if (source != NULL)
    {
      g_free (*name);
      g_free (*code);
      *name = g_strdup (source->name);
      *code = g_strdup (source->kommunkod);
    }
  if (rc == SQLITE_ROW || (source != NULL && rc == SQLITE_DONE))
    return TRUE;
  if (rc != SQLITE_DONE)
    return db_error (self, error);

  g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
               _("The programme does not say which municipality it belongs to; "
                 "set the municipality in Preferences before exporting"));
  return FALSE;
}

/* Adds what @sql selects to the scope, and says how many were new. */
static gboolean
add_to_scope (Export      *self,
              const char  *sql,
              int         *changes,
              GError     **error)
{
  g_autofree char *insert = g_strdup_printf ("INSERT OR IGNORE INTO temp.exchange_scope %s", sql);

  if (!exec (self, insert, error))
    return FALSE;
  *changes += sqlite3_changes (self->db);
  return TRUE;
}

/* References a part of the programme cannot do without: a record's
 * origin and every single reference with a foreign key (an adoption's
 * unit, a profile's competencies, a cell's level). */
static gboolean
pulls_in (const TillitField *field)
{
  return field->type == TILLIT_FIELD_REFERENCE && field->target != NULL &&
         (field->flags & TILLIT_FIELD_EXTERNAL) == 0;
}

/* The UUIDs of every record of the kinds written. */
static char *
records_sql (Export *self)
{
  guint n_kinds;
  const TillitRecordKind * const *kinds = tillit_record_kinds (&n_kinds);
  GString *records = g_string_new (NULL);

  for (guint i = 0; i < n_kinds; i++)
    if (kind_wanted (kinds[i], self->personal))
      g_string_append_printf (records, "%sSELECT uuid FROM main.\"%s\"",
                              records->len > 0 ? " UNION ALL " : "", kinds[i]->table);
  return g_string_free (records, FALSE);
}

/* A part of the programme is its roots, everything nested under them
 * (a framework's principles, their cells, the cells' strategies...), and
 * the records those cannot do without. Every other reference is written
 * as external. */
static gboolean
fill_scope (Export             *self,
            const char * const *roots,
            GError            **error)
{
  guint n_kinds;
  const TillitRecordKind * const *kinds = tillit_record_kinds (&n_kinds);
  g_autofree char *records = records_sql (self);
  int changes;

  if (!exec (self, "CREATE TEMP TABLE IF NOT EXISTS exchange_scope (uuid TEXT PRIMARY KEY);"
                   "DELETE FROM temp.exchange_scope;", error))
    return FALSE;

  {
    sqlite3_stmt *stmt = NULL;

    if (sqlite3_prepare_v2 (self->db, "INSERT OR IGNORE INTO temp.exchange_scope VALUES (?)",
                            -1, &stmt, NULL) != SQLITE_OK)
      return db_error (self, error);
    for (guint i = 0; roots[i] != NULL; i++)
      {
        sqlite3_bind_text (stmt, 1, roots[i], -1, SQLITE_STATIC);
        sqlite3_step (stmt);
        sqlite3_reset (stmt);
      }
    sqlite3_finalize (stmt);
  }

  do
    {
      changes = 0;
      for (guint i = 0; i < n_kinds; i++)
        {
          const TillitRecordKind *kind = kinds[i];
          g_autofree char *sql = NULL;
          int parent;

          if (!kind_wanted (kind, self->personal) || kind->parent_field == NULL)
            continue;
          parent = tillit_record_kind_find_field (kind, kind->parent_field);
          sql = g_strdup_printf ("SELECT uuid FROM main.\"%s\" WHERE \"%s\" IN "
                                 "(SELECT uuid FROM temp.exchange_scope)",
                                 kind->table, tillit_record_kind_field (kind, parent)->column);
          if (!add_to_scope (self, sql, &changes, error))
            return FALSE;
        }
    }
  while (changes > 0);

  do
    {
      changes = 0;
      for (guint i = 0; i < n_kinds; i++)
        {
          const TillitRecordKind *kind = kinds[i];
          guint n_fields = tillit_record_kind_n_all_fields (kind);

          if (!kind_wanted (kind, self->personal))
            continue;
          for (guint j = 0; j < n_fields; j++)
            {
              const TillitField *field = tillit_record_kind_field (kind, j);
              const TillitRecordKind *target;
              g_autofree char *sql = NULL;

              if (!pulls_in (field) || !field_wanted (self, kind, field))
                continue;
              target = tillit_record_kind_lookup (field->target);
              if (!kind_wanted (target, self->personal))
                continue;
              sql = g_strdup_printf ("SELECT t.uuid FROM main.\"%s\" r JOIN main.\"%s\" t "
                                     "ON t.uuid = r.\"%s\" WHERE r.uuid IN "
                                     "(SELECT uuid FROM temp.exchange_scope)",
                                     kind->table, target->table, field->column);
              if (!add_to_scope (self, sql, &changes, error))
                return FALSE;
            }
        }
    }
  while (changes > 0);

  /* A root that names no record, or a record left out, is not in scope:
   * references to it are external. */
  {
    g_autofree char *sql =
      g_strdup_printf ("DELETE FROM temp.exchange_scope WHERE uuid NOT IN (%s)", records);

    return exec (self, sql, error);
  }
}

static gboolean
prepare_scope (Export  *self,
               GError **error)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (&self->n_kinds);
  g_autofree char *any = NULL;

  if (self->whole)
    {
      g_autofree char *records = records_sql (self);

      any = g_strdup_printf ("SELECT 1 FROM (%s) WHERE uuid = ? LIMIT 1", records);
    }
  else
    any = g_strdup ("SELECT 1 FROM temp.exchange_scope WHERE uuid = ?");
  if (sqlite3_prepare_v2 (self->db, any, -1, &self->in_any, NULL) != SQLITE_OK)
    return db_error (self, error);

  self->in_kind = g_new0 (sqlite3_stmt *, self->n_kinds);
  for (guint i = 0; i < self->n_kinds; i++)
    {
      g_autofree char *sql = NULL;

      if (!kind_wanted (kinds[i], self->personal))
        continue;
      sql = g_strdup_printf ("SELECT 1 FROM main.\"%s\" WHERE uuid = ?%s", kinds[i]->table,
                             self->whole ? ""
                                         : " AND uuid IN (SELECT uuid FROM temp.exchange_scope)");
      if (sqlite3_prepare_v2 (self->db, sql, -1, &self->in_kind[i], NULL) != SQLITE_OK)
        return db_error (self, error);
    }
  return TRUE;
}

static void
finalize_scope (Export *self)
{
  for (guint i = 0; self->in_kind != NULL && i < self->n_kinds; i++)
    sqlite3_finalize (self->in_kind[i]);
  g_clear_pointer (&self->in_kind, g_free);
  g_clear_pointer (&self->in_any, sqlite3_finalize);
}

/* Whether @uuid names a record in the file of the kind at @kind_index
 * among tillit_record_kinds(), or of any kind for -1. A reference to a
 * record of another kind, or to one left out, is external. */
static gboolean
in_scope (Export     *self,
          int         kind_index,
          const char *uuid)
{
  sqlite3_stmt *stmt = kind_index < 0 ? self->in_any : self->in_kind[kind_index];
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

/* g_string_append_len() without the call, most of the time: a record
 * is many short pieces. */
static inline void
put (GString    *out,
     const char *bytes,
     gsize       n)
{
  if (out->len + n < out->allocated_len)
    {
      memcpy (out->str + out->len, bytes, n);
      out->len += n;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, bytes, n);
}

#define PUT(out, literal) put ((out), (literal), sizeof (literal) - 1)

/* Appends @text with what XML needs escaped escaped, as libxml2's writer
 * escapes it: in an attribute, line breaks and tabs too, which would
 * otherwise read back as spaces. */
static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const char *specials = attribute ? "&<>\"\r\n\t" : "&<>\"\r";

  for (;;)
    {
      gsize run = strcspn (text, specials);

      put (out, text, run);
      text += run;
      switch (*text)
        {
        case '\0': return;
        case '&': PUT (out, "&amp;"); break;
        case '<': PUT (out, "&lt;"); break;
        case '>': PUT (out, "&gt;"); break;
        case '"': PUT (out, "&quot;"); break;
        case '\r': PUT (out, "&#13;"); break;
        case '\n': PUT (out, "&#10;"); break;
        case '\t': PUT (out, "&#9;"); break;
        default: g_assert_not_reached ();
        }
      text++;
    }
}

/* An element or attribute name, with its length worked out once. */
typedef struct
{
  const char *text;
  gsize len;
} Name;

static Name
name_of (const char *text)
{
  return (Name) { text, strlen (text) };
}

static void
append_attribute (GString    *out,
                  Name        name,
                  const char *value)
{
  PUT (out, " ");
  put (out, name.text, name.len);
  PUT (out, "=\"");
  append_escaped (out, value, TRUE);
  PUT (out, "\"");
}

static void
append_reference_to (GString    *out,
                     Name        element,
                     gboolean    external,
                     const char *uuid)
{
  PUT (out, "<");
  put (out, element.text, element.len);
  if (external)
    PUT (out, " external=\"");
  else
    PUT (out, " ref=\"");
  append_escaped (out, uuid, TRUE);
  PUT (out, "\"/>");
}

static void
append_reference (Export     *self,
                  Name        element,
                  int         target,
                  const char *uuid)
{
  append_reference_to (self->records, element, !in_scope (self, target, uuid), uuid);
}

static void
open_element (GString *out,
              Name     name)
{
  PUT (out, "<");
  put (out, name.text, name.len);
  PUT (out, ">");
}

static void
close_element (GString *out,
               Name     name)
{
  PUT (out, "</");
  put (out, name.text, name.len);
  PUT (out, ">");
}

static void
append_element (GString    *out,
                Name        name,
                const char *text)
{
  open_element (out, name);
  append_escaped (out, text, FALSE);
  close_element (out, name);
}

/* A field written, worked out once per kind. */
typedef struct
{
  const TillitField *field;
  Name name;
  int column;
  /* A reference that names a record in the file for sure. */
  gboolean in_file;
  /* The element of a set's member. */
  Name member;
  /* The index of the kind a reference names, -1 for any. */
  int target;
} Column;

static void
append_field (Export       *self,
              const Column *column,
              sqlite3_stmt *stmt)
{
  const TillitField *field = column->field;
  const char *text = (const char *) sqlite3_column_text (stmt, column->column);

  if (text == NULL)
    return;

  switch (field->type)
    {
    case TILLIT_FIELD_REFERENCE:
      if (column->in_file)
        append_reference_to (self->records, column->name, FALSE, text);
      else
        append_reference (self, column->name, column->target, text);
      break;

    case TILLIT_FIELD_REFERENCE_SET:
      {
        g_auto(GStrv) uuids = g_strsplit (text, " ", -1);
        Name element = column->member;

        if (uuids[0] == NULL || *uuids[0] == '\0')
          break;
        open_element (self->records, column->name);
        for (guint i = 0; uuids[i] != NULL; i++)
          if (*uuids[i] != '\0')
            append_reference (self, element, column->target, uuids[i]);
        close_element (self->records, column->name);
      }
      break;

    case TILLIT_FIELD_ENUM_SET:
      if (*text != '\0')
        append_element (self->records, column->name, text);
      break;

    case TILLIT_FIELD_BOOL:
      append_element (self->records, column->name,
                      sqlite3_column_int (stmt, column->column) ? "true" : "false");
      break;

    case TILLIT_FIELD_STRING:
    case TILLIT_FIELD_TEXT:
    case TILLIT_FIELD_INT:
    case TILLIT_FIELD_DATE:
    case TILLIT_FIELD_TIME:
    case TILLIT_FIELD_DATETIME:
    case TILLIT_FIELD_ENUM:
    default:
      append_element (self->records, column->name, text);
      break;
    }
}

/* Records stay together with the record they belong to and in the
 * order of its list, so the file reads like the programme; otherwise
 * they come in the order they went into the database. An import writes
 * records in the order of its file, so a file read in and written out
 * again comes out the same; and the order costs no sort, as a table is
 * kept in that order and its parent's index in that order per parent. */
static char *
select_sql (Export                 *self,
            const TillitRecordKind *kind)
{
  g_autofree char *columns = tillit_exchange_kind_columns (kind, "");
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "SELECT %s FROM main.\"%s\" %s ORDER BY ", columns, kind->table,
                   self->whole ? "" : "WHERE uuid IN (SELECT uuid FROM temp.exchange_scope)");
  if (kind->parent_field != NULL)
    g_string_append_printf (sql, "\"%s\", ",
                            tillit_record_kind_field (kind,
                                                      tillit_record_kind_find_field (kind, kind->parent_field))->column);
  if (kind->order_field != NULL)
    g_string_append_printf (sql, "\"%s\", ",
                            tillit_record_kind_field (kind,
                                                      tillit_record_kind_find_field (kind, kind->order_field))->column);
  g_string_append (sql, "rowid");
  return g_string_free (sql, FALSE);
}

static gboolean
write_kind (Export                  *self,
            const TillitRecordKind  *kind,
            GError                 **error)
{
  g_autofree char *sql = select_sql (self, kind);
  guint n_fields = tillit_record_kind_n_all_fields (kind);
  g_autofree Column *columns = g_new0 (Column, n_fields);
  guint n_columns = 0;
  int column = TILLIT_RECORD_N_BASE_FIELDS;
  Name element = name_of (kind->xml_name);
  Name attributes[TILLIT_RECORD_N_BASE_FIELDS];
  sqlite3_stmt *stmt = NULL;
  guint rows = 0;
  int rc;

  for (guint i = 0; i < TILLIT_RECORD_N_BASE_FIELDS; i++)
    attributes[i] = name_of (tillit_record_kind_field (kind, i)->xml_name);
  for (guint i = TILLIT_RECORD_N_BASE_FIELDS; i < n_fields; i++)
    {
      const TillitField *field = tillit_record_kind_field (kind, i);
      Column *c = &columns[n_columns];

      if (!tillit_exchange_field_is_exchanged (kind, field))
        continue;
      if (field_wanted (self, kind, field))
        {
          c->field = field;
          c->name = name_of (field->xml_name);
          c->column = column;
          /* A record in the file has the records it cannot do without in
           * it too (see fill_scope()), and the foreign key says they exist. */
          c->in_file = pulls_in (field) &&
                       kind_wanted (tillit_record_kind_lookup (field->target), self->personal);
          if (field->type == TILLIT_FIELD_REFERENCE_SET)
            c->member = name_of (tillit_record_kind_lookup (field->target)->xml_name);
          c->target = field->target != NULL
                      ? tillit_exchange_kind_index (tillit_record_kind_lookup (field->target)->xml_name)
                      : -1;
          n_columns++;
        }
      column++;
    }

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gsize start_tag;

      if (++rows % 1024 == 0 && g_cancellable_set_error_if_cancelled (self->cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }

      /* The four fields every record has are its attributes. */
      PUT (self->records, "<");
      put (self->records, element.text, element.len);
      for (guint i = 0; i < TILLIT_RECORD_N_BASE_FIELDS; i++)
        if (sqlite3_column_type (stmt, i) != SQLITE_NULL)
          append_attribute (self->records, attributes[i],
                            (const char *) sqlite3_column_text (stmt, i));
      PUT (self->records, ">");
      start_tag = self->records->len;

      for (guint i = 0; i < n_columns; i++)
        append_field (self, &columns[i], stmt);
      if (self->records->len == start_tag)
        {
          g_string_truncate (self->records, start_tag - 1);
          PUT (self->records, "/>");
        }
      else
        close_element (self->records, element);
      if (self->records->len >= RECORDS_SIZE && !flush_records (self))
        break;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return db_error (self, error);
  return TRUE;
}

static gboolean
write_document (Export                      *self,
                const TillitExchangeSource  *source,
                GError                     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *source_uuid = NULL;
  g_autofree char *source_name = NULL;
  g_autofree char *source_code = NULL;
  guint n_kinds;
  const TillitRecordKind * const *kinds = tillit_record_kinds (&n_kinds);

  if (!find_source (self, source, &source_uuid, &source_name, &source_code, error))
    return FALSE;

  xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (self->writer, BAD_CAST TILLIT_EXCHANGE_ROOT);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "xmlns", BAD_CAST TILLIT_EXCHANGE_NS);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "format-version",
                               BAD_CAST TILLIT_EXCHANGE_FORMAT_VERSION);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "exported-at", BAD_CAST exported_at);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "generator",
                               BAD_CAST "Tillit " PACKAGE_VERSION);

  xmlTextWriterStartElement (self->writer, BAD_CAST "source");
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "name", BAD_CAST source_name);
  if (source_code != NULL)
    xmlTextWriterWriteAttribute (self->writer, BAD_CAST "kommunkod", BAD_CAST source_code);
  if (source_uuid != NULL &&
      in_scope (self, tillit_exchange_kind_index ("municipality"), source_uuid))
    xmlTextWriterWriteAttribute (self->writer, BAD_CAST "municipality", BAD_CAST source_uuid);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "personal-data",
                               BAD_CAST (self->personal ? "true" : "false"));
  xmlTextWriterEndElement (self->writer);
  xmlTextWriterFlush (self->writer);

  for (guint i = 0; i < n_kinds; i++)
    {
      if (kind_wanted (kinds[i], self->personal) && !write_kind (self, kinds[i], error))
        return FALSE;
      if (self->progress != NULL)
        self->progress ((double) (i + 1) / n_kinds, self->progress_data);
    }
  flush_records (self);

  xmlTextWriterEndDocument (self->writer);
  xmlTextWriterFlush (self->writer);
  return TRUE;
}

/**
 * tillit_exchange_export:
 * @database: the programme
 * @file: where to write; replaced only once the whole file is written
 * @source: (nullable): who exports, or %NULL for the municipality marked
 *   as ours in @database
 * @roots: (nullable) (array zero-terminated=1): UUIDs of the records to
 *   export with everything nested under them, or %NULL for the whole
 *   programme
 * @flags: %TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA to include candidates,
 *   ratings and the names of individuals
 * @progress: (nullable) (scope call): called with the fraction done
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Streams the records out with xmlTextWriter: memory stays flat whatever
 * the size of the programme. Without @source and without a municipality
 * marked as ours the export fails: a file must name its sender.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
tillit_exchange_export (TillitDatabase             *database,
                        GFile                      *file,
                        const TillitExchangeSource *source,
                        const char * const         *roots,
                        TillitExchangeExportFlags   flags,
                        TillitExchangeProgress      progress,
                        gpointer                    progress_data,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  Export self = { 0 };
  g_autoptr(GFileOutputStream) out = NULL;
  gboolean existed;
  xmlOutputBufferPtr buffer;
  gboolean ok;

  g_return_val_if_fail (TILLIT_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (source == NULL || source->name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self.db = tillit_database_get_handle (database);
  self.cancellable = cancellable;
  self.personal = (flags & TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA) != 0;
  self.whole = roots == NULL;
  self.progress = progress;
  self.progress_data = progress_data;

  /* A read transaction gives one consistent snapshot of the programme. */
  if (!exec (&self, "BEGIN", error))
    return FALSE;
  if (!self.whole && !fill_scope (&self, roots, error))
    {
      exec (&self, "ROLLBACK", NULL);
      return FALSE;
    }
  if (!prepare_scope (&self, error))
    {
      finalize_scope (&self);
      exec (&self, "ROLLBACK", NULL);
      return FALSE;
    }

  /* g_file_replace() writes a file that exists aside, beside it (on the
   * same file system, and in a way the document portal allows), and
   * moves it over the old one only on a close that is not cancelled: a
   * failed or cancelled export never leaves half a file where a good one
   * was. A new file is written in place, and removed on failure. */
  existed = g_file_query_exists (file, NULL);
  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    {
      finalize_scope (&self);
      exec (&self, "ROLLBACK", NULL);
      return FALSE;
    }
  self.out = G_OUTPUT_STREAM (out);

  buffer = xmlOutputBufferCreateIO (write_cb, close_cb, &self, NULL);
  self.writer = xmlNewTextWriter (buffer);
  self.records = g_string_sized_new (RECORDS_SIZE + 4096);
  ok = write_document (&self, source, error);
  xmlFreeTextWriter (self.writer);
  g_string_free (self.records, TRUE);
  finalize_scope (&self);
  exec (&self, "ROLLBACK", NULL);

  if (ok && self.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self.error));
      ok = FALSE;
    }
  g_clear_error (&self.error);

  if (ok)
    ok = g_output_stream_close (self.out, cancellable, error);
  if (!ok)
    {
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (self.out, abandon, NULL);
      if (!existed)
        g_file_delete (file, NULL, NULL);
    }
  return ok;
}
