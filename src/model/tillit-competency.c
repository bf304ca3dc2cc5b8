/* tillit-competency.c: a competency a manager post asks for, tied to the principles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-competency.h"
#include "tillit-record-private.h"

struct _TillitCompetency
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitCompetency, tillit_competency, TILLIT_TYPE_RECORD)

static const char * const category_nicks[] = {
  "leadership", "administrative", NULL
};

static const TillitField fields[] = {
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
  { .name = "category", .type = TILLIT_FIELD_ENUM, .column = "category",
    .xml_name = "category", .nicks = category_nicks,
    .label = N_("category") },
  { .name = "principles", .type = TILLIT_FIELD_REFERENCE_SET,
    .column = "principles", .xml_name = "principles", .target = "principle",
    .label = N_("principles") },
  { .name = "keywords-en", .type = TILLIT_FIELD_TEXT,
    .column = "keywords_en", .xml_name = "keywords-en",
    .label = N_("keywords in English") },
  { .name = "keywords-sv", .type = TILLIT_FIELD_TEXT,
    .column = "keywords_sv", .xml_name = "keywords-sv",
    .label = N_("keywords in Swedish") },
  { .name = "position", .type = TILLIT_FIELD_INT, .column = "position",
    .xml_name = "position", .min = 0, .max = G_MAXINT,
    .label = N_("place in the list") },
};

static const TillitRecordKind kind = {
  .name = "competency",
  .table = "competency",
  .xml_name = "competency",
  .label = N_("competency"),
  .get_type = tillit_competency_get_type,
  .parent_field = NULL,
  .order_field = "position",
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_competency_class_init (TillitCompetencyClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_competency_init (TillitCompetency *self)
{
}
