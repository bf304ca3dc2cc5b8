/* test-overview.c: the overview page in the real window: the heatmap
 * against a known programme, the records behind a cell, the red thread,
 * Adapt for Us and search, each opening records in their tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "agenda/tillit-agenda-page.h"
#include "app/tillit-application.h"
#include "app/tillit-window.h"
#include "matrix/tillit-matrix-logic.h"
#include "overview/tillit-overview-page.h"
#include "overview/tillit-overview-search.h"
#include "pilots/tillit-pilots-page.h"
#include "test-overview-util.h"
#include "tillit-test-ui.h"

typedef struct
{
  char *tmpdir;
  TillitApplication *app;
  TillitWindow *window;
  TillitStore *store;
  TillitOverviewPage *page;
  OverviewProgramme p;
} Fixture;

static GtkWidget *
window_page (Fixture    *fixture,
             const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                     TILLIT_TYPE_WINDOW, "stack"));
  return adw_view_stack_get_child_by_name (stack, name);
}

static void
close_dialogs (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i - 1);

      if (ADW_IS_MESSAGE_DIALOG (item))
        gtk_window_destroy (GTK_WINDOW (item));
    }
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  fixture->tmpdir = tillit_test_make_tmpdir ();
  database = g_build_filename (fixture->tmpdir, "tillit.db", NULL);

  /* Every test starts as a first start does: on the overview. */
  g_settings_reset (settings, "last-tool");
  g_settings_set_int (settings, "window-width", 1180);
  g_settings_set_int (settings, "window-height", 800);

  fixture->app = tillit_application_new ();
  g_application_set_flags (G_APPLICATION (fixture->app), G_APPLICATION_NON_UNIQUE);
  tillit_application_set_database_path (fixture->app, database);
  g_application_register (G_APPLICATION (fixture->app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (fixture->app));
  fixture->window = TILLIT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (fixture->app)));
  fixture->store = tillit_application_get_store (fixture->app);
  fixture->page = TILLIT_OVERVIEW_PAGE (window_page (fixture, "overview"));

  /* A new programme asks who we are; the known programme answers. */
  close_dialogs ();
  overview_fill (fixture->store, g_date_time_get_year (now), &fixture->p);
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
  g_free (fixture->tmpdir);
}

static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autofree char *png = tillit_test_screenshot (widget, name);

  g_test_message ("screenshot: %s", png);
}

static const char *
cell_text (Fixture            *fixture,
           guint               row,
           TillitOverviewTool  tool,
           guint               line)
{
  GtkWidget *cell = tillit_overview_page_get_cell (fixture->page, row, tool);
  GtkWidget *label;

  g_assert_nonnull (cell);
  label = tillit_test_find_widget (cell, GTK_TYPE_LABEL, line);
  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static guint
pilots_serving (TillitStore  *store,
                TillitRecord *principle)
{
  GListModel *pilots = tillit_store_list (store, TILLIT_TYPE_PILOT);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(TillitRecord) pilot = g_list_model_get_item (pilots, i);

      n += g_strv_contains (tillit_record_get_strv (pilot, "principles"), tillit_record_get_uuid (principle));
    }
  return n;
}

static void
test_heatmap (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *pilots = NULL;

  /* The overview is the first page, and shown on a first start. */
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "overview");
  g_assert_nonnull (tillit_overview_page_get_cell (fixture->page, 6, TILLIT_OVERVIEW_RECRUITMENT));
  g_assert_null (tillit_overview_page_get_cell (fixture->page, 7, TILLIT_OVERVIEW_MATRIX));

  /* P0: as of the latest period, practice developing; two pilots (as the
   * store holds them), 75 minutes of which 45 in dialogue, no weight. */
  g_assert_cmpstr (cell_text (fixture, 0, TILLIT_OVERVIEW_MATRIX, 0), ==, tillit_matrix_rating_label (2));
  g_assert_nonnull (strstr (cell_text (fixture, 0, TILLIT_OVERVIEW_MATRIX, 1), "3"));
  g_assert_cmpuint (pilots_serving (fixture->store, fixture->p.principles[0]), ==, 2);
  pilots = g_strdup_printf ("%u ", pilots_serving (fixture->store, fixture->p.principles[0]));
  g_assert_true (g_str_has_prefix (cell_text (fixture, 0, TILLIT_OVERVIEW_PILOTS, 0), pilots));
  g_assert_true (g_str_has_prefix (cell_text (fixture, 0, TILLIT_OVERVIEW_AGENDA, 0), "75 "));
  g_assert_true (g_str_has_prefix (cell_text (fixture, 0, TILLIT_OVERVIEW_AGENDA, 1), "45 "));
  g_assert_true (gtk_widget_has_css_class (tillit_overview_page_get_cell (fixture->page, 0, TILLIT_OVERVIEW_AGENDA),
                                           "heat-3"));
  g_assert_true (gtk_widget_has_css_class (tillit_overview_page_get_cell (fixture->page, 0, TILLIT_OVERVIEW_RECRUITMENT),
                                           "heat-empty"));

  /* P1 and P3 in recruitment: weights 2 and 5. */
  g_assert_true (g_str_has_suffix (cell_text (fixture, 1, TILLIT_OVERVIEW_RECRUITMENT, 0), " 2"));
  g_assert_true (g_str_has_suffix (cell_text (fixture, 3, TILLIT_OVERVIEW_RECRUITMENT, 0), " 5"));
  g_assert_true (g_str_has_prefix (cell_text (fixture, 2, TILLIT_OVERVIEW_AGENDA, 0), "30 "));

  /* P4–P6: nothing serves them, and the header says so in words. */
  for (guint r = 0; r < 7; r++)
    {
      GtkWidget *header = tillit_overview_page_get_principle (fixture->page, r);

      g_assert_cmpint (gtk_widget_has_css_class (header, "unserved"), ==, r >= 4);
      g_assert_cmpint (tillit_test_find_widget (header, GTK_TYPE_IMAGE, 0) != NULL, ==, r >= 4);
      g_assert_true (gtk_widget_get_focusable (tillit_overview_page_get_cell (fixture->page, r, TILLIT_OVERVIEW_MATRIX)));
    }

  screenshot (GTK_WIDGET (fixture->window), "overview");

  /* A change in a tool reaches the heatmap: a third pilot for P0. */
  {
    g_autoptr(GError) error = NULL;
    const char *p0[] = { tillit_record_get_uuid (fixture->p.principles[0]), NULL };

    g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_PILOT, &error, "title", "Open doors",
                                           "stage", "follow-up", "principles", p0, NULL));
    tillit_test_iterate ();
    g_assert_true (g_str_has_prefix (cell_text (fixture, 0, TILLIT_OVERVIEW_PILOTS, 0), "3 "));
  }

  /* An earlier period. */
  tillit_overview_page_set_period (fixture->page, "2025");
  g_assert_cmpstr (cell_text (fixture, 0, TILLIT_OVERVIEW_MATRIX, 0), ==, tillit_matrix_rating_label (1));
}

/* A phone-sized window: the heatmap keeps its columns and scrolls
 * sideways. (The page alone: the window is as wide as its widest tool.) */
static void
test_narrow (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *window = gtk_window_new ();
  TillitOverviewPage *page = g_object_new (TILLIT_TYPE_OVERVIEW_PAGE, "store", fixture->store, NULL);
  int minimum;

  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  gtk_window_present (GTK_WINDOW (window));
  tillit_test_wait_for_frame (window);

  gtk_widget_measure (GTK_WIDGET (page), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (gtk_widget_get_width (window), ==, 360);
  g_assert_true (gtk_widget_get_mapped (tillit_overview_page_get_cell (page, 6, TILLIT_OVERVIEW_RECRUITMENT)));
  screenshot (window, "overview-narrow");

  g_signal_emit_by_name (tillit_overview_page_get_principle (page, 0), "clicked");
  tillit_test_wait_for_frame (window);
  screenshot (window, "overview-thread-narrow");
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkListBox *
popover_list (Fixture *fixture)
{
  GtkPopover *popover = tillit_overview_page_get_records_popover (fixture->page);

  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  return GTK_LIST_BOX (tillit_test_find_widget (GTK_WIDGET (popover), GTK_TYPE_LIST_BOX, 0));
}

static void
test_cell_records (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *cell = tillit_overview_page_get_cell (fixture->page, 0, TILLIT_OVERVIEW_PILOTS);
  TillitPilotsPage *pilots = TILLIT_PILOTS_PAGE (window_page (fixture, "pilots"));
  GtkListBox *list;
  GtkListBoxRow *row;
  TillitRecord *record;

  /* As a click does; activating a button clicks it only after a pause. */
  g_signal_emit_by_name (cell, "clicked");
  tillit_test_wait_for_frame (GTK_WIDGET (tillit_overview_page_get_records_popover (fixture->page)));
  list = popover_list (fixture);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  screenshot (GTK_WIDGET (tillit_overview_page_get_records_popover (fixture->page)), "overview-records");

  /* Two pilots made in the same millisecond come in UUID order: look. */
  row = gtk_list_box_get_row_at_index (list, 0);
  if (g_object_get_data (G_OBJECT (row), "record") != fixture->p.pilot_key)
    row = gtk_list_box_get_row_at_index (list, 1);
  record = g_object_get_data (G_OBJECT (row), "record");
  g_assert_true (record == fixture->p.pilot_key);
  g_signal_emit_by_name (list, "row-activated", row);
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "pilots");
  g_assert_true (tillit_pilots_page_get_selected (pilots) == fixture->p.pilot_key);

  /* The matrix cell lists the latest assessments and opens the matrix. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "overview");
  tillit_test_iterate ();
  g_signal_emit_by_name (tillit_overview_page_get_cell (fixture->page, 0, TILLIT_OVERVIEW_MATRIX), "clicked");
  list = popover_list (fixture);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "matrix");

  /* The recruitment cell lists the vacancy behind the profile entries. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "overview");
  tillit_test_iterate ();
  g_signal_emit_by_name (tillit_overview_page_get_cell (fixture->page, 3, TILLIT_OVERVIEW_RECRUITMENT), "clicked");
  list = popover_list (fixture);
  g_assert_true (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, 0)), "record")
                 == fixture->p.vacancy_open);
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 0));
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "recruitment");

  /* A long list shows its first hundred and says how many more. */
  {
    g_autoptr(GError) error = NULL;
    const char *p2[] = { tillit_record_get_uuid (fixture->p.principles[2]), NULL };
    GtkListBoxRow *last;

    tillit_store_begin_group (fixture->store, "many");
    for (guint i = 0; i < 103; i++)
      {
        g_autofree char *title = g_strdup_printf ("Pilot %u", i);

        g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_PILOT, &error,
                                               "title", title, "principles", p2, NULL));
      }
    tillit_store_end_group (fixture->store);
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "overview");
    tillit_test_iterate ();
    g_assert_true (g_str_has_prefix (cell_text (fixture, 2, TILLIT_OVERVIEW_PILOTS, 0), "103 "));
    g_signal_emit_by_name (tillit_overview_page_get_cell (fixture->page, 2, TILLIT_OVERVIEW_PILOTS), "clicked");
    list = popover_list (fixture);
    last = gtk_list_box_get_row_at_index (list, 100);
    g_assert_nonnull (last);
    g_assert_null (gtk_list_box_get_row_at_index (list, 101));
    g_assert_null (g_object_get_data (G_OBJECT (last), "record"));
    g_assert_false (gtk_list_box_row_get_activatable (last));
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last)), "3"));
  }
}

/* The rows of the red thread that open a record, in order. */
static GPtrArray *
thread_records (Fixture *fixture)
{
  GtkStack *stack = GTK_STACK (tillit_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, 0));
  GtkWidget *thread = gtk_stack_get_child_by_name (stack, "thread");
  GPtrArray *records = g_ptr_array_new ();
  GtkWidget *row;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "thread");
  for (guint i = 0; (row = tillit_test_find_widget (thread, ADW_TYPE_ACTION_ROW, i)) != NULL; i++)
    if (g_object_get_data (G_OBJECT (row), "record") != NULL)
      g_ptr_array_add (records, row);
  return records;
}

static void
test_thread (Fixture       *fixture,
             gconstpointer  data)
{
  TillitAgendaPage *agenda = TILLIT_AGENDA_PAGE (window_page (fixture, "agenda"));
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *item_row = NULL;

  g_signal_emit_by_name (tillit_overview_page_get_principle (fixture->page, 0), "clicked");
  tillit_test_iterate ();
  g_assert_true (tillit_overview_page_get_thread (fixture->page) == fixture->p.principles[0]);

  /* Five in the matrix, two pilots and a learning, three agenda items,
   * three competencies of the default library. */
  rows = thread_records (fixture);
  g_assert_cmpuint (rows->len, ==, 14);
  for (guint i = 0; i < rows->len; i++)
    if (g_object_get_data (G_OBJECT (g_ptr_array_index (rows, i)), "record") == fixture->p.item_dialogue)
      item_row = g_ptr_array_index (rows, i);
  g_assert_nonnull (item_row);
  screenshot (GTK_WIDGET (fixture->window), "overview-thread");

  g_signal_emit_by_name (item_row, "activated");
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "agenda");
  g_assert_true (tillit_agenda_page_get_selected_item (agenda) == fixture->p.item_dialogue);

  /* P3: three competencies and two vacancies, nothing else. */
  tillit_overview_page_show_thread (fixture->page, fixture->p.principles[3]);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = thread_records (fixture);
  g_assert_cmpuint (rows->len, ==, 5);
}

static GtkWidget *
find_suggested_button (GtkWidget *root)
{
  GtkWidget *button;

  for (guint i = 0; (button = tillit_test_find_widget (root, GTK_TYPE_BUTTON, i)) != NULL; i++)
    if (gtk_widget_has_css_class (button, "suggested-action"))
      return button;
  return NULL;
}

static void
test_adapt (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (tillit_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, 0));
  GtkWidget *coverage = gtk_stack_get_child_by_name (stack, "coverage");
  TillitPilotsPage *pilots = TILLIT_PILOTS_PAGE (window_page (fixture, "pilots"));
  guint before = g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_PILOT));
  GtkWidget *adapt = find_suggested_button (coverage);
  TillitRecord *copy;

  g_assert_nonnull (adapt);
  g_assert_true (g_object_get_data (G_OBJECT (adapt), "record") == fixture->p.their_pilot);
  g_signal_emit_by_name (adapt, "clicked");
  tillit_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_PILOT)), ==, before + 1);
  copy = tillit_pilots_page_get_selected (pilots);
  g_assert_nonnull (copy);
  g_assert_true (copy != fixture->p.their_pilot);
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "pilots");
  g_assert_cmpstr (tillit_record_get_string (copy, "adapted-from"), ==, tillit_record_get_uuid (fixture->p.their_pilot));
  g_assert_cmpstr (tillit_record_get_origin (copy), ==, tillit_record_get_uuid (fixture->p.ours));
  g_assert_cmpstr (tillit_record_get_string (copy, "title"), ==, "Night patrol by bike");

  /* Back on the overview, the pilot offers our copy instead. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "overview");
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
  coverage = gtk_stack_get_child_by_name (stack, "coverage");
  g_assert_null (find_suggested_button (coverage));
  {
    GtkWidget *row;

    for (guint i = 0; (row = tillit_test_find_widget (coverage, ADW_TYPE_ACTION_ROW, i)) != NULL; i++)
      if (g_object_get_data (G_OBJECT (row), "record") == fixture->p.their_learning)
        gtk_widget_grab_focus (row);
  }
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
  screenshot (GTK_WIDGET (fixture->window), "overview-elsewhere");
}

static TillitRecord *
first_result (GtkListBox *results)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (results, 0);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "record") : NULL;
}

/* The entry reports a change after a short pause: wait for its results. */
static TillitRecord *
search_for (TillitOverviewSearch *search,
            const char           *query)
{
  GtkListBox *results = tillit_overview_search_get_results (search);

  gtk_editable_set_text (tillit_overview_search_get_entry (search), "");
  while (gtk_list_box_get_row_at_index (results, 0) != NULL)
    g_main_context_iteration (NULL, TRUE);
  gtk_editable_set_text (tillit_overview_search_get_entry (search), query);
  while (gtk_list_box_get_row_at_index (results, 0) == NULL)
    g_main_context_iteration (NULL, TRUE);
  return first_result (results);
}

/* As a key press reaches a widget's own key handlers. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  gboolean handled = FALSE;

  for (guint i = 0; !handled && i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

static void
test_search_keyboard (Fixture       *fixture,
                      gconstpointer  data)
{
  TillitOverviewSearch *search = TILLIT_OVERVIEW_SEARCH (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                                          TILLIT_TYPE_WINDOW, "search"));
  GtkWidget *entry = GTK_WIDGET (tillit_overview_search_get_entry (search));
  GtkListBox *results = tillit_overview_search_get_results (search);
  gboolean handled = FALSE;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  /* The principle, an agenda item and a competency at least. */
  g_assert_nonnull (search_for (search, "trust"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (results, 2));

  /* Down from the entry to the first result, Up back to typing. */
  g_assert_true (press_key (entry, GDK_KEY_Down));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fixture->window))
                 == GTK_WIDGET (gtk_list_box_get_row_at_index (results, 0)));
  g_signal_emit_by_name (results, "keynav-failed", GTK_DIR_UP, &handled);
  g_assert_true (handled);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), entry));

  /* Escape among the results closes the search. */
  g_assert_true (press_key (GTK_WIDGET (results), GDK_KEY_Escape));
  g_assert_false (tillit_overview_search_get_active (search));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  TillitOverviewSearch *search = TILLIT_OVERVIEW_SEARCH (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                                                          TILLIT_TYPE_WINDOW, "search"));
  g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (fixture->app), "<Control>f");
  TillitPilotsPage *pilots = TILLIT_PILOTS_PAGE (window_page (fixture, "pilots"));
  struct {
    const char *query;
    TillitRecord *record;
    const char *tool;
  } cases[] = {
    { "ask the users", fixture->p.strategy, "matrix" },
    { "ask early", fixture->p.learning, "pilots" },
    { "dialogue on trust", fixture->p.item_dialogue, "agenda" },
    { "home care", fixture->p.vacancy_open, "recruitment" },
  };

  g_assert_true (g_strv_contains ((const char * const *) actions, "win.search"));
  g_assert_false (tillit_overview_search_get_active (search));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL));
  tillit_test_iterate ();
  g_assert_true (tillit_overview_search_get_active (search));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_assert_true (search_for (search, cases[i].query) == cases[i].record);
      /* Enter opens the first result in its tool, and closes the search. */
      g_signal_emit_by_name (tillit_overview_search_get_entry (search), "activate");
      tillit_test_iterate ();
      g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, cases[i].tool);
      g_assert_false (tillit_overview_search_get_active (search));
      gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
      tillit_test_iterate ();
    }

  /* A result row opens its record: the pilot is selected in its tool. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-tool", "s", "overview");
  g_assert_true (search_for (search, "user council") == fixture->p.pilot_user_council);
  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
  screenshot (GTK_WIDGET (fixture->window), "overview-search");
  g_signal_emit_by_name (tillit_overview_search_get_results (search), "row-activated",
                         gtk_list_box_get_row_at_index (tillit_overview_search_get_results (search), 0));
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_window_get_visible_tool (fixture->window), ==, "pilots");
  g_assert_true (tillit_pilots_page_get_selected (pilots) == fixture->p.pilot_user_council);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (tillit_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_STACK, 0));
  g_autoptr(GError) error = NULL;
  GListModel *frameworks = tillit_store_list (fixture->store, TILLIT_TYPE_FRAMEWORK);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "coverage");
  while (g_list_model_get_n_items (frameworks) > 0)
    g_assert_true (tillit_store_delete (fixture->store, overview_nth (fixture->store, TILLIT_TYPE_FRAMEWORK, 0), &error));
  g_assert_no_error (error);
  tillit_test_iterate ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  screenshot (GTK_WIDGET (fixture->window), "overview-empty");

  /* Undo brings the framework, and the heatmap, back. */
  g_assert_true (tillit_store_undo (fixture->store, &error));
  tillit_test_iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "coverage");
}

int
main (int   argc,
      char *argv[])
{
  tillit_test_ui_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/overview/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("heatmap", test_heatmap);
  ADD ("cell-records", test_cell_records);
  ADD ("thread", test_thread);
  ADD ("adapt", test_adapt);
  ADD ("search", test_search);
  ADD ("search-keyboard", test_search_keyboard);
  ADD ("empty", test_empty);
  ADD ("narrow", test_narrow);
#undef ADD

  return g_test_run ();
}
