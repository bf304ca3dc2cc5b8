/* tillit-rating.h: one panel member's rating of a candidate on a competency: personal data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_RATING (tillit_rating_get_type ())
G_DECLARE_FINAL_TYPE (TillitRating, tillit_rating, TILLIT, RATING, TillitRecord)

G_END_DECLS
