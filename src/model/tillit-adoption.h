/* tillit-adoption.h: another unit taking up a pilot's practice.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_ADOPTION (tillit_adoption_get_type ())
G_DECLARE_FINAL_TYPE (TillitAdoption, tillit_adoption, TILLIT, ADOPTION, TillitRecord)

G_END_DECLS
