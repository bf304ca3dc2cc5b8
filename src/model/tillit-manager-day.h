/* tillit-manager-day.h: a manager day: about five a year, for all managers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_MANAGER_DAY (tillit_manager_day_get_type ())
G_DECLARE_FINAL_TYPE (TillitManagerDay, tillit_manager_day, TILLIT, MANAGER_DAY, TillitRecord)

G_END_DECLS
