/* tillit-pilot.c: a service improvement tested as a pilot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-pilot.h"
#include "tillit-record-private.h"

struct _TillitPilot
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitPilot, tillit_pilot, TILLIT_TYPE_RECORD)

/* The programme's four steering procedures, in order. */
static const char * const stage_nicks[] = {
  "identify", "test", "implement", "follow-up", NULL
};

static const char * const involvement_nicks[] = {
  "focus-groups", "stakeholder-dialogues", "surveys", "user-ombudsman", NULL
};

static const char * const support_nicks[] = {
  "action-researcher", "administrative", "digital", "financial", "pedagogical", NULL
};

static const char * const decision_nicks[] = {
  "pending", "approved", "declined", NULL
};

static const char * const outcome_nicks[] = {
  "none", "adopt", "adapt", "abandon", NULL
};

static const TillitField fields[] = {
  { .name = "title", .type = TILLIT_FIELD_STRING, .column = "title",
    .xml_name = "title", .flags = TILLIT_FIELD_REQUIRED,
    .label = N_("title") },
  { .name = "unit", .type = TILLIT_FIELD_REFERENCE, .column = "unit",
    .xml_name = "unit", .target = "unit",
    .label = N_("unit") },
  { .name = "owner", .type = TILLIT_FIELD_STRING, .column = "owner",
    .xml_name = "owner", .flags = TILLIT_FIELD_PERSONAL,
    .label = N_("owner") },
  { .name = "stage", .type = TILLIT_FIELD_ENUM, .column = "stage",
    .xml_name = "stage", .nicks = stage_nicks,
    .label = N_("stage") },
  { .name = "identify-date", .type = TILLIT_FIELD_DATE,
    .column = "identify_date", .xml_name = "identify-date",
    .label = N_("date of the identify stage") },
  { .name = "test-date", .type = TILLIT_FIELD_DATE, .column = "test_date",
    .xml_name = "test-date",
    .label = N_("date of the test stage") },
  { .name = "implement-date", .type = TILLIT_FIELD_DATE,
    .column = "implement_date", .xml_name = "implement-date",
    .label = N_("date of the implement stage") },
  { .name = "follow-up-date", .type = TILLIT_FIELD_DATE,
    .column = "follow_up_date", .xml_name = "follow-up-date",
    .label = N_("date of the follow-up stage") },
  { .name = "need", .type = TILLIT_FIELD_TEXT, .column = "need",
    .xml_name = "need",
    .label = N_("need") },
  { .name = "idea", .type = TILLIT_FIELD_TEXT, .column = "idea",
    .xml_name = "idea",
    .label = N_("idea") },
  { .name = "involvement", .type = TILLIT_FIELD_ENUM_SET,
    .column = "involvement", .xml_name = "involvement",
    .nicks = involvement_nicks,
    .label = N_("user involvement") },
  { .name = "support", .type = TILLIT_FIELD_ENUM_SET, .column = "support",
    .xml_name = "support", .nicks = support_nicks,
    .label = N_("support requested") },
  { .name = "decision", .type = TILLIT_FIELD_ENUM, .column = "decision",
    .xml_name = "decision", .nicks = decision_nicks,
    .label = N_("decision") },
  { .name = "decided-by", .type = TILLIT_FIELD_STRING,
    .column = "decided_by", .xml_name = "decided-by",
    .flags = TILLIT_FIELD_PERSONAL,
    .label = N_("decided by") },
  { .name = "decision-date", .type = TILLIT_FIELD_DATE,
    .column = "decision_date", .xml_name = "decision-date",
    .label = N_("decision date") },
  { .name = "conditions", .type = TILLIT_FIELD_TEXT, .column = "conditions",
    .xml_name = "conditions",
    .label = N_("conditions") },
  { .name = "principles", .type = TILLIT_FIELD_REFERENCE_SET,
    .column = "principles", .xml_name = "principles", .target = "principle",
    .label = N_("principles") },
  { .name = "start-date", .type = TILLIT_FIELD_DATE, .column = "start_date",
    .xml_name = "start-date",
    .label = N_("start date") },
  { .name = "end-date", .type = TILLIT_FIELD_DATE, .column = "end_date",
    .xml_name = "end-date",
    .label = N_("end date") },
  { .name = "outcome", .type = TILLIT_FIELD_ENUM, .column = "outcome",
    .xml_name = "outcome", .nicks = outcome_nicks,
    .label = N_("outcome") },
  { .name = "outcome-note", .type = TILLIT_FIELD_TEXT,
    .column = "outcome_note", .xml_name = "outcome-note",
    .label = N_("note on the outcome") },
  { .name = "adapted-from", .type = TILLIT_FIELD_REFERENCE,
    .column = "adapted_from", .xml_name = "adapted-from",
    .flags = TILLIT_FIELD_EXTERNAL, .target = "pilot",
    .label = N_("adapted from") },
};

static const TillitRecordKind kind = {
  .name = "pilot",
  .table = "pilot",
  .xml_name = "pilot",
  .label = N_("pilot"),
  .get_type = tillit_pilot_get_type,
  .parent_field = NULL,
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_pilot_class_init (TillitPilotClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_pilot_init (TillitPilot *self)
{
}

/**
 * tillit_pilot_adapt:
 * @store: the store that holds @pilot
 * @pilot: a pilot, usually from another municipality
 *
 * Makes our own copy of @pilot to try here: what it is about (title,
 * need, idea, involvement, support, principles), back at the first stage
 * from today, and the way back to the original in `adapted-from`, so
 * that its learnings stay in reach. The copy's origin is ours, as for
 * everything created here.
 *
 * Returns: (transfer none): the new pilot, owned by the store, or %NULL
 *   with @error set
 */
TillitRecord *
tillit_pilot_adapt (TillitStore   *store,
                    TillitRecord  *pilot,
                    GError       **error)
{
  const char *copied[] = { "title", "need", "idea", "involvement", "support", "principles" };
  const char *names[G_N_ELEMENTS (copied) + 3];
  GValue values[G_N_ELEMENTS (copied) + 3] = { G_VALUE_INIT };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  TillitRecord *copy;
  guint n = 0;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_PILOT (pilot), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (copied); i++, n++)
    {
      names[n] = copied[i];
      g_value_init (&values[n], G_PARAM_SPEC_VALUE_TYPE (g_object_class_find_property (G_OBJECT_GET_CLASS (pilot), copied[i])));
      g_object_get_property (G_OBJECT (pilot), copied[i], &values[n]);
    }
  names[n] = "adapted-from";
  g_value_init (&values[n], G_TYPE_STRING);
  g_value_set_string (&values[n++], tillit_record_get_uuid (pilot));
  names[n] = "stage";
  g_value_init (&values[n], G_TYPE_STRING);
  g_value_set_static_string (&values[n++], stage_nicks[0]);
  names[n] = "identify-date";
  g_value_init (&values[n], G_TYPE_STRING);
  g_value_take_string (&values[n++], g_date_time_format (now, "%Y-%m-%d"));

  copy = tillit_store_createv (store, TILLIT_TYPE_PILOT, n, names, values, error);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return copy;
}
