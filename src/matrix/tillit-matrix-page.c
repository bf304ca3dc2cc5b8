/* tillit-matrix-page.c: the principles matrix: principles × levels, say and do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-lazy-page.h"
#include "exchange/tillit-exchange.h"
#include "model/tillit-assessment.h"
#include "model/tillit-cell.h"
#include "model/tillit-evidence.h"
#include "model/tillit-framework.h"
#include "model/tillit-level.h"
#include "model/tillit-principle.h"
#include "model/tillit-strategy.h"
#include "tillit-matrix-framework-editor.h"
#include "tillit-matrix-logic.h"
#include "tillit-matrix-page.h"
#include "tillit-matrix-report.h"
#include "tillit-matrix-watch.h"

struct _TillitMatrixPage
{
  AdwBin parent_instance;

  TillitStore *store;
  GPtrArray *watches;
  guint refresh_id;
  gboolean updating_periods;

  char *period;
  char *since;
  char *structure;
  GHashTable *cell_widgets;
  GPtrArray *row_headers;
  GPtrArray *column_headers;

  GtkDropDown *period_dropdown;
  GtkToggleButton *compare_button;
  GtkDropDown *since_dropdown;
  GtkStack *view_stack;
  GtkGrid *grid;
  GtkBox *legend;
  AdwStatusPage *empty;
  GtkListBox *gap_list;
  GtkRevealer *panel_revealer;
  TillitMatrixCellPanel *panel;
};

G_DEFINE_FINAL_TYPE (TillitMatrixPage, tillit_matrix_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
cell_key (const char *principle,
          const char *level)
{
  return g_strconcat (principle, " ", level, NULL);
}

/* The framework */

/**
 * tillit_matrix_page_get_framework:
 *
 * Returns: (transfer none) (nullable): the active framework, or the first
 *   one when none is marked active
 */
TillitRecord *
tillit_matrix_page_get_framework (TillitMatrixPage *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  if (self->store == NULL)
    return NULL;

  return tillit_matrix_active_framework (tillit_store_list (self->store, TILLIT_TYPE_FRAMEWORK));
}

static GPtrArray *
list_in_framework (TillitMatrixPage *self,
                   GType             type,
                   const char       *flag,
                   gboolean          with_flagged)
{
  if (self->store == NULL)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return tillit_matrix_in_framework (tillit_store_list (self->store, type),
                                     tillit_matrix_page_get_framework (self), flag, with_flagged);
}

/**
 * tillit_matrix_page_list_principles:
 * @with_retired: whether to include retired principles
 *
 * Returns: (transfer container) (element-type TillitRecord): the active
 *   framework's principles in order
 */
GPtrArray *
tillit_matrix_page_list_principles (TillitMatrixPage *self,
                                    gboolean          with_retired)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return list_in_framework (self, TILLIT_TYPE_PRINCIPLE, "retired", with_retired);
}

/**
 * tillit_matrix_page_list_levels:
 * @with_hidden: whether to include hidden levels
 *
 * Returns: (transfer container) (element-type TillitRecord): the active
 *   framework's levels in order
 */
GPtrArray *
tillit_matrix_page_list_levels (TillitMatrixPage *self,
                                gboolean          with_hidden)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return list_in_framework (self, TILLIT_TYPE_LEVEL, "hidden", with_hidden);
}

/* Periods */

static char **
known_periods (TillitMatrixPage *self)
{
  g_auto(GStrv) periods = tillit_matrix_list_periods (tillit_store_list (self->store, TILLIT_TYPE_ASSESSMENT));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *year = g_date_time_format (now, "%Y");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean have_year = FALSE;

  /* This year is always on offer, so that a new programme can start rating. */
  for (guint i = 0; periods[i] != NULL; i++)
    {
      if (!have_year && tillit_matrix_period_compare (year, periods[i]) < 0)
        {
          g_strv_builder_add (builder, year);
          have_year = TRUE;
        }
      have_year |= g_str_equal (periods[i], year);
      g_strv_builder_add (builder, periods[i]);
    }
  if (!have_year)
    g_strv_builder_add (builder, year);

  return g_strv_builder_end (builder);
}

static guint
find_string (GListModel *model,
             const char *text)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; text != NULL && i < n; i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
update_periods (TillitMatrixPage *self)
{
  g_auto(GStrv) periods = known_periods (self);
  GListModel *model = gtk_drop_down_get_model (self->period_dropdown);
  guint n = g_list_model_get_n_items (model);
  guint length = g_strv_length (periods);
  gboolean same = n == length;
  guint selected;

  for (guint i = 0; same && i < n; i++)
    same = g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (model), i), periods[i]);

  self->updating_periods = TRUE;
  if (!same)
    {
      gtk_string_list_splice (GTK_STRING_LIST (model), 0, n, (const char * const *) periods);
      gtk_string_list_splice (GTK_STRING_LIST (gtk_drop_down_get_model (self->since_dropdown)),
                              0, n, (const char * const *) periods);
    }

  if (self->period == NULL || find_string (model, self->period) == GTK_INVALID_LIST_POSITION)
    {
      g_free (self->period);
      self->period = g_strdup (periods[length - 1]);
    }
  if (self->since == NULL || find_string (model, self->since) == GTK_INVALID_LIST_POSITION)
    {
      selected = find_string (model, self->period);
      g_free (self->since);
      self->since = g_strdup (periods[selected > 0 ? selected - 1 : 0]);
    }

  gtk_drop_down_set_selected (self->period_dropdown, find_string (model, self->period));
  gtk_drop_down_set_selected (self->since_dropdown, find_string (model, self->since));
  self->updating_periods = FALSE;
}

/* The grid */

static void
on_cell_activate (TillitMatrixCell *cell,
                  TillitMatrixPage *self)
{
  tillit_matrix_page_open_cell (self, tillit_matrix_cell_get_principle (cell),
                                tillit_matrix_cell_get_level (cell));
}

static GtkWidget *
header_label (const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Names wrap at words and are never cut off. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
clear_grid (TillitMatrixPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);
  g_hash_table_remove_all (self->cell_widgets);
  g_ptr_array_set_size (self->row_headers, 0);
  g_ptr_array_set_size (self->column_headers, 0);
}

static void
build_grid (TillitMatrixPage *self,
            GPtrArray        *principles,
            GPtrArray        *levels)
{
  clear_grid (self);

  for (guint c = 0; c < levels->len; c++)
    {
      GtkWidget *label = header_label ("level-name");

      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_grid_attach (self->grid, label, c + 1, 0, 1, 1);
      g_ptr_array_add (self->column_headers, label);
    }

  for (guint r = 0; r < principles->len; r++)
    {
      TillitRecord *principle = g_ptr_array_index (principles, r);
      GtkWidget *label = header_label ("principle-name");

      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_grid_attach (self->grid, label, 0, r + 1, 1, 1);
      g_ptr_array_add (self->row_headers, label);

      for (guint c = 0; c < levels->len; c++)
        {
          TillitRecord *level = g_ptr_array_index (levels, c);
          GtkWidget *cell = tillit_matrix_cell_new (tillit_record_get_uuid (principle),
                                                    tillit_record_get_uuid (level));

          gtk_widget_set_hexpand (cell, TRUE);
          g_signal_connect_object (cell, "activate", G_CALLBACK (on_cell_activate), self, 0);
          gtk_grid_attach (self->grid, cell, c + 1, r + 1, 1, 1);
          g_hash_table_insert (self->cell_widgets,
                               cell_key (tillit_record_get_uuid (principle), tillit_record_get_uuid (level)),
                               cell);
        }
    }
}

static char *
structure_of (GPtrArray *principles,
              GPtrArray *levels)
{
  GString *key = g_string_new (NULL);

  for (guint i = 0; i < principles->len; i++)
    g_string_append_printf (key, "%s ", tillit_record_get_uuid (g_ptr_array_index (principles, i)));
  g_string_append_c (key, '|');
  for (guint i = 0; i < levels->len; i++)
    g_string_append_printf (key, "%s ", tillit_record_get_uuid (g_ptr_array_index (levels, i)));

  return g_string_free (key, FALSE);
}

static GHashTable *
index_cells (TillitMatrixPage *self)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *model = tillit_store_list (self->store, TILLIT_TYPE_CELL);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) cell = g_list_model_get_item (model, i);

      g_hash_table_insert (cells, cell_key (tillit_record_get_string (cell, "principle"),
                                            tillit_record_get_string (cell, "level")),
                           cell);
    }

  return cells;
}

/* Cell UUID → GPtrArray of the strategies' texts, in order. */
static GHashTable *
index_strategies (TillitMatrixPage *self)
{
  GHashTable *texts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);
  GListModel *model = tillit_store_list (self->store, TILLIT_TYPE_STRATEGY);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) strategy = g_list_model_get_item (model, i);
      const char *cell = tillit_record_get_string (strategy, "cell");
      const char *text = tillit_record_get_string (strategy, "text");
      GPtrArray *list = g_hash_table_lookup (texts, cell);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (texts, (gpointer) cell, list);
        }
      g_ptr_array_add (list, (gpointer) (text != NULL ? text : ""));
    }

  return texts;
}

static GHashTable *
count_evidence (TillitMatrixPage *self)
{
  GHashTable *counts = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *model = tillit_store_list (self->store, TILLIT_TYPE_EVIDENCE);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) evidence = g_list_model_get_item (model, i);
      const char *cell = tillit_record_get_string (evidence, "cell");

      g_hash_table_insert (counts, (gpointer) cell,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, cell)) + 1));
    }

  return counts;
}

static int
rating_of (TillitRecord *assessment,
           const char   *field)
{
  return assessment != NULL ? tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, field)) : -1;
}

static void
on_gap_row_activated (TillitMatrixPage *self,
                      GtkListBoxRow    *row)
{
  tillit_matrix_page_open_cell (self, g_object_get_data (G_OBJECT (row), "principle"),
                                g_object_get_data (G_OBJECT (row), "level"));
}

static void
update_gap_list (TillitMatrixPage *self,
                 GPtrArray        *principles,
                 GPtrArray        *levels,
                 GHashTable       *cells)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) where = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) uuids = NULL;
  g_autoptr(GPtrArray) gaps = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->gap_list))) != NULL)
    gtk_list_box_remove (self->gap_list, child);

  for (guint r = 0; r < principles->len; r++)
    for (guint c = 0; c < levels->len; c++)
      {
        g_autofree char *key = cell_key (tillit_record_get_uuid (g_ptr_array_index (principles, r)),
                                         tillit_record_get_uuid (g_ptr_array_index (levels, c)));
        TillitRecord *cell = g_hash_table_lookup (cells, key);

        if (cell != NULL)
          {
            g_strv_builder_add (builder, tillit_record_get_uuid (cell));
            g_hash_table_insert (where, (gpointer) tillit_record_get_uuid (cell), cell);
          }
      }
  uuids = g_strv_builder_end (builder);
  gaps = tillit_matrix_gap_list (tillit_store_list (self->store, TILLIT_TYPE_ASSESSMENT),
                                 (const char * const *) uuids, self->period);

  for (guint i = 0; i < gaps->len; i++)
    {
      TillitMatrixGap *gap = g_ptr_array_index (gaps, i);
      TillitRecord *cell = g_hash_table_lookup (where, gap->cell);
      TillitRecord *principle = tillit_store_lookup (self->store, tillit_record_get_string (cell, "principle"));
      TillitRecord *level = tillit_store_lookup (self->store, tillit_record_get_string (cell, "level"));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *badge = gtk_label_new (NULL);
      g_autofree char *title = g_strdup_printf ("%s — %s", tillit_matrix_record_name (principle),
                                                tillit_matrix_record_name (level));
      g_autofree char *subtitle = NULL;
      g_autofree char *badge_text = NULL;

      if (gap->assessment != NULL)
        {
          subtitle = g_strdup_printf (_("Say: %s · Do: %s"),
                                      tillit_matrix_rating_label (MAX (rating_of (gap->assessment, "discourse"), 0)),
                                      tillit_matrix_rating_label (MAX (rating_of (gap->assessment, "practice"), 0)));
          /* Translators: the say/do gap of a cell, a signed number */
          badge_text = g_strdup_printf (_("Gap %+d"), gap->gap);
          if (gap->gap >= 2)
            gtk_widget_add_css_class (badge, "error");
          else if (gap->gap == 1)
            gtk_widget_add_css_class (badge, "warning");
          else
            gtk_widget_add_css_class (badge, "success");
        }
      else
        {
          subtitle = g_strdup (_("Not assessed in this period"));
          badge_text = g_strdup ("–");
          gtk_widget_add_css_class (badge, "dim-label");
        }

      gtk_label_set_text (GTK_LABEL (badge), badge_text);
      gtk_widget_add_css_class (badge, "heading");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "principle",
                              g_strdup (tillit_record_get_uuid (principle)), g_free);
      g_object_set_data_full (G_OBJECT (row), "level",
                              g_strdup (tillit_record_get_uuid (level)), g_free);
      gtk_list_box_append (self->gap_list, row);
    }

  if (gaps->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No cell has been filled in yet"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->gap_list, row);
    }
}

/**
 * tillit_matrix_page_refresh:
 *
 * Brings the grid, the periods and the gap list up to date with the
 * store at once, rather than at the next idle moment.
 */
void
tillit_matrix_page_refresh (TillitMatrixPage *self)
{
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GPtrArray) levels = NULL;
  g_autoptr(GHashTable) cells = NULL;
  g_autoptr(GHashTable) strategies = NULL;
  g_autoptr(GHashTable) evidence = NULL;
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autofree char *structure = NULL;
  gboolean compare;

  g_return_if_fail (TILLIT_IS_MATRIX_PAGE (self));

  tillit_show_coming_store (GTK_WIDGET (self));
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  if (self->store == NULL)
    {
      clear_grid (self);
      g_clear_pointer (&self->structure, g_free);
      return;
    }

  update_periods (self);

  principles = tillit_matrix_page_list_principles (self, FALSE);
  levels = tillit_matrix_page_list_levels (self, FALSE);
  structure = structure_of (principles, levels);
  if (g_strcmp0 (structure, self->structure) != 0)
    {
      build_grid (self, principles, levels);
      g_free (self->structure);
      self->structure = g_steal_pointer (&structure);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->empty), principles->len == 0 || levels->len == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), principles->len > 0 && levels->len > 0);

  for (guint i = 0; i < levels->len; i++)
    gtk_label_set_text (g_ptr_array_index (self->column_headers, i),
                        tillit_matrix_record_name (g_ptr_array_index (levels, i)));
  for (guint i = 0; i < principles->len; i++)
    gtk_label_set_text (g_ptr_array_index (self->row_headers, i),
                        tillit_matrix_record_name (g_ptr_array_index (principles, i)));

  cells = index_cells (self);
  strategies = index_strategies (self);
  evidence = count_evidence (self);
  latest = tillit_matrix_latest_by_cell (tillit_store_list (self->store, TILLIT_TYPE_ASSESSMENT), self->period);
  compare = gtk_toggle_button_get_active (self->compare_button);
  before = tillit_matrix_latest_by_cell (tillit_store_list (self->store, TILLIT_TYPE_ASSESSMENT), self->since);

  for (guint r = 0; r < principles->len; r++)
    for (guint c = 0; c < levels->len; c++)
      {
        TillitRecord *principle = g_ptr_array_index (principles, r);
        TillitRecord *level = g_ptr_array_index (levels, c);
        g_autofree char *key = cell_key (tillit_record_get_uuid (principle), tillit_record_get_uuid (level));
        TillitRecord *cell = g_hash_table_lookup (cells, key);
        const char *uuid = cell != NULL ? tillit_record_get_uuid (cell) : NULL;
        GPtrArray *texts = uuid != NULL ? g_hash_table_lookup (strategies, uuid) : NULL;
        TillitRecord *now = uuid != NULL ? g_hash_table_lookup (latest, uuid) : NULL;
        TillitRecord *then = uuid != NULL ? g_hash_table_lookup (before, uuid) : NULL;
        TillitMatrixCellFacts facts = { 0 };

        facts.principle_name = tillit_matrix_record_name (principle);
        facts.level_name = tillit_matrix_record_name (level);
        facts.strategies = texts != NULL ? (const char * const *) texts->pdata : NULL;
        facts.n_strategies = texts != NULL ? texts->len : 0;
        facts.n_evidence = uuid != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (evidence, uuid)) : 0;
        facts.discourse = rating_of (now, "discourse");
        facts.practice = rating_of (now, "practice");
        facts.compare = compare;
        if (now != NULL && then != NULL)
          {
            facts.change.known = TRUE;
            facts.change.discourse = facts.discourse - rating_of (then, "discourse");
            facts.change.practice = facts.practice - rating_of (then, "practice");
          }

        tillit_matrix_cell_set_facts (g_hash_table_lookup (self->cell_widgets, key), &facts);
      }

  update_gap_list (self, principles, levels, cells);
}

static gboolean
refresh_idle (gpointer data)
{
  TillitMatrixPage *self = data;

  self->refresh_id = 0;
  tillit_matrix_page_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (TillitMatrixPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle, self, NULL);
}

/* Controls */

static void
on_period_selected (GtkDropDown      *dropdown,
                    GParamSpec       *pspec,
                    TillitMatrixPage *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (self->updating_periods || item == NULL)
    return;

  if (dropdown == self->period_dropdown)
    tillit_matrix_page_set_period (self, gtk_string_object_get_string (item));
  else
    {
      g_free (self->since);
      self->since = g_strdup (gtk_string_object_get_string (item));
      queue_refresh (self);
    }
}

static void
on_compare_toggled (TillitMatrixPage *self)
{
  queue_refresh (self);
}

static void
on_panel_open_record (TillitMatrixPage *self,
                      const char       *uuid)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", uuid);
}

/* A hidden revealer would still take the panel's width: hide it too. */
static void
show_panel (TillitMatrixPage *self,
            gboolean          shown)
{
  gtk_widget_set_visible (GTK_WIDGET (self->panel_revealer), shown);
  gtk_revealer_set_reveal_child (self->panel_revealer, shown);
}

static void
on_panel_close (TillitMatrixPage *self)
{
  GtkWidget *cell = NULL;
  const char *principle = tillit_matrix_cell_panel_get_principle (self->panel);
  const char *level = tillit_matrix_cell_panel_get_level (self->panel);

  if (principle != NULL && level != NULL)
    cell = GTK_WIDGET (tillit_matrix_page_get_cell_widget (self, principle, level));

  show_panel (self, FALSE);
  if (cell != NULL)
    gtk_widget_grab_focus (cell);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TillitMatrixPage *self = TILLIT_MATRIX_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  if (g_str_equal (action_name, "matrix.undo")
      ? !tillit_store_undo (self->store, &error)
      : !tillit_store_redo (self->store, &error))
    g_debug ("%s", error->message);
}

static void
edit_framework_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  TillitMatrixPage *self = TILLIT_MATRIX_PAGE (widget);
  GtkWidget *editor;

  if (self->store == NULL)
    return;

  editor = tillit_matrix_framework_editor_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TillitMatrixPage *self = TILLIT_MATRIX_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!tillit_matrix_report_run (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    g_warning ("Could not print the matrix: %s", error->message);
}

static void
show_message (TillitMatrixPage *self,
              const char       *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
on_export_response (GtkNativeDialog  *dialog,
                    int               response,
                    TillitMatrixPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      path = file != NULL ? g_file_get_path (file) : NULL;
      if (path != NULL && !tillit_matrix_page_export_pdf (self, path, &error))
        {
          show_message (self, error->message);
        }
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export PDF"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  /* Translators: the suggested file name of the exported matrix */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("principles-matrix.pdf"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * tillit_matrix_page_export_framework:
 * @file: the exchange file to write
 *
 * Writes the active framework, its principles and levels and what hangs
 * under them, in the exchange format another municipality imports.
 */
gboolean
tillit_matrix_page_export_framework (TillitMatrixPage  *self,
                                     GFile             *file,
                                     GError           **error)
{
  TillitRecord *framework;
  TillitRecord *ours;
  const char *roots[2] = { NULL, NULL };

  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  framework = tillit_matrix_page_get_framework (self);
  if (framework == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no framework to export"));
      return FALSE;
    }

  roots[0] = tillit_record_get_uuid (framework);
  ours = tillit_store_get_ours (self->store);

  return tillit_exchange_export (tillit_store_get_database (self->store), file,
                                 ours != NULL ? &(TillitExchangeSource) { tillit_record_get_string (ours, "name"),
                                                                          tillit_record_get_string (ours, "code") }
                                              : NULL,
                                 roots, TILLIT_EXCHANGE_EXPORT_NONE, NULL, NULL, NULL, error);
}

static void
on_export_framework_response (GtkNativeDialog  *dialog,
                              int               response,
                              TillitMatrixPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL)
    {
      if (tillit_matrix_page_export_framework (self, file, &error))
        show_message (self, _("Framework exported"));
      else
        show_message (self, error->message);
    }

  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_framework_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export Framework"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the suggested file name of an exported framework */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("framework.xml"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_framework_response), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Legend */

static void
add_legend_item (GtkBox     *legend,
                 const char *swatch_class,
                 const char *text)
{
  GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (text);

  if (swatch_class != NULL)
    {
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_add_css_class (swatch, "swatch");
      gtk_widget_add_css_class (swatch, swatch_class);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (item), swatch);
    }
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (item), label);
  gtk_box_append (legend, item);
}

static void
fill_legend (TillitMatrixPage *self)
{
  g_autoptr(GString) scale = g_string_new (NULL);

  add_legend_item (self->legend, "discourse", _("Say: what is said (discourse)"));
  add_legend_item (self->legend, "practice", _("Do: what is done (practice)"));
  for (int i = 0; i < TILLIT_MATRIX_N_RATINGS; i++)
    g_string_append_printf (scale, "%s%d %s", i > 0 ? " · " : "", i, tillit_matrix_rating_label (i));
  add_legend_item (self->legend, NULL, scale->str);
}

/* GObject */

static void
tillit_matrix_page_dispose (GObject *object)
{
  TillitMatrixPage *self = TILLIT_MATRIX_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_pointer (&self->watches, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TILLIT_TYPE_MATRIX_PAGE);
  g_clear_pointer (&self->cell_widgets, g_hash_table_unref);
  g_clear_pointer (&self->row_headers, g_ptr_array_unref);
  g_clear_pointer (&self->column_headers, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tillit_matrix_page_parent_class)->dispose (object);
}

static void
tillit_matrix_page_finalize (GObject *object)
{
  TillitMatrixPage *self = TILLIT_MATRIX_PAGE (object);

  g_free (self->period);
  g_free (self->since);
  g_free (self->structure);

  G_OBJECT_CLASS (tillit_matrix_page_parent_class)->finalize (object);
}

static void
tillit_matrix_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TillitMatrixPage *self = TILLIT_MATRIX_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, tillit_matrix_page_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_matrix_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TillitMatrixPage *self = TILLIT_MATRIX_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tillit_matrix_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_matrix_page_class_init (TillitMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  object_class->dispose = tillit_matrix_page_dispose;
  object_class->finalize = tillit_matrix_page_finalize;
  object_class->get_property = tillit_matrix_page_get_property;
  object_class->set_property = tillit_matrix_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TILLIT_TYPE_MATRIX_CELL_PANEL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tillit/Tillit/matrix/tillit-matrix-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, compare_button);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, since_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, grid);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, legend);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, empty);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, gap_list);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, panel_revealer);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixPage, panel);
  gtk_widget_class_bind_template_callback (widget_class, on_gap_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_close);
  gtk_widget_class_bind_template_callback (widget_class, on_panel_open_record);

  gtk_widget_class_install_action (widget_class, "matrix.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "matrix.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "matrix.edit-framework", NULL, edit_framework_action);
  gtk_widget_class_install_action (widget_class, "matrix.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "matrix.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "matrix.export-framework", NULL, export_framework_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "matrix.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "matrix.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "matrix.print", NULL);

  /* Named colours only, so that dark and high-contrast styles follow. */
  gtk_css_provider_load_from_resource (css, "/io/github/tillit/Tillit/matrix/style.css");
  if (gdk_display_get_default () != NULL)
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
tillit_matrix_page_init (TillitMatrixPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cell_widgets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->row_headers = g_ptr_array_new ();
  self->column_headers = g_ptr_array_new ();

  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (gtk_string_list_new (NULL)));
  gtk_drop_down_set_model (self->since_dropdown, G_LIST_MODEL (gtk_string_list_new (NULL)));
  g_object_unref (gtk_drop_down_get_model (self->period_dropdown));
  g_object_unref (gtk_drop_down_get_model (self->since_dropdown));
  g_signal_connect (self->period_dropdown, "notify::selected", G_CALLBACK (on_period_selected), self);
  g_signal_connect (self->since_dropdown, "notify::selected", G_CALLBACK (on_period_selected), self);
  g_signal_connect_swapped (self->compare_button, "toggled", G_CALLBACK (on_compare_toggled), self);

  fill_legend (self);
}

GtkWidget *
tillit_matrix_page_new (TillitStore *store)
{
  g_return_val_if_fail (store == NULL || TILLIT_IS_STORE (store), NULL);

  return g_object_new (TILLIT_TYPE_MATRIX_PAGE, "store", store, NULL);
}

TillitStore *
tillit_matrix_page_get_store (TillitMatrixPage *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), NULL);

  return tillit_get_coming_store (GTK_WIDGET (self), self->store);
}

static void
watch (TillitMatrixPage *self,
       GType             type)
{
  TillitMatrixWatch *watcher = tillit_matrix_watch_new (tillit_store_list (self->store, type));

  g_signal_connect_swapped (watcher, "changed", G_CALLBACK (queue_refresh), self);
  g_ptr_array_add (self->watches, watcher);
}

static void
show_store (GtkWidget   *widget,
            TillitStore *store)
{
  TillitMatrixPage *self = TILLIT_MATRIX_PAGE (widget);

  if (self->store == store)
    return;

  g_clear_pointer (&self->watches, g_ptr_array_unref);
  show_panel (self, FALSE);
  tillit_matrix_cell_panel_set_store (self->panel, store);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->period, g_free);
  g_clear_pointer (&self->since, g_free);

  if (store != NULL)
    {
      self->watches = g_ptr_array_new_with_free_func (g_object_unref);
      watch (self, TILLIT_TYPE_FRAMEWORK);
      watch (self, TILLIT_TYPE_PRINCIPLE);
      watch (self, TILLIT_TYPE_LEVEL);
      watch (self, TILLIT_TYPE_CELL);
      watch (self, TILLIT_TYPE_STRATEGY);
      watch (self, TILLIT_TYPE_EVIDENCE);
      watch (self, TILLIT_TYPE_ASSESSMENT);
    }

  tillit_matrix_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tillit_matrix_page_set_store:
 *
 * Shows @store's principles matrix, from when the page is first shown.
 */
void
tillit_matrix_page_set_store (TillitMatrixPage *self,
                              TillitStore      *store)
{
  g_return_if_fail (TILLIT_IS_MATRIX_PAGE (self));
  g_return_if_fail (store == NULL || TILLIT_IS_STORE (store));

  tillit_set_store_when_mapped (GTK_WIDGET (self), self->store, store, show_store);
}

/**
 * tillit_matrix_page_get_period:
 *
 * Returns: (nullable): the period the grid shows the assessments as of
 */
const char *
tillit_matrix_page_get_period (TillitMatrixPage *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return self->period;
}

/**
 * tillit_matrix_page_set_period:
 * @period: a period with assessments, or this year
 *
 * Returns: whether @period is one the page knows
 */
gboolean
tillit_matrix_page_set_period (TillitMatrixPage *self,
                               const char       *period)
{
  GListModel *model;

  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  tillit_show_coming_store (GTK_WIDGET (self));
  model = gtk_drop_down_get_model (self->period_dropdown);
  if (find_string (model, period) == GTK_INVALID_LIST_POSITION)
    return FALSE;

  if (g_strcmp0 (period, self->period) != 0)
    {
      g_free (self->period);
      self->period = g_strdup (period);
      gtk_drop_down_set_selected (self->period_dropdown, find_string (model, period));
      tillit_matrix_page_refresh (self);
    }

  return TRUE;
}

/**
 * tillit_matrix_page_set_compare:
 * @since: (nullable): the earlier period, or %NULL to stop comparing
 *
 * Returns: whether @since is one the page knows
 */
gboolean
tillit_matrix_page_set_compare (TillitMatrixPage *self,
                                const char       *since)
{
  GListModel *model;

  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), FALSE);

  tillit_show_coming_store (GTK_WIDGET (self));
  model = gtk_drop_down_get_model (self->since_dropdown);
  if (since != NULL)
    {
      if (find_string (model, since) == GTK_INVALID_LIST_POSITION)
        return FALSE;
      g_free (self->since);
      self->since = g_strdup (since);
      gtk_drop_down_set_selected (self->since_dropdown, find_string (model, since));
    }

  gtk_toggle_button_set_active (self->compare_button, since != NULL);
  tillit_matrix_page_refresh (self);

  return TRUE;
}

/**
 * tillit_matrix_page_get_cell_widget:
 *
 * Returns: (transfer none) (nullable): the grid's square for
 *   @principle × @level, if both are shown
 */
TillitMatrixCell *
tillit_matrix_page_get_cell_widget (TillitMatrixPage *self,
                                    const char       *principle,
                                    const char       *level)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), NULL);
  g_return_val_if_fail (principle != NULL && level != NULL, NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  key = cell_key (principle, level);
  return g_hash_table_lookup (self->cell_widgets, key);
}

/**
 * tillit_matrix_page_open_cell:
 *
 * Opens @principle × @level in the side panel and moves the focus there.
 */
void
tillit_matrix_page_open_cell (TillitMatrixPage *self,
                              const char       *principle,
                              const char       *level)
{
  g_return_if_fail (TILLIT_IS_MATRIX_PAGE (self));
  g_return_if_fail (principle != NULL && level != NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  if (self->store == NULL)
    return;

  show_panel (self, TRUE);
  tillit_matrix_cell_panel_show_cell (self->panel, principle, level, self->period);
}

TillitMatrixCellPanel *
tillit_matrix_page_get_panel (TillitMatrixPage *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return self->panel;
}

GtkListBox *
tillit_matrix_page_get_gap_list (TillitMatrixPage *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return self->gap_list;
}

/**
 * tillit_matrix_page_export_pdf:
 * @path: the PDF file to write
 *
 * Writes the report (grid with legend, then each cell) as an A4
 * landscape PDF, in the UI language.
 */
gboolean
tillit_matrix_page_export_pdf (TillitMatrixPage  *self,
                               const char        *path,
                               GError           **error)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tillit_show_coming_store (GTK_WIDGET (self));
  return tillit_matrix_report_run (self, GTK_PRINT_OPERATION_ACTION_EXPORT, path, error);
}
