/* tillit-agenda-ics.h: the manager days as an iCalendar file (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/tillit-store.h"

G_BEGIN_DECLS

char     *tillit_agenda_ics_escape  (const char   *text);
void      tillit_agenda_ics_fold    (GString      *out,
                                     const char   *line);
char     *tillit_agenda_ics_build   (TillitStore  *store);
gboolean  tillit_agenda_ics_write   (TillitStore  *store,
                                     GFile        *file,
                                     GError      **error);

G_END_DECLS
