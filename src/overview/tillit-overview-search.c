/* tillit-overview-search.c: search every record of every tool as you type
 *
 * A search bar under the header bar; the results list below it names
 * each record's kind and title, Down moves into it, Enter opens a record
 * in its tool through `win.open-record`, Escape closes the search.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-overview-search.h"
#include "tillit-overview-data.h"

/* More than this is no longer a result but a list: type more. */
#define MAX_RESULTS 50

struct _TillitOverviewSearch
{
  AdwBin parent_instance;

  TillitStore *store;
  TillitOverviewIndex *index;
  guint prepare_id;

  GtkSearchBar *bar;
  GtkSearchEntry *entry;
  GtkRevealer *revealer;
  GtkListBox *results;
  GtkLabel *status;
};

G_DEFINE_FINAL_TYPE (TillitOverviewSearch, tillit_overview_search, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
result_row (TillitOverviewSearch *self,
            TillitRecord         *record)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *kind = gtk_label_new (tillit_overview_kind_label (record));
  g_autofree char *title_text = tillit_overview_record_title (self->store, record);
  g_autofree char *context_text = tillit_overview_record_context (self->store, record);
  g_autofree char *description = NULL;
  GtkWidget *title = gtk_label_new (title_text);

  gtk_widget_add_css_class (kind, "search-kind");
  gtk_widget_add_css_class (kind, "caption");
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (text), title);
  if (context_text != NULL)
    {
      GtkWidget *context = gtk_label_new (context_text);

      gtk_label_set_xalign (GTK_LABEL (context), 0);
      gtk_label_set_ellipsize (GTK_LABEL (context), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (context, "caption");
      gtk_widget_add_css_class (context, "dim-label");
      gtk_box_append (GTK_BOX (text), context);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: a search result read aloud: kind, title */
  description = g_strdup_printf (_("%s: %s"), tillit_overview_kind_label (record), title_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  return row;
}

static void
clear_results (TillitOverviewSearch *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results))) != NULL)
    gtk_list_box_remove (self->results, child);
}

static void
search_changed (GtkSearchEntry       *entry,
                TillitOverviewSearch *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *status = NULL;

  clear_results (self);
  if (self->store == NULL || *query == '\0')
    {
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
      return;
    }

  found = tillit_overview_index_search (self->index, query, MAX_RESULTS + 1);
  for (guint i = 0; i < found->len && i < MAX_RESULTS; i++)
    gtk_list_box_append (self->results, result_row (self, g_ptr_array_index (found, i)));

  if (found->len == 0)
    status = g_strdup (_("Nothing found in any tool"));
  else if (found->len > MAX_RESULTS)
    status = g_strdup_printf (_("The first %d results; type more to narrow them"), MAX_RESULTS);
  else
    status = g_strdup_printf (ngettext ("%u result", "%u results", found->len), found->len);
  gtk_label_set_text (self->status, status);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

static void
open_row (TillitOverviewSearch *self,
          GtkListBoxRow        *row)
{
  g_autoptr(TillitRecord) record = NULL;

  if (row == NULL)
    return;

  record = g_object_ref (g_object_get_data (G_OBJECT (row), "record"));
  gtk_search_bar_set_search_mode (self->bar, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-record", "s", tillit_record_get_uuid (record));
}

static void
row_activated (GtkListBox           *list,
               GtkListBoxRow        *row,
               TillitOverviewSearch *self)
{
  open_row (self, row);
}

/* Enter in the entry opens the first result. */
static void
entry_activated (GtkSearchEntry       *entry,
                 TillitOverviewSearch *self)
{
  open_row (self, gtk_list_box_get_row_at_index (self->results, 0));
}

static gboolean
entry_key_pressed (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TillitOverviewSearch  *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results, 0);

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || first == NULL)
    return GDK_EVENT_PROPAGATE;

  gtk_widget_grab_focus (GTK_WIDGET (first));
  return GDK_EVENT_STOP;
}

/* Escape among the results closes the search, as it does while typing. */
static gboolean
results_key_pressed (GtkEventControllerKey *controller,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     TillitOverviewSearch  *self)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;

  gtk_search_bar_set_search_mode (self->bar, FALSE);
  return GDK_EVENT_STOP;
}

/* Up from the first result goes back to typing. */
static gboolean
results_keynav_failed (GtkWidget            *widget,
                       GtkDirectionType      direction,
                       TillitOverviewSearch *self)
{
  if (direction != GTK_DIR_UP)
    return FALSE;

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  return TRUE;
}

static void
search_mode_changed (GtkSearchBar         *bar,
                     GParamSpec           *pspec,
                     TillitOverviewSearch *self)
{
  if (!gtk_search_bar_get_search_mode (bar))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->entry), "");
      gtk_revealer_set_reveal_child (self->revealer, FALSE);
    }
}

/**
 * tillit_overview_search_start:
 *
 * Shows the search bar and puts the cursor in it, keeping what was typed.
 */
void
tillit_overview_search_start (TillitOverviewSearch *self)
{
  g_return_if_fail (TILLIT_IS_OVERVIEW_SEARCH (self));

  gtk_search_bar_set_search_mode (self->bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

GtkEditable *
tillit_overview_search_get_entry (TillitOverviewSearch *self)
{
  g_return_val_if_fail (TILLIT_IS_OVERVIEW_SEARCH (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GtkListBox *
tillit_overview_search_get_results (TillitOverviewSearch *self)
{
  g_return_val_if_fail (TILLIT_IS_OVERVIEW_SEARCH (self), NULL);

  return self->results;
}

gboolean
tillit_overview_search_get_active (TillitOverviewSearch *self)
{
  g_return_val_if_fail (TILLIT_IS_OVERVIEW_SEARCH (self), FALSE);

  return gtk_search_bar_get_search_mode (self->bar);
}

/* Folding every record's text takes a while in a big programme: done
 * in idle time after opening, the first keystroke finds it ready. */
static gboolean
prepare_index (gpointer data)
{
  TillitOverviewSearch *self = data;

  if (!tillit_overview_index_prepare (self->index, 500))
    return G_SOURCE_CONTINUE;

  self->prepare_id = 0;
  return G_SOURCE_REMOVE;
}

static void
set_store (TillitOverviewSearch *self,
           TillitStore          *store)
{
  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_pointer (&self->index, tillit_overview_index_free);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;

  self->index = tillit_overview_index_new (store);
  self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_index, self, NULL);
}

static void
tillit_overview_search_dispose (GObject *object)
{
  TillitOverviewSearch *self = TILLIT_OVERVIEW_SEARCH (object);

  set_store (self, NULL);

  G_OBJECT_CLASS (tillit_overview_search_parent_class)->dispose (object);
}

static void
tillit_overview_search_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TillitOverviewSearch *self = TILLIT_OVERVIEW_SEARCH (object);

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
tillit_overview_search_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TillitOverviewSearch *self = TILLIT_OVERVIEW_SEARCH (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (self->store != g_value_get_object (value))
        {
          /* Another programme: what was found belongs to the old one. */
          set_store (self, g_value_get_object (value));
          gtk_search_bar_set_search_mode (self->bar, FALSE);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_overview_search_class_init (TillitOverviewSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tillit_overview_search_dispose;
  object_class->get_property = tillit_overview_search_get_property;
  object_class->set_property = tillit_overview_search_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tillit_overview_search_init (TillitOverviewSearch *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *results_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *result_keys = gtk_event_controller_key_new ();

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->entry, "placeholder-text", _("Search all tools"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search all tools"),
                                  -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->entry), TRUE);
  g_signal_connect (self->entry, "search-changed", G_CALLBACK (search_changed), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (entry_activated), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (entry_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), keys);

  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");

  self->results = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->results, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->results), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->results),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search results"), -1);
  g_signal_connect (self->results, "row-activated", G_CALLBACK (row_activated), self);
  g_signal_connect (self->results, "keynav-failed", G_CALLBACK (results_keynav_failed), self);
  g_signal_connect (result_keys, "key-pressed", G_CALLBACK (results_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->results), result_keys);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->results));

  gtk_box_append (GTK_BOX (results_box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (results_box), scrolled);
  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, results_box);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->revealer));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 640);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_widget_set_hexpand (clamp, TRUE);

  self->bar = GTK_SEARCH_BAR (gtk_search_bar_new ());
  gtk_search_bar_set_child (self->bar, clamp);
  gtk_search_bar_connect_entry (self->bar, GTK_EDITABLE (self->entry));
  gtk_search_bar_set_show_close_button (self->bar, TRUE);
  g_signal_connect (self->bar, "notify::search-mode-enabled", G_CALLBACK (search_mode_changed), self);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->bar));
}
