/* quit-on-frame.h: for the start-to-first-frame benchmark's programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void quit_on_first_frame (GtkWindow *window);

G_END_DECLS
