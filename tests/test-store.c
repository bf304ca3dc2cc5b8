/* test-store.c: every kind of record through the store, and what the
 * file holds afterwards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "model/tillit-store-private.h"
#include "test-model-util.h"

static TillitStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  TillitStore *store = tillit_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static TillitRecord *make_record (TillitStore            *store,
                                  const TillitRecordKind *kind);

/* A value for every field of a kind, the way a coordinator would fill a
 * form in: parents and targets are made as needed. */
static void
sample_value (TillitStore            *store,
              const TillitRecordKind *kind,
              const TillitField      *field,
              GValue                 *value)
{
  g_value_init (value, tillit_field_value_type (field));

  switch (field->type)
    {
    case TILLIT_FIELD_STRING:
    case TILLIT_FIELD_TEXT:
      g_value_take_string (value, g_strdup_printf ("Sample %s of a %s, åäö", field->name, kind->name));
      break;
    case TILLIT_FIELD_INT:
      g_value_set_int (value, CLAMP (3, field->min, field->max));
      break;
    case TILLIT_FIELD_BOOL:
      g_value_set_boolean (value, TRUE);
      break;
    case TILLIT_FIELD_DATE:
      g_value_set_string (value, "2026-03-12");
      break;
    case TILLIT_FIELD_TIME:
      g_value_set_string (value, "09:30");
      break;
    case TILLIT_FIELD_DATETIME:
      g_value_set_string (value, "2026-03-12T09:30:00.000Z");
      break;
    case TILLIT_FIELD_ENUM:
      g_value_set_string (value, field->nicks[g_strv_length ((char **) field->nicks) - 1]);
      break;
    case TILLIT_FIELD_ENUM_SET:
      g_value_set_boxed (value, field->nicks);
      break;
    case TILLIT_FIELD_REFERENCE:
      if (field->target == NULL || (field->flags & TILLIT_FIELD_EXTERNAL) != 0)
        g_value_take_string (value, g_uuid_string_random ());
      else if (!g_str_equal (field->target, kind->name))
        g_value_set_string (value, tillit_record_get_uuid (make_record (store, tillit_record_kind_lookup (field->target))));
      break;
    case TILLIT_FIELD_REFERENCE_SET:
      {
        const char *uuids[] = {
          tillit_record_get_uuid (make_record (store, tillit_record_kind_lookup (field->target))),
          NULL
        };
        g_value_set_boxed (value, uuids);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static TillitRecord *
make_record (TillitStore            *store,
             const TillitRecordKind *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  TillitRecord *record;

  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);
  g_array_set_size (values, kind->n_fields);

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const TillitField *field = &kind->fields[i];

      /* A link to any record must point at one that exists. */
      if (field->type == TILLIT_FIELD_REFERENCE && field->target == NULL)
        {
          g_value_init (&g_array_index (values, GValue, i), G_TYPE_STRING);
          g_value_set_string (&g_array_index (values, GValue, i),
                              tillit_record_get_uuid (make_record (store, tillit_record_kind_lookup ("pilot"))));
        }
      else
        sample_value (store, kind, field, &g_array_index (values, GValue, i));
      g_ptr_array_add (names, (gpointer) field->name);
    }

  record = tillit_store_createv (store, kind->get_type (), names->len,
                                 (const char **) names->pdata, (const GValue *) values->data, &error);
  g_assert_no_error (error);
  g_assert_nonnull (record);

  return record;
}

static void
assert_records_equal (TillitRecord *a,
                      TillitRecord *b)
{
  const TillitRecordKind *kind = tillit_record_get_kind (a);
  guint n = tillit_record_kind_n_all_fields (kind);

  g_assert_true (kind == tillit_record_get_kind (b));
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;
      const char *name = tillit_record_kind_field (kind, i)->name;

      g_object_get_property (G_OBJECT (a), name, &va);
      g_object_get_property (G_OBJECT (b), name, &vb);
      sa = g_strdup_value_contents (&va);
      sb = g_strdup_value_contents (&vb);
      g_assert_cmpstr (sa, ==, sb);
    }
}

typedef struct
{
  guint added;
  guint removed;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *counts)
{
  counts->added += added;
  counts->removed += removed;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GPtrArray  *names)
{
  g_ptr_array_add (names, (gpointer) pspec->name);
}

static gboolean
names_contain (GPtrArray  *names,
               const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;

  return FALSE;
}

/* The first field a form would edit: text where there is some. */
static const TillitField *
editable_field (const TillitRecordKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].type == TILLIT_FIELD_STRING || kind->fields[i].type == TILLIT_FIELD_TEXT)
      return &kind->fields[i];

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].type == TILLIT_FIELD_DATE)
      return &kind->fields[i];

  for (guint i = 0; i < kind->n_fields; i++)
    if (kind->fields[i].type == TILLIT_FIELD_REFERENCE && kind->fields[i].target != NULL)
      return &kind->fields[i];

  return NULL;
}

/* A new value for @field that differs from the sample one. */
static char *
edited_value (TillitStore       *store,
              const TillitField *field)
{
  if (field->type == TILLIT_FIELD_DATE)
    return g_strdup ("2027-01-31");
  if (field->type == TILLIT_FIELD_REFERENCE)
    return g_strdup (tillit_record_get_uuid (make_record (store, tillit_record_kind_lookup (field->target))));

  return g_strdup ("Edited");
}

static void
test_kind_lifecycle (TestFile      *fixture,
                     gconstpointer  data)
{
  const TillitRecordKind *kind = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autoptr(TillitRecord) created = NULL;
  g_autoptr(GPtrArray) notified = g_ptr_array_new ();
  g_autofree char *uuid = NULL;
  g_autofree char *with_record = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *now = NULL;
  g_autofree char *old_modified = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *before_edit = NULL;
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", kind->table);
  const TillitField *field = editable_field (kind);
  GListModel *list = tillit_store_list (store, kind->get_type ());
  ItemsChanged counts = { 0, 0 };
  TillitRecord *record;
  TillitRecord *reread;
  guint n_before = g_list_model_get_n_items (list);
  int rows_before = test_sql_int (fixture->path, count_sql);

  g_assert_nonnull (field);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &counts);

  /* Create: written at once, in the list at once. */
  record = make_record (store, kind);
  created = g_object_ref (record);
  uuid = g_strdup (tillit_record_get_uuid (record));
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (record, kind->get_type ()));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_before + 1);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpint (test_sql_int (fixture->path, count_sql), ==, rows_before + 1);
  g_assert_true (tillit_store_lookup (store, uuid) == record);
  g_assert_cmpstr (tillit_record_get_created (record), ==, tillit_record_get_modified (record));
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z$",
                                       tillit_record_get_created (record), 0, 0));
  g_assert_true (tillit_store_get_can_undo (store));
  with_record = test_sql_dump (fixture->path);

  /* Reopen: the file alone gives the same record back. */
  g_clear_object (&store);
  store = open_store (fixture->path);
  list = tillit_store_list (store, kind->get_type ());
  reread = tillit_store_lookup (store, uuid);
  g_assert_nonnull (reread);
  g_assert_true (reread != created);
  assert_records_equal (created, reread);
  g_assert_false (tillit_store_get_can_undo (store));
  record = reread;

  /* Update: one field and `modified` change, and say so. */
  old_modified = g_strdup (tillit_record_get_modified (record));
  g_signal_connect (record, "notify", G_CALLBACK (count_notify), notified);
  new_value = edited_value (store, field);
  before_edit = test_sql_dump (fixture->path);
  tillit_store_update (store, record, &error, field->name, new_value, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (notified->len, ==, 2);
  g_assert_true (names_contain (notified, field->name));
  g_assert_true (names_contain (notified, "modified"));
  g_assert_cmpstr (tillit_record_get_modified (record), >, old_modified);
  g_assert_cmpstr (tillit_record_get_created (record), ==, tillit_record_get_created (created));
  {
    g_autofree char *sql = g_strdup_printf ("SELECT \"%s\" FROM \"%s\" WHERE uuid = '%s'",
                                            field->column, kind->table, uuid);
    g_autofree char *stored = test_sql_string (fixture->path, sql);

    g_assert_cmpstr (stored, ==, new_value);
  }
  edited = test_sql_dump (fixture->path);
  g_assert_cmpstr (edited, !=, with_record);

  /* Changing nothing writes nothing and is no undo step. */
  g_ptr_array_set_size (notified, 0);
  tillit_store_update (store, record, &error, field->name, new_value, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (notified->len, ==, 0);

  /* Undo and redo restore the rows exactly, `modified` included. */
  tillit_store_undo (store, &error);
  g_assert_no_error (error);
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, before_edit);
  g_assert_cmpstr (tillit_record_get_modified (record), ==, old_modified);
  g_clear_pointer (&now, g_free);
  g_assert_true (tillit_store_get_can_redo (store));

  tillit_store_redo (store, &error);
  g_assert_no_error (error);
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, edited);
  g_clear_pointer (&now, g_free);

  /* Delete, undo, redo. */
  g_signal_handlers_disconnect_by_func (record, count_notify, notified);
  counts.removed = counts.added = 0;
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &counts);
  tillit_store_delete (store, record, &error);
  g_assert_no_error (error);
  g_assert_null (tillit_store_lookup (store, uuid));
  g_assert_cmpuint (counts.removed, >=, 1);
  g_assert_cmpint (test_sql_int (fixture->path, count_sql), ==, rows_before);
  deleted = test_sql_dump (fixture->path);
  {
    g_autofree char *label = g_strdup_printf ("Delete %s", kind->label);
    g_assert_cmpstr (tillit_store_get_undo_label (store), ==, label);
  }

  tillit_store_undo (store, &error);
  g_assert_no_error (error);
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, edited);
  g_clear_pointer (&now, g_free);
  record = tillit_store_lookup (store, uuid);
  g_assert_nonnull (record);
  g_assert_cmpuint (counts.added, >=, 1);

  tillit_store_redo (store, &error);
  g_assert_no_error (error);
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, deleted);
  g_clear_pointer (&now, g_free);
  g_assert_null (tillit_store_lookup (store, uuid));

  /* All the way back to the file as it was before the test. */
  while (tillit_store_get_can_undo (store))
    {
      tillit_store_undo (store, &error);
      g_assert_no_error (error);
    }
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, with_record);
}

static TillitRecord *
nth_item (GListModel *list,
          guint       n)
{
  g_autoptr(TillitRecord) record = g_list_model_get_item (list, n);

  return record;
}

static TillitRecord *
nth (TillitStore *store,
     GType        type,
     guint        n)
{
  return nth_item (tillit_store_list (store, type), n);
}

static void
test_pilot_cascade (TestFile      *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  TillitRecord *unit, *pilot, *day, *item, *evidence;
  const char *principle = tillit_record_get_uuid (nth (store, TILLIT_TYPE_PRINCIPLE, 0));

  unit = tillit_store_create (store, TILLIT_TYPE_UNIT, &error, "name", "Home care north", NULL);
  g_assert_no_error (error);
  pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error,
                               "title", "Housing assistance", "unit", tillit_record_get_uuid (unit),
                               "principles", (const char * const[]) { principle, NULL }, NULL);
  g_assert_no_error (error);
  for (int i = 0; i < 3; i++)
    {
      g_autofree char *text = g_strdup_printf ("Learning %d", i);

      tillit_store_create (store, TILLIT_TYPE_LEARNING, &error,
                           "pilot", tillit_record_get_uuid (pilot), "text", text, NULL);
      g_assert_no_error (error);
    }
  tillit_store_create (store, TILLIT_TYPE_ADOPTION, &error, "pilot", tillit_record_get_uuid (pilot),
                       "unit", tillit_record_get_uuid (unit), NULL);
  g_assert_no_error (error);
  day = tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error, "title", "Spring", NULL);
  item = tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, &error, "day", tillit_record_get_uuid (day),
                              "title", "Showcase", "pilot", tillit_record_get_uuid (pilot), NULL);
  g_assert_no_error (error);
  evidence = tillit_store_create (store, TILLIT_TYPE_EVIDENCE, &error,
                                  "cell", tillit_record_get_uuid (tillit_store_create (store, TILLIT_TYPE_CELL, &error,
                                    "principle", principle,
                                    "level", tillit_record_get_uuid (nth (store, TILLIT_TYPE_LEVEL, 0)), NULL)),
                                  "link", tillit_record_get_uuid (pilot), "note", "Seen in the pilot", NULL);
  g_assert_no_error (error);

  before = test_sql_dump (fixture->path);
  tillit_store_delete (store, pilot, &error);
  g_assert_no_error (error);

  /* Learnings and adoptions go with the pilot; the agenda item and the
   * evidence stay but no longer point at it. */
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_LEARNING)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_ADOPTION)), ==, 0);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM learning"), ==, 0);
  g_assert_null (tillit_record_get_string (item, "pilot"));
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM agenda_item WHERE pilot IS NULL"), ==, 1);
  g_assert_null (tillit_record_get_string (evidence, "link"));
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM evidence WHERE link IS NULL"), ==, 1);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM unit"), ==, 1);
  after = test_sql_dump (fixture->path);

  /* One step brings all of it back, exactly. */
  g_assert_cmpstr (tillit_store_get_undo_label (store), ==, "Delete pilot");
  tillit_store_undo (store, &error);
  g_assert_no_error (error);
  undone = test_sql_dump (fixture->path);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_LEARNING)), ==, 3);
  g_assert_nonnull (tillit_record_get_string (item, "pilot"));
  g_assert_nonnull (tillit_record_get_string (evidence, "link"));

  tillit_store_redo (store, &error);
  g_assert_no_error (error);
  g_clear_pointer (&undone, g_free);
  undone = test_sql_dump (fixture->path);
  g_assert_cmpstr (undone, ==, after);
}

static void
test_set_references (TestFile      *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *stored = NULL;
  TillitRecord *framework, *p1, *p2, *pilot;
  const char * const *principles;

  framework = tillit_store_create (store, TILLIT_TYPE_FRAMEWORK, &error, "name", "SOU 2019:43", NULL);
  p1 = tillit_store_create (store, TILLIT_TYPE_PRINCIPLE, &error, "framework",
                            tillit_record_get_uuid (framework), "name-sv", "Långsiktighet", NULL);
  p2 = tillit_store_create (store, TILLIT_TYPE_PRINCIPLE, &error, "framework",
                            tillit_record_get_uuid (framework), "name-sv", "Tillit", NULL);
  g_assert_no_error (error);

  /* Sets come out sorted and without repeats, whatever went in. */
  pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Newcomers",
                               "principles", (const char * const[]) {
                                 tillit_record_get_uuid (p2), tillit_record_get_uuid (p1),
                                 tillit_record_get_uuid (p2), NULL },
                               "involvement", (const char * const[]) { "surveys", "focus-groups", NULL },
                               NULL);
  g_assert_no_error (error);
  principles = tillit_record_get_strv (pilot, "principles");
  g_assert_cmpuint (g_strv_length ((char **) principles), ==, 2);
  g_assert_cmpstr (principles[0], <, principles[1]);
  stored = test_sql_string (fixture->path, "SELECT involvement FROM pilot");
  g_assert_cmpstr (stored, ==, "focus-groups surveys");

  /* A set may only hold what its field allows. */
  g_assert_null (tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "x",
                                      "involvement", (const char * const[]) { "séance", NULL }, NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "x",
                                      "principles", (const char * const[]) { tillit_record_get_uuid (pilot), NULL },
                                      NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting a principle takes it out of the sets that name it. */
  before = test_sql_dump (fixture->path);
  tillit_store_delete (store, p1, &error);
  g_assert_no_error (error);
  principles = tillit_record_get_strv (pilot, "principles");
  g_assert_cmpuint (g_strv_length ((char **) principles), ==, 1);
  g_assert_cmpstr (principles[0], ==, tillit_record_get_uuid (p2));
  g_clear_pointer (&stored, g_free);
  stored = test_sql_string (fixture->path, "SELECT principles FROM pilot");
  g_assert_cmpstr (stored, ==, tillit_record_get_uuid (p2));

  tillit_store_undo (store, &error);
  g_assert_no_error (error);
  undone = test_sql_dump (fixture->path);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpuint (g_strv_length ((char **) tillit_record_get_strv (pilot, "principles")), ==, 2);

  /* A framework takes its principles, levels and cells with it. */
  tillit_store_delete (store, framework, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) tillit_record_get_strv (pilot, "principles")), ==, 0);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM principle"), ==, 7);
}

static void
test_restrict (TestFile      *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TillitRecord *competency = nth (store, TILLIT_TYPE_COMPETENCY, 0);
  TillitRecord *vacancy, *ours, *pilot;
  const char *undo_label;

  vacancy = tillit_store_create (store, TILLIT_TYPE_VACANCY, &error, "title", "Unit manager", NULL);
  tillit_store_create (store, TILLIT_TYPE_PROFILE_ENTRY, &error, "vacancy", tillit_record_get_uuid (vacancy),
                       "competency", tillit_record_get_uuid (competency), "weight", 5, NULL);
  g_assert_no_error (error);
  undo_label = tillit_store_get_undo_label (store);

  /* A competency in a profile cannot go: nothing changes, anywhere. */
  before = test_sql_dump (fixture->path);
  g_assert_false (tillit_store_delete (store, competency, &error));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  after = test_sql_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (tillit_store_lookup (store, tillit_record_get_uuid (competency)) == competency);
  g_assert_cmpstr (tillit_store_get_undo_label (store), ==, undo_label);

  /* Nor can the municipality records come from. */
  ours = tillit_store_create (store, TILLIT_TYPE_MUNICIPALITY, &error, "name", "Jönköping",
                              "code", "0680", "ours", TRUE, NULL);
  g_assert_no_error (error);
  g_assert_true (tillit_store_get_ours (store) == ours);
  pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Personal assistance", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (tillit_record_get_origin (pilot), ==, tillit_record_get_uuid (ours));
  g_assert_false (tillit_store_delete (store, ours, &error));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_CONSTRAINT);
}

static void
test_invalid_values (TestFile      *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  TillitRecord *pilot, *day;
  GListModel *pilots = tillit_store_list (store, TILLIT_TYPE_PILOT);
  struct { const char *name; const char *value; } bad[] = {
    { "stage", "dreaming" },
    { "start-date", "2026-02-30" },
    { "start-date", "12/03/2026" },
    { "title", "" },
    { "unit", "not-a-uuid" },
  };

  pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Psychosocial care", NULL);
  day = tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error, "title", "Autumn", NULL);
  g_assert_no_error (error);
  before = test_sql_dump (fixture->path);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (tillit_store_update (store, pilot, &error, bad[i].name, bad[i].value, NULL));
      g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_clear_error (&error);
    }
  g_assert_cmpstr (tillit_record_get_string (pilot, "title"), ==, "Psychosocial care");
  g_assert_cmpstr (tillit_record_get_string (pilot, "stage"), ==, "identify");

  /* A message quotes a field by its label, not by its name. */
  g_assert_false (tillit_store_update (store, pilot, &error, "decision-date", "someday", NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“someday” is not a valid decision date for this pilot.");
  g_clear_error (&error);
  g_assert_null (tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, &error, "title", "Orphan", NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "This agenda item needs a manager day.");
  g_clear_error (&error);

  /* A reference must name a record of the right kind. */
  g_assert_false (tillit_store_update (store, pilot, &error, "unit", tillit_record_get_uuid (day), NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (tillit_store_create (store, TILLIT_TYPE_PROFILE_ENTRY, &error, "weight", 9, NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error, "start-time", "25:00", NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (tillit_store_create (store, TILLIT_TYPE_LEARNING, &error, "text", "orphan", NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID);
  g_clear_error (&error);

  after = test_sql_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (pilots), ==, 1);
}

/* SQLite refuses what the store let through (a second cell for the same
 * principle and level): the transaction rolls back and the objects in
 * memory keep their values. */
static void
test_failed_write_leaves_memory (TestFile      *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) notified = g_ptr_array_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *principle = tillit_record_get_uuid (nth (store, TILLIT_TYPE_PRINCIPLE, 0));
  const char *level0 = tillit_record_get_uuid (nth (store, TILLIT_TYPE_LEVEL, 0));
  const char *level1 = tillit_record_get_uuid (nth (store, TILLIT_TYPE_LEVEL, 1));
  TillitRecord *cell;

  tillit_store_create (store, TILLIT_TYPE_CELL, &error, "principle", principle, "level", level0, NULL);
  cell = tillit_store_create (store, TILLIT_TYPE_CELL, &error, "principle", principle, "level", level1, NULL);
  g_assert_no_error (error);

  g_assert_null (tillit_store_create (store, TILLIT_TYPE_CELL, &error, "principle", principle,
                                      "level", level0, NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_CELL)), ==, 2);

  before = test_sql_dump (fixture->path);
  g_signal_connect (cell, "notify", G_CALLBACK (count_notify), notified);
  g_assert_false (tillit_store_update (store, cell, &error, "level", level0, NULL));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_CONSTRAINT);
  g_assert_cmpstr (tillit_record_get_string (cell, "level"), ==, level1);
  g_assert_cmpuint (notified->len, ==, 0);
  after = test_sql_dump (fixture->path);
  g_assert_cmpstr (after, ==, before);
}

static guint
index_of (GListModel   *list,
          TillitRecord *record)
{
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    if (nth_item (list, i) == record)
      return i;

  g_assert_not_reached ();
}

static void
test_order_and_groups (TestFile      *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *before = NULL;
  g_autofree char *now = NULL;
  GListModel *items = tillit_store_list (store, TILLIT_TYPE_AGENDA_ITEM);
  TillitRecord *day, *other_day, *first, *second, *third;
  g_autoptr(GPtrArray) store_notified = g_ptr_array_new ();
  ItemsChanged counts = { 0, 0 };

  day = tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error, "date", "2026-05-20",
                             "start-time", "08:30", NULL);
  other_day = tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error, "date", "2026-09-20", NULL);
  g_assert_no_error (error);

  /* New items go last among their day's items. */
  first = tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, &error, "day", tillit_record_get_uuid (day),
                               "title", "Welcome", "duration", 15, NULL);
  second = tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, &error, "day", tillit_record_get_uuid (day),
                                "title", "Dialogue", "duration", 60, NULL);
  tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, &error, "day", tillit_record_get_uuid (other_day),
                       "title", "Elsewhere", NULL);
  third = tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, &error, "day", tillit_record_get_uuid (day),
                               "title", "Break", "duration", 20, NULL);
  g_assert_no_error (error);
  g_assert_cmpint (tillit_record_get_int (first, "position"), ==, 0);
  g_assert_cmpint (tillit_record_get_int (second, "position"), ==, 1);
  g_assert_cmpint (tillit_record_get_int (third, "position"), ==, 2);

  /* Moving the break first is two changes and one undo step; the list
   * follows the positions. */
  before = test_sql_dump (fixture->path);
  g_signal_connect (items, "items-changed", G_CALLBACK (on_items_changed), &counts);
  g_signal_connect (store, "notify::undo-label", G_CALLBACK (count_notify), store_notified);
  tillit_store_begin_group (store, "Move item");
  tillit_store_update (store, third, &error, "position", 0, NULL);
  tillit_store_update (store, first, &error, "position", 1, NULL);
  tillit_store_update (store, second, &error, "position", 2, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (store_notified->len, ==, 0);
  tillit_store_end_group (store);
  g_assert_cmpuint (store_notified->len, ==, 1);
  g_assert_cmpstr (tillit_store_get_undo_label (store), ==, "Move item");
  g_assert_cmpuint (counts.added, >=, 1);
  g_assert_cmpuint (index_of (items, third), <, index_of (items, first));
  g_assert_cmpuint (index_of (items, first), <, index_of (items, second));

  tillit_store_undo (store, &error);
  g_assert_no_error (error);
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, before);
  g_assert_cmpuint (index_of (items, first), <, index_of (items, second));
  g_assert_cmpuint (index_of (items, second), <, index_of (items, third));
  g_assert_cmpstr (tillit_store_get_redo_label (store), ==, "Move item");

  /* Undo past the beginning says so. */
  while (tillit_store_get_can_undo (store))
    tillit_store_undo (store, NULL);
  g_assert_false (tillit_store_undo (store, &error));
  g_assert_error (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* A new change forgets what could be redone. */
  g_assert_true (tillit_store_get_can_redo (store));
  tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error, "title", "New", NULL);
  g_assert_false (tillit_store_get_can_redo (store));
}

/* Rows come in the file's order and are sorted in memory only when that
 * is not a list's order: after a move and an imported creation time the
 * lists come back as they were. A set read from the file leaves out empty
 * tokens, and a record read this way changes like any other. */
static void
test_load_order (TestFile      *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *sql = NULL;
  g_autofree char *p0 = g_strdup (tillit_record_get_uuid (nth (store, TILLIT_TYPE_PRINCIPLE, 0)));
  g_autofree char *p1 = g_strdup (tillit_record_get_uuid (nth (store, TILLIT_TYPE_PRINCIPLE, 1)));
  const char *low = strcmp (p0, p1) < 0 ? p0 : p1;
  const char *high = low == p0 ? p1 : p0;
  TillitRecord *day, *items[3], *late, *early;
  const char * const *principles;
  GListModel *list;

  day = tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error, "date", "2026-05-20", NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      items[i] = tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, &error,
                                      "day", tillit_record_get_uuid (day), "title", "Item", NULL);
      g_assert_no_error (error);
      g_ptr_array_add (uuids, g_strdup (tillit_record_get_uuid (items[i])));
    }
  tillit_store_begin_group (store, "Move item");
  tillit_store_update (store, items[2], &error, "position", 0, NULL);
  tillit_store_update (store, items[0], &error, "position", 1, NULL);
  tillit_store_update (store, items[1], &error, "position", 2, NULL);
  tillit_store_end_group (store);
  late = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Made first", NULL);
  early = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Imported", NULL);
  g_assert_no_error (error);
  g_ptr_array_add (uuids, g_strdup (tillit_record_get_uuid (late)));
  g_ptr_array_add (uuids, g_strdup (tillit_record_get_uuid (early)));
  g_clear_object (&store);

  sql = g_strdup_printf ("UPDATE pilot SET created = '2001-01-01T00:00:00.000Z', principles = '  %s   %s '"
                         " WHERE uuid = '%s'", low, high, (char *) g_ptr_array_index (uuids, 4));
  test_sql_exec (fixture->path, sql);

  store = open_store (fixture->path);
  list = tillit_store_list (store, TILLIT_TYPE_AGENDA_ITEM);
  for (guint i = 0; i < 3; i++)
    items[i] = tillit_store_lookup (store, g_ptr_array_index (uuids, i));
  g_assert_cmpuint (index_of (list, items[2]), <, index_of (list, items[0]));
  g_assert_cmpuint (index_of (list, items[0]), <, index_of (list, items[1]));

  list = tillit_store_list (store, TILLIT_TYPE_PILOT);
  late = tillit_store_lookup (store, g_ptr_array_index (uuids, 3));
  early = tillit_store_lookup (store, g_ptr_array_index (uuids, 4));
  g_assert_cmpuint (index_of (list, early), <, index_of (list, late));
  principles = tillit_record_get_strv (early, "principles");
  g_assert_cmpuint (g_strv_length ((char **) principles), ==, 2);
  g_assert_cmpstr (principles[0], ==, low);
  g_assert_cmpstr (principles[1], ==, high);
  g_assert_null (tillit_record_get_string (early, "owner"));

  tillit_store_update (store, early, &error, "title", "Imported long ago", "owner", "Ann", NULL);
  g_assert_no_error (error);
  g_assert_cmpstr (tillit_record_get_string (early, "title"), ==, "Imported long ago");
  g_assert_cmpstr (tillit_record_get_string (early, "owner"), ==, "Ann");
  g_assert_cmpstr (tillit_record_get_strv (early, "principles")[1], ==, high);
  tillit_store_undo (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tillit_record_get_string (early, "title"), ==, "Imported");
  g_assert_null (tillit_record_get_string (early, "owner"));
}

static void
count_signal (TillitStore *store,
              guint       *count)
{
  (*count)++;
}

/* records-changed: once per kind a write, an undo or a redo changed. */
static void
test_records_changed (TestFile      *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  guint any = 0, pilots = 0, learnings = 0;
  TillitRecord *pilot;

  g_signal_connect (store, "records-changed", G_CALLBACK (count_signal), &any);
  g_signal_connect (store, "records-changed::pilot", G_CALLBACK (count_signal), &pilots);
  g_signal_connect (store, "records-changed::learning", G_CALLBACK (count_signal), &learnings);

  pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Walk and talk", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (pilots, ==, 1);
  g_assert_cmpuint (learnings, ==, 0);
  g_assert_cmpuint (any, ==, 1);

  tillit_store_create (store, TILLIT_TYPE_LEARNING, &error,
                       "pilot", tillit_record_get_uuid (pilot), "text", "Ask early", NULL);
  tillit_store_create (store, TILLIT_TYPE_LEARNING, &error,
                       "pilot", tillit_record_get_uuid (pilot), "text", "Ask again", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (pilots, ==, 1);
  g_assert_cmpuint (learnings, ==, 2);

  /* Changing nothing says nothing. */
  tillit_store_update (store, pilot, &error, "title", "Walk and talk", NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (any, ==, 3);

  /* Deleting the pilot deletes its two learnings: one signal each kind. */
  tillit_store_delete (store, pilot, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pilots, ==, 2);
  g_assert_cmpuint (learnings, ==, 3);

  tillit_store_undo (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pilots, ==, 3);
  g_assert_cmpuint (learnings, ==, 4);
  g_assert_cmpuint (any, ==, 5 + 2);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  /* The file is binary: no string function may stop at a NUL. */
  for (gsize i = 0; i + strlen (needle) <= length; i++)
    if (memcmp (contents + i, needle, strlen (needle)) == 0)
      return TRUE;

  return FALSE;
}

static void
test_erase_personal (TestFile      *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  const char *name = "Zyxwvut Qwertyson";
  const char *note = "Quibblequorum answered well";
  TillitRecord *vacancy, *candidate;
  const TillitRecordKind *kind = tillit_record_kind_lookup ("candidate");

  g_assert_true (kind->personal);
  g_assert_true (tillit_record_kind_lookup ("rating")->personal);
  g_assert_true (tillit_field_is_personal (kind, tillit_record_kind_field (kind, tillit_record_kind_find_field (kind, "name"))));

  vacancy = tillit_store_create (store, TILLIT_TYPE_VACANCY, &error, "title", "First-line manager", NULL);
  candidate = tillit_store_create (store, TILLIT_TYPE_CANDIDATE, &error, "vacancy",
                                   tillit_record_get_uuid (vacancy), "name", name, NULL);
  g_assert_no_error (error);
  tillit_store_update (store, candidate, &error, "status", "interviewed", NULL);
  tillit_store_create (store, TILLIT_TYPE_RATING, &error, "candidate", tillit_record_get_uuid (candidate),
                       "competency", tillit_record_get_uuid (nth (store, TILLIT_TYPE_COMPETENCY, 0)),
                       "rater", "Panel member A", "level", 3, "note", note, NULL);
  g_assert_no_error (error);
  g_assert_true (file_contains (fixture->path, name) || file_contains (wal, name));

  tillit_store_erase (store, candidate, &error);
  g_assert_no_error (error);
  g_assert_false (tillit_store_get_can_undo (store));
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_RATING)), ==, 0);

  /* Not in the file, not in its journal, open or closed. */
  g_assert_false (file_contains (fixture->path, name));
  g_assert_false (file_contains (fixture->path, note));
  g_assert_false (file_contains (wal, name));
  g_assert_false (file_contains (wal, note));
  g_clear_object (&store);
  g_assert_false (file_contains (fixture->path, name));
  g_assert_false (file_contains (fixture->path, note));
  g_assert_false (file_contains (fixture->path, "Panel member A"));
}

/* Blanking a personal field of a record that stays, then forgetting the
 * history, leaves the old value nowhere. */
static void
test_forget_history (TestFile      *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  const char *owner = "Vexillum Oddfellow";
  TillitRecord *pilot;
  const TillitRecordKind *kind = tillit_record_kind_lookup ("pilot");

  g_assert_false (kind->personal);
  g_assert_true (tillit_field_is_personal (kind, tillit_record_kind_field (kind, tillit_record_kind_find_field (kind, "owner"))));

  pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Integration", "owner", owner, NULL);
  g_assert_no_error (error);
  tillit_store_update (store, pilot, &error, "owner", NULL, NULL);
  g_assert_no_error (error);
  g_assert_true (tillit_store_get_can_undo (store));
  g_assert_true (file_contains (fixture->path, owner) || file_contains (wal, owner));

  tillit_store_forget_history (store, &error);
  g_assert_no_error (error);
  g_assert_false (tillit_store_get_can_undo (store));
  g_assert_false (file_contains (fixture->path, owner));
  g_assert_false (file_contains (wal, owner));
  g_assert_cmpstr (tillit_record_get_string (pilot, "title"), ==, "Integration");
}

static void
test_sync_state (TestFile      *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *base = NULL;
  g_autofree char *source = NULL;
  g_autofree char *imported = NULL;
  const char *uuid = "0b0c2f7e-6a0d-4c52-9b54-3c1f7e0e9d11";

  g_assert_false (tillit_store_get_sync_state (store, uuid, &base, &source, &imported));
  g_assert_null (base);

  tillit_store_set_sync_state (store, uuid, "2026-03-01T10:00:00.000Z", NULL, &error);
  g_assert_no_error (error);
  tillit_store_set_sync_state (store, uuid, "2026-04-01T10:00:00.000Z",
                               "5e9b1d7c-0a6f-4d43-8f0e-1b2c3d4e5f60", &error);
  g_assert_no_error (error);
  g_assert_false (tillit_store_get_can_undo (store));
  g_clear_object (&store);

  store = open_store (fixture->path);
  g_assert_true (tillit_store_get_sync_state (store, uuid, &base, &source, &imported));
  g_assert_cmpstr (base, ==, "2026-04-01T10:00:00.000Z");
  g_assert_cmpstr (source, ==, "5e9b1d7c-0a6f-4d43-8f0e-1b2c3d4e5f60");
  g_assert_nonnull (imported);
  g_assert_cmpint (test_sql_int (fixture->path, "SELECT count(*) FROM sync_state"), ==, 1);
}

static gboolean
import_rows (sqlite3   *db,
             gpointer   user_data,
             GError   **error)
{
  const char *sql = user_data;

  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, sqlite3_errmsg (db));
      return FALSE;
    }

  return TRUE;
}

/* A learning is named by its first line, cut at a word. */
static void
test_learning_headline (TestFile      *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  TillitRecord *pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Council", NULL);
  TillitRecord *learning = tillit_store_create (store, TILLIT_TYPE_LEARNING, &error,
                                                "pilot", tillit_record_get_uuid (pilot), NULL);
  struct { const char *text; guint max; const char *headline; } cases[] = {
    { NULL, 20, "" },
    { "  Ask first  \nThen listen.", 20, "Ask first" },
    { "Brukarna ställde bättre frågor än vi", 20, "Brukarna ställde…" },
    { "Överenskommelser", 8, "Överens…" },
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *headline = NULL;

      g_assert_true (tillit_store_update (store, learning, &error, "text", cases[i].text, NULL));
      headline = tillit_learning_dup_headline (learning, cases[i].max);
      g_assert_cmpstr (headline, ==, cases[i].headline);
      g_assert_cmpuint (g_utf8_strlen (headline, -1), <=, cases[i].max);
    }
}

/* A record counts the writes that changed it, undo and redo included,
 * so that a view may keep what it derives from the fields until then. */
static void
test_revision (TestFile      *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  TillitRecord *pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Council", NULL);
  g_autofree char *modified = NULL;
  guint created;

  g_assert_no_error (error);
  created = tillit_record_get_revision (pilot);

  g_assert_true (tillit_store_update (store, pilot, &error, "title", "Users' council", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (tillit_record_get_revision (pilot), ==, created + 1);

  /* An edit that keeps `modified` (as an import may) is counted too;
   * one that changes nothing is not. */
  modified = g_strdup (tillit_record_get_modified (pilot));
  g_assert_true (tillit_store_update (store, pilot, &error, "owner", "Eva Lind", "modified", modified, NULL));
  g_assert_true (tillit_store_update (store, pilot, &error, "owner", "Anna Berg", NULL));
  g_assert_true (tillit_store_update (store, pilot, &error, "owner", "Anna Berg", NULL));
  g_assert_no_error (error);
  g_assert_cmpuint (tillit_record_get_revision (pilot), ==, created + 3);

  g_assert_true (tillit_store_undo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tillit_record_get_string (pilot, "owner"), ==, "Eva Lind");
  g_assert_cmpuint (tillit_record_get_revision (pilot), ==, created + 4);
  g_assert_true (tillit_store_redo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tillit_record_get_revision (pilot), ==, created + 5);
}

/* An importer's own SQL, seen by the store as if it had written it. */
static void
test_write_sql (TestFile      *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  g_autofree char *before = test_sql_dump (fixture->path);
  g_autofree char *imported = NULL;
  g_autofree char *now = NULL;
  GListModel *pilots = tillit_store_list (store, TILLIT_TYPE_PILOT);
  GListModel *learnings = tillit_store_list (store, TILLIT_TYPE_LEARNING);
  ItemsChanged counts = { 0, 0 };
  TillitRecord *pilot;
  const char *rows =
    "INSERT INTO pilot (uuid, created, modified, title) VALUES"
    " ('7d9a4c9e-2b1f-4a53-9d1e-6c0b8f3e2a10', '2026-02-01T08:00:00.000Z',"
    "  '2026-02-02T08:00:00.000Z', 'Imported pilot');"
    "INSERT INTO learning (uuid, created, modified, pilot, text) VALUES"
    " ('1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', '2026-02-01T08:00:00.000Z',"
    "  '2026-02-01T08:00:00.000Z', '7d9a4c9e-2b1f-4a53-9d1e-6c0b8f3e2a10', 'Travelled well');";

  g_signal_connect (pilots, "items-changed", G_CALLBACK (on_items_changed), &counts);
  tillit_store_write_sql (store, "Import pilots", import_rows, (gpointer) rows, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (learnings), ==, 1);
  pilot = tillit_store_lookup (store, "7d9a4c9e-2b1f-4a53-9d1e-6c0b8f3e2a10");
  g_assert_nonnull (pilot);
  g_assert_cmpstr (tillit_record_get_string (pilot, "title"), ==, "Imported pilot");
  g_assert_cmpstr (tillit_record_get_modified (pilot), ==, "2026-02-02T08:00:00.000Z");
  g_assert_cmpstr (tillit_store_get_undo_label (store), ==, "Import pilots");
  imported = test_sql_dump (fixture->path);

  tillit_store_undo (store, &error);
  g_assert_no_error (error);
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, before);
  g_assert_null (tillit_store_lookup (store, "7d9a4c9e-2b1f-4a53-9d1e-6c0b8f3e2a10"));
  g_assert_cmpuint (g_list_model_get_n_items (learnings), ==, 0);
  g_clear_pointer (&now, g_free);

  tillit_store_redo (store, &error);
  g_assert_no_error (error);
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, imported);
  g_clear_pointer (&now, g_free);

  /* A failing import leaves nothing behind, in the file or in memory. */
  g_assert_false (tillit_store_write_sql (store, "Import", import_rows,
                                          "UPDATE pilot SET title = 'Half';"
                                          "INSERT INTO learning (uuid) VALUES ('x')", &error));
  g_assert_nonnull (error);
  now = test_sql_dump (fixture->path);
  g_assert_cmpstr (now, ==, imported);
  g_assert_cmpstr (tillit_record_get_string (tillit_store_lookup (store, "7d9a4c9e-2b1f-4a53-9d1e-6c0b8f3e2a10"),
                                             "title"), ==, "Imported pilot");
  g_assert_cmpstr (tillit_store_get_undo_label (store), ==, "Import pilots");
}

static void
test_default_records (TestFile      *fixture,
                      gconstpointer  data)
{
  g_autoptr(TillitStore) store = open_store (fixture->path);
  GListModel *principles = tillit_store_list (store, TILLIT_TYPE_PRINCIPLE);
  TillitRecord *first = nth (store, TILLIT_TYPE_PRINCIPLE, 0);
  TillitRecord *last = nth (store, TILLIT_TYPE_PRINCIPLE, 6);
  TillitRecord *formats = nth (store, TILLIT_TYPE_AGENDA_FORMAT, 1);

  g_assert_cmpuint (g_list_model_get_n_items (principles), ==, 7);
  g_assert_cmpstr (tillit_record_get_string (first, "name-sv"), ==, "Medborgarfokus");
  g_assert_cmpstr (tillit_record_get_string (last, "name-en"), ==, "Learning");
  g_assert_null (tillit_record_get_origin (first));
  g_assert_true (tillit_record_get_boolean (formats, "dialogue"));
  g_assert_cmpuint (g_strv_length ((char **) tillit_record_get_strv (nth (store, TILLIT_TYPE_COMPETENCY, 0),
                                                                     "principles")), ==, 2);
  g_assert_nonnull (tillit_store_lookup (store,
                    tillit_record_get_strv (nth (store, TILLIT_TYPE_COMPETENCY, 0), "principles")[0]));
}

/* Adapting a pilot from elsewhere makes our own copy at the first stage
 * that points back at the original; the original is left as it was. */
static void
test_pilot_adapt (TestFile      *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) store = open_store (fixture->path);
  TillitRecord *ours, *theirs, *original, *copy;
  const char *principles[] = { NULL, NULL };

  ours = tillit_store_create (store, TILLIT_TYPE_MUNICIPALITY, &error,
                              "name", "Ekdala kommun", "code", "9999", "ours", TRUE, NULL);
  g_assert_no_error (error);
  theirs = tillit_store_create (store, TILLIT_TYPE_MUNICIPALITY, &error,
                                "name", "Granby kommun", "code", "8888", NULL);
  g_assert_no_error (error);
  principles[0] = tillit_record_get_uuid (nth (store, TILLIT_TYPE_PRINCIPLE, 2));
  original = tillit_store_create (store, TILLIT_TYPE_PILOT, &error,
                                  "title", "Digital key handover", "stage", "implement",
                                  "need", "Keys go missing", "principles", principles,
                                  "origin", tillit_record_get_uuid (theirs), NULL);
  g_assert_no_error (error);

  copy = tillit_pilot_adapt (store, original, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (copy != original);
  g_assert_cmpstr (tillit_record_get_origin (copy), ==, tillit_record_get_uuid (ours));
  g_assert_cmpstr (tillit_record_get_string (copy, "adapted-from"), ==, tillit_record_get_uuid (original));
  g_assert_cmpstr (tillit_record_get_string (copy, "title"), ==, "Digital key handover");
  g_assert_cmpstr (tillit_record_get_string (copy, "need"), ==, "Keys go missing");
  g_assert_cmpstr (tillit_record_get_string (copy, "stage"), ==, "identify");
  g_assert_nonnull (tillit_record_get_string (copy, "identify-date"));
  g_assert_cmpstrv (tillit_record_get_strv (copy, "principles"), principles);
  g_assert_cmpstr (tillit_record_get_string (original, "stage"), ==, "implement");
  g_assert_cmpstr (tillit_record_get_origin (original), ==, tillit_record_get_uuid (theirs));
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_PILOT)), ==, 2);

  /* One step to take back. */
  g_assert_true (tillit_store_undo (store, &error));
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_PILOT)), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  const TillitRecordKind * const *kinds;

  g_test_init (&argc, &argv, NULL);

  kinds = tillit_record_kinds (NULL);
  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autofree char *path = g_strdup_printf ("/store/kind/%s", kinds[k]->name);

      g_test_add (path, TestFile, kinds[k], test_file_setup, test_kind_lifecycle, test_file_teardown);
    }

  TEST_ADD ("/store/default-records", test_default_records);
  TEST_ADD ("/store/delete/pilot-cascade", test_pilot_cascade);
  TEST_ADD ("/store/pilot-adapt", test_pilot_adapt);
  TEST_ADD ("/store/delete/set-references", test_set_references);
  TEST_ADD ("/store/delete/restrict", test_restrict);
  TEST_ADD ("/store/invalid-values", test_invalid_values);
  TEST_ADD ("/store/failed-write-leaves-memory", test_failed_write_leaves_memory);
  TEST_ADD ("/store/order-and-groups", test_order_and_groups);
  TEST_ADD ("/store/load-order", test_load_order);
  TEST_ADD ("/store/records-changed", test_records_changed);
  TEST_ADD ("/store/erase-personal", test_erase_personal);
  TEST_ADD ("/store/forget-history", test_forget_history);
  TEST_ADD ("/store/sync-state", test_sync_state);
  TEST_ADD ("/store/write-sql", test_write_sql);
  TEST_ADD ("/store/learning-headline", test_learning_headline);
  TEST_ADD ("/store/revision", test_revision);

  return g_test_run ();
}
