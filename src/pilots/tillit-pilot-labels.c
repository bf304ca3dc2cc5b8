/* tillit-pilot-labels.c: the words for a pilot's stages, decisions and
 * outcomes, and the order of the steering procedures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "tillit-pilot-labels.h"

typedef struct
{
  const char *field;
  const char *nick;
  const char *label;
} NickLabel;

/* The nicks themselves come from the pilot's field table; this only gives
 * each the words a user reads. */
static const NickLabel labels[] = {
  { "stage", "identify", N_("Identify") },
  { "stage", "test", N_("Test") },
  { "stage", "implement", N_("Implement") },
  { "stage", "follow-up", N_("Follow up") },
  { "decision", "pending", N_("Pending") },
  { "decision", "approved", N_("Approved") },
  { "decision", "declined", N_("Declined") },
  { "outcome", "none", N_("Not yet decided") },
  { "outcome", "adopt", N_("Adopt") },
  { "outcome", "adapt", N_("Adapt") },
  { "outcome", "abandon", N_("Abandon") },
  { "involvement", "focus-groups", N_("Focus groups") },
  { "involvement", "stakeholder-dialogues", N_("Stakeholder dialogues") },
  { "involvement", "surveys", N_("Surveys") },
  { "involvement", "user-ombudsman", N_("User ombudsman") },
  { "support", "action-researcher", N_("Action researcher") },
  { "support", "administrative", N_("Administrative support") },
  { "support", "digital", N_("Digital support") },
  { "support", "financial", N_("Financial support") },
  { "support", "pedagogical", N_("Pedagogical support") },
};

static const TillitField *
pilot_field (const char *field)
{
  const TillitRecordKind *kind = tillit_record_kind_for_type (TILLIT_TYPE_PILOT);
  int index = tillit_record_kind_find_field (kind, field);

  g_return_val_if_fail (index >= 0, NULL);
  return tillit_record_kind_field (kind, index);
}

/**
 * tillit_pilot_nick_label:
 * @field: an enum or enum-set field of the pilot
 * @nick: one of its nicks
 *
 * Returns: the translated label, or @nick itself for a nick newer than
 *   this table, so that nothing ever shows blank
 */
const char *
tillit_pilot_nick_label (const char *field,
                         const char *nick)
{
  g_return_val_if_fail (field != NULL, NULL);

  if (nick == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field) && g_str_equal (labels[i].nick, nick))
      return _(labels[i].label);

  return nick;
}

const char * const *
tillit_pilot_field_nicks (const char *field)
{
  const TillitField *f = pilot_field (field);

  g_return_val_if_fail (f != NULL, NULL);
  return f->nicks;
}

guint
tillit_pilot_n_nicks (const char *field)
{
  const char * const *nicks = tillit_pilot_field_nicks (field);

  return nicks != NULL ? g_strv_length ((char **) nicks) : 0;
}

/**
 * tillit_pilot_next_stage:
 * @stage: a stage nick
 *
 * Returns: (nullable): the steering procedure after @stage, or %NULL
 *   after the last
 */
const char *
tillit_pilot_next_stage (const char *stage)
{
  const TillitField *f = pilot_field ("stage");
  int index;

  g_return_val_if_fail (stage != NULL, NULL);

  index = tillit_field_enum_index (f, stage);
  if (index < 0 || f->nicks[index + 1] == NULL)
    return NULL;
  return f->nicks[index + 1];
}

/**
 * tillit_pilot_stage_date_field:
 * @stage: a stage nick
 *
 * Returns: (transfer full) (nullable): the date field recording when a
 *   pilot entered @stage, or %NULL if the model has none
 */
char *
tillit_pilot_stage_date_field (const char *stage)
{
  const TillitRecordKind *kind = tillit_record_kind_for_type (TILLIT_TYPE_PILOT);
  g_autofree char *name = NULL;

  g_return_val_if_fail (stage != NULL, NULL);

  name = g_strconcat (stage, "-date", NULL);
  if (tillit_record_kind_find_field (kind, name) < 0)
    return NULL;
  return g_steal_pointer (&name);
}

char *
tillit_pilot_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * tillit_pilot_date_is_valid:
 * @text: (nullable): what the user typed
 *
 * Returns: whether @text is empty or a real `YYYY-MM-DD` date
 */
gboolean
tillit_pilot_date_is_valid (const char *text)
{
  GDate date;
  int y, m, d;
  char tail;

  if (text == NULL || *text == '\0')
    return TRUE;
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_valid (&date);
}

/**
 * tillit_pilot_prefers_swedish:
 *
 * Returns: whether the user reads Swedish first, for records that hold
 *   a text per language
 */
gboolean
tillit_pilot_prefers_swedish (void)
{
  const char * const *languages = g_get_language_names ();

  return languages[0] != NULL && g_str_has_prefix (languages[0], "sv");
}

/**
 * tillit_pilot_principle_name:
 * @principle: a #TillitPrinciple
 *
 * Returns: the principle's name in the language the user reads, falling
 *   back to the other language and then to its code
 */
const char *
tillit_pilot_principle_name (TillitRecord *principle)
{
  gboolean swedish = tillit_pilot_prefers_swedish ();
  const char *first, *second;

  g_return_val_if_fail (TILLIT_IS_RECORD (principle), NULL);

  first = tillit_record_get_string (principle, swedish ? "name-sv" : "name-en");
  second = tillit_record_get_string (principle, swedish ? "name-en" : "name-sv");

  if (first != NULL && *first != '\0')
    return first;
  if (second != NULL && *second != '\0')
    return second;
  return tillit_record_get_string (principle, "code") ?: "";
}
