/* tillit-candidate.c: a candidate for a vacancy: personal data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-candidate.h"
#include "tillit-record-private.h"

struct _TillitCandidate
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitCandidate, tillit_candidate, TILLIT_TYPE_RECORD)

static const char * const status_nicks[] = {
  "applied", "interviewed", "offered", "hired", "rejected", "withdrawn", NULL
};

static const TillitField fields[] = {
  { .name = "vacancy", .type = TILLIT_FIELD_REFERENCE, .column = "vacancy",
    .xml_name = "vacancy", .flags = TILLIT_FIELD_REQUIRED,
    .target = "vacancy", .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("vacancy") },
  { .name = "name", .type = TILLIT_FIELD_STRING, .column = "name",
    .xml_name = "name",
    .flags = TILLIT_FIELD_REQUIRED | TILLIT_FIELD_PERSONAL,
    .label = N_("name") },
  { .name = "status", .type = TILLIT_FIELD_ENUM, .column = "status",
    .xml_name = "status", .nicks = status_nicks,
    .label = N_("status") },
};

static const TillitRecordKind kind = {
  .name = "candidate",
  .table = "candidate",
  .xml_name = "candidate",
  .label = N_("candidate"),
  .get_type = tillit_candidate_get_type,
  .parent_field = "vacancy",
  .order_field = NULL,
  .personal = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_candidate_class_init (TillitCandidateClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_candidate_init (TillitCandidate *self)
{
}
