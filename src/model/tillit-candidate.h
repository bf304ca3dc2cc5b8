/* tillit-candidate.h: a candidate for a vacancy: personal data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_CANDIDATE (tillit_candidate_get_type ())
G_DECLARE_FINAL_TYPE (TillitCandidate, tillit_candidate, TILLIT, CANDIDATE, TillitRecord)

G_END_DECLS
