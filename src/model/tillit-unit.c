/* tillit-unit.c: a service area or a unit within one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-unit.h"
#include "tillit-record-private.h"

struct _TillitUnit
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitUnit, tillit_unit, TILLIT_TYPE_RECORD)

static const char * const unit_kind_nicks[] = {
  "unit", "service-area", NULL
};

static const TillitField fields[] = {
  { .name = "name", .type = TILLIT_FIELD_STRING, .column = "name",
    .xml_name = "name", .flags = TILLIT_FIELD_REQUIRED,
    .label = N_("name") },
  { .name = "kind", .type = TILLIT_FIELD_ENUM, .column = "kind",
    .xml_name = "kind", .nicks = unit_kind_nicks,
    .label = N_("type of unit") },
  { .name = "parent", .type = TILLIT_FIELD_REFERENCE, .column = "parent",
    .xml_name = "parent", .target = "unit",
    .label = N_("parent unit") },
};

static const TillitRecordKind kind = {
  .name = "unit",
  .table = "unit",
  .xml_name = "unit",
  .label = N_("unit"),
  .get_type = tillit_unit_get_type,
  .parent_field = NULL,
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_unit_class_init (TillitUnitClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_unit_init (TillitUnit *self)
{
}
