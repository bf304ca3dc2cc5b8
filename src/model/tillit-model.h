/* tillit-model.h: everything the model offers, in one include
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-database.h"
#include "tillit-record-kind.h"
#include "tillit-record.h"
#include "tillit-store.h"

#include "tillit-municipality.h"
#include "tillit-framework.h"
#include "tillit-principle.h"
#include "tillit-level.h"
#include "tillit-cell.h"
#include "tillit-strategy.h"
#include "tillit-evidence.h"
#include "tillit-assessment.h"
#include "tillit-unit.h"
#include "tillit-pilot.h"
#include "tillit-learning.h"
#include "tillit-adoption.h"
#include "tillit-agenda-format.h"
#include "tillit-manager-day.h"
#include "tillit-agenda-item.h"
#include "tillit-competency.h"
#include "tillit-vacancy.h"
#include "tillit-profile-entry.h"
#include "tillit-candidate.h"
#include "tillit-rating.h"
