/* tillit-adoption.c: another unit taking up a pilot's practice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-adoption.h"
#include "tillit-record-private.h"

struct _TillitAdoption
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitAdoption, tillit_adoption, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "pilot", .type = TILLIT_FIELD_REFERENCE, .column = "pilot",
    .xml_name = "pilot", .flags = TILLIT_FIELD_REQUIRED, .target = "pilot",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("pilot") },
  { .name = "unit", .type = TILLIT_FIELD_REFERENCE, .column = "unit",
    .xml_name = "unit", .flags = TILLIT_FIELD_REQUIRED, .target = "unit",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("unit") },
  { .name = "date", .type = TILLIT_FIELD_DATE, .column = "date",
    .xml_name = "date",
    .label = N_("date taken up") },
};

static const TillitRecordKind kind = {
  .name = "adoption",
  .table = "adoption",
  .xml_name = "adoption",
  .label = N_("adoption"),
  .get_type = tillit_adoption_get_type,
  .parent_field = "pilot",
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_adoption_class_init (TillitAdoptionClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_adoption_init (TillitAdoption *self)
{
}
