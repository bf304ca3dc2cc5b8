/* tillit-agenda-item.c: a timed item of a manager day's agenda; times follow from the order and durations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-agenda-item.h"
#include "tillit-record-private.h"

struct _TillitAgendaItem
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitAgendaItem, tillit_agenda_item, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "day", .type = TILLIT_FIELD_REFERENCE, .column = "day",
    .xml_name = "day", .flags = TILLIT_FIELD_REQUIRED,
    .target = "manager-day", .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("manager day") },
  { .name = "position", .type = TILLIT_FIELD_INT, .column = "position",
    .xml_name = "position", .min = 0, .max = G_MAXINT,
    .label = N_("place on the agenda") },
  { .name = "duration", .type = TILLIT_FIELD_INT, .column = "duration",
    .xml_name = "duration", .min = 0, .max = 1440,
    .label = N_("duration in minutes") },
  { .name = "title", .type = TILLIT_FIELD_STRING, .column = "title",
    .xml_name = "title",
    .label = N_("title") },
  { .name = "format", .type = TILLIT_FIELD_REFERENCE, .column = "format",
    .xml_name = "format", .target = "agenda-format",
    .label = N_("format") },
  { .name = "facilitators", .type = TILLIT_FIELD_STRING,
    .column = "facilitators", .xml_name = "facilitators",
    .flags = TILLIT_FIELD_PERSONAL,
    .label = N_("facilitators") },
  { .name = "principles", .type = TILLIT_FIELD_REFERENCE_SET,
    .column = "principles", .xml_name = "principles", .target = "principle",
    .label = N_("principles") },
  { .name = "pilot", .type = TILLIT_FIELD_REFERENCE, .column = "pilot",
    .xml_name = "pilot", .target = "pilot",
    .label = N_("linked pilot") },
  { .name = "notes", .type = TILLIT_FIELD_TEXT, .column = "notes",
    .xml_name = "notes",
    .label = N_("notes") },
  { .name = "outcome", .type = TILLIT_FIELD_TEXT, .column = "outcome",
    .xml_name = "outcome",
    .label = N_("outcome after the day") },
  /* Since schema version 2: the pilot learning this item shares. Last,
   * because a migration appends its column. */
  { .name = "learning", .type = TILLIT_FIELD_REFERENCE, .column = "learning",
    .xml_name = "learning", .target = "learning",
    .label = N_("shared learning") },
};

static const TillitRecordKind kind = {
  .name = "agenda-item",
  .table = "agenda_item",
  .xml_name = "agenda-item",
  .label = N_("agenda item"),
  .get_type = tillit_agenda_item_get_type,
  .parent_field = "day",
  .order_field = "position",
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_agenda_item_class_init (TillitAgendaItemClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_agenda_item_init (TillitAgendaItem *self)
{
}
