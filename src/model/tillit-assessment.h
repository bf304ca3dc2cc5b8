/* tillit-assessment.h: a dated snapshot of what people say and what they do, so the gap shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_ASSESSMENT (tillit_assessment_get_type ())
G_DECLARE_FINAL_TYPE (TillitAssessment, tillit_assessment, TILLIT, ASSESSMENT, TillitRecord)

G_END_DECLS
