/* test-agenda.c: the Manager days page, driven as a user would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "agenda/tillit-agenda-chart.h"
#include "agenda/tillit-agenda-day.h"
#include "agenda/tillit-agenda-page.h"
#include "agenda/tillit-agenda-print.h"
#include "model/tillit-model.h"
#include "tillit-test-ui.h"

#ifndef AGENDA_TEST_PART
#define AGENDA_TEST_PART 1
#endif

#define INFORMATION "24bbf12b-1c8b-5bed-b084-bd8379c13f79"
#define DIALOGUE "568f56ac-1764-5c21-89f8-51c638273de1"
#define WORKSHOP "ac487d0b-3222-5eac-8a23-1a442ddf8d30"
#define BREAK "05a07524-b028-51ce-b0e6-1272ccd866e3"

typedef struct
{
  char *tmpdir;
  TillitStore *store;
  GtkWindow *window;
  AdwToastOverlay *overlay;
  TillitAgendaPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->tmpdir = tillit_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "tillit.db", NULL);
  fixture->store = tillit_store_open (path, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 720);
  fixture->page = TILLIT_AGENDA_PAGE (tillit_agenda_page_new (fixture->store));
  fixture->overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (fixture->overlay, GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->overlay));
  gtk_window_present (fixture->window);
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  tillit_test_iterate ();
  g_clear_object (&fixture->store);
  tillit_test_remove_tree (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static gpointer
child (Fixture    *fixture,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), TILLIT_TYPE_AGENDA_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static void
activate (Fixture    *fixture,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), action, NULL));
  tillit_test_iterate ();
}

static void
type_into (Fixture    *fixture,
           const char *row,
           const char *text)
{
  AdwEntryRow *entry = child (fixture, row);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* Enter saves when the row shows its apply button; without a focused
   * window it may not, and the signal stands in for the button. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
  g_signal_emit_by_name (entry, "apply");
  tillit_test_iterate ();
}

static guint
n_records (Fixture *fixture,
           GType    type)
{
  return g_list_model_get_n_items (tillit_store_list (fixture->store, type));
}

static GPtrArray *
day_items (Fixture *fixture)
{
  return tillit_agenda_day_items (fixture->store, tillit_agenda_page_get_day (fixture->page));
}

static const char *
item_title (GPtrArray *items,
            guint      index)
{
  return tillit_record_get_string (g_ptr_array_index (items, index), "title");
}

/* Adds an item the way a user does: the button, then its fields. */
static TillitRecord *
add_item (Fixture    *fixture,
          const char *title,
          int         minutes,
          guint       format_index)
{
  TillitRecord *item;

  activate (fixture, "agenda.add-item");
  item = tillit_agenda_page_get_selected_item (fixture->page);
  g_assert_nonnull (item);
  type_into (fixture, "item_title_row", title);
  gtk_spin_button_set_value (child (fixture, "duration_spin"), minutes);
  adw_combo_row_set_selected (child (fixture, "format_row"), format_index);
  tillit_test_iterate ();
  return item;
}

static void
build_day (Fixture *fixture)
{
  activate (fixture, "agenda.new-day");
  g_assert_cmpuint (n_records (fixture, TILLIT_TYPE_MANAGER_DAY), ==, 1);
  g_assert_nonnull (tillit_agenda_page_get_day (fixture->page));

  type_into (fixture, "title_row", "Spring manager day");
  type_into (fixture, "date_row", "2026-03-12");
  type_into (fixture, "theme_row", "Trust in everyday work");
  type_into (fixture, "start_row", "09:00");
  type_into (fixture, "end_row", "12:00");

  add_item (fixture, "Welcome and purpose", 15, 0);
  add_item (fixture, "Reflective dialogue on trust", 60, 1);
  add_item (fixture, "Coffee", 15, 4);
  add_item (fixture, "Pilot showcase: home care", 45, 3);
}

static void
test_empty_year (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *png = NULL;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "year_stack")), ==, "empty");

  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "agenda-empty");
  g_test_message ("screenshot: %s", png);
}

static void
test_build_day (Fixture       *fixture,
                gconstpointer  data)
{
  TillitRecord *day;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(TillitAgendaDayTiming) timing = NULL;

  build_day (fixture);
  day = tillit_agenda_page_get_day (fixture->page);

  g_assert_cmpstr (tillit_record_get_string (day, "title"), ==, "Spring manager day");
  g_assert_cmpstr (tillit_record_get_string (day, "date"), ==, "2026-03-12");
  g_assert_cmpstr (tillit_record_get_string (day, "planned-end"), ==, "12:00");

  items = day_items (fixture);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpstr (item_title (items, 0), ==, "Welcome and purpose");
  g_assert_cmpstr (item_title (items, 3), ==, "Pilot showcase: home care");
  g_assert_cmpint (tillit_record_get_int (g_ptr_array_index (items, 1), "duration"), ==, 60);
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 0), "format"), ==, INFORMATION);
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 1), "format"), ==, DIALOGUE);
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 2), "format"), ==, BREAK);

  timing = tillit_agenda_day_timing (fixture->store, day);
  g_assert_cmpint (timing->starts[3], ==, 9 * 60 + 90);
  g_assert_cmpint (timing->end, ==, 9 * 60 + 135);
  g_assert_false (gtk_widget_get_visible (child (fixture, "overrun_label")));
}

static void
on_open_record (GSimpleAction *action,
                GVariant      *parameter,
                char         **opened)
{
  g_free (*opened);
  *opened = g_variant_dup_string (parameter, NULL);
}

/* An item made from a pilot learning says where it came from; each link
 * asks the window (here a plain one with its own win.open-record) to
 * open the record. */
static void
test_origin (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSimpleActionGroup) win_actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_record = g_simple_action_new ("open-record", G_VARIANT_TYPE_STRING);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *opened = NULL;
  g_autofree char *png = NULL;
  TillitRecord *pilot, *learning, *shared;
  GtkWidget *scrolled;

  g_signal_connect (open_record, "activate", G_CALLBACK (on_open_record), &opened);
  g_action_map_add_action (G_ACTION_MAP (win_actions), G_ACTION (open_record));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (win_actions));

  pilot = tillit_store_create (fixture->store, TILLIT_TYPE_PILOT, &error,
                               "title", "User council at day activities", NULL);
  learning = tillit_store_create (fixture->store, TILLIT_TYPE_LEARNING, &error,
                                  "pilot", tillit_record_get_uuid (pilot),
                                  "text", "Users asked better questions than we did\nSo they chair it now.", NULL);
  g_assert_no_error (error);
  build_day (fixture);
  items = day_items (fixture);
  shared = g_ptr_array_index (items, 3);
  g_assert_true (tillit_store_update (fixture->store, shared, &error,
                                      "pilot", tillit_record_get_uuid (pilot),
                                      "learning", tillit_record_get_uuid (learning), NULL));
  g_assert_no_error (error);

  /* An item of the day's own making has no origin. */
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (items, 0));
  tillit_test_iterate ();
  g_assert_false (gtk_widget_get_visible (child (fixture, "origin_group")));

  tillit_agenda_page_select_item (fixture->page, shared);
  tillit_test_iterate ();
  g_assert_true (gtk_widget_get_visible (child (fixture, "origin_group")));
  g_assert_true (gtk_widget_get_visible (child (fixture, "origin_learning_row")));
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "origin_pilot_label")), ==, "User council at day activities");
  g_assert_cmpstr (gtk_label_get_text (child (fixture, "origin_learning_label")), ==,
                   "Users asked better questions than we did");

  /* The item's editor from its top, where the origin is. */
  scrolled = gtk_widget_get_ancestor (child (fixture, "origin_group"), GTK_TYPE_SCROLLED_WINDOW);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), 0);
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "agenda-origin");
  g_test_message ("screenshot: %s", png);

  g_signal_emit_by_name (child (fixture, "origin_pilot_button"), "clicked");
  tillit_test_iterate ();
  g_assert_cmpstr (opened, ==, tillit_record_get_uuid (pilot));
  g_signal_emit_by_name (child (fixture, "origin_learning_button"), "clicked");
  tillit_test_iterate ();
  g_assert_cmpstr (opened, ==, tillit_record_get_uuid (learning));

  /* A deleted learning leaves the pilot as the item's origin. */
  g_assert_true (tillit_store_delete (fixture->store, learning, &error));
  tillit_test_iterate ();
  g_assert_null (tillit_record_get_string (shared, "learning"));
  g_assert_true (gtk_widget_get_visible (child (fixture, "origin_group")));
  g_assert_false (gtk_widget_get_visible (child (fixture, "origin_learning_row")));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", NULL);
}

static void
test_durations_overrun (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(TillitAgendaDayTiming) timing = NULL;
  g_autofree char *png = NULL;

  build_day (fixture);
  items = day_items (fixture);

  /* A longer dialogue pushes the showcase past noon. */
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (items, 1));
  gtk_spin_button_set_value (child (fixture, "duration_spin"), 120);
  tillit_test_iterate ();
  g_assert_cmpint (tillit_record_get_int (g_ptr_array_index (items, 1), "duration"), ==, 120);

  timing = tillit_agenda_day_timing (fixture->store, tillit_agenda_page_get_day (fixture->page));
  g_assert_cmpint (timing->starts[2], ==, 9 * 60 + 135);
  g_assert_cmpint (timing->starts[3], ==, 9 * 60 + 150);
  g_assert_cmpint (timing->overrun, ==, 15);
  g_assert_true (gtk_widget_get_visible (child (fixture, "overrun_label")));

  /* A zero-minute note moves nothing. */
  add_item (fixture, "Note: bring the pilot reports", 0, 0);
  g_clear_pointer (&timing, tillit_agenda_day_timing_free);
  timing = tillit_agenda_day_timing (fixture->store, tillit_agenda_page_get_day (fixture->page));
  g_assert_cmpint (timing->end, ==, 9 * 60 + 195);
  g_assert_cmpint (timing->starts[4], ==, timing->end);

  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "agenda-day");
  g_test_message ("screenshot: %s", png);
}

static GtkDropTarget *
drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

/* The row showing @title: its title label is the first label of the
 * second box in the row. */
static GtkWidget *
find_row (GtkWidget  *root,
          const char *title)
{
  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *found;

      if (drop_target (widget) != NULL)
        {
          GtkWidget *texts = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (widget)));

          if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (gtk_widget_get_first_child (texts))), title) == 0)
            return widget;
        }
      found = find_row (widget, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) dragged = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  GtkWidget *row;
  gboolean dropped = FALSE;

  build_day (fixture);
  before = day_items (fixture);

  /* Alt+Up on the coffee moves it above the dialogue. */
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (before, 2));
  activate (fixture, "agenda.move-up");
  after = day_items (fixture);
  g_assert_cmpstr (item_title (after, 1), ==, "Coffee");
  g_assert_cmpstr (item_title (after, 2), ==, "Reflective dialogue on trust");
  g_assert_true (tillit_agenda_page_get_selected_item (fixture->page) == g_ptr_array_index (before, 2));
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpint (tillit_record_get_int (g_ptr_array_index (after, i), "position"), ==, i);

  /* And Alt+Down takes it back. */
  activate (fixture, "agenda.move-down");
  g_clear_pointer (&after, g_ptr_array_unref);
  after = day_items (fixture);
  g_assert_cmpstr (item_title (after, 2), ==, "Coffee");

  /* Drag the showcase onto the welcome: it opens the day. */
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
  row = find_row (child (fixture, "item_list"), "Welcome and purpose");
  g_assert_nonnull (row);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, tillit_record_get_uuid (g_ptr_array_index (before, 3)));
  g_signal_emit_by_name (drop_target (row), "drop", &value, 10.0, 10.0, &dropped);
  g_assert_true (dropped);
  dragged = day_items (fixture);
  g_assert_cmpstr (item_title (dragged, 0), ==, "Pilot showcase: home care");
  g_assert_cmpstr (item_title (dragged, 1), ==, "Welcome and purpose");
  g_assert_cmpstr (item_title (dragged, 3), ==, "Coffee");

  /* Undo puts it back, in one step. */
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_clear_pointer (&dragged, g_ptr_array_unref);
  dragged = day_items (fixture);
  g_assert_cmpstr (item_title (dragged, 0), ==, "Welcome and purpose");
}

/* A past day with @percent of its 100 minutes in dialogue. */
static void
add_past_day (Fixture    *fixture,
              const char *date,
              const char *title,
              int         percent)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *day = tillit_store_create (fixture->store, TILLIT_TYPE_MANAGER_DAY, &error,
                                           "date", date, "title", title, "start-time", "09:00", NULL);

  g_assert_no_error (error);
  g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_AGENDA_ITEM, &error,
                                         "day", tillit_record_get_uuid (day), "title", "Information",
                                         "duration", 100 - percent, "format", INFORMATION, NULL));
  g_assert_no_error (error);
  g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_AGENDA_ITEM, &error,
                                         "day", tillit_record_get_uuid (day), "title", "Dialogue",
                                         "duration", percent, "format", DIALOGUE, NULL));
  g_assert_no_error (error);
}

static void
test_copy_and_outcomes (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) copied = NULL;
  TillitRecord *first;
  TillitRecord *copy;
  TillitRecord *pilot;
  GListModel *principles;
  GtkWidget *check;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;

  build_day (fixture);
  first = tillit_agenda_page_get_day (fixture->page);
  items = day_items (fixture);

  /* After the day: an outcome per item. */
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (items, 1));
  type_into (fixture, "outcome_row", "Three units will try weekly reflection");
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 1), "outcome"), ==,
                   "Three units will try weekly reflection");
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (items, 0));
  type_into (fixture, "facilitators_row", "Anna Berg, Omar Said");
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 0), "facilitators"), ==,
                   "Anna Berg, Omar Said");

  /* The showcase links its pilot and the principles it shows. */
  pilot = tillit_store_create (fixture->store, TILLIT_TYPE_PILOT, &error, "title", "Home care teams plan their own week", NULL);
  g_assert_no_error (error);
  tillit_test_iterate ();
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (items, 3));
  adw_combo_row_set_selected (child (fixture, "pilot_row"), 1);
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 3), "pilot"), ==, tillit_record_get_uuid (pilot));
  principles = tillit_store_list (fixture->store, TILLIT_TYPE_PRINCIPLE);
  g_assert_cmpuint (g_list_model_get_n_items (principles), >=, 2);
  check = tillit_test_find_widget (child (fixture, "principles_row"), GTK_TYPE_CHECK_BUTTON, 1);
  g_assert_nonnull (check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  tillit_test_iterate ();
  {
    g_autoptr(TillitRecord) second = g_list_model_get_item (principles, 1);
    const char * const *chosen = tillit_record_get_strv (g_ptr_array_index (items, 3), "principles");

    g_assert_cmpuint (g_strv_length ((char **) chosen), ==, 1);
    g_assert_cmpstr (chosen[0], ==, tillit_record_get_uuid (second));
  }

  activate (fixture, "agenda.copy-day");
  g_assert_cmpuint (n_records (fixture, TILLIT_TYPE_MANAGER_DAY), ==, 2);
  copy = tillit_agenda_page_get_day (fixture->page);
  g_assert_true (copy != first);
  g_assert_cmpstr (tillit_record_get_string (copy, "title"), ==, "Spring manager day");

  copied = day_items (fixture);
  g_assert_cmpuint (copied->len, ==, 4);
  for (guint i = 0; i < copied->len; i++)
    {
      g_assert_cmpstr (item_title (copied, i), ==, item_title (items, i));
      g_assert_null (tillit_record_get_string (g_ptr_array_index (copied, i), "outcome"));
    }
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (copied, 0), "facilitators"), ==,
                   "Anna Berg, Omar Said");
  g_assert_nonnull (tillit_record_get_string (g_ptr_array_index (items, 1), "outcome"));
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (copied, 3), "pilot"), ==, tillit_record_get_uuid (pilot));
  g_assert_cmpuint (g_strv_length ((char **) tillit_record_get_strv (g_ptr_array_index (copied, 3), "principles")), ==, 1);

  /* The copy gets more dialogue; the year shows both days. */
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (copied, 3));
  adw_combo_row_set_selected (child (fixture, "format_row"), 2);
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (copied, 3), "format"), ==, WORKSHOP);

  /* Last year's days, for the chart's shift from information to dialogue. */
  add_past_day (fixture, "2025-02-06", "Kick-off", 20);
  add_past_day (fixture, "2025-05-15", "Spring dialogue", 35);
  add_past_day (fixture, "2025-10-02", "Autumn", 50);

  activate (fixture, "agenda.show-year");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "year_stack")), ==, "list");
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
  g_assert_cmpuint (tillit_agenda_chart_get_n_days (child (fixture, "chart")), ==, 5);
  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "agenda-year");
  g_test_message ("screenshot: %s", png);
}

static void
test_template (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) from_template = NULL;
  g_autoptr(GPtrArray) template_items = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GListModel *days = tillit_store_list (fixture->store, TILLIT_TYPE_MANAGER_DAY);
  TillitRecord *template = NULL;
  TillitRecord *day;

  build_day (fixture);
  items = day_items (fixture);
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (items, 0));
  type_into (fixture, "outcome_row", "Good start");

  activate (fixture, "agenda.save-template");
  g_assert_cmpuint (g_list_model_get_n_items (days), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(TillitRecord) each = g_list_model_get_item (days, i);

      if (tillit_record_get_string (each, "date") == NULL)
        template = each;
    }
  g_assert_nonnull (template);
  template_items = tillit_agenda_day_items (fixture->store, template);
  g_assert_cmpuint (template_items->len, ==, 4);

  /* A new day from the template: dated today, the plan without outcomes. */
  tillit_agenda_page_show_day (fixture->page, template);
  activate (fixture, "agenda.copy-day");
  day = tillit_agenda_page_get_day (fixture->page);
  g_assert_true (day != template);
  g_assert_cmpstr (tillit_record_get_string (day, "date"), ==, today);
  from_template = day_items (fixture);
  g_assert_cmpuint (from_template->len, ==, 4);
  g_assert_cmpstr (item_title (from_template, 2), ==, "Coffee");
  g_assert_null (tillit_record_get_string (g_ptr_array_index (from_template, 0), "outcome"));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  for (GtkWidget *widget = gtk_widget_get_first_child (root); widget != NULL;
       widget = gtk_widget_get_next_sibling (widget))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
        return widget;
      found = find_button (widget, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
time_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The toast's button, once the toast has come in and takes clicks. */
static GtkWidget *
wait_for_button (Fixture    *fixture,
                 const char *label)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (5, time_out, &timed_out);
  GtkWidget *button = NULL;

  while (!timed_out)
    {
      button = find_button (GTK_WIDGET (fixture->overlay), label);
      if (button != NULL && gtk_widget_is_sensitive (button) && gtk_widget_get_mapped (button))
        break;
      g_main_context_iteration (NULL, TRUE);
    }
  if (!timed_out)
    g_source_remove (timeout);

  g_assert_nonnull (button);
  return button;
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  GtkWidget *undo;

  build_day (fixture);
  items = day_items (fixture);
  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (items, 2));
  activate (fixture, "agenda.delete-item");
  g_assert_cmpuint (n_records (fixture, TILLIT_TYPE_AGENDA_ITEM), ==, 3);

  /* The toast's Undo brings it back. */
  undo = wait_for_button (fixture, _("_Undo"));
  /* A click; activating a button only clicks after its press animation. */
  tillit_test_click_toast_button (undo);
  g_assert_cmpuint (n_records (fixture, TILLIT_TYPE_AGENDA_ITEM), ==, 4);

  tillit_agenda_page_select_item (fixture->page, g_ptr_array_index (items, 0));
  activate (fixture, "agenda.delete-item");
  g_assert_cmpuint (n_records (fixture, TILLIT_TYPE_AGENDA_ITEM), ==, 3);
  activate (fixture, "agenda.undo");
  g_assert_cmpuint (n_records (fixture, TILLIT_TYPE_AGENDA_ITEM), ==, 4);

  activate (fixture, "agenda.delete-day");
  g_assert_cmpuint (n_records (fixture, TILLIT_TYPE_MANAGER_DAY), ==, 0);
  g_assert_cmpuint (n_records (fixture, TILLIT_TYPE_AGENDA_ITEM), ==, 0);
  g_assert_null (tillit_agenda_page_get_day (fixture->page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (fixture, "year_stack")), ==, "empty");
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->tmpdir, "agenda.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *flat = NULL;
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };
  int status;

  build_day (fixture);
  /* Enough items for a second A4 page. */
  for (int i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("Round %d of table talk", i + 1);

      g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_AGENDA_ITEM, &error,
                                             "day", tillit_record_get_uuid (tillit_agenda_page_get_day (fixture->page)),
                                             "title", title, "duration", 10, "format", DIALOGUE, NULL));
      g_assert_no_error (error);
    }
  items = day_items (fixture);

  g_assert_true (tillit_agenda_print_export_pdf (fixture->store, tillit_agenda_page_get_day (fixture->page), path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  for (guint i = 0; i < items->len; i++)
    g_assert_nonnull (strstr (out, item_title (items, i)));
  g_assert_nonnull (strstr (out, "Spring manager day"));
  g_assert_nonnull (strstr (out, "09:00"));
  g_assert_nonnull (strstr (out, "\f"));
  g_assert_nonnull (strstr (out, g_str_equal (tillit_test_language (), "sv") ? "Reflekterande dialog" : "Reflective dialogue"));
}

int
main (int   argc,
      char *argv[])
{
  tillit_test_ui_init (&argc, &argv);
  /* As the application adds them from its resource base path. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    "/io/github/tillit/Tillit/icons");

  /* Two binaries share this file, so that each stays well inside the
   * test timeout on a busy machine: the day and its editing here, copies,
   * templates and print in test-agenda-copy. */
  if (AGENDA_TEST_PART == 1)
    {
      g_test_add ("/agenda/empty-year", Fixture, NULL, fixture_set_up, test_empty_year, fixture_tear_down);
      g_test_add ("/agenda/build-day", Fixture, NULL, fixture_set_up, test_build_day, fixture_tear_down);
      g_test_add ("/agenda/durations-overrun", Fixture, NULL, fixture_set_up, test_durations_overrun, fixture_tear_down);
      g_test_add ("/agenda/reorder", Fixture, NULL, fixture_set_up, test_reorder, fixture_tear_down);
      g_test_add ("/agenda/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
      g_test_add ("/agenda/origin", Fixture, NULL, fixture_set_up, test_origin, fixture_tear_down);
    }
  else
    {
      g_test_add ("/agenda/copy-and-outcomes", Fixture, NULL, fixture_set_up, test_copy_and_outcomes, fixture_tear_down);
      g_test_add ("/agenda/template", Fixture, NULL, fixture_set_up, test_template, fixture_tear_down);
      g_test_add ("/agenda/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
    }

  return g_test_run ();
}
