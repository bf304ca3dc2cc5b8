/* tillit-evidence.c: evidence for a cell: a note, a link to any record, or both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-evidence.h"
#include "tillit-record-private.h"

struct _TillitEvidence
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitEvidence, tillit_evidence, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "cell", .type = TILLIT_FIELD_REFERENCE, .column = "cell",
    .xml_name = "cell", .flags = TILLIT_FIELD_REQUIRED, .target = "cell",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("cell") },
  { .name = "note", .type = TILLIT_FIELD_TEXT, .column = "note",
    .xml_name = "note",
    .label = N_("note") },
  { .name = "link", .type = TILLIT_FIELD_REFERENCE, .column = "link",
    .xml_name = "link",
    .label = N_("linked record") },
};

static const TillitRecordKind kind = {
  .name = "evidence",
  .table = "evidence",
  .xml_name = "evidence",
  .label = N_("piece of evidence"),
  .get_type = tillit_evidence_get_type,
  .parent_field = "cell",
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_evidence_class_init (TillitEvidenceClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_evidence_init (TillitEvidence *self)
{
}
