/* tillit-cell.c: a cell of the matrix: one principle at one level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-cell.h"
#include "tillit-record-private.h"

struct _TillitCell
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitCell, tillit_cell, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "principle", .type = TILLIT_FIELD_REFERENCE,
    .column = "principle", .xml_name = "principle",
    .flags = TILLIT_FIELD_REQUIRED, .target = "principle",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("principle") },
  { .name = "level", .type = TILLIT_FIELD_REFERENCE, .column = "level",
    .xml_name = "level", .flags = TILLIT_FIELD_REQUIRED, .target = "level",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("level") },
};

static const TillitRecordKind kind = {
  .name = "cell",
  .table = "cell",
  .xml_name = "cell",
  .label = N_("cell"),
  .get_type = tillit_cell_get_type,
  .parent_field = "principle",
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_cell_class_init (TillitCellClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_cell_init (TillitCell *self)
{
}
