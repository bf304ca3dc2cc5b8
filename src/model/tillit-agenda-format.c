/* tillit-agenda-format.c: a kind of agenda item; whether it counts as dialogue drives the dialogue share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-agenda-format.h"
#include "tillit-record-private.h"

struct _TillitAgendaFormat
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitAgendaFormat, tillit_agenda_format, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "name-en", .type = TILLIT_FIELD_STRING, .column = "name_en",
    .xml_name = "name-en",
    .label = N_("name in English") },
  { .name = "name-sv", .type = TILLIT_FIELD_STRING, .column = "name_sv",
    .xml_name = "name-sv",
    .label = N_("name in Swedish") },
  { .name = "dialogue", .type = TILLIT_FIELD_BOOL, .column = "dialogue",
    .xml_name = "dialogue",
    .label = N_("counts as dialogue") },
  { .name = "colour", .type = TILLIT_FIELD_STRING, .column = "colour",
    .xml_name = "colour",
    .label = N_("colour") },
  { .name = "position", .type = TILLIT_FIELD_INT, .column = "position",
    .xml_name = "position", .min = 0, .max = G_MAXINT,
    .label = N_("place in the list") },
};

static const TillitRecordKind kind = {
  .name = "agenda-format",
  .table = "agenda_format",
  .xml_name = "agenda-format",
  .label = N_("agenda format"),
  .get_type = tillit_agenda_format_get_type,
  .parent_field = NULL,
  .order_field = "position",
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_agenda_format_class_init (TillitAgendaFormatClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_agenda_format_init (TillitAgendaFormat *self)
{
}
