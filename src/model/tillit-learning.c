/* tillit-learning.c: something a pilot taught, dated, so it can travel to other units and municipalities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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
    .on_delete = TILLIT_ON_DELETE_CASCADE,
    .label = N_("pilot") },
  { .name = "date", .type = TILLIT_FIELD_DATE, .column = "date",
    .xml_name = "date",
    .label = N_("date") },
  { .name = "text", .type = TILLIT_FIELD_TEXT, .column = "text",
    .xml_name = "text",
    .label = N_("text") },
  { .name = "author-role", .type = TILLIT_FIELD_STRING,
    .column = "author_role", .xml_name = "author-role",
    .label = N_("written by (role)") },
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

/**
 * tillit_learning_dup_headline:
 * @learning: a #TillitLearning
 * @max_chars: the most characters to keep, at least 2
 *
 * The first line of the learning's text, cut at a word before @max_chars
 * with an ellipsis: what names the learning in a link or a new title.
 *
 * Returns: (transfer full): the headline, empty when there is no text
 */
char *
tillit_learning_dup_headline (TillitRecord *learning,
                              guint         max_chars)
{
  const char *text;
  g_autofree char *line = NULL;
  const char *cut, *space;

  g_return_val_if_fail (TILLIT_IS_LEARNING (learning), NULL);
  g_return_val_if_fail (max_chars >= 2, NULL);

  text = tillit_record_get_string (learning, "text");
  if (text == NULL)
    text = "";
  line = g_strstrip (g_strndup (text, strcspn (text, "\n")));
  if (g_utf8_strlen (line, -1) <= max_chars)
    return g_steal_pointer (&line);

  cut = g_utf8_offset_to_pointer (line, max_chars - 1);
  space = g_utf8_strrchr (line, cut - line, ' ');
  if (space != NULL && space > line)
    cut = space;
  line[cut - line] = '\0';
  return g_strconcat (g_strchomp (line), "…", NULL);
}
