/* tillit-exchange-plan.c: what an import would do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is streamed into temporary staging tables on the database's own
 * connection (so memory stays flat), compared there with what we hold and
 * with the sync state, and written in one transaction when applied.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-exchange.h"
#include "tillit-exchange-kinds.h"
#include "tillit-exchange-reader.h"
#include "tillit-exchange-schema.h"

typedef struct
{
  guint kind;
  sqlite3_int64 rowid;
  char *uuid;
  char *label;
  guint line;
  TillitExchangeAction action;
  TillitExchangeResolution resolution;
} Entry;

struct _TillitExchangePlan
{
  GObject parent_instance;

  sqlite3 *db;
  guint id;
  char *source_name;
  char *source_kommunkod;
  gboolean personal;
  GArray *entries;
  guint counts[TILLIT_EXCHANGE_ACTION_CONFLICT + 1];
  gboolean applied;
};

G_DEFINE_FINAL_TYPE (TillitExchangePlan, tillit_exchange_plan, G_TYPE_OBJECT)

static char *
stage_name (TillitExchangePlan       *self,
            const TillitExchangeKind *kind)
{
  return g_strdup_printf ("temp.\"stage_%u_%s\"", self->id, kind->table);
}

static void
drop_stages (TillitExchangePlan *self)
{
  for (guint i = 0; i < tillit_exchange_kinds_get_n (); i++)
    {
      g_autofree char *stage = stage_name (self, tillit_exchange_kinds_get (i));
      g_autofree char *sql = g_strdup_printf ("DROP TABLE IF EXISTS %s", stage);

      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
}

static void
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->uuid);
  g_free (entry->label);
}

static void
tillit_exchange_plan_finalize (GObject *object)
{
  TillitExchangePlan *self = TILLIT_EXCHANGE_PLAN (object);

  if (self->db != NULL)
    drop_stages (self);
  g_clear_pointer (&self->entries, g_array_unref);
  g_free (self->source_name);
  g_free (self->source_kommunkod);

  G_OBJECT_CLASS (tillit_exchange_plan_parent_class)->finalize (object);
}

static void
tillit_exchange_plan_class_init (TillitExchangePlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tillit_exchange_plan_finalize;
}

static void
tillit_exchange_plan_init (TillitExchangePlan *self)
{
  static guint last_id;

  self->id = g_atomic_int_add (&last_id, 1);
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, clear_entry);
}

static gboolean
db_error (sqlite3  *db,
          GError  **error)
{
  g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
               _("The database failed: %s"), sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_error (db, error);
  return TRUE;
}

/* Reading ---------------------------------------------------------------- */

typedef struct
{
  TillitExchangePlan *plan;
  TillitExchangeReader *reader;
  sqlite3_stmt *insert[64];
} Reading;

static gboolean
create_stages (TillitExchangePlan *self,
               Reading            *reading,
               GError            **error)
{
  for (guint i = 0; i < tillit_exchange_kinds_get_n (); i++)
    {
      const TillitExchangeKind *kind = tillit_exchange_kinds_get (i);
      g_autofree char *stage = stage_name (self, kind);
      g_autoptr(GString) create = g_string_new (NULL);
      g_autoptr(GString) insert = g_string_new (NULL);

      g_string_printf (create, "CREATE TEMP TABLE %s AS SELECT *, 0 AS line FROM \"%s\" "
                               "WHERE 0", stage, kind->table);
      if (!exec (self->db, create->str, error))
        return FALSE;

      g_string_printf (insert, "INSERT INTO %s VALUES (?, ?, ?, ?", stage);
      for (guint j = 0; j < kind->n_fields; j++)
        g_string_append (insert, ", ?");
      g_string_append (insert, ", ?)");
      if (sqlite3_prepare_v2 (self->db, insert->str, -1, &reading->insert[i], NULL) != SQLITE_OK)
        return db_error (self->db, error);
    }
  return TRUE;
}

static char *
get_attribute (xmlNodePtr  node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static char *
read_reference (Reading    *reading,
                xmlNodePtr  node,
                GError    **error)
{
  g_autofree char *ref = get_attribute (node, "ref");
  g_autofree char *external = get_attribute (node, "external");

  if ((ref == NULL) == (external == NULL))
    {
      tillit_exchange_reader_set_error (reading->reader, error, TILLIT_EXCHANGE_ERROR_INVALID,
                                        node, _("A reference must have either “ref” or "
                                                "“external”, not both or neither"));
      return NULL;
    }
  if (ref != NULL)
    return g_steal_pointer (&ref);
  return g_steal_pointer (&external);
}

static gboolean
bind_field (Reading                   *reading,
            sqlite3_stmt              *stmt,
            int                        column,
            const TillitExchangeField *field,
            xmlNodePtr                 node,
            GError                   **error)
{
  switch (field->type)
    {
    case TILLIT_EXCHANGE_FIELD_REFERENCE:
      {
        char *uuid = read_reference (reading, node, error);

        if (uuid == NULL)
          return FALSE;
        sqlite3_bind_text (stmt, column, uuid, -1, g_free);
      }
      break;

    case TILLIT_EXCHANGE_FIELD_REFERENCES:
      {
        g_autoptr(GString) uuids = g_string_new (NULL);

        for (xmlNodePtr child = node->children; child != NULL; child = child->next)
          {
            g_autofree char *uuid = NULL;

            if (child->type != XML_ELEMENT_NODE)
              continue;
            uuid = read_reference (reading, child, error);
            if (uuid == NULL)
              return FALSE;
            if (uuids->len > 0)
              g_string_append_c (uuids, ' ');
            g_string_append (uuids, uuid);
          }
        sqlite3_bind_text (stmt, column, g_string_free (g_steal_pointer (&uuids), FALSE),
                           -1, g_free);
      }
      break;

    default:
      {
        xmlChar *content = xmlNodeGetContent (node);
        const char *text = content ? (const char *) content : "";

        if (field->type == TILLIT_EXCHANGE_FIELD_BOOLEAN)
          sqlite3_bind_int (stmt, column, g_str_equal (text, "true") || g_str_equal (text, "1"));
        else if (field->type == TILLIT_EXCHANGE_FIELD_INTEGER)
          sqlite3_bind_int64 (stmt, column, g_ascii_strtoll (text, NULL, 10));
        else
          sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
        xmlFree (content);
      }
      break;
    }
  return TRUE;
}

static gboolean
stage_record (Reading     *reading,
              guint        kind_index,
              xmlNodePtr   node,
              GError     **error)
{
  const TillitExchangeKind *kind = tillit_exchange_kinds_get (kind_index);
  sqlite3_stmt *stmt = reading->insert[kind_index];
  const char *attributes[] = { "uuid", "created", "modified", "origin" };
  gboolean ok = TRUE;

  if (kind->personal && !reading->plan->personal)
    {
      tillit_exchange_reader_set_error (reading->reader, error, TILLIT_EXCHANGE_ERROR_INVALID,
                                        node, _("The file says it holds no personal data, "
                                                "yet it has a record of personal data here"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (attributes); i++)
    sqlite3_bind_text (stmt, i + 1, get_attribute (node, attributes[i]), -1, g_free);

  for (xmlNodePtr child = node->children; ok && child != NULL; child = child->next)
    {
      int index;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      index = tillit_exchange_kind_field_index (kind, (const char *) child->name);
      g_assert (index >= 0);
      ok = bind_field (reading, stmt, 5 + index, &kind->fields[index], child, error);
    }
  sqlite3_bind_int (stmt, 5 + kind->n_fields, xmlGetLineNo (node));

  if (ok && sqlite3_step (stmt) != SQLITE_DONE)
    ok = db_error (reading->plan->db, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static gboolean
read_file (TillitExchangePlan     *self,
           Reading                *reading,
           TillitExchangeProgress  progress,
           gpointer                progress_data,
           GError                **error)
{
  xmlTextReaderPtr xml = tillit_exchange_reader_get_xml (reading->reader);
  gboolean done = FALSE;
  guint records = 0;

  while (TRUE)
    {
      const char *name;
      const TillitExchangeKind *kind;
      xmlNodePtr node;

      if (!tillit_exchange_reader_read (reading->reader, &done, error))
        return FALSE;
      if (done)
        return TRUE;
      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT)
        continue;

      name = (const char *) xmlTextReaderConstLocalName (xml);
      switch (xmlTextReaderDepth (xml))
        {
        case 1:
          if (g_str_equal (name, "source"))
            {
              xmlChar *personal = xmlTextReaderGetAttribute (xml, BAD_CAST "personal-data");
              xmlChar *source_name = xmlTextReaderGetAttribute (xml, BAD_CAST "name");
              xmlChar *kommunkod = xmlTextReaderGetAttribute (xml, BAD_CAST "kommunkod");

              self->personal = personal != NULL &&
                               (xmlStrEqual (personal, BAD_CAST "true") ||
                                xmlStrEqual (personal, BAD_CAST "1"));
              self->source_name = g_strdup ((const char *) source_name);
              self->source_kommunkod = g_strdup ((const char *) kommunkod);
              xmlFree (personal);
              xmlFree (source_name);
              xmlFree (kommunkod);
            }
          break;

        case 2:
          kind = tillit_exchange_kinds_lookup (name);
          g_assert (kind != NULL);
          node = tillit_exchange_reader_expand (reading->reader, error);
          if (node == NULL || !stage_record (reading, kind - tillit_exchange_kinds_get (0), node, error))
            return FALSE;
          if (progress != NULL && ++records % 1024 == 0)
            progress (0.9 * tillit_exchange_reader_get_fraction (reading->reader), progress_data);
          break;

        default:
          break;
        }
    }
}

/* Planning --------------------------------------------------------------- */

/* A UUID is one record: the same UUID as another kind here is not a merge
 * but a clash, and the file is refused. */
static gboolean
check_kinds (TillitExchangePlan    *self,
             TillitExchangeReader  *reader,
             GError               **error)
{
  guint n = tillit_exchange_kinds_get_n ();

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        const TillitExchangeKind *theirs = tillit_exchange_kinds_get (i);
        const TillitExchangeKind *ours = tillit_exchange_kinds_get (j);
        g_autofree char *stage = stage_name (self, theirs);
        g_autofree char *sql = NULL;
        sqlite3_stmt *stmt = NULL;

        if (i == j)
          continue;
        sql = g_strdup_printf ("SELECT s.uuid, s.line FROM %s s JOIN \"%s\" o USING (uuid) "
                               "LIMIT 1", stage, ours->table);
        if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
          return db_error (self->db, error);
        if (sqlite3_step (stmt) == SQLITE_ROW)
          {
            g_autofree char *place =
              tillit_exchange_reader_get_place (reader, sqlite3_column_int (stmt, 1));

            g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_CONFLICT,
                         _("%s: The record %s is a %s in the file but a %s here"), place,
                         (const char *) sqlite3_column_text (stmt, 0),
                         theirs->xml_name, ours->xml_name);
            sqlite3_finalize (stmt);
            return FALSE;
          }
        sqlite3_finalize (stmt);
      }
  return TRUE;
}

static gboolean
compares_field (TillitExchangePlan        *self,
                const TillitExchangeField *field)
{
  return self->personal || !(field->flags & TILLIT_EXCHANGE_FIELD_PERSONAL);
}

static int
label_field (const TillitExchangeKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].type == TILLIT_EXCHANGE_FIELD_TEXT &&
        !(kind->fields[i].flags & TILLIT_EXCHANGE_FIELD_PERSONAL))
      return (int) i;
  return -1;
}

/* Three-way: the sync state remembers the `modified` each record had when
 * it last came in. Changed there and not here is an update; changed here
 * and not there keeps ours; changed on both sides is a conflict. */
static TillitExchangeAction
decide (gboolean    exists,
        gboolean    same,
        const char *theirs,
        const char *ours,
        const char *base)
{
  gboolean theirs_changed, ours_changed;

  if (!exists)
    return TILLIT_EXCHANGE_ACTION_NEW;
  if (same)
    return TILLIT_EXCHANGE_ACTION_UNCHANGED;

  theirs_changed = base == NULL || g_strcmp0 (theirs, base) != 0;
  ours_changed = base == NULL || g_strcmp0 (ours, base) != 0;

  if (theirs_changed && !ours_changed)
    return TILLIT_EXCHANGE_ACTION_UPDATED;
  if (!theirs_changed)
    return TILLIT_EXCHANGE_ACTION_UNCHANGED;
  return TILLIT_EXCHANGE_ACTION_CONFLICT;
}

static gboolean
plan_kind (TillitExchangePlan  *self,
           guint                kind_index,
           GError             **error)
{
  const TillitExchangeKind *kind = tillit_exchange_kinds_get (kind_index);
  g_autofree char *stage = stage_name (self, kind);
  g_autoptr(GString) sql = g_string_new (NULL);
  int label = label_field (kind);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_string_printf (sql, "SELECT s.rowid, s.uuid, s.line, s.modified, o.uuid IS NOT NULL, "
                        "o.modified, y.base_modified, %s%s%s, "
                        "(s.created IS o.created AND s.origin IS o.origin",
                   label >= 0 ? "s.\"" : "", label >= 0 ? kind->fields[label].column : "NULL",
                   label >= 0 ? "\"" : "");
  for (guint i = 0; i < kind->n_fields; i++)
    if (compares_field (self, &kind->fields[i]))
      g_string_append_printf (sql, " AND s.\"%1$s\" IS o.\"%1$s\"", kind->fields[i].column);
  g_string_append_printf (sql, ") FROM %s s LEFT JOIN \"%s\" o USING (uuid) "
                               "LEFT JOIN exchange_sync y USING (uuid) ORDER BY s.rowid",
                          stage, kind->table);

  if (sqlite3_prepare_v2 (self->db, sql->str, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self->db, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = { 0 };

      entry.kind = kind_index;
      entry.rowid = sqlite3_column_int64 (stmt, 0);
      entry.uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      entry.line = sqlite3_column_int (stmt, 2);
      entry.label = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      entry.action = decide (sqlite3_column_int (stmt, 4), sqlite3_column_int (stmt, 8),
                             (const char *) sqlite3_column_text (stmt, 3),
                             (const char *) sqlite3_column_text (stmt, 5),
                             (const char *) sqlite3_column_text (stmt, 6));
      entry.resolution = TILLIT_EXCHANGE_KEEP_OURS;
      self->counts[entry.action]++;
      g_array_append_val (self->entries, entry);
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return db_error (self->db, error);
  return TRUE;
}

/**
 * tillit_exchange_plan_new:
 * @db: the programme's database
 * @file: the exchange file, plain or gzip-compressed
 * @max_bytes: the cap on what is read (after inflating), 0 for the default
 * @progress: (nullable) (scope call): called with the fraction read
 * @progress_data: data for @progress
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError; when it is about the file its message starts with
 *   `FILE:LINE:COLUMN: `
 *
 * Reads and validates the whole file and works out, for every record in
 * it, whether it is new, updated, unchanged or in conflict. Nothing of the
 * programme is written: the file is staged in temporary tables that go
 * with the plan. One plan at a time per database connection.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
TillitExchangePlan *
tillit_exchange_plan_new (sqlite3                 *db,
                          GFile                   *file,
                          guint64                  max_bytes,
                          TillitExchangeProgress   progress,
                          gpointer                 progress_data,
                          GCancellable            *cancellable,
                          GError                 **error)
{
  g_autoptr(TillitExchangePlan) self = NULL;
  g_autoptr(TillitExchangeReader) reader = NULL;
  Reading reading = { 0 };
  gboolean ok;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  G_STATIC_ASSERT (G_N_ELEMENTS (reading.insert) >= 19);
  g_assert (tillit_exchange_kinds_get_n () <= G_N_ELEMENTS (reading.insert));

  if (!tillit_exchange_kinds_ensure_tables (db, error))
    return NULL;

  reader = tillit_exchange_reader_new (file, max_bytes, cancellable, error);
  if (reader == NULL)
    return NULL;

  self = g_object_new (TILLIT_TYPE_EXCHANGE_PLAN, NULL);
  self->db = db;
  reading.plan = self;
  reading.reader = reader;

  /* Staging in one transaction is many times faster than row by row. */
  ok = exec (db, "SAVEPOINT exchange_stage", error) &&
       create_stages (self, &reading, error) &&
       read_file (self, &reading, progress, progress_data, error);
  for (guint i = 0; i < G_N_ELEMENTS (reading.insert); i++)
    sqlite3_finalize (reading.insert[i]);
  exec (db, ok ? "RELEASE exchange_stage" : "ROLLBACK TO exchange_stage; RELEASE exchange_stage",
        NULL);
  if (!ok)
    return NULL;

  if (!check_kinds (self, reader, error))
    return NULL;
  for (guint i = 0; i < tillit_exchange_kinds_get_n (); i++)
    if (!plan_kind (self, i, error))
      return NULL;

  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&self);
}

/* Applying --------------------------------------------------------------- */

static gboolean
writes (const Entry *entry)
{
  return entry->action == TILLIT_EXCHANGE_ACTION_NEW ||
         entry->action == TILLIT_EXCHANGE_ACTION_UPDATED ||
         (entry->action == TILLIT_EXCHANGE_ACTION_CONFLICT &&
          entry->resolution == TILLIT_EXCHANGE_TAKE_THEIRS);
}

/* A file without personal data leaves ours as it is. */
static char *
upsert_sql (TillitExchangePlan       *self,
            const TillitExchangeKind *kind)
{
  g_autofree char *stage = stage_name (self, kind);
  GString *sql = g_string_new (NULL);
  g_autoptr(GString) columns = g_string_new ("uuid, created, modified, origin");

  for (guint i = 0; i < kind->n_fields; i++)
    g_string_append_printf (columns, ", \"%s\"", kind->fields[i].column);
  g_string_printf (sql, "INSERT INTO \"%s\" (%s) SELECT %s FROM %s WHERE rowid = ? "
                        "ON CONFLICT (uuid) DO UPDATE SET created = excluded.created, "
                        "modified = excluded.modified, origin = excluded.origin",
                   kind->table, columns->str, columns->str, stage);
  for (guint i = 0; i < kind->n_fields; i++)
    if (compares_field (self, &kind->fields[i]))
      g_string_append_printf (sql, ", \"%1$s\" = excluded.\"%1$s\"", kind->fields[i].column);
  return g_string_free (sql, FALSE);
}

static gboolean
apply_in_transaction (TillitExchangePlan  *self,
                      GCancellable        *cancellable,
                      GError             **error)
{
  guint n = tillit_exchange_kinds_get_n ();
  sqlite3_stmt *upsert[64] = { NULL };
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < n; i++)
    {
      g_autofree char *sql = upsert_sql (self, tillit_exchange_kinds_get (i));

      if (sqlite3_prepare_v2 (self->db, sql, -1, &upsert[i], NULL) != SQLITE_OK)
        ok = db_error (self->db, error);
    }

  for (guint i = 0; ok && i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      sqlite3_stmt *stmt = upsert[entry->kind];

      if (i % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        ok = FALSE;
      else if (writes (entry))
        {
          sqlite3_bind_int64 (stmt, 1, entry->rowid);
          if (sqlite3_step (stmt) != SQLITE_DONE)
            ok = db_error (self->db, error);
          sqlite3_reset (stmt);
        }
    }

  for (guint i = 0; i < n; i++)
    sqlite3_finalize (upsert[i]);

  /* Every record in the file has now come in as it is there, whichever
   * side won: the next import compares with that. */
  for (guint i = 0; ok && i < n; i++)
    {
      g_autofree char *stage = stage_name (self, tillit_exchange_kinds_get (i));
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO exchange_sync (uuid, base_modified) "
                         "SELECT uuid, modified FROM %s WHERE true ON CONFLICT (uuid) "
                         "DO UPDATE SET base_modified = excluded.base_modified", stage);

      ok = exec (self->db, sql, error);
    }
  return ok;
}

/**
 * tillit_exchange_plan_apply:
 * @self: a plan
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Writes the new and updated records, and the conflicts resolved as
 * theirs, in one transaction: all or nothing. Cancelled, it leaves the
 * database as it was. A plan is applied at most once.
 *
 * Returns: %TRUE when the programme was updated
 */
gboolean
tillit_exchange_plan_apply (TillitExchangePlan  *self,
                            GCancellable        *cancellable,
                            GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int synchronous = 2;
  g_autofree char *restore = NULL;
  gboolean ok;

  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sqlite3_prepare_v2 (self->db, "PRAGMA synchronous", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    synchronous = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  restore = g_strdup_printf ("PRAGMA synchronous = %d", synchronous);

  /* An import is worth the extra fsync: it replaces work of days. */
  if (!exec (self->db, "PRAGMA synchronous = FULL", error) ||
      !exec (self->db, "BEGIN IMMEDIATE", error))
    return FALSE;

  ok = apply_in_transaction (self, cancellable, error);
  if (ok)
    ok = exec (self->db, "COMMIT", error);
  if (!ok)
    exec (self->db, "ROLLBACK", NULL);
  exec (self->db, restore, NULL);

  self->applied = ok;
  return ok;
}

/* Accessors -------------------------------------------------------------- */

static const Entry *
get_entry (TillitExchangePlan *self,
           guint               index)
{
  return &g_array_index (self->entries, Entry, index);
}

const char *
tillit_exchange_plan_get_source_name (TillitExchangePlan *self)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  return self->source_name;
}

const char *
tillit_exchange_plan_get_source_kommunkod (TillitExchangePlan *self)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  return self->source_kommunkod;
}

gboolean
tillit_exchange_plan_has_personal_data (TillitExchangePlan *self)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), FALSE);
  return self->personal;
}

guint
tillit_exchange_plan_get_n_entries (TillitExchangePlan *self)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), 0);
  return self->entries->len;
}

guint
tillit_exchange_plan_count (TillitExchangePlan   *self,
                            TillitExchangeAction  action)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), 0);
  g_return_val_if_fail (action <= TILLIT_EXCHANGE_ACTION_CONFLICT, 0);
  return self->counts[action];
}

TillitExchangeAction
tillit_exchange_plan_get_action (TillitExchangePlan *self,
                                 guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), 0);
  g_return_val_if_fail (index < self->entries->len, 0);
  return get_entry (self, index)->action;
}

/* The kind's element name in the file: "pilot", "agenda-item"... */
const char *
tillit_exchange_plan_get_kind (TillitExchangePlan *self,
                               guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return tillit_exchange_kinds_get (get_entry (self, index)->kind)->xml_name;
}

const char *
tillit_exchange_plan_get_uuid (TillitExchangePlan *self,
                               guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return get_entry (self, index)->uuid;
}

/* The record's name or title as the file has it, for showing the plan. */
const char *
tillit_exchange_plan_get_label (TillitExchangePlan *self,
                                guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return get_entry (self, index)->label;
}

guint
tillit_exchange_plan_get_line (TillitExchangePlan *self,
                               guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), 0);
  g_return_val_if_fail (index < self->entries->len, 0);
  return get_entry (self, index)->line;
}

TillitExchangeResolution
tillit_exchange_plan_get_resolution (TillitExchangePlan *self,
                                     guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), 0);
  g_return_val_if_fail (index < self->entries->len, 0);
  return get_entry (self, index)->resolution;
}

/* Only conflicts have a choice; ours is kept unless told otherwise. */
void
tillit_exchange_plan_set_resolution (TillitExchangePlan       *self,
                                     guint                     index,
                                     TillitExchangeResolution  resolution)
{
  g_return_if_fail (TILLIT_IS_EXCHANGE_PLAN (self));
  g_return_if_fail (index < self->entries->len);
  g_return_if_fail (get_entry (self, index)->action == TILLIT_EXCHANGE_ACTION_CONFLICT);

  g_array_index (self->entries, Entry, index).resolution = resolution;
}

void
tillit_exchange_plan_resolve_all (TillitExchangePlan       *self,
                                  TillitExchangeResolution  resolution)
{
  g_return_if_fail (TILLIT_IS_EXCHANGE_PLAN (self));

  for (guint i = 0; i < self->entries->len; i++)
    if (get_entry (self, i)->action == TILLIT_EXCHANGE_ACTION_CONFLICT)
      g_array_index (self->entries, Entry, i).resolution = resolution;
}
