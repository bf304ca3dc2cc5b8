/* tillit-pilots-page.c: the Pilots tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "app/tillit-lazy-list.h"
#include "app/tillit-lazy-page.h"
#include "exchange/tillit-exchange.h"

#include "tillit-pilots-page.h"
#include "tillit-pilot-board.h"
#include "tillit-pilot-chart.h"
#include "tillit-pilot-editor.h"
#include "tillit-pilot-filter.h"
#include "tillit-pilot-labels.h"
#include "tillit-pilot-portfolio.h"

typedef struct
{
  GtkDropDown *dropdown;
  GtkStringList *labels;
  GPtrArray *values;
} Choice;

enum {
  CHOICE_STAGE,
  CHOICE_DECISION,
  CHOICE_OUTCOME,
  CHOICE_UNIT,
  CHOICE_PRINCIPLE,
  CHOICE_ORIGIN,
  N_CHOICES
};

struct _TillitPilotsPage
{
  AdwBin parent_instance;

  TillitStore *store;
  TillitRecord *selected;
  GHashTable *latest;
  GHashTable *latest_labels;
  guint refresh_id;
  guint prepare_id;
  guint prepared;
  gboolean selecting;

  TillitPilotFilter *filter;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkMultiSelection *selection;
  Choice choices[N_CHOICES];

  GtkSearchEntry *search_entry;
  GtkFlowBox *filter_box;
  GtkStack *content_stack;
  GtkStack *view_stack;
  GtkColumnView *column_view;
  TillitPilotBoard *board;
  TillitPilotChart *chart;
  GtkLabel *portfolio_total;
  GtkStack *detail_stack;
  TillitPilotEditor *editor;

  gpointer sort_data;
};

G_DEFINE_FINAL_TYPE (TillitPilotsPage, tillit_pilots_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void select_pilot  (TillitPilotsPage *self,
                           TillitRecord     *pilot);
static void update_export (TillitPilotsPage *self);

/* Column texts */

typedef char *(*CellText) (TillitPilotsPage *self,
                           TillitRecord     *pilot);

static char *
text_title (TillitPilotsPage *self,
            TillitRecord     *pilot)
{
  return g_strdup (tillit_record_get_string (pilot, "title"));
}

static char *
text_unit (TillitPilotsPage *self,
           TillitRecord     *pilot)
{
  const char *uuid = tillit_record_get_string (pilot, "unit");
  TillitRecord *unit = uuid != NULL && self->store != NULL ? tillit_store_lookup (self->store, uuid) : NULL;

  return g_strdup (unit != NULL ? tillit_record_get_string (unit, "name") : "");
}

static char *
text_owner (TillitPilotsPage *self,
            TillitRecord     *pilot)
{
  return g_strdup (tillit_record_get_string (pilot, "owner"));
}

static char *
text_stage (TillitPilotsPage *self,
            TillitRecord     *pilot)
{
  return g_strdup (tillit_pilot_nick_label ("stage", tillit_record_get_string (pilot, "stage")));
}

static char *
text_decision (TillitPilotsPage *self,
               TillitRecord     *pilot)
{
  return g_strdup (tillit_pilot_nick_label ("decision", tillit_record_get_string (pilot, "decision")));
}

static char *
text_outcome (TillitPilotsPage *self,
              TillitRecord     *pilot)
{
  const char *outcome = tillit_record_get_string (pilot, "outcome");

  if (g_strcmp0 (outcome, tillit_pilot_field_nicks ("outcome")[0]) == 0)
    return g_strdup ("");
  return g_strdup (tillit_pilot_nick_label ("outcome", outcome));
}

static char *
text_principles (TillitPilotsPage *self,
                 TillitRecord     *pilot)
{
  const char * const *uuids = tillit_record_get_strv (pilot, "principles");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; uuids != NULL && uuids[i] != NULL && self->store != NULL; i++)
    {
      TillitRecord *principle = tillit_store_lookup (self->store, uuids[i]);

      if (principle == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, tillit_record_get_string (principle, "code") ?: tillit_pilot_principle_name (principle));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
text_latest (TillitPilotsPage *self,
             TillitRecord     *pilot)
{
  return g_strdup (self->latest != NULL ? g_hash_table_lookup (self->latest, tillit_record_get_uuid (pilot)) : NULL);
}

static gboolean
is_ours (TillitPilotsPage *self,
         TillitRecord     *pilot)
{
  const char *origin = tillit_record_get_origin (pilot);
  TillitRecord *ours = self->store != NULL ? tillit_store_get_ours (self->store) : NULL;

  return origin == NULL || ours == NULL || g_strcmp0 (origin, tillit_record_get_uuid (ours)) == 0;
}

static char *
text_origin (TillitPilotsPage *self,
             TillitRecord     *pilot)
{
  TillitRecord *municipality;

  if (is_ours (self, pilot))
    return g_strdup (_("Ours"));
  municipality = tillit_store_lookup (self->store, tillit_record_get_origin (pilot));
  return g_strdup (municipality != NULL ? tillit_record_get_string (municipality, "name") : _("Another municipality"));
}

typedef struct
{
  const char *title;
  CellText text;
  const char *enum_field;
  int width;
} ColumnSpec;

static const ColumnSpec column_specs[] = {
  { N_("Title"), text_title, NULL, 240 },
  { N_("Unit"), text_unit, NULL, 130 },
  { N_("Owner"), text_owner, NULL, 130 },
  { N_("Stage"), text_stage, "stage", 100 },
  { N_("Decision"), text_decision, "decision", 100 },
  { N_("Principles"), text_principles, NULL, 100 },
  { N_("Latest Learning"), text_latest, NULL, 130 },
  { N_("Outcome"), text_outcome, "outcome", 100 },
  { N_("Origin"), text_origin, NULL, 130 },
};

static void
sync_cell (GtkLabel     *label,
           GParamSpec   *pspec,
           TillitRecord *pilot)
{
  TillitPilotsPage *self = g_object_get_data (G_OBJECT (label), "page");
  const ColumnSpec *spec = g_object_get_data (G_OBJECT (label), "spec");
  g_autofree char *text = spec->text (self, pilot);

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);
  TillitPilotsPage *self = g_object_get_data (G_OBJECT (factory), "page");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  g_object_set_data (G_OBJECT (label), "page", self);
  g_object_set_data (G_OBJECT (label), "spec", data);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  data)
{
  TillitPilotsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  GtkWidget *label = gtk_list_item_get_child (item);
  TillitRecord *pilot = gtk_list_item_get_item (item);
  const ColumnSpec *spec = data;

  sync_cell (GTK_LABEL (label), NULL, pilot);
  g_signal_connect_object (pilot, "notify", G_CALLBACK (sync_cell), label, G_CONNECT_SWAPPED);
  if (spec->text == text_latest)
    g_hash_table_insert (self->latest_labels, label, pilot);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  data)
{
  TillitPilotsPage *self = g_object_get_data (G_OBJECT (factory), "page");
  GtkWidget *label = gtk_list_item_get_child (item);
  TillitRecord *pilot = gtk_list_item_get_item (item);

  if (pilot != NULL)
    g_signal_handlers_disconnect_by_func (pilot, sync_cell, label);
  g_hash_table_remove (self->latest_labels, label);
}

typedef struct
{
  TillitPilotsPage *page;
  const ColumnSpec *spec;
  GQuark key_quark;
} SortData;

/* g_utf8_collate() normalises both strings on every comparison, and a
 * sort of 10,000 pilots makes some 130,000: each pilot keeps the
 * collation key of a column's text, for as long as the text is the same. */
typedef struct
{
  char *text;
  char *key;
} SortKey;

static void
sort_key_free (gpointer data)
{
  SortKey *key = data;

  g_free (key->text);
  g_free (key->key);
  g_free (key);
}

static const char *
sort_key (SortData     *sort,
          TillitRecord *pilot)
{
  g_autofree char *text = sort->spec->text (sort->page, pilot);
  SortKey *key = g_object_get_qdata (G_OBJECT (pilot), sort->key_quark);

  if (key != NULL && g_strcmp0 (key->text, text ?: "") == 0)
    return key->key;

  key = g_new0 (SortKey, 1);
  key->text = g_strdup (text ?: "");
  key->key = g_utf8_collate_key (key->text, -1);
  g_object_set_qdata_full (G_OBJECT (pilot), sort->key_quark, key, sort_key_free);
  return key->key;
}

static int
compare_cells (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  SortData *sort = data;

  if (sort->spec->enum_field != NULL)
    {
      const TillitRecordKind *kind = tillit_record_kind_for_type (TILLIT_TYPE_PILOT);
      const TillitField *field = tillit_record_kind_field (kind, tillit_record_kind_find_field (kind, sort->spec->enum_field));
      int ia = tillit_field_enum_index (field, tillit_record_get_string ((TillitRecord *) a, sort->spec->enum_field));
      int ib = tillit_field_enum_index (field, tillit_record_get_string ((TillitRecord *) b, sort->spec->enum_field));

      return (ia > ib) - (ia < ib);
    }

  return strcmp (sort_key (sort, (TillitRecord *) a), sort_key (sort, (TillitRecord *) b));
}

/* Refreshing what depends on more than one record */

static void
update_content (TillitPilotsPage *self)
{
  guint all = self->store != NULL ? g_list_model_get_n_items (tillit_store_list (self->store, TILLIT_TYPE_PILOT)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  update_export (self);

  if (all == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "empty");
  else if (shown == 0)
    gtk_stack_set_visible_child_name (self->content_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->content_stack, "views");
}

static void
update_portfolio (TillitPilotsPage *self)
{
  TillitPilotPortfolio portfolio = { 0 };
  g_autofree char *today = tillit_pilot_today ();
  g_autofree char *total = NULL;

  if (self->store != NULL)
    tillit_pilot_portfolio_compute (&portfolio,
                                    tillit_store_list (self->store, TILLIT_TYPE_PILOT),
                                    tillit_store_list (self->store, TILLIT_TYPE_LEARNING),
                                    tillit_store_list (self->store, TILLIT_TYPE_ADOPTION),
                                    today);
  tillit_pilot_chart_set_portfolio (self->chart, &portfolio);
  total = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pilot in the programme", "%u pilots in the programme",
                                        portfolio.total),
                           portfolio.total);
  gtk_label_set_text (self->portfolio_total, total);
}

static void
update_latest (TillitPilotsPage *self)
{
  GHashTableIter iter;
  gpointer label, pilot;

  g_clear_pointer (&self->latest, g_hash_table_unref);
  if (self->store != NULL)
    self->latest = tillit_pilot_latest_learnings (tillit_store_list (self->store, TILLIT_TYPE_LEARNING));

  g_hash_table_iter_init (&iter, self->latest_labels);
  while (g_hash_table_iter_next (&iter, &label, &pilot))
    sync_cell (label, NULL, pilot);
}

static void
update_actions (TillitPilotsPage *self)
{
  const char *stage = self->selected != NULL ? tillit_record_get_string (self->selected, "stage") : NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilots.new", self->store != NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilots.next-stage",
                                 stage != NULL && tillit_pilot_next_stage (stage) != NULL);
}

/* What depends on more than one pilot. */
static void
update_summaries (TillitPilotsPage *self)
{
  update_latest (self);
  update_portfolio (self);
  update_content (self);
  update_actions (self);
}

static void
refresh_now (TillitPilotsPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  tillit_pilot_filter_refresh (self->filter);
  gtk_sorter_changed (gtk_column_view_get_sorter (self->column_view), GTK_SORTER_CHANGE_DIFFERENT);
  tillit_pilot_board_refresh (self->board);
  update_summaries (self);
}

static gboolean
refresh_idle (gpointer data)
{
  TillitPilotsPage *self = data;

  self->refresh_id = 0;
  refresh_now (self);
  return G_SOURCE_REMOVE;
}

/* Many changes arrive at once (an import, an undo of a group): the views
 * are brought up to date once, when the main loop is idle. */
static void
queue_refresh (TillitPilotsPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

/* Folding every title for the search takes a while with many thousand
 * pilots; it is done a slice at a time while the user reads. */
static gboolean
prepare_search (gpointer data)
{
  TillitPilotsPage *self = data;
  GListModel *pilots = tillit_store_list (self->store, TILLIT_TYPE_PILOT);
  guint n = g_list_model_get_n_items (pilots);
  guint end = MIN (n, self->prepared + 2000);

  for (; self->prepared < end; self->prepared++)
    {
      g_autoptr(GObject) pilot = g_list_model_get_item (pilots, self->prepared);

      tillit_pilot_filter_prepare (pilot);
    }
  if (self->prepared < n)
    return G_SOURCE_CONTINUE;
  self->prepare_id = 0;
  return G_SOURCE_REMOVE;
}

/* Filters */

static void
choice_reset (Choice     *choice,
              const char *all_label)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (choice->labels));

  g_ptr_array_set_size (choice->values, 0);
  gtk_string_list_splice (choice->labels, 0, n, NULL);
  gtk_string_list_append (choice->labels, all_label);
  g_ptr_array_add (choice->values, NULL);
}

static void
choice_add (Choice     *choice,
            const char *label,
            const char *value)
{
  gtk_string_list_append (choice->labels, label);
  g_ptr_array_add (choice->values, g_strdup (value));
}

static const char *
choice_value (Choice *choice)
{
  guint selected = gtk_drop_down_get_selected (choice->dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= choice->values->len)
    return NULL;
  return g_ptr_array_index (choice->values, selected);
}

static void
apply_choices (TillitPilotsPage *self)
{
  const char *origin = choice_value (&self->choices[CHOICE_ORIGIN]);
  TillitRecord *ours = self->store != NULL ? tillit_store_get_ours (self->store) : NULL;

  tillit_pilot_filter_set_nick (self->filter, "stage", choice_value (&self->choices[CHOICE_STAGE]));
  tillit_pilot_filter_set_nick (self->filter, "decision", choice_value (&self->choices[CHOICE_DECISION]));
  tillit_pilot_filter_set_nick (self->filter, "outcome", choice_value (&self->choices[CHOICE_OUTCOME]));
  tillit_pilot_filter_set_unit (self->filter, choice_value (&self->choices[CHOICE_UNIT]));
  tillit_pilot_filter_set_principle (self->filter, choice_value (&self->choices[CHOICE_PRINCIPLE]));
  tillit_pilot_filter_set_origin (self->filter,
                                  origin == NULL ? TILLIT_PILOT_ORIGIN_ANY
                                  : g_str_equal (origin, "ours") ? TILLIT_PILOT_ORIGIN_OURS
                                  : TILLIT_PILOT_ORIGIN_OTHER,
                                  ours != NULL ? tillit_record_get_uuid (ours) : NULL);
  update_content (self);
}

static void
fill_nick_choice (Choice     *choice,
                  const char *field,
                  const char *all_label)
{
  const char * const *nicks = tillit_pilot_field_nicks (field);

  choice_reset (choice, all_label);
  for (guint i = 0; nicks[i] != NULL; i++)
    choice_add (choice, tillit_pilot_nick_label (field, nicks[i]), nicks[i]);
}

static void
rebuild_record_choices (TillitPilotsPage *self)
{
  Choice *units = &self->choices[CHOICE_UNIT];
  Choice *principles = &self->choices[CHOICE_PRINCIPLE];
  g_autofree char *unit = g_strdup (choice_value (units));
  g_autofree char *principle = g_strdup (choice_value (principles));
  GListModel *list;

  choice_reset (units, _("All units"));
  choice_reset (principles, _("All principles"));
  if (self->store != NULL)
    {
      list = tillit_store_list (self->store, TILLIT_TYPE_UNIT);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(TillitRecord) record = g_list_model_get_item (list, i);

          choice_add (units, tillit_record_get_string (record, "name"), tillit_record_get_uuid (record));
        }
      list = tillit_store_list (self->store, TILLIT_TYPE_PRINCIPLE);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(TillitRecord) record = g_list_model_get_item (list, i);

          choice_add (principles, tillit_pilot_principle_name (record), tillit_record_get_uuid (record));
        }
    }

  /* Keep what the user chose when it still exists. */
  for (guint i = 0; i < units->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (units->values, i), unit) == 0)
      gtk_drop_down_set_selected (units->dropdown, i);
  for (guint i = 0; i < principles->values->len; i++)
    if (g_strcmp0 (g_ptr_array_index (principles->values, i), principle) == 0)
      gtk_drop_down_set_selected (principles->dropdown, i);
  apply_choices (self);
}

static void
setup_choice (TillitPilotsPage *self,
              Choice           *choice,
              const char       *accessible_label)
{
  choice->labels = gtk_string_list_new (NULL);
  choice->values = g_ptr_array_new_with_free_func (g_free);
  choice->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choice->labels)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (choice->dropdown), accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice->dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_signal_connect_swapped (choice->dropdown, "notify::selected", G_CALLBACK (apply_choices), self);
  gtk_flow_box_append (self->filter_box, GTK_WIDGET (choice->dropdown));
}

static void
search_changed (GtkSearchEntry   *entry,
                TillitPilotsPage *self)
{
  tillit_pilot_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_content (self);
}

/* Selection */

static void
select_pilot (TillitPilotsPage *self,
              TillitRecord     *pilot)
{
  if (self->selected != pilot)
    {
      g_set_object (&self->selected, pilot);
      tillit_pilot_editor_set_pilot (self->editor, pilot);
      gtk_stack_set_visible_child_name (self->detail_stack, pilot != NULL ? "editor" : "none");
    }
  update_actions (self);
}

static void
update_export (TillitPilotsPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pilots.export",
                                 self->store != NULL && !gtk_bitset_is_empty (selected));
}

/* With several rows selected the editor shows the one just added to the
 * selection, or else the first. */
static void
list_selection_changed (GtkSelectionModel *model,
                        guint              position,
                        guint              n_items,
                        TillitPilotsPage  *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  g_autoptr(TillitRecord) pilot = NULL;
  guint chosen = GTK_INVALID_LIST_POSITION;

  update_export (self);
  if (self->selecting || gtk_bitset_is_empty (selected))
    return;

  for (guint i = position; i < position + n_items && chosen == GTK_INVALID_LIST_POSITION; i++)
    if (gtk_bitset_contains (selected, i))
      chosen = i;
  if (chosen == GTK_INVALID_LIST_POSITION)
    chosen = gtk_bitset_get_minimum (selected);

  pilot = g_list_model_get_item (G_LIST_MODEL (model), chosen);
  select_pilot (self, pilot);
}

static void
board_pilot_selected (TillitPilotBoard *board,
                      TillitRecord     *pilot,
                      TillitPilotsPage *self)
{
  tillit_pilots_page_select (self, pilot);
}

static void
pilot_items_changed (TillitPilotsPage *self)
{
  gboolean present = FALSE;

  if (self->selected != NULL && self->store != NULL)
    present = tillit_store_lookup (self->store, tillit_record_get_uuid (self->selected)) == self->selected;
  if (self->selected != NULL && !present)
    select_pilot (self, NULL);
  queue_refresh (self);
}

/* Moving through the steering procedures */

static gboolean
move_to_stage (TillitPilotsPage *self,
               TillitRecord     *pilot,
               const char       *stage)
{
  g_autofree char *date_field = tillit_pilot_stage_date_field (stage);
  g_autofree char *today = tillit_pilot_today ();
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (date_field != NULL)
    ok = tillit_store_update (self->store, pilot, &error, "stage", stage, date_field, today, NULL);
  else
    ok = tillit_store_update (self->store, pilot, &error, "stage", stage, NULL);

  if (!ok)
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }

  /* Translators: "Moved to Test" */
  message = g_strdup_printf (_("Moved to %s"), tillit_pilot_nick_label ("stage", stage));
  tillit_pilot_show_toast (GTK_WIDGET (self), self->store, message, TRUE);
  refresh_now (self);
  return TRUE;
}

static void
board_pilot_dropped (TillitPilotBoard *board,
                     TillitRecord     *pilot,
                     const char       *stage,
                     TillitPilotsPage *self)
{
  if (self->store != NULL)
    move_to_stage (self, pilot, stage);
}

static void
next_stage_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (widget);
  const char *next;

  if (self->selected == NULL || self->store == NULL)
    return;
  next = tillit_pilot_next_stage (tillit_record_get_string (self->selected, "stage"));
  if (next != NULL)
    move_to_stage (self, self->selected, next);
}

static void
clear_filters (TillitPilotsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  for (guint i = 0; i < N_CHOICES; i++)
    gtk_drop_down_set_selected (self->choices[i].dropdown, 0);
  tillit_pilot_filter_set_search (self->filter, NULL);
  apply_choices (self);
}

static void
clear_filters_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  clear_filters (TILLIT_PILOTS_PAGE (widget));
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (widget);
  g_autofree char *today = tillit_pilot_today ();
  g_autoptr(GError) error = NULL;
  TillitRecord *pilot;

  if (self->store == NULL)
    return;

  pilot = tillit_store_create (self->store, TILLIT_TYPE_PILOT, &error,
                               "title", _("New pilot"),
                               "stage", tillit_pilot_field_nicks ("stage")[0],
                               "identify-date", today,
                               NULL);
  if (pilot == NULL)
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return;
    }

  /* The new pilot must be visible to be edited. */
  clear_filters (self);
  refresh_now (self);
  tillit_pilots_page_select (self, pilot);
}

static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_view_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  tillit_pilots_page_show_view (TILLIT_PILOTS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

/**
 * tillit_pilots_page_export:
 * @file: where to write the exchange file
 *
 * Writes the pilots selected in the list, each with its learnings and
 * adoptions, in the exchange format; without personal data.
 *
 * Returns: %TRUE when the file was written
 */
gboolean
tillit_pilots_page_export (TillitPilotsPage  *self,
                           GFile             *file,
                           GError           **error)
{
  GListModel *shown;
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  g_return_val_if_fail (TILLIT_IS_PILOTS_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  tillit_show_coming_store (GTK_WIDGET (self));
  if (self->store == NULL)
    {
      g_set_error_literal (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_FAILED, _("No programme is open"));
      return FALSE;
    }

  tillit_pilot_editor_flush (self->editor);
  shown = G_LIST_MODEL (self->sorted);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    {
      g_set_error_literal (error, TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_INVALID, _("Select the pilots to export"));
      return FALSE;
    }
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position);
       more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      g_autoptr(TillitRecord) pilot = g_list_model_get_item (shown, position);

      g_ptr_array_add (roots, (gpointer) tillit_record_get_uuid (pilot));
    }
  g_ptr_array_add (roots, NULL);

  return tillit_exchange_export (tillit_store_get_database (self->store), file, NULL,
                                 (const char * const *) roots->pdata, TILLIT_EXCHANGE_EXPORT_NONE,
                                 NULL, NULL, NULL, error);
}

static void
export_file_chosen (GtkNativeDialog  *chooser,
                    int               response,
                    TillitPilotsPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint n = gtk_bitset_get_size (selected);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    return;

  if (!tillit_pilots_page_export (self, file, &error))
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return;
    }
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u pilot", "Exported %u pilots", n), n);
  tillit_pilot_show_toast (GTK_WIDGET (self), NULL, message, FALSE);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Pilots"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("pilots.xml"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
editor_pilot_created (TillitPilotEditor *editor,
                      TillitRecord      *pilot,
                      TillitPilotsPage  *self)
{
  clear_filters (self);
  refresh_now (self);
  tillit_pilots_page_select (self, pilot);
}

/* Public API */

GtkWidget *
tillit_pilots_page_new (TillitStore *store)
{
  g_return_val_if_fail (store == NULL || TILLIT_IS_STORE (store), NULL);

  return g_object_new (TILLIT_TYPE_PILOTS_PAGE, "store", store, NULL);
}

TillitStore *
tillit_pilots_page_get_store (TillitPilotsPage *self)
{
  g_return_val_if_fail (TILLIT_IS_PILOTS_PAGE (self), NULL);

  return tillit_get_coming_store (GTK_WIDGET (self), self->store);
}

static void
disconnect_store (TillitPilotsPage *self)
{
  GType kinds[] = { TILLIT_TYPE_PILOT, TILLIT_TYPE_LEARNING, TILLIT_TYPE_ADOPTION,
                    TILLIT_TYPE_UNIT, TILLIT_TYPE_PRINCIPLE };

  if (self->store == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_signal_handlers_disconnect_by_data (tillit_store_list (self->store, kinds[i]), self);
  g_signal_handlers_disconnect_by_data (self->store, self);
}

static void
show_store (GtkWidget   *widget,
            TillitStore *store)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (widget);

  if (self->store == store)
    return;

  select_pilot (self, NULL);
  disconnect_store (self);
  g_set_object (&self->store, store);
  tillit_pilot_editor_set_store (self->editor, store);

  if (store != NULL)
    {
      g_signal_connect_swapped (tillit_store_list (store, TILLIT_TYPE_PILOT), "items-changed",
                                G_CALLBACK (pilot_items_changed), self);
      g_signal_connect_swapped (tillit_store_list (store, TILLIT_TYPE_LEARNING), "items-changed",
                                G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (tillit_store_list (store, TILLIT_TYPE_ADOPTION), "items-changed",
                                G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (tillit_store_list (store, TILLIT_TYPE_UNIT), "items-changed",
                                G_CALLBACK (rebuild_record_choices), self);
      g_signal_connect_swapped (tillit_store_list (store, TILLIT_TYPE_PRINCIPLE), "items-changed",
                                G_CALLBACK (rebuild_record_choices), self);
      /* An undo or redo changes records in place: the top of the stack
       * changes with every step. */
      g_signal_connect_swapped (store, "notify::undo-label", G_CALLBACK (queue_refresh), self);
      g_signal_connect_swapped (store, "notify::redo-label", G_CALLBACK (queue_refresh), self);
    }

  gtk_filter_list_model_set_model (self->filtered, store != NULL ? tillit_store_list (store, TILLIT_TYPE_PILOT) : NULL);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  self->prepared = 0;
  if (store != NULL)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search, self, NULL);
  rebuild_record_choices (self);
  /* The list, the board and their filters took the new pilots afresh
   * above; sorting and filtering them all again would double the wait
   * on opening a large programme. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  update_summaries (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tillit_pilots_page_set_store:
 *
 * Shows @store's pilots, from when the page is first shown.
 */
void
tillit_pilots_page_set_store (TillitPilotsPage *self,
                              TillitStore      *store)
{
  g_return_if_fail (TILLIT_IS_PILOTS_PAGE (self));
  g_return_if_fail (store == NULL || TILLIT_IS_STORE (store));

  tillit_set_store_when_mapped (GTK_WIDGET (self), self->store, store, show_store);
}

TillitRecord *
tillit_pilots_page_get_selected (TillitPilotsPage *self)
{
  g_return_val_if_fail (TILLIT_IS_PILOTS_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return self->selected;
}

/**
 * tillit_pilots_page_select:
 * @pilot: (nullable): a pilot of the page's store
 *
 * Shows @pilot in the editor and, when the filters let it through,
 * selects its row.
 */
void
tillit_pilots_page_select (TillitPilotsPage *self,
                           TillitRecord     *pilot)
{
  GListModel *sorted;
  guint n;

  g_return_if_fail (TILLIT_IS_PILOTS_PAGE (self));
  g_return_if_fail (pilot == NULL || TILLIT_IS_PILOT (pilot));

  tillit_show_coming_store (GTK_WIDGET (self));
  select_pilot (self, pilot);

  sorted = G_LIST_MODEL (self->sorted);
  n = g_list_model_get_n_items (sorted);
  self->selecting = TRUE;
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; pilot != NULL && i < n; i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (sorted, i);

      if (item == pilot)
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), i, TRUE);
          break;
        }
    }
  self->selecting = FALSE;
  update_export (self);
}

/**
 * tillit_pilots_page_get_shown:
 *
 * Returns: (transfer none): the pilots the filters and the search let
 *   through, in the list's order
 */
GListModel *
tillit_pilots_page_get_shown (TillitPilotsPage *self)
{
  g_return_val_if_fail (TILLIT_IS_PILOTS_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return G_LIST_MODEL (self->sorted);
}

/**
 * tillit_pilots_page_show_view:
 * @view: "list", "board" or "portfolio"
 */
void
tillit_pilots_page_show_view (TillitPilotsPage *self,
                              const char       *view)
{
  g_return_if_fail (TILLIT_IS_PILOTS_PAGE (self));
  g_return_if_fail (view != NULL);

  if (gtk_stack_get_child_by_name (self->view_stack, view) != NULL)
    gtk_stack_set_visible_child_name (self->view_stack, view);
}

/* GObject */

static void
tillit_pilots_page_dispose (GObject *object)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (object);

  if (self->editor != NULL)
    tillit_pilot_editor_flush (self->editor);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  /* Taking the columns down re-sorts and may change the selection. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  disconnect_store (self);
  g_clear_object (&self->store);
  g_clear_object (&self->selected);
  gtk_widget_dispose_template (GTK_WIDGET (self), TILLIT_TYPE_PILOTS_PAGE);

  G_OBJECT_CLASS (tillit_pilots_page_parent_class)->dispose (object);
}

static void
tillit_pilots_page_finalize (GObject *object)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (object);

  for (guint i = 0; i < N_CHOICES; i++)
    {
      g_clear_object (&self->choices[i].labels);
      g_clear_pointer (&self->choices[i].values, g_ptr_array_unref);
    }
  g_clear_object (&self->selection);
  g_clear_pointer (&self->latest, g_hash_table_unref);
  g_clear_pointer (&self->latest_labels, g_hash_table_unref);
  g_free (self->sort_data);

  G_OBJECT_CLASS (tillit_pilots_page_parent_class)->finalize (object);
}

static void
tillit_pilots_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, tillit_pilots_page_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_pilots_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TillitPilotsPage *self = TILLIT_PILOTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tillit_pilots_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_pilots_page_class_init (TillitPilotsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GdkDisplay *display = gdk_display_get_default ();

  object_class->dispose = tillit_pilots_page_dispose;
  object_class->finalize = tillit_pilots_page_finalize;
  object_class->get_property = tillit_pilots_page_get_property;
  object_class->set_property = tillit_pilots_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TILLIT_TYPE_PILOT_BOARD);
  g_type_ensure (TILLIT_TYPE_PILOT_CHART);
  g_type_ensure (TILLIT_TYPE_PILOT_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tillit/Tillit/pilots/tillit-pilots-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, board);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, chart);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, portfolio_total);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotsPage, editor);

  gtk_widget_class_install_action (widget_class, "pilots.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "pilots.next-stage", NULL, next_stage_activated);
  gtk_widget_class_install_action (widget_class, "pilots.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "pilots.clear-filters", NULL, clear_filters_activated);
  gtk_widget_class_install_action (widget_class, "pilots.show-view", "s", show_view_activated);
  gtk_widget_class_install_action (widget_class, "pilots.export", NULL, export_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "pilots.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "pilots.next-stage", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pilots.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_ALT_MASK, "pilots.show-view", "s", "list");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_ALT_MASK, "pilots.show-view", "s", "board");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_ALT_MASK, "pilots.show-view", "s", "portfolio");

  if (display != NULL)
    {
      g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tillit/Tillit/pilots/style.css");
      gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
}

static void
add_columns (TillitPilotsPage *self)
{
  SortData *sort_data = g_new0 (SortData, G_N_ELEMENTS (column_specs));

  self->sort_data = sort_data;
  for (guint i = 0; i < G_N_ELEMENTS (column_specs); i++)
    {
      const ColumnSpec *spec = &column_specs[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *quark_name = g_strdup_printf ("tillit-pilots-sort-key-%u", i);
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      sort_data[i].page = self;
      sort_data[i].spec = spec;
      sort_data[i].key_quark = g_quark_from_string (quark_name);
      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), (gpointer) spec);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), (gpointer) spec);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), (gpointer) spec);

      column = gtk_column_view_column_new (_(spec->title), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, spec->width);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cells, &sort_data[i], NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
tillit_pilots_page_init (TillitPilotsPage *self)
{
  g_autoptr(GtkColumnViewColumn) first = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->latest_labels = g_hash_table_new (NULL, NULL);
  self->filter = tillit_pilot_filter_new ();
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  add_columns (self);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (self->filtered),
                                          g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sorted));
  tillit_set_model_when_mapped (GTK_WIDGET (self->column_view), GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (list_selection_changed), self);
  first = g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);
  gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);

  tillit_pilot_board_set_model (self->board, G_LIST_MODEL (self->filtered));
  g_signal_connect (self->board, "pilot-selected", G_CALLBACK (board_pilot_selected), self);
  g_signal_connect (self->board, "pilot-dropped", G_CALLBACK (board_pilot_dropped), self);

  setup_choice (self, &self->choices[CHOICE_STAGE], _("Filter by stage"));
  setup_choice (self, &self->choices[CHOICE_DECISION], _("Filter by decision"));
  setup_choice (self, &self->choices[CHOICE_OUTCOME], _("Filter by outcome"));
  setup_choice (self, &self->choices[CHOICE_UNIT], _("Filter by unit"));
  setup_choice (self, &self->choices[CHOICE_PRINCIPLE], _("Filter by principle"));
  setup_choice (self, &self->choices[CHOICE_ORIGIN], _("Filter by origin"));
  fill_nick_choice (&self->choices[CHOICE_STAGE], "stage", _("All stages"));
  fill_nick_choice (&self->choices[CHOICE_DECISION], "decision", _("All decisions"));
  fill_nick_choice (&self->choices[CHOICE_OUTCOME], "outcome", _("All outcomes"));
  choice_reset (&self->choices[CHOICE_ORIGIN], _("Ours and others"));
  choice_add (&self->choices[CHOICE_ORIGIN], _("Ours"), "ours");
  choice_add (&self->choices[CHOICE_ORIGIN], _("From other municipalities"), "other");
  rebuild_record_choices (self);

  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect_swapped (self->editor, "edited", G_CALLBACK (refresh_now), self);
  g_signal_connect (self->editor, "pilot-created", G_CALLBACK (editor_pilot_created), self);

  refresh_now (self);
}
