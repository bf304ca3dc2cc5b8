/* tillit-rating.c: one panel member's rating of a candidate on a competency: personal data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-rating.h"
#include "tillit-record-private.h"

struct _TillitRating
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitRating, tillit_rating, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "candidate", .type = TILLIT_FIELD_REFERENCE,
    .column = "candidate", .xml_name = "candidate",
    .flags = TILLIT_FIELD_REQUIRED, .target = "candidate",
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("candidate") },
  { .name = "competency", .type = TILLIT_FIELD_REFERENCE,
    .column = "competency", .xml_name = "competency",
    .flags = TILLIT_FIELD_REQUIRED, .target = "competency",
    .on_delete = TILLIT_ON_DELETE_RESTRICT,
    .label = N_("competency") },
  { .name = "rater", .type = TILLIT_FIELD_STRING, .column = "rater",
    .xml_name = "rater", .flags = TILLIT_FIELD_PERSONAL,
    .label = N_("panel member") },
  { .name = "level", .type = TILLIT_FIELD_INT, .column = "level",
    .xml_name = "level", .min = 0, .max = 4,
    .label = N_("rated level") },
  { .name = "note", .type = TILLIT_FIELD_TEXT, .column = "note",
    .xml_name = "note", .flags = TILLIT_FIELD_PERSONAL,
    .label = N_("evidence note") },
  { .name = "submitted", .type = TILLIT_FIELD_BOOL, .column = "submitted",
    .xml_name = "submitted",
    .label = N_("submitted") },
};

static const TillitRecordKind kind = {
  .name = "rating",
  .table = "rating",
  .xml_name = "rating",
  .label = N_("rating"),
  .get_type = tillit_rating_get_type,
  .parent_field = "candidate",
  .order_field = NULL,
  .personal = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_rating_class_init (TillitRatingClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_rating_init (TillitRating *self)
{
}
