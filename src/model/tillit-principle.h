/* tillit-principle.h: a principle of a framework: a row of the matrix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_PRINCIPLE (tillit_principle_get_type ())
G_DECLARE_FINAL_TYPE (TillitPrinciple, tillit_principle, TILLIT, PRINCIPLE, TillitRecord)

G_END_DECLS
