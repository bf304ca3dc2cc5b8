/* tillit-competency.h: a competency a manager post asks for, tied to the principles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_COMPETENCY (tillit_competency_get_type ())
G_DECLARE_FINAL_TYPE (TillitCompetency, tillit_competency, TILLIT, COMPETENCY, TillitRecord)

G_END_DECLS
