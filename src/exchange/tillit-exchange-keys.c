/* tillit-exchange-keys.c: unique UUIDs and resolved references, checked on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The published schema says with xs:key and xs:keyref that a UUID names
 * one record in the file and that every ref="UUID" names a record of the
 * right kind in it. libxml2 checks those by holding every key in memory,
 * so the streaming validator leaves them out (see
 * tillit-exchange-schema.c) and this checks the same. A file of up to
 * MEMORY_KEYS records is checked in memory; past that every key moves to
 * two temporary tables: one row per record, and one per reference that
 * did not resolve when it was read (a reference forward in the file, or
 * a dangling one). The references to the records read last then resolve
 * from a small cache.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-record-kind.h"
#include "tillit-exchange-error.h"
#include "tillit-exchange-fields.h"
#include "tillit-exchange-keys.h"

/* How many records are checked in memory, and how many UUIDs the cache
 * holds on disk before it starts again. */
#define MEMORY_KEYS 8192
#define CACHE_SIZE 4096

/* A reference that may name a record of any kind (evidence's link). */
#define ANY_KIND (-1)

typedef struct
{
  char *uuid;
  int kind;
  guint line;
  guint column;
} Reference;

struct _TillitExchangeKeys
{
  sqlite3 *db;
  gboolean own_db;
  gboolean on_disk;
  TillitExchangeReader *reader;
  guint id;
  char *table;
  int municipality;
  sqlite3_stmt *insert_key;
  sqlite3_stmt *find_key;
  sqlite3_stmt *insert_ref;
  /* UUID -> 1 + kind index: every record read while in memory, those
   * read or found lately once on disk. */
  GHashTable *known;
  /* The references not resolved when read, while in memory. */
  GArray *pending;
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
static gboolean G_GNUC_PRINTF (4, 5)
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

static void
reference_clear (gpointer data)
{
  g_free (((Reference *) data)->uuid);
}

/**
 * tillit_exchange_keys_new:
 * @db: (nullable): a connection whose temporary database is to hold the
 *   tables, which a caller then joins (see
 *   tillit_exchange_keys_get_table()); %NULL for a private database on
 *   disk, opened only for a file too large to check in memory
 * @reader: the reader of the file, for the places of errors
 *
 * Returns: (transfer full): the checker
 */
TillitExchangeKeys *
tillit_exchange_keys_new (sqlite3              *db,
                          TillitExchangeReader *reader)
{
  static guint last_id;
  TillitExchangeKeys *self = g_new0 (TillitExchangeKeys, 1);

  self->db = db;
  self->reader = reader;
  self->id = g_atomic_int_add (&last_id, 1);
  self->table = g_strdup_printf ("temp.\"exchange_keys_%u\"", self->id);
  self->municipality = tillit_exchange_kind_index ("municipality");
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_array_new (FALSE, FALSE, sizeof (Reference));
  g_array_set_clear_func (self->pending, reference_clear);
  return self;
}

void
tillit_exchange_keys_free (TillitExchangeKeys *self)
{
  if (self == NULL)
    return;

  if (self->on_disk)
    {
      sqlite3_finalize (self->insert_key);
      sqlite3_finalize (self->find_key);
      sqlite3_finalize (self->insert_ref);
      if (self->own_db)
        sqlite3_close (self->db);
      else
        sql (self, NULL, NULL, "DROP TABLE IF EXISTS temp.\"exchange_keys_%1$u\"; "
                               "DROP TABLE IF EXISTS temp.\"exchange_refs_%1$u\"", self->id);
    }
  g_hash_table_unref (self->known);
  g_array_unref (self->pending);
  g_free (self->table);
  g_free (self);
}

static int
insert_key (TillitExchangeKeys *self,
            const char         *uuid,
            int                 kind)
{
  int rc;

  sqlite3_bind_text (self->insert_key, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (self->insert_key, 2, kind);
  rc = sqlite3_step (self->insert_key);
  sqlite3_reset (self->insert_key);
  return rc;
}

static gboolean
insert_reference (TillitExchangeKeys  *self,
                  const Reference     *ref,
                  GError             **error)
{
  int rc;

  sqlite3_bind_text (self->insert_ref, 1, ref->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (self->insert_ref, 2, ref->kind);
  sqlite3_bind_int (self->insert_ref, 3, (int) ref->line);
  sqlite3_bind_int (self->insert_ref, 4, (int) ref->column);
  rc = sqlite3_step (self->insert_ref);
  sqlite3_reset (self->insert_ref);
  if (rc != SQLITE_DONE)
    return db_error (self, error);
  return TRUE;
}

/* Moves what is held in memory to the tables, for good. */
static gboolean
move_to_disk (TillitExchangeKeys  *self,
              GError             **error)
{
  GHashTableIter iter;
  gpointer uuid, kind;

  if (self->db == NULL)
    {
      self->own_db = TRUE;
      /* "" is a private database on disk, gone when closed. */
      if (sqlite3_open_v2 ("", &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                           NULL) != SQLITE_OK)
        {
          db_error (self, error);
          sqlite3_close (self->db);
          self->db = NULL;
          self->own_db = FALSE;
          return FALSE;
        }
    }
  self->on_disk = TRUE;

  /* One transaction in a private database, not one per record. */
  if ((self->own_db && !sql (self, NULL, error, "BEGIN")) ||
      !sql (self, NULL, error, "CREATE TEMP TABLE \"exchange_keys_%1$u\" (uuid TEXT PRIMARY "
                               "KEY, kind INTEGER) WITHOUT ROWID; CREATE TEMP TABLE "
                               "\"exchange_refs_%1$u\" (uuid TEXT, kind INTEGER, line INTEGER, "
                               "col INTEGER)", self->id) ||
      !sql (self, &self->insert_key, error,
            "INSERT INTO temp.\"exchange_keys_%u\" VALUES (?, ?)", self->id) ||
      !sql (self, &self->find_key, error,
            "SELECT kind FROM temp.\"exchange_keys_%u\" WHERE uuid = ?", self->id) ||
      !sql (self, &self->insert_ref, error,
            "INSERT INTO temp.\"exchange_refs_%u\" VALUES (?, ?, ?, ?)", self->id))
    return FALSE;

  g_hash_table_iter_init (&iter, self->known);
  while (g_hash_table_iter_next (&iter, &uuid, &kind))
    if (insert_key (self, uuid, GPOINTER_TO_INT (kind) - 1) != SQLITE_DONE)
      return db_error (self, error);
  for (guint i = 0; i < self->pending->len; i++)
    if (!insert_reference (self, &g_array_index (self->pending, Reference, i), error))
      return FALSE;
  g_array_set_size (self->pending, 0);
  return TRUE;
}

/**
 * tillit_exchange_keys_get_table:
 *
 * The table of the file's records, once tillit_exchange_keys_check()
 * passed on a checker given a connection: their UUID, and the index of
 * their kind among tillit_record_kinds().
 */
const char *
tillit_exchange_keys_get_table (TillitExchangeKeys *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->on_disk, NULL);
  return self->table;
}

static void
remember (TillitExchangeKeys *self,
          const char         *uuid,
          int                 kind)
{
  if (self->on_disk && g_hash_table_size (self->known) >= CACHE_SIZE)
    g_hash_table_remove_all (self->known);
  g_hash_table_insert (self->known, g_strdup (uuid), GINT_TO_POINTER (kind + 1));
}

static gboolean
add_key (TillitExchangeKeys  *self,
         xmlNodePtr           node,
         const char          *uuid,
         int                  kind,
         GError             **error)
{
  int rc;

  if (!self->on_disk && g_hash_table_contains (self->known, uuid))
    rc = SQLITE_CONSTRAINT;
  else if (!self->on_disk && g_hash_table_size (self->known) < MEMORY_KEYS)
    rc = SQLITE_DONE;
  else if (!self->on_disk && !move_to_disk (self, error))
    return FALSE;
  else
    rc = insert_key (self, uuid, kind);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      tillit_exchange_reader_set_error (self->reader, error, TILLIT_EXCHANGE_ERROR_INVALID, node,
                                        _("Two records have the same UUID %s"), uuid);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return db_error (self, error);
  remember (self, uuid, kind);
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
  gpointer known;
  Reference ref = { NULL, kind, 0, 0 };
  int found = -1;

  if (uuid == NULL)
    return TRUE;

  if (g_hash_table_lookup_extended (self->known, uuid, NULL, &known) &&
      resolves (GPOINTER_TO_INT (known) - 1, kind))
    return TRUE;

  if (self->on_disk)
    {
      sqlite3_bind_text (self->find_key, 1, uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (self->find_key) == SQLITE_ROW)
        found = sqlite3_column_int (self->find_key, 0);
      sqlite3_reset (self->find_key);
      if (resolves (found, kind))
        {
          remember (self, uuid, found);
          return TRUE;
        }
    }

  tillit_exchange_reader_get_position (self->reader, node, &ref.line, &ref.column);
  if (self->on_disk)
    {
      ref.uuid = (char *) uuid;
      return insert_reference (self, &ref, error);
    }
  ref.uuid = g_strdup (uuid);
  g_array_append_val (self->pending, ref);
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

static void
dangling (TillitExchangeKeys  *self,
          GError             **error,
          const char          *uuid,
          guint                line,
          guint                column)
{
  tillit_exchange_reader_set_error_at (self->reader, error, TILLIT_EXCHANGE_ERROR_INVALID,
                                       line, column,
                                       _("A reference names the record %s, which is not in "
                                         "the file; a reference to a record elsewhere must "
                                         "be marked external"), uuid);
}

/**
 * tillit_exchange_keys_check:
 *
 * Once the whole file is read: refuses it when a reference names a
 * record that is not in it, or not of the kind the reference needs, at
 * the first such reference. A checker given a connection then holds
 * every key in its table.
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

  if (!self->on_disk)
    {
      for (guint i = 0; i < self->pending->len; i++)
        {
          const Reference *ref = &g_array_index (self->pending, Reference, i);
          gpointer known;

          if (!g_hash_table_lookup_extended (self->known, ref->uuid, NULL, &known) ||
              !resolves (GPOINTER_TO_INT (known) - 1, ref->kind))
            {
              dangling (self, error, ref->uuid, ref->line, ref->column);
              return FALSE;
            }
        }
      /* A caller's connection is given for the table. */
      return self->db == NULL || move_to_disk (self, error);
    }

  if (!sql (self, &stmt, error,
            "SELECT r.uuid, r.line, r.col FROM temp.\"exchange_refs_%1$u\" r WHERE NOT EXISTS "
            "(SELECT 1 FROM temp.\"exchange_keys_%1$u\" k WHERE k.uuid = r.uuid AND "
            "(r.kind = %2$d OR k.kind = r.kind)) ORDER BY r.rowid LIMIT 1",
            self->id, ANY_KIND))
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    dangling (self, error, (const char *) sqlite3_column_text (stmt, 0),
              (guint) sqlite3_column_int (stmt, 1), (guint) sqlite3_column_int (stmt, 2));
  else if (rc != SQLITE_DONE)
    db_error (self, error);
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}
