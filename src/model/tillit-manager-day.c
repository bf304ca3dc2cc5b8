/* tillit-manager-day.c: a manager day: about five a year, for all managers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-manager-day.h"
#include "tillit-record-private.h"

struct _TillitManagerDay
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitManagerDay, tillit_manager_day, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "date", .type = TILLIT_FIELD_DATE, .column = "date",
    .xml_name = "date",
    .label = N_("date") },
  { .name = "title", .type = TILLIT_FIELD_STRING, .column = "title",
    .xml_name = "title",
    .label = N_("title") },
  { .name = "theme", .type = TILLIT_FIELD_STRING, .column = "theme",
    .xml_name = "theme",
    .label = N_("theme") },
  { .name = "venue", .type = TILLIT_FIELD_STRING, .column = "venue",
    .xml_name = "venue",
    .label = N_("venue") },
  { .name = "start-time", .type = TILLIT_FIELD_TIME, .column = "start_time",
    .xml_name = "start-time",
    .label = N_("start time") },
  { .name = "planned-end", .type = TILLIT_FIELD_TIME,
    .column = "planned_end", .xml_name = "planned-end",
    .label = N_("planned end") },
};

static const TillitRecordKind kind = {
  .name = "manager-day",
  .table = "manager_day",
  .xml_name = "manager-day",
  .label = N_("manager day"),
  .get_type = tillit_manager_day_get_type,
  .parent_field = NULL,
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_manager_day_class_init (TillitManagerDayClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_manager_day_init (TillitManagerDay *self)
{
}
