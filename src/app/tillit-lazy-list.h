/* tillit-lazy-list.h: list views that build their rows once shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void tillit_set_model_when_mapped (GtkWidget         *view,
                                   GtkSelectionModel *model);

G_END_DECLS
