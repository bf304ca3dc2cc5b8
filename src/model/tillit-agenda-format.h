/* tillit-agenda-format.h: a kind of agenda item; whether it counts as dialogue drives the dialogue share.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_AGENDA_FORMAT (tillit_agenda_format_get_type ())
G_DECLARE_FINAL_TYPE (TillitAgendaFormat, tillit_agenda_format, TILLIT, AGENDA_FORMAT, TillitRecord)

G_END_DECLS
