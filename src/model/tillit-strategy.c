/* tillit-strategy.c: a strategy in a cell's ordered list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-strategy.h"
#include "tillit-record-private.h"

struct _TillitStrategy
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitStrategy, tillit_strategy, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "cell", .type = TILLIT_FIELD_REFERENCE, .column = "cell",
    .xml_name = "cell", .flags = TILLIT_FIELD_REQUIRED, .target = "cell",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("cell") },
  { .name = "position", .type = TILLIT_FIELD_INT, .column = "position",
    .xml_name = "position", .min = 0, .max = G_MAXINT,
    .label = N_("place in the list") },
  { .name = "text", .type = TILLIT_FIELD_TEXT, .column = "text",
    .xml_name = "text",
    .label = N_("text") },
};

static const TillitRecordKind kind = {
  .name = "strategy",
  .table = "strategy",
  .xml_name = "strategy",
  .label = N_("strategy"),
  .get_type = tillit_strategy_get_type,
  .parent_field = "cell",
  .order_field = "position",
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_strategy_class_init (TillitStrategyClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_strategy_init (TillitStrategy *self)
{
}
