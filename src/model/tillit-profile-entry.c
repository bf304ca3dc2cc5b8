/* tillit-profile-entry.c: a competency in a vacancy's profile, with its weight and the level expected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-profile-entry.h"
#include "tillit-record-private.h"

struct _TillitProfileEntry
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitProfileEntry, tillit_profile_entry, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "vacancy", .type = TILLIT_FIELD_REFERENCE, .column = "vacancy",
    .xml_name = "vacancy", .flags = TILLIT_FIELD_REQUIRED,
    .target = "vacancy", .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("vacancy") },
  { .name = "competency", .type = TILLIT_FIELD_REFERENCE,
    .column = "competency", .xml_name = "competency",
    .flags = TILLIT_FIELD_REQUIRED, .target = "competency",
    .on_delete = TILLIT_ON_DELETE_RESTRICT,
    .label = N_("competency") },
  { .name = "weight", .type = TILLIT_FIELD_INT, .column = "weight",
    .xml_name = "weight", .min = 1, .max = 5,
    .label = N_("weight") },
  { .name = "expected-level", .type = TILLIT_FIELD_INT,
    .column = "expected_level", .xml_name = "expected-level", .min = 0,
    .max = 4,
    .label = N_("expected level") },
};

static const TillitRecordKind kind = {
  .name = "profile-entry",
  .table = "profile_entry",
  .xml_name = "profile-entry",
  .label = N_("profile entry"),
  .get_type = tillit_profile_entry_get_type,
  .parent_field = "vacancy",
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_profile_entry_class_init (TillitProfileEntryClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_profile_entry_init (TillitProfileEntry *self)
{
}
