/* tillit-exchange-kinds.c: the record kinds the exchange format carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One table per kind, one line per field, in the order of the file. The
 * export, the import, the XSD test and the round-trip test walk these.
 * They stand in for the model's field tables until src/model has them;
 * then each entry here becomes a pointer to the model's.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-exchange-error.h"
#include "tillit-exchange-kinds.h"

#define OPTIONAL TILLIT_EXCHANGE_FIELD_OPTIONAL
#define PERSONAL TILLIT_EXCHANGE_FIELD_PERSONAL
#define KIND(name, section, table, personal, fields) \
  { name, section, table, personal, fields, G_N_ELEMENTS (fields) }

static const TillitExchangeField framework_fields[] = {
  { "name", "name", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "description", "description", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "edition", "edition", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
};

static const TillitExchangeField principle_fields[] = {
  { "framework", "framework", TILLIT_EXCHANGE_FIELD_REFERENCE, "framework", 0 },
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "name", "name", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "description", "description", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "retired", "retired", TILLIT_EXCHANGE_FIELD_BOOLEAN, NULL, 0 },
};

static const TillitExchangeField level_fields[] = {
  { "framework", "framework", TILLIT_EXCHANGE_FIELD_REFERENCE, "framework", 0 },
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "name", "name", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "description", "description", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
};

static const TillitExchangeField cell_fields[] = {
  { "principle", "principle", TILLIT_EXCHANGE_FIELD_REFERENCE, "principle", 0 },
  { "level", "level", TILLIT_EXCHANGE_FIELD_REFERENCE, "level", 0 },
};

static const TillitExchangeField strategy_fields[] = {
  { "cell", "cell", TILLIT_EXCHANGE_FIELD_REFERENCE, "cell", 0 },
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "text", "text", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
};

static const TillitExchangeField unit_fields[] = {
  { "name", "name", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "service-area", "service_area", TILLIT_EXCHANGE_FIELD_CHOICE, NULL, OPTIONAL },
};

static const TillitExchangeField pilot_fields[] = {
  { "unit", "unit", TILLIT_EXCHANGE_FIELD_REFERENCE, "unit", OPTIONAL },
  { "title", "title", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "stage", "stage", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "owner", "owner", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL | PERSONAL },
  { "need", "need", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "idea", "idea", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "user-involvement", "user_involvement", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "support", "support", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "decision", "decision", TILLIT_EXCHANGE_FIELD_CHOICE, NULL, 0 },
  { "decided-by", "decided_by", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL | PERSONAL },
  { "decided-on", "decided_on", TILLIT_EXCHANGE_FIELD_DATE, NULL, OPTIONAL },
  { "conditions", "conditions", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "outcome", "outcome", TILLIT_EXCHANGE_FIELD_CHOICE, NULL, OPTIONAL },
  { "principles", "principles", TILLIT_EXCHANGE_FIELD_REFERENCES, "principle", OPTIONAL },
};

static const TillitExchangeField learning_fields[] = {
  { "pilot", "pilot", TILLIT_EXCHANGE_FIELD_REFERENCE, "pilot", 0 },
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "learned-on", "learned_on", TILLIT_EXCHANGE_FIELD_DATE, NULL, OPTIONAL },
  { "text", "text", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
};

static const TillitExchangeField adoption_fields[] = {
  { "pilot", "pilot", TILLIT_EXCHANGE_FIELD_REFERENCE, "pilot", 0 },
  { "unit", "unit", TILLIT_EXCHANGE_FIELD_REFERENCE, "unit", 0 },
  { "adopted-on", "adopted_on", TILLIT_EXCHANGE_FIELD_DATE, NULL, OPTIONAL },
  { "note", "note", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
};

static const TillitExchangeField agenda_format_fields[] = {
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "name", "name", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "dialogue", "dialogue", TILLIT_EXCHANGE_FIELD_BOOLEAN, NULL, 0 },
};

static const TillitExchangeField manager_day_fields[] = {
  { "title", "title", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "held-on", "held_on", TILLIT_EXCHANGE_FIELD_DATE, NULL, OPTIONAL },
  { "location", "location", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "outcome", "outcome", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
};

static const TillitExchangeField agenda_item_fields[] = {
  { "manager-day", "manager_day", TILLIT_EXCHANGE_FIELD_REFERENCE, "manager-day", 0 },
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "start", "start", TILLIT_EXCHANGE_FIELD_TIME, NULL, OPTIONAL },
  { "duration", "duration", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "title", "title", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "format", "format", TILLIT_EXCHANGE_FIELD_REFERENCE, "agenda-format", OPTIONAL },
  { "facilitators", "facilitators", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL | PERSONAL },
  { "outcome", "outcome", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "principles", "principles", TILLIT_EXCHANGE_FIELD_REFERENCES, "principle", OPTIONAL },
  { "pilots", "pilots", TILLIT_EXCHANGE_FIELD_REFERENCES, "pilot", OPTIONAL },
};

static const TillitExchangeField competency_fields[] = {
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "name", "name", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "description", "description", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "principles", "principles", TILLIT_EXCHANGE_FIELD_REFERENCES, "principle", OPTIONAL },
};

static const TillitExchangeField vacancy_fields[] = {
  { "unit", "unit", TILLIT_EXCHANGE_FIELD_REFERENCE, "unit", OPTIONAL },
  { "title", "title", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "advertised-on", "advertised_on", TILLIT_EXCHANGE_FIELD_DATE, NULL, OPTIONAL },
  { "description", "description", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
};

static const TillitExchangeField profile_item_fields[] = {
  { "vacancy", "vacancy", TILLIT_EXCHANGE_FIELD_REFERENCE, "vacancy", 0 },
  { "competency", "competency", TILLIT_EXCHANGE_FIELD_REFERENCE, "competency", 0 },
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "weight", "weight", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "expected-level", "expected_level", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
};

static const TillitExchangeField evidence_fields[] = {
  { "cell", "cell", TILLIT_EXCHANGE_FIELD_REFERENCE, "cell", 0 },
  { "position", "position", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "note", "note", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
  { "link", "link", TILLIT_EXCHANGE_FIELD_URI, NULL, OPTIONAL },
  { "pilot", "pilot", TILLIT_EXCHANGE_FIELD_REFERENCE, "pilot", OPTIONAL },
  { "agenda-item", "agenda_item", TILLIT_EXCHANGE_FIELD_REFERENCE, "agenda-item", OPTIONAL },
  { "competency", "competency", TILLIT_EXCHANGE_FIELD_REFERENCE, "competency", OPTIONAL },
};

static const TillitExchangeField assessment_fields[] = {
  { "cell", "cell", TILLIT_EXCHANGE_FIELD_REFERENCE, "cell", 0 },
  { "period", "period", TILLIT_EXCHANGE_FIELD_TEXT, NULL, 0 },
  { "assessed-on", "assessed_on", TILLIT_EXCHANGE_FIELD_DATE, NULL, OPTIONAL },
  { "say", "say", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "do", "do", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, 0 },
  { "note", "note", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL },
};

static const TillitExchangeField candidate_fields[] = {
  { "vacancy", "vacancy", TILLIT_EXCHANGE_FIELD_REFERENCE, "vacancy", 0 },
  { "name", "name", TILLIT_EXCHANGE_FIELD_TEXT, NULL, PERSONAL },
  { "note", "note", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL | PERSONAL },
};

static const TillitExchangeField rating_fields[] = {
  { "candidate", "candidate", TILLIT_EXCHANGE_FIELD_REFERENCE, "candidate", 0 },
  { "competency", "competency", TILLIT_EXCHANGE_FIELD_REFERENCE, "competency", 0 },
  { "rater", "rater", TILLIT_EXCHANGE_FIELD_TEXT, NULL, PERSONAL },
  { "score", "score", TILLIT_EXCHANGE_FIELD_INTEGER, NULL, OPTIONAL },
  { "evidence", "evidence", TILLIT_EXCHANGE_FIELD_TEXT, NULL, OPTIONAL | PERSONAL },
};

static const TillitExchangeKind kinds[] = {
  KIND ("framework", "frameworks", "framework", FALSE, framework_fields),
  KIND ("principle", "principles", "principle", FALSE, principle_fields),
  KIND ("level", "levels", "level", FALSE, level_fields),
  KIND ("cell", "cells", "cell", FALSE, cell_fields),
  KIND ("strategy", "strategies", "strategy", FALSE, strategy_fields),
  KIND ("unit", "units", "unit", FALSE, unit_fields),
  KIND ("pilot", "pilots", "pilot", FALSE, pilot_fields),
  KIND ("learning", "learnings", "learning", FALSE, learning_fields),
  KIND ("adoption", "adoptions", "adoption", FALSE, adoption_fields),
  KIND ("agenda-format", "agenda-formats", "agenda_format", FALSE, agenda_format_fields),
  KIND ("manager-day", "manager-days", "manager_day", FALSE, manager_day_fields),
  KIND ("agenda-item", "agenda-items", "agenda_item", FALSE, agenda_item_fields),
  KIND ("competency", "competencies", "competency", FALSE, competency_fields),
  KIND ("vacancy", "vacancies", "vacancy", FALSE, vacancy_fields),
  KIND ("profile-item", "profile-items", "profile_item", FALSE, profile_item_fields),
  KIND ("evidence", "evidence", "evidence", FALSE, evidence_fields),
  KIND ("assessment", "assessments", "assessment", FALSE, assessment_fields),
  KIND ("candidate", "candidates", "candidate", TRUE, candidate_fields),
  KIND ("rating", "ratings", "rating", TRUE, rating_fields),
};

guint
tillit_exchange_kinds_get_n (void)
{
  return G_N_ELEMENTS (kinds);
}

const TillitExchangeKind *
tillit_exchange_kinds_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (kinds), NULL);

  return &kinds[index];
}

const TillitExchangeKind *
tillit_exchange_kinds_lookup (const char *xml_name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].xml_name, xml_name) == 0)
      return &kinds[i];
  return NULL;
}

const TillitExchangeKind *
tillit_exchange_kinds_lookup_section (const char *section)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i].section, section) == 0)
      return &kinds[i];
  return NULL;
}

int
tillit_exchange_kind_field_index (const TillitExchangeKind *kind,
                                  const char               *xml_name)
{
  for (guint i = 0; i < kind->n_fields; i++)
    if (g_strcmp0 (kind->fields[i].xml_name, xml_name) == 0)
      return (int) i;
  return -1;
}

/* A reference list is kept as space-separated UUIDs in one column. */
static const char *
sql_type (TillitExchangeFieldType type)
{
  switch (type)
    {
    case TILLIT_EXCHANGE_FIELD_INTEGER:
    case TILLIT_EXCHANGE_FIELD_BOOLEAN:
      return "INTEGER";
    default:
      return "TEXT";
    }
}

/* The tables, and the sync state (the `modified` each imported record had
 * when it last came in), for databases that do not have them yet. */
gboolean
tillit_exchange_kinds_ensure_tables (sqlite3  *db,
                                     GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("BEGIN;\n"
                                         "CREATE TABLE IF NOT EXISTS exchange_sync ("
                                         "uuid TEXT PRIMARY KEY, "
                                         "base_modified TEXT NOT NULL);\n");
  char *message = NULL;

  g_return_val_if_fail (db != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_string_append_printf (sql, "CREATE TABLE IF NOT EXISTS \"%s\" ("
                                   "uuid TEXT PRIMARY KEY, created TEXT NOT NULL, "
                                   "modified TEXT NOT NULL, origin TEXT NOT NULL",
                              kinds[i].table);
      for (guint j = 0; j < kinds[i].n_fields; j++)
        g_string_append_printf (sql, ", \"%s\" %s", kinds[i].fields[j].column,
                                sql_type (kinds[i].fields[j].type));
      g_string_append (sql, ");\n");
    }
  g_string_append (sql, "COMMIT;");

  if (sqlite3_exec (db, sql->str, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
                   _("The database could not be prepared for the exchange: %s"), message);
      sqlite3_free (message);
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}
