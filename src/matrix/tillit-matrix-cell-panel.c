/* tillit-matrix-cell-panel.c: one cell opened: strategies, assessments, evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-agenda-item.h"
#include "model/tillit-assessment.h"
#include "model/tillit-cell.h"
#include "model/tillit-competency.h"
#include "model/tillit-pilot.h"
#include "model/tillit-evidence.h"
#include "model/tillit-strategy.h"
#include "tillit-matrix-cell-panel.h"
#include "tillit-matrix-logic.h"

struct _TillitMatrixCellPanel
{
  AdwBin parent_instance;

  TillitStore *store;
  char *principle;
  char *level;
  char *cell;

  GtkCustomFilter *filter;
  GtkFilterListModel *strategies;
  GtkFilterListModel *assessments;
  GtkSortListModel *history;
  GtkFilterListModel *evidence;

  GtkLabel *title;
  GtkLabel *subtitle;
  GtkListBox *strategies_list;
  GtkEntry *strategy_entry;
  GtkDrawingArea *chart;
  GtkEntry *period_entry;
  GtkEntry *date_entry;
  GtkDropDown *discourse_dropdown;
  GtkDropDown *practice_dropdown;
  GtkEntry *comment_entry;
  GtkListBox *assessments_list;
  GtkListBox *evidence_list;
  GtkEntry *evidence_entry;
  GtkDropDown *link_dropdown;
};

G_DEFINE_FINAL_TYPE (TillitMatrixCellPanel, tillit_matrix_cell_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CLOSE,
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_toast (TillitMatrixCellPanel *self,
            const char            *message,
            gboolean               undoable);

/* Records of this cell */

static gboolean
belongs_to_cell (gpointer item,
                 gpointer user_data)
{
  TillitMatrixCellPanel *self = user_data;

  return self->cell != NULL &&
         g_strcmp0 (tillit_record_get_string (item, "cell"), self->cell) == 0;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  if (tillit_matrix_assessment_newer ((TillitRecord *) a, (TillitRecord *) b))
    return -1;
  if (tillit_matrix_assessment_newer ((TillitRecord *) b, (TillitRecord *) a))
    return 1;
  return 0;
}

static TillitRecord *
find_cell (TillitMatrixCellPanel *self)
{
  return tillit_matrix_find_cell (tillit_store_list (self->store, TILLIT_TYPE_CELL),
                                  self->principle, self->level);
}

static void
set_cell (TillitMatrixCellPanel *self,
          TillitRecord          *cell)
{
  const char *uuid = cell != NULL ? tillit_record_get_uuid (cell) : NULL;

  if (g_strcmp0 (uuid, self->cell) == 0)
    return;

  g_free (self->cell);
  self->cell = g_strdup (uuid);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

/* A cell record exists only once something is entered in it, so an empty
 * grid of 7 × 5 squares costs nothing. Call inside a group, so that undo
 * takes the new cell away with the first thing entered. */
static const char *
ensure_cell (TillitMatrixCellPanel  *self,
             GError                **error)
{
  TillitRecord *cell = find_cell (self);

  if (cell == NULL)
    cell = tillit_store_create (self->store, TILLIT_TYPE_CELL, error,
                                "principle", self->principle, "level", self->level,
                                NULL);
  if (cell == NULL)
    return NULL;

  set_cell (self, cell);
  return self->cell;
}

/* Strategies */

static void
on_label_editing (GtkEditableLabel      *label,
                  GParamSpec            *pspec,
                  TillitMatrixCellPanel *self)
{
  TillitRecord *strategy = g_object_get_data (G_OBJECT (label), "record");
  const char *field = g_object_get_data (G_OBJECT (label), "field");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (gtk_editable_label_get_editing (label) || self->store == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (label))));
  if (g_strcmp0 (text, tillit_record_get_string (strategy, field)) == 0)
    return;

  if (*text == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (label), tillit_record_get_string (strategy, field));
      return;
    }

  if (!tillit_store_update (self->store, strategy, &error, field, text, NULL))
    show_toast (self, error->message, FALSE);
}

static GtkWidget *
find_label (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_LABEL (child) ? child : find_label (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* An editable label cannot show NULL. */
static gboolean
text_or_empty (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

static GtkWidget *
editable_text (TillitRecord          *record,
               const char            *field,
               const char            *accessible_label,
               TillitMatrixCellPanel *self)
{
  GtkWidget *label = gtk_editable_label_new ("");
  GtkWidget *shown;

  g_object_bind_property_full (record, field, label, "text", G_BINDING_SYNC_CREATE,
                               text_or_empty, NULL, NULL, NULL);

  /* A strategy can be a long sentence: its label wraps, or the panel
   * would grow as wide as the longest one. */
  shown = find_label (label);
  if (shown != NULL)
    {
      gtk_label_set_wrap (GTK_LABEL (shown), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (shown), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (shown), 36);
      gtk_label_set_width_chars (GTK_LABEL (shown), 12);
    }
  g_object_set_data_full (G_OBJECT (label), "record", g_object_ref (record), g_object_unref);
  g_object_set_data (G_OBJECT (label), "field", (gpointer) field);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);
  g_signal_connect_object (label, "notify::editing", G_CALLBACK (on_label_editing), self, 0);

  return label;
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip, -1);

  return button;
}

static TillitRecord *
row_record (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "record") : NULL;
}

static void
focus_strategy (TillitMatrixCellPanel *self,
                TillitRecord          *strategy)
{
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->strategies_list, i);

      if (row == NULL)
        break;
      if (g_object_get_data (G_OBJECT (row), "record") == strategy)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          break;
        }
    }
}

static void
on_move_up_clicked (GtkButton             *button,
                    TillitMatrixCellPanel *self)
{
  tillit_matrix_cell_panel_move_strategy (self, row_record (GTK_WIDGET (button)), -1);
}

static void
on_move_down_clicked (GtkButton             *button,
                      TillitMatrixCellPanel *self)
{
  tillit_matrix_cell_panel_move_strategy (self, row_record (GTK_WIDGET (button)), 1);
}

static void
on_delete_strategy_clicked (GtkButton             *button,
                            TillitMatrixCellPanel *self)
{
  tillit_matrix_cell_panel_delete_strategy (self, row_record (GTK_WIDGET (button)));
}

static gboolean
on_move_shortcut (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (gtk_widget_get_ancestor (widget, TILLIT_TYPE_MATRIX_CELL_PANEL));

  return tillit_matrix_cell_panel_move_strategy (self, g_object_get_data (G_OBJECT (widget), "record"),
                                                 g_variant_get_int32 (args));
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  TillitRecord *record = g_object_get_data (G_OBJECT (row), "record");

  return gdk_content_provider_new_typed (G_TYPE_STRING, tillit_record_get_uuid (record));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (gtk_widget_get_ancestor (row, TILLIT_TYPE_MATRIX_CELL_PANEL));
  TillitRecord *onto = g_object_get_data (G_OBJECT (row), "record");
  TillitRecord *dragged = tillit_store_lookup (self->store, g_value_get_string (value));
  GListModel *list = G_LIST_MODEL (self->strategies);
  int from = -1, to = -1;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (list, i);

      if (item == dragged)
        from = i;
      if (item == onto)
        to = i;
    }

  if (from < 0 || to < 0 || from == to)
    return FALSE;

  return tillit_matrix_cell_panel_move_strategy (self, dragged, to - from);
}

static GtkWidget *
create_strategy_row (gpointer item,
                     gpointer user_data)
{
  TillitMatrixCellPanel *self = user_data;
  TillitRecord *strategy = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *button;
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (strategy), g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 2);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_box_append (GTK_BOX (box), editable_text (strategy, "text", _("Strategy"), self));

  button = icon_button ("go-up-symbolic", _("Move Up (Alt+Up)"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_move_up_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);
  button = icon_button ("go-down-symbolic", _("Move Down (Alt+Down)"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_move_down_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);
  button = icon_button ("user-trash-symbolic", _("Delete Strategy"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_strategy_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  for (int delta = -1; delta <= 1; delta += 2)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (delta < 0 ? GDK_KEY_Up : GDK_KEY_Down,
                                                                        GDK_ALT_MASK),
                                                gtk_callback_action_new (on_move_shortcut, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (delta));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (row, shortcuts);

  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), NULL);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (drop));

  return row;
}

/* Assessments */

static char *
describe_assessment (TillitRecord *assessment)
{
  int discourse = tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "discourse"));
  int practice = tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "practice"));

  /* Translators: the two ratings of an assessment */
  return g_strdup_printf (_("Say: %s · Do: %s"),
                          tillit_matrix_rating_label (MAX (discourse, 0)),
                          tillit_matrix_rating_label (MAX (practice, 0)));
}

static void
on_delete_assessment_clicked (GtkButton             *button,
                              TillitMatrixCellPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (tillit_store_delete (self->store, row_record (GTK_WIDGET (button)), &error))
    show_toast (self, _("Assessment deleted"), TRUE);
  else
    show_toast (self, error->message, FALSE);
}

static GtkWidget *
create_assessment_row (gpointer item,
                       gpointer user_data)
{
  TillitMatrixCellPanel *self = user_data;
  TillitRecord *assessment = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = icon_button ("user-trash-symbolic", _("Delete Assessment"));
  const char *period = tillit_record_get_string (assessment, "period");
  const char *date = tillit_record_get_string (assessment, "date");
  const char *comment = tillit_record_get_string (assessment, "comment");
  g_autofree char *ratings = describe_assessment (assessment);
  g_autofree char *title = g_strdup_printf ("%s%s%s", period != NULL ? period : "",
                                            period != NULL && date != NULL ? " · " : "",
                                            date != NULL ? date : "");
  g_autofree char *subtitle = (comment != NULL && *comment != '\0')
                              ? g_strdup_printf ("%s\n%s", ratings, comment)
                              : g_strdup (ratings);

  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (assessment), g_object_unref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_assessment_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
draw_line (cairo_t      *cr,
           GListModel   *history,
           const char   *field,
           const GdkRGBA *colour,
           int           width,
           int           height)
{
  guint n = g_list_model_get_n_items (history);
  double step = n > 1 ? (width - 16.0) / (n - 1) : 0;

  gdk_cairo_set_source_rgba (cr, colour);
  cairo_set_line_width (cr, 2);

  /* The history is newest first; the chart reads left to right in time. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) assessment = g_list_model_get_item (history, n - 1 - i);
      int rating = MAX (tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, field)), 0);
      double x = 8 + step * i;
      double y = height - 8 - (height - 16.0) * rating / (TILLIT_MATRIX_N_RATINGS - 1);

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) assessment = g_list_model_get_item (history, n - 1 - i);
      int rating = MAX (tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, field)), 0);

      cairo_arc (cr, 8 + step * i, height - 8 - (height - 16.0) * rating / (TILLIT_MATRIX_N_RATINGS - 1),
                 3.5, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        user_data)
{
  TillitMatrixCellPanel *self = user_data;
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (area));
  GListModel *history = G_LIST_MODEL (self->history);
  GdkRGBA discourse, practice, grid;

  if (!gtk_style_context_lookup_color (style, "accent_color", &discourse))
    gdk_rgba_parse (&discourse, "#3584e4");
  if (!gtk_style_context_lookup_color (style, "success_color", &practice))
    gdk_rgba_parse (&practice, "#26a269");
  gtk_style_context_get_color (style, &grid);
  grid.alpha = 0.15;

  gdk_cairo_set_source_rgba (cr, &grid);
  cairo_set_line_width (cr, 1);
  for (int i = 0; i < TILLIT_MATRIX_N_RATINGS; i++)
    {
      double y = height - 8 - (height - 16.0) * i / (TILLIT_MATRIX_N_RATINGS - 1);

      cairo_move_to (cr, 0, y + 0.5);
      cairo_line_to (cr, width, y + 0.5);
    }
  cairo_stroke (cr);

  if (g_list_model_get_n_items (history) == 0)
    return;

  draw_line (cr, history, "discourse", &discourse, width, height);
  draw_line (cr, history, "practice", &practice, width, height);
}

/* An empty boxed list would show as a stray line. */
static void
on_history_changed (GListModel            *model,
                    guint                  position,
                    guint                  removed,
                    guint                  added,
                    TillitMatrixCellPanel *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->chart), g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 1);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
  gtk_widget_set_visible (GTK_WIDGET (self->strategies_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->strategies)) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->assessments_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_list),
                          g_list_model_get_n_items (G_LIST_MODEL (self->evidence)) > 0);
}

/* Evidence */

static void
on_delete_evidence_clicked (GtkButton             *button,
                            TillitMatrixCellPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (tillit_store_delete (self->store, row_record (GTK_WIDGET (button)), &error))
    show_toast (self, _("Evidence deleted"), TRUE);
  else
    show_toast (self, error->message, FALSE);
}

static void
on_open_link_clicked (GtkButton             *button,
                      TillitMatrixCellPanel *self)
{
  g_signal_emit (self, signals[OPEN_RECORD], 0,
                 tillit_record_get_string (row_record (GTK_WIDGET (button)), "link"));
}

static char *
title_of (TillitRecord *record)
{
  return tillit_matrix_link_title (record);
}

static GtkWidget *
create_evidence_row (gpointer item,
                     gpointer user_data)
{
  TillitMatrixCellPanel *self = user_data;
  TillitRecord *evidence = item;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  GtkWidget *button = icon_button ("user-trash-symbolic", _("Delete Evidence"));
  const char *link = tillit_record_get_string (evidence, "link");

  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (evidence), g_object_unref);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 2);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  if (link != NULL)
    {
      g_autofree char *title = tillit_matrix_link_title (tillit_store_lookup (self->store, link));
      GtkWidget *open = gtk_button_new_with_label (title);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (open));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_hexpand (open, TRUE);
      gtk_widget_set_tooltip_text (open, _("Open the Linked Record"));
      g_signal_connect_object (open, "clicked", G_CALLBACK (on_open_link_clicked), self, 0);
      gtk_box_append (GTK_BOX (box), open);
    }
  else
    gtk_box_append (GTK_BOX (box), editable_text (evidence, "note", _("Evidence note"), self));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_delete_evidence_clicked), self, 0);
  gtk_box_append (GTK_BOX (box), button);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

/* Toasts */

static void
on_undo_clicked (AdwToast              *toast,
                 TillitMatrixCellPanel *self)
{
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && !tillit_store_undo (self->store, &error))
    g_warning ("Could not undo: %s", error->message);
}

static void
show_toast (TillitMatrixCellPanel *self,
            const char            *message,
            gboolean               undoable)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    {
      if (!undoable)
        g_warning ("%s", message);
      return;
    }

  toast = adw_toast_new (message);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), self, 0);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Actions */

static void
add_strategy_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (widget);

  if (tillit_matrix_cell_panel_add_strategy (self, gtk_editable_get_text (GTK_EDITABLE (self->strategy_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->strategy_entry), "");
}

static void
on_strategy_entry_activate (TillitMatrixCellPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "panel.add-strategy", NULL);
}

static void
add_assessment_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  tillit_matrix_cell_panel_add_assessment (TILLIT_MATRIX_CELL_PANEL (widget));
}

static void
add_evidence_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (widget);

  if (tillit_matrix_cell_panel_add_evidence (self, gtk_editable_get_text (GTK_EDITABLE (self->evidence_entry))))
    gtk_editable_set_text (GTK_EDITABLE (self->evidence_entry), "");
}

static void
add_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (widget);
  TillitRecord *target = gtk_drop_down_get_selected_item (self->link_dropdown);

  if (target != NULL)
    tillit_matrix_cell_panel_add_link (self, target);
}

static void
on_evidence_entry_activate (TillitMatrixCellPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "panel.add-evidence", NULL);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_signal_emit (widget, signals[CLOSE], 0);
}

/* GObject */

static void
tillit_matrix_cell_panel_dispose (GObject *object)
{
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (object);

  if (self->history != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
      g_signal_handlers_disconnect_by_func (self->strategies, on_history_changed, self);
      g_signal_handlers_disconnect_by_func (self->evidence, on_history_changed, self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TILLIT_TYPE_MATRIX_CELL_PANEL);
  g_clear_object (&self->strategies);
  g_clear_object (&self->assessments);
  g_clear_object (&self->history);
  g_clear_object (&self->evidence);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tillit_matrix_cell_panel_parent_class)->dispose (object);
}

static void
tillit_matrix_cell_panel_finalize (GObject *object)
{
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (object);

  g_free (self->principle);
  g_free (self->level);
  g_free (self->cell);

  G_OBJECT_CLASS (tillit_matrix_cell_panel_parent_class)->finalize (object);
}

static void
tillit_matrix_cell_panel_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_matrix_cell_panel_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  TillitMatrixCellPanel *self = TILLIT_MATRIX_CELL_PANEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tillit_matrix_cell_panel_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_matrix_cell_panel_class_init (TillitMatrixCellPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tillit_matrix_cell_panel_dispose;
  object_class->finalize = tillit_matrix_cell_panel_finalize;
  object_class->get_property = tillit_matrix_cell_panel_get_property;
  object_class->set_property = tillit_matrix_cell_panel_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TillitMatrixCellPanel::close:
   *
   * The user is done with the cell.
   */
  signals[CLOSE] = g_signal_new ("close", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * TillitMatrixCellPanel::open-record:
   * @uuid: the linked pilot, agenda item or competency
   *
   * The user followed a piece of evidence's link.
   */
  signals[OPEN_RECORD] = g_signal_new ("open-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tillit/Tillit/matrix/tillit-matrix-cell-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, title);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, subtitle);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, strategies_list);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, strategy_entry);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, chart);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, period_entry);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, date_entry);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, discourse_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, practice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, comment_entry);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, assessments_list);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, evidence_entry);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixCellPanel, link_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, on_strategy_entry_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_evidence_entry_activate);

  gtk_widget_class_install_action (widget_class, "panel.add-strategy", NULL, add_strategy_action);
  gtk_widget_class_install_action (widget_class, "panel.add-assessment", NULL, add_assessment_action);
  gtk_widget_class_install_action (widget_class, "panel.add-evidence", NULL, add_evidence_action);
  gtk_widget_class_install_action (widget_class, "panel.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (widget_class, "panel.close", NULL, close_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "panel.close", NULL);
}

static GListModel *
rating_names (void)
{
  GtkStringList *names = gtk_string_list_new (NULL);

  for (int i = 0; i < TILLIT_MATRIX_N_RATINGS; i++)
    gtk_string_list_append (names, tillit_matrix_rating_label (i));

  return G_LIST_MODEL (names);
}

static void
tillit_matrix_cell_panel_init (TillitMatrixCellPanel *self)
{
  g_autoptr(GtkExpression) title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                G_CALLBACK (title_of), NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->discourse_dropdown, rating_names ());
  gtk_drop_down_set_model (self->practice_dropdown, rating_names ());
  g_object_unref (gtk_drop_down_get_model (self->discourse_dropdown));
  g_object_unref (gtk_drop_down_get_model (self->practice_dropdown));

  self->filter = gtk_custom_filter_new (belongs_to_cell, self, NULL);
  gtk_drop_down_set_expression (self->link_dropdown, title);
  gtk_drawing_area_set_draw_func (self->chart, draw_chart, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->chart), FALSE);
}

GtkWidget *
tillit_matrix_cell_panel_new (void)
{
  return g_object_new (TILLIT_TYPE_MATRIX_CELL_PANEL, NULL);
}

TillitStore *
tillit_matrix_cell_panel_get_store (TillitMatrixCellPanel *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), NULL);

  return self->store;
}

static GtkFilterListModel *
cell_records (TillitMatrixCellPanel *self,
              GType                  type)
{
  return gtk_filter_list_model_new (g_object_ref (tillit_store_list (self->store, type)),
                                    GTK_FILTER (g_object_ref (self->filter)));
}

/* What evidence can link to, in one searchable list; the flattened list
 * follows the store's lists as records come and go. */
static GListModel *
linkable (TillitStore *store)
{
  g_autoptr(GListStore) kinds = g_list_store_new (G_TYPE_LIST_MODEL);

  g_list_store_append (kinds, tillit_store_list (store, TILLIT_TYPE_PILOT));
  g_list_store_append (kinds, tillit_store_list (store, TILLIT_TYPE_AGENDA_ITEM));
  g_list_store_append (kinds, tillit_store_list (store, TILLIT_TYPE_COMPETENCY));

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&kinds))));
}

void
tillit_matrix_cell_panel_set_store (TillitMatrixCellPanel *self,
                                    TillitStore           *store)
{
  g_return_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self));
  g_return_if_fail (store == NULL || TILLIT_IS_STORE (store));

  if (self->store == store)
    return;

  gtk_list_box_bind_model (self->strategies_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->assessments_list, NULL, NULL, NULL, NULL);
  gtk_list_box_bind_model (self->evidence_list, NULL, NULL, NULL, NULL);
  gtk_drop_down_set_model (self->link_dropdown, NULL);
  if (self->history != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
      g_signal_handlers_disconnect_by_func (self->strategies, on_history_changed, self);
      g_signal_handlers_disconnect_by_func (self->evidence, on_history_changed, self);
    }
  g_clear_object (&self->strategies);
  g_clear_object (&self->assessments);
  g_clear_object (&self->history);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->cell, g_free);
  g_set_object (&self->store, store);

  /* A cell holds a handful of records: GtkListBox rows are fine here and
   * let each row carry its own editing controls. */
  if (store != NULL)
    {
      g_autoptr(GListModel) links = linkable (store);

      self->strategies = cell_records (self, TILLIT_TYPE_STRATEGY);
      self->assessments = cell_records (self, TILLIT_TYPE_ASSESSMENT);
      self->history = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->assessments)),
                                               GTK_SORTER (gtk_custom_sorter_new (compare_newest_first, NULL, NULL)));
      self->evidence = cell_records (self, TILLIT_TYPE_EVIDENCE);
      gtk_list_box_bind_model (self->strategies_list, G_LIST_MODEL (self->strategies),
                               create_strategy_row, self, NULL);
      gtk_list_box_bind_model (self->assessments_list, G_LIST_MODEL (self->history),
                               create_assessment_row, self, NULL);
      gtk_list_box_bind_model (self->evidence_list, G_LIST_MODEL (self->evidence),
                               create_evidence_row, self, NULL);
      gtk_drop_down_set_model (self->link_dropdown, links);
      g_signal_connect (self->history, "items-changed", G_CALLBACK (on_history_changed), self);
      g_signal_connect (self->strategies, "items-changed", G_CALLBACK (on_history_changed), self);
      g_signal_connect (self->evidence, "items-changed", G_CALLBACK (on_history_changed), self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tillit_matrix_cell_panel_show_cell:
 * @principle: the UUID of the row's principle
 * @level: the UUID of the column's level
 * @period: (nullable): the period a new assessment is for by default
 *
 * Opens the cell of @principle × @level, whether it has a record yet or not.
 */
void
tillit_matrix_cell_panel_show_cell (TillitMatrixCellPanel *self,
                                    const char            *principle,
                                    const char            *level,
                                    const char            *period)
{
  TillitRecord *principle_record, *level_record;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *year = g_date_time_format (now, "%Y");

  g_return_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self));
  g_return_if_fail (principle != NULL && level != NULL);
  g_return_if_fail (self->store != NULL);

  g_free (self->principle);
  self->principle = g_strdup (principle);
  g_free (self->level);
  self->level = g_strdup (level);
  set_cell (self, find_cell (self));

  principle_record = tillit_store_lookup (self->store, principle);
  level_record = tillit_store_lookup (self->store, level);
  gtk_label_set_text (self->title, principle_record ? tillit_matrix_record_name (principle_record) : "");
  gtk_label_set_text (self->subtitle, level_record ? tillit_matrix_record_name (level_record) : "");

  gtk_editable_set_text (GTK_EDITABLE (self->period_entry), period != NULL ? period : year);
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), today);
  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->strategy_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->evidence_entry), "");
  on_history_changed (NULL, 0, 0, 0, self);

  /* Ready to type the cell's next strategy. */
  gtk_widget_grab_focus (GTK_WIDGET (self->strategy_entry));
}

const char *
tillit_matrix_cell_panel_get_principle (TillitMatrixCellPanel *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), NULL);

  return self->principle;
}

const char *
tillit_matrix_cell_panel_get_level (TillitMatrixCellPanel *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), NULL);

  return self->level;
}

/**
 * tillit_matrix_cell_panel_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell's record, %NULL until
 *   something is entered in it
 */
TillitRecord *
tillit_matrix_cell_panel_get_cell (TillitMatrixCellPanel *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), NULL);

  return self->cell != NULL && self->store != NULL ? tillit_store_lookup (self->store, self->cell) : NULL;
}

/**
 * tillit_matrix_cell_panel_add_strategy:
 * @text: the strategy
 *
 * Adds a strategy at the end of the cell's list, as one undo step.
 */
gboolean
tillit_matrix_cell_panel_add_strategy (TillitMatrixCellPanel *self,
                                       const char            *text)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) error = NULL;
  const char *cell;
  gboolean ok = FALSE;

  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (self->store == NULL || self->principle == NULL || *stripped == '\0')
    return FALSE;

  tillit_store_begin_group (self->store, _("Add strategy"));
  cell = ensure_cell (self, &error);
  if (cell != NULL)
    ok = tillit_store_create (self->store, TILLIT_TYPE_STRATEGY, &error,
                              "cell", cell, "text", stripped, NULL) != NULL;
  tillit_store_end_group (self->store);

  if (!ok)
    show_toast (self, error->message, FALSE);

  return ok;
}

/**
 * tillit_matrix_cell_panel_move_strategy:
 * @strategy: a strategy of the open cell
 * @delta: places to move, negative for up
 *
 * Moves a strategy within its cell and renumbers the cell's list, as one
 * undo step.
 *
 * Returns: whether it moved
 */
gboolean
tillit_matrix_cell_panel_move_strategy (TillitMatrixCellPanel *self,
                                        TillitRecord          *strategy,
                                        int                    delta)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  GListModel *list;
  guint n, from = G_MAXUINT;
  int to;
  gboolean ok = TRUE;

  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (strategy), FALSE);

  if (self->store == NULL)
    return FALSE;

  list = G_LIST_MODEL (self->strategies);
  n = g_list_model_get_n_items (list);
  for (guint i = 0; i < n; i++)
    {
      TillitRecord *item = g_list_model_get_item (list, i);

      if (item == strategy)
        from = i;
      g_ptr_array_add (order, item);
    }

  if (from == G_MAXUINT)
    return FALSE;
  to = CLAMP ((int) from + delta, 0, (int) n - 1);
  if ((guint) to == from)
    return FALSE;

  g_ptr_array_steal_index (order, from);
  g_ptr_array_insert (order, to, strategy);

  tillit_store_begin_group (self->store, _("Move strategy"));
  for (guint i = 0; i < order->len && ok; i++)
    {
      TillitRecord *item = g_ptr_array_index (order, i);

      if (tillit_record_get_int (item, "position") != (int) i)
        ok = tillit_store_update (self->store, item, &error, "position", (int) i, NULL);
    }
  tillit_store_end_group (self->store);

  if (!ok)
    {
      show_toast (self, error->message, FALSE);
      return FALSE;
    }

  focus_strategy (self, strategy);
  return TRUE;
}

/**
 * tillit_matrix_cell_panel_delete_strategy:
 *
 * Deletes a strategy and offers to undo it.
 */
gboolean
tillit_matrix_cell_panel_delete_strategy (TillitMatrixCellPanel *self,
                                          TillitRecord          *strategy)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (strategy), FALSE);

  if (self->store == NULL)
    return FALSE;

  if (!tillit_store_delete (self->store, strategy, &error))
    {
      show_toast (self, error->message, FALSE);
      return FALSE;
    }

  show_toast (self, _("Strategy deleted"), TRUE);
  return TRUE;
}

/**
 * tillit_matrix_cell_panel_add_assessment:
 *
 * Adds the snapshot entered in the form (period, date, both ratings,
 * comment), as one undo step.
 */
gboolean
tillit_matrix_cell_panel_add_assessment (TillitMatrixCellPanel *self)
{
  g_autofree char *period = NULL;
  g_autofree char *date = NULL;
  g_autofree char *comment = NULL;
  g_autoptr(GError) error = NULL;
  const char *cell;
  gboolean ok = FALSE;

  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), FALSE);

  if (self->store == NULL || self->principle == NULL)
    return FALSE;

  period = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->period_entry))));
  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->date_entry))));
  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->comment_entry))));
  if (*period == '\0')
    {
      show_toast (self, _("An assessment needs a period"), FALSE);
      gtk_widget_grab_focus (GTK_WIDGET (self->period_entry));
      return FALSE;
    }

  tillit_store_begin_group (self->store, _("Add assessment"));
  cell = ensure_cell (self, &error);
  if (cell != NULL)
    ok = tillit_store_create (self->store, TILLIT_TYPE_ASSESSMENT, &error,
                              "cell", cell,
                              "period", period,
                              "date", *date != '\0' ? date : NULL,
                              "discourse", tillit_matrix_rating_to_nick (gtk_drop_down_get_selected (self->discourse_dropdown)),
                              "practice", tillit_matrix_rating_to_nick (gtk_drop_down_get_selected (self->practice_dropdown)),
                              "comment", *comment != '\0' ? comment : NULL,
                              NULL) != NULL;
  tillit_store_end_group (self->store);

  if (!ok)
    {
      show_toast (self, error->message, FALSE);
      return FALSE;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->comment_entry), "");
  return TRUE;
}

/**
 * tillit_matrix_cell_panel_add_evidence:
 * @note: what shows that the strategy is practised
 */
gboolean
tillit_matrix_cell_panel_add_evidence (TillitMatrixCellPanel *self,
                                       const char            *note)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) error = NULL;
  const char *cell;
  gboolean ok = FALSE;

  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), FALSE);
  g_return_val_if_fail (note != NULL, FALSE);

  stripped = g_strstrip (g_strdup (note));
  if (self->store == NULL || self->principle == NULL || *stripped == '\0')
    return FALSE;

  tillit_store_begin_group (self->store, _("Add evidence"));
  cell = ensure_cell (self, &error);
  if (cell != NULL)
    ok = tillit_store_create (self->store, TILLIT_TYPE_EVIDENCE, &error,
                              "cell", cell, "note", stripped, NULL) != NULL;
  tillit_store_end_group (self->store);

  if (!ok)
    show_toast (self, error->message, FALSE);

  return ok;
}

/**
 * tillit_matrix_cell_panel_add_link:
 * @target: a pilot, agenda item or competency
 *
 * Adds a piece of evidence that links to @target, as one undo step.
 */
gboolean
tillit_matrix_cell_panel_add_link (TillitMatrixCellPanel *self,
                                   TillitRecord          *target)
{
  g_autoptr(GError) error = NULL;
  const char *cell;
  gboolean ok = FALSE;

  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL_PANEL (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (target), FALSE);

  if (self->store == NULL || self->principle == NULL)
    return FALSE;

  tillit_store_begin_group (self->store, _("Add evidence"));
  cell = ensure_cell (self, &error);
  if (cell != NULL)
    ok = tillit_store_create (self->store, TILLIT_TYPE_EVIDENCE, &error,
                              "cell", cell, "link", tillit_record_get_uuid (target), NULL) != NULL;
  tillit_store_end_group (self->store);

  if (!ok)
    show_toast (self, error->message, FALSE);

  return ok;
}
