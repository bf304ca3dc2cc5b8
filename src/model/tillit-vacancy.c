/* tillit-vacancy.c: a manager post being recruited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-vacancy.h"
#include "tillit-record-private.h"

struct _TillitVacancy
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitVacancy, tillit_vacancy, TILLIT_TYPE_RECORD)

static const char * const status_nicks[] = {
  "draft", "advertised", "interviewing", "filled", "withdrawn", NULL
};

static const TillitField fields[] = {
  { .name = "title", .type = TILLIT_FIELD_STRING, .column = "title",
    .xml_name = "title", .flags = TILLIT_FIELD_REQUIRED,
    .label = N_("title") },
  { .name = "unit", .type = TILLIT_FIELD_REFERENCE, .column = "unit",
    .xml_name = "unit", .target = "unit",
    .label = N_("unit") },
  { .name = "advert-date", .type = TILLIT_FIELD_DATE,
    .column = "advert_date", .xml_name = "advert-date",
    .label = N_("advert date") },
  { .name = "status", .type = TILLIT_FIELD_ENUM, .column = "status",
    .xml_name = "status", .nicks = status_nicks,
    .label = N_("status") },
  { .name = "advert-text", .type = TILLIT_FIELD_TEXT,
    .column = "advert_text", .xml_name = "advert-text",
    .label = N_("advert text") },
};

static const TillitRecordKind kind = {
  .name = "vacancy",
  .table = "vacancy",
  .xml_name = "vacancy",
  .label = N_("vacancy"),
  .get_type = tillit_vacancy_get_type,
  .parent_field = NULL,
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_vacancy_class_init (TillitVacancyClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_vacancy_init (TillitVacancy *self)
{
}
