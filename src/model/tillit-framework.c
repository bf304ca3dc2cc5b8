/* tillit-framework.c: a principle framework: data, versioned and importable, not code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-framework.h"
#include "tillit-record-private.h"

struct _TillitFramework
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitFramework, tillit_framework, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "name", .type = TILLIT_FIELD_STRING, .column = "name",
    .xml_name = "name", .flags = TILLIT_FIELD_REQUIRED,
    .label = N_("name") },
  { .name = "version", .type = TILLIT_FIELD_STRING, .column = "version",
    .xml_name = "version",
    .label = N_("version") },
  { .name = "language", .type = TILLIT_FIELD_STRING, .column = "language",
    .xml_name = "language",
    .label = N_("language") },
  { .name = "active", .type = TILLIT_FIELD_BOOL, .column = "active",
    .xml_name = "active",
    .label = N_("in use") },
};

static const TillitRecordKind kind = {
  .name = "framework",
  .table = "framework",
  .xml_name = "framework",
  .label = N_("framework"),
  .get_type = tillit_framework_get_type,
  .parent_field = NULL,
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_framework_class_init (TillitFrameworkClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_framework_init (TillitFramework *self)
{
}
