/* tillit-municipality.h: a municipality: ours, or one we exchange files with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_MUNICIPALITY (tillit_municipality_get_type ())
G_DECLARE_FINAL_TYPE (TillitMunicipality, tillit_municipality, TILLIT, MUNICIPALITY, TillitRecord)

gboolean tillit_municipality_code_is_valid (const char *code);

G_END_DECLS
