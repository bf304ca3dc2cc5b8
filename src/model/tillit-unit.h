/* tillit-unit.h: a service area or a unit within one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_UNIT (tillit_unit_get_type ())
G_DECLARE_FINAL_TYPE (TillitUnit, tillit_unit, TILLIT, UNIT, TillitRecord)

G_END_DECLS
