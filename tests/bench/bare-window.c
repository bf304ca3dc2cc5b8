/* bare-window.c: the least a libadwaita application does before its
 * first frame, as the reference for Tillit's
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An AdwApplicationWindow of Tillit's default size with a header bar
 * and nothing else; it quits on its first frame (quit-on-frame.c).
 */
#include "config.h"

#include <adwaita.h>

#include "quit-on-frame.h"

static void
activate (GApplication *application)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  quit_on_first_frame (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = adw_application_new ("io.github.tillit.Tillit.BareWindow",
                                                               G_APPLICATION_NON_UNIQUE);

  g_signal_connect (application, "activate", G_CALLBACK (activate), NULL);
  return g_application_run (G_APPLICATION (application), argc, argv);
}
