/* tillit-cell.h: a cell of the matrix: one principle at one level.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_CELL (tillit_cell_get_type ())
G_DECLARE_FINAL_TYPE (TillitCell, tillit_cell, TILLIT, CELL, TillitRecord)

G_END_DECLS
