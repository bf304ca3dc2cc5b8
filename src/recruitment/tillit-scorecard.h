/* tillit-scorecard.h: a candidate's scorecard on paper or as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

char     *tillit_scorecard_text        (TillitStore   *store,
                                        TillitRecord  *candidate);
gboolean  tillit_scorecard_print       (TillitStore   *store,
                                        TillitRecord  *candidate,
                                        GtkWindow     *parent,
                                        GError       **error);
gboolean  tillit_scorecard_export_pdf  (TillitStore   *store,
                                        TillitRecord  *candidate,
                                        const char    *path,
                                        GError       **error);

G_END_DECLS
