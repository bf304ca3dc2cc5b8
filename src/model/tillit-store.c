/* tillit-store.c: the single owner of the programme's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <gobject/gvaluecollector.h>

#include "tillit-database-private.h"
#include "tillit-municipality.h"
#include "tillit-record-private.h"
#include "tillit-store-private.h"

/* How the store works
 *
 * Every collection lives in memory as a GListStore mirroring its table.
 * A write runs in one SQL transaction; temporary triggers log the UUID of
 * every row it touches, foreign-key cascades included. Before COMMIT the
 * store reads the log and, for each row, takes its old state from memory
 * and its new state from SQL. After COMMIT it applies the new states to
 * memory (so a failed write leaves the objects as they were) and keeps
 * both states as one undo step. Undo writes the old states back, redo the
 * new ones; neither needs to know what kind of change it was.
 *
 * Sets (enum sets, reference sets) are stored as one TEXT column of
 * sorted, space-separated tokens, not as link tables: a record stays one
 * row, so the row snapshots above, the exchange format and merging work
 * on whole records; equal sets are equal strings; and loading 50,000
 * pilots needs no join. The price is that a reference set has no foreign
 * key: the store removes a deleted record's UUID from every set itself.
 */

typedef struct
{
  const TillitRecordKind *kind;
  GListStore *list;
  int order_index;
  sqlite3_stmt *select_one;
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *upsert;
  sqlite3_stmt *remove;
} KindState;

typedef struct
{
  KindState *state;
  char *uuid;
  GValue *before;
  GValue *after;
} Change;

typedef struct
{
  char *label;
  GPtrArray *changes;
} Step;

struct _TillitStore
{
  GObject parent_instance;

  TillitDatabase *database;
  sqlite3 *db;

  KindState *kinds;
  guint n_kinds;
  GHashTable *records;

  GPtrArray *undo_stack;
  GPtrArray *redo_stack;
  Step *group;
  guint group_depth;
};

G_DEFINE_FINAL_TYPE (TillitStore, tillit_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (tillit-store-error-quark, tillit_store_error)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  RECORDS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
change_free (gpointer data)
{
  Change *change = data;

  tillit_row_free (change->state->kind, change->before);
  tillit_row_free (change->state->kind, change->after);
  g_free (change->uuid);
  g_free (change);
}

static Step *
step_new (const char *label)
{
  Step *step = g_new0 (Step, 1);

  step->label = g_strdup (label);
  step->changes = g_ptr_array_new_with_free_func (change_free);

  return step;
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_ptr_array_unref (step->changes);
  g_free (step->label);
  g_free (step);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Step, step_free)

static KindState *
state_for_kind (TillitStore            *self,
                const TillitRecordKind *kind)
{
  for (guint i = 0; i < self->n_kinds; i++)
    if (self->kinds[i].kind == kind)
      return &self->kinds[i];

  g_assert_not_reached ();
}

static KindState *
state_for_type (TillitStore *self,
                GType        type)
{
  for (guint i = 0; i < self->n_kinds; i++)
    if (self->kinds[i].kind->get_type () == type)
      return &self->kinds[i];

  return NULL;
}

/* SQL errors become store errors a view can word: constraint failures
 * are the user's to fix, everything else is the file's. */
static void
set_sqlite_error (TillitStore  *self,
                  GError      **error)
{
  int code = sqlite3_extended_errcode (self->db);

  if (code == SQLITE_CONSTRAINT_FOREIGNKEY || code == SQLITE_CONSTRAINT_TRIGGER)
    g_set_error_literal (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_CONSTRAINT,
                         _("Other records still refer to this one."));
  else if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
    g_set_error_literal (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_CONSTRAINT,
                         _("Such a record already exists."));
  else if ((code & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_CONSTRAINT,
                 _("The change breaks a rule of the programme: %s"), sqlite3_errmsg (self->db));
  else
    g_set_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_FAILED,
                 _("The programme file could not be written: %s"), sqlite3_errmsg (self->db));
}

static gboolean
exec (TillitStore  *self,
      const char   *sql,
      GError      **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Timestamps */

static char *
format_timestamp (GDateTime *time)
{
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (time) / 1000);
}

/* Later than @previous even within one millisecond, so that `modified`
 * always tells which version of a record is newer. */
static char *
timestamp_after (const char *previous)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = format_timestamp (now);
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) then = NULL;
  g_autoptr(GDateTime) later = NULL;

  if (previous == NULL || strcmp (stamp, previous) > 0)
    return g_steal_pointer (&stamp);

  utc = g_time_zone_new_utc ();
  then = g_date_time_new_from_iso8601 (previous, utc);
  if (then == NULL)
    return g_steal_pointer (&stamp);

  later = g_date_time_add (then, 1000);
  return format_timestamp (later);
}

/* SQL for a kind, generated from its field table */

static char *
column_list (const TillitRecordKind *kind,
             const char             *prefix,
             const char             *separator)
{
  GString *sql = g_string_new (NULL);
  guint n = tillit_record_kind_n_all_fields (kind);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (sql, "%s%s\"%s\"", i ? separator : "", prefix,
                            tillit_record_kind_field (kind, i)->column);

  return g_string_free (sql, FALSE);
}

static char *
placeholders (guint n)
{
  GString *sql = g_string_new (NULL);

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (sql, "%s?%u", i > 1 ? ", " : "", i);

  return g_string_free (sql, FALSE);
}

static char *
assignments (const TillitRecordKind *kind,
             gboolean                from_excluded)
{
  GString *sql = g_string_new (NULL);
  guint n = tillit_record_kind_n_all_fields (kind);

  for (guint i = 1; i < n; i++)
    {
      const char *column = tillit_record_kind_field (kind, i)->column;

      if (from_excluded)
        g_string_append_printf (sql, "%s\"%s\" = excluded.\"%s\"", i > 1 ? ", " : "", column, column);
      else
        g_string_append_printf (sql, "%s\"%s\" = ?%u", i > 1 ? ", " : "", column, i + 1);
    }

  return g_string_free (sql, FALSE);
}

static gboolean
prepare (TillitStore   *self,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_kind (TillitStore  *self,
              KindState    *state,
              GError      **error)
{
  const TillitRecordKind *kind = state->kind;
  guint n = tillit_record_kind_n_all_fields (kind);
  g_autofree char *columns = column_list (kind, "", ", ");
  g_autofree char *values = placeholders (n);
  g_autofree char *set = assignments (kind, FALSE);
  g_autofree char *set_excluded = assignments (kind, TRUE);
  g_autofree char *select_one = g_strdup_printf ("SELECT %s FROM \"%s\" WHERE uuid = ?1",
                                                 columns, kind->table);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s)",
                                             kind->table, columns, values);
  g_autofree char *update = g_strdup_printf ("UPDATE \"%s\" SET %s WHERE uuid = ?1",
                                             kind->table, set);
  g_autofree char *upsert = g_strdup_printf ("INSERT INTO \"%s\" (%s) VALUES (%s) "
                                             "ON CONFLICT (uuid) DO UPDATE SET %s",
                                             kind->table, columns, values, set_excluded);
  g_autofree char *remove = g_strdup_printf ("DELETE FROM \"%s\" WHERE uuid = ?1", kind->table);

  return prepare (self, select_one, &state->select_one, error) &&
         prepare (self, insert, &state->insert, error) &&
         prepare (self, update, &state->update, error) &&
         prepare (self, upsert, &state->upsert, error) &&
         prepare (self, remove, &state->remove, error);
}

/* Rows to and from SQL */

static char *
join_set (const char * const *tokens)
{
  return g_strjoinv (" ", (char **) (tokens ? tokens : (const char * const[]) { NULL }));
}

static void
bind_row (sqlite3_stmt           *stmt,
          const TillitRecordKind *kind,
          const GValue           *row)
{
  guint n = tillit_record_kind_n_all_fields (kind);

  for (guint i = 0; i < n; i++)
    {
      const GValue *value = &row[i];

      if (G_VALUE_HOLDS_STRING (value))
        sqlite3_bind_text (stmt, i + 1, g_value_get_string (value), -1, SQLITE_TRANSIENT);
      else if (G_VALUE_HOLDS_INT (value))
        sqlite3_bind_int (stmt, i + 1, g_value_get_int (value));
      else if (G_VALUE_HOLDS_BOOLEAN (value))
        sqlite3_bind_int (stmt, i + 1, g_value_get_boolean (value) ? 1 : 0);
      else
        sqlite3_bind_text (stmt, i + 1, join_set (g_value_get_boxed (value)), -1, g_free);
    }
}

/* A set's tokens in @text, empty ones (doubled or trailing spaces) left out. */
static guint
count_tokens (const char *text)
{
  guint n = 0;

  for (const char *c = text; *c != '\0'; c++)
    if (*c != ' ' && (c == text || c[-1] == ' '))
      n++;

  return n;
}

/* A row in one allocation: its values, then the string arrays of its
 * sets, then the text of its strings and sets, held as static values.
 * Loading a programme of 50,000 records made one allocation per field
 * before, and that was most of the time the store took to open. A value
 * later replaced in place (tillit_record_set_row()) is a copy of its
 * own; freeing the row frees the rest at once (tillit_row_free()). */
static GValue *
read_row (sqlite3_stmt           *stmt,
          const TillitRecordKind *kind)
{
  guint n = tillit_record_kind_n_all_fields (kind);
  GType strv_type = G_TYPE_STRV;
  GType *types = g_newa (GType, n);
  const char **texts = g_newa (const char *, n);
  gsize *lengths = g_newa (gsize, n);
  gsize n_slots = 0;
  gsize n_chars = 0;
  GValue *row;
  char **slots;
  char *chars;

  for (guint i = 0; i < n; i++)
    {
      types[i] = tillit_field_value_type (tillit_record_kind_field (kind, i));
      texts[i] = NULL;
      lengths[i] = 0;
      if (types[i] != G_TYPE_STRING && types[i] != strv_type)
        continue;

      texts[i] = (const char *) sqlite3_column_text (stmt, i);
      if (texts[i] != NULL)
        lengths[i] = sqlite3_column_bytes (stmt, i);
      else if (types[i] == G_TYPE_STRING)
        continue;
      n_chars += lengths[i] + 1;
      if (types[i] == strv_type)
        n_slots += (texts[i] != NULL ? count_tokens (texts[i]) : 0) + 1;
    }

  row = g_malloc (n * sizeof (GValue) + n_slots * sizeof (char *) + n_chars);
  memset (row, 0, n * sizeof (GValue));
  slots = (char **) (row + n);
  chars = (char *) (slots + n_slots);

  for (guint i = 0; i < n; i++)
    {
      GValue *value = &row[i];

      g_value_init (value, types[i]);

      if (types[i] == G_TYPE_INT)
        g_value_set_int (value, sqlite3_column_int (stmt, i));
      else if (types[i] == G_TYPE_BOOLEAN)
        g_value_set_boolean (value, sqlite3_column_int (stmt, i) != 0);
      else if (types[i] == G_TYPE_STRING && texts[i] == NULL)
        continue;
      else
        {
          memcpy (chars, texts[i] != NULL ? texts[i] : "", lengths[i] + 1);

          if (types[i] == G_TYPE_STRING)
            g_value_set_static_string (value, chars);
          else
            {
              char **tokens = slots;

              for (char *c = chars; *c != '\0'; c++)
                {
                  if (*c == ' ')
                    *c = '\0';
                  else if (c == chars || c[-1] == '\0')
                    *slots++ = c;
                }
              *slots++ = NULL;
              g_value_set_static_boxed (value, tokens);
            }
          chars += lengths[i] + 1;
        }
    }

  return row;
}

/* Returns the row of @uuid as it is in SQL now, or %NULL if there is none. */
static GValue *
select_row (TillitStore  *self,
            KindState    *state,
            const char   *uuid,
            GError      **error)
{
  GValue *row = NULL;
  int rc;

  sqlite3_bind_text (state->select_one, 1, uuid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (state->select_one);
  if (rc == SQLITE_ROW)
    row = read_row (state->select_one, state->kind);
  else if (rc != SQLITE_DONE)
    set_sqlite_error (self, error);
  sqlite3_reset (state->select_one);
  sqlite3_clear_bindings (state->select_one);

  return row;
}

static gboolean
step_statement (TillitStore   *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    set_sqlite_error (self, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static gboolean
write_row (TillitStore   *self,
           KindState     *state,
           sqlite3_stmt  *stmt,
           const GValue  *row,
           GError       **error)
{
  bind_row (stmt, state->kind, row);
  return step_statement (self, stmt, error);
}

static gboolean
delete_row (TillitStore  *self,
            KindState    *state,
            const char   *uuid,
            GError      **error)
{
  sqlite3_bind_text (state->remove, 1, uuid, -1, SQLITE_TRANSIENT);
  return step_statement (self, state->remove, error);
}

/* The lists in memory */

static int
compare_records (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const KindState *state = user_data;
  const GValue *ra = tillit_record_peek_row ((TillitRecord *) a);
  const GValue *rb = tillit_record_peek_row ((TillitRecord *) b);
  int cmp;

  if (state->order_index >= 0)
    {
      int pa = g_value_get_int (&ra[state->order_index]);
      int pb = g_value_get_int (&rb[state->order_index]);

      if (pa != pb)
        return pa < pb ? -1 : 1;
    }

  cmp = g_strcmp0 (g_value_get_string (&ra[1]), g_value_get_string (&rb[1]));
  if (cmp != 0)
    return cmp;

  return g_strcmp0 (g_value_get_string (&ra[0]), g_value_get_string (&rb[0]));
}

/* The list is sorted, so a binary search finds a record in O(log² n)
 * where g_list_store_find() walks all 50,000 pilots. */
static gboolean
find_record (KindState    *state,
             TillitRecord *record,
             guint        *position)
{
  GListModel *model = G_LIST_MODEL (state->list);
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(TillitRecord) item = g_list_model_get_item (model, mid);
      int cmp = compare_records (item, record, state);

      if (cmp == 0 && item == record)
        {
          *position = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return g_list_store_find (state->list, record, position);
}

static gboolean
same_sort_key (KindState    *state,
               const GValue *a,
               const GValue *b)
{
  if (state->order_index >= 0 &&
      !tillit_value_equal (&a[state->order_index], &b[state->order_index]))
    return FALSE;

  return tillit_value_equal (&a[1], &b[1]);
}

static void
apply_change (TillitStore *self,
              Change      *change)
{
  KindState *state = change->state;
  TillitRecord *record = g_hash_table_lookup (self->records, change->uuid);
  guint position;

  if (change->after == NULL)
    {
      g_assert (record != NULL);
      /* First: the key is the record's own UUID, gone with the record. */
      g_hash_table_remove (self->records, change->uuid);
      if (find_record (state, record, &position))
        g_list_store_remove (state->list, position);
    }
  else if (record == NULL)
    {
      g_autoptr(TillitRecord) added =
        tillit_record_new_from_row (state->kind, tillit_row_copy (state->kind, change->after));

      g_hash_table_insert (self->records, (char *) tillit_record_get_uuid (added), added);
      g_list_store_insert_sorted (state->list, added, compare_records, state);
    }
  else if (same_sort_key (state, tillit_record_peek_row (record), change->after))
    tillit_record_set_row (record, change->after);
  else
    {
      g_autoptr(TillitRecord) moved = g_object_ref (record);

      if (find_record (state, moved, &position))
        g_list_store_remove (state->list, position);
      tillit_record_set_row (moved, change->after);
      g_list_store_insert_sorted (state->list, moved, compare_records, state);
    }
}

static int
compare_loaded (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  return compare_records (*(TillitRecord * const *) a, *(TillitRecord * const *) b, user_data);
}

static gboolean
load_kind (TillitStore  *self,
           KindState    *state,
           GError      **error)
{
  g_autofree char *columns = column_list (state->kind, "", ", ");
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM \"%s\"", columns, state->kind->table);
  g_autoptr(GPtrArray) loaded = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      TillitRecord *record = tillit_record_new_from_row (state->kind, read_row (stmt, state->kind));

      g_hash_table_insert (self->records, (char *) tillit_record_get_uuid (record), record);
      g_ptr_array_add (loaded, record);
    }

  if (rc != SQLITE_DONE)
    set_sqlite_error (self, error);
  sqlite3_finalize (stmt);

  /* Rows come in the order they were written, nearly always the list's
   * own order: checking costs a comparison a row, where an ORDER BY had
   * SQLite sort every table in a temporary b-tree. */
  for (guint i = 1; i < loaded->len; i++)
    if (compare_records (loaded->pdata[i - 1], loaded->pdata[i], state) > 0)
      {
        g_ptr_array_sort_with_data (loaded, compare_loaded, state);
        break;
      }

  g_list_store_splice (state->list, 0, 0, loaded->pdata, loaded->len);

  return rc == SQLITE_DONE;
}

/* The change log: temporary, so it never reaches the file. */
static gboolean
install_log (TillitStore  *self,
             GError      **error)
{
  if (!exec (self, "CREATE TEMP TABLE IF NOT EXISTS tillit_log ("
                   " seq INTEGER PRIMARY KEY, kind INTEGER NOT NULL,"
                   " uuid TEXT NOT NULL, deleted INTEGER NOT NULL)", error))
    return FALSE;

  for (guint i = 0; i < self->n_kinds; i++)
    {
      const char *table = self->kinds[i].kind->table;
      g_autofree char *sql = g_strdup_printf (
        "CREATE TEMP TRIGGER IF NOT EXISTS tillit_log_%s_insert AFTER INSERT ON main.\"%s\""
        " BEGIN INSERT INTO tillit_log (kind, uuid, deleted) VALUES (%u, NEW.uuid, 0); END;"
        "CREATE TEMP TRIGGER IF NOT EXISTS tillit_log_%s_update AFTER UPDATE ON main.\"%s\""
        " BEGIN INSERT INTO tillit_log (kind, uuid, deleted) VALUES (%u, NEW.uuid, 0); END;"
        "CREATE TEMP TRIGGER IF NOT EXISTS tillit_log_%s_delete AFTER DELETE ON main.\"%s\""
        " BEGIN INSERT INTO tillit_log (kind, uuid, deleted) VALUES (%u, OLD.uuid, 1); END;",
        table, table, i, table, table, i, table, table, i);

      if (!exec (self, sql, error))
        return FALSE;
    }

  return TRUE;
}

/* Reads the log of the open transaction into old and new states. */
static GPtrArray *
collect_changes (TillitStore  *self,
                 GError      **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func (change_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (self->db, "SELECT kind, uuid FROM tillit_log ORDER BY seq",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return NULL;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KindState *state = &self->kinds[sqlite3_column_int (stmt, 0)];
      const char *uuid = (const char *) sqlite3_column_text (stmt, 1);
      TillitRecord *record;
      g_autoptr(GError) local_error = NULL;
      Change *change;

      if (!g_hash_table_add (seen, g_strdup (uuid)))
        continue;

      change = g_new0 (Change, 1);
      change->state = state;
      change->uuid = g_strdup (uuid);
      record = g_hash_table_lookup (self->records, uuid);
      if (record != NULL)
        change->before = tillit_row_copy (state->kind, tillit_record_peek_row (record));
      change->after = select_row (self, state, uuid, &local_error);
      if (local_error != NULL)
        {
          change_free (change);
          g_propagate_error (error, g_steal_pointer (&local_error));
          sqlite3_finalize (stmt);
          return NULL;
        }

      g_ptr_array_add (changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, error);
      sqlite3_finalize (stmt);
      return NULL;
    }

  sqlite3_finalize (stmt);
  return g_steal_pointer (&changes);
}

static gboolean
rows_equal (const TillitRecordKind *kind,
            const GValue           *a,
            const GValue           *b)
{
  guint n = tillit_record_kind_n_all_fields (kind);

  if (a == NULL || b == NULL)
    return a == b;

  for (guint i = 0; i < n; i++)
    if (!tillit_value_equal (&a[i], &b[i]))
      return FALSE;

  return TRUE;
}

static void
notify_undo_state (TillitStore *self,
                   gboolean     could_undo,
                   gboolean     could_redo,
                   const char  *undo_label,
                   const char  *redo_label)
{
  if (could_undo != tillit_store_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != tillit_store_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (g_strcmp0 (undo_label, tillit_store_get_undo_label (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (g_strcmp0 (redo_label, tillit_store_get_redo_label (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

typedef gboolean (*WriteFunc) (TillitStore  *self,
                               gpointer      data,
                               GError      **error);

/* Runs @func in one transaction and brings memory up to date after the
 * commit. Returns the changes, or %NULL with nothing changed anywhere. */
static GPtrArray *
run_write (TillitStore  *self,
           WriteFunc     func,
           gpointer      data,
           GError      **error)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree gboolean *touched = NULL;

  if (!exec (self, "DELETE FROM tillit_log", error) ||
      !exec (self, "BEGIN IMMEDIATE", error))
    return NULL;

  if (!func (self, data, error) ||
      (changes = collect_changes (self, error)) == NULL ||
      !exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return NULL;
    }

  for (guint i = changes->len; i > 0; i--)
    {
      Change *change = g_ptr_array_index (changes, i - 1);

      if (rows_equal (change->state->kind, change->before, change->after))
        g_ptr_array_remove_index (changes, i - 1);
    }

  touched = g_new0 (gboolean, self->n_kinds);
  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, i);

      apply_change (self, change);
      touched[change->state - self->kinds] = TRUE;
    }

  for (guint k = 0; k < self->n_kinds; k++)
    if (touched[k])
      g_signal_emit (self, signals[RECORDS_CHANGED],
                     g_quark_from_static_string (self->kinds[k].kind->name));

  return g_steal_pointer (&changes);
}

/* Runs a user-level change and keeps it as an undo step (or as part of
 * the open group's step). */
static gboolean
run_user_write (TillitStore  *self,
                const char   *label,
                WriteFunc     func,
                gpointer      data,
                GError      **error)
{
  gboolean could_undo = tillit_store_get_can_undo (self);
  gboolean could_redo = tillit_store_get_can_redo (self);
  g_autofree char *undo_label = g_strdup (tillit_store_get_undo_label (self));
  g_autofree char *redo_label = g_strdup (tillit_store_get_redo_label (self));
  g_autoptr(GPtrArray) changes = run_write (self, func, data, error);
  Step *step;

  if (changes == NULL)
    return FALSE;

  if (changes->len == 0)
    return TRUE;

  step = self->group ? self->group : step_new (label);
  g_ptr_array_extend_and_steal (step->changes, g_steal_pointer (&changes));

  if (self->group == NULL)
    {
      g_ptr_array_add (self->undo_stack, step);
      g_ptr_array_set_size (self->redo_stack, 0);
      notify_undo_state (self, could_undo, could_redo, undo_label, redo_label);
    }

  return TRUE;
}

/* Validation */

static gboolean
valid_date (const char *text)
{
  guint year, month, day;
  char end;

  return strlen (text) == 10 && text[4] == '-' && text[7] == '-' &&
         sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3 &&
         g_date_valid_dmy (day, month, year);
}

static gboolean
valid_time (const char *text)
{
  return strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
         text[2] == ':' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]) &&
         (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6';
}

static gboolean
valid_datetime (const char *text)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (text, NULL);

  return time != NULL;
}

static gboolean
valid_reference (TillitStore       *self,
                 const TillitField *field,
                 const char        *uuid)
{
  TillitRecord *target;

  if (!g_uuid_string_is_valid (uuid))
    return FALSE;

  if (field->target == NULL || (field->flags & TILLIT_FIELD_EXTERNAL) != 0)
    return TRUE;

  target = g_hash_table_lookup (self->records, uuid);
  return target != NULL && g_str_equal (tillit_record_get_kind (target)->name, field->target);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static gboolean
invalid (GError                 **error,
         const TillitRecordKind  *kind,
         const TillitField       *field,
         const char              *text)
{
  g_set_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID,
               _("“%s” is not a valid %s for this %s."),
               text ? text : "", _(field->label), tillit_record_kind_get_label (kind));
  return FALSE;
}

/* Checks @value against its field and brings sets into their one
 * spelling: sorted, without duplicates. */
static gboolean
normalize_value (TillitStore             *self,
                 const TillitRecordKind  *kind,
                 const TillitField       *field,
                 GValue                  *value,
                 GError                 **error)
{
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *tokens = g_value_get_boxed (value);
      g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; tokens != NULL && tokens[i] != NULL; i++)
        {
          gboolean ok = field->type == TILLIT_FIELD_ENUM_SET
                        ? tillit_field_enum_index (field, tokens[i]) >= 0
                        : valid_reference (self, field, tokens[i]);

          if (!ok)
            return invalid (error, kind, field, tokens[i]);
          g_ptr_array_add (sorted, g_strdup (tokens[i]));
        }

      g_ptr_array_sort (sorted, compare_strings);
      for (guint i = sorted->len; i > 1; i--)
        if (g_str_equal (g_ptr_array_index (sorted, i - 1), g_ptr_array_index (sorted, i - 2)))
          g_ptr_array_remove_index (sorted, i - 1);
      g_ptr_array_add (sorted, NULL);

      g_value_take_boxed (value, g_ptr_array_free (g_steal_pointer (&sorted), FALSE));
      return TRUE;
    }

  if (G_VALUE_HOLDS_INT (value))
    {
      int n = g_value_get_int (value);

      if (n < field->min || n > field->max)
        {
          g_autofree char *text = g_strdup_printf ("%d", n);
          return invalid (error, kind, field, text);
        }
      return TRUE;
    }

  if (G_VALUE_HOLDS_STRING (value))
    {
      const char *text = g_value_get_string (value);

      if (field->type == TILLIT_FIELD_ENUM)
        return tillit_field_enum_index (field, text) >= 0 || invalid (error, kind, field, text);

      if (text == NULL || *text == '\0')
        {
          if ((field->flags & TILLIT_FIELD_REQUIRED) == 0)
            {
              g_value_set_string (value, NULL);
              return TRUE;
            }

          g_set_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID,
                       _("This %s needs a %s."), tillit_record_kind_get_label (kind),
                       _(field->label));
          return FALSE;
        }

      if (!g_utf8_validate (text, -1, NULL))
        return invalid (error, kind, field, NULL);

      switch (field->type)
        {
        case TILLIT_FIELD_DATE:
          return valid_date (text) || invalid (error, kind, field, text);
        case TILLIT_FIELD_TIME:
          return valid_time (text) || invalid (error, kind, field, text);
        case TILLIT_FIELD_DATETIME:
          return valid_datetime (text) || invalid (error, kind, field, text);
        case TILLIT_FIELD_REFERENCE:
          return valid_reference (self, field, text) || invalid (error, kind, field, text);
        case TILLIT_FIELD_STRING:
        case TILLIT_FIELD_TEXT:
        case TILLIT_FIELD_INT:
        case TILLIT_FIELD_BOOL:
        case TILLIT_FIELD_ENUM:
        case TILLIT_FIELD_ENUM_SET:
        case TILLIT_FIELD_REFERENCE_SET:
        default:
          return TRUE;
        }
    }

  return TRUE;
}

/* Sets the named values in @row. Every name must be a field of @kind. */
static gboolean
set_values (TillitStore             *self,
            const TillitRecordKind  *kind,
            GValue                  *row,
            guint                    n_properties,
            const char              *names[],
            const GValue             values[],
            GError                 **error)
{
  for (guint i = 0; i < n_properties; i++)
    {
      int index = tillit_record_kind_find_field (kind, names[i]);
      const TillitField *field;

      if (index < 0)
        {
          g_set_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID,
                       _("This %s has no field “%s”."), tillit_record_kind_get_label (kind), names[i]);
          return FALSE;
        }

      field = tillit_record_kind_field (kind, index);
      if (!g_value_type_transformable (G_VALUE_TYPE (&values[i]), G_VALUE_TYPE (&row[index])) ||
          !g_value_transform (&values[i], &row[index]))
        return invalid (error, kind, field, NULL);

      if (!normalize_value (self, kind, field, &row[index], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_required (TillitStore             *self,
                const TillitRecordKind  *kind,
                GValue                  *row,
                GError                 **error)
{
  guint n = tillit_record_kind_n_all_fields (kind);

  for (guint i = 0; i < n; i++)
    if (!normalize_value (self, kind, tillit_record_kind_field (kind, i), &row[i], error))
      return FALSE;

  return TRUE;
}

/* Collects `"name", value, ...` the way g_object_set() does. */
static gboolean
collect_valist (const TillitRecordKind  *kind,
                const char              *first_property_name,
                va_list                  args,
                GPtrArray               *names,
                GArray                  *values,
                GError                 **error)
{
  GObjectClass *klass = g_type_class_peek (kind->get_type ());

  for (const char *name = first_property_name; name != NULL; name = va_arg (args, const char *))
    {
      GParamSpec *pspec = g_object_class_find_property (klass, name);
      GValue value = G_VALUE_INIT;
      g_autofree char *message = NULL;

      if (pspec == NULL)
        {
          g_critical ("A %s has no property “%s”", kind->name, name);
          g_set_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID,
                       _("This %s has no field “%s”."), tillit_record_kind_get_label (kind), name);
          return FALSE;
        }

      G_VALUE_COLLECT_INIT (&value, pspec->value_type, args, 0, &message);
      if (message != NULL)
        {
          g_critical ("%s", message);
          g_set_error_literal (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID, message);
          return FALSE;
        }

      g_ptr_array_add (names, (gpointer) pspec->name);
      g_array_append_val (values, value);
    }

  return TRUE;
}

static GArray *
value_array_new (void)
{
  GArray *values = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  return values;
}

/* Writing */

typedef struct
{
  KindState *state;
  const GValue *row;
} RowWrite;

static gboolean
insert_func (TillitStore  *self,
             gpointer      data,
             GError      **error)
{
  RowWrite *write = data;

  return write_row (self, write->state, write->state->insert, write->row, error);
}

static gboolean
update_func (TillitStore  *self,
             gpointer      data,
             GError      **error)
{
  RowWrite *write = data;

  return write_row (self, write->state, write->state->update, write->row, error);
}

/* The next position after the record's siblings: the last strategy of a
 * cell, the last item of a day. */
static int
next_position (KindState    *state,
               const GValue *row)
{
  int parent = state->kind->parent_field
               ? tillit_record_kind_find_field (state->kind, state->kind->parent_field)
               : -1;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (state->list));
  int next = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (G_LIST_MODEL (state->list), i);
      const GValue *other = tillit_record_peek_row (item);

      if (parent < 0 || tillit_value_equal (&other[parent], &row[parent]))
        next = MAX (next, g_value_get_int (&other[state->order_index]) + 1);
    }

  return next;
}

static gboolean
names_include (guint         n_properties,
               const char   *names[],
               const char   *name)
{
  for (guint i = 0; i < n_properties; i++)
    if (g_str_equal (names[i], name))
      return TRUE;

  return FALSE;
}

/**
 * tillit_store_createv:
 * @type: a #TillitRecord subclass
 * @names: (array length=n_properties): field names
 * @values: (array length=n_properties): their values
 *
 * Creates a record and writes it at once, as one undo step. `uuid`,
 * `created`, `modified` and `origin` may be given (an import keeps them);
 * otherwise they are a new UUID, now, and the municipality marked as
 * ours. An ordered kind without a given position goes last among its
 * siblings.
 *
 * Returns: (transfer none): the new record, owned by the store
 */
TillitRecord *
tillit_store_createv (TillitStore   *self,
                      GType          type,
                      guint          n_properties,
                      const char    *names[],
                      const GValue   values[],
                      GError       **error)
{
  KindState *state;
  GValue *row;
  TillitRecord *ours;
  RowWrite write;
  gboolean ok;

  g_return_val_if_fail (TILLIT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  state = state_for_type (self, type);
  g_return_val_if_fail (state != NULL, NULL);

  row = tillit_row_new (state->kind);
  if (!set_values (self, state->kind, row, n_properties, names, values, error))
    {
      tillit_row_free (state->kind, row);
      return NULL;
    }

  if (g_value_get_string (&row[0]) == NULL)
    g_value_take_string (&row[0], g_uuid_string_random ());
  if (g_value_get_string (&row[1]) == NULL)
    g_value_take_string (&row[1], timestamp_after (NULL));
  if (g_value_get_string (&row[2]) == NULL)
    g_value_set_string (&row[2], g_value_get_string (&row[1]));
  ours = tillit_store_get_ours (self);
  if (!names_include (n_properties, names, "origin") && ours != NULL)
    g_value_set_string (&row[3], tillit_record_get_uuid (ours));
  if (state->order_index >= 0 && !names_include (n_properties, names, state->kind->order_field))
    g_value_set_int (&row[state->order_index], next_position (state, row));

  write.state = state;
  write.row = row;
  if (check_required (self, state->kind, row, error))
    {
      g_autofree char *label = g_strdup_printf (_("Add %s"), tillit_record_kind_get_label (state->kind));

      ok = run_user_write (self, label, insert_func, &write, error);
    }
  else
    ok = FALSE;

  if (ok)
    {
      TillitRecord *record = g_hash_table_lookup (self->records, g_value_get_string (&row[0]));

      tillit_row_free (state->kind, row);
      return record;
    }

  tillit_row_free (state->kind, row);
  return NULL;
}

/**
 * tillit_store_create:
 * @type: a #TillitRecord subclass
 * @first_property_name: the first field to set, then its value, and so
 *   on, ending with %NULL
 *
 * As tillit_store_createv(), with g_object_new()-style arguments.
 *
 * Returns: (transfer none): the new record, owned by the store
 */
TillitRecord *
tillit_store_create (TillitStore  *self,
                     GType         type,
                     GError      **error,
                     const char   *first_property_name,
                     ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = value_array_new ();
  KindState *state;
  va_list args;
  gboolean ok;

  g_return_val_if_fail (TILLIT_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  state = state_for_type (self, type);
  g_return_val_if_fail (state != NULL, NULL);

  va_start (args, first_property_name);
  ok = collect_valist (state->kind, first_property_name, args, names, values, error);
  va_end (args);

  if (!ok)
    return NULL;

  return tillit_store_createv (self, type, names->len, (const char **) names->pdata,
                               (const GValue *) values->data, error);
}

/**
 * tillit_store_updatev:
 * @record: a record of this store
 * @names: (array length=n_properties): field names
 * @values: (array length=n_properties): their new values
 *
 * Changes a record and writes it at once, as one undo step; `modified`
 * becomes now unless it is given. Changing nothing writes nothing.
 */
gboolean
tillit_store_updatev (TillitStore   *self,
                      TillitRecord  *record,
                      guint          n_properties,
                      const char    *names[],
                      const GValue   values[],
                      GError       **error)
{
  const TillitRecordKind *kind;
  KindState *state;
  GValue *row;
  const GValue *current;
  RowWrite write;
  gboolean ok = FALSE;

  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (g_hash_table_lookup (self->records, tillit_record_get_uuid (record)) == record, FALSE);

  kind = tillit_record_get_kind (record);
  state = state_for_kind (self, kind);
  current = tillit_record_peek_row (record);
  row = tillit_row_copy (kind, current);

  if (!set_values (self, kind, row, n_properties, names, values, error))
    goto out;

  if (!tillit_value_equal (&row[0], &current[0]))
    {
      g_set_error_literal (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID,
                           _("A record’s UUID cannot change."));
      goto out;
    }

  if (rows_equal (kind, row, current))
    {
      ok = TRUE;
      goto out;
    }

  if (!names_include (n_properties, names, "modified"))
    g_value_take_string (&row[2], timestamp_after (g_value_get_string (&current[2])));

  write.state = state;
  write.row = row;
  if (check_required (self, kind, row, error))
    {
      g_autofree char *label = g_strdup_printf (_("Edit %s"), tillit_record_kind_get_label (kind));

      ok = run_user_write (self, label, update_func, &write, error);
    }

out:
  tillit_row_free (kind, row);
  return ok;
}

/**
 * tillit_store_update:
 * @record: a record of this store
 * @first_property_name: the first field to change, then its value, and
 *   so on, ending with %NULL
 *
 * As tillit_store_updatev(), with g_object_set()-style arguments.
 */
gboolean
tillit_store_update (TillitStore   *self,
                     TillitRecord  *record,
                     GError       **error,
                     const char    *first_property_name,
                     ...)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = value_array_new ();
  va_list args;
  gboolean ok;

  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  va_start (args, first_property_name);
  ok = collect_valist (tillit_record_get_kind (record), first_property_name, args,
                       names, values, error);
  va_end (args);

  return ok && tillit_store_updatev (self, record, names->len, (const char **) names->pdata,
                                     (const GValue *) values->data, error);
}

/* Takes the UUID of every deleted record out of the sets and the
 * any-kind references that name it: they have no foreign key to do it. */
static gboolean
forget_deleted (TillitStore  *self,
                GError      **error)
{
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) deleted_kinds = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *now = timestamp_after (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT kind, uuid FROM tillit_log WHERE deleted",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      guint kind = sqlite3_column_int (stmt, 0);

      g_array_append_val (deleted_kinds, kind);
      g_ptr_array_add (deleted, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);

  for (guint d = 0; d < deleted->len; d++)
    {
      const TillitRecordKind *deleted_kind = self->kinds[g_array_index (deleted_kinds, guint, d)].kind;

      for (guint k = 0; k < self->n_kinds; k++)
        {
          const TillitRecordKind *kind = self->kinds[k].kind;

          for (guint f = 0; f < kind->n_fields; f++)
            {
              const TillitField *field = &kind->fields[f];
              g_autofree char *sql = NULL;

              if (field->type == TILLIT_FIELD_REFERENCE_SET &&
                  g_strcmp0 (field->target, deleted_kind->name) == 0)
                sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = "
                                       "trim(replace(' ' || \"%s\" || ' ', ' ' || ?1 || ' ', ' ')),"
                                       " modified = ?2"
                                       " WHERE instr(' ' || \"%s\" || ' ', ' ' || ?1 || ' ') > 0",
                                       kind->table, field->column, field->column, field->column);
              else if (field->type == TILLIT_FIELD_REFERENCE && field->target == NULL)
                sql = g_strdup_printf ("UPDATE \"%s\" SET \"%s\" = NULL, modified = ?2"
                                       " WHERE \"%s\" = ?1",
                                       kind->table, field->column, field->column);
              else
                continue;

              if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
                {
                  set_sqlite_error (self, error);
                  return FALSE;
                }
              sqlite3_bind_text (stmt, 1, g_ptr_array_index (deleted, d), -1, SQLITE_TRANSIENT);
              sqlite3_bind_text (stmt, 2, now, -1, SQLITE_TRANSIENT);
              if (sqlite3_step (stmt) != SQLITE_DONE)
                {
                  set_sqlite_error (self, error);
                  sqlite3_finalize (stmt);
                  return FALSE;
                }
              sqlite3_finalize (stmt);
            }
        }
    }

  return TRUE;
}

static gboolean
delete_func (TillitStore  *self,
             gpointer      data,
             GError      **error)
{
  TillitRecord *record = data;
  KindState *state = state_for_kind (self, tillit_record_get_kind (record));

  return delete_row (self, state, tillit_record_get_uuid (record), error) &&
         forget_deleted (self, error);
}

/**
 * tillit_store_delete:
 * @record: a record of this store
 *
 * Deletes the record with what belongs to it (a pilot's learnings, a
 * day's agenda items) as one undo step; references to it elsewhere are
 * cleared. Fails with %TILLIT_STORE_ERROR_CONSTRAINT when records that
 * must not lose it still refer to it (a competency rated in a profile).
 */
gboolean
tillit_store_delete (TillitStore   *self,
                     TillitRecord  *record,
                     GError       **error)
{
  g_autoptr(TillitRecord) keep = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  keep = g_object_ref (record);
  label = g_strdup_printf (_("Delete %s"), tillit_record_kind_get_label (tillit_record_get_kind (record)));

  return run_user_write (self, label, delete_func, keep, error);
}

/**
 * tillit_store_erase:
 * @record: a record of this store, usually personal data
 *
 * The retention action: deletes the record and what belongs to it for
 * good. It cannot be undone, the undo history (which may hold copies of
 * personal data) is forgotten, and the write-ahead log is emptied, so
 * no byte of the record is left in the programme file.
 */
gboolean
tillit_store_erase (TillitStore   *self,
                    TillitRecord  *record,
                    GError       **error)
{
  g_autoptr(TillitRecord) keep = NULL;
  g_autoptr(GPtrArray) changes = NULL;

  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  keep = g_object_ref (record);
  changes = run_write (self, delete_func, keep, error);

  return changes != NULL && tillit_store_forget_history (self, error);
}

/**
 * tillit_store_forget_history:
 *
 * Forgets what could be undone or redone and empties the write-ahead log,
 * so that values changed or deleted until now survive neither in memory
 * nor in the file: for a retention action that blanks personal fields
 * (a pilot's owner) with tillit_store_update().
 */
gboolean
tillit_store_forget_history (TillitStore  *self,
                             GError      **error)
{
  gboolean could_undo, could_redo;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;

  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->group == NULL, FALSE);

  could_undo = tillit_store_get_can_undo (self);
  could_redo = tillit_store_get_can_redo (self);
  undo_label = g_strdup (tillit_store_get_undo_label (self));
  redo_label = g_strdup (tillit_store_get_redo_label (self));

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_undo_state (self, could_undo, could_redo, undo_label, redo_label);

  return exec (self, "PRAGMA wal_checkpoint(TRUNCATE)", error);
}

typedef struct
{
  TillitStoreSqlFunc func;
  gpointer user_data;
} SqlWrite;

static gboolean
sql_func (TillitStore  *self,
          gpointer      data,
          GError      **error)
{
  SqlWrite *write = data;

  return write->func (self->db, write->user_data, error) && forget_deleted (self, error);
}

/**
 * tillit_store_write_sql:
 * @label: the undo step's label ("Import pilots")
 * @func: writes rows of record tables with its own SQL
 *
 * For bulk writers such as an import: @func runs inside one transaction
 * of the store, which then sees every row it touched as if the store had
 * written it: the lists and records follow, and the whole write is one
 * undo step. If @func fails, nothing is written and nothing changes.
 */
gboolean
tillit_store_write_sql (TillitStore         *self,
                        const char          *label,
                        TillitStoreSqlFunc   func,
                        gpointer             user_data,
                        GError             **error)
{
  SqlWrite write = { func, user_data };

  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (label != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_user_write (self, label, sql_func, &write, error);
}

/* Undo and redo */

typedef struct
{
  Step *step;
  gboolean undo;
} Restore;

static gboolean
restore_func (TillitStore  *self,
              gpointer      data,
              GError      **error)
{
  Restore *restore = data;
  GPtrArray *changes = restore->step->changes;

  /* Rows come back in any order; references are checked at COMMIT. */
  if (!exec (self, "PRAGMA defer_foreign_keys=ON", error))
    return FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      Change *change = g_ptr_array_index (changes, restore->undo ? changes->len - 1 - i : i);
      const GValue *row = restore->undo ? change->before : change->after;
      gboolean ok = row != NULL
                    ? write_row (self, change->state, change->state->upsert, row, error)
                    : delete_row (self, change->state, change->uuid, error);

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
move_step (TillitStore  *self,
           GPtrArray    *from,
           GPtrArray    *to,
           gboolean      undo,
           GError      **error)
{
  gboolean could_undo = tillit_store_get_can_undo (self);
  gboolean could_redo = tillit_store_get_can_redo (self);
  g_autofree char *undo_label = g_strdup (tillit_store_get_undo_label (self));
  g_autofree char *redo_label = g_strdup (tillit_store_get_redo_label (self));
  g_autoptr(GPtrArray) changes = NULL;
  Restore restore;

  g_return_val_if_fail (self->group == NULL, FALSE);

  if (from->len == 0)
    {
      g_set_error_literal (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_NOTHING_TO_UNDO,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return FALSE;
    }

  restore.step = g_ptr_array_index (from, from->len - 1);
  restore.undo = undo;
  changes = run_write (self, restore_func, &restore, error);
  if (changes == NULL)
    return FALSE;

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_undo_state (self, could_undo, could_redo, undo_label, redo_label);

  return TRUE;
}

gboolean
tillit_store_undo (TillitStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return move_step (self, self->undo_stack, self->redo_stack, TRUE, error);
}

gboolean
tillit_store_redo (TillitStore  *self,
                   GError      **error)
{
  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return move_step (self, self->redo_stack, self->undo_stack, FALSE, error);
}

/**
 * tillit_store_begin_group:
 * @label: what the user will see as "Undo @label"
 *
 * Makes every change until the matching tillit_store_end_group() one undo
 * step. Each change is still written at once. Groups nest; the outermost
 * label wins.
 */
void
tillit_store_begin_group (TillitStore *self,
                          const char  *label)
{
  g_return_if_fail (TILLIT_IS_STORE (self));
  g_return_if_fail (label != NULL);

  if (self->group_depth++ == 0)
    self->group = step_new (label);
}

void
tillit_store_end_group (TillitStore *self)
{
  gboolean could_undo, could_redo;
  g_autofree char *undo_label = NULL;
  g_autofree char *redo_label = NULL;
  g_autoptr(Step) step = NULL;

  g_return_if_fail (TILLIT_IS_STORE (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  step = g_steal_pointer (&self->group);
  if (step->changes->len == 0)
    return;

  could_undo = tillit_store_get_can_undo (self);
  could_redo = tillit_store_get_can_redo (self);
  undo_label = g_strdup (tillit_store_get_undo_label (self));
  redo_label = g_strdup (tillit_store_get_redo_label (self));

  g_ptr_array_add (self->undo_stack, g_steal_pointer (&step));
  g_ptr_array_set_size (self->redo_stack, 0);
  notify_undo_state (self, could_undo, could_redo, undo_label, redo_label);
}

gboolean
tillit_store_get_can_undo (TillitStore *self)
{
  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
tillit_store_get_can_redo (TillitStore *self)
{
  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);

  return self->redo_stack->len > 0;
}

/**
 * tillit_store_get_undo_label:
 *
 * Returns: (nullable): what the next undo undoes ("Delete pilot"), for
 *   a toast or a menu item
 */
const char *
tillit_store_get_undo_label (TillitStore *self)
{
  Step *step;

  g_return_val_if_fail (TILLIT_IS_STORE (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;

  step = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  return step->label;
}

const char *
tillit_store_get_redo_label (TillitStore *self)
{
  Step *step;

  g_return_val_if_fail (TILLIT_IS_STORE (self), NULL);

  if (self->redo_stack->len == 0)
    return NULL;

  step = g_ptr_array_index (self->redo_stack, self->redo_stack->len - 1);
  return step->label;
}

/* Exchange metadata */

/**
 * tillit_store_set_sync_state:
 * @uuid: a record imported from elsewhere
 * @base_modified: its `modified` as imported, the base of the next merge
 * @source_municipality: (nullable): the UUID of the municipality it came from
 *
 * Records what was last imported for @uuid, with the time of the import.
 * This is bookkeeping, not a user's change: it is not undone.
 */
gboolean
tillit_store_set_sync_state (TillitStore  *self,
                             const char   *uuid,
                             const char   *base_modified,
                             const char   *source_municipality,
                             GError      **error)
{
  g_autofree char *now = timestamp_after (NULL);
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);
  g_return_val_if_fail (base_modified != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "INSERT INTO sync_state (uuid, base_modified, source_municipality, imported_at)"
                          " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (uuid) DO UPDATE SET"
                          " base_modified = excluded.base_modified,"
                          " source_municipality = excluded.source_municipality,"
                          " imported_at = excluded.imported_at",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (self, error);
      return FALSE;
    }

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, base_modified, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, source_municipality, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, now, -1, SQLITE_TRANSIENT);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  if (!ok)
    set_sqlite_error (self, error);
  sqlite3_finalize (stmt);

  return ok;
}

/**
 * tillit_store_get_sync_state:
 * @base_modified: (out) (optional): `modified` as last imported
 * @source_municipality: (out) (optional) (nullable): where it came from
 * @imported_at: (out) (optional): when
 *
 * Returns: %TRUE if @uuid was ever imported
 */
gboolean
tillit_store_get_sync_state (TillitStore  *self,
                             const char   *uuid,
                             char        **base_modified,
                             char        **source_municipality,
                             char        **imported_at)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (TILLIT_IS_STORE (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT base_modified, source_municipality, imported_at"
                          " FROM sync_state WHERE uuid = ?1",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }

  if (base_modified != NULL)
    *base_modified = found ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  if (source_municipality != NULL)
    *source_municipality = found ? g_strdup ((const char *) sqlite3_column_text (stmt, 1)) : NULL;
  if (imported_at != NULL)
    *imported_at = found ? g_strdup ((const char *) sqlite3_column_text (stmt, 2)) : NULL;

  sqlite3_finalize (stmt);
  return found;
}

/* Lifecycle */

static void
tillit_store_dispose (GObject *object)
{
  TillitStore *self = TILLIT_STORE (object);

  g_clear_pointer (&self->group, step_free);
  if (self->undo_stack != NULL)
    g_ptr_array_set_size (self->undo_stack, 0);
  if (self->redo_stack != NULL)
    g_ptr_array_set_size (self->redo_stack, 0);
  g_clear_pointer (&self->records, g_hash_table_unref);

  for (guint i = 0; i < self->n_kinds; i++)
    {
      KindState *state = &self->kinds[i];

      g_clear_object (&state->list);
      g_clear_pointer (&state->select_one, sqlite3_finalize);
      g_clear_pointer (&state->insert, sqlite3_finalize);
      g_clear_pointer (&state->update, sqlite3_finalize);
      g_clear_pointer (&state->upsert, sqlite3_finalize);
      g_clear_pointer (&state->remove, sqlite3_finalize);
    }

  g_clear_object (&self->database);

  G_OBJECT_CLASS (tillit_store_parent_class)->dispose (object);
}

static void
tillit_store_finalize (GObject *object)
{
  TillitStore *self = TILLIT_STORE (object);

  g_free (self->kinds);
  g_ptr_array_unref (self->undo_stack);
  g_ptr_array_unref (self->redo_stack);

  G_OBJECT_CLASS (tillit_store_parent_class)->finalize (object);
}

static void
tillit_store_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TillitStore *self = TILLIT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tillit_store_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, tillit_store_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, tillit_store_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, tillit_store_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_store_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TillitStore *self = TILLIT_STORE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_store_class_init (TillitStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tillit_store_dispose;
  object_class->finalize = tillit_store_finalize;
  object_class->get_property = tillit_store_get_property;
  object_class->set_property = tillit_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, TILLIT_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TillitStore::records-changed:
   *
   * Records of one kind were created, changed or deleted by a write, an
   * undo or a redo; the lists and the records show it already. Detailed
   * by the kind's name (`records-changed::pilot`), once per kind and
   * write: one handler instead of one on every record of a large list.
   */
  signals[RECORDS_CHANGED] = g_signal_new ("records-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tillit_store_init (TillitStore *self)
{
  self->undo_stack = g_ptr_array_new_with_free_func (step_free);
  self->redo_stack = g_ptr_array_new_with_free_func (step_free);
}

/**
 * tillit_store_new:
 * @database: an open programme file
 *
 * Loads every collection of @database into memory.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TillitStore *
tillit_store_new (TillitDatabase  *database,
                  GError         **error)
{
  g_autoptr(TillitStore) self = NULL;
  const TillitRecordKind * const *kinds;

  g_return_val_if_fail (TILLIT_IS_DATABASE (database), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TILLIT_TYPE_STORE, "database", database, NULL);
  self->db = tillit_database_get_handle (database);
  /* Keyed by each record's own UUID string: a record's UUID never
   * changes (tillit_record_set_row() leaves equal values alone), and a
   * record leaves the table before it leaves its list. */
  self->records = g_hash_table_new (g_str_hash, g_str_equal);

  kinds = tillit_record_kinds (&self->n_kinds);
  self->kinds = g_new0 (KindState, self->n_kinds);

  for (guint i = 0; i < self->n_kinds; i++)
    {
      KindState *state = &self->kinds[i];

      state->kind = kinds[i];
      state->list = g_list_store_new (kinds[i]->get_type ());
      state->order_index = kinds[i]->order_field
                           ? tillit_record_kind_find_field (kinds[i], kinds[i]->order_field)
                           : -1;

      if (!prepare_kind (self, state, error) || !load_kind (self, state, error))
        return NULL;
    }

  if (!install_log (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tillit_store_open:
 * @path: the programme file
 *
 * Opens (or creates) the file and loads it; see tillit_database_open()
 * for the refusals.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
TillitStore *
tillit_store_open (const char  *path,
                   GError     **error)
{
  g_autoptr(TillitDatabase) database = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  database = tillit_database_open (path, error);
  if (database == NULL)
    return NULL;

  return tillit_store_new (database, error);
}

TillitDatabase *
tillit_store_get_database (TillitStore *self)
{
  g_return_val_if_fail (TILLIT_IS_STORE (self), NULL);

  return self->database;
}

/**
 * tillit_store_list:
 * @type: a #TillitRecord subclass
 *
 * Every record of the kind, by position where the kind has one and
 * otherwise in the order of creation. Items come and go as records are
 * created, deleted, undone and redone; records notify their own changes.
 *
 * Returns: (transfer none): a #GListModel of @type
 */
GListModel *
tillit_store_list (TillitStore *self,
                   GType        type)
{
  KindState *state;

  g_return_val_if_fail (TILLIT_IS_STORE (self), NULL);

  state = state_for_type (self, type);
  g_return_val_if_fail (state != NULL, NULL);

  return G_LIST_MODEL (state->list);
}

/**
 * tillit_store_lookup:
 *
 * Returns: (transfer none) (nullable): the record with @uuid, of any kind
 */
TillitRecord *
tillit_store_lookup (TillitStore *self,
                     const char  *uuid)
{
  g_return_val_if_fail (TILLIT_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  return g_hash_table_lookup (self->records, uuid);
}

/**
 * tillit_store_get_ours:
 *
 * Returns: (transfer none) (nullable): the municipality marked as ours,
 *   the origin of every record created here
 */
TillitRecord *
tillit_store_get_ours (TillitStore *self)
{
  GListModel *list;
  guint n;

  g_return_val_if_fail (TILLIT_IS_STORE (self), NULL);

  list = tillit_store_list (self, TILLIT_TYPE_MUNICIPALITY);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) municipality = g_list_model_get_item (list, i);

      if (tillit_record_get_boolean (municipality, "ours"))
        return municipality;
    }

  return NULL;
}
