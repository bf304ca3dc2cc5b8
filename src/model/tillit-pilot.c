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
    .xml_name = "title", .flags = TILLIT_FIELD_REQUIRED },
  { .name = "unit", .type = TILLIT_FIELD_REFERENCE, .column = "unit",
    .xml_name = "unit", .target = "unit" },
  { .name = "owner", .type = TILLIT_FIELD_STRING, .column = "owner",
    .xml_name = "owner", .flags = TILLIT_FIELD_PERSONAL },
  { .name = "stage", .type = TILLIT_FIELD_ENUM, .column = "stage",
    .xml_name = "stage", .nicks = stage_nicks },
  { .name = "identify-date", .type = TILLIT_FIELD_DATE,
    .column = "identify_date", .xml_name = "identify-date" },
  { .name = "test-date", .type = TILLIT_FIELD_DATE, .column = "test_date",
    .xml_name = "test-date" },
  { .name = "implement-date", .type = TILLIT_FIELD_DATE,
    .column = "implement_date", .xml_name = "implement-date" },
  { .name = "follow-up-date", .type = TILLIT_FIELD_DATE,
    .column = "follow_up_date", .xml_name = "follow-up-date" },
  { .name = "need", .type = TILLIT_FIELD_TEXT, .column = "need",
    .xml_name = "need" },
  { .name = "idea", .type = TILLIT_FIELD_TEXT, .column = "idea",
    .xml_name = "idea" },
  { .name = "involvement", .type = TILLIT_FIELD_ENUM_SET,
    .column = "involvement", .xml_name = "involvement",
    .nicks = involvement_nicks },
  { .name = "support", .type = TILLIT_FIELD_ENUM_SET, .column = "support",
    .xml_name = "support", .nicks = support_nicks },
  { .name = "decision", .type = TILLIT_FIELD_ENUM, .column = "decision",
    .xml_name = "decision", .nicks = decision_nicks },
  { .name = "decided-by", .type = TILLIT_FIELD_STRING,
    .column = "decided_by", .xml_name = "decided-by",
    .flags = TILLIT_FIELD_PERSONAL },
  { .name = "decision-date", .type = TILLIT_FIELD_DATE,
    .column = "decision_date", .xml_name = "decision-date" },
  { .name = "conditions", .type = TILLIT_FIELD_TEXT, .column = "conditions",
    .xml_name = "conditions" },
  { .name = "principles", .type = TILLIT_FIELD_REFERENCE_SET,
    .column = "principles", .xml_name = "principles", .target = "principle" },
  { .name = "start-date", .type = TILLIT_FIELD_DATE, .column = "start_date",
    .xml_name = "start-date" },
  { .name = "end-date", .type = TILLIT_FIELD_DATE, .column = "end_date",
    .xml_name = "end-date" },
  { .name = "outcome", .type = TILLIT_FIELD_ENUM, .column = "outcome",
    .xml_name = "outcome", .nicks = outcome_nicks },
  { .name = "outcome-note", .type = TILLIT_FIELD_TEXT,
    .column = "outcome_note", .xml_name = "outcome-note" },
  { .name = "adapted-from", .type = TILLIT_FIELD_REFERENCE,
    .column = "adapted_from", .xml_name = "adapted-from",
    .flags = TILLIT_FIELD_EXTERNAL, .target = "pilot" },
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
