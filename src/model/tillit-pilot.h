/* tillit-pilot.h: a service improvement tested as a pilot.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"
#include "tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_PILOT (tillit_pilot_get_type ())
G_DECLARE_FINAL_TYPE (TillitPilot, tillit_pilot, TILLIT, PILOT, TillitRecord)

TillitRecord *tillit_pilot_adapt (TillitStore   *store,
                                  TillitRecord  *pilot,
                                  GError       **error);

G_END_DECLS
