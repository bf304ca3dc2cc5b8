/* tillit-exchange-plan.c: what an import would do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is streamed into temporary staging tables on the database's own
 * connection (so memory stays flat), compared there with what we hold and
 * with the model's sync state, and written in one transaction when
 * applied. All SQL is generated from the model's field tables.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-database-private.h"
#include "tillit-exchange.h"
#include "tillit-exchange-fields.h"
#include "tillit-exchange-keys.h"
#include "tillit-exchange-reader.h"
#include "tillit-exchange-schema.h"

/* A record's entry in the plan, read back from its stage when asked
 * for: only the last one asked for is held. */
typedef struct
{
  guint kind;
  sqlite3_int64 rowid;
  char *uuid;
  char *label;
  guint line;
  TillitExchangeAction action;
  TillitExchangeResolution resolution;
  /* Only for updates and conflicts: what differs, and when each side
   * last changed it. */
  char **changed;
  char *ours_modified;
  char *theirs_modified;
} Entry;

struct _TillitExchangePlan
{
  GObject parent_instance;

  TillitDatabase *database;
  sqlite3 *db;
  guint id;
  char *source_name;
  char *source_kommunkod;
  char *source_municipality;
  gboolean personal;
  /* Per kind: how many of its records the file holds. The plan's entries
   * are the stages' rows, kind by kind, each stage's rowids from 1. */
  guint *n_staged;
  guint n_entries;
  guint counts[TILLIT_EXCHANGE_ACTION_CONFLICT + 1];
  /* Per kind, prepared when first needed: one entry by its rowid. */
  sqlite3_stmt **select_entry;
  guint current_index;
  Entry current;
  gboolean applied;
};

G_DEFINE_FINAL_TYPE (TillitExchangePlan, tillit_exchange_plan, G_TYPE_OBJECT)

static const TillitRecordKind *
kind_at (guint index)
{
  return tillit_record_kinds (NULL)[index];
}

static guint
n_kinds (void)
{
  guint n;

  tillit_record_kinds (&n);
  return n;
}

static char *
stage_name (TillitExchangePlan     *self,
            const TillitRecordKind *kind)
{
  return g_strdup_printf ("temp.\"exchange_stage_%u_%s\"", self->id, kind->table);
}

static void
drop_stages (TillitExchangePlan *self)
{
  for (guint i = 0; i < n_kinds (); i++)
    {
      g_autofree char *stage = stage_name (self, kind_at (i));
      g_autofree char *sql = g_strdup_printf ("DROP TABLE IF EXISTS %s", stage);

      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
}

static void
clear_entry (Entry *entry)
{
  g_clear_pointer (&entry->uuid, g_free);
  g_clear_pointer (&entry->label, g_free);
  g_clear_pointer (&entry->changed, g_strfreev);
  g_clear_pointer (&entry->ours_modified, g_free);
  g_clear_pointer (&entry->theirs_modified, g_free);
}

static void
tillit_exchange_plan_finalize (GObject *object)
{
  TillitExchangePlan *self = TILLIT_EXCHANGE_PLAN (object);

  for (guint i = 0; i < n_kinds (); i++)
    sqlite3_finalize (self->select_entry[i]);
  if (self->db != NULL)
    drop_stages (self);
  g_clear_object (&self->database);
  clear_entry (&self->current);
  g_free (self->select_entry);
  g_free (self->n_staged);
  g_free (self->source_name);
  g_free (self->source_kommunkod);
  g_free (self->source_municipality);

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
  self->n_staged = g_new0 (guint, n_kinds ());
  self->select_entry = g_new0 (sqlite3_stmt *, n_kinds ());
  self->current_index = G_MAXUINT;
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
  TillitExchangeKeys *keys;
  /* Per kind: the insert into its stage, and for each field the number
   * of its parameter there (0 for a field that does not travel). */
  sqlite3_stmt **insert;
  int **params;
} Reading;

static void
reading_clear (Reading *reading)
{
  for (guint i = 0; i < n_kinds (); i++)
    {
      if (reading->insert != NULL)
        sqlite3_finalize (reading->insert[i]);
      if (reading->params != NULL)
        g_free (reading->params[i]);
    }
  g_clear_pointer (&reading->insert, g_free);
  g_clear_pointer (&reading->params, g_free);
  g_clear_pointer (&reading->keys, tillit_exchange_keys_free);
}

static gboolean
create_stages (TillitExchangePlan *self,
               Reading            *reading,
               GError            **error)
{
  reading->insert = g_new0 (sqlite3_stmt *, n_kinds ());
  reading->params = g_new0 (int *, n_kinds ());

  for (guint i = 0; i < n_kinds (); i++)
    {
      const TillitRecordKind *kind = kind_at (i);
      guint n_fields = tillit_record_kind_n_all_fields (kind);
      g_autofree char *stage = stage_name (self, kind);
      g_autofree char *columns = tillit_exchange_kind_columns (kind, "");
      g_autofree char *create = NULL;
      g_autoptr(GString) insert = g_string_new (NULL);
      int param = 0;

      reading->params[i] = g_new0 (int, n_fields);
      for (guint j = 0; j < n_fields; j++)
        if (tillit_exchange_field_is_exchanged (kind, tillit_record_kind_field (kind, j)))
          reading->params[i][j] = ++param;

      /* Beside the record: where it is in the file, and what the plan
       * makes of it. */
      create = g_strdup_printf ("CREATE TEMP TABLE %s AS SELECT %s, 0 AS line, 0 AS col, "
                                "0 AS action, 0 AS resolution, '' AS changed, "
                                "'' AS ours_modified FROM main.\"%s\" WHERE 0",
                                stage, columns, kind->table);
      if (!exec (self->db, create, error))
        return FALSE;

      g_string_printf (insert, "INSERT INTO %s (%s, line, col, action, resolution) VALUES (",
                       stage, columns);
      for (int p = 1; p <= param + 2; p++)
        g_string_append_printf (insert, "?%d, ", p);
      g_string_append_printf (insert, "%d, %d)", TILLIT_EXCHANGE_ACTION_NEW,
                              TILLIT_EXCHANGE_KEEP_OURS);
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
get_content (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content ? (const char *) content : "");

  xmlFree (content);
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

static int
compare_tokens (gconstpointer a,
                gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* A set in the model's one spelling: sorted, without duplicates, joined
 * by spaces, so that equal sets are equal strings. */
static char *
join_set (GPtrArray *tokens)
{
  GString *joined = g_string_new (NULL);

  g_ptr_array_sort (tokens, compare_tokens);
  for (guint i = 0; i < tokens->len; i++)
    {
      const char *token = g_ptr_array_index (tokens, i);

      if (*token == '\0' || (i > 0 && g_str_equal (token, g_ptr_array_index (tokens, i - 1))))
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, token);
    }
  return g_string_free (joined, FALSE);
}

static gboolean
bind_field (Reading            *reading,
            sqlite3_stmt       *stmt,
            int                 param,
            const TillitField  *field,
            xmlNodePtr          node,
            GError            **error)
{
  switch (field->type)
    {
    case TILLIT_FIELD_REFERENCE:
      {
        char *uuid = read_reference (reading, node, error);

        if (uuid == NULL)
          return FALSE;
        sqlite3_bind_text (stmt, param, uuid, -1, g_free);
      }
      break;

    case TILLIT_FIELD_REFERENCE_SET:
      {
        g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);

        for (xmlNodePtr child = node->children; child != NULL; child = child->next)
          {
            char *uuid;

            if (child->type != XML_ELEMENT_NODE)
              continue;
            uuid = read_reference (reading, child, error);
            if (uuid == NULL)
              return FALSE;
            g_ptr_array_add (uuids, uuid);
          }
        sqlite3_bind_text (stmt, param, join_set (uuids), -1, g_free);
      }
      break;

    case TILLIT_FIELD_ENUM_SET:
      {
        g_autofree char *content = get_content (node);
        g_auto(GStrv) nicks = g_strsplit_set (g_strstrip (content), " \t\r\n", -1);
        g_autoptr(GPtrArray) tokens = g_ptr_array_new ();

        for (guint i = 0; nicks[i] != NULL; i++)
          g_ptr_array_add (tokens, nicks[i]);
        sqlite3_bind_text (stmt, param, join_set (tokens), -1, g_free);
      }
      break;

    case TILLIT_FIELD_BOOL:
      {
        g_autofree char *content = get_content (node);

        g_strstrip (content);
        sqlite3_bind_int (stmt, param, g_str_equal (content, "true") || g_str_equal (content, "1"));
      }
      break;

    case TILLIT_FIELD_INT:
      {
        g_autofree char *content = get_content (node);

        sqlite3_bind_int64 (stmt, param, g_ascii_strtoll (content, NULL, 10));
      }
      break;

    case TILLIT_FIELD_ENUM:
    case TILLIT_FIELD_DATE:
    case TILLIT_FIELD_TIME:
    case TILLIT_FIELD_DATETIME:
      sqlite3_bind_text (stmt, param, g_strstrip (get_content (node)), -1, g_free);
      break;

    case TILLIT_FIELD_STRING:
    case TILLIT_FIELD_TEXT:
    default:
      {
        char *content = get_content (node);

        /* As in the store, an empty optional text is no text. */
        if (*content == '\0' && (field->flags & TILLIT_FIELD_REQUIRED) == 0)
          {
            g_free (content);
            sqlite3_bind_null (stmt, param);
          }
        else
          sqlite3_bind_text (stmt, param, content, -1, g_free);
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
  const TillitRecordKind *kind = kind_at (kind_index);
  const int *params = reading->params[kind_index];
  guint n_fields = tillit_record_kind_n_all_fields (kind);
  sqlite3_stmt *stmt = reading->insert[kind_index];
  gboolean ok = TRUE;
  guint line, column;

  if (kind->personal && !reading->plan->personal)
    {
      tillit_exchange_reader_set_error (reading->reader, error, TILLIT_EXCHANGE_ERROR_INVALID,
                                        node, _("The file says it holds no personal data, "
                                                "yet it has a record of personal data here"));
      return FALSE;
    }

  for (guint i = 0; i < TILLIT_RECORD_N_BASE_FIELDS; i++)
    sqlite3_bind_text (stmt, params[i],
                       get_attribute (node, tillit_record_kind_field (kind, i)->xml_name),
                       -1, g_free);

  /* A set left out of the file is empty, as the model spells it. */
  for (guint i = TILLIT_RECORD_N_BASE_FIELDS; i < n_fields; i++)
    if (params[i] > 0 && tillit_exchange_field_is_set (tillit_record_kind_field (kind, i)))
      sqlite3_bind_text (stmt, params[i], "", -1, SQLITE_STATIC);

  for (xmlNodePtr child = node->children; ok && child != NULL; child = child->next)
    {
      const TillitField *field;
      int index;

      if (child->type != XML_ELEMENT_NODE)
        continue;
      index = tillit_exchange_field_index (kind, (const char *) child->name);
      g_assert (index >= 0 && params[index] > 0);
      field = tillit_record_kind_field (kind, index);
      if ((field->flags & TILLIT_FIELD_PERSONAL) && !reading->plan->personal)
        {
          tillit_exchange_reader_set_error (reading->reader, error, TILLIT_EXCHANGE_ERROR_INVALID,
                                            child, _("The file says it holds no personal data, "
                                                     "yet it names a person here"));
          ok = FALSE;
        }
      else
        ok = bind_field (reading, stmt, params[index], field, child, error);
    }
  tillit_exchange_reader_get_position (reading->reader, node, &line, &column);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_count (stmt) - 1, (int) line);
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_count (stmt), (int) column);

  if (ok && sqlite3_step (stmt) != SQLITE_DONE)
    ok = db_error (reading->plan->db, error);
  if (ok)
    reading->plan->n_staged[kind_index]++;
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
  guint records = 0;

  while (TRUE)
    {
      xmlNodePtr node;

      if (!tillit_exchange_reader_next_record (reading->reader, &node, error))
        return FALSE;
      if (node == NULL)
        return tillit_exchange_keys_check (reading->keys, error);
      if (!tillit_exchange_keys_add (reading->keys, node, error))
        return FALSE;

      if (xmlStrEqual (node->name, BAD_CAST "source"))
        {
          g_autofree char *personal = get_attribute (node, "personal-data");

          self->personal = g_strcmp0 (personal, "true") == 0 || g_strcmp0 (personal, "1") == 0;
          self->source_name = get_attribute (node, "name");
          self->source_kommunkod = get_attribute (node, "kommunkod");
          self->source_municipality = get_attribute (node, "municipality");
          continue;
        }

      if (!stage_record (reading, tillit_exchange_kind_index ((const char *) node->name),
                         node, error))
        return FALSE;
      if (progress != NULL && ++records % 1024 == 0)
        progress (0.9 * tillit_exchange_reader_get_fraction (reading->reader), progress_data);
    }
}

/* Planning --------------------------------------------------------------- */

/* The line, column and next two values of the first row @sql finds, if
 * any. */
static gboolean
first_row (TillitExchangePlan  *self,
           const char          *sql,
           gboolean            *found,
           guint               *line,
           guint               *column,
           char               **first,
           char               **second,
           GError             **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self->db, error);
  *found = sqlite3_step (stmt) == SQLITE_ROW;
  if (*found)
    {
      *line = sqlite3_column_int (stmt, 0);
      *column = sqlite3_column_int (stmt, 1);
      *first = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      *second = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* A UUID is one record: the same UUID as another kind here is not a merge
 * but a clash. Each kind here is looked up in the file's keys, so the
 * work grows with the programme, not with the kinds squared. */
static gboolean
check_kinds (TillitExchangePlan  *self,
             Reading             *reading,
             GError             **error)
{
  for (guint i = 0; i < n_kinds (); i++)
    {
      const TillitRecordKind *ours = kind_at (i);
      const TillitRecordKind *theirs;
      g_autofree char *sql = NULL;
      g_autofree char *stage = NULL;
      g_autofree char *kind = NULL;
      g_autofree char *uuid = NULL;
      g_autofree char *place = NULL;
      g_autofree char *none = NULL;
      g_autofree char *nothing = NULL;
      gboolean found;
      guint line = 0, column = 0;

      sql = g_strdup_printf ("SELECT 0, 0, k.kind, o.uuid FROM main.\"%s\" o CROSS JOIN %s k "
                             "ON k.uuid = o.uuid WHERE k.kind != %u LIMIT 1", ours->table,
                             tillit_exchange_keys_get_table (reading->keys), i);
      if (!first_row (self, sql, &found, &line, &column, &kind, &uuid, error))
        return FALSE;
      if (!found)
        continue;

      theirs = kind_at ((guint) g_ascii_strtoull (kind, NULL, 10));
      stage = stage_name (self, theirs);
      g_free (sql);
      /* The schema holds a UUID in the file to hex digits and dashes. */
      sql = g_strdup_printf ("SELECT line, col, NULL, NULL FROM %s WHERE uuid = '%s'", stage, uuid);
      if (!first_row (self, sql, &found, &line, &column, &none, &nothing, error))
        return FALSE;
      place = tillit_exchange_reader_get_place (reading->reader, line, column);
      g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_CONFLICT,
                   _("%s: The record %s is a %s in the file but a %s here"), place, uuid,
                   tillit_record_kind_get_label (theirs), tillit_record_kind_get_label (ours));
      return FALSE;
    }
  return TRUE;
}

/* A reference the model keeps a foreign key for must name a record that
 * is in the file or here. Either way the file is refused before anything
 * is written. */
static gboolean
check_references (TillitExchangePlan  *self,
                  Reading             *reading,
                  GError             **error)
{
  for (guint i = 0; i < n_kinds (); i++)
    {
      const TillitRecordKind *theirs = kind_at (i);
      g_autofree char *stage = stage_name (self, theirs);
      guint n_fields = tillit_record_kind_n_all_fields (theirs);

      for (guint j = 0; j < n_fields; j++)
        {
          const TillitField *field = tillit_record_kind_field (theirs, j);
          const TillitRecordKind *target;
          g_autofree char *sql = NULL;
          g_autofree char *uuid = NULL;
          g_autofree char *missing = NULL;
          g_autofree char *place = NULL;
          gboolean found;
          guint line = 0, column = 0;

          if (field->type != TILLIT_FIELD_REFERENCE || field->target == NULL ||
              (field->flags & TILLIT_FIELD_EXTERNAL) ||
              !tillit_exchange_field_is_exchanged (theirs, field))
            continue;
          target = tillit_record_kind_lookup (field->target);
          sql = g_strdup_printf ("SELECT line, col, uuid, \"%1$s\" FROM %2$s s "
                                 "WHERE \"%1$s\" IS NOT NULL "
                                 "AND NOT EXISTS (SELECT 1 FROM main.\"%3$s\" o "
                                 "WHERE o.uuid = s.\"%1$s\") "
                                 "AND NOT EXISTS (SELECT 1 FROM %4$s k "
                                 "WHERE k.uuid = s.\"%1$s\" AND k.kind = %5$d) LIMIT 1",
                                 field->column, stage, target->table,
                                 tillit_exchange_keys_get_table (reading->keys),
                                 tillit_exchange_kind_index (target->xml_name));
          if (!first_row (self, sql, &found, &line, &column, &uuid, &missing, error))
            return FALSE;
          if (!found)
            continue;

          place = tillit_exchange_reader_get_place (reading->reader, line, column);
          g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_CONFLICT,
                       _("%s: The %s of the record %s names the %s %s, which is neither "
                         "in the file nor in this programme"), place, field->xml_name, uuid,
                       tillit_record_kind_get_label (target), missing);
          return FALSE;
        }
    }
  return TRUE;
}

/* A UNIQUE constraint of the model beyond the UUID (a cell is one
 * principle at one level) must hold whatever is written and in whatever
 * order: a record in the file may not share those values with another
 * record, in the file or here. The constraints are read from SQLite, so
 * that a new one is checked without a change here. */
static gboolean
check_unique (TillitExchangePlan  *self,
              Reading             *reading,
              GError             **error)
{
  for (guint i = 0; i < n_kinds (); i++)
    {
      const TillitRecordKind *kind = kind_at (i);
      g_autofree char *stage = stage_name (self, kind);
      g_autofree char *list = g_strdup_printf ("SELECT name FROM pragma_index_list('%s', 'main') "
                                               "WHERE \"unique\" AND origin = 'u'", kind->table);
      sqlite3_stmt *indexes = NULL;
      gboolean ok = TRUE;

      if (sqlite3_prepare_v2 (self->db, list, -1, &indexes, NULL) != SQLITE_OK)
        return db_error (self->db, error);

      while (ok && sqlite3_step (indexes) == SQLITE_ROW)
        {
          g_autofree char *info = g_strdup_printf ("SELECT group_concat('\"' || name || '\"', ', '), "
                                                   "group_concat('s.\"' || name || '\" = o.\"' || name || '\"', ' AND '), "
                                                   "group_concat(name, ' and ') "
                                                   "FROM pragma_index_info('%s', 'main')",
                                                   (const char *) sqlite3_column_text (indexes, 0));
          sqlite3_stmt *stmt = NULL;
          g_autofree char *columns = NULL;
          g_autofree char *same = NULL;
          g_autofree char *names = NULL;
          g_autofree char *sql = NULL;
          g_autofree char *uuid = NULL;
          g_autofree char *other = NULL;
          gboolean found;
          guint line = 0, column = 0;

          if (sqlite3_prepare_v2 (self->db, info, -1, &stmt, NULL) != SQLITE_OK ||
              sqlite3_step (stmt) != SQLITE_ROW)
            {
              sqlite3_finalize (stmt);
              ok = db_error (self->db, error);
              break;
            }
          columns = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
          same = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
          names = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
          sqlite3_finalize (stmt);

          sql = g_strdup_printf ("SELECT s.line, s.col, s.uuid, o.uuid FROM %1$s s JOIN "
                                 "(SELECT uuid, %2$s FROM %1$s UNION ALL "
                                 "SELECT uuid, %2$s FROM main.\"%3$s\") o "
                                 "ON %4$s AND s.uuid <> o.uuid ORDER BY s.rowid LIMIT 1",
                                 stage, columns, kind->table, same);
          if (!first_row (self, sql, &found, &line, &column, &uuid, &other, error))
            ok = FALSE;
          else if (found)
            {
              g_autofree char *place = tillit_exchange_reader_get_place (reading->reader, line, column);

              g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_CONFLICT,
                           _("%s: The %s %s has the same %s as the record %s, and only one "
                             "record may have them"),
                           place, tillit_record_kind_get_label (kind), uuid, names, other);
              ok = FALSE;
            }
        }
      sqlite3_finalize (indexes);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
compares_field (TillitExchangePlan     *self,
                const TillitRecordKind *kind,
                const TillitField      *field)
{
  return tillit_exchange_field_is_exchanged (kind, field) &&
         (self->personal || (field->flags & TILLIT_FIELD_PERSONAL) == 0);
}

/* The first text that is not personal names the record in the plan. */
static const TillitField *
label_field (const TillitRecordKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if ((kind->fields[i].type == TILLIT_FIELD_STRING || kind->fields[i].type == TILLIT_FIELD_TEXT) &&
        !tillit_field_is_personal (kind, &kind->fields[i]))
      return &kind->fields[i];
  return NULL;
}

/* Three-way: the sync state remembers the `modified` each record had when
 * it last came in. Changed there and not here is an update; changed here
 * and not there keeps ours; changed on both sides is a conflict. A record
 * not here stays new. Decided in the stage, so that memory stays flat. */
static gboolean
plan_kind (TillitExchangePlan  *self,
           guint                kind_index,
           GError             **error)
{
  const TillitRecordKind *kind = kind_at (kind_index);
  guint n_fields = tillit_record_kind_n_all_fields (kind);
  g_autofree char *stage = stage_name (self, kind);
  g_autofree char *update = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GString) same = g_string_new ("s.created IS o.created");
  g_autoptr(GString) changed = g_string_new ("CASE WHEN s.created IS o.created THEN '' "
                                             "ELSE 'created ' END");
  const char *theirs_changed = "(y.base_modified IS NULL OR s.modified IS NOT y.base_modified)";
  const char *ours_changed = "(y.base_modified IS NULL OR o.modified IS NOT y.base_modified)";
  sqlite3_stmt *stmt = NULL;
  int rc;

  for (guint i = 3; i < n_fields; i++)
    {
      const TillitField *field = tillit_record_kind_field (kind, i);

      if (!compares_field (self, kind, field))
        continue;
      g_string_append_printf (same, " AND s.\"%1$s\" IS o.\"%1$s\"", field->column);
      g_string_append_printf (changed, " || CASE WHEN s.\"%1$s\" IS o.\"%1$s\" THEN '' "
                                       "ELSE '%2$s ' END", field->column, field->name);
    }

  update = g_strdup_printf ("UPDATE %1$s AS s SET action = CASE WHEN %2$s THEN %3$d "
                            "WHEN %4$s AND NOT %5$s THEN %6$d WHEN NOT %4$s THEN %3$d "
                            "ELSE %7$d END, changed = rtrim (%8$s), ours_modified = o.modified "
                            "FROM main.\"%9$s\" AS o LEFT JOIN main.sync_state AS y "
                            "ON y.uuid = o.uuid WHERE o.uuid = s.uuid",
                            stage, same->str, TILLIT_EXCHANGE_ACTION_UNCHANGED,
                            theirs_changed, ours_changed, TILLIT_EXCHANGE_ACTION_UPDATED,
                            TILLIT_EXCHANGE_ACTION_CONFLICT, changed->str, kind->table);
  if (!exec (self->db, update, error))
    return FALSE;

  count = g_strdup_printf ("SELECT action, count(*) FROM %s GROUP BY action", stage);
  if (sqlite3_prepare_v2 (self->db, count, -1, &stmt, NULL) != SQLITE_OK)
    return db_error (self->db, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    self->counts[sqlite3_column_int (stmt, 0)] += sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return db_error (self->db, error);
  self->n_entries += self->n_staged[kind_index];
  return TRUE;
}

/**
 * tillit_exchange_plan_new:
 * @database: the programme
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
 * with the plan.
 *
 * Returns: (transfer full): the plan, or %NULL with @error set
 */
TillitExchangePlan *
tillit_exchange_plan_new (TillitDatabase          *database,
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

  g_return_val_if_fail (TILLIT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = tillit_exchange_reader_new (file, max_bytes, cancellable, error);
  if (reader == NULL)
    return NULL;

  self = g_object_new (TILLIT_TYPE_EXCHANGE_PLAN, NULL);
  self->database = g_object_ref (database);
  self->db = tillit_database_get_handle (database);
  reading.plan = self;
  reading.reader = reader;
  reading.keys = tillit_exchange_keys_new (self->db, reader);

  /* Staging in one transaction is many times faster than row by row. */
  ok = exec (self->db, "SAVEPOINT exchange_stage", error) &&
       create_stages (self, &reading, error) &&
       read_file (self, &reading, progress, progress_data, error) &&
       check_kinds (self, &reading, error) &&
       check_references (self, &reading, error) &&
       check_unique (self, &reading, error);
  for (guint i = 0; ok && i < n_kinds (); i++)
    ok = plan_kind (self, i, error);
  reading_clear (&reading);
  exec (self->db, ok ? "RELEASE exchange_stage"
                     : "ROLLBACK TO exchange_stage; RELEASE exchange_stage", NULL);
  if (!ok)
    return NULL;

  if (progress != NULL)
    progress (1.0, progress_data);
  return g_steal_pointer (&self);
}

/* Applying --------------------------------------------------------------- */

/* New and updated records are written, and conflicts resolved as
 * theirs. A file without personal data leaves ours as it is; a
 * municipality that is ours stays ours. */
static char *
upsert_sql (TillitExchangePlan     *self,
            const TillitRecordKind *kind)
{
  g_autofree char *stage = stage_name (self, kind);
  g_autofree char *columns = tillit_exchange_kind_columns (kind, "");
  guint n_fields = tillit_record_kind_n_all_fields (kind);
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO main.\"%s\" (%s) SELECT %s FROM %s "
                        "WHERE action IN (%d, %d) OR (action = %d AND resolution = %d) "
                        "ON CONFLICT (uuid) DO UPDATE SET ",
                   kind->table, columns, columns, stage,
                   TILLIT_EXCHANGE_ACTION_NEW, TILLIT_EXCHANGE_ACTION_UPDATED,
                   TILLIT_EXCHANGE_ACTION_CONFLICT, TILLIT_EXCHANGE_TAKE_THEIRS);
  for (guint i = 1; i < n_fields; i++)
    {
      const TillitField *field = tillit_record_kind_field (kind, i);

      if (compares_field (self, kind, field))
        g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"", i > 1 ? ", " : "",
                                field->column, field->column);
    }
  return g_string_free (sql, FALSE);
}

/* Stops a long statement once the import is cancelled. */
static int
interrupt_if_cancelled (void *cancellable)
{
  return g_cancellable_is_cancelled (cancellable);
}

static gboolean
apply_in_transaction (TillitExchangePlan  *self,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_autofree char *now = tillit_exchange_timestamp_now ();

  for (guint i = 0; i < n_kinds (); i++)
    {
      g_autofree char *stage = stage_name (self, kind_at (i));
      g_autofree char *upsert = upsert_sql (self, kind_at (i));
      /* Every record in the file has now come in as it is there, whichever
       * side won: the next import compares with that. */
      g_autofree char *sync =
        g_strdup_printf ("INSERT INTO main.sync_state (uuid, base_modified, source_municipality, "
                         "imported_at) SELECT uuid, modified, ?1, ?2 FROM %s WHERE true "
                         "ON CONFLICT (uuid) DO UPDATE SET base_modified = excluded.base_modified, "
                         "source_municipality = excluded.source_municipality, "
                         "imported_at = excluded.imported_at", stage);
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !exec (self->db, upsert, error))
        return FALSE;

      if (sqlite3_prepare_v2 (self->db, sync, -1, &stmt, NULL) != SQLITE_OK)
        return db_error (self->db, error);
      sqlite3_bind_text (stmt, 1, self->source_municipality, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return db_error (self->db, error);
    }
  return TRUE;
}

/**
 * tillit_exchange_plan_apply:
 * @self: a plan
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError
 *
 * Writes the new and updated records, and the conflicts resolved as
 * theirs, with their sync state, in one transaction: all or nothing.
 * Cancelled, it leaves the database as it was. A plan is applied at most
 * once. The records are written to the database directly: a #TillitStore
 * on it must reload afterwards.
 *
 * Returns: %TRUE when the programme was updated
 */
gboolean
tillit_exchange_plan_apply (TillitExchangePlan  *self,
                            GCancellable        *cancellable,
                            GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), FALSE);
  g_return_val_if_fail (!self->applied, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* An import is worth the extra fsync: it replaces work of days. The
   * foreign keys are checked at the commit, so that records may name
   * records of their own kind later in the file. */
  if (!tillit_database_set_full_sync (self->database, TRUE, error) ||
      !exec (self->db, "BEGIN IMMEDIATE; PRAGMA defer_foreign_keys = ON", error))
    return FALSE;

  if (cancellable != NULL)
    sqlite3_progress_handler (self->db, 10000, interrupt_if_cancelled, cancellable);
  ok = apply_in_transaction (self, cancellable, &local_error);
  sqlite3_progress_handler (self->db, 0, NULL, NULL);
  if (ok)
    ok = exec (self->db, "COMMIT", &local_error);
  if (!ok)
    exec (self->db, "ROLLBACK", NULL);
  tillit_database_set_full_sync (self->database, FALSE, NULL);

  /* An interrupted statement fails as the database; it was a cancel. */
  if (!ok && g_cancellable_is_cancelled (cancellable) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_clear_error (&local_error);
      g_cancellable_set_error_if_cancelled (cancellable, &local_error);
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  self->applied = ok;
  return ok;
}

/* Accessors -------------------------------------------------------------- */

/* The entry's kind and its row in the kind's stage. */
static void
locate (TillitExchangePlan *self,
        guint               index,
        guint              *kind,
        sqlite3_int64      *rowid)
{
  *kind = 0;
  while (index >= self->n_staged[*kind])
    index -= self->n_staged[(*kind)++];
  *rowid = (sqlite3_int64) index + 1;
}

static sqlite3_stmt *
entry_statement (TillitExchangePlan *self,
                 guint               kind_index)
{
  const TillitRecordKind *kind = kind_at (kind_index);
  const TillitField *label = label_field (kind);
  g_autofree char *stage = NULL;
  g_autofree char *sql = NULL;

  if (self->select_entry[kind_index] != NULL)
    return self->select_entry[kind_index];

  stage = stage_name (self, kind);
  sql = g_strdup_printf ("SELECT uuid, line, action, resolution, changed, modified, "
                         "ours_modified, %s%s%s FROM %s WHERE rowid = ?",
                         label ? "\"" : "", label ? label->column : "NULL", label ? "\"" : "",
                         stage);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &self->select_entry[kind_index], NULL) != SQLITE_OK)
    g_critical ("The plan could not read its stage: %s", sqlite3_errmsg (self->db));
  return self->select_entry[kind_index];
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* The entry at @index, read from its stage unless it was the last one
 * asked for; what it points to lasts until another index is asked for. */
static const Entry *
get_entry (TillitExchangePlan *self,
           guint               index)
{
  Entry *entry = &self->current;
  sqlite3_stmt *stmt;

  if (index == self->current_index)
    return entry;

  clear_entry (entry);
  locate (self, index, &entry->kind, &entry->rowid);
  self->current_index = index;
  stmt = entry_statement (self, entry->kind);
  if (stmt == NULL)
    return entry;

  sqlite3_bind_int64 (stmt, 1, entry->rowid);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      entry->uuid = dup_column (stmt, 0);
      entry->line = sqlite3_column_int (stmt, 1);
      entry->action = sqlite3_column_int (stmt, 2);
      entry->resolution = sqlite3_column_int (stmt, 3);
      entry->label = dup_column (stmt, 7);
      if (entry->action == TILLIT_EXCHANGE_ACTION_UPDATED ||
          entry->action == TILLIT_EXCHANGE_ACTION_CONFLICT)
        {
          const char *changed = (const char *) sqlite3_column_text (stmt, 4);

          entry->changed = g_strsplit (changed != NULL ? changed : "", " ", -1);
          entry->theirs_modified = dup_column (stmt, 5);
          entry->ours_modified = dup_column (stmt, 6);
        }
    }
  sqlite3_reset (stmt);
  return entry;
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

/* The UUID of the exporting municipality's record, when the file has it. */
const char *
tillit_exchange_plan_get_source_municipality (TillitExchangePlan *self)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  return self->source_municipality;
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
  return self->n_entries;
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
  g_return_val_if_fail (index < self->n_entries, 0);
  return get_entry (self, index)->action;
}

/* The kind's element name in the file: "pilot", "agenda-item"... */
const char *
tillit_exchange_plan_get_kind (TillitExchangePlan *self,
                               guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);
  return tillit_record_kinds (NULL)[get_entry (self, index)->kind]->xml_name;
}

const char *
tillit_exchange_plan_get_uuid (TillitExchangePlan *self,
                               guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);
  return get_entry (self, index)->uuid;
}

/* The record's name or title as the file has it, for showing the plan. */
const char *
tillit_exchange_plan_get_label (TillitExchangePlan *self,
                                guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);
  return get_entry (self, index)->label;
}

guint
tillit_exchange_plan_get_line (TillitExchangePlan *self,
                               guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), 0);
  g_return_val_if_fail (index < self->n_entries, 0);
  return get_entry (self, index)->line;
}

/**
 * tillit_exchange_plan_get_changed_fields:
 *
 * Returns: (transfer none) (nullable): for an update or a conflict, the
 *   names of the fields (as in #TillitRecordKind) whose values differ
 *   between the file and here; %NULL for other records
 */
const char * const *
tillit_exchange_plan_get_changed_fields (TillitExchangePlan *self,
                                         guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);
  return (const char * const *) get_entry (self, index)->changed;
}

/**
 * tillit_exchange_plan_get_modified:
 * @theirs: (out) (optional) (transfer none): when the file's version changed
 * @ours: (out) (optional) (transfer none): when ours changed
 *
 * For an update or a conflict, when each side last changed the record;
 * both %NULL for other records.
 */
void
tillit_exchange_plan_get_modified (TillitExchangePlan  *self,
                                   guint                index,
                                   const char         **theirs,
                                   const char         **ours)
{
  g_return_if_fail (TILLIT_IS_EXCHANGE_PLAN (self));
  g_return_if_fail (index < self->n_entries);

  if (theirs != NULL)
    *theirs = get_entry (self, index)->theirs_modified;
  if (ours != NULL)
    *ours = get_entry (self, index)->ours_modified;
}

/**
 * tillit_exchange_plan_dup_value:
 * @field: the name of a field of the record's kind
 *
 * The file's value of @field for the record, as text (a set as its
 * members separated by spaces, yes-or-no as 1 or 0), to show beside ours
 * in a conflict.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when not set
 */
char *
tillit_exchange_plan_dup_value (TillitExchangePlan *self,
                                guint               index,
                                const char         *field)
{
  const Entry *entry;
  const TillitRecordKind *kind;
  g_autofree char *stage = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;
  int field_index;

  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), NULL);
  g_return_val_if_fail (index < self->n_entries, NULL);
  g_return_val_if_fail (field != NULL, NULL);

  entry = get_entry (self, index);
  kind = kind_at (entry->kind);
  field_index = tillit_record_kind_find_field (kind, field);
  g_return_val_if_fail (field_index >= 0, NULL);
  g_return_val_if_fail (tillit_exchange_field_is_exchanged (kind, tillit_record_kind_field (kind, field_index)), NULL);

  stage = stage_name (self, kind);
  sql = g_strdup_printf ("SELECT \"%s\" FROM %s WHERE rowid = ?",
                         tillit_record_kind_field (kind, field_index)->column, stage);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, entry->rowid);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return value;
}

TillitExchangeResolution
tillit_exchange_plan_get_resolution (TillitExchangePlan *self,
                                     guint               index)
{
  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), 0);
  g_return_val_if_fail (index < self->n_entries, 0);
  return get_entry (self, index)->resolution;
}

/* The resolution of the conflict in @rowid of the kind's stage, or of
 * all its conflicts for 0. */
static void
set_resolutions (TillitExchangePlan       *self,
                 guint                     kind_index,
                 sqlite3_int64             rowid,
                 TillitExchangeResolution  resolution)
{
  g_autofree char *stage = stage_name (self, kind_at (kind_index));
  g_autofree char *sql =
    g_strdup_printf ("UPDATE %s SET resolution = %d WHERE action = %d AND (?1 = 0 OR rowid = ?1)",
                     stage, resolution, TILLIT_EXCHANGE_ACTION_CONFLICT);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, rowid);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        g_critical ("The plan could not note a choice: %s", sqlite3_errmsg (self->db));
    }
  sqlite3_finalize (stmt);

  /* The entry asked for last is read afresh. */
  self->current_index = G_MAXUINT;
}

/**
 * tillit_exchange_plan_list_conflicts:
 * @max: the most indexes wanted
 *
 * The first @max conflicts in the plan's order, found without reading
 * every entry: a plan may hold hundreds of thousands.
 *
 * Returns: (transfer full) (element-type guint): their indexes
 */
GArray *
tillit_exchange_plan_list_conflicts (TillitExchangePlan *self,
                                     guint               max)
{
  GArray *indexes = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first = 0;

  g_return_val_if_fail (TILLIT_IS_EXCHANGE_PLAN (self), indexes);

  for (guint i = 0; i < n_kinds () && indexes->len < max; first += self->n_staged[i++])
    {
      g_autofree char *stage = NULL;
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (self->n_staged[i] == 0)
        continue;
      stage = stage_name (self, kind_at (i));
      sql = g_strdup_printf ("SELECT rowid FROM %s WHERE action = %d ORDER BY rowid LIMIT %u",
                             stage, TILLIT_EXCHANGE_ACTION_CONFLICT, max - indexes->len);
      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_critical ("The plan could not read its stage: %s", sqlite3_errmsg (self->db));
          break;
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          guint index = first + (guint) sqlite3_column_int64 (stmt, 0) - 1;

          g_array_append_val (indexes, index);
        }
      sqlite3_finalize (stmt);
    }
  return indexes;
}

/* Only conflicts have a choice; ours is kept unless told otherwise. */
void
tillit_exchange_plan_set_resolution (TillitExchangePlan       *self,
                                     guint                     index,
                                     TillitExchangeResolution  resolution)
{
  g_return_if_fail (TILLIT_IS_EXCHANGE_PLAN (self));
  g_return_if_fail (index < self->n_entries);
  g_return_if_fail (get_entry (self, index)->action == TILLIT_EXCHANGE_ACTION_CONFLICT);

  set_resolutions (self, get_entry (self, index)->kind, get_entry (self, index)->rowid, resolution);
}

void
tillit_exchange_plan_resolve_all (TillitExchangePlan       *self,
                                  TillitExchangeResolution  resolution)
{
  g_return_if_fail (TILLIT_IS_EXCHANGE_PLAN (self));

  for (guint i = 0; i < n_kinds (); i++)
    set_resolutions (self, i, 0, resolution);
}
