/* tillit-level.h: a system level or viewpoint: a column of the matrix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_LEVEL (tillit_level_get_type ())
G_DECLARE_FINAL_TYPE (TillitLevel, tillit_level, TILLIT, LEVEL, TillitRecord)

G_END_DECLS
