/* quit-on-frame.c: a window that ends its application on its first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "quit-on-frame.h"

static void
after_paint (GdkFrameClock *clock,
             GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (clock, after_paint, window);

  /* CLOCK_MONOTONIC is the same in every process: bench-first-frame
   * subtracts the moment it spawned us. */
  g_print ("first-frame\t%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
mapped (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint), window, 0);
}

/**
 * quit_on_first_frame:
 *
 * Once @window is shown, prints the moment its first frame is painted,
 * as `first-frame<TAB>microseconds of the monotonic clock`, and quits
 * its application. Connected from outside: the window needs no hook.
 */
void
quit_on_first_frame (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_signal_connect (window, "map", G_CALLBACK (mapped), NULL);
}
