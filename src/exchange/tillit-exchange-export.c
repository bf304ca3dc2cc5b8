/* tillit-exchange-export.c: writing the programme, or part of it, as XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/xmlwriter.h>

#include "tillit-exchange.h"
#include "tillit-exchange-kinds.h"
#include "tillit-exchange-schema.h"

typedef struct
{
  sqlite3 *db;
  GOutputStream *out;
  GCancellable *cancellable;
  GError *error;
  xmlTextWriterPtr writer;
  sqlite3_stmt *in_scope;
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
kind_wanted (const TillitExchangeKind *kind,
             gboolean                  personal)
{
  return personal || !kind->personal;
}

/* The first reference that must be set names the record a record belongs
 * to: a learning's pilot, a strategy's cell. */
static const TillitExchangeField *
owner_field (const TillitExchangeKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].type == TILLIT_EXCHANGE_FIELD_REFERENCE &&
        !(kind->fields[i].flags & TILLIT_EXCHANGE_FIELD_OPTIONAL))
      return &kind->fields[i];
  return NULL;
}

static gboolean
has_field (const TillitExchangeKind *kind,
           const char               *name)
{
  return tillit_exchange_kind_field_index (kind, name) >= 0;
}

/* A part of the programme is its roots, everything they hold (a framework's
 * principles, their cells, the cells' strategies...), and the records those
 * cannot do without (an adoption's unit, a profile's competencies). Every
 * other reference is written as external. */
static gboolean
fill_scope (Export             *self,
            const char * const *roots,
            GError            **error)
{
  guint n = tillit_exchange_kinds_get_n ();
  int changes;

  if (!exec (self, "CREATE TEMP TABLE IF NOT EXISTS exchange_scope (uuid TEXT PRIMARY KEY);"
                   "DELETE FROM temp.exchange_scope;", error))
    return FALSE;

  if (roots == NULL)
    {
      for (guint i = 0; i < n; i++)
        {
          const TillitExchangeKind *kind = tillit_exchange_kinds_get (i);
          g_autofree char *sql = NULL;

          if (!kind_wanted (kind, self->personal))
            continue;
          sql = g_strdup_printf ("INSERT INTO temp.exchange_scope SELECT uuid FROM \"%s\"",
                                 kind->table);
          if (!exec (self, sql, error))
            return FALSE;
        }
      return TRUE;
    }

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

  for (int pass = 0; pass < 2; pass++)
    do
      {
        changes = 0;
        for (guint i = 0; i < n; i++)
          {
            const TillitExchangeKind *kind = tillit_exchange_kinds_get (i);
            const TillitExchangeField *owner = owner_field (kind);

            if (!kind_wanted (kind, self->personal))
              continue;
            for (guint j = 0; j < kind->n_fields; j++)
              {
                const TillitExchangeField *field = &kind->fields[j];
                g_autofree char *sql = NULL;

                if (field->type != TILLIT_EXCHANGE_FIELD_REFERENCE ||
                    (field->flags & TILLIT_EXCHANGE_FIELD_OPTIONAL))
                  continue;
                if (pass == 0 && field == owner)
                  sql = g_strdup_printf ("INSERT OR IGNORE INTO temp.exchange_scope "
                                         "SELECT uuid FROM \"%s\" WHERE \"%s\" IN "
                                         "(SELECT uuid FROM temp.exchange_scope)",
                                         kind->table, field->column);
                else if (pass == 1)
                  sql = g_strdup_printf ("INSERT OR IGNORE INTO temp.exchange_scope "
                                         "SELECT \"%s\" FROM \"%s\" WHERE uuid IN "
                                         "(SELECT uuid FROM temp.exchange_scope) "
                                         "AND \"%s\" IS NOT NULL",
                                         field->column, kind->table, field->column);
                else
                  continue;
                if (!exec (self, sql, error))
                  return FALSE;
                changes += sqlite3_changes (self->db);
              }
          }
      }
    while (changes > 0);

  return TRUE;
}

static gboolean
in_scope (Export     *self,
          const char *uuid)
{
  gboolean found;

  sqlite3_bind_text (self->in_scope, 1, uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (self->in_scope) == SQLITE_ROW;
  sqlite3_reset (self->in_scope);
  return found;
}

static void
write_reference (Export     *self,
                 const char *element,
                 const char *uuid)
{
  xmlTextWriterStartElement (self->writer, BAD_CAST element);
  xmlTextWriterWriteAttribute (self->writer,
                               BAD_CAST (in_scope (self, uuid) ? "ref" : "external"),
                               BAD_CAST uuid);
  xmlTextWriterEndElement (self->writer);
}

static void
write_field (Export                    *self,
             const TillitExchangeField *field,
             sqlite3_stmt              *stmt,
             int                        column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return;
  if ((field->flags & TILLIT_EXCHANGE_FIELD_PERSONAL) && !self->personal)
    return;

  switch (field->type)
    {
    case TILLIT_EXCHANGE_FIELD_REFERENCE:
      write_reference (self, field->xml_name, text);
      break;

    case TILLIT_EXCHANGE_FIELD_REFERENCES:
      {
        g_auto(GStrv) uuids = g_strsplit (text, " ", -1);

        if (uuids[0] == NULL || *uuids[0] == '\0')
          break;
        xmlTextWriterStartElement (self->writer, BAD_CAST field->xml_name);
        for (guint i = 0; uuids[i] != NULL; i++)
          write_reference (self, field->target, uuids[i]);
        xmlTextWriterEndElement (self->writer);
      }
      break;

    case TILLIT_EXCHANGE_FIELD_BOOLEAN:
      xmlTextWriterWriteElement (self->writer, BAD_CAST field->xml_name,
                                 BAD_CAST (sqlite3_column_int (stmt, column) ? "true" : "false"));
      break;

    default:
      xmlTextWriterWriteElement (self->writer, BAD_CAST field->xml_name, BAD_CAST text);
      break;
    }
}

static gboolean
write_kind (Export                   *self,
            const TillitExchangeKind *kind,
            GError                  **error)
{
  const TillitExchangeField *owner = owner_field (kind);
  g_autoptr(GString) sql = g_string_new ("SELECT uuid, created, modified, origin");
  sqlite3_stmt *stmt = NULL;
  gboolean started = FALSE;
  int rc;

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (sql, ", \"%s\"", kind->fields[i].column);
  g_string_append_printf (sql, " FROM \"%s\" WHERE uuid IN (SELECT uuid FROM temp.exchange_scope)"
                               " ORDER BY ", kind->table);
  /* List order is explicit in the file: by owner, then position. */
  if (owner != NULL)
    g_string_append_printf (sql, "\"%s\", ", owner->column);
  if (has_field (kind, "position"))
    g_string_append (sql, "position, ");
  g_string_append (sql, "created, uuid");

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
      if (!started)
        {
          xmlTextWriterStartElement (self->writer, BAD_CAST kind->section);
          started = TRUE;
        }
      xmlTextWriterStartElement (self->writer, BAD_CAST kind->xml_name);
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "uuid", sqlite3_column_text (stmt, 0));
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "created", sqlite3_column_text (stmt, 1));
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "modified", sqlite3_column_text (stmt, 2));
      xmlTextWriterWriteAttribute (self->writer, BAD_CAST "origin", sqlite3_column_text (stmt, 3));
      for (guint i = 0; i < kind->n_fields; i++)
        write_field (self, &kind->fields[i], stmt, 4 + i);
      xmlTextWriterEndElement (self->writer);
      if (self->error != NULL)
        break;
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE && self->error == NULL)
    return db_error (self, error);
  if (started)
    xmlTextWriterEndElement (self->writer);
  return TRUE;
}

static gboolean
write_document (Export                     *self,
                const TillitExchangeSource *source,
                GError                    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exported_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  guint n = tillit_exchange_kinds_get_n ();

  xmlTextWriterSetIndent (self->writer, 1);
  xmlTextWriterSetIndentString (self->writer, BAD_CAST "  ");
  xmlTextWriterStartDocument (self->writer, "1.0", "UTF-8", NULL);
  xmlTextWriterStartElement (self->writer, BAD_CAST TILLIT_EXCHANGE_ROOT);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "xmlns", BAD_CAST TILLIT_EXCHANGE_NS);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "format-version",
                               BAD_CAST TILLIT_EXCHANGE_FORMAT_VERSION);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "exported-at", BAD_CAST exported_at);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "generator",
                               BAD_CAST "Tillit " PACKAGE_VERSION);

  xmlTextWriterStartElement (self->writer, BAD_CAST "source");
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "name", BAD_CAST source->name);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "kommunkod", BAD_CAST source->kommunkod);
  xmlTextWriterWriteAttribute (self->writer, BAD_CAST "personal-data",
                               BAD_CAST (self->personal ? "true" : "false"));
  xmlTextWriterEndElement (self->writer);

  for (guint i = 0; i < n; i++)
    {
      const TillitExchangeKind *kind = tillit_exchange_kinds_get (i);

      if (!kind_wanted (kind, self->personal))
        continue;
      if (!write_kind (self, kind, error))
        return FALSE;
      if (self->progress != NULL)
        self->progress ((double) (i + 1) / n, self->progress_data);
    }

  xmlTextWriterEndDocument (self->writer);
  xmlTextWriterFlush (self->writer);
  return TRUE;
}

/**
 * tillit_exchange_export:
 * @db: the programme's database
 * @file: where to write; replaced only once the whole file is written
 * @source: who is exporting
 * @roots: (nullable) (array zero-terminated=1): UUIDs of the records to
 *   export with everything they hold, or %NULL for the whole programme
 * @flags: %TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA to include candidates,
 *   ratings and the names of individuals
 * @progress: (nullable) (scope call): called with the fraction done
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Streams the records out with xmlTextWriter: memory stays flat whatever
 * the size of the programme.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
tillit_exchange_export (sqlite3                    *db,
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
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFileIOStream) io = NULL;
  xmlOutputBufferPtr buffer;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (source != NULL && source->name != NULL && source->kommunkod != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self.db = db;
  self.cancellable = cancellable;
  self.personal = (flags & TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA) != 0;
  self.progress = progress;
  self.progress_data = progress_data;

  if (!tillit_exchange_kinds_ensure_tables (db, error))
    return FALSE;

  /* A read transaction gives one consistent snapshot of the programme. */
  if (!exec (&self, "BEGIN", error))
    return FALSE;
  if (!fill_scope (&self, roots, error) ||
      sqlite3_prepare_v2 (db, "SELECT 1 FROM temp.exchange_scope WHERE uuid = ?", -1,
                          &self.in_scope, NULL) != SQLITE_OK)
    {
      if (error != NULL && *error == NULL)
        db_error (&self, error);
      exec (&self, "ROLLBACK", NULL);
      return FALSE;
    }

  /* Written beside the target and moved over it at the end, so a failed
   * or cancelled export never leaves half a file where a good one was. */
  temporary = g_file_new_tmp ("tillit-export-XXXXXX.xml", &io, error);
  if (temporary == NULL)
    {
      sqlite3_finalize (self.in_scope);
      exec (&self, "ROLLBACK", NULL);
      return FALSE;
    }
  self.out = g_io_stream_get_output_stream (G_IO_STREAM (io));

  buffer = xmlOutputBufferCreateIO (write_cb, close_cb, &self, NULL);
  self.writer = xmlNewTextWriter (buffer);
  ok = write_document (&self, source, error);
  xmlFreeTextWriter (self.writer);
  sqlite3_finalize (self.in_scope);
  exec (&self, "ROLLBACK", NULL);

  if (ok && self.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self.error));
      ok = FALSE;
    }
  g_clear_error (&self.error);

  if (ok)
    ok = g_io_stream_close (G_IO_STREAM (io), cancellable, error) &&
         g_file_move (temporary, file, G_FILE_COPY_OVERWRITE, cancellable, NULL, NULL, error);
  if (!ok)
    g_file_delete (temporary, NULL, NULL);
  return ok;
}
