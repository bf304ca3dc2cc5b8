/* tillit-record.c: what every record has, and generic access to the rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-record-private.h"

typedef struct
{
  GValue *row;
  guint revision;
} TillitRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TillitRecord, tillit_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_ORIGIN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const TillitField base_fields[TILLIT_RECORD_N_BASE_FIELDS] = {
  { .name = "uuid", .type = TILLIT_FIELD_STRING, .column = "uuid",
    .xml_name = "uuid", .flags = TILLIT_FIELD_REQUIRED,
    .label = N_("unique identifier") },
  { .name = "created", .type = TILLIT_FIELD_DATETIME, .column = "created",
    .xml_name = "created", .flags = TILLIT_FIELD_REQUIRED,
    .label = N_("created") },
  { .name = "modified", .type = TILLIT_FIELD_DATETIME, .column = "modified",
    .xml_name = "modified", .flags = TILLIT_FIELD_REQUIRED,
    .label = N_("last changed") },
  { .name = "origin", .type = TILLIT_FIELD_REFERENCE, .column = "origin",
    .xml_name = "origin", .target = "municipality",
    .on_delete = TILLIT_ON_DELETE_RESTRICT,
    .label = N_("municipality of origin") },
};

const TillitField *
tillit_record_base_fields (void)
{
  return base_fields;
}

GType
tillit_field_value_type (const TillitField *field)
{
  switch (field->type)
    {
    case TILLIT_FIELD_INT:
      return G_TYPE_INT;
    case TILLIT_FIELD_BOOL:
      return G_TYPE_BOOLEAN;
    case TILLIT_FIELD_ENUM_SET:
    case TILLIT_FIELD_REFERENCE_SET:
      return G_TYPE_STRV;
    case TILLIT_FIELD_STRING:
    case TILLIT_FIELD_TEXT:
    case TILLIT_FIELD_DATE:
    case TILLIT_FIELD_TIME:
    case TILLIT_FIELD_DATETIME:
    case TILLIT_FIELD_ENUM:
    case TILLIT_FIELD_REFERENCE:
    default:
      return G_TYPE_STRING;
    }
}

static void
field_init_value (const TillitField *field,
                  GValue            *value)
{
  static const char * const empty[] = { NULL };

  g_value_init (value, tillit_field_value_type (field));

  switch (field->type)
    {
    case TILLIT_FIELD_INT:
      g_value_set_int (value, CLAMP (0, field->min, field->max));
      break;
    case TILLIT_FIELD_ENUM:
      g_value_set_static_string (value, field->nicks[0]);
      break;
    case TILLIT_FIELD_ENUM_SET:
    case TILLIT_FIELD_REFERENCE_SET:
      g_value_set_boxed (value, empty);
      break;
    case TILLIT_FIELD_STRING:
    case TILLIT_FIELD_TEXT:
    case TILLIT_FIELD_BOOL:
    case TILLIT_FIELD_DATE:
    case TILLIT_FIELD_TIME:
    case TILLIT_FIELD_DATETIME:
    case TILLIT_FIELD_REFERENCE:
    default:
      break;
    }
}

GValue *
tillit_row_new (const TillitRecordKind *kind)
{
  guint n = tillit_record_kind_n_all_fields (kind);
  GValue *row = g_new0 (GValue, n);

  for (guint i = 0; i < n; i++)
    field_init_value (tillit_record_kind_field (kind, i), &row[i]);

  return row;
}

GValue *
tillit_row_copy (const TillitRecordKind *kind,
                 const GValue           *row)
{
  guint n = tillit_record_kind_n_all_fields (kind);
  GValue *copy = g_new0 (GValue, n);

  for (guint i = 0; i < n; i++)
    {
      g_value_init (&copy[i], G_VALUE_TYPE (&row[i]));
      g_value_copy (&row[i], &copy[i]);
    }

  return copy;
}

void
tillit_row_free (const TillitRecordKind *kind,
                 GValue                 *row)
{
  guint n;

  if (row == NULL)
    return;

  n = tillit_record_kind_n_all_fields (kind);
  for (guint i = 0; i < n; i++)
    g_value_unset (&row[i]);
  g_free (row);
}

gboolean
tillit_value_equal (const GValue *a,
                    const GValue *b)
{
  g_assert (G_VALUE_TYPE (a) == G_VALUE_TYPE (b));

  if (G_VALUE_HOLDS_STRING (a))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (G_VALUE_HOLDS_INT (a))
    return g_value_get_int (a) == g_value_get_int (b);
  if (G_VALUE_HOLDS_BOOLEAN (a))
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (G_VALUE_HOLDS (a, G_TYPE_STRV))
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);
      static const char * const empty[] = { NULL };

      return g_strv_equal (sa ? sa : empty, sb ? sb : empty);
    }

  g_assert_not_reached ();
}

static GParamSpec *
field_param_spec (const TillitField *field)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  switch (field->type)
    {
    case TILLIT_FIELD_INT:
      return g_param_spec_int (field->name, NULL, NULL, field->min, field->max,
                               CLAMP (0, field->min, field->max), flags);
    case TILLIT_FIELD_BOOL:
      return g_param_spec_boolean (field->name, NULL, NULL, FALSE, flags);
    case TILLIT_FIELD_ENUM_SET:
    case TILLIT_FIELD_REFERENCE_SET:
      return g_param_spec_boxed (field->name, NULL, NULL, G_TYPE_STRV, flags);
    case TILLIT_FIELD_ENUM:
      return g_param_spec_string (field->name, NULL, NULL, field->nicks[0], flags);
    case TILLIT_FIELD_STRING:
    case TILLIT_FIELD_TEXT:
    case TILLIT_FIELD_DATE:
    case TILLIT_FIELD_TIME:
    case TILLIT_FIELD_DATETIME:
    case TILLIT_FIELD_REFERENCE:
    default:
      return g_param_spec_string (field->name, NULL, NULL, NULL, flags);
    }
}

/* The store gives each record its row as it creates it; only a record
 * made some other way starts from the defaults, and only when read. */
static GValue *
get_row (TillitRecord *self)
{
  TillitRecordPrivate *priv = tillit_record_get_instance_private (self);

  if (priv->row == NULL)
    priv->row = tillit_row_new (tillit_record_get_kind (self));

  return priv->row;
}

/* Every kind's own properties are numbered from 1 in its own class, so
 * one get_property serves them all: the owner of the pspec tells whether
 * the id counts base fields or the kind's own. */
static void
tillit_record_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TillitRecord *self = TILLIT_RECORD (object);
  guint index = prop_id - 1;

  if (pspec->owner_type != TILLIT_TYPE_RECORD)
    index += TILLIT_RECORD_N_BASE_FIELDS;

  g_value_copy (&get_row (self)[index], value);
}

static void
tillit_record_finalize (GObject *object)
{
  TillitRecord *self = TILLIT_RECORD (object);
  TillitRecordPrivate *priv = tillit_record_get_instance_private (self);

  tillit_row_free (tillit_record_get_kind (self), priv->row);

  G_OBJECT_CLASS (tillit_record_parent_class)->finalize (object);
}

static void
tillit_record_class_init (TillitRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tillit_record_get_property;
  object_class->finalize = tillit_record_finalize;

  for (guint i = 0; i < TILLIT_RECORD_N_BASE_FIELDS; i++)
    properties[PROP_UUID + i] = field_param_spec (&base_fields[i]);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tillit_record_init (TillitRecord *self)
{
}

/* Called from each kind's class_init: the table is the only description
 * of the kind's properties. */
void
tillit_record_class_install_kind (TillitRecordClass      *klass,
                                  const TillitRecordKind *kind)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  /* GObject does not inherit get_property: each class that installs
   * properties names its own. */
  object_class->get_property = tillit_record_get_property;
  klass->kind = kind;
  klass->pspecs = g_new0 (GParamSpec *, kind->n_fields + 1);

  for (guint i = 0; i < kind->n_fields; i++)
    klass->pspecs[i + 1] = field_param_spec (&kind->fields[i]);

  g_object_class_install_properties (object_class, kind->n_fields + 1, klass->pspecs);
}

const TillitRecordKind *
tillit_record_get_kind (TillitRecord *self)
{
  g_return_val_if_fail (TILLIT_IS_RECORD (self), NULL);

  return TILLIT_RECORD_GET_CLASS (self)->kind;
}

const GValue *
tillit_record_get_value (TillitRecord *self,
                         guint         index)
{
  g_return_val_if_fail (TILLIT_IS_RECORD (self), NULL);
  g_return_val_if_fail (index < tillit_record_kind_n_all_fields (tillit_record_get_kind (self)), NULL);

  return &get_row (self)[index];
}

const char *
tillit_record_get_uuid (TillitRecord *self)
{
  g_return_val_if_fail (TILLIT_IS_RECORD (self), NULL);

  return g_value_get_string (tillit_record_get_value (self, 0));
}

const char *
tillit_record_get_created (TillitRecord *self)
{
  g_return_val_if_fail (TILLIT_IS_RECORD (self), NULL);

  return g_value_get_string (tillit_record_get_value (self, 1));
}

const char *
tillit_record_get_modified (TillitRecord *self)
{
  g_return_val_if_fail (TILLIT_IS_RECORD (self), NULL);

  return g_value_get_string (tillit_record_get_value (self, 2));
}

const char *
tillit_record_get_origin (TillitRecord *self)
{
  g_return_val_if_fail (TILLIT_IS_RECORD (self), NULL);

  return g_value_get_string (tillit_record_get_value (self, 3));
}

/**
 * tillit_record_get_revision:
 *
 * Counts the changes to the record's fields since it was loaded, one
 * per write that changed any (undo and redo included). What a view
 * derives from the fields stays valid while this stays the same: one
 * number to compare, where `modified` is a string that an import may
 * also keep as it was.
 *
 * Returns: the record's revision
 */
guint
tillit_record_get_revision (TillitRecord *self)
{
  TillitRecordPrivate *priv = tillit_record_get_instance_private (self);

  g_return_val_if_fail (TILLIT_IS_RECORD (self), 0);

  return priv->revision;
}

static const GValue *
lookup_value (TillitRecord *self,
              const char   *name,
              GType         type)
{
  int index = tillit_record_kind_find_field (tillit_record_get_kind (self), name);

  if (index < 0)
    {
      g_critical ("A %s has no field “%s”", tillit_record_get_kind (self)->name, name);
      return NULL;
    }

  if (!G_TYPE_CHECK_VALUE_TYPE (tillit_record_get_value (self, index), type))
    {
      g_critical ("The field “%s” does not hold a %s", name, g_type_name (type));
      return NULL;
    }

  return tillit_record_get_value (self, index);
}

const char *
tillit_record_get_string (TillitRecord *self,
                          const char   *name)
{
  const GValue *value;

  g_return_val_if_fail (TILLIT_IS_RECORD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  value = lookup_value (self, name, G_TYPE_STRING);
  return value ? g_value_get_string (value) : NULL;
}

int
tillit_record_get_int (TillitRecord *self,
                       const char   *name)
{
  const GValue *value;

  g_return_val_if_fail (TILLIT_IS_RECORD (self), 0);
  g_return_val_if_fail (name != NULL, 0);

  value = lookup_value (self, name, G_TYPE_INT);
  return value ? g_value_get_int (value) : 0;
}

gboolean
tillit_record_get_boolean (TillitRecord *self,
                           const char   *name)
{
  const GValue *value;

  g_return_val_if_fail (TILLIT_IS_RECORD (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  value = lookup_value (self, name, G_TYPE_BOOLEAN);
  return value ? g_value_get_boolean (value) : FALSE;
}

const char * const *
tillit_record_get_strv (TillitRecord *self,
                        const char   *name)
{
  const GValue *value;

  g_return_val_if_fail (TILLIT_IS_RECORD (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  value = lookup_value (self, name, G_TYPE_STRV);
  return value ? g_value_get_boxed (value) : NULL;
}

/* Takes @row: loading 50,000 pilots should neither build default rows
 * nor compare and notify each field of a record nobody can have
 * connected to yet. */
TillitRecord *
tillit_record_new_from_row (const TillitRecordKind *kind,
                            GValue                 *row)
{
  TillitRecord *self = g_object_new (kind->get_type (), NULL);
  TillitRecordPrivate *priv = tillit_record_get_instance_private (self);

  g_assert (priv->row == NULL);
  priv->row = row;

  return self;
}

const GValue *
tillit_record_peek_row (TillitRecord *self)
{
  return get_row (self);
}

static GParamSpec *
field_pspec (TillitRecord *self,
             guint         index)
{
  if (index < TILLIT_RECORD_N_BASE_FIELDS)
    return properties[PROP_UUID + index];

  return TILLIT_RECORD_GET_CLASS (self)->pspecs[index - TILLIT_RECORD_N_BASE_FIELDS + 1];
}

/* The store calls this after a write is committed; views hear of the
 * fields that really changed and of nothing else. */
void
tillit_record_set_row (TillitRecord *self,
                       const GValue *row)
{
  TillitRecordPrivate *priv = tillit_record_get_instance_private (self);
  GValue *current = get_row (self);
  guint n = tillit_record_kind_n_all_fields (tillit_record_get_kind (self));
  gboolean changed = FALSE;

  g_object_freeze_notify (G_OBJECT (self));

  for (guint i = 0; i < n; i++)
    {
      if (tillit_value_equal (&current[i], &row[i]))
        continue;

      g_value_copy (&row[i], &current[i]);
      changed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), field_pspec (self, i));
    }
  if (changed)
    priv->revision++;

  g_object_thaw_notify (G_OBJECT (self));
}
