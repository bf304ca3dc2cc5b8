/* tillit-assessment.c: a dated snapshot of what people say and what they do, so the gap shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-assessment.h"
#include "tillit-record-private.h"

struct _TillitAssessment
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitAssessment, tillit_assessment, TILLIT_TYPE_RECORD)

/* The named 0–4 scale of a cell's assessment, from 0 to 4. */
static const char * const rating_nicks[] = {
  "not-started", "emerging", "developing", "established", "embedded", NULL
};

static const TillitField fields[] = {
  { .name = "cell", .type = TILLIT_FIELD_REFERENCE, .column = "cell",
    .xml_name = "cell", .flags = TILLIT_FIELD_REQUIRED, .target = "cell",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("cell") },
  { .name = "period", .type = TILLIT_FIELD_STRING, .column = "period",
    .xml_name = "period",
    .label = N_("period") },
  { .name = "date", .type = TILLIT_FIELD_DATE, .column = "date",
    .xml_name = "date",
    .label = N_("date") },
  { .name = "discourse", .type = TILLIT_FIELD_ENUM, .column = "discourse",
    .xml_name = "discourse", .nicks = rating_nicks,
    .label = N_("what is said (discourse)") },
  { .name = "practice", .type = TILLIT_FIELD_ENUM, .column = "practice",
    .xml_name = "practice", .nicks = rating_nicks,
    .label = N_("what is done (practice)") },
  { .name = "comment", .type = TILLIT_FIELD_TEXT, .column = "comment",
    .xml_name = "comment",
    .label = N_("comment") },
};

static const TillitRecordKind kind = {
  .name = "assessment",
  .table = "assessment",
  .xml_name = "assessment",
  .label = N_("assessment"),
  .get_type = tillit_assessment_get_type,
  .parent_field = "cell",
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_assessment_class_init (TillitAssessmentClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_assessment_init (TillitAssessment *self)
{
}
