/* tillit-exchange-keys.c: unique UUIDs and resolved references, checked on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The published schema says with xs:key and xs:keyref that a UUID names
 * one record in the file and that every ref="UUID" names a record of the
 * right kind in it. libxml2 checks those by holding every key in memory,
 * so the streaming validator leaves them out (see
 * tillit-exchange-schema.c) and this checks the same in two temporary
 * tables: one row per record, and one per reference that did not resolve
 * when it was read (a reference forward in the file, or a dangling one).
 * The references to the records read last resolve from a small cache.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-record-kind.h"
#include "tillit-exchange-error.h"
#include "tillit-exchange-fields.h"
#include "tillit-exchange-keys.h"

/* How many UUIDs the cache holds before it starts again. */
#define CACHE_SIZE 4096

/* A reference that may name a record of any kind (evidence's link). */
#define ANY_KIND (-1)

struct _TillitExchangeKeys
{
  sqlite3 *db;
  TillitExchangeReader *reader;
  guint id;
  char *table;
  int municipality;
  sqlite3_stmt *insert_key;
  sqlite3_stmt *find_key;
  sqlite3_stmt *insert_ref;
  /* UUID -> 1 + kind index of records read or found lately. */
  GHashTable *cache;
};

static gboolean
db_error (TillitExchangeKeys  *self,
          GError             **error)
{
  g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
               _("The database failed: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

/* Prepares the SQL that @format makes into *@stmt, or runs it when
 * @stmt is %NULL. */
static gboolean
sql (TillitExchangeKeys  *self,
     sqlite3_stmt       **stmt,
     GError             **error,
     const char          *format,
     ...)
{
  g_autofree char *text = NULL;
  va_list args;
  int rc;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  if (stmt != NULL)
    rc = sqlite3_prepare_v2 (self->db, text, -1, stmt, NULL);
  else
    rc = sqlite3_exec (self->db, text, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return db_error (self, error);
  return TRUE;
}

/**
 * tillit_exchange_keys_new:
 * @db: a connection whose temporary database holds the tables
 * @reader: the reader of the file, for the places of errors
 *
 * Returns: (transfer full): the checker, or %NULL with @error set
 */
TillitExchangeKeys *
tillit_exchange_keys_new (sqlite3               *db,
                          TillitExchangeReader  *reader,
                          GError               **error)
{
  static guint last_id;
  g_autoptr(TillitExchangeKeys) self = g_new0 (TillitExchangeKeys, 1);

  self->db = db;
  self->reader = reader;
  self->id = g_atomic_int_add (&last_id, 1);
  self->table = g_strdup_printf ("temp.\"exchange_keys_%u\"", self->id);
  self->municipality = tillit_exchange_kind_index ("municipality");
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!sql (self, NULL, error, "CREATE TEMP TABLE \"exchange_keys_%1$u\" (uuid TEXT PRIMARY KEY, "
                          "kind INTEGER) WITHOUT ROWID; CREATE TEMP TABLE "
                          "\"exchange_refs_%1$u\" (uuid TEXT, kind INTEGER, line INTEGER, "
                          "col INTEGER)", self->id) ||
      !sql (self, &self->insert_key, error,
                "INSERT INTO temp.\"exchange_keys_%u\" VALUES (?, ?)", self->id) ||
      !sql (self, &self->find_key, error,
                "SELECT kind FROM temp.\"exchange_keys_%u\" WHERE uuid = ?", self->id) ||
      !sql (self, &self->insert_ref, error,
                "INSERT INTO temp.\"exchange_refs_%u\" VALUES (?, ?, ?, ?)", self->id))
    return NULL;

  return g_steal_pointer (&self);
}

void
tillit_exchange_keys_free (TillitExchangeKeys *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->insert_key);
  sqlite3_finalize (self->find_key);
  sqlite3_finalize (self->insert_ref);
  sql (self, NULL, NULL, "DROP TABLE IF EXISTS temp.\"exchange_keys_%1$u\"; "
                    "DROP TABLE IF EXISTS temp.\"exchange_refs_%1$u\"", self->id);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_free (self->table);
  g_free (self);
}

/* The table of the file's records: their UUID, and the index of their
 * kind among tillit_record_kinds(). */
const char *
tillit_exchange_keys_get_table (TillitExchangeKeys *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->table;
}

static void
cache (TillitExchangeKeys *self,
       const char         *uuid,
       int                 kind)
{
  if (g_hash_table_size (self->cache) >= CACHE_SIZE)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_strdup (uuid), GINT_TO_POINTER (kind + 1));
}

static gboolean
add_key (TillitExchangeKeys  *self,
         xmlNodePtr           node,
         const char          *uuid,
         int                  kind,
         GError             **error)
{
  int rc;

  sqlite3_bind_text (self->insert_key, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (self->insert_key, 2, kind);
  rc = sqlite3_step (self->insert_key);
  sqlite3_reset (self->insert_key);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      tillit_exchange_reader_set_error (self->reader, error, TILLIT_EXCHANGE_ERROR_INVALID, node,
                                        _("Two records have the same UUID %s"), uuid);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return db_error (self, error);
  cache (self, uuid, kind);
  return TRUE;
}

static gboolean
resolves (int found,
          int kind)
{
  return found >= 0 && (kind == ANY_KIND || found == kind);
}

/* A reference to @uuid, a record of @kind, from @node's attribute. One
 * that does not name a record read so far is kept for the end. */
static gboolean
add_reference (TillitExchangeKeys  *self,
               xmlNodePtr           node,
               const char          *uuid,
               int                  kind,
               GError             **error)
{
  gpointer cached;
  guint line, column;
  int found = -1;
  int rc;

  if (uuid == NULL)
    return TRUE;

  if (g_hash_table_lookup_extended (self->cache, uuid, NULL, &cached) &&
      resolves (GPOINTER_TO_INT (cached) - 1, kind))
    return TRUE;

  sqlite3_bind_text (self->find_key, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (self->find_key) == SQLITE_ROW)
    found = sqlite3_column_int (self->find_key, 0);
  sqlite3_reset (self->find_key);
  if (resolves (found, kind))
    {
      cache (self, uuid, found);
      return TRUE;
    }

  tillit_exchange_reader_get_position (self->reader, node, &line, &column);
  sqlite3_bind_text (self->insert_ref, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (self->insert_ref, 2, kind);
  sqlite3_bind_int (self->insert_ref, 3, (int) line);
  sqlite3_bind_int (self->insert_ref, 4, (int) column);
  rc = sqlite3_step (self->insert_ref);
  sqlite3_reset (self->insert_ref);
  if (rc != SQLITE_DONE)
    return db_error (self, error);
  return TRUE;
}

/* The attribute's value, valid as long as @node. */
static const char *
attribute (xmlNodePtr  node,
           const char *name)
{
  xmlAttrPtr attr = xmlHasNsProp (node, BAD_CAST name, NULL);

  if (attr == NULL || attr->children == NULL || attr->children->type != XML_TEXT_NODE)
    return NULL;
  return (const char *) attr->children->content;
}

static int
target_kind (const TillitField *field)
{
  if (field->target == NULL)
    return ANY_KIND;
  return tillit_exchange_kind_index (tillit_record_kind_lookup (field->target)->xml_name);
}

/**
 * tillit_exchange_keys_add:
 * @node: a child of the root element, read whole: `source` or a record
 *
 * Notes the record's UUID, refusing a UUID met before, and the records
 * its origin and references name.
 *
 * Returns: %FALSE with @error set when the file is refused
 */
gboolean
tillit_exchange_keys_add (TillitExchangeKeys  *self,
                          xmlNodePtr           node,
                          GError             **error)
{
  const TillitRecordKind *kind;
  int kind_index;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (xmlStrEqual (node->name, BAD_CAST "source"))
    return add_reference (self, node, attribute (node, "municipality"), self->municipality, error);

  /* The schema admits nothing else at this depth. */
  kind_index = tillit_exchange_kind_index ((const char *) node->name);
  g_assert (kind_index >= 0);
  kind = tillit_record_kinds (NULL)[kind_index];

  if (!add_key (self, node, attribute (node, "uuid"), kind_index, error) ||
      !add_reference (self, node, attribute (node, "origin"), self->municipality, error))
    return FALSE;

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      const TillitField *field;
      int index;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      index = tillit_exchange_field_index (kind, (const char *) child->name);
      g_assert (index >= 0);
      field = tillit_record_kind_field (kind, index);

      if (field->type == TILLIT_FIELD_REFERENCE &&
          !add_reference (self, child, attribute (child, "ref"), target_kind (field), error))
        return FALSE;

      if (field->type == TILLIT_FIELD_REFERENCE_SET)
        for (xmlNodePtr member = child->children; member != NULL; member = member->next)
          if (member->type == XML_ELEMENT_NODE &&
              !add_reference (self, member, attribute (member, "ref"), target_kind (field), error))
            return FALSE;
    }
  return TRUE;
}

/**
 * tillit_exchange_keys_check:
 *
 * Once the whole file is read: refuses it when a reference names a
 * record that is not in it, or not of the kind the reference needs, at
 * the first such reference.
 *
 * Returns: %FALSE with @error set when the file is refused
 */
gboolean
tillit_exchange_keys_check (TillitExchangeKeys  *self,
                            GError             **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!sql (self, &stmt, error,
                "SELECT r.uuid, r.line, r.col FROM temp.\"exchange_refs_%1$u\" r WHERE NOT EXISTS "
                "(SELECT 1 FROM temp.\"exchange_keys_%1$u\" k WHERE k.uuid = r.uuid AND "
                "(r.kind = %2$d OR k.kind = r.kind)) ORDER BY r.rowid LIMIT 1",
                self->id, ANY_KIND))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    tillit_exchange_reader_set_error_at (self->reader, error, TILLIT_EXCHANGE_ERROR_INVALID,
                                         (guint) sqlite3_column_int (stmt, 1),
                                         (guint) sqlite3_column_int (stmt, 2),
                                         _("A reference names the record %s, which is not in "
                                           "the file; a reference to a record elsewhere must "
                                           "be marked external"),
                                         (const char *) sqlite3_column_text (stmt, 0));
  else if (rc != SQLITE_DONE)
    db_error (self, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}
