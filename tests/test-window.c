/* test-window.c: the main window, its tools, shortcuts and saved state
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "agenda/tillit-agenda-page.h"
#include "app/tillit-application.h"
#include "app/tillit-window.h"
#include "exchange/tillit-exchange.h"
#include "exchange/tillit-exchange-schema.h"
#include "matrix/tillit-matrix-cell.h"
#include "model/tillit-competency.h"
#include "model/tillit-learning.h"
#include "model/tillit-municipality.h"
#include "model/tillit-manager-day.h"
#include "model/tillit-pilot.h"
#include "model/tillit-unit.h"
#include "pilots/tillit-pilots-page.h"
#include "tillit-test-ui.h"

static const char *tools[] = { "overview", "matrix", "pilots", "agenda", "recruitment" };

typedef struct
{
  char *tmpdir;
  char *database;
  TillitApplication *app;
  TillitWindow *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = tillit_test_make_tmpdir ();
  fixture->database = g_build_filename (fixture->tmpdir, "programme", "tillit.db", NULL);

  /* A programme that knows who we are; the first run has a test of its own. */
  if (data == NULL)
    {
      g_autoptr(TillitStore) store = tillit_store_open (fixture->database, &error);

      g_assert_no_error (error);
      g_assert_nonnull (tillit_store_create (store, TILLIT_TYPE_MUNICIPALITY, &error,
                                             "name", "Ekdala kommun", "code", "9999", "ours", TRUE,
                                             NULL));
      g_assert_no_error (error);
    }

  fixture->app = tillit_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  tillit_application_set_database_path (fixture->app, fixture->database);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = TILLIT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  g_assert_true (TILLIT_IS_WINDOW (fixture->window));
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  tillit_test_iterate ();
  g_clear_object (&fixture->app);
  tillit_test_remove_tree (fixture->tmpdir);
  g_free (fixture->database);
  g_free (fixture->tmpdir);
}

static AdwViewStack *
window_stack (Fixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                     TILLIT_TYPE_WINDOW, "stack"));
  g_assert_nonnull (stack);
  return stack;
}

static void
test_database_created (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_cmpstr (tillit_application_get_database_path (fixture->app), ==, fixture->database);
  g_assert_true (g_file_test (fixture->database, G_FILE_TEST_IS_REGULAR));
}

static void
test_tools_by_action (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  AdwViewStack *stack = window_stack (fixture);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (pages)), ==, G_N_ELEMENTS (tools));

  /* Backwards, so that every step is a real change of page. */
  for (int i = G_N_ELEMENTS (tools) - 1; i >= 0; i--)
    {
      g_autofree char *saved = NULL;
      g_autofree char *png = NULL;
      GtkWidget *child;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                                 "win.show-tool", "s", tools[i]));
      g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, tools[i]);

      child = adw_view_stack_get_visible_child (stack);
      g_assert_true (gtk_widget_get_mapped (child));

      saved = g_settings_get_string (settings, "last-tool");
      g_assert_cmpstr (saved, ==, tools[i]);

      png = tillit_test_screenshot (GTK_WIDGET (fixture->window), tools[i]);
      g_test_message ("screenshot: %s", png);
      g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    }
}

static void
test_pages_follow_store (Fixture       *fixture,
                         gconstpointer  data)
{
  AdwViewStack *stack = window_stack (fixture);
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (stack);
  g_autoptr(GError) error = NULL;
  g_autofree char *other = g_build_filename (fixture->tmpdir, "other.db", NULL);
  guint with_store = 0;

  g_assert_true (tillit_application_open_database (fixture->app, other, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);
      g_autoptr(TillitStore) store = NULL;

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "store") == NULL)
        continue;
      g_object_get (child, "store", &store, NULL);
      g_assert_true (store == tillit_application_get_store (fixture->app));
      with_store++;
    }
  g_assert_cmpuint (with_store, >, 0);
}

/* A tool takes the programme at once but builds what it shows of it, and
 * is laid out, only once it is first shown (bench-first-frame); a hidden
 * tool lets go of a programme as soon as another is opened. */
static void
test_tools_built_when_shown (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  TillitStore *first = tillit_application_get_store (fixture->app);
  g_autofree char *other = g_build_filename (fixture->tmpdir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TillitStore) shown = NULL;
  TillitWindow *window;
  GtkWidget *matrix;
  AdwViewStack *stack;

  g_settings_set_string (settings, "last-tool", "overview");
  window = tillit_window_new (fixture->app);
  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), TILLIT_TYPE_WINDOW, "stack"));
  matrix = adw_view_stack_get_child_by_name (stack, "matrix");
  gtk_window_present (GTK_WINDOW (window));
  tillit_test_wait_for_frame (GTK_WIDGET (window));

  g_object_get (matrix, "store", &shown, NULL);
  g_assert_true (shown == first);
  g_assert_null (tillit_test_find_widget (matrix, TILLIT_TYPE_MATRIX_CELL, 0));
  /* Nor is it styled or measured: a view stack measures every page. */
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_first_child (matrix)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tool", "s", "matrix"));
  g_assert_nonnull (tillit_test_find_widget (matrix, TILLIT_TYPE_MATRIX_CELL, 0));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_first_child (matrix)));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tool", "s", "overview"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "overview"));
  g_clear_object (&shown);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  g_assert_true (tillit_application_open_database (fixture->app, other, &error));
  g_assert_no_error (error);
  tillit_test_iterate ();
  g_assert_null (first);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-tool", "s", "matrix"));
  g_assert_nonnull (tillit_test_find_widget (matrix, TILLIT_TYPE_MATRIX_CELL, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_tools_by_shortcut (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *accel = g_strdup_printf ("<Control>%u", i + 1);
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (app, accel);
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_cmpuint (g_strv_length (actions), ==, 1);
      g_action_parse_detailed_name (actions[0], &name, &target, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (name, ==, "win.show-tool");

      g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), name, target));
      g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, tools[i]);
    }
}

static void
test_app_shortcuts (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkApplication *app = GTK_APPLICATION (fixture->app);
  g_auto(GStrv) quit = gtk_application_get_actions_for_accel (app, "<Control>q");
  g_auto(GStrv) help = gtk_application_get_actions_for_accel (app, "<Control>question");
  g_auto(GStrv) help_shift = gtk_application_get_actions_for_accel (app, "<Control><Shift>question");
  g_auto(GStrv) open = gtk_application_get_actions_for_accel (app, "<Control>o");

  g_assert_true (g_strv_contains ((const char * const *) quit, "app.quit"));
  g_assert_true (g_strv_contains ((const char * const *) help, "win.show-help-overlay"));
  g_assert_true (g_strv_contains ((const char * const *) help_shift, "win.show-help-overlay"));

  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window)));

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "about"));
  g_assert_true (g_strv_contains ((const char * const *) open, "win.import"));
}

static void
test_shortcuts_window (Fixture       *fixture,
                       gconstpointer  data)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (fixture->window));
  g_autofree char *png = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-help-overlay", NULL));
  tillit_test_wait_for_frame (GTK_WIDGET (overlay));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));

  png = tillit_test_screenshot (GTK_WIDGET (overlay), "shortcuts");
  g_test_message ("screenshot: %s", png);
  gtk_widget_set_visible (GTK_WIDGET (overlay), FALSE);
}

static void
test_about (Fixture       *fixture,
            gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwAboutWindow *about = NULL;
  g_autofree char *png = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "about", NULL);
  tillit_test_iterate ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_ABOUT_WINDOW (item))
        about = ADW_ABOUT_WINDOW (item);
    }
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);

  png = tillit_test_screenshot (GTK_WIDGET (about), "about");
  g_test_message ("screenshot: %s", png);
  gtk_window_destroy (GTK_WINDOW (about));
}

static void
test_translated (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwViewStack *stack = window_stack (fixture);
  AdwViewStackPage *page = adw_view_stack_get_page (stack, adw_view_stack_get_child_by_name (stack, "agenda"));
  const char *title = adw_view_stack_page_get_title (page);

  if (g_str_equal (tillit_test_language (), "sv"))
    g_assert_cmpstr (title, ==, "Chefsdagar");
  else
    g_assert_cmpstr (title, ==, "Manager Days");
}

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

static void
test_first_run (Fixture       *fixture,
                gconstpointer  data)
{
  TillitStore *store = tillit_application_get_store (fixture->app);
  AdwMessageDialog *dialog = find_message_dialog ();
  GtkWidget *name, *code;
  g_autofree char *png = NULL;
  g_autoptr(TillitStore) reopened = NULL;
  g_autoptr(GError) error = NULL;
  TillitRecord *ours;

  g_assert_nonnull (store);
  g_assert_null (tillit_store_get_ours (store));
  g_assert_nonnull (dialog);

  name = tillit_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 0);
  code = tillit_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, 1);
  g_assert_nonnull (name);
  g_assert_nonnull (code);

  /* Saving waits for a name and a four-digit code. */
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (name), "Ekdala kommun");
  gtk_editable_set_text (GTK_EDITABLE (code), "99");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (GTK_EDITABLE (code), "9999");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));

  png = tillit_test_screenshot (GTK_WIDGET (dialog), "first-run");
  g_test_message ("screenshot: %s", png);

  adw_message_dialog_response (dialog, "save");
  tillit_test_iterate ();

  ours = tillit_store_get_ours (store);
  g_assert_nonnull (ours);
  g_assert_cmpstr (tillit_record_get_string (ours, "name"), ==, "Ekdala kommun");
  g_assert_cmpstr (tillit_record_get_string (ours, "code"), ==, "9999");

  reopened = tillit_store_open (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tillit_store_get_ours (reopened));
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  TillitStore *store = tillit_application_get_store (fixture->app);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *prefs = NULL;
  GtkWidget *name, *code, *spin;
  g_autofree char *png = NULL;

  g_action_group_activate_action (G_ACTION_GROUP (fixture->app), "preferences", NULL);
  tillit_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_PREFERENCES_WINDOW (item))
        prefs = GTK_WIDGET (item);
    }
  g_assert_nonnull (prefs);

  name = tillit_test_find_widget (prefs, ADW_TYPE_ENTRY_ROW, 0);
  code = tillit_test_find_widget (prefs, ADW_TYPE_ENTRY_ROW, 1);
  spin = tillit_test_find_widget (prefs, GTK_TYPE_SPIN_BUTTON, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name)), ==, "Ekdala kommun");

  gtk_editable_set_text (GTK_EDITABLE (name), "Ekdala kommun, socialförvaltningen");
  g_signal_emit_by_name (name, "apply");
  g_assert_cmpstr (tillit_record_get_string (tillit_store_get_ours (store), "name"), ==,
                   "Ekdala kommun, socialförvaltningen");

  /* A code that is not four digits is refused and the old one kept. */
  gtk_editable_set_text (GTK_EDITABLE (code), "99x9");
  g_signal_emit_by_name (code, "apply");
  g_assert_cmpstr (tillit_record_get_string (tillit_store_get_ours (store), "code"), ==, "9999");
  g_assert_true (gtk_widget_has_css_class (code, "error"));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 24);
  g_assert_cmpint (g_settings_get_int (settings, "personal-data-retention-months"), ==, 24);

  png = tillit_test_screenshot (prefs, "preferences");
  g_test_message ("screenshot: %s", png);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_export_import (Fixture       *fixture,
                    gconstpointer  data)
{
  TillitStore *store = tillit_application_get_store (fixture->app);
  g_autofree char *path = g_build_filename (fixture->tmpdir, "shared.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *png = NULL;
  AdwMessageDialog *dialog;
  TillitRecord *unit;
  g_autofree char *uuid = NULL;

  unit = tillit_store_create (store, TILLIT_TYPE_UNIT, &error, "name", "Hemtjänst Norr", NULL);
  g_assert_no_error (error);
  uuid = g_strdup (tillit_record_get_uuid (unit));

  g_assert_true (tillit_window_export_file (fixture->window, file, FALSE));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "Hemtjänst Norr"));
  g_assert_nonnull (strstr (contents, "Ekdala kommun"));
  g_assert_true (tillit_exchange_validate (file, TILLIT_EXCHANGE_DEFAULT_MAX_BYTES, NULL, &error));
  g_assert_no_error (error);

  /* The unit is deleted here; importing the file brings it back, and only
   * once the user confirms the plan. */
  g_assert_true (tillit_store_delete (store, unit, &error));
  g_assert_no_error (error);
  g_assert_null (tillit_store_lookup (store, uuid));

  tillit_window_import_file (fixture->window, file);
  while ((dialog = find_message_dialog ()) == NULL ||
         !adw_message_dialog_has_response (dialog, "import"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (tillit_store_lookup (store, uuid));

  png = tillit_test_screenshot (GTK_WIDGET (dialog), "import-plan");
  g_test_message ("screenshot: %s", png);

  adw_message_dialog_response (dialog, "import");
  while (tillit_application_get_store (fixture->app) == store)
    g_main_context_iteration (NULL, TRUE);

  store = tillit_application_get_store (fixture->app);
  unit = tillit_store_lookup (store, uuid);
  g_assert_nonnull (unit);
  g_assert_cmpstr (tillit_record_get_string (unit, "name"), ==, "Hemtjänst Norr");
}

/* As a click on a response button does: answer, then close. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static AdwMessageDialog *
wait_for_plan (void)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()) == NULL ||
         !adw_message_dialog_has_response (dialog, "import"))
    g_main_context_iteration (NULL, TRUE);
  return dialog;
}

static void
import_and_confirm (Fixture *fixture,
                    GFile   *file)
{
  TillitStore *before = tillit_application_get_store (fixture->app);

  AdwMessageDialog *dialog;

  tillit_window_import_file (fixture->window, file);
  dialog = wait_for_plan ();
  respond (dialog, "import");
  while (tillit_application_get_store (fixture->app) == before)
    g_main_context_iteration (NULL, TRUE);
}

static GFile *
tmp_file (Fixture    *fixture,
          const char *name)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, name, NULL);

  return g_file_new_for_path (path);
}

/* The programme of another municipality, Åby, in a file of its own. */
static TillitStore *
open_other (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  TillitStore *other = tillit_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (tillit_store_create (other, TILLIT_TYPE_MUNICIPALITY, &error,
                                         "name", "Åby kommun", "code", "9998", "ours", TRUE, NULL));
  g_assert_no_error (error);
  return other;
}

/* Another municipality shares a unit; both sides rename it; the next file
 * from them is a conflict, shown with both names, and taking theirs wins. */
static void
test_import_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) first = tmp_file (fixture, "first.xml");
  g_autoptr(GFile) second = tmp_file (fixture, "second.xml");
  g_autoptr(TillitStore) other = open_other (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *png = NULL;
  AdwMessageDialog *dialog;
  TillitRecord *unit;
  GtkWidget *all;
  GtkWidget *theirs;
  GtkWidget *conflict;
  GtkWidget *row;
  const TillitRecordKind *unit_kind = tillit_record_kind_for_type (TILLIT_TYPE_UNIT);
  const char *title;
  const char *label;

  unit = tillit_store_create (other, TILLIT_TYPE_UNIT, &error, "name", "Hemtjänst", NULL);
  g_assert_no_error (error);
  uuid = g_strdup (tillit_record_get_uuid (unit));
  g_assert_true (tillit_exchange_export (tillit_store_get_database (other), first, NULL, NULL,
                                         TILLIT_EXCHANGE_EXPORT_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  import_and_confirm (fixture, first);
  unit = tillit_store_lookup (tillit_application_get_store (fixture->app), uuid);
  g_assert_nonnull (unit);

  g_assert_true (tillit_store_update (tillit_application_get_store (fixture->app), unit, &error,
                                      "name", "Hemtjänst Öst", NULL));
  g_assert_true (tillit_store_update (other, tillit_store_lookup (other, uuid), &error,
                                      "name", "Hemtjänst Väst", NULL));
  g_assert_true (tillit_exchange_export (tillit_store_get_database (other), second, NULL, NULL,
                                         TILLIT_EXCHANGE_EXPORT_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  tillit_window_import_file (fixture->window, second);
  dialog = wait_for_plan ();
  /* The choice for every conflict comes first and sets the one below. */
  all = tillit_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, 0);
  theirs = tillit_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, 1);
  g_assert_nonnull (theirs);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (all)));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (theirs)));
  gtk_switch_set_active (GTK_SWITCH (all), TRUE);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (theirs)));
  gtk_switch_set_active (GTK_SWITCH (all), FALSE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (theirs)));
  conflict = tillit_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, 0);
  gtk_widget_activate (conflict);
  /* The changed field is named by its label, as a title: "Name", not "name". */
  for (guint i = 0; (row = tillit_test_find_widget (conflict, ADW_TYPE_ACTION_ROW, i)) != NULL; i++)
    if (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) != NULL &&
        strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Hemtjänst Öst") != NULL)
      break;
  g_assert_nonnull (row);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  label = tillit_record_kind_get_field_label (unit_kind, tillit_record_kind_find_field (unit_kind, "name"));
  g_test_message ("field row: %s", title);
  g_assert_cmpstr (title, !=, "name");
  g_assert_true (g_unichar_isupper (g_utf8_get_char (title)));
  g_assert_true (g_unichar_tolower (g_utf8_get_char (title)) == g_utf8_get_char (label));
  g_assert_cmpstr (g_utf8_next_char (title), ==, g_utf8_next_char (label));
  if (g_str_equal (tillit_test_language (), "en"))
    g_assert_cmpstr (title, ==, "Name");
  else
    g_assert_cmpstr (title, ==, "Namn");
  png = tillit_test_screenshot (GTK_WIDGET (dialog), "import-conflict");
  g_test_message ("screenshot: %s", png);

  gtk_switch_set_active (GTK_SWITCH (theirs), TRUE);
  {
    TillitStore *before = tillit_application_get_store (fixture->app);

    respond (dialog, "import");
    while (tillit_application_get_store (fixture->app) == before)
      g_main_context_iteration (NULL, TRUE);
  }

  unit = tillit_store_lookup (tillit_application_get_store (fixture->app), uuid);
  g_assert_cmpstr (tillit_record_get_string (unit, "name"), ==, "Hemtjänst Väst");
}

#define MANY_CONFLICTS 102

/* More conflicts than the dialog lists: the first hundred are listed,
 * the rest counted, and the choice for every conflict decides them. */
static void
test_import_many_conflicts (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GFile) first = tmp_file (fixture, "first.xml");
  g_autoptr(GFile) second = tmp_file (fixture, "second.xml");
  g_autoptr(TillitStore) other = open_other (fixture);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  TillitStore *ours;
  AdwMessageDialog *dialog;
  GtkWidget *more = NULL;
  GtkWidget *row;
  guint n_rows = 0;

  for (guint i = 0; i < MANY_CONFLICTS; i++)
    {
      g_autofree char *name = g_strdup_printf ("Enhet %u", i);
      TillitRecord *unit = tillit_store_create (other, TILLIT_TYPE_UNIT, &error, "name", name, NULL);

      g_assert_no_error (error);
      g_ptr_array_add (uuids, g_strdup (tillit_record_get_uuid (unit)));
    }
  g_assert_true (tillit_exchange_export (tillit_store_get_database (other), first, NULL, NULL,
                                         TILLIT_EXCHANGE_EXPORT_NONE, NULL, NULL, NULL, &error));
  import_and_confirm (fixture, first);

  ours = tillit_application_get_store (fixture->app);
  for (guint i = 0; i < uuids->len; i++)
    {
      g_assert_true (tillit_store_update (ours, tillit_store_lookup (ours, uuids->pdata[i]), &error,
                                          "name", "Vår", NULL));
      g_assert_true (tillit_store_update (other, tillit_store_lookup (other, uuids->pdata[i]), &error,
                                          "name", "Deras", NULL));
    }
  g_assert_true (tillit_exchange_export (tillit_store_get_database (other), second, NULL, NULL,
                                         TILLIT_EXCHANGE_EXPORT_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  tillit_window_import_file (fixture->window, second);
  dialog = wait_for_plan ();
  while (tillit_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_EXPANDER_ROW, n_rows) != NULL)
    n_rows++;
  g_assert_cmpuint (n_rows, ==, 100);
  for (guint i = 0; (row = tillit_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, i)) != NULL; i++)
    more = row;
  g_assert_nonnull (more);
  g_assert_true (g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (more)), "2 "));
  {
    GtkScrolledWindow *scrolled =
      GTK_SCROLLED_WINDOW (tillit_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW, 0));
    GtkAdjustment *down = gtk_scrolled_window_get_vadjustment (scrolled);
    g_autofree char *png = NULL;

    tillit_test_wait_for_frame (GTK_WIDGET (dialog));
    gtk_adjustment_set_value (down, gtk_adjustment_get_upper (down));
    png = tillit_test_screenshot (GTK_WIDGET (dialog), "import-many-conflicts");
    g_test_message ("screenshot: %s", png);
  }

  gtk_switch_set_active (GTK_SWITCH (tillit_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH, 0)),
                         TRUE);
  respond (dialog, "import");
  while (tillit_application_get_store (fixture->app) == ours)
    g_main_context_iteration (NULL, TRUE);

  ours = tillit_application_get_store (fixture->app);
  for (guint i = 0; i < uuids->len; i++)
    g_assert_cmpstr (tillit_record_get_string (tillit_store_lookup (ours, uuids->pdata[i]), "name"),
                     ==, "Deras");
}

static void
test_explore_example (Fixture       *fixture,
                      gconstpointer  data)
{
  TillitStore *store = tillit_application_get_store (fixture->app);
  AdwMessageDialog *dialog;
  g_autofree char *png = NULL;
  guint pilots_before = g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_PILOT));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.explore-example", NULL));
  while ((dialog = find_message_dialog ()) == NULL ||
         !adw_message_dialog_has_response (dialog, "import"))
    g_main_context_iteration (NULL, TRUE);

  png = tillit_test_screenshot (GTK_WIDGET (dialog), "example-plan");
  g_test_message ("screenshot: %s", png);

  adw_message_dialog_response (dialog, "import");
  while (tillit_application_get_store (fixture->app) == store)
    g_main_context_iteration (NULL, TRUE);

  /* The example has a dozen pilots and five manager days from another
   * municipality, and they keep their origin. */
  store = tillit_application_get_store (fixture->app);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_PILOT)), >=, pilots_before + 12);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (store, TILLIT_TYPE_MANAGER_DAY)), >=, 5);
  {
    g_autoptr(TillitRecord) pilot = g_list_model_get_item (tillit_store_list (store, TILLIT_TYPE_PILOT), 0);

    g_assert_cmpstr (tillit_record_get_origin (pilot), !=,
                     tillit_record_get_uuid (tillit_store_get_ours (store)));
  }

  /* The pictures double as the metainfo's screenshots: let the import's
   * toast time out first. */
  tillit_test_wait (5500);

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *name = g_strconcat ("example-", tools[i], NULL);
      g_autofree char *shot = NULL;

      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", tools[i]);
      shot = tillit_test_screenshot (GTK_WIDGET (fixture->window), name);
      g_test_message ("screenshot: %s", shot);
    }
}

/* win.open-record shows any record in the tool that holds it; a record
 * inside another (a learning) opens its holder. */
static void
test_open_linked_record (Fixture       *fixture,
                         gconstpointer  data)
{
  TillitStore *store = tillit_application_get_store (fixture->app);
  GtkWidget *pilots = adw_view_stack_get_child_by_name (window_stack (fixture), "pilots");
  GtkWidget *agenda = adw_view_stack_get_child_by_name (window_stack (fixture), "agenda");
  g_autoptr(GError) error = NULL;
  TillitRecord *pilot, *learning, *day, *competency;

  pilot = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "Brukarråd", NULL);
  g_assert_no_error (error);
  learning = tillit_store_create (store, TILLIT_TYPE_LEARNING, &error,
                                  "pilot", tillit_record_get_uuid (pilot), "text", "Fråga tidigt", NULL);
  g_assert_no_error (error);
  day = tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error, "title", "Chefsdag", NULL);
  g_assert_no_error (error);
  competency = tillit_store_create (store, TILLIT_TYPE_COMPETENCY, &error, "name-en", "Listening", NULL);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "matrix");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-record", "s",
                              tillit_record_get_uuid (learning));
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "pilots");
  g_assert_true (tillit_pilots_page_get_selected (TILLIT_PILOTS_PAGE (pilots)) == pilot);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-record", "s",
                              tillit_record_get_uuid (day));
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "agenda");
  g_assert_true (tillit_agenda_page_get_day (TILLIT_AGENDA_PAGE (agenda)) == day);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-record", "s",
                              tillit_record_get_uuid (competency));
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "recruitment");

  /* A UUID that names nothing leaves the window where it was. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-record", "s",
                              "00000000-0000-4000-8000-000000000000");
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "recruitment");
}

static void
test_state_restored (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  TillitWindow *second;
  int width, height;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "agenda");
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1040, 680);
  tillit_test_iterate ();

  /* Closing saves the size; the window is gone afterwards, so make a new
   * one for the tear-down. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  tillit_test_iterate ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1040);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 680);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  second = tillit_window_new (fixture->app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 1040);
  g_assert_cmpint (height, ==, 680);
  g_assert_cmpstr (tillit_window_get_visible_tool (second), ==, "agenda");
  gtk_window_present (GTK_WINDOW (second));
  fixture->window = second;
  tillit_test_wait_for_frame (GTK_WIDGET (second));
}

/* The saved tool is a name: one this version knows opens its page, any
 * other (a tool since renamed, a hand-edited setting) the overview. */
static void
test_last_tool_names (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  const struct {
    const char *saved;
    const char *shown;
  } cases[] = {
    { "matrix", "matrix" },
    { "recruitment", "recruitment" },
    { "no-such-tool", "overview" },
    { "", "overview" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TillitWindow *window;
      g_autofree char *kept = NULL;

      g_settings_set_string (settings, "last-tool", cases[i].saved);
      kept = g_settings_get_string (settings, "last-tool");
      g_assert_cmpstr (kept, ==, cases[i].saved);
      window = tillit_window_new (fixture->app);
      g_assert_cmpstr (tillit_window_get_visible_tool (window), ==, cases[i].shown);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  /* Showing a tool saves its name. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "pilots");
  {
    g_autofree char *saved = g_settings_get_string (settings, "last-tool");

    g_assert_cmpstr (saved, ==, "pilots");
  }
}

int
main (int   argc,
      char *argv[])
{
  tillit_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/window/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("database-created", test_database_created);
  ADD ("tools-by-action", test_tools_by_action);
  ADD ("tools-by-shortcut", test_tools_by_shortcut);
  ADD ("tools-built-when-shown", test_tools_built_when_shown);
  ADD ("pages-follow-store", test_pages_follow_store);
  ADD ("app-shortcuts", test_app_shortcuts);
  ADD ("shortcuts-window", test_shortcuts_window);
  ADD ("about", test_about);
  ADD ("translated", test_translated);
  ADD ("state-restored", test_state_restored);
  ADD ("last-tool-names", test_last_tool_names);
  ADD ("preferences", test_preferences);
  ADD ("export-import", test_export_import);
  ADD ("explore-example", test_explore_example);
  ADD ("import-conflict", test_import_conflict);
  ADD ("import-many-conflicts", test_import_many_conflicts);
  ADD ("open-linked-record", test_open_linked_record);
#undef ADD
  g_test_add ("/window/first-run", Fixture, "first-run", fixture_set_up, test_first_run, fixture_tear_down);

  return g_test_run ();
}
