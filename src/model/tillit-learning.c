/* tillit-learning.c: something a pilot taught, dated, so it can travel to other units and municipalities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-learning.h"
#include "tillit-record-private.h"

struct _TillitLearning
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitLearning, tillit_learning, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "pilot", .type = TILLIT_FIELD_REFERENCE, .column = "pilot",
    .xml_name = "pilot", .flags = TILLIT_FIELD_REQUIRED, .target = "pilot",
    .on_delete = TILLIT_ON_DELETE_CASCADE },
  { .name = "date", .type = TILLIT_FIELD_DATE, .column = "date",
    .xml_name = "date" },
  { .name = "text", .type = TILLIT_FIELD_TEXT, .column = "text",
    .xml_name = "text" },
  { .name = "author-role", .type = TILLIT_FIELD_STRING,
    .column = "author_role", .xml_name = "author-role" },
};

static const TillitRecordKind kind = {
  .name = "learning",
  .table = "learning",
  .xml_name = "learning",
  .label = N_("learning"),
  .get_type = tillit_learning_get_type,
  .parent_field = "pilot",
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_learning_class_init (TillitLearningClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_learning_init (TillitLearning *self)
{
}
