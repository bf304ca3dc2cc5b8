/* tillit-level.c: a system level or viewpoint: a column of the matrix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-level.h"
#include "tillit-record-private.h"

struct _TillitLevel
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitLevel, tillit_level, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "framework", .type = TILLIT_FIELD_REFERENCE,
    .column = "framework", .xml_name = "framework",
    .flags = TILLIT_FIELD_REQUIRED, .target = "framework",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("framework") },
  { .name = "name-en", .type = TILLIT_FIELD_STRING, .column = "name_en",
    .xml_name = "name-en",
    .label = N_("name in English") },
  { .name = "name-sv", .type = TILLIT_FIELD_STRING, .column = "name_sv",
    .xml_name = "name-sv",
    .label = N_("name in Swedish") },
  { .name = "position", .type = TILLIT_FIELD_INT, .column = "position",
    .xml_name = "position", .min = 0, .max = G_MAXINT,
    .label = N_("place in the list") },
  { .name = "hidden", .type = TILLIT_FIELD_BOOL, .column = "hidden",
    .xml_name = "hidden",
    .label = N_("hidden") },
};

static const TillitRecordKind kind = {
  .name = "level",
  .table = "level",
  .xml_name = "level",
  .label = N_("level"),
  .get_type = tillit_level_get_type,
  .parent_field = "framework",
  .order_field = "position",
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_level_class_init (TillitLevelClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_level_init (TillitLevel *self)
{
}
