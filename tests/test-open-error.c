/* test-open-error.c: a programme that cannot be opened gets a dialog, and
 * the file is left as it was
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "app/tillit-application.h"
#include "app/tillit-window.h"
#include "tillit-test-ui.h"

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  return NULL;
}

/* Opens @path the way `tillit --database PATH` does and returns the
 * refusal dialog. */
static AdwMessageDialog *
activate_on (TillitApplication *app,
             const char        *path)
{
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  tillit_application_set_database_path (app, path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  tillit_test_iterate ();

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  tillit_test_wait_for_frame (GTK_WIDGET (dialog));
  return dialog;
}

static void
assert_refused (const char *path,
                const char *name)
{
  g_autoptr(TillitApplication) app = tillit_application_new ();
  AdwMessageDialog *dialog = activate_on (app, path);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *png = NULL;

  g_assert_null (tillit_application_get_store (app));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_true (adw_message_dialog_has_response (dialog, "open"));
  g_assert_true (adw_message_dialog_has_response (dialog, "new"));
  g_assert_cmpstr (adw_message_dialog_get_default_response (dialog), ==, "open");

  png = tillit_test_screenshot (GTK_WIDGET (dialog), name);
  g_test_message ("screenshot: %s", png);

  /* Quitting from the dialog closes the window without touching the file. */
  g_assert_nonnull (window);
  adw_message_dialog_response (dialog, "quit");
  tillit_test_iterate ();
  g_assert_null (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

static void
test_folder_cannot_be_made (void)
{
  g_autofree char *dir = tillit_test_make_tmpdir ();
  g_autofree char *blocker = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "tillit.db", NULL);

  g_assert_true (g_file_set_contents (blocker, "a file where a folder should be", -1, NULL));
  assert_refused (path, "open-error-folder");
  tillit_test_remove_tree (dir);
}

/* Each refusal leaves the file's bytes exactly as they were. */
static void
assert_refused_unchanged (const char *contents,
                          gsize       length,
                          const char *name)
{
  g_autofree char *dir = tillit_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "programme.db", NULL);
  g_autofree char *after = NULL;
  gsize after_length;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  assert_refused (path, name);
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (contents, length, after, after_length);
  tillit_test_remove_tree (dir);
}

static void
test_not_a_database (void)
{
  static const char text[] = "Minutes of the manager day, 12 March\nNot a database at all.\n";

  assert_refused_unchanged (text, sizeof text - 1, "open-error-not-database");
}

static void
test_other_application (void)
{
  g_autofree char *dir = tillit_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1234; CREATE TABLE notes (text);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  assert_refused_unchanged (contents, length, "open-error-other-application");
  tillit_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  tillit_test_ui_init (&argc, &argv);

  g_test_add_func ("/open-error/folder-cannot-be-made", test_folder_cannot_be_made);
  g_test_add_func ("/open-error/not-a-database", test_not_a_database);
  g_test_add_func ("/open-error/other-application", test_other_application);

  return g_test_run ();
}
