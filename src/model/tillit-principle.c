/* tillit-principle.c: a principle of a framework: a row of the matrix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-principle.h"
#include "tillit-record-private.h"

struct _TillitPrinciple
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitPrinciple, tillit_principle, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "framework", .type = TILLIT_FIELD_REFERENCE,
    .column = "framework", .xml_name = "framework",
    .flags = TILLIT_FIELD_REQUIRED, .target = "framework",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("framework") },
  { .name = "code", .type = TILLIT_FIELD_STRING, .column = "code",
    .xml_name = "code",
    .label = N_("code") },
  { .name = "name-en", .type = TILLIT_FIELD_STRING, .column = "name_en",
    .xml_name = "name-en",
    .label = N_("name in English") },
  { .name = "name-sv", .type = TILLIT_FIELD_STRING, .column = "name_sv",
    .xml_name = "name-sv",
    .label = N_("name in Swedish") },
  { .name = "description-en", .type = TILLIT_FIELD_TEXT,
    .column = "description_en", .xml_name = "description-en",
    .label = N_("description in English") },
  { .name = "description-sv", .type = TILLIT_FIELD_TEXT,
    .column = "description_sv", .xml_name = "description-sv",
    .label = N_("description in Swedish") },
  { .name = "position", .type = TILLIT_FIELD_INT, .column = "position",
    .xml_name = "position", .min = 0, .max = G_MAXINT,
    .label = N_("place in the list") },
  { .name = "retired", .type = TILLIT_FIELD_BOOL, .column = "retired",
    .xml_name = "retired",
    .label = N_("retired") },
};

static const TillitRecordKind kind = {
  .name = "principle",
  .table = "principle",
  .xml_name = "principle",
  .label = N_("principle"),
  .get_type = tillit_principle_get_type,
  .parent_field = "framework",
  .order_field = "position",
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_principle_class_init (TillitPrincipleClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_principle_init (TillitPrinciple *self)
{
}
