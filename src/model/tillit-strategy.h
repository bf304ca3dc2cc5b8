/* tillit-strategy.h: a strategy in a cell's ordered list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_STRATEGY (tillit_strategy_get_type ())
G_DECLARE_FINAL_TYPE (TillitStrategy, tillit_strategy, TILLIT, STRATEGY, TillitRecord)

G_END_DECLS
