/* tillit-recruitment-text.h: the words the recruitment tool shows for its data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tillit-record.h"

G_BEGIN_DECLS

const char *tillit_recruitment_level_label     (int           level);
const char *tillit_recruitment_status_label    (const char   *nick);
const char *tillit_recruitment_category_label  (const char   *nick);
gboolean    tillit_recruitment_prefers_swedish (void);
const char *tillit_recruitment_competency_name (TillitRecord *competency);
const char *tillit_recruitment_competency_description (TillitRecord *competency);
void        tillit_recruitment_show_error      (GtkWidget    *widget,
                                                const GError *error);

G_END_DECLS
