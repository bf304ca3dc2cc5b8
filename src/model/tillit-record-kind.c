/* tillit-record-kind.c: the registry of record kinds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-record-private.h"

#include "tillit-municipality.h"
#include "tillit-framework.h"
#include "tillit-principle.h"
#include "tillit-level.h"
#include "tillit-cell.h"
#include "tillit-strategy.h"
#include "tillit-evidence.h"
#include "tillit-assessment.h"
#include "tillit-unit.h"
#include "tillit-pilot.h"
#include "tillit-learning.h"
#include "tillit-adoption.h"
#include "tillit-agenda-format.h"
#include "tillit-manager-day.h"
#include "tillit-agenda-item.h"
#include "tillit-competency.h"
#include "tillit-vacancy.h"
#include "tillit-profile-entry.h"
#include "tillit-candidate.h"
#include "tillit-rating.h"

/* Dependency order: every kind comes after the kinds its references
 * name (self-references aside), so export, import and schema checks can
 * walk the list front to back. */
static GType (* const kind_types[]) (void) = {
  tillit_municipality_get_type,
  tillit_framework_get_type,
  tillit_principle_get_type,
  tillit_level_get_type,
  tillit_cell_get_type,
  tillit_strategy_get_type,
  tillit_evidence_get_type,
  tillit_assessment_get_type,
  tillit_unit_get_type,
  tillit_pilot_get_type,
  tillit_learning_get_type,
  tillit_adoption_get_type,
  tillit_agenda_format_get_type,
  tillit_manager_day_get_type,
  tillit_agenda_item_get_type,
  tillit_competency_get_type,
  tillit_vacancy_get_type,
  tillit_profile_entry_get_type,
  tillit_candidate_get_type,
  tillit_rating_get_type,
};

static const TillitRecordKind *kinds[G_N_ELEMENTS (kind_types) + 1];

/**
 * tillit_record_kinds:
 * @n_kinds: (out) (optional): the number of kinds
 *
 * Returns: (transfer none): every kind, parents before children,
 *   %NULL-terminated
 */
const TillitRecordKind * const *
tillit_record_kinds (guint *n_kinds)
{
  if (g_once_init_enter (&kinds[0]))
    {
      const TillitRecordKind *first = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (kind_types); i++)
        {
          /* Record classes live as long as the program, like every
           * static type's class. */
          TillitRecordClass *klass = g_type_class_ref (kind_types[i] ());

          if (i == 0)
            first = klass->kind;
          else
            kinds[i] = klass->kind;
        }

      g_once_init_leave (&kinds[0], first);
    }

  if (n_kinds != NULL)
    *n_kinds = G_N_ELEMENTS (kind_types);

  return kinds;
}

const TillitRecordKind *
tillit_record_kind_lookup (const char *name)
{
  const TillitRecordKind * const *all = tillit_record_kinds (NULL);

  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; all[i] != NULL; i++)
    if (g_str_equal (all[i]->name, name))
      return all[i];

  return NULL;
}

const TillitRecordKind *
tillit_record_kind_for_type (GType type)
{
  const TillitRecordKind * const *all = tillit_record_kinds (NULL);

  for (guint i = 0; all[i] != NULL; i++)
    if (all[i]->get_type () == type)
      return all[i];

  return NULL;
}

/**
 * tillit_record_kind_n_all_fields:
 *
 * Returns: the number of fields of @kind counting the four every record
 *   has; indexes below it are valid for tillit_record_kind_field()
 */
guint
tillit_record_kind_n_all_fields (const TillitRecordKind *kind)
{
  g_return_val_if_fail (kind != NULL, 0);

  return TILLIT_RECORD_N_BASE_FIELDS + kind->n_fields;
}

const TillitField *
tillit_record_kind_field (const TillitRecordKind *kind,
                          guint                   index)
{
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (index < tillit_record_kind_n_all_fields (kind), NULL);

  if (index < TILLIT_RECORD_N_BASE_FIELDS)
    return &tillit_record_base_fields ()[index];

  return &kind->fields[index - TILLIT_RECORD_N_BASE_FIELDS];
}

/**
 * tillit_record_kind_find_field:
 *
 * Returns: the index of the field called @name, or -1
 */
int
tillit_record_kind_find_field (const TillitRecordKind *kind,
                               const char             *name)
{
  guint n;

  g_return_val_if_fail (kind != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  n = tillit_record_kind_n_all_fields (kind);
  for (guint i = 0; i < n; i++)
    if (g_str_equal (tillit_record_kind_field (kind, i)->name, name))
      return i;

  return -1;
}

const char *
tillit_record_kind_get_label (const TillitRecordKind *kind)
{
  g_return_val_if_fail (kind != NULL, NULL);

  return _(kind->label);
}

/**
 * tillit_record_kind_get_field_label:
 * @index: below tillit_record_kind_n_all_fields()
 *
 * Returns: the label of the field at @index, translated: a lower-case
 *   noun phrase to quote a field to a user, where its name is for code
 */
const char *
tillit_record_kind_get_field_label (const TillitRecordKind *kind,
                                    guint                   index)
{
  const TillitField *field = tillit_record_kind_field (kind, index);

  g_return_val_if_fail (field != NULL, NULL);

  return _(field->label);
}

/**
 * tillit_field_enum_index:
 *
 * Returns: the place of @nick on the field's scale, or -1
 */
int
tillit_field_enum_index (const TillitField *field,
                         const char        *nick)
{
  g_return_val_if_fail (field != NULL, -1);
  g_return_val_if_fail (field->nicks != NULL, -1);

  if (nick == NULL)
    return -1;

  for (int i = 0; field->nicks[i] != NULL; i++)
    if (g_str_equal (field->nicks[i], nick))
      return i;

  return -1;
}

gboolean
tillit_field_is_personal (const TillitRecordKind *kind,
                          const TillitField      *field)
{
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  return kind->personal || (field->flags & TILLIT_FIELD_PERSONAL) != 0;
}
