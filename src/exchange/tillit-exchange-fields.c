/* tillit-exchange-fields.c: how the model's fields travel in exchange files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The export, the import and the test that holds the XSD against the
 * model all ask these, so the rules live in one place.
 */
#include "config.h"

#include "tillit-exchange-fields.h"

/**
 * tillit_exchange_field_is_exchanged:
 *
 * Whether which municipality is "ours" is a fact about this database, not
 * about the programme: a file carrying it would make the importer's
 * database believe it is the exporter. Every other field travels.
 */
gboolean
tillit_exchange_field_is_exchanged (const TillitRecordKind *kind,
                                    const TillitField      *field)
{
  return !(g_str_equal (kind->name, "municipality") && g_str_equal (field->name, "ours"));
}

/**
 * tillit_exchange_field_is_optional:
 *
 * Whether the field's element may be missing from a record: personal data
 * (left out of exports without it), values that may be unset, and empty
 * sets. Numbers, yes-or-no and enums always have a value.
 */
gboolean
tillit_exchange_field_is_optional (const TillitField *field)
{
  if (field->flags & TILLIT_FIELD_PERSONAL)
    return TRUE;

  switch (field->type)
    {
    case TILLIT_FIELD_INT:
    case TILLIT_FIELD_BOOL:
    case TILLIT_FIELD_ENUM:
      return FALSE;
    case TILLIT_FIELD_ENUM_SET:
    case TILLIT_FIELD_REFERENCE_SET:
      return TRUE;
    case TILLIT_FIELD_STRING:
    case TILLIT_FIELD_TEXT:
    case TILLIT_FIELD_DATE:
    case TILLIT_FIELD_TIME:
    case TILLIT_FIELD_DATETIME:
    case TILLIT_FIELD_REFERENCE:
    default:
      return (field->flags & TILLIT_FIELD_REQUIRED) == 0;
    }
}

gboolean
tillit_exchange_field_is_set (const TillitField *field)
{
  return field->type == TILLIT_FIELD_ENUM_SET || field->type == TILLIT_FIELD_REFERENCE_SET;
}

/* "uuid", "created", ... for every exchanged field of @kind, each column
 * behind @prefix ("s." for a table alias, "" for none). */
char *
tillit_exchange_kind_columns (const TillitRecordKind *kind,
                              const char             *prefix)
{
  GString *sql = g_string_new (NULL);
  guint n = tillit_record_kind_n_all_fields (kind);

  for (guint i = 0; i < n; i++)
    {
      const TillitField *field = tillit_record_kind_field (kind, i);

      if (!tillit_exchange_field_is_exchanged (kind, field))
        continue;
      g_string_append_printf (sql, "%s%s\"%s\"", sql->len > 0 ? ", " : "", prefix,
                              field->column);
    }

  return g_string_free (sql, FALSE);
}

/* The index among tillit_record_kinds() of the kind whose element is
 * @xml_name, or -1. */
int
tillit_exchange_kind_index (const char *xml_name)
{
  guint n;
  const TillitRecordKind * const *kinds = tillit_record_kinds (&n);

  for (guint i = 0; i < n; i++)
    if (g_str_equal (kinds[i]->xml_name, xml_name))
      return (int) i;
  return -1;
}

/* The index of the field of @kind whose element is @xml_name, or -1; the
 * four fields every record has are attributes, not elements. */
int
tillit_exchange_field_index (const TillitRecordKind *kind,
                             const char             *xml_name)
{
  guint n = tillit_record_kind_n_all_fields (kind);

  for (guint i = TILLIT_RECORD_N_BASE_FIELDS; i < n; i++)
    if (g_str_equal (tillit_record_kind_field (kind, i)->xml_name, xml_name))
      return (int) i;
  return -1;
}

/* The model's spelling of a time of change, to the millisecond. */
char *
tillit_exchange_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *seconds = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (now) / 1000);
}
