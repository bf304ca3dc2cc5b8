/* tillit-pilot-labels.h: the words for a pilot's stages, decisions and
 * outcomes, and the order of the steering procedures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/tillit-model.h"

G_BEGIN_DECLS

const char         *tillit_pilot_nick_label        (const char   *field,
                                                    const char   *nick);
const char * const *tillit_pilot_field_nicks       (const char   *field);
guint               tillit_pilot_n_nicks           (const char   *field);

const char         *tillit_pilot_next_stage        (const char   *stage);
char               *tillit_pilot_stage_date_field  (const char   *stage);
char               *tillit_pilot_today             (void);
gboolean            tillit_pilot_date_is_valid     (const char   *text);
const char         *tillit_pilot_principle_name    (TillitRecord *principle);
gboolean            tillit_pilot_prefers_swedish   (void);

G_END_DECLS
