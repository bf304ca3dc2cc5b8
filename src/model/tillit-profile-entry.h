/* tillit-profile-entry.h: a competency in a vacancy's profile, with its weight and the level expected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_PROFILE_ENTRY (tillit_profile_entry_get_type ())
G_DECLARE_FINAL_TYPE (TillitProfileEntry, tillit_profile_entry, TILLIT, PROFILE_ENTRY, TillitRecord)

G_END_DECLS
