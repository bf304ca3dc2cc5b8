/* test-pilots.c: the Pilots page driven through its real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>
#include <string.h>

#include "model/tillit-database-private.h"
#include "model/tillit-model.h"
#include "pilots/tillit-pilot-board.h"
#include "pilots/tillit-pilot-chart.h"
#include "pilots/tillit-pilot-editor.h"
#include "pilots/tillit-pilot-filter.h"
#include "pilots/tillit-pilot-labels.h"
#include "pilots/tillit-pilot-portfolio.h"
#include "pilots/tillit-pilots-page.h"
#include "tillit-test-ui.h"

typedef struct
{
  char *tmpdir;
  TillitStore *store;
  TillitRecord *ours;
  GtkWindow *window;
  TillitPilotsPage *page;
  TillitPilotEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *overlay;

  fixture->tmpdir = tillit_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "tillit.db", NULL);
  fixture->store = tillit_store_open (path, &error);
  g_assert_no_error (error);
  fixture->ours = tillit_store_create (fixture->store, TILLIT_TYPE_MUNICIPALITY, &error,
                                       "name", "Ekdala kommun", "code", "9999", "ours", TRUE, NULL);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 720);
  overlay = adw_toast_overlay_new ();
  fixture->page = TILLIT_PILOTS_PAGE (tillit_pilots_page_new (fixture->store));
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));

  fixture->editor = TILLIT_PILOT_EDITOR (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                        TILLIT_TYPE_PILOTS_PAGE, "editor"));
  g_assert_nonnull (fixture->editor);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs a test left open go first. */
  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != fixture->window)
        gtk_window_destroy (window);
    }
  gtk_window_destroy (fixture->window);
  tillit_test_iterate ();
  g_clear_object (&fixture->store);
  tillit_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static gpointer
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), TILLIT_TYPE_PILOTS_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static gpointer
editor_child (Fixture    *fixture,
              const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->editor), TILLIT_TYPE_PILOT_EDITOR, name);

  g_assert_nonnull (child);
  return child;
}

static GListModel *
pilots (Fixture *fixture)
{
  return tillit_store_list (fixture->store, TILLIT_TYPE_PILOT);
}

static void
wait_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  tillit_test_iterate ();
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autofree char *png = tillit_test_screenshot (GTK_WIDGET (fixture->window), name);

  g_test_message ("screenshot: %s", png);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static TillitRecord *
make_pilot (Fixture    *fixture,
            const char *title,
            const char *stage)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *pilot = tillit_store_create (fixture->store, TILLIT_TYPE_PILOT, &error,
                                             "title", title, "stage", stage, NULL);

  g_assert_no_error (error);
  tillit_test_iterate ();
  return pilot;
}

static AdwMessageDialog *
open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  tillit_test_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        return ADW_MESSAGE_DIALOG (item);
    }
  g_assert_not_reached ();
}

/* The dialog closes itself after its response; wait until it is gone so
 * the next dialog found is the next one opened. */
/* The dialog closes itself after its response; make sure it is gone so
 * the next dialog found is the next one opened. */
static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_object_ref (dialog);
  adw_message_dialog_response (dialog, response);
  tillit_test_iterate ();
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
  g_object_unref (dialog);
  tillit_test_iterate ();
}

static void
set_entry (AdwMessageDialog *dialog,
           const char       *key,
           const char       *text)
{
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), key);

  g_assert_nonnull (row);
  gtk_editable_set_text (row, text);
}

static void
apply_row (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  tillit_test_iterate ();
}

/* Scrolls the editor so that @widget is at the top of the picture. */
static void
scroll_to (Fixture   *fixture,
           GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  double x, y;

  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_true (gtk_widget_translate_coordinates (widget, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                                   0, 0, &x, &y));
  /* The viewport's coordinates move with the scrolling. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + y - 12);
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
test_empty_then_create (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkStack *content = page_child (fixture, "content_stack");
  g_autofree char *today = tillit_pilot_today ();
  TillitRecord *pilot;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "empty");
  g_assert_true (gtk_widget_get_mapped (tillit_test_find_widget (gtk_stack_get_visible_child (content),
                                                                 GTK_TYPE_BUTTON, 0)));
  screenshot (fixture, "pilots-empty");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "pilots.new", NULL));
  tillit_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (pilots (fixture)), ==, 1);
  pilot = g_list_model_get_item (pilots (fixture), 0);
  g_object_unref (pilot);
  g_assert_cmpstr (tillit_record_get_string (pilot, "title"), ==, _("New pilot"));
  g_assert_cmpstr (tillit_record_get_string (pilot, "stage"), ==, "identify");
  g_assert_cmpstr (tillit_record_get_string (pilot, "identify-date"), ==, today);
  g_assert_true (tillit_pilots_page_get_selected (fixture->page) == pilot);
  g_assert_true (tillit_pilot_editor_get_pilot (fixture->editor) == pilot);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "views");

  apply_row (editor_child (fixture, "title_row"), "Meal choice in home care");
  apply_row (editor_child (fixture, "owner_row"), "Anna Berg");
  g_assert_cmpstr (tillit_record_get_string (pilot, "title"), ==, "Meal choice in home care");
  g_assert_cmpstr (tillit_record_get_string (pilot, "owner"), ==, "Anna Berg");

  /* An empty title is refused and the row says so. */
  apply_row (editor_child (fixture, "title_row"), "  ");
  g_assert_cmpstr (tillit_record_get_string (pilot, "title"), ==, "Meal choice in home care");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (editor_child (fixture, "title_row")), "error"));
}

static void
test_stages (Fixture       *fixture,
             gconstpointer  data)
{
  TillitRecord *pilot = make_pilot (fixture, "Night-time digital supervision", "identify");
  TillitPilotBoard *board = page_child (fixture, "board");
  g_autofree char *today = tillit_pilot_today ();
  const char *expected[] = { "test", "implement", "follow-up" };

  tillit_pilots_page_select (fixture->page, pilot);
  tillit_test_iterate ();
  g_assert_cmpuint (tillit_pilot_board_n_cards (board, 0), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *field = tillit_pilot_stage_date_field (expected[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "pilots.next-stage", NULL));
      tillit_test_iterate ();
      g_assert_cmpstr (tillit_record_get_string (pilot, "stage"), ==, expected[i]);
      g_assert_cmpstr (tillit_record_get_string (pilot, field), ==, today);
      g_assert_cmpuint (tillit_pilot_board_n_cards (board, i + 1), ==, 1);
      g_assert_cmpuint (tillit_pilot_board_n_cards (board, i), ==, 0);
    }

  /* Follow-up is the last procedure. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "pilots.next-stage", NULL)
                  && g_strcmp0 (tillit_record_get_string (pilot, "stage"), "follow-up") != 0);
  g_assert_cmpstr (tillit_record_get_string (pilot, "stage"), ==, "follow-up");

  /* Dropping a card on a column moves it there, with the date. */
  tillit_store_update (fixture->store, pilot, NULL, "test-date", NULL, NULL);
  g_signal_emit_by_name (board, "pilot-dropped", pilot, "test");
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_record_get_string (pilot, "stage"), ==, "test");
  g_assert_cmpstr (tillit_record_get_string (pilot, "test-date"), ==, today);

  /* The move is one undo step. */
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_record_get_string (pilot, "stage"), ==, "follow-up");
  g_assert_null (tillit_record_get_string (pilot, "test-date"));

  make_pilot (fixture, "Meal choice in home care", "identify");
  make_pilot (fixture, "Co-created day activities", "test");
  make_pilot (fixture, "Shared care plans", "implement");
  make_pilot (fixture, "Digital key handover", "test");
  tillit_pilots_page_show_view (fixture->page, "board");
  g_assert_cmpuint (tillit_pilot_board_n_cards (board, 1), ==, 2);
  screenshot (fixture, "pilots-board");
}

static void
test_decision (Fixture       *fixture,
               gconstpointer  data)
{
  TillitRecord *pilot = make_pilot (fixture, "Co-created day activities", "identify");
  AdwMessageDialog *dialog;
  AdwComboRow *decision;

  tillit_pilots_page_select (fixture->page, pilot);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.decide", NULL));
  dialog = open_dialog ();
  decision = g_object_get_data (G_OBJECT (dialog), "decision");
  adw_combo_row_set_selected (decision, 0);
  set_entry (dialog, "by", "Eva Lind, head of social services");
  set_entry (dialog, "date", "2026-03-01");
  set_entry (dialog, "conditions", "Report back after three months");
  tillit_test_wait_for_frame (GTK_WIDGET (dialog));
  g_autofree char *png = tillit_test_screenshot (GTK_WIDGET (dialog), "pilots-decision");
  g_test_message ("screenshot: %s", png);
  respond (dialog, "accept");

  g_assert_cmpstr (tillit_record_get_string (pilot, "decision"), ==, "approved");
  g_assert_cmpstr (tillit_record_get_string (pilot, "decided-by"), ==, "Eva Lind, head of social services");
  g_assert_cmpstr (tillit_record_get_string (pilot, "decision-date"), ==, "2026-03-01");
  g_assert_cmpstr (tillit_record_get_string (pilot, "conditions"), ==, "Report back after three months");

  /* All four fields are one step. */
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  g_assert_cmpstr (tillit_record_get_string (pilot, "decision"), ==, "pending");
  g_assert_null (tillit_record_get_string (pilot, "decided-by"));
  g_assert_null (tillit_record_get_string (pilot, "conditions"));

  /* A date that is no date is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.decide", NULL));
  dialog = open_dialog ();
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (dialog), "decision"), 1);
  set_entry (dialog, "date", "1 March");
  respond (dialog, "accept");
  g_assert_cmpstr (tillit_record_get_string (pilot, "decision"), ==, "pending");
}

static guint
count_for (Fixture    *fixture,
           GType       type,
           const char *pilot_uuid)
{
  GListModel *list = tillit_store_list (fixture->store, type);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (tillit_record_get_string (record, "pilot"), pilot_uuid) == 0)
        n++;
    }
  return n;
}

static TillitRecord *
first_for (Fixture    *fixture,
           GType       type,
           const char *pilot_uuid)
{
  GListModel *list = tillit_store_list (fixture->store, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (tillit_record_get_string (record, "pilot"), pilot_uuid) == 0)
        return record;
    }
  return NULL;
}

static void
test_learnings (Fixture       *fixture,
                gconstpointer  data)
{
  TillitRecord *pilot = make_pilot (fixture, "Home care planned with the user", "test");
  const char *uuid = tillit_record_get_uuid (pilot);
  GtkListBox *list = editor_child (fixture, "learnings_list");
  AdwMessageDialog *dialog;
  GtkTextView *text;
  TillitRecord *learning;
  GtkWidget *button;

  tillit_pilots_page_select (fixture->page, pilot);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-learning", NULL));
  dialog = open_dialog ();
  text = g_object_get_data (G_OBJECT (dialog), "text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Users chose the visiting times themselves", -1);
  set_entry (dialog, "date", "2026-02-10");
  set_entry (dialog, "role", "Unit manager");
  respond (dialog, "accept");

  g_assert_cmpuint (count_for (fixture, TILLIT_TYPE_LEARNING, uuid), ==, 1);
  learning = first_for (fixture, TILLIT_TYPE_LEARNING, uuid);
  g_assert_cmpstr (tillit_record_get_string (learning, "text"), ==, "Users chose the visiting times themselves");
  g_assert_cmpstr (tillit_record_get_string (learning, "date"), ==, "2026-02-10");
  g_assert_cmpstr (tillit_record_get_string (learning, "author-role"), ==, "Unit manager");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));

  /* Edit through the row's pencil. */
  button = tillit_test_find_widget (GTK_WIDGET (list), GTK_TYPE_BUTTON, 0);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  dialog = open_dialog ();
  text = g_object_get_data (G_OBJECT (dialog), "text");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Users chose visiting times; fewer missed visits", -1);
  respond (dialog, "accept");
  g_assert_cmpstr (tillit_record_get_string (learning, "text"), ==, "Users chose visiting times; fewer missed visits");

  /* The log reads newest first. */
  tillit_store_create (fixture->store, TILLIT_TYPE_LEARNING, NULL, "pilot", uuid, "date", "2026-01-05",
                       "text", "Staff needed a week to get used to it", NULL);
  tillit_test_iterate ();
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 0))), ==,
                   "Users chose visiting times; fewer missed visits");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, 1))), ==,
                   "Staff needed a week to get used to it");
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();

  scroll_to (fixture, gtk_widget_get_ancestor (editor_child (fixture, "decision_row"), ADW_TYPE_PREFERENCES_GROUP));
  screenshot (fixture, "pilots-detail");

  /* Delete through the row's bin, then undo as the toast does. */
  button = tillit_test_find_widget (GTK_WIDGET (list), GTK_TYPE_BUTTON, 1);
  g_signal_emit_by_name (button, "clicked");
  tillit_test_iterate ();
  g_assert_cmpuint (count_for (fixture, TILLIT_TYPE_LEARNING, uuid), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (count_for (fixture, TILLIT_TYPE_LEARNING, uuid), ==, 1);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
}

/* The window (here a plain one) receives win.open-record. */
static void
on_open_record (GSimpleAction *action,
                GVariant      *parameter,
                char         **opened)
{
  g_free (*opened);
  *opened = g_variant_dup_string (parameter, NULL);
}

static GSimpleActionGroup *
catch_open_record (Fixture  *fixture,
                   char    **opened)
{
  GSimpleActionGroup *win_actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_record = g_simple_action_new ("open-record", G_VARIANT_TYPE_STRING);

  g_signal_connect (open_record, "activate", G_CALLBACK (on_open_record), opened);
  g_action_map_add_action (G_ACTION_MAP (win_actions), G_ACTION (open_record));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (win_actions));
  return win_actions;
}

/* The toast's button: the first button in the overlay named @label. */
static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button_labelled (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static TillitRecord *
make_day (Fixture    *fixture,
          const char *date,
          const char *title)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *day = tillit_store_create (fixture->store, TILLIT_TYPE_MANAGER_DAY, &error,
                                           "date", date, "title", title, NULL);

  g_assert_no_error (error);
  return day;
}

static TillitRecord *
make_item (Fixture      *fixture,
           TillitRecord *day,
           int           position,
           const char   *title,
           TillitRecord *pilot)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *item = tillit_store_create (fixture->store, TILLIT_TYPE_AGENDA_ITEM, &error,
                                            "day", tillit_record_get_uuid (day), "position", position,
                                            "duration", 30, "title", title,
                                            "pilot", pilot != NULL ? tillit_record_get_uuid (pilot) : NULL,
                                            NULL);

  g_assert_no_error (error);
  return item;
}

/* A pilot with two principles and a learning, shown in the editor. */
static TillitRecord *
make_learning (Fixture       *fixture,
               TillitRecord **pilot_out)
{
  GListModel *principles = tillit_store_list (fixture->store, TILLIT_TYPE_PRINCIPLE);
  g_autoptr(TillitRecord) first = g_list_model_get_item (principles, 0);
  g_autoptr(TillitRecord) third = g_list_model_get_item (principles, 2);
  const char *chosen[] = { tillit_record_get_uuid (first), tillit_record_get_uuid (third), NULL };
  g_autoptr(GError) error = NULL;
  TillitRecord *pilot = make_pilot (fixture, "User council at day activities", "test");
  TillitRecord *learning;

  g_assert_true (tillit_store_update (fixture->store, pilot, &error, "principles", chosen, NULL));
  learning = tillit_store_create (fixture->store, TILLIT_TYPE_LEARNING, &error,
                                  "pilot", tillit_record_get_uuid (pilot), "date", "2026-02-10",
                                  "text", "Users asked better questions than we did\nWe let them chair the council.",
                                  NULL);
  g_assert_no_error (error);
  tillit_pilots_page_select (fixture->page, pilot);
  tillit_test_iterate ();
  *pilot_out = pilot;
  return learning;
}

static void
assert_same_set (const char * const *a,
                 const char * const *b)
{
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpuint (g_strv_length ((char **) a), ==, g_strv_length ((char **) b));
  for (guint i = 0; a[i] != NULL; i++)
    g_assert_true (g_strv_contains (b, a[i]));
}

/* Share at a manager day: the item lands at the end of the chosen day,
 * upcoming days offered first, with the pilot, the learning and the
 * pilot's principles; one undo takes it away. The pilot then lists it
 * under Presented At, and the row opens it. */
static void
test_share_learning (Fixture       *fixture,
                     gconstpointer  data)
{
  TillitRecord *pilot;
  TillitRecord *learning = make_learning (fixture, &pilot);
  TillitRecord *past = make_day (fixture, "2020-03-12", "Spring 2020");
  TillitRecord *upcoming = make_day (fixture, "2099-05-07", "Spring 2099");
  TillitRecord *later = make_day (fixture, "2099-09-10", "Autumn 2099");
  GListModel *items = tillit_store_list (fixture->store, TILLIT_TYPE_AGENDA_ITEM);
  GtkListBox *presented = editor_child (fixture, "presented_list");
  g_autoptr(GSimpleActionGroup) win_actions = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *title = g_strdup_printf (_("Learning from “%s”"), "User council at day activities");
  AdwMessageDialog *dialog;
  GPtrArray *days, *checks;
  TillitRecord *item = NULL;
  TillitRecord *older;
  GtkWidget *row, *menu, *open;

  make_item (fixture, upcoming, 0, "Welcome", NULL);
  make_item (fixture, upcoming, 1, "Budget", NULL);
  older = make_item (fixture, past, 0, "Older showcase", pilot);
  tillit_test_iterate ();

  /* The learning's menu offers both actions; here, what it looks like. */
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (editor_child (fixture, "learnings_list"), 0));
  menu = tillit_test_find_widget (row, GTK_TYPE_MENU_BUTTON, 0);
  g_assert_nonnull (menu);
  scroll_to (fixture, gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  tillit_test_wait_for_frame (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))));
  screenshot (fixture, "pilots-learning-actions");
  g_free (tillit_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))),
                                  "pilots-learning-menu"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.share-learning", "s",
                                             tillit_record_get_uuid (learning)));
  dialog = open_dialog ();
  days = g_object_get_data (G_OBJECT (dialog), "days");
  checks = g_object_get_data (G_OBJECT (dialog), "checks");
  g_assert_cmpuint (days->len, ==, 3);
  g_assert_true (g_ptr_array_index (days, 0) == upcoming);
  g_assert_true (g_ptr_array_index (days, 1) == later);
  g_assert_true (g_ptr_array_index (days, 2) == past);
  g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, 0)));
  tillit_test_wait_for_frame (GTK_WIDGET (dialog));
  g_free (tillit_test_screenshot (GTK_WIDGET (dialog), "pilots-share"));
  respond (dialog, "accept");

  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 4);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TillitRecord) candidate = g_list_model_get_item (items, i);

      if (tillit_record_get_string (candidate, "learning") != NULL)
        item = candidate;
    }
  g_assert_nonnull (item);
  g_assert_cmpstr (tillit_record_get_string (item, "day"), ==, tillit_record_get_uuid (upcoming));
  g_assert_cmpstr (tillit_record_get_string (item, "pilot"), ==, tillit_record_get_uuid (pilot));
  g_assert_cmpstr (tillit_record_get_string (item, "learning"), ==, tillit_record_get_uuid (learning));
  assert_same_set (tillit_record_get_strv (item, "principles"), tillit_record_get_strv (pilot, "principles"));
  g_assert_cmpint (tillit_record_get_int (item, "position"), ==, 2);
  g_assert_cmpint (tillit_record_get_int (item, "duration"), ==, 15);
  g_assert_cmpstr (tillit_record_get_string (item, "title"), ==, title);
  g_assert_cmpstr (tillit_record_get_string (item, "notes"), ==, tillit_record_get_string (learning, "text"));
  /* Reflective dialogue, the first dialogue format of the default programme. */
  g_assert_cmpstr (tillit_record_get_string (item, "format"), ==, "568f56ac-1764-5c21-89f8-51c638273de1");

  /* The toast opens the new item. */
  win_actions = catch_open_record (fixture, &opened);
  open = find_button_labelled (gtk_widget_get_parent (GTK_WIDGET (fixture->page)), _("_Open"));
  g_assert_nonnull (open);
  tillit_test_click_toast_button (open);
  g_assert_cmpstr (opened, ==, tillit_record_get_uuid (item));
  g_clear_pointer (&opened, g_free);

  /* Presented at: latest day first, each row opening its item. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (presented, 0))),
                   ==, title);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (presented, 0))),
                   ==, "2099-05-07 · Spring 2099");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (presented, 1))),
                   ==, "Older showcase");
  g_assert_null (gtk_list_box_get_row_at_index (presented, 2));
  scroll_to (fixture, gtk_widget_get_ancestor (GTK_WIDGET (presented), ADW_TYPE_PREFERENCES_GROUP));
  screenshot (fixture, "pilots-presented");
  g_signal_emit_by_name (gtk_list_box_get_row_at_index (presented, 1), "activate");
  tillit_test_iterate ();
  g_assert_cmpstr (opened, ==, tillit_record_get_uuid (older));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", NULL);

  /* One undo step takes the item away. */
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TillitRecord) left = g_list_model_get_item (items, i);

      g_assert_null (tillit_record_get_string (left, "learning"));
    }
}

/* With no manager day, the dialog offers to create one dated today. */
static void
test_share_learning_no_day (Fixture       *fixture,
                            gconstpointer  data)
{
  TillitRecord *pilot;
  TillitRecord *learning = make_learning (fixture, &pilot);
  GListModel *days = tillit_store_list (fixture->store, TILLIT_TYPE_MANAGER_DAY);
  GListModel *items = tillit_store_list (fixture->store, TILLIT_TYPE_AGENDA_ITEM);
  g_autofree char *today = tillit_pilot_today ();
  g_autoptr(TillitRecord) day = NULL;
  g_autoptr(TillitRecord) item = NULL;
  AdwMessageDialog *dialog;

  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (editor_child (fixture, "presented_list"), 0));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.share-learning", "s",
                                             tillit_record_get_uuid (learning)));
  dialog = open_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("No Manager Days Yet"));
  tillit_test_wait_for_frame (GTK_WIDGET (dialog));
  g_free (tillit_test_screenshot (GTK_WIDGET (dialog), "pilots-share-no-day"));
  respond (dialog, "accept");

  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 1);
  day = g_list_model_get_item (days, 0);
  item = g_list_model_get_item (items, 0);
  g_assert_cmpstr (tillit_record_get_string (day, "date"), ==, today);
  g_assert_cmpstr (tillit_record_get_string (item, "day"), ==, tillit_record_get_uuid (day));
  g_assert_cmpint (tillit_record_get_int (item, "position"), ==, 0);
  g_assert_cmpstr (tillit_record_get_string (item, "learning"), ==, tillit_record_get_uuid (learning));

  /* The day and its item are one step. */
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 0);
}

/* Suggest a competency: prefilled from the learning, with the pilot's
 * principles, a leadership competency in the store. */
static void
test_suggest_competency (Fixture       *fixture,
                         gconstpointer  data)
{
  TillitRecord *pilot;
  TillitRecord *learning = make_learning (fixture, &pilot);
  GListModel *competencies = tillit_store_list (fixture->store, TILLIT_TYPE_COMPETENCY);
  guint before = g_list_model_get_n_items (competencies);
  gboolean swedish = tillit_pilot_prefers_swedish ();
  g_autoptr(TillitRecord) competency = NULL;
  AdwMessageDialog *dialog;
  GtkTextView *text;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.suggest-competency", "s",
                                             tillit_record_get_uuid (learning)));
  dialog = open_dialog ();
  g_assert_cmpstr (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "name")), ==,
                   "Users asked better questions than we did");
  text = g_object_get_data (G_OBJECT (dialog), "description");
  tillit_test_wait_for_frame (GTK_WIDGET (dialog));
  g_free (tillit_test_screenshot (GTK_WIDGET (dialog), "pilots-suggest"));
  set_entry (dialog, "name", "Lets users lead");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (text), "Hands the chair to the users", -1);
  respond (dialog, "accept");

  g_assert_cmpuint (g_list_model_get_n_items (competencies), ==, before + 1);
  competency = g_list_model_get_item (competencies, before);
  g_assert_cmpstr (tillit_record_get_string (competency, swedish ? "name-sv" : "name-en"), ==, "Lets users lead");
  g_assert_cmpstr (tillit_record_get_string (competency, swedish ? "description-sv" : "description-en"), ==,
                   "Hands the chair to the users");
  g_assert_cmpstr (tillit_record_get_string (competency, "category"), ==, "leadership");
  g_assert_cmpint (tillit_record_get_int (competency, "position"), ==, before);
  assert_same_set (tillit_record_get_strv (competency, "principles"), tillit_record_get_strv (pilot, "principles"));
}

static void
test_adoption (Fixture       *fixture,
               gconstpointer  data)
{
  TillitRecord *pilot = make_pilot (fixture, "Shared care plans", "implement");
  const char *uuid = tillit_record_get_uuid (pilot);
  AdwMessageDialog *dialog;
  TillitRecord *adoption, *unit;

  tillit_pilots_page_select (fixture->page, pilot);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-adoption", NULL));
  dialog = open_dialog ();
  set_entry (dialog, "new-unit", "Home care north");
  set_entry (dialog, "date", "2026-04-15");
  respond (dialog, "accept");

  g_assert_cmpuint (count_for (fixture, TILLIT_TYPE_ADOPTION, uuid), ==, 1);
  adoption = first_for (fixture, TILLIT_TYPE_ADOPTION, uuid);
  unit = tillit_store_lookup (fixture->store, tillit_record_get_string (adoption, "unit"));
  g_assert_nonnull (unit);
  g_assert_cmpstr (tillit_record_get_string (unit, "name"), ==, "Home care north");
  g_assert_cmpstr (tillit_record_get_string (adoption, "date"), ==, "2026-04-15");

  /* The portfolio counts an adoption by another unit. */
  g_assert_cmpuint (tillit_pilot_chart_get_portfolio (page_child (fixture, "chart"))->adoptions, ==, 1);

  /* The new unit and the adoption are one step. */
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (count_for (fixture, TILLIT_TYPE_ADOPTION, uuid), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_UNIT)), ==, 0);

  /* An existing unit is chosen from the list. */
  unit = tillit_store_create (fixture->store, TILLIT_TYPE_UNIT, NULL, "name", "Home care south", NULL);
  tillit_test_iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.add-adoption", NULL));
  dialog = open_dialog ();
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (dialog), "unit"), 1);
  respond (dialog, "accept");
  adoption = first_for (fixture, TILLIT_TYPE_ADOPTION, uuid);
  g_assert_nonnull (adoption);
  g_assert_cmpstr (tillit_record_get_string (adoption, "unit"), ==, tillit_record_get_uuid (unit));
}

static void
test_fields (Fixture       *fixture,
             gconstpointer  data)
{
  TillitRecord *pilot = make_pilot (fixture, "Trust-based home care", "identify");
  TillitRecord *other = make_pilot (fixture, "Other", "identify");
  GtkWidget *check;
  const char * const *set;

  tillit_pilots_page_select (fixture->page, pilot);

  /* Check lists: the second involvement method and the first principle. */
  check = tillit_test_find_widget (GTK_WIDGET (editor_child (fixture, "involvement_group")), GTK_TYPE_CHECK_BUTTON, 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  set = tillit_record_get_strv (pilot, "involvement");
  g_assert_cmpuint (g_strv_length ((char **) set), ==, 1);
  g_assert_cmpstr (set[0], ==, tillit_pilot_field_nicks ("involvement")[1]);

  check = tillit_test_find_widget (GTK_WIDGET (editor_child (fixture, "support_group")), GTK_TYPE_CHECK_BUTTON, 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_true (g_strv_contains (tillit_record_get_strv (pilot, "support"), tillit_pilot_field_nicks ("support")[2]));

  check = tillit_test_find_widget (GTK_WIDGET (editor_child (fixture, "principles_group")), GTK_TYPE_CHECK_BUTTON, 0);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (g_strv_length ((char **) tillit_record_get_strv (pilot, "principles")), ==, 1);

  /* Dates: a real one is kept, a wrong one refused. */
  {
    AdwPreferencesGroup *dates = editor_child (fixture, "dates_group");
    AdwEntryRow *start = ADW_ENTRY_ROW (tillit_test_find_widget (GTK_WIDGET (dates), ADW_TYPE_ENTRY_ROW, 4));

    apply_row (start, "2026-01-15");
    g_assert_cmpstr (tillit_record_get_string (pilot, "start-date"), ==, "2026-01-15");
    apply_row (start, "2026-02-30");
    g_assert_cmpstr (tillit_record_get_string (pilot, "start-date"), ==, "2026-01-15");
  }

  /* Outcome and its note. */
  adw_combo_row_set_selected (editor_child (fixture, "outcome_row"), 2);
  g_assert_cmpstr (tillit_record_get_string (pilot, "outcome"), ==, "adapt");
  apply_row (editor_child (fixture, "outcome_note_row"), "Kept the idea, changed the schedule");
  g_assert_cmpstr (tillit_record_get_string (pilot, "outcome-note"), ==, "Kept the idea, changed the schedule");

  /* The need is written when the editor moves on. */
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (editor_child (fixture, "need_view")),
                            "Users want to decide over their own day", -1);
  tillit_pilots_page_select (fixture->page, other);
  g_assert_cmpstr (tillit_record_get_string (pilot, "need"), ==, "Users want to decide over their own day");

  /* Undo goes back one field at a time, and the editor follows. */
  tillit_pilots_page_select (fixture->page, pilot);
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_assert_null (tillit_record_get_string (pilot, "need"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (fixture, "outcome_note_row"))), ==,
                   "Kept the idea, changed the schedule");
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (editor_child (fixture, "outcome_note_row"))), ==, "");
}

static void
test_filter_and_search (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *shown = tillit_pilots_page_get_shown (fixture->page);
  GtkFlowBox *filters = page_child (fixture, "filter_box");
  GtkDropDown *stage = GTK_DROP_DOWN (tillit_test_find_widget (GTK_WIDGET (filters), GTK_TYPE_DROP_DOWN, 0));
  GtkDropDown *decision = GTK_DROP_DOWN (tillit_test_find_widget (GTK_WIDGET (filters), GTK_TYPE_DROP_DOWN, 1));
  GtkEditable *search = page_child (fixture, "search_entry");
  TillitRecord *night;
  TillitRecord *first = NULL;

  make_pilot (fixture, "Meal choice in home care", "identify");
  night = make_pilot (fixture, "Night-time digital supervision", "test");
  make_pilot (fixture, "Co-created day activities", "test");
  make_pilot (fixture, "Shared care plans", "follow-up");
  tillit_store_update (fixture->store, night, NULL, "owner", "Örjan Åkesson", "decision", "approved", NULL);
  tillit_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);

  /* Sorted by title. */
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (tillit_record_get_string (first, "title"), ==, "Co-created day activities");
  g_object_unref (first);

  gtk_drop_down_set_selected (stage, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_drop_down_set_selected (decision, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_drop_down_set_selected (decision, 0);
  gtk_drop_down_set_selected (stage, 0);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);

  /* The unit is chosen in the editor and filtered on in the list. */
  {
    TillitRecord *unit = tillit_store_create (fixture->store, TILLIT_TYPE_UNIT, NULL, "name", "Home care north", NULL);
    GtkDropDown *units = GTK_DROP_DOWN (tillit_test_find_widget (GTK_WIDGET (filters), GTK_TYPE_DROP_DOWN, 3));

    tillit_test_iterate ();
    tillit_pilots_page_select (fixture->page, night);
    adw_combo_row_set_selected (editor_child (fixture, "unit_row"), 1);
    g_assert_cmpstr (tillit_record_get_string (night, "unit"), ==, tillit_record_get_uuid (unit));
    gtk_drop_down_set_selected (units, 1);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
    gtk_drop_down_set_selected (units, 0);
    g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);
  }

  /* Search as you type: title and owner, any case, any order of words. */
  gtk_editable_set_text (search, "care");
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_editable_set_text (search, "CARE meal");
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_editable_set_text (search, "örjan");
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  first = g_list_model_get_item (shown, 0);
  g_assert_true (first == night);
  g_object_unref (first);

  gtk_editable_set_text (search, "no such pilot");
  wait_ms (400);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (fixture, "content_stack")), ==, "no-results");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "pilots.clear-filters", NULL));
  wait_ms (400);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 4);

  /* An edit that takes a pilot out of the filter takes it out of the list. */
  gtk_drop_down_set_selected (stage, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  tillit_pilots_page_select (fixture->page, night);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "pilots.next-stage", NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  wait_ms (100);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  gtk_drop_down_set_selected (stage, 0);

  /* Export writes the pilots shown, with their learnings. */
  {
    g_autofree char *path = g_build_filename (fixture->tmpdir, "pilots.xml", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GError) error = NULL;
    g_autofree char *xml = NULL;

    tillit_store_create (fixture->store, TILLIT_TYPE_LEARNING, &error,
                         "pilot", tillit_record_get_uuid (night), "date", "2026-05-05",
                         "text", "Fewer wake-ups at night", NULL);
    g_assert_no_error (error);
    gtk_drop_down_set_selected (stage, 2);
    gtk_selection_model_unselect_all (gtk_column_view_get_model (page_child (fixture, "column_view")));
    g_assert_false (tillit_pilots_page_export (fixture->page, file, &error));
    g_clear_error (&error);
    gtk_selection_model_select_all (gtk_column_view_get_model (page_child (fixture, "column_view")));
    g_assert_true (tillit_pilots_page_export (fixture->page, file, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
    g_assert_nonnull (strstr (xml, "Night-time digital supervision"));
    g_assert_nonnull (strstr (xml, "Co-created day activities"));
    g_assert_nonnull (strstr (xml, "Fewer wake-ups at night"));
    g_assert_null (strstr (xml, "Meal choice in home care"));
    /* The owner names a person: not exported without asking. */
    g_assert_null (strstr (xml, "Örjan"));
    gtk_drop_down_set_selected (stage, 0);
  }

  /* Choosing a row shows its pilot in the editor. */
  {
    GtkSelectionModel *rows = gtk_column_view_get_model (page_child (fixture, "column_view"));
    g_autoptr(TillitRecord) row = g_list_model_get_item (G_LIST_MODEL (rows), 3);

    gtk_selection_model_select_item (rows, 3, TRUE);
    g_assert_true (tillit_pilots_page_get_selected (fixture->page) == row);
    g_assert_true (tillit_pilot_editor_get_pilot (fixture->editor) == row);
  }

  tillit_pilots_page_select (fixture->page, night);
  tillit_pilots_page_show_view (fixture->page, "list");
  screenshot (fixture, "pilots-list");
  tillit_pilots_page_show_view (fixture->page, "portfolio");
  screenshot (fixture, "pilots-portfolio");
}

static void
test_adapt (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *elsewhere = tillit_store_create (fixture->store, TILLIT_TYPE_MUNICIPALITY, &error,
                                                 "name", "Granby kommun", "code", "8888", NULL);
  TillitRecord *theirs, *ours;
  GListModel *shown = tillit_pilots_page_get_shown (fixture->page);
  GtkDropDown *origin;

  g_assert_no_error (error);
  theirs = tillit_store_create (fixture->store, TILLIT_TYPE_PILOT, &error,
                                "title", "Digital key handover", "stage", "implement",
                                "origin", tillit_record_get_uuid (elsewhere), NULL);
  g_assert_no_error (error);
  tillit_store_create (fixture->store, TILLIT_TYPE_LEARNING, &error,
                       "pilot", tillit_record_get_uuid (theirs), "date", "2025-11-01",
                       "text", "Keys were never lost", NULL);
  g_assert_no_error (error);
  make_pilot (fixture, "Our own pilot", "identify");

  origin = GTK_DROP_DOWN (tillit_test_find_widget (GTK_WIDGET (page_child (fixture, "filter_box")), GTK_TYPE_DROP_DOWN, 5));
  gtk_drop_down_set_selected (origin, 2);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_drop_down_set_selected (origin, 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  gtk_drop_down_set_selected (origin, 0);

  tillit_pilots_page_select (fixture->page, theirs);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor_child (fixture, "origin_group"))));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.adapt", NULL));
  tillit_test_iterate ();

  ours = tillit_pilots_page_get_selected (fixture->page);
  g_assert_true (ours != theirs);
  g_assert_cmpstr (tillit_record_get_string (ours, "adapted-from"), ==, tillit_record_get_uuid (theirs));
  g_assert_cmpstr (tillit_record_get_string (ours, "title"), ==, "Digital key handover");
  g_assert_cmpstr (tillit_record_get_string (ours, "stage"), ==, "identify");
  g_assert_cmpstr (tillit_record_get_origin (ours), ==, tillit_record_get_uuid (fixture->ours));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (editor_child (fixture, "origin_group"))));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor_child (fixture, "original_group"))));
  g_assert_nonnull (gtk_list_box_get_row_at_index (editor_child (fixture, "original_list"), 0));
}

static void
test_portfolio (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = tillit_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "tillit.db", NULL);
  g_autoptr(TillitStore) store = tillit_store_open (path, &error);
  TillitPilotPortfolio portfolio;
  TillitRecord *a, *b, *unit;

  g_assert_no_error (error);
  unit = tillit_store_create (store, TILLIT_TYPE_UNIT, &error, "name", "North", NULL);
  a = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "A", "stage", "test",
                           "identify-date", "2025-01-01", "unit", tillit_record_get_uuid (unit), NULL);
  b = tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "B", "stage", "test",
                           "identify-date", "2026-05-01", "decision", "approved", NULL);
  tillit_store_create (store, TILLIT_TYPE_PILOT, &error, "title", "C", "stage", "follow-up",
                       "identify-date", "2024-01-01", NULL);
  tillit_store_create (store, TILLIT_TYPE_LEARNING, &error, "pilot", tillit_record_get_uuid (a),
                       "date", "2026-04-01", NULL);
  tillit_store_create (store, TILLIT_TYPE_LEARNING, &error, "pilot", tillit_record_get_uuid (b),
                       "date", "2025-01-01", NULL);
  /* An adoption by the pilot's own unit is no spread. */
  tillit_store_create (store, TILLIT_TYPE_ADOPTION, &error, "pilot", tillit_record_get_uuid (a),
                       "unit", tillit_record_get_uuid (unit), NULL);
  tillit_store_create (store, TILLIT_TYPE_ADOPTION, &error, "pilot", tillit_record_get_uuid (b),
                       "unit", tillit_record_get_uuid (unit), NULL);
  g_assert_no_error (error);

  tillit_pilot_portfolio_compute (&portfolio,
                                  tillit_store_list (store, TILLIT_TYPE_PILOT),
                                  tillit_store_list (store, TILLIT_TYPE_LEARNING),
                                  tillit_store_list (store, TILLIT_TYPE_ADOPTION),
                                  "2026-06-15");
  g_assert_cmpuint (portfolio.total, ==, 3);
  g_assert_cmpuint (portfolio.per_stage[0], ==, 0);
  g_assert_cmpuint (portfolio.per_stage[1], ==, 2);
  g_assert_cmpuint (portfolio.per_stage[3], ==, 1);
  g_assert_cmpuint (portfolio.pending, ==, 2);
  /* B learned last 2025-01-01 and C never since 2024: both stale. */
  g_assert_cmpuint (portfolio.stale, ==, 2);
  g_assert_cmpuint (portfolio.adoptions, ==, 1);

  g_clear_object (&store);
  tillit_test_remove_tree (tmpdir);
}

static void
test_labels (void)
{
  g_autofree char *field = tillit_pilot_stage_date_field ("follow-up");

  g_assert_cmpstr (tillit_pilot_next_stage ("identify"), ==, "test");
  g_assert_cmpstr (tillit_pilot_next_stage ("implement"), ==, "follow-up");
  g_assert_null (tillit_pilot_next_stage ("follow-up"));
  g_assert_cmpstr (field, ==, "follow-up-date");
  g_assert_true (tillit_pilot_date_is_valid ("2024-02-29"));
  g_assert_true (tillit_pilot_date_is_valid (""));
  g_assert_false (tillit_pilot_date_is_valid ("2025-02-29"));
  g_assert_false (tillit_pilot_date_is_valid ("2025-1-01"));
  g_assert_false (tillit_pilot_date_is_valid ("2025-01-01x"));

  /* Every nick of the model has words of its own. */
  for (const char * const *f = (const char *[]) { "stage", "decision", "outcome", "involvement", "support", NULL }; *f; f++)
    for (const char * const *nick = tillit_pilot_field_nicks (*f); *nick; nick++)
      g_assert_cmpstr (tillit_pilot_nick_label (*f, *nick), !=, *nick);
}

static void
note_change (GtkFilter       *filter,
             GtkFilterChange  change,
             int             *last)
{
  *last = change;
}

/* What a search shows when it is the first one: a fresh filter. */
static void
assert_shows_as_fresh (GListModel *pilots,
                       GListModel *shown,
                       const char *search)
{
  TillitPilotFilter *fresh = tillit_pilot_filter_new ();
  g_autoptr(GtkFilterListModel) expected = NULL;

  tillit_pilot_filter_set_search (fresh, search);
  expected = gtk_filter_list_model_new (g_object_ref (pilots), GTK_FILTER (fresh));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, g_list_model_get_n_items (G_LIST_MODEL (expected)));
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (shown, i);
      g_autoptr(GObject) wanted = g_list_model_get_item (G_LIST_MODEL (expected), i);

      g_assert_true (item == wanted);
    }
}

/* The search tells the list how it changed, so that typing on checks
 * only the pilots still shown and erasing only those hidden; what the
 * list shows stays what the same search shows on its own. */
static void
test_search_strictness (Fixture       *fixture,
                        gconstpointer  data)
{
  static const struct
  {
    const char *search;
    GtkFilterChange change;
    guint n_shown;
  } steps[] = {
    { "c", GTK_FILTER_CHANGE_MORE_STRICT, 4 },
    { "ca", GTK_FILTER_CHANGE_MORE_STRICT, 3 },
    { "care", GTK_FILTER_CHANGE_MORE_STRICT, 3 },
    { "care  m", GTK_FILTER_CHANGE_MORE_STRICT, 2 },
    { "CARE Meal", GTK_FILTER_CHANGE_MORE_STRICT, 1 },
    { "care me", GTK_FILTER_CHANGE_LESS_STRICT, 2 },
    { "care", GTK_FILTER_CHANGE_LESS_STRICT, 3 },
    { "meal care", GTK_FILTER_CHANGE_MORE_STRICT, 1 },
    { "plan", GTK_FILTER_CHANGE_DIFFERENT, 2 },
    { "åkesson", GTK_FILTER_CHANGE_DIFFERENT, 1 },
    { "", GTK_FILTER_CHANGE_LESS_STRICT, 5 },
  };
  g_autoptr(GError) error = NULL;
  TillitPilotFilter *filter = tillit_pilot_filter_new ();
  g_autoptr(GtkFilterListModel) shown = gtk_filter_list_model_new (g_object_ref (pilots (fixture)),
                                                                   GTK_FILTER (filter));
  g_autofree char *modified = NULL;
  int last = -1;
  TillitRecord *night;

  make_pilot (fixture, "Meal choice in home care", "identify");
  night = make_pilot (fixture, "Night-time digital supervision", "test");
  make_pilot (fixture, "Co-created day activities", "test");
  make_pilot (fixture, "Shared care plans", "follow-up");
  make_pilot (fixture, "Home care planned with the user", "implement");
  g_assert_true (tillit_store_update (fixture->store, night, &error, "owner", "Örjan Åkesson", NULL));
  g_assert_no_error (error);
  g_signal_connect (filter, "changed", G_CALLBACK (note_change), &last);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_test_message ("search “%s”", steps[i].search);
      tillit_pilot_filter_set_search (filter, steps[i].search);
      g_assert_cmpint (last, ==, steps[i].change);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, steps[i].n_shown);
      assert_shows_as_fresh (pilots (fixture), G_LIST_MODEL (shown), steps[i].search);
    }

  /* A space more or a letter's case is the same search: nothing to check. */
  tillit_pilot_filter_set_search (filter, "Care");
  last = -1;
  tillit_pilot_filter_set_search (filter, " care ");
  g_assert_cmpint (last, ==, -1);

  /* An edit reaches the search with the page's refresh, also one that
   * keeps `modified` as it was (as an import may). */
  tillit_pilot_filter_set_search (filter, "council");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 0);
  g_assert_true (tillit_store_update (fixture->store, night, &error, "title", "Users' council", NULL));
  tillit_pilot_filter_refresh (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 1);
  modified = g_strdup (tillit_record_get_modified (night));
  g_assert_true (tillit_store_update (fixture->store, night, &error,
                                      "title", "Drop-in hours", "modified", modified, NULL));
  g_assert_no_error (error);
  tillit_pilot_filter_refresh (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 0);
  tillit_pilot_filter_set_search (filter, "drop-in örjan");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (shown)), ==, 1);
}

/* 10,000 pilots, written straight into the file as an import would
 * leave them; the page must list, search and board them without a
 * noticeable wait. The times are printed, not asserted: they vary with
 * the machine. */
static void
test_many (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmpdir = tillit_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (tmpdir, "tillit.db", NULL);
  g_autoptr(TillitStore) store = NULL;
  GtkWindow *window;
  TillitPilotsPage *page;
  GtkEditable *search;
  gint64 start;

  {
    g_autoptr(TillitDatabase) database = tillit_database_open (path, &error);
    char *message = NULL;

    g_assert_no_error (error);
    if (sqlite3_exec (tillit_database_get_handle (database),
                      "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < 10000)"
                      " INSERT INTO pilot (uuid, created, modified, title, stage)"
                      " SELECT printf('%08x-0000-4000-8000-%012x', i, i),"
                      "  '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',"
                      "  (CASE i % 3 WHEN 0 THEN 'Home care ' WHEN 1 THEN 'Day activities ' ELSE 'Housing ' END) || i,"
                      "  (CASE i % 4 WHEN 0 THEN 'identify' WHEN 1 THEN 'test' WHEN 2 THEN 'implement' ELSE 'follow-up' END)"
                      " FROM n", NULL, NULL, &message) != SQLITE_OK)
      g_error ("%s", message);
  }
  store = tillit_store_open (path, &error);
  g_assert_no_error (error);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1100, 720);
  start = g_get_monotonic_time ();
  page = TILLIT_PILOTS_PAGE (tillit_pilots_page_new (store));
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  tillit_test_wait_for_frame (GTK_WIDGET (window));
  g_test_message ("10,000 pilots listed in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_pilots_page_get_shown (page)), ==, 10000);

  search = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page), TILLIT_TYPE_PILOTS_PAGE, "search_entry"));
  gtk_editable_set_text (search, "home");
  wait_ms (300);
  tillit_test_wait_for_frame (GTK_WIDGET (window));
  g_assert_cmpuint (g_list_model_get_n_items (tillit_pilots_page_get_shown (page)), ==, 3334);

  start = g_get_monotonic_time ();
  tillit_pilots_page_show_view (page, "board");
  tillit_test_wait_for_frame (GTK_WIDGET (window));
  g_test_message ("board of 3,334 pilots drawn in %.0f ms", (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (tillit_pilot_board_n_cards (TILLIT_PILOT_BOARD (gtk_widget_get_template_child (GTK_WIDGET (page),
                                                                                                  TILLIT_TYPE_PILOTS_PAGE,
                                                                                                  "board")), 0), ==, 834);

  gtk_window_destroy (window);
  tillit_test_iterate ();
  g_clear_object (&store);
  tillit_test_remove_tree (tmpdir);
}

int
main (int   argc,
      char *argv[])
{
  tillit_test_ui_init (&argc, &argv);
  /* The tool icons, as the application adds them. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/tillit/Tillit/icons");

  g_test_add_func ("/pilots/labels", test_labels);
  g_test_add_func ("/pilots/portfolio", test_portfolio);
  g_test_add ("/pilots/empty-then-create", Fixture, NULL, fixture_set_up, test_empty_then_create, fixture_tear_down);
  g_test_add ("/pilots/stages", Fixture, NULL, fixture_set_up, test_stages, fixture_tear_down);
  g_test_add ("/pilots/decision", Fixture, NULL, fixture_set_up, test_decision, fixture_tear_down);
  g_test_add ("/pilots/learnings", Fixture, NULL, fixture_set_up, test_learnings, fixture_tear_down);
  g_test_add ("/pilots/adoption", Fixture, NULL, fixture_set_up, test_adoption, fixture_tear_down);
  g_test_add ("/pilots/share-learning", Fixture, NULL, fixture_set_up, test_share_learning, fixture_tear_down);
  g_test_add ("/pilots/share-learning-no-day", Fixture, NULL, fixture_set_up, test_share_learning_no_day,
              fixture_tear_down);
  g_test_add ("/pilots/suggest-competency", Fixture, NULL, fixture_set_up, test_suggest_competency,
              fixture_tear_down);
  g_test_add ("/pilots/fields", Fixture, NULL, fixture_set_up, test_fields, fixture_tear_down);
  g_test_add ("/pilots/filter-and-search", Fixture, NULL, fixture_set_up, test_filter_and_search, fixture_tear_down);
  g_test_add ("/pilots/search-strictness", Fixture, NULL, fixture_set_up, test_search_strictness, fixture_tear_down);
  g_test_add_func ("/pilots/many", test_many);
  g_test_add ("/pilots/adapt", Fixture, NULL, fixture_set_up, test_adapt, fixture_tear_down);

  return g_test_run ();
}
