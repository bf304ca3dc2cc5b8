/* test-matrix.c: the principles matrix, driven through its real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "matrix/tillit-matrix-framework-editor.h"
#include "matrix/tillit-matrix-logic.h"
#include "matrix/tillit-matrix-page.h"
#include "model/tillit-assessment.h"
#include "model/tillit-cell.h"
#include "model/tillit-evidence.h"
#include "model/tillit-framework.h"
#include "model/tillit-level.h"
#include "model/tillit-municipality.h"
#include "model/tillit-pilot.h"
#include "model/tillit-principle.h"
#include "model/tillit-strategy.h"
#include "tillit-test-ui.h"

/* The default framework's fixed UUIDs (data/default-programme.sql). */
#define CITIZEN "65a8fb21-bf82-5b23-973b-adb715ff0591"
#define TRUST "ae7f2466-fd09-51cf-a13a-86c8e9864c8d"
#define DELEGATION "f62dd0ba-4f62-5bdf-9992-62d6135c56a1"
#define SUPPORT "02082a07-3e89-5712-befe-29ef5da950c0"
#define SENIOR "f4755fb2-7006-5315-b83c-db92ab9b9854"
#define FIRST_LINE "407796f4-d175-561f-a6b4-f4807c294d60"

typedef struct
{
  char *tmpdir;
  TillitStore *store;
  GtkWindow *window;
  TillitMatrixPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *overlay = adw_toast_overlay_new ();

  fixture->tmpdir = tillit_test_make_tmpdir ();
  path = g_build_filename (fixture->tmpdir, "tillit.db", NULL);
  fixture->store = tillit_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_MUNICIPALITY, &error,
                                         "name", "Ekdala kommun", "code", "9999", "ours", TRUE,
                                         NULL));
  g_assert_no_error (error);

  fixture->page = TILLIT_MATRIX_PAGE (tillit_matrix_page_new (fixture->store));
  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1100, 720);
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (fixture->window, overlay);
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

static TillitRecord *
cell_record (Fixture    *fixture,
             const char *principle,
             const char *level)
{
  return tillit_matrix_find_cell (tillit_store_list (fixture->store, TILLIT_TYPE_CELL), principle, level);
}

/* The cell's strategies as the store holds them, in order, one per line. */
static char *
strategies_of (Fixture    *fixture,
               const char *principle,
               const char *level)
{
  TillitRecord *cell = cell_record (fixture, principle, level);
  GListModel *list = tillit_store_list (fixture->store, TILLIT_TYPE_STRATEGY);
  GString *text = g_string_new (NULL);

  for (guint i = 0; cell != NULL && i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) strategy = g_list_model_get_item (list, i);

      if (g_strcmp0 (tillit_record_get_string (strategy, "cell"), tillit_record_get_uuid (cell)) == 0)
        g_string_append_printf (text, "%s\n", tillit_record_get_string (strategy, "text"));
    }

  return g_string_free (text, FALSE);
}

static TillitMatrixCellPanel *
open_cell (Fixture    *fixture,
           const char *principle,
           const char *level)
{
  TillitMatrixCell *cell = tillit_matrix_page_get_cell_widget (fixture->page, principle, level);

  g_assert_nonnull (cell);
  /* As a click or Enter would. */
  g_signal_emit_by_name (cell, "activate");
  tillit_test_iterate ();

  g_assert_cmpstr (tillit_matrix_cell_panel_get_principle (tillit_matrix_page_get_panel (fixture->page)), ==, principle);
  return tillit_matrix_page_get_panel (fixture->page);
}

static void
type_strategy (TillitMatrixCellPanel *panel,
               const char            *text)
{
  /* The first entry of the panel is the new strategy's. */
  GtkWidget *entry = tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_ENTRY, 0);

  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.add-strategy", NULL));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  tillit_test_iterate ();
}

static GtkWidget *
strategy_button (TillitMatrixCellPanel *panel,
                 int                    row_index,
                 guint                  nth)
{
  GtkListBox *list = GTK_LIST_BOX (tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, 0));
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, row_index);

  g_assert_nonnull (row);
  return tillit_test_find_widget (GTK_WIDGET (row), GTK_TYPE_BUTTON, nth);
}

static void
assess (Fixture    *fixture,
        const char *principle,
        const char *level,
        const char *period,
        const char *discourse,
        const char *practice,
        const char *comment)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *cell = cell_record (fixture, principle, level);
  g_autofree char *date = g_strdup_printf ("%s-06-01", period);

  if (cell == NULL)
    cell = tillit_store_create (fixture->store, TILLIT_TYPE_CELL, &error,
                                "principle", principle, "level", level, NULL);
  g_assert_no_error (error);
  g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_ASSESSMENT, &error,
                                         "cell", tillit_record_get_uuid (cell), "period", period,
                                         "date", date, "discourse", discourse, "practice", practice,
                                         "comment", comment, NULL));
  g_assert_no_error (error);
}

/* The paper's Figure 2, for both levels, typed in through the panel. */
static const struct
{
  const char *principle;
  const char *senior[3];
  const char *first_line[2];
} figure2[] = {
  { CITIZEN, { "From 'for the citizen' to 'with the citizen'" },
    { "Balancing professionals' and citizens' roles and perspectives" } },
  { TRUST, { "Showing trust through delegating responsibilities", "Tutoring and open conversations",
             "Dialogical accountability" },
    { "Establishing trust in goals and own abilities through feedback", "Sensemaking dialogues" } },
  { DELEGATION, { "Granting first-line managers freedom in operationalising goals" },
    { "Self-evaluations, reporting, idea suggestions" } },
  { SUPPORT, { "Re-organising analysis and support to test new ideas", "Approving tested pilots",
               "Offering training" },
    { "Sensemaking conversations and experimenting" } },
};

static void
fill_figure2 (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (figure2); i++)
    {
      TillitMatrixCellPanel *panel = open_cell (fixture, figure2[i].principle, SENIOR);

      for (guint j = 0; j < G_N_ELEMENTS (figure2[i].senior) && figure2[i].senior[j]; j++)
        type_strategy (panel, figure2[i].senior[j]);
      panel = open_cell (fixture, figure2[i].principle, FIRST_LINE);
      for (guint j = 0; j < G_N_ELEMENTS (figure2[i].first_line) && figure2[i].first_line[j]; j++)
        type_strategy (panel, figure2[i].first_line[j]);
    }

  assess (fixture, CITIZEN, SENIOR, "2024", "developing", "emerging", NULL);
  assess (fixture, CITIZEN, SENIOR, "2025", "embedded", "emerging", "User influence is still mostly rhetoric");
  assess (fixture, TRUST, SENIOR, "2024", "developing", "developing", NULL);
  assess (fixture, TRUST, SENIOR, "2025", "established", "established", NULL);
  assess (fixture, TRUST, FIRST_LINE, "2025", "developing", "emerging", NULL);
  assess (fixture, SUPPORT, SENIOR, "2025", "established", "developing", NULL);
  assess (fixture, DELEGATION, FIRST_LINE, "2024", "emerging", "not-started", NULL);
  tillit_matrix_page_refresh (fixture->page);
}

static void
test_grid (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GPtrArray) principles = tillit_matrix_page_list_principles (fixture->page, FALSE);
  g_autoptr(GPtrArray) levels = tillit_matrix_page_list_levels (fixture->page, FALSE);
  g_autofree char *png = NULL;
  TillitMatrixCell *cell;

  /* The default framework: seven principles and five levels, no cell
   * record until something is entered. */
  g_assert_cmpuint (principles->len, ==, 7);
  g_assert_cmpuint (levels->len, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_CELL)), ==, 0);
  for (guint r = 0; r < principles->len; r++)
    for (guint c = 0; c < levels->len; c++)
      g_assert_nonnull (tillit_matrix_page_get_cell_widget (fixture->page,
                                                            tillit_record_get_uuid (g_ptr_array_index (principles, r)),
                                                            tillit_record_get_uuid (g_ptr_array_index (levels, c))));

  fill_figure2 (fixture);
  g_assert_true (tillit_matrix_page_set_period (fixture->page, "2025"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tillit_matrix_page_get_panel (fixture->page)), "panel.close", NULL));

  /* The square and its accessible label carry the store's facts. */
  cell = tillit_matrix_page_get_cell_widget (fixture->page, CITIZEN, SENIOR);
  g_assert_cmpint (tillit_matrix_cell_get_discourse (cell), ==, 4);
  g_assert_cmpint (tillit_matrix_cell_get_practice (cell), ==, 1);
  g_assert_nonnull (strstr (tillit_matrix_cell_get_summary (cell), tillit_matrix_rating_label (4)));
  g_assert_nonnull (strstr (tillit_matrix_cell_get_summary (cell), tillit_matrix_rating_label (1)));
  g_assert_nonnull (strstr (tillit_matrix_cell_get_summary (cell),
                            tillit_matrix_record_name (tillit_store_lookup (fixture->store, CITIZEN))));
  cell = tillit_matrix_page_get_cell_widget (fixture->page, TRUST, SENIOR);
  g_assert_nonnull (strstr (tillit_matrix_cell_get_summary (cell), "3"));

  tillit_test_wait_for_frame (GTK_WIDGET (fixture->window));
  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "matrix-grid");
  g_test_message ("screenshot: %s", png);
}

static void
test_strategies (Fixture       *fixture,
                 gconstpointer  data)
{
  TillitMatrixCellPanel *panel = open_cell (fixture, TRUST, SENIOR);
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *by_key = NULL;
  g_autofree char *deleted = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *label = NULL;
  g_autofree char *png = NULL;

  g_assert_null (cell_record (fixture, TRUST, SENIOR));
  type_strategy (panel, "Delegating responsibilities");
  type_strategy (panel, "Tutoring");
  type_strategy (panel, "Open conversations");
  /* The first strategy made the cell. */
  g_assert_nonnull (cell_record (fixture, TRUST, SENIOR));
  before = strategies_of (fixture, TRUST, SENIOR);
  g_assert_cmpstr (before, ==, "Delegating responsibilities\nTutoring\nOpen conversations\n");

  /* The third row's "move up" button. */
  g_signal_emit_by_name (strategy_button (panel, 2, 0), "clicked");
  tillit_test_iterate ();
  moved = strategies_of (fixture, TRUST, SENIOR);
  g_assert_cmpstr (moved, ==, "Delegating responsibilities\nOpen conversations\nTutoring\n");

  /* Alt+Down on the first row, through its shortcut. */
  {
    GtkListBox *list = GTK_LIST_BOX (tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, 0));
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
    GListModel *controllers = gtk_widget_observe_controllers (row);
    gboolean fired = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !fired; i++)
      {
        g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

        if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
          continue;
        for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
          {
            g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
            GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

            if (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == GDK_KEY_Down &&
                gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == GDK_ALT_MASK)
              fired = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, row,
                                                    gtk_shortcut_get_arguments (shortcut));
          }
      }
    g_object_unref (controllers);
    g_assert_true (fired);
  }
  tillit_test_iterate ();
  by_key = strategies_of (fixture, TRUST, SENIOR);
  g_assert_cmpstr (by_key, ==, "Open conversations\nDelegating responsibilities\nTutoring\n");

  /* Delete the last one; the toast's undo brings it back. */
  g_signal_emit_by_name (strategy_button (panel, 2, 2), "clicked");
  tillit_test_iterate ();
  deleted = strategies_of (fixture, TRUST, SENIOR);
  g_assert_cmpstr (deleted, ==, "Open conversations\nDelegating responsibilities\n");
  label = g_strdup_printf (_("Delete %s"), tillit_record_kind_get_label (tillit_record_kind_lookup ("strategy")));
  g_assert_cmpstr (tillit_store_get_undo_label (fixture->store), ==, label);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "matrix.undo", NULL));
  tillit_test_iterate ();
  undone = strategies_of (fixture, TRUST, SENIOR);
  g_assert_cmpstr (undone, ==, by_key);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "matrix.redo", NULL));
  tillit_test_iterate ();
  g_free (undone);
  undone = strategies_of (fixture, TRUST, SENIOR);
  g_assert_cmpstr (undone, ==, deleted);

  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "matrix-cell");
  g_test_message ("screenshot: %s", png);
}

static void
test_assessment (Fixture       *fixture,
                 gconstpointer  data)
{
  TillitMatrixCellPanel *panel = open_cell (fixture, SUPPORT, FIRST_LINE);
  /* Entries after the strategy's: period, date, comment, evidence. */
  GtkWidget *period = tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_ENTRY, 1);
  GtkWidget *comment = tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_ENTRY, 3);
  GtkWidget *discourse = tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_DROP_DOWN, 0);
  GtkWidget *practice = tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_DROP_DOWN, 1);
  GListModel *assessments = tillit_store_list (fixture->store, TILLIT_TYPE_ASSESSMENT);
  TillitRecord *cell;
  g_autoptr(TillitRecord) assessment = NULL;
  g_autofree char *png = NULL;

  gtk_editable_set_text (GTK_EDITABLE (period), "2025");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (discourse), 3);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (practice), 1);
  gtk_editable_set_text (GTK_EDITABLE (comment), "Training offered, little used yet");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.add-assessment", NULL));
  tillit_test_iterate ();

  cell = cell_record (fixture, SUPPORT, FIRST_LINE);
  g_assert_nonnull (cell);
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 1);
  assessment = g_list_model_get_item (assessments, 0);
  g_assert_cmpstr (tillit_record_get_string (assessment, "cell"), ==, tillit_record_get_uuid (cell));
  g_assert_cmpstr (tillit_record_get_string (assessment, "period"), ==, "2025");
  g_assert_cmpstr (tillit_record_get_string (assessment, "discourse"), ==, "established");
  g_assert_cmpstr (tillit_record_get_string (assessment, "practice"), ==, "emerging");
  g_assert_cmpstr (tillit_record_get_string (assessment, "comment"), ==, "Training offered, little used yet");
  g_assert_nonnull (tillit_record_get_string (assessment, "date"));

  /* The grid shows it, and the gap list puts it first. */
  tillit_matrix_page_set_period (fixture->page, "2025");
  g_assert_cmpint (tillit_matrix_cell_get_discourse (tillit_matrix_page_get_cell_widget (fixture->page, SUPPORT, FIRST_LINE)), ==, 3);
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (tillit_matrix_page_get_gap_list (fixture->page), 0)),
                                      "principle"), ==, SUPPORT);

  g_assert_true (tillit_matrix_cell_panel_add_evidence (panel, "Training attendance list"));
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_EVIDENCE)), ==, 1);

  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "matrix-assessment");
  g_test_message ("screenshot: %s", png);

  /* One undo takes the evidence, the next the assessment and the cell
   * made for it; redo brings both back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "matrix.undo", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "matrix.undo", NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 0);
  g_assert_null (cell_record (fixture, SUPPORT, FIRST_LINE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "matrix.redo", NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (assessments), ==, 1);
  g_assert_nonnull (cell_record (fixture, SUPPORT, FIRST_LINE));
}

static void
on_open_record (GSimpleAction *action,
                GVariant      *parameter,
                char         **opened)
{
  g_free (*opened);
  *opened = g_variant_dup_string (parameter, NULL);
}

static void
test_link_evidence (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *pilot = tillit_store_create (fixture->store, TILLIT_TYPE_PILOT, &error,
                                             "title", "Housing assistance with users", NULL);
  TillitMatrixCellPanel *panel;
  GtkDropDown *links;
  GListModel *model;
  GListModel *evidence = tillit_store_list (fixture->store, TILLIT_TYPE_EVIDENCE);
  g_autoptr(TillitRecord) added = NULL;
  g_autofree char *opened = NULL;
  g_autoptr(GSimpleActionGroup) win_actions = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) open_record = NULL;
  GtkListBox *list;
  GtkWidget *button;
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_no_error (error);
  panel = open_cell (fixture, CITIZEN, FIRST_LINE);
  /* The searchable list of pilots, agenda items and competencies. */
  links = GTK_DROP_DOWN (tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_DROP_DOWN, 2));
  model = gtk_drop_down_get_model (links);
  g_assert_nonnull (model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (model, i);

      if (item == pilot)
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  gtk_drop_down_set_selected (links, position);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "panel.add-link", NULL));
  tillit_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (evidence), ==, 1);
  added = g_list_model_get_item (evidence, 0);
  g_assert_cmpstr (tillit_record_get_string (added, "link"), ==, tillit_record_get_uuid (pilot));
  g_assert_cmpstr (tillit_record_get_string (added, "cell"), ==,
                   tillit_record_get_uuid (cell_record (fixture, CITIZEN, FIRST_LINE)));

  /* The link shows the pilot's title and opens it. */
  /* The window (here a plain one) receives win.open-record. */
  open_record = g_simple_action_new ("open-record", G_VARIANT_TYPE_STRING);
  g_signal_connect (open_record, "activate", G_CALLBACK (on_open_record), &opened);
  g_action_map_add_action (G_ACTION_MAP (win_actions), G_ACTION (open_record));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (win_actions));
  list = GTK_LIST_BOX (tillit_test_find_widget (GTK_WIDGET (panel), GTK_TYPE_LIST_BOX, 2));
  button = tillit_test_find_widget (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0)), GTK_TYPE_BUTTON, 0);
  g_assert_nonnull (strstr (gtk_button_get_label (GTK_BUTTON (button)), "Housing assistance with users"));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpstr (opened, ==, tillit_record_get_uuid (pilot));
  gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", NULL);
}

static void
test_period (Fixture       *fixture,
             gconstpointer  data)
{
  GtkDropDown *periods = GTK_DROP_DOWN (tillit_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_DROP_DOWN, 0));
  /* The period selector's own button comes first. */
  GtkToggleButton *compare = GTK_TOGGLE_BUTTON (tillit_test_find_widget (GTK_WIDGET (fixture->page), GTK_TYPE_TOGGLE_BUTTON, 1));
  GListModel *model = gtk_drop_down_get_model (periods);
  TillitMatrixCell *cell;
  TillitRecord *latest;
  g_autofree char *png = NULL;
  guint p2024 = GTK_INVALID_LIST_POSITION;

  fill_figure2 (fixture);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (compare)), ==, _("_Compare With"));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), "2024"))
      p2024 = i;
  g_assert_cmpuint (p2024, !=, GTK_INVALID_LIST_POSITION);

  /* Through the selector, as a user would. */
  gtk_drop_down_set_selected (periods, p2024);
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_matrix_page_get_period (fixture->page), ==, "2024");
  cell = tillit_matrix_page_get_cell_widget (fixture->page, CITIZEN, SENIOR);
  latest = tillit_matrix_latest_assessment (tillit_store_list (fixture->store, TILLIT_TYPE_ASSESSMENT),
                                            tillit_record_get_uuid (cell_record (fixture, CITIZEN, SENIOR)), "2024");
  g_assert_cmpint (tillit_matrix_cell_get_discourse (cell), ==,
                   tillit_matrix_rating_from_nick (tillit_record_get_string (latest, "discourse")));
  g_assert_cmpint (tillit_matrix_cell_get_discourse (cell), ==, 2);
  /* Not assessed before 2025. */
  g_assert_cmpint (tillit_matrix_cell_get_discourse (tillit_matrix_page_get_cell_widget (fixture->page, SUPPORT, SENIOR)), ==, -1);

  g_assert_true (tillit_matrix_page_set_period (fixture->page, "2025"));
  g_assert_cmpint (tillit_matrix_cell_get_discourse (cell), ==, 4);

  /* Compare with 2024: the change is in the cell and its label. */
  g_assert_true (tillit_matrix_page_set_compare (fixture->page, "2024"));
  g_assert_true (gtk_toggle_button_get_active (compare));
  g_assert_nonnull (strstr (tillit_matrix_cell_get_summary (cell), "+2"));

  /* The gap list: Citizen × senior managers (4 − 1) first. */
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (tillit_matrix_page_get_gap_list (fixture->page), 0)),
                                      "principle"), ==, CITIZEN);
  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "matrix-compare");
  g_test_message ("screenshot: %s", png);

  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (tillit_matrix_page_get_gap_list (fixture->page)),
                                                                        GTK_TYPE_STACK)), "gaps");
  g_free (png);
  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "matrix-gaps");
  g_test_message ("screenshot: %s", png);

  /* Selecting a gap opens its cell. */
  g_signal_emit_by_name (tillit_matrix_page_get_gap_list (fixture->page), "row-activated",
                         gtk_list_box_get_row_at_index (tillit_matrix_page_get_gap_list (fixture->page), 0));
  g_assert_cmpstr (tillit_matrix_cell_panel_get_principle (tillit_matrix_page_get_panel (fixture->page)), ==, CITIZEN);
  g_assert_cmpstr (tillit_matrix_cell_panel_get_level (tillit_matrix_page_get_panel (fixture->page)), ==, SENIOR);

  /* Its two snapshots draw the history chart. */
  gtk_stack_set_visible_child_name (GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (tillit_matrix_page_get_gap_list (fixture->page)),
                                                                        GTK_TYPE_STACK)), "grid");
  g_free (png);
  png = tillit_test_screenshot (GTK_WIDGET (fixture->window), "matrix-history");
  g_test_message ("screenshot: %s", png);
}

static TillitMatrixFrameworkEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (TILLIT_IS_MATRIX_FRAMEWORK_EDITOR (item))
        return TILLIT_MATRIX_FRAMEWORK_EDITOR (item);
    }

  return NULL;
}

static void
test_framework (Fixture       *fixture,
                gconstpointer  data)
{
  TillitMatrixFrameworkEditor *editor;
  TillitRecord *trust = tillit_store_lookup (fixture->store, TRUST);
  GtkWidget *toggle;
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *png = NULL;
  TillitRecord *added;

  assess (fixture, TRUST, SENIOR, "2025", "embedded", "developing", NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "matrix.edit-framework", NULL));
  tillit_test_iterate ();
  editor = find_editor ();
  g_assert_nonnull (editor);
  tillit_test_wait_for_frame (GTK_WIDGET (editor));

  /* Trust's "shown in the grid" switch retires it. */
  for (guint i = 0; (toggle = tillit_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SWITCH, i)) != NULL; i++)
    /* Each expander row also holds a hidden switch of its own. */
    if (gtk_widget_get_visible (toggle) &&
        g_object_get_data (G_OBJECT (gtk_widget_get_ancestor (toggle, ADW_TYPE_EXPANDER_ROW)), "record") == trust)
      break;
  g_assert_nonnull (toggle);
  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  tillit_test_iterate ();
  g_assert_true (tillit_record_get_boolean (trust, "retired"));
  g_assert_null (tillit_matrix_page_get_cell_widget (fixture->page, TRUST, SENIOR));
  principles = tillit_matrix_page_list_principles (fixture->page, FALSE);
  g_assert_cmpuint (principles->len, ==, 6);
  /* Its history stays. */
  g_assert_nonnull (cell_record (fixture, TRUST, SENIOR));
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_ASSESSMENT)), ==, 1);

  /* Undo puts it back in the grid. */
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  tillit_test_iterate ();
  g_assert_false (tillit_record_get_boolean (trust, "retired"));
  g_assert_nonnull (tillit_matrix_page_get_cell_widget (fixture->page, TRUST, SENIOR));

  /* Add an eighth principle, rename it, move it to the top. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "framework.add-principle", NULL));
  after = tillit_matrix_page_list_principles (fixture->page, FALSE);
  g_assert_cmpuint (after->len, ==, 8);
  added = g_ptr_array_index (after, 7);
  g_assert_true (tillit_matrix_framework_editor_rename (editor, added, "name-en", "Long-term perspective"));
  g_assert_true (tillit_matrix_framework_editor_rename (editor, added, "name-sv", "Långsiktighet"));
  g_assert_true (tillit_matrix_framework_editor_move (editor, added, -7));
  g_ptr_array_unref (after);
  after = tillit_matrix_page_list_principles (fixture->page, FALSE);
  g_assert_true (g_ptr_array_index (after, 0) == added);
  g_assert_cmpstr (tillit_record_get_string (added, "name-sv"), ==, "Långsiktighet");
  tillit_test_iterate ();
  g_assert_nonnull (tillit_matrix_page_get_cell_widget (fixture->page, tillit_record_get_uuid (added), SENIOR));

  /* Hide a level. */
  g_assert_true (tillit_matrix_framework_editor_set_shown (editor, tillit_store_lookup (fixture->store, SENIOR), FALSE));
  tillit_test_iterate ();
  g_assert_null (tillit_matrix_page_get_cell_widget (fixture->page, CITIZEN, SENIOR));

  png = tillit_test_screenshot (GTK_WIDGET (editor), "matrix-framework");
  g_test_message ("screenshot: %s", png);

  /* Another municipality's framework, made active through the editor. */
  {
    g_autoptr(GError) error = NULL;
    TillitRecord *other = tillit_store_create (fixture->store, TILLIT_TYPE_FRAMEWORK, &error,
                                               "name", "Andra kommunens ramverk", NULL);
    AdwComboRow *row = ADW_COMBO_ROW (tillit_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, 0));
    guint position;

    g_assert_no_error (error);
    g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_PRINCIPLE, &error,
                                           "framework", tillit_record_get_uuid (other),
                                           "name-en", "Long-term perspective", "name-sv", "Långsiktighet", NULL));
    g_assert_no_error (error);
    tillit_test_iterate ();
    g_assert_true (g_list_store_find (G_LIST_STORE (tillit_store_list (fixture->store, TILLIT_TYPE_FRAMEWORK)),
                                      other, &position));
    adw_combo_row_set_selected (row, position);
    tillit_test_iterate ();
    g_assert_true (tillit_record_get_boolean (other, "active"));
    g_assert_true (tillit_matrix_page_get_framework (fixture->page) == other);
    g_ptr_array_unref (after);
    after = tillit_matrix_page_list_principles (fixture->page, FALSE);
    g_assert_cmpuint (after->len, ==, 1);
    g_assert_false (tillit_record_get_boolean (tillit_store_lookup (fixture->store, "a2c1b9ee-f23c-5ffc-b91b-2dd64e45850d"),
                                               "active"));
  }

  gtk_window_destroy (GTK_WINDOW (editor));
}

static void
test_export_framework (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->tmpdir, "framework.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;

  g_assert_true (tillit_matrix_page_export_framework (fixture->page, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &xml, NULL, NULL));
  g_assert_nonnull (strstr (xml, "tillit-exchange"));
  g_assert_nonnull (strstr (xml, "Citizen/User focus"));
  g_assert_nonnull (strstr (xml, "Handlingsutrymme"));
  g_assert_nonnull (strstr (xml, "First-line managers"));
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->tmpdir, "matrix.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext is not installed");
      return;
    }

  fill_figure2 (fixture);
  g_assert_true (tillit_matrix_page_export_pdf (fixture->page, pdf, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (pdf, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* Kept beside the screenshots, to be looked at. */
  if (g_getenv ("TILLIT_SCREENSHOT_DIR") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("matrix-report-%s.pdf", tillit_test_language ());
      g_autofree char *kept = g_build_filename (g_getenv ("TILLIT_SCREENSHOT_DIR"), name, NULL);

      g_mkdir_with_parents (g_getenv ("TILLIT_SCREENSHOT_DIR"), 0755);
      g_assert_true (g_file_set_contents (kept, contents, length, NULL));
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Names may wrap inside a table cell: compare with spaces evened out. */
  flat = g_regex_replace_literal (spaces, text, -1, 0, " ", 0, NULL);

  principles = tillit_matrix_page_list_principles (fixture->page, FALSE);
  levels = tillit_matrix_page_list_levels (fixture->page, FALSE);
  for (guint i = 0; i < principles->len; i++)
    g_assert_nonnull (strstr (flat, tillit_matrix_record_name (g_ptr_array_index (principles, i))));
  for (guint i = 0; i < levels->len; i++)
    g_assert_nonnull (strstr (flat, tillit_matrix_record_name (g_ptr_array_index (levels, i))));
  g_assert_nonnull (strstr (flat, "Dialogical accountability"));
  g_assert_nonnull (strstr (flat, "User influence is still mostly rhetoric"));
  g_assert_nonnull (strstr (flat, tillit_matrix_rating_label (4)));
}

int
main (int   argc,
      char *argv[])
{
  tillit_test_ui_init (&argc, &argv);

  g_test_add ("/matrix/grid", Fixture, NULL, fixture_set_up, test_grid, fixture_tear_down);
  g_test_add ("/matrix/strategies", Fixture, NULL, fixture_set_up, test_strategies, fixture_tear_down);
  g_test_add ("/matrix/assessment", Fixture, NULL, fixture_set_up, test_assessment, fixture_tear_down);
  g_test_add ("/matrix/link-evidence", Fixture, NULL, fixture_set_up, test_link_evidence, fixture_tear_down);
  g_test_add ("/matrix/period", Fixture, NULL, fixture_set_up, test_period, fixture_tear_down);
  g_test_add ("/matrix/framework", Fixture, NULL, fixture_set_up, test_framework, fixture_tear_down);
  g_test_add ("/matrix/export-framework", Fixture, NULL, fixture_set_up, test_export_framework, fixture_tear_down);
  g_test_add ("/matrix/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);

  return g_test_run ();
}
