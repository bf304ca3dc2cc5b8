/* tillit-record-kind.h: each kind of record, described once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TillitFieldType:
 * @TILLIT_FIELD_STRING: a short line of text (#G_TYPE_STRING, may be %NULL)
 * @TILLIT_FIELD_TEXT: long text, several paragraphs (#G_TYPE_STRING)
 * @TILLIT_FIELD_INT: a whole number between @min and @max (#G_TYPE_INT)
 * @TILLIT_FIELD_BOOL: yes or no (#G_TYPE_BOOLEAN)
 * @TILLIT_FIELD_DATE: `YYYY-MM-DD` (#G_TYPE_STRING)
 * @TILLIT_FIELD_TIME: `HH:MM`, 24-hour clock (#G_TYPE_STRING)
 * @TILLIT_FIELD_DATETIME: ISO 8601 in UTC, `YYYY-MM-DDTHH:MM:SS.mmmZ` (#G_TYPE_STRING)
 * @TILLIT_FIELD_ENUM: one of @nicks, never %NULL; the first is the default
 *   and the order is the order of the scale (#G_TYPE_STRING)
 * @TILLIT_FIELD_REFERENCE: the UUID of a record of kind @target, or %NULL
 *   (#G_TYPE_STRING)
 * @TILLIT_FIELD_ENUM_SET: a set of @nicks (#G_TYPE_STRV, sorted, never %NULL)
 * @TILLIT_FIELD_REFERENCE_SET: a set of UUIDs of records of kind @target
 *   (#G_TYPE_STRV, sorted, never %NULL)
 *
 * Enums are nicks rather than numbers in properties, SQL and XML alike, so a
 * file stays readable and a new value never renumbers the old ones.
 */
typedef enum
{
  TILLIT_FIELD_STRING,
  TILLIT_FIELD_TEXT,
  TILLIT_FIELD_INT,
  TILLIT_FIELD_BOOL,
  TILLIT_FIELD_DATE,
  TILLIT_FIELD_TIME,
  TILLIT_FIELD_DATETIME,
  TILLIT_FIELD_ENUM,
  TILLIT_FIELD_REFERENCE,
  TILLIT_FIELD_ENUM_SET,
  TILLIT_FIELD_REFERENCE_SET,
} TillitFieldType;

/**
 * TillitFieldFlags:
 * @TILLIT_FIELD_REQUIRED: never %NULL or empty
 * @TILLIT_FIELD_PERSONAL: names a person: left out of exports unless the
 *   user asks, and erased by the retention action
 * @TILLIT_FIELD_EXTERNAL: a reference that may name a record this database
 *   does not hold (another municipality's pilot), so it has no foreign key
 *   and survives the deletion of its target
 */
typedef enum
{
  TILLIT_FIELD_NONE = 0,
  TILLIT_FIELD_REQUIRED = 1 << 0,
  TILLIT_FIELD_PERSONAL = 1 << 1,
  TILLIT_FIELD_EXTERNAL = 1 << 2,
} TillitFieldFlags;

/**
 * TillitOnDelete:
 * @TILLIT_ON_DELETE_SET_NULL: the reference is cleared (the default)
 * @TILLIT_ON_DELETE_CASCADE: the referring record is deleted with its target
 * @TILLIT_ON_DELETE_RESTRICT: the target cannot be deleted while referred to
 *
 * What happens to a reference when its target is deleted. Sets of
 * references always lose the deleted UUID.
 */
typedef enum
{
  TILLIT_ON_DELETE_SET_NULL,
  TILLIT_ON_DELETE_CASCADE,
  TILLIT_ON_DELETE_RESTRICT,
} TillitOnDelete;

/**
 * TillitField:
 * @name: the property name, kebab-case
 * @type: what the value is
 * @column: the SQL column
 * @xml_name: the XML element in exchange files
 * @label: a translatable lower-case noun phrase for messages and lists
 *   ("note on the outcome"); see tillit_record_kind_get_field_label()
 * @flags: #TillitFieldFlags
 * @target: for references, the kind name of the target; %NULL for a
 *   reference to a record of any kind
 * @on_delete: for references with a foreign key
 * @nicks: for enums and enum sets, %NULL-terminated
 * @min: for ints
 * @max: for ints
 */
typedef struct
{
  const char *name;
  TillitFieldType type;
  const char *column;
  const char *xml_name;
  const char *label;
  TillitFieldFlags flags;
  const char *target;
  TillitOnDelete on_delete;
  const char * const *nicks;
  int min;
  int max;
} TillitField;

/**
 * TillitRecordKind:
 * @name: the kind's name, kebab-case ("pilot", "agenda-item")
 * @table: the SQL table
 * @xml_name: the XML element in exchange files
 * @label: a translatable lower-case noun for messages ("pilot")
 * @get_type: the #TillitRecord subclass
 * @parent_field: the reference field naming the record this one is nested
 *   under in an export (a learning under its pilot), or %NULL
 * @order_field: an int field that orders the kind's list, or %NULL for the
 *   order of creation
 * @personal: every record of the kind is personal data
 * @fields: the kind's own fields, after the four every record has
 * @n_fields: the length of @fields
 */
typedef struct
{
  const char *name;
  const char *table;
  const char *xml_name;
  const char *label;
  GType (*get_type) (void);
  const char *parent_field;
  const char *order_field;
  gboolean personal;
  const TillitField *fields;
  guint n_fields;
} TillitRecordKind;

/* The four fields every record has, in this order, before its own. */
#define TILLIT_RECORD_N_BASE_FIELDS 4

const TillitField       *tillit_record_base_fields       (void);

const TillitRecordKind * const *tillit_record_kinds      (guint                   *n_kinds);
const TillitRecordKind  *tillit_record_kind_lookup       (const char              *name);
const TillitRecordKind  *tillit_record_kind_for_type     (GType                    type);
guint                    tillit_record_kind_n_all_fields (const TillitRecordKind  *kind);
const TillitField       *tillit_record_kind_field        (const TillitRecordKind  *kind,
                                                          guint                    index);
int                      tillit_record_kind_find_field   (const TillitRecordKind  *kind,
                                                          const char              *name);
const char              *tillit_record_kind_get_label    (const TillitRecordKind  *kind);
const char              *tillit_record_kind_get_field_label (const TillitRecordKind *kind,
                                                             guint                   index);

GType                    tillit_field_value_type         (const TillitField       *field);
int                      tillit_field_enum_index         (const TillitField       *field,
                                                          const char              *nick);
gboolean                 tillit_field_is_personal        (const TillitRecordKind  *kind,
                                                          const TillitField       *field);

G_END_DECLS
