/* tillit-vacancy.h: a manager post being recruited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_VACANCY (tillit_vacancy_get_type ())
G_DECLARE_FINAL_TYPE (TillitVacancy, tillit_vacancy, TILLIT, VACANCY, TillitRecord)

G_END_DECLS
