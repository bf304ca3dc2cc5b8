/* tillit-municipality.c: a municipality: ours, or one we exchange files with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-municipality.h"
#include "tillit-record-private.h"

struct _TillitMunicipality
{
  TillitRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (TillitMunicipality, tillit_municipality, TILLIT_TYPE_RECORD)

static const TillitField fields[] = {
  { .name = "name", .type = TILLIT_FIELD_STRING, .column = "name",
    .xml_name = "name", .flags = TILLIT_FIELD_REQUIRED,
    .label = N_("name") },
  { .name = "code", .type = TILLIT_FIELD_STRING, .column = "code",
    .xml_name = "code",
    .label = N_("municipality code") },
  { .name = "ours", .type = TILLIT_FIELD_BOOL, .column = "ours",
    .xml_name = "ours",
    .label = N_("our municipality") },
};

static const TillitRecordKind kind = {
  .name = "municipality",
  .table = "municipality",
  .xml_name = "municipality",
  .label = N_("municipality"),
  .get_type = tillit_municipality_get_type,
  .parent_field = NULL,
  .order_field = NULL,
  .personal = FALSE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
};

static void
tillit_municipality_class_init (TillitMunicipalityClass *klass)
{
  tillit_record_class_install_kind (TILLIT_RECORD_CLASS (klass), &kind);
}

static void
tillit_municipality_init (TillitMunicipality *self)
{
}

/**
 * tillit_municipality_code_is_valid:
 * @code: a kommunkod
 *
 * Returns: whether @code has the form of a kommunkod, the four digits
 *   Statistics Sweden gives every municipality
 */
gboolean
tillit_municipality_code_is_valid (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);

  if (strlen (code) != 4)
    return FALSE;
  for (const char *c = code; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  return TRUE;
}
