/* first-frame-tillit.c: Tillit started as src/main.c starts it, ending on
 * its main window's first frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Takes Tillit's own command line (bench-first-frame passes
 * `--database FILE`). The window is caught from outside, as the
 * application adds it, so Tillit itself has no benchmark hook.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "app/tillit-application.h"
#include "app/tillit-window.h"
#include "quit-on-frame.h"

static void
window_added (GtkApplication *application,
              GtkWindow      *window)
{
  if (TILLIT_IS_WINDOW (window))
    quit_on_first_frame (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TillitApplication) application = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = tillit_application_new ();
  g_signal_connect (application, "window-added", G_CALLBACK (window_added), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
