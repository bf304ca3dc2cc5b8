/* tillit-pilot-board.c: one column per steering procedure, pilots as cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-lazy-list.h"
#include "model/tillit-model.h"

#include "tillit-pilot-board.h"
#include "tillit-pilot-labels.h"
#include "tillit-pilot-portfolio.h"

typedef struct
{
  TillitPilotBoard *board;
  const char *stage;
  GtkCustomFilter *filter;
  GtkFilterListModel *model;
  GtkSingleSelection *selection;
  GtkListView *view;
  GtkLabel *count;
} Column;

struct _TillitPilotBoard
{
  AdwBin parent_instance;

  Column columns[TILLIT_PILOT_N_STAGES];
};

G_DEFINE_FINAL_TYPE (TillitPilotBoard, tillit_pilot_board, ADW_TYPE_BIN)

enum {
  PILOT_SELECTED,
  PILOT_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
in_stage (gpointer item,
          gpointer data)
{
  Column *column = data;

  return g_strcmp0 (tillit_record_get_string (item, "stage"), column->stage) == 0;
}

static void
update_count (Column *column)
{
  g_autofree char *text = g_strdup_printf ("%u", g_list_model_get_n_items (G_LIST_MODEL (column->model)));

  gtk_label_set_text (column->count, text);
}

static void
sync_card (GtkWidget    *card,
           GParamSpec   *pspec,
           TillitRecord *pilot)
{
  GtkLabel *title = g_object_get_data (G_OBJECT (card), "title");
  GtkLabel *detail = g_object_get_data (G_OBJECT (card), "detail");
  const char *owner = tillit_record_get_string (pilot, "owner");
  const char *decision = tillit_record_get_string (pilot, "decision");
  g_autofree char *text = g_strdup_printf ("%s · %s", tillit_pilot_nick_label ("decision", decision),
                                           owner != NULL ? owner : _("No owner"));

  gtk_label_set_text (title, tillit_record_get_string (pilot, "title"));
  gtk_label_set_text (detail, text);
}

static GdkContentProvider *
drag_prepare (GtkDragSource *source,
              double         x,
              double         y,
              GtkWidget     *card)
{
  TillitRecord *pilot = g_object_get_data (G_OBJECT (card), "pilot");

  if (pilot == NULL)
    return NULL;
  return gdk_content_provider_new_typed (TILLIT_TYPE_PILOT, pilot);
}

static void
setup_card (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "pilot-card");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (detail), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), detail);
  g_object_set_data (G_OBJECT (card), "title", title);
  g_object_set_data (G_OBJECT (card), "detail", detail);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare), card);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  gtk_list_item_set_child (item, card);
}

static void
bind_card (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  TillitRecord *pilot = gtk_list_item_get_item (item);

  g_object_set_data (G_OBJECT (card), "pilot", pilot);
  sync_card (card, NULL, pilot);
  g_signal_connect_object (pilot, "notify", G_CALLBACK (sync_card), card, G_CONNECT_SWAPPED);
}

static void
unbind_card (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  GtkWidget *card = gtk_list_item_get_child (item);
  TillitRecord *pilot = gtk_list_item_get_item (item);

  if (pilot != NULL)
    g_signal_handlers_disconnect_by_func (pilot, sync_card, card);
  g_object_set_data (G_OBJECT (card), "pilot", NULL);
}

static void
column_selection_changed (GtkSingleSelection *selection,
                          GParamSpec         *pspec,
                          Column             *column)
{
  TillitRecord *pilot = gtk_single_selection_get_selected_item (selection);

  if (pilot != NULL)
    g_signal_emit (column->board, signals[PILOT_SELECTED], 0, pilot);
}

static gboolean
column_drop (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             Column        *column)
{
  TillitRecord *pilot = g_value_get_object (value);

  if (pilot == NULL || g_strcmp0 (tillit_record_get_string (pilot, "stage"), column->stage) == 0)
    return FALSE;
  g_signal_emit (column->board, signals[PILOT_DROPPED], 0, pilot, column->stage);
  return TRUE;
}

static void
tillit_pilot_board_dispose (GObject *object)
{
  TillitPilotBoard *self = TILLIT_PILOT_BOARD (object);

  for (guint i = 0; i < TILLIT_PILOT_N_STAGES; i++)
    {
      if (self->columns[i].selection != NULL)
        g_signal_handlers_disconnect_by_data (self->columns[i].selection, &self->columns[i]);
      g_clear_object (&self->columns[i].selection);
      self->columns[i].model = NULL;
      self->columns[i].filter = NULL;
    }
  adw_bin_set_child (ADW_BIN (self), NULL);

  G_OBJECT_CLASS (tillit_pilot_board_parent_class)->dispose (object);
}

static void
tillit_pilot_board_class_init (TillitPilotBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tillit_pilot_board_dispose;

  /**
   * TillitPilotBoard::pilot-selected:
   * @pilot: the pilot whose card was chosen
   */
  signals[PILOT_SELECTED] = g_signal_new ("pilot-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);
  /**
   * TillitPilotBoard::pilot-dropped:
   * @pilot: the pilot whose card was dropped
   * @stage: the nick of the column it was dropped on
   */
  signals[PILOT_DROPPED] = g_signal_new ("pilot-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_OBJECT, G_TYPE_STRING);
}

static void
tillit_pilot_board_init (TillitPilotBoard *self)
{
  const char * const *stages = tillit_pilot_field_nicks ("stage");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  for (guint i = 0; i < TILLIT_PILOT_N_STAGES && stages[i] != NULL; i++)
    {
      Column *column = &self->columns[i];
      GtkWidget *vbox = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *title = gtk_label_new (tillit_pilot_nick_label ("stage", stages[i]));
      GtkWidget *count = gtk_label_new ("0");
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkDropTarget *target = gtk_drop_target_new (TILLIT_TYPE_PILOT, GDK_ACTION_MOVE);

      column->board = self;
      column->stage = stages[i];
      column->filter = gtk_custom_filter_new (in_stage, column, NULL);
      column->model = gtk_filter_list_model_new (NULL, GTK_FILTER (column->filter));
      column->selection = gtk_single_selection_new (G_LIST_MODEL (column->model));
      gtk_single_selection_set_autoselect (column->selection, FALSE);
      gtk_single_selection_set_can_unselect (column->selection, TRUE);
      g_signal_connect (column->selection, "notify::selected", G_CALLBACK (column_selection_changed), column);
      g_signal_connect_swapped (column->model, "items-changed", G_CALLBACK (update_count), column);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_card), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_card), NULL);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card), NULL);
      column->view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
      tillit_set_model_when_mapped (GTK_WIDGET (column->view), GTK_SELECTION_MODEL (column->selection));
      gtk_widget_add_css_class (GTK_WIDGET (column->view), "pilot-column");
      gtk_accessible_update_property (GTK_ACCESSIBLE (column->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tillit_pilot_nick_label ("stage", stages[i]), -1);

      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_widget_set_hexpand (title, TRUE);
      gtk_widget_add_css_class (count, "dim-label");
      gtk_widget_add_css_class (count, "numeric");
      column->count = GTK_LABEL (count);
      gtk_box_append (GTK_BOX (header), title);
      gtk_box_append (GTK_BOX (header), count);
      gtk_widget_set_margin_start (header, 6);
      gtk_widget_set_margin_end (header, 6);

      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (column->view));
      gtk_widget_set_vexpand (scrolled, TRUE);

      g_signal_connect (target, "drop", G_CALLBACK (column_drop), column);
      gtk_widget_add_controller (vbox, GTK_EVENT_CONTROLLER (target));

      gtk_widget_add_css_class (vbox, "pilot-board-column");
      gtk_box_append (GTK_BOX (vbox), header);
      gtk_box_append (GTK_BOX (vbox), scrolled);
      gtk_box_append (GTK_BOX (box), vbox);
    }

  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
tillit_pilot_board_new (void)
{
  return g_object_new (TILLIT_TYPE_PILOT_BOARD, NULL);
}

void
tillit_pilot_board_set_model (TillitPilotBoard *self,
                              GListModel       *pilots)
{
  g_return_if_fail (TILLIT_IS_PILOT_BOARD (self));
  g_return_if_fail (pilots == NULL || G_IS_LIST_MODEL (pilots));

  for (guint i = 0; i < TILLIT_PILOT_N_STAGES; i++)
    gtk_filter_list_model_set_model (self->columns[i].model, pilots);
}

/* A pilot changed stage: the columns check their cards again. */
void
tillit_pilot_board_refresh (TillitPilotBoard *self)
{
  g_return_if_fail (TILLIT_IS_PILOT_BOARD (self));

  for (guint i = 0; i < TILLIT_PILOT_N_STAGES; i++)
    gtk_filter_changed (GTK_FILTER (self->columns[i].filter), GTK_FILTER_CHANGE_DIFFERENT);
}

guint
tillit_pilot_board_n_cards (TillitPilotBoard *self,
                            guint             column)
{
  g_return_val_if_fail (TILLIT_IS_PILOT_BOARD (self), 0);
  g_return_val_if_fail (column < TILLIT_PILOT_N_STAGES, 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->columns[column].model));
}

GtkListView *
tillit_pilot_board_get_column (TillitPilotBoard *self,
                               guint             column)
{
  g_return_val_if_fail (TILLIT_IS_PILOT_BOARD (self), NULL);
  g_return_val_if_fail (column < TILLIT_PILOT_N_STAGES, NULL);

  return self->columns[column].view;
}
