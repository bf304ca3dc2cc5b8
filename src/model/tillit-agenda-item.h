/* tillit-agenda-item.h: a timed item of a manager day's agenda; times follow from the order and durations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_AGENDA_ITEM (tillit_agenda_item_get_type ())
G_DECLARE_FINAL_TYPE (TillitAgendaItem, tillit_agenda_item, TILLIT, AGENDA_ITEM, TillitRecord)

G_END_DECLS
