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
  GArray *entries;
  guint counts[TILLIT_EXCHANGE_ACTION_CONFLICT + 1];
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
clear_entry (gpointer data)
{
  Entry *entry = data;

  g_free (entry->uuid);
  g_free (entry->label);
  g_strfreev (entry->changed);
  g_free (entry->ours_modified);
  g_free (entry->theirs_modified);
}

static void
tillit_exchange_plan_finalize (GObject *object)
{
  TillitExchangePlan *self = TILLIT_EXCHANGE_PLAN (object);

  if (self->db != NULL)
    drop_stages (self);
  g_clear_object (&self->database);
  g_clear_pointer (&self->entries, g_array_unref);
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

      create = g_strdup_printf ("CREATE TEMP TABLE %s AS SELECT %s, 0 AS line FROM main.\"%s\" "
                                "WHERE 0", stage, columns, kind->table);
      if (!exec (self->db, create, error))
        return FALSE;

      g_string_printf (insert, "INSERT INTO %s (%s, line) VALUES (", stage, columns);
      for (int p = 1; p <= param + 1; p++)
        g_string_append_printf (insert, "%s?%d", p > 1 ? ", " : "", p);
      g_string_append (insert, ")");
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

static int
find_field (const TillitRecordKind *kind,
            const char             *xml_name)
{
  guint n = tillit_record_kind_n_all_fields (kind);

  for (guint i = TILLIT_RECORD_N_BASE_FIELDS; i < n; i++)
    if (g_str_equal (tillit_record_kind_field (kind, i)->xml_name, xml_name))
      return (int) i;
  return -1;
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
      index = find_field (kind, (const char *) child->name);
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
  sqlite3_bind_int (stmt, sqlite3_bind_parameter_count (stmt), xmlGetLineNo (node));

  if (ok && sqlite3_step (stmt) != SQLITE_DONE)
    ok = db_error (reading->plan->db, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

static int
find_kind (const char *xml_name)
{
  for (guint i = 0; i < n_kinds (); i++)
    if (g_str_equal (kind_at (i)->xml_name, xml_name))
      return (int) i;
  return -1;
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
      xmlNodePtr node;
      int kind;

      if (!tillit_exchange_reader_read (reading->reader, &done, error))
        return FALSE;
      if (done)
        return TRUE;
      if (xmlTextReaderNodeType (xml) != XML_READER_TYPE_ELEMENT ||
          xmlTextReaderDepth (xml) != 1)
        continue;

      name = (const char *) xmlTextReaderConstLocalName (xml);
      if (g_str_equal (name, "source"))
        {
          xmlChar *personal = xmlTextReaderGetAttribute (xml, BAD_CAST "personal-data");
          xmlChar *source_name = xmlTextReaderGetAttribute (xml, BAD_CAST "name");
          xmlChar *kommunkod = xmlTextReaderGetAttribute (xml, BAD_CAST "kommunkod");
          xmlChar *municipality = xmlTextReaderGetAttribute (xml, BAD_CAST "municipality");

          self->personal = personal != NULL &&
                           (xmlStrEqual (personal, BAD_CAST "true") ||
                            xmlStrEqual (personal, BAD_CAST "1"));
          self->source_name = g_strdup ((const char *) source_name);
          self->source_kommunkod = g_strdup ((const char *) kommunkod);
          self->source_municipality = g_strdup ((const char *) municipality);
          xmlFree (personal);
          xmlFree (source_name);
          xmlFree (kommunkod);
          xmlFree (municipality);
          continue;
        }

      /* The schema admits nothing else at this depth. */
      kind = find_kind (name);
      g_assert (kind >= 0);
      node = tillit_exchange_reader_expand (reading->reader, error);
      if (node == NULL || !stage_record (reading, kind, node, error))
        return FALSE;
      if (progress != NULL && ++records % 1024 == 0)
        progress (0.9 * tillit_exchange_reader_get_fraction (reading->reader), progress_data);
    }
}

/* Planning --------------------------------------------------------------- */

/* The line and first two columns of the first row @sql finds, if any. */
static gboolean
first_row (TillitExchangePlan  *self,
           const char          *sql,
           gboolean            *found,
           guint               *line,
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
      *first = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      *second = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* A UUID is one record: the same UUID as another kind here is not a merge
 * but a clash. And a reference the model keeps a foreign key for must
 * name a record that is in the file or here. Either way the file is
 * refused before anything is written. */
static gboolean
check_records (TillitExchangePlan    *self,
               TillitExchangeReader  *reader,
               GError               **error)
{
  for (guint i = 0; i < n_kinds (); i++)
    {
      const TillitRecordKind *theirs = kind_at (i);
      g_autofree char *stage = stage_name (self, theirs);
      guint n_fields = tillit_record_kind_n_all_fields (theirs);

      for (guint j = 0; j < n_kinds (); j++)
        {
          const TillitRecordKind *ours = kind_at (j);
          g_autofree char *sql = NULL;
          g_autofree char *uuid = NULL;
          g_autofree char *unused = NULL;
          gboolean found;
          guint line = 0;

          if (i == j)
            continue;
          sql = g_strdup_printf ("SELECT s.line, s.uuid, NULL FROM %s s JOIN main.\"%s\" o "
                                 "USING (uuid) LIMIT 1", stage, ours->table);
          if (!first_row (self, sql, &found, &line, &uuid, &unused, error))
            return FALSE;
          if (found)
            {
              g_autofree char *place = tillit_exchange_reader_get_place (reader, line);

              g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_CONFLICT,
                           _("%s: The record %s is a %s in the file but a %s here"), place, uuid,
                           tillit_record_kind_get_label (theirs),
                           tillit_record_kind_get_label (ours));
              return FALSE;
            }
        }

      for (guint j = 0; j < n_fields; j++)
        {
          const TillitField *field = tillit_record_kind_field (theirs, j);
          const TillitRecordKind *target;
          g_autofree char *target_stage = NULL;
          g_autofree char *sql = NULL;
          g_autofree char *uuid = NULL;
          g_autofree char *missing = NULL;
          gboolean found;
          guint line = 0;

          if (field->type != TILLIT_FIELD_REFERENCE || field->target == NULL ||
              (field->flags & TILLIT_FIELD_EXTERNAL) ||
              !tillit_exchange_field_is_exchanged (theirs, field))
            continue;
          target = tillit_record_kind_lookup (field->target);
          target_stage = stage_name (self, target);
          sql = g_strdup_printf ("SELECT line, uuid, \"%1$s\" FROM %2$s WHERE \"%1$s\" IS NOT NULL "
                                 "AND \"%1$s\" NOT IN (SELECT uuid FROM main.\"%3$s\") "
                                 "AND \"%1$s\" NOT IN (SELECT uuid FROM %4$s) LIMIT 1",
                                 field->column, stage, target->table, target_stage);
          if (!first_row (self, sql, &found, &line, &uuid, &missing, error))
            return FALSE;
          if (found)
            {
              g_autofree char *place = tillit_exchange_reader_get_place (reader, line);

              g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_CONFLICT,
                           _("%s: The %s of the record %s names the %s %s, which is neither "
                             "in the file nor in this programme"), place, field->xml_name, uuid,
                           tillit_record_kind_get_label (target), missing);
              return FALSE;
            }
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
check_unique (TillitExchangePlan    *self,
              TillitExchangeReader  *reader,
              GError               **error)
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
          guint line = 0;

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

          sql = g_strdup_printf ("SELECT s.line, s.uuid, o.uuid FROM %1$s s JOIN "
                                 "(SELECT uuid, %2$s FROM %1$s UNION ALL "
                                 "SELECT uuid, %2$s FROM main.\"%3$s\") o "
                                 "ON %4$s AND s.uuid <> o.uuid ORDER BY s.rowid LIMIT 1",
                                 stage, columns, kind->table, same);
          if (!first_row (self, sql, &found, &line, &uuid, &other, error))
            ok = FALSE;
          else if (found)
            {
              g_autofree char *place = tillit_exchange_reader_get_place (reader, line);

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
  const TillitRecordKind *kind = kind_at (kind_index);
  const TillitField *label = label_field (kind);
  guint n_fields = tillit_record_kind_n_all_fields (kind);
  g_autofree char *stage = stage_name (self, kind);
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_autoptr(GString) same = g_string_new ("s.created IS o.created");
  g_autoptr(GString) each = g_string_new (NULL);
  g_autoptr(GPtrArray) compared = g_ptr_array_new ();

  g_ptr_array_add (compared, (gpointer) tillit_record_kind_field (kind, 1));
  g_string_append (each, ", s.created IS o.created");
  for (guint i = 3; i < n_fields; i++)
    {
      const TillitField *field = tillit_record_kind_field (kind, i);

      if (!compares_field (self, kind, field))
        continue;
      g_ptr_array_add (compared, (gpointer) field);
      g_string_append_printf (same, " AND s.\"%1$s\" IS o.\"%1$s\"", field->column);
      g_string_append_printf (each, ", s.\"%1$s\" IS o.\"%1$s\"", field->column);
    }
  g_string_printf (sql, "SELECT s.rowid, s.uuid, s.line, s.modified, o.uuid IS NOT NULL, "
                        "o.modified, y.base_modified, %s%s%s, (%s)%s FROM %s s "
                        "LEFT JOIN main.\"%s\" o USING (uuid) "
                        "LEFT JOIN main.sync_state y USING (uuid) ORDER BY s.rowid",
                   label ? "s.\"" : "", label ? label->column : "NULL", label ? "\"" : "",
                   same->str, each->str, stage, kind->table);

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
      if (entry.action == TILLIT_EXCHANGE_ACTION_UPDATED ||
          entry.action == TILLIT_EXCHANGE_ACTION_CONFLICT)
        {
          g_autoptr(GStrvBuilder) changed = g_strv_builder_new ();

          for (guint i = 0; i < compared->len; i++)
            if (!sqlite3_column_int (stmt, 9 + i))
              g_strv_builder_add (changed, ((const TillitField *) g_ptr_array_index (compared, i))->name);
          entry.changed = g_strv_builder_end (changed);
          entry.theirs_modified = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
          entry.ours_modified = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
        }
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

  /* Staging in one transaction is many times faster than row by row. */
  ok = exec (self->db, "SAVEPOINT exchange_stage", error) &&
       create_stages (self, &reading, error) &&
       read_file (self, &reading, progress, progress_data, error);
  reading_clear (&reading);
  exec (self->db, ok ? "RELEASE exchange_stage"
                     : "ROLLBACK TO exchange_stage; RELEASE exchange_stage", NULL);
  if (!ok)
    return NULL;

  if (!check_records (self, reader, error) || !check_unique (self, reader, error))
    return NULL;
  for (guint i = 0; i < n_kinds (); i++)
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

/* A file without personal data leaves ours as it is; a municipality
 * that is ours stays ours. */
static char *
upsert_sql (TillitExchangePlan     *self,
            const TillitRecordKind *kind)
{
  g_autofree char *stage = stage_name (self, kind);
  g_autofree char *columns = tillit_exchange_kind_columns (kind, "");
  guint n_fields = tillit_record_kind_n_all_fields (kind);
  GString *sql = g_string_new (NULL);

  g_string_printf (sql, "INSERT INTO main.\"%s\" (%s) SELECT %s FROM %s WHERE rowid = ? "
                        "ON CONFLICT (uuid) DO UPDATE SET ",
                   kind->table, columns, columns, stage);
  for (guint i = 1; i < n_fields; i++)
    {
      const TillitField *field = tillit_record_kind_field (kind, i);

      if (compares_field (self, kind, field))
        g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"", i > 1 ? ", " : "",
                                field->column, field->column);
    }
  return g_string_free (sql, FALSE);
}

static gboolean
apply_in_transaction (TillitExchangePlan  *self,
                      GCancellable        *cancellable,
                      GError             **error)
{
  guint n = n_kinds ();
  g_autofree sqlite3_stmt **upsert = g_new0 (sqlite3_stmt *, n);
  g_autofree char *now = tillit_exchange_timestamp_now ();
  gboolean ok = TRUE;

  for (guint i = 0; ok && i < n; i++)
    {
      g_autofree char *sql = upsert_sql (self, kind_at (i));

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
      g_autofree char *stage = stage_name (self, kind_at (i));
      g_autofree char *sql =
        g_strdup_printf ("INSERT INTO main.sync_state (uuid, base_modified, source_municipality, "
                         "imported_at) SELECT uuid, modified, ?1, ?2 FROM %s WHERE true "
                         "ON CONFLICT (uuid) DO UPDATE SET base_modified = excluded.base_modified, "
                         "source_municipality = excluded.source_municipality, "
                         "imported_at = excluded.imported_at", stage);
      sqlite3_stmt *stmt = NULL;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          ok = db_error (self->db, error);
          break;
        }
      sqlite3_bind_text (stmt, 1, self->source_municipality, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        ok = db_error (self->db, error);
      sqlite3_finalize (stmt);
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

  ok = apply_in_transaction (self, cancellable, error);
  if (ok)
    ok = exec (self->db, "COMMIT", error);
  if (!ok)
    exec (self->db, "ROLLBACK", NULL);
  tillit_database_set_full_sync (self->database, FALSE, NULL);

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
  return tillit_record_kinds (NULL)[get_entry (self, index)->kind]->xml_name;
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
  g_return_val_if_fail (index < self->entries->len, NULL);
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
  g_return_if_fail (index < self->entries->len);

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
  g_return_val_if_fail (index < self->entries->len, NULL);
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
