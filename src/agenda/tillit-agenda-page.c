/* tillit-agenda-page.c: the Manager days tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-lazy-page.h"
#include "model/tillit-agenda-format.h"
#include "model/tillit-agenda-item.h"
#include "model/tillit-learning.h"
#include "model/tillit-manager-day.h"
#include "model/tillit-pilot.h"
#include "model/tillit-principle.h"
#include "tillit-agenda-chart.h"
#include "tillit-agenda-day.h"
#include "tillit-agenda-format-bar.h"
#include "tillit-agenda-ics.h"
#include "tillit-agenda-page.h"
#include "tillit-agenda-print.h"
#include "tillit-agenda-timing.h"

struct _TillitAgendaPage
{
  AdwBin parent_instance;

  TillitStore *store;
  TillitRecord *day;
  TillitAgendaDayTiming *timing;

  GtkSortListModel *days;
  GtkCustomFilter *item_filter;
  GtkSingleSelection *items;
  GPtrArray *bound_days;
  GPtrArray *bound_items;
  GPtrArray *watched;
  guint refresh_id;
  gboolean filling;

  GtkStack *stack;
  GtkStack *year_stack;
  GtkListView *day_list;
  TillitAgendaChart *chart;
  GtkLabel *day_heading;
  GtkLabel *summary_label;
  GtkLabel *overrun_label;
  TillitAgendaFormatBar *format_bar;
  GtkLabel *legend_label;
  GtkListView *item_list;
  AdwPreferencesGroup *item_group;
  AdwPreferencesGroup *origin_group;
  AdwActionRow *origin_pilot_row;
  GtkButton *origin_pilot_button;
  GtkLabel *origin_pilot_label;
  AdwActionRow *origin_learning_row;
  GtkButton *origin_learning_button;
  GtkLabel *origin_learning_label;
  AdwEntryRow *item_title_row;
  GtkSpinButton *duration_spin;
  AdwComboRow *format_row;
  AdwComboRow *pilot_row;
  AdwExpanderRow *principles_row;
  GtkStringList *pilot_names;
  GPtrArray *pilot_uuids;
  GPtrArray *principle_checks;
  AdwEntryRow *facilitators_row;
  AdwEntryRow *notes_row;
  AdwEntryRow *outcome_row;
  AdwEntryRow *date_row;
  AdwEntryRow *title_row;
  AdwEntryRow *theme_row;
  AdwEntryRow *venue_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
};

G_DEFINE_FINAL_TYPE (TillitAgendaPage, tillit_agenda_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (TillitAgendaPage *self);
static void on_principle_toggled (TillitAgendaPage *self);

/* Messages */

static void
on_toast_undo (TillitAgendaPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "agenda.undo", NULL);
}

static void
show_toast (TillitAgendaPage *self,
            const char       *title,
            gboolean          can_undo)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  /* Outside a window with an overlay (a test, another host) the change
   * has still been made; there is just nobody to tell. */
  if (overlay == NULL)
    {
      g_debug ("%s", title);
      return;
    }

  toast = adw_toast_new (title);
  if (can_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      /* The toast lives in the window's overlay, outside this page, where
       * the page's own actions cannot be reached by name. */
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo), self, G_CONNECT_SWAPPED);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
show_error (TillitAgendaPage *self,
            GError           *error)
{
  show_toast (self, error->message, FALSE);
}

/* Reading the store */

static const char *
nonempty (const char *text)
{
  return text != NULL && *text != '\0' ? text : NULL;
}

static TillitRecord *
format_of (TillitAgendaPage *self,
           TillitRecord     *item)
{
  const char *uuid = tillit_record_get_string (item, "format");

  return uuid != NULL ? tillit_store_lookup (self->store, uuid) : NULL;
}

static char *
minutes_text (int minutes)
{
  /* Translators: a duration, e.g. "30 min" */
  return g_strdup_printf (_("%d min"), minutes);
}

static char *
day_title (TillitRecord *day)
{
  const char *title = nonempty (tillit_record_get_string (day, "title"));

  return g_strdup (title != NULL ? title : _("Untitled Manager Day"));
}

static double
day_share (TillitAgendaPage *self,
           TillitRecord     *day)
{
  g_autoptr(TillitAgendaDayTiming) timing = tillit_agenda_day_timing (self->store, day);

  return timing->dialogue_share;
}

static char *
share_text (double share)
{
  if (share < 0)
    return g_strdup (_("No agenda yet"));

  /* Translators: the share of a manager day spent in dialogue, e.g. "45 % dialogue" */
  return g_strdup_printf (_("%.0f %% dialogue"), share * 100);
}

/* The year */

static void
fill_day_row (TillitAgendaPage *self,
              GtkListItem      *list_item)
{
  TillitRecord *day = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *date = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (date);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *theme = gtk_widget_get_next_sibling (title);
  GtkWidget *share = gtk_widget_get_next_sibling (texts);
  const char *date_text = nonempty (tillit_record_get_string (day, "date"));
  const char *theme_text = nonempty (tillit_record_get_string (day, "theme"));
  g_autofree char *title_text = day_title (day);
  g_autofree char *share_label = share_text (day_share (self, day));

  /* A day without a date is a template to start new days from. */
  gtk_label_set_label (GTK_LABEL (date), date_text != NULL ? date_text : _("Template"));
  gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (theme), theme_text != NULL ? theme_text : "");
  gtk_widget_set_visible (theme, theme_text != NULL);
  gtk_label_set_label (GTK_LABEL (share), share_label);
}

static void
on_day_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TillitAgendaPage         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *theme = gtk_label_new (NULL);
  GtkWidget *share = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_width_chars (GTK_LABEL (date), 10);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_add_css_class (date, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (theme), 0);
  gtk_label_set_ellipsize (GTK_LABEL (theme), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (theme, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_add_css_class (share, "numeric");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), theme);
  gtk_box_append (GTK_BOX (box), date);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), share);
  gtk_list_item_set_child (list_item, box);
}

static void
on_day_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             TillitAgendaPage         *self)
{
  g_ptr_array_add (self->bound_days, list_item);
  fill_day_row (self, list_item);
}

static void
on_day_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TillitAgendaPage         *self)
{
  g_ptr_array_remove_fast (self->bound_days, list_item);
}

static void
on_day_activate (GtkListView      *list,
                 guint             position,
                 TillitAgendaPage *self)
{
  g_autoptr(TillitRecord) day = g_list_model_get_item (G_LIST_MODEL (self->days), position);

  tillit_agenda_page_show_day (self, day);
}

static void
refresh_year (TillitAgendaPage *self)
{
  GListModel *days = G_LIST_MODEL (self->days);
  guint n = days != NULL ? g_list_model_get_n_items (days) : 0;
  GString *description = g_string_new (NULL);

  gtk_stack_set_visible_child_name (self->year_stack, n > 0 ? "list" : "empty");

  /* A changed date moves its day; the store does not tell the sorter. */
  if (self->days != NULL)
    gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->days), GTK_SORTER_CHANGE_DIFFERENT);

  tillit_agenda_chart_clear (self->chart);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) day = g_list_model_get_item (days, i);
      const char *date = tillit_record_get_string (day, "date");
      double share = day_share (self, day);
      g_autofree char *share_label = share_text (share);

      tillit_agenda_chart_add_day (self->chart, date, share);
      if (date != NULL)
        g_string_append_printf (description, "%s: %s. ", date, share_label);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dialogue share per day"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  g_string_free (description, TRUE);

  for (guint i = 0; i < self->bound_days->len; i++)
    fill_day_row (self, g_ptr_array_index (self->bound_days, i));
}

/* A day's timeline */

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  const char *colour = g_object_get_data (G_OBJECT (area), "colour");
  GdkRGBA rgba;

  if (colour == NULL || !gdk_rgba_parse (&rgba, colour))
    return;

  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
}

/* "Pilot showcase · Anna Berg · Home care teams plan their own week" */
static char *
item_detail (TillitAgendaPage *self,
             TillitRecord     *item,
             TillitRecord     *format)
{
  const char *facilitators = nonempty (tillit_record_get_string (item, "facilitators"));
  const char *pilot_uuid = tillit_record_get_string (item, "pilot");
  TillitRecord *pilot = pilot_uuid != NULL ? tillit_store_lookup (self->store, pilot_uuid) : NULL;
  const char *pilot_title = pilot != NULL ? nonempty (tillit_record_get_string (pilot, "title")) : NULL;
  GString *detail = g_string_new (tillit_agenda_format_name (format));

  if (facilitators != NULL)
    g_string_append_printf (detail, " · %s", facilitators);
  if (pilot_title != NULL)
    g_string_append_printf (detail, " · %s", pilot_title);

  return g_string_free (detail, FALSE);
}

static void
fill_item_row (TillitAgendaPage *self,
               GtkListItem      *list_item)
{
  TillitRecord *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *time = gtk_widget_get_first_child (box);
  GtkWidget *swatch = gtk_widget_get_next_sibling (time);
  GtkWidget *texts = gtk_widget_get_next_sibling (swatch);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (title);
  GtkWidget *outcome = gtk_widget_get_next_sibling (detail);
  GtkWidget *duration = gtk_widget_get_next_sibling (texts);
  TillitRecord *format = format_of (self, item);
  const char *outcome_text = nonempty (tillit_record_get_string (item, "outcome"));
  const char *title_text = nonempty (tillit_record_get_string (item, "title"));
  int start = self->timing != NULL ? tillit_agenda_day_start_of (self->timing, item) : -1;
  g_autofree char *start_text = start >= 0 ? tillit_agenda_time_format (start) : g_strdup ("");
  g_autofree char *minutes = minutes_text (tillit_record_get_int (item, "duration"));
  g_autofree char *detail_text = NULL;
  g_autofree char *accessible = NULL;

  detail_text = item_detail (self, item, format);

  gtk_label_set_label (GTK_LABEL (time), start_text);
  g_object_set_data_full (G_OBJECT (swatch), "colour",
                          g_strdup (format != NULL ? tillit_record_get_string (format, "colour") : NULL),
                          g_free);
  gtk_widget_queue_draw (swatch);
  gtk_label_set_label (GTK_LABEL (title), title_text != NULL ? title_text : _("Untitled item"));
  gtk_label_set_label (GTK_LABEL (detail), detail_text);
  gtk_widget_set_visible (outcome, outcome_text != NULL);
  if (outcome_text != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Outcome: %s"), outcome_text);

      gtk_label_set_label (GTK_LABEL (outcome), text);
    }
  gtk_label_set_label (GTK_LABEL (duration), minutes);

  /* Translators: what a screen reader says for an agenda item: start,
   * title, minutes, format, e.g. "09:00, Welcome, 15 min, Information" */
  accessible = g_strdup_printf (_("%s, %s, %s, %s"), start_text,
                                title_text != NULL ? title_text : _("Untitled item"),
                                minutes, detail_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source,
                 double         x,
                 double         y,
                 GtkListItem   *list_item)
{
  TillitRecord *item = gtk_list_item_get_item (list_item);

  if (item == NULL)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_STRING, tillit_record_get_uuid (item));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         GtkListItem   *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (gtk_widget_get_ancestor (widget, TILLIT_TYPE_AGENDA_PAGE));
  TillitRecord *onto = gtk_list_item_get_item (list_item);
  TillitRecord *dragged;
  g_autoptr(GError) error = NULL;
  guint index;

  if (self == NULL || self->store == NULL || onto == NULL || !G_VALUE_HOLDS_STRING (value))
    return FALSE;

  dragged = tillit_store_lookup (self->store, g_value_get_string (value));
  if (!TILLIT_IS_AGENDA_ITEM (dragged) || dragged == onto ||
      g_strcmp0 (tillit_record_get_string (dragged, "day"), tillit_record_get_string (onto, "day")) != 0 ||
      !g_ptr_array_find (self->timing->items, onto, &index))
    return FALSE;

  if (!tillit_agenda_day_move_item (self->store, dragged, index, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  refresh (self);
  tillit_agenda_page_select_item (self, dragged);
  return TRUE;
}

static void
on_item_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TillitAgendaPage         *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *time = gtk_label_new (NULL);
  GtkWidget *swatch = gtk_drawing_area_new ();
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *outcome = gtk_label_new (NULL);
  GtkWidget *duration = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_widget_add_css_class (time, "agenda-time");
  gtk_label_set_xalign (GTK_LABEL (time), 0);
  gtk_label_set_yalign (GTK_LABEL (time), 0);
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 6);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, NULL, NULL);
  gtk_widget_add_css_class (swatch, "agenda-swatch");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_label_set_xalign (GTK_LABEL (outcome), 0);
  gtk_label_set_wrap (GTK_LABEL (outcome), TRUE);
  gtk_widget_add_css_class (outcome, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_yalign (GTK_LABEL (duration), 0);
  gtk_widget_add_css_class (duration, "numeric");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (texts), outcome);
  gtk_box_append (GTK_BOX (box), time);
  gtk_box_append (GTK_BOX (box), swatch);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), duration);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (on_drag_prepare), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), list_item);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));

  gtk_list_item_set_child (list_item, box);
}

static void
on_item_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              TillitAgendaPage         *self)
{
  g_ptr_array_add (self->bound_items, list_item);
  fill_item_row (self, list_item);
}

static void
on_item_unbind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                TillitAgendaPage         *self)
{
  g_ptr_array_remove_fast (self->bound_items, list_item);
}

static gboolean
item_on_shown_day (gpointer item,
                   gpointer data)
{
  TillitAgendaPage *self = data;

  return self->day != NULL &&
         g_strcmp0 (tillit_record_get_string (item, "day"), tillit_record_get_uuid (self->day)) == 0;
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  /* Leaves a row alone that already shows the value, so a refresh never
   * disturbs the cursor of someone typing in it. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text != NULL ? text : "") == 0)
    return;

  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static guint
format_index (TillitAgendaPage *self,
              TillitRecord     *format)
{
  GListModel *formats = tillit_store_list (self->store, TILLIT_TYPE_AGENDA_FORMAT);
  guint n = g_list_model_get_n_items (formats);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) each = g_list_model_get_item (formats, i);

      if (each == format)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static gboolean
same_names (GListModel *list,
            GPtrArray  *names)
{
  guint n = g_list_model_get_n_items (list);

  if (n + 1 != names->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (list), i), g_ptr_array_index (names, i)) != 0)
      return FALSE;

  return TRUE;
}

static void
fill_pilots (TillitAgendaPage *self,
             TillitRecord     *item)
{
  GListModel *pilots = tillit_store_list (self->store, TILLIT_TYPE_PILOT);
  const char *linked = item != NULL ? tillit_record_get_string (item, "pilot") : NULL;
  guint n_pilots = g_list_model_get_n_items (pilots);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  g_ptr_array_set_size (self->pilot_uuids, 0);
  g_ptr_array_add (self->pilot_uuids, NULL);
  g_ptr_array_add (names, g_strdup (_("None")));
  for (guint i = 0; i < n_pilots; i++)
    {
      g_autoptr(TillitRecord) pilot = g_list_model_get_item (pilots, i);
      const char *title = nonempty (tillit_record_get_string (pilot, "title"));

      if (g_strcmp0 (linked, tillit_record_get_uuid (pilot)) == 0)
        selected = self->pilot_uuids->len;
      g_ptr_array_add (self->pilot_uuids, g_strdup (tillit_record_get_uuid (pilot)));
      g_ptr_array_add (names, g_strdup (title != NULL ? title : _("Untitled pilot")));
    }
  g_ptr_array_add (names, NULL);

  /* An unchanged list is left alone, so an open drop-down stays open. */
  if (!same_names (G_LIST_MODEL (self->pilot_names), names))
    gtk_string_list_splice (self->pilot_names, 0,
                            g_list_model_get_n_items (G_LIST_MODEL (self->pilot_names)),
                            (const char * const *) names->pdata);
  adw_combo_row_set_selected (self->pilot_row, selected);
}

static gboolean
same_principles (TillitAgendaPage *self,
                 GListModel       *principles)
{
  guint n = g_list_model_get_n_items (principles);

  if (n != self->principle_checks->len)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) principle = g_list_model_get_item (principles, i);
      GObject *check = g_ptr_array_index (self->principle_checks, i);

      if (g_strcmp0 (g_object_get_data (check, "uuid"), tillit_record_get_uuid (principle)) != 0)
        return FALSE;
    }

  return TRUE;
}

static void
fill_principles (TillitAgendaPage *self,
                 TillitRecord     *item)
{
  GListModel *principles = tillit_store_list (self->store, TILLIT_TYPE_PRINCIPLE);
  const char * const *chosen = item != NULL ? tillit_record_get_strv (item, "principles") : NULL;
  guint n_chosen = chosen != NULL ? g_strv_length ((char **) chosen) : 0;
  g_autofree char *count = NULL;

  /* Rebuilt only when the principles themselves change, so ticking one
   * keeps the keyboard focus where it is. */
  if (!same_principles (self, principles))
    {
      for (guint i = 0; i < self->principle_checks->len; i++)
        adw_expander_row_remove (self->principles_row,
                                 gtk_widget_get_ancestor (g_ptr_array_index (self->principle_checks, i),
                                                          ADW_TYPE_ACTION_ROW));
      g_ptr_array_set_size (self->principle_checks, 0);

      for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
        {
          g_autoptr(TillitRecord) principle = g_list_model_get_item (principles, i);
          const char *name = tillit_agenda_localized_name (principle);
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *check = gtk_check_button_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : "");
          gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name != NULL ? name : "", -1);
          g_object_set_data_full (G_OBJECT (check), "uuid", g_strdup (tillit_record_get_uuid (principle)), g_free);
          g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_principle_toggled), self);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
          adw_expander_row_add_row (self->principles_row, row);
          g_ptr_array_add (self->principle_checks, check);
        }
    }

  for (guint i = 0; i < self->principle_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->principle_checks, i);
      const char *uuid = g_object_get_data (G_OBJECT (check), "uuid");

      gtk_check_button_set_active (check, chosen != NULL && g_strv_contains (chosen, uuid));
    }

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u principle", "%u principles", n_chosen), n_chosen);
  adw_expander_row_set_subtitle (self->principles_row, count);
}

/* Where the item came from: the pilot it presents and the learning it
 * shares, each a link that opens the record through the window. */
static void
fill_origin (TillitAgendaPage *self,
             TillitRecord     *item)
{
  const char *pilot_uuid = item != NULL ? tillit_record_get_string (item, "pilot") : NULL;
  const char *learning_uuid = item != NULL ? tillit_record_get_string (item, "learning") : NULL;
  TillitRecord *pilot = pilot_uuid != NULL ? tillit_store_lookup (self->store, pilot_uuid) : NULL;
  TillitRecord *learning = learning_uuid != NULL ? tillit_store_lookup (self->store, learning_uuid) : NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->origin_group), pilot != NULL || learning != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->origin_pilot_row), pilot != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->origin_learning_row), learning != NULL);

  if (pilot != NULL)
    {
      const char *title = nonempty (tillit_record_get_string (pilot, "title"));

      gtk_label_set_text (self->origin_pilot_label, title != NULL ? title : _("Untitled pilot"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->origin_pilot_button), "s", pilot_uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->origin_pilot_button), "win.open-record");
    }
  if (learning != NULL)
    {
      g_autofree char *headline = tillit_learning_dup_headline (learning, 60);

      gtk_label_set_text (self->origin_learning_label, *headline != '\0' ? headline : _("A learning"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->origin_learning_button),
                                   tillit_record_get_string (learning, "text"));
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->origin_learning_button), "s", learning_uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->origin_learning_button), "win.open-record");
    }
}

static void
fill_editors (TillitAgendaPage *self)
{
  TillitRecord *item = tillit_agenda_page_get_selected_item (self);

  self->filling = TRUE;

  set_entry (self->date_row, tillit_record_get_string (self->day, "date"));
  set_entry (self->title_row, tillit_record_get_string (self->day, "title"));
  set_entry (self->theme_row, tillit_record_get_string (self->day, "theme"));
  set_entry (self->venue_row, tillit_record_get_string (self->day, "venue"));
  set_entry (self->start_row, tillit_record_get_string (self->day, "start-time"));
  set_entry (self->end_row, tillit_record_get_string (self->day, "planned-end"));

  gtk_widget_set_sensitive (GTK_WIDGET (self->item_group), item != NULL);
  set_entry (self->item_title_row, item != NULL ? tillit_record_get_string (item, "title") : NULL);
  set_entry (self->facilitators_row, item != NULL ? tillit_record_get_string (item, "facilitators") : NULL);
  set_entry (self->notes_row, item != NULL ? tillit_record_get_string (item, "notes") : NULL);
  set_entry (self->outcome_row, item != NULL ? tillit_record_get_string (item, "outcome") : NULL);
  gtk_spin_button_set_value (self->duration_spin, item != NULL ? tillit_record_get_int (item, "duration") : 0);
  adw_combo_row_set_selected (self->format_row,
                              item != NULL ? format_index (self, format_of (self, item)) : GTK_INVALID_LIST_POSITION);
  fill_pilots (self, item);
  fill_principles (self, item);
  fill_origin (self, item);

  self->filling = FALSE;
}

static void
refresh_legend (TillitAgendaPage *self)
{
  g_autoptr(GArray) minutes = tillit_agenda_day_minutes_per_format (self->store, self->day);
  GString *legend = g_string_new (NULL);

  tillit_agenda_format_bar_clear (self->format_bar);
  for (guint i = 0; i < minutes->len; i++)
    {
      TillitAgendaFormatMinutes *entry = &g_array_index (minutes, TillitAgendaFormatMinutes, i);
      TillitRecord *format = entry->format != NULL ? tillit_store_lookup (self->store, entry->format) : NULL;
      const char *colour = format != NULL ? tillit_record_get_string (format, "colour") : NULL;
      g_autofree char *amount = minutes_text (entry->minutes);
      g_autofree char *name = g_markup_escape_text (tillit_agenda_format_name (format), -1);

      tillit_agenda_format_bar_add_segment (self->format_bar, colour, entry->minutes);
      if (legend->len > 0)
        g_string_append (legend, "    ");
      if (colour != NULL && gdk_rgba_parse (&(GdkRGBA) { 0 }, colour))
        g_string_append_printf (legend, "<span foreground=\"%s\">●</span> ", colour);
      g_string_append_printf (legend, "%s %s", name, amount);
    }

  gtk_label_set_markup (self->legend_label, legend->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->format_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Minutes per format"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self->legend_label), legend->len > 0);
  g_string_free (legend, TRUE);
}

static void on_record_notify (TillitAgendaPage *self);

static void
watch_records (TillitAgendaPage *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->watched, i), on_record_notify, self);
  g_ptr_array_set_size (self->watched, 0);

  if (self->day == NULL)
    return;

  /* Undo and import change records in place; the day and its items are
   * few, so every one of them is watched. */
  g_ptr_array_add (self->watched, g_object_ref (self->day));
  for (guint i = 0; i < self->timing->items->len; i++)
    g_ptr_array_add (self->watched, g_object_ref (g_ptr_array_index (self->timing->items, i)));
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_connect_swapped (g_ptr_array_index (self->watched, i), "notify",
                              G_CALLBACK (on_record_notify), self);
}

static void
refresh_day (TillitAgendaPage *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *share = NULL;
  const char *date;

  g_clear_pointer (&self->timing, tillit_agenda_day_timing_free);
  if (self->day == NULL)
    {
      watch_records (self);
      return;
    }

  self->timing = tillit_agenda_day_timing (self->store, self->day);
  watch_records (self);

  date = nonempty (tillit_record_get_string (self->day, "date"));
  heading = day_title (self->day);
  if (date != NULL)
    {
      g_autofree char *title = g_steal_pointer (&heading);

      heading = g_strdup_printf ("%s · %s", title, date);
    }
  gtk_label_set_label (self->day_heading, heading);

  start = tillit_agenda_time_format (self->timing->start);
  end = tillit_agenda_time_format (self->timing->end);
  share = share_text (self->timing->dialogue_share);
  if (self->timing->planned_end >= 0)
    {
      g_autofree char *planned = tillit_agenda_time_format (self->timing->planned_end);

      /* Translators: start and end of the agenda, the planned end and the
       * dialogue share, e.g. "09:00–15:30 · planned end 16:00 · 45 % dialogue" */
      summary = g_strdup_printf (_("%s–%s · planned end %s · %s"), start, end, planned, share);
    }
  else
    /* Translators: start and end of the agenda and the dialogue share */
    summary = g_strdup_printf (_("%s–%s · %s"), start, end, share);
  gtk_label_set_label (self->summary_label, summary);

  gtk_widget_set_visible (GTK_WIDGET (self->overrun_label), self->timing->overrun > 0);
  if (self->timing->overrun > 0)
    {
      g_autofree char *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "The agenda runs %d minute past the planned end.",
                                                               "The agenda runs %d minutes past the planned end.",
                                                               self->timing->overrun),
                                                  self->timing->overrun);

      gtk_label_set_label (self->overrun_label, warning);
    }

  refresh_legend (self);

  for (guint i = 0; i < self->bound_items->len; i++)
    fill_item_row (self, g_ptr_array_index (self->bound_items, i));

  fill_editors (self);
}

static void
update_actions (TillitAgendaPage *self)
{
  gboolean has_store = self->store != NULL;
  gboolean has_day = has_store && self->day != NULL;
  guint n_days = self->days != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->days)) : 0;
  guint selected = gtk_single_selection_get_selected (self->items);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  gboolean has_item = has_day && selected != GTK_INVALID_LIST_POSITION;
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "agenda.new-day", has_store);
  gtk_widget_action_set_enabled (widget, "agenda.copy-previous", n_days > 0);
  gtk_widget_action_set_enabled (widget, "agenda.export-calendar", n_days > 0);
  gtk_widget_action_set_enabled (widget, "agenda.show-year", has_day);
  gtk_widget_action_set_enabled (widget, "agenda.copy-day", has_day);
  gtk_widget_action_set_enabled (widget, "agenda.save-template", has_day);
  gtk_widget_action_set_enabled (widget, "agenda.delete-day", has_day);
  gtk_widget_action_set_enabled (widget, "agenda.print", has_day);
  gtk_widget_action_set_enabled (widget, "agenda.export-pdf", has_day);
  gtk_widget_action_set_enabled (widget, "agenda.add-item", has_day);
  gtk_widget_action_set_enabled (widget, "agenda.delete-item", has_item);
  gtk_widget_action_set_enabled (widget, "agenda.move-up", has_item && selected > 0);
  gtk_widget_action_set_enabled (widget, "agenda.move-down", has_item && selected + 1 < n_items);
  gtk_widget_action_set_enabled (widget, "agenda.undo", has_store && tillit_store_get_can_undo (self->store));
}

static void
refresh (TillitAgendaPage *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  /* The shown day may have gone (deleted here, undone elsewhere). */
  if (self->day != NULL &&
      (self->store == NULL || tillit_store_lookup (self->store, tillit_record_get_uuid (self->day)) != self->day))
    {
      g_clear_object (&self->day);
      gtk_filter_changed (GTK_FILTER (self->item_filter), GTK_FILTER_CHANGE_DIFFERENT);
      gtk_stack_set_visible_child_name (self->stack, "year");
    }

  if (self->store != NULL)
    {
      refresh_year (self);
      refresh_day (self);
    }
  update_actions (self);
}

static gboolean
refresh_idle (gpointer data)
{
  TillitAgendaPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (an import, a copied day, undo of a group):
 * one refresh after the burst is enough. */
static void
schedule_refresh (TillitAgendaPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
on_record_notify (TillitAgendaPage *self)
{
  schedule_refresh (self);
}

static void
on_list_changed (GListModel       *list,
                 guint             position,
                 guint             removed,
                 guint             added,
                 TillitAgendaPage *self)
{
  schedule_refresh (self);
}

static void
on_selection_changed (TillitAgendaPage *self)
{
  if (self->day != NULL)
    fill_editors (self);
  update_actions (self);
}

/* Public API */

TillitRecord *
tillit_agenda_page_get_day (TillitAgendaPage *self)
{
  g_return_val_if_fail (TILLIT_IS_AGENDA_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return self->day;
}

/**
 * tillit_agenda_page_show_day:
 * @day: (nullable): a #TillitManagerDay, or %NULL for the year
 */
void
tillit_agenda_page_show_day (TillitAgendaPage *self,
                             TillitRecord     *day)
{
  g_return_if_fail (TILLIT_IS_AGENDA_PAGE (self));
  g_return_if_fail (day == NULL || TILLIT_IS_MANAGER_DAY (day));

  tillit_show_coming_store (GTK_WIDGET (self));
  g_set_object (&self->day, day);
  gtk_filter_changed (GTK_FILTER (self->item_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_stack_set_visible_child_name (self->stack, day != NULL ? "day" : "year");
  refresh (self);
}

TillitRecord *
tillit_agenda_page_get_selected_item (TillitAgendaPage *self)
{
  g_return_val_if_fail (TILLIT_IS_AGENDA_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return gtk_single_selection_get_selected_item (self->items);
}

void
tillit_agenda_page_select_item (TillitAgendaPage *self,
                                TillitRecord     *item)
{
  GListModel *items;

  g_return_if_fail (TILLIT_IS_AGENDA_PAGE (self));

  tillit_show_coming_store (GTK_WIDGET (self));
  items = G_LIST_MODEL (self->items);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TillitRecord) each = g_list_model_get_item (items, i);

      if (each == item)
        {
          gtk_single_selection_set_selected (self->items, i);
          gtk_widget_activate_action (GTK_WIDGET (self->item_list), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

/* Editing */

static void
on_item_entry_apply (AdwEntryRow      *row,
                     TillitAgendaPage *self)
{
  TillitRecord *item = tillit_agenda_page_get_selected_item (self);
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  const char *text = nonempty (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;

  if (self->filling || item == NULL || g_strcmp0 (text, tillit_record_get_string (item, field)) == 0)
    return;

  if (!tillit_store_update (self->store, item, &error, field, text, NULL))
    show_error (self, error);
  refresh (self);
}

static void
on_day_entry_apply (AdwEntryRow      *row,
                    TillitAgendaPage *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  const char *text = nonempty (gtk_editable_get_text (GTK_EDITABLE (row)));
  g_autoptr(GError) error = NULL;

  if (self->filling || self->day == NULL || g_strcmp0 (text, tillit_record_get_string (self->day, field)) == 0)
    return;

  if (!tillit_store_update (self->store, self->day, &error, field, text, NULL))
    show_error (self, error);
  refresh (self);
}

static void
on_duration_changed (GtkSpinButton    *spin,
                     TillitAgendaPage *self)
{
  TillitRecord *item = tillit_agenda_page_get_selected_item (self);
  int minutes = gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;

  if (self->filling || item == NULL || minutes == tillit_record_get_int (item, "duration"))
    return;

  if (!tillit_store_update (self->store, item, &error, "duration", minutes, NULL))
    show_error (self, error);
  refresh (self);
}

static void
on_format_selected (AdwComboRow      *row,
                    GParamSpec       *pspec,
                    TillitAgendaPage *self)
{
  TillitRecord *item = tillit_agenda_page_get_selected_item (self);
  TillitRecord *format = adw_combo_row_get_selected_item (row);
  g_autoptr(GError) error = NULL;

  if (self->filling || item == NULL || format == NULL || format == format_of (self, item))
    return;

  if (!tillit_store_update (self->store, item, &error, "format", tillit_record_get_uuid (format), NULL))
    show_error (self, error);
  refresh (self);
}

static void
on_pilot_selected (AdwComboRow      *row,
                   GParamSpec       *pspec,
                   TillitAgendaPage *self)
{
  TillitRecord *item = tillit_agenda_page_get_selected_item (self);
  guint selected = adw_combo_row_get_selected (row);
  const char *uuid;
  g_autoptr(GError) error = NULL;

  if (self->filling || item == NULL || selected >= self->pilot_uuids->len)
    return;

  uuid = g_ptr_array_index (self->pilot_uuids, selected);
  if (g_strcmp0 (uuid, tillit_record_get_string (item, "pilot")) == 0)
    return;

  if (!tillit_store_update (self->store, item, &error, "pilot", uuid, NULL))
    show_error (self, error);
  refresh (self);
}

static void
on_principle_toggled (TillitAgendaPage *self)
{
  TillitRecord *item = tillit_agenda_page_get_selected_item (self);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) chosen = NULL;
  g_autoptr(GError) error = NULL;

  if (self->filling || item == NULL)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->principle_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->principle_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (check), "uuid"));
    }
  chosen = g_strv_builder_end (builder);

  if (!tillit_store_update (self->store, item, &error, "principles", chosen, NULL))
    show_error (self, error);
  refresh (self);
}

static char *
format_label (TillitRecord *format)
{
  return g_strdup (tillit_agenda_format_name (format));
}

/* Actions */

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
new_day_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  g_autofree char *date = today ();
  g_autoptr(GError) error = NULL;
  TillitRecord *day;

  day = tillit_store_create (self->store, TILLIT_TYPE_MANAGER_DAY, &error,
                             "date", date,
                             "title", _("Manager Day"),
                             "start-time", "09:00",
                             "planned-end", "16:00",
                             NULL);
  if (day == NULL)
    {
      show_error (self, error);
      return;
    }

  tillit_agenda_page_show_day (self, day);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/* The latest day with a date, or the latest made. */
static TillitRecord *
previous_day (TillitAgendaPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->days));

  if (n == 0)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->days), n - 1);
}

/* A copy is for the next time: a week after a day still to come, today
 * after one that has been. */
static char *
copy_date (TillitRecord *source)
{
  const char *date = tillit_record_get_string (source, "date");
  g_autofree char *now = today ();
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) week_later = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL || g_strcmp0 (date, now) < 0)
    return g_steal_pointer (&now);

  iso = g_strconcat (date, "T00:00:00Z", NULL);
  day = g_date_time_new_from_iso8601 (iso, NULL);
  if (day == NULL)
    return g_steal_pointer (&now);
  week_later = g_date_time_add_days (day, 7);

  return g_date_time_format (week_later, "%Y-%m-%d");
}

static void
copy (TillitAgendaPage *self,
      TillitRecord     *source)
{
  g_autofree char *date = copy_date (source);
  g_autoptr(GError) error = NULL;
  TillitRecord *day = tillit_agenda_day_copy (self->store, source, date, &error);

  if (day == NULL)
    {
      show_error (self, error);
      refresh (self);
      return;
    }

  tillit_agenda_page_show_day (self, day);
  show_toast (self, _("Day copied without its outcomes"), TRUE);
}

static void
copy_previous_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  g_autoptr(TillitRecord) source = previous_day (self);

  if (source != NULL)
    copy (self, source);
}

static void
copy_day_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  g_autoptr(TillitRecord) source = g_object_ref (self->day);

  copy (self, source);
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (tillit_agenda_day_copy (self->store, self->day, NULL, &error) == NULL)
    show_error (self, error);
  else
    show_toast (self, _("Saved as a template: open it and copy it to start a new day"), TRUE);
  refresh (self);
}

static void
show_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  tillit_agenda_page_show_day (TILLIT_AGENDA_PAGE (widget), NULL);
}

static void
delete_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!tillit_store_delete (self->store, self->day, &error))
    {
      show_error (self, error);
      return;
    }

  tillit_agenda_page_show_day (self, NULL);
  show_toast (self, _("Manager day deleted"), TRUE);
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  GListModel *formats = tillit_store_list (self->store, TILLIT_TYPE_AGENDA_FORMAT);
  g_autoptr(TillitRecord) format = g_list_model_get_item (formats, 0);
  g_autoptr(GError) error = NULL;
  TillitRecord *item;

  item = tillit_store_create (self->store, TILLIT_TYPE_AGENDA_ITEM, &error,
                              "day", tillit_record_get_uuid (self->day),
                              "title", _("New item"),
                              "duration", 15,
                              "format", format != NULL ? tillit_record_get_uuid (format) : NULL,
                              NULL);
  if (item == NULL)
    {
      show_error (self, error);
      return;
    }

  refresh (self);
  tillit_agenda_page_select_item (self, item);
  gtk_widget_grab_focus (GTK_WIDGET (self->item_title_row));
}

static void
delete_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  TillitRecord *item = tillit_agenda_page_get_selected_item (self);
  g_autoptr(GError) error = NULL;

  if (item == NULL)
    return;

  if (!tillit_store_delete (self->store, item, &error))
    show_error (self, error);
  else
    show_toast (self, _("Agenda item removed"), TRUE);
  refresh (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  g_autoptr(TillitRecord) item = NULL;
  guint selected = gtk_single_selection_get_selected (self->items);
  gboolean up = g_str_equal (action_name, "agenda.move-up");
  g_autoptr(GError) error = NULL;

  if (selected == GTK_INVALID_LIST_POSITION || (up && selected == 0))
    return;

  item = g_object_ref (gtk_single_selection_get_selected_item (self->items));
  /* The index counts the moved item itself: down past the next one is
   * two along. */
  if (!tillit_agenda_day_move_item (self->store, item, up ? selected - 1 : selected + 1, &error))
    show_error (self, error);

  refresh (self);
  tillit_agenda_page_select_item (self, item);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!tillit_store_undo (self->store, &error))
    show_error (self, error);
  refresh (self);
}

static GtkWindow *
parent_window (TillitAgendaPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = tillit_agenda_print_operation_new (self->store, self->day);
  g_autoptr(GError) error = NULL;

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               parent_window (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error (self, error);
}

typedef enum
{
  SAVE_PDF,
  SAVE_CALENDAR,
} SaveKind;

static void
on_save_response (GtkNativeDialog  *dialog,
                  int               response,
                  TillitAgendaPage *self)
{
  SaveKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "kind"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (kind == SAVE_CALENDAR)
        ok = tillit_agenda_ics_write (self->store, file, &error);
      else if (self->day != NULL)
        {
          g_autofree char *path = g_file_get_path (file);

          ok = tillit_agenda_print_export_pdf (self->store, self->day, path, &error);
        }

      if (!ok)
        show_error (self, error);
      else
        show_toast (self, kind == SAVE_CALENDAR ? _("Calendar exported") : _("PDF exported"), FALSE);
    }

  g_object_unref (dialog);
}

static void
save_as (TillitAgendaPage *self,
         SaveKind          kind)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (kind == SAVE_CALENDAR)
    {
      dialog = gtk_file_chooser_native_new (_("Export Calendar"), parent_window (self),
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
      gtk_file_filter_set_name (filter, _("iCalendar files"));
      gtk_file_filter_add_mime_type (filter, "text/calendar");
      gtk_file_filter_add_suffix (filter, "ics");
      /* Translators: the suggested file name of the exported calendar */
      name = g_strdup_printf ("%s.ics", _("manager-days"));
    }
  else
    {
      g_autofree char *title = day_title (self->day);

      dialog = gtk_file_chooser_native_new (_("Export PDF"), parent_window (self),
                                            GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), NULL);
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      name = g_strdup_printf ("%s.pdf", title);
    }

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  save_as (TILLIT_AGENDA_PAGE (widget), SAVE_PDF);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  save_as (TILLIT_AGENDA_PAGE (widget), SAVE_CALENDAR);
}

/* The store */

static void
disconnect_store (TillitAgendaPage *self)
{
  GType types[] = { TILLIT_TYPE_MANAGER_DAY, TILLIT_TYPE_AGENDA_ITEM, TILLIT_TYPE_AGENDA_FORMAT,
                    TILLIT_TYPE_PILOT, TILLIT_TYPE_PRINCIPLE };

  if (self->store == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    g_signal_handlers_disconnect_by_func (tillit_store_list (self->store, types[i]), on_list_changed, self);
  g_signal_handlers_disconnect_by_func (self->store, update_actions, self);
}

/* Templates (no date) first, then the days in date order; ISO dates sort
 * as strings. */
static int
compare_dates (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  int cmp = g_strcmp0 (tillit_record_get_string ((TillitRecord *) a, "date"),
                       tillit_record_get_string ((TillitRecord *) b, "date"));

  return cmp < 0 ? GTK_ORDERING_SMALLER : cmp > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

TillitStore *
tillit_agenda_page_get_store (TillitAgendaPage *self)
{
  g_return_val_if_fail (TILLIT_IS_AGENDA_PAGE (self), NULL);

  return tillit_get_coming_store (GTK_WIDGET (self), self->store);
}

static void
show_store (GtkWidget   *widget,
            TillitStore *store)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (widget);
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkSorter *sorter;
  GType types[] = { TILLIT_TYPE_MANAGER_DAY, TILLIT_TYPE_AGENDA_ITEM, TILLIT_TYPE_AGENDA_FORMAT,
                    TILLIT_TYPE_PILOT, TILLIT_TYPE_PRINCIPLE };

  if (self->store == store)
    return;

  disconnect_store (self);
  g_set_object (&self->store, store);
  g_clear_object (&self->day);

  /* The store keeps days in the order they were made. */
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_dates, NULL, NULL));
  g_clear_object (&self->days);
  self->days = gtk_sort_list_model_new (store != NULL ? g_object_ref (tillit_store_list (store, TILLIT_TYPE_MANAGER_DAY)) : NULL,
                                        sorter);
  gtk_list_view_set_model (self->day_list, GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->days)))));

  filtered = gtk_filter_list_model_new (store != NULL ? g_object_ref (tillit_store_list (store, TILLIT_TYPE_AGENDA_ITEM)) : NULL,
                                        g_object_ref (GTK_FILTER (self->item_filter)));
  sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (TILLIT_TYPE_AGENDA_ITEM, NULL, "position")));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered), sorter);
  gtk_single_selection_set_model (self->items, G_LIST_MODEL (sorted));
  g_object_unref (sorted);

  adw_combo_row_set_model (self->format_row, store != NULL ? tillit_store_list (store, TILLIT_TYPE_AGENDA_FORMAT) : NULL);

  if (store != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (types); i++)
        g_signal_connect (tillit_store_list (store, types[i]), "items-changed", G_CALLBACK (on_list_changed), self);
      g_signal_connect_swapped (store, "notify::can-undo", G_CALLBACK (update_actions), self);
    }

  gtk_stack_set_visible_child_name (self->stack, "year");
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tillit_agenda_page_set_store:
 *
 * Shows @store's manager days, from when the page is first shown.
 */
void
tillit_agenda_page_set_store (TillitAgendaPage *self,
                              TillitStore      *store)
{
  g_return_if_fail (TILLIT_IS_AGENDA_PAGE (self));
  g_return_if_fail (store == NULL || TILLIT_IS_STORE (store));

  tillit_set_store_when_mapped (GTK_WIDGET (self), self->store, store, show_store);
}

GtkWidget *
tillit_agenda_page_new (TillitStore *store)
{
  return g_object_new (TILLIT_TYPE_AGENDA_PAGE, "store", store, NULL);
}

/* GObject */

static void
tillit_agenda_page_dispose (GObject *object)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  disconnect_store (self);
  if (self->watched != NULL)
    {
      g_clear_object (&self->day);
      watch_records (self);
    }
  g_clear_object (&self->store);
  g_clear_object (&self->days);
  g_clear_object (&self->items);
  g_clear_object (&self->item_filter);
  g_clear_object (&self->pilot_names);
  g_clear_pointer (&self->timing, tillit_agenda_day_timing_free);

  G_OBJECT_CLASS (tillit_agenda_page_parent_class)->dispose (object);
}

static void
tillit_agenda_page_finalize (GObject *object)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (object);

  g_ptr_array_unref (self->bound_days);
  g_ptr_array_unref (self->bound_items);
  g_ptr_array_unref (self->watched);
  g_ptr_array_unref (self->pilot_uuids);
  g_ptr_array_unref (self->principle_checks);

  G_OBJECT_CLASS (tillit_agenda_page_parent_class)->finalize (object);
}

static void
tillit_agenda_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, tillit_agenda_page_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_agenda_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TillitAgendaPage *self = TILLIT_AGENDA_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tillit_agenda_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) provider = NULL;

  if (display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/tillit/Tillit/agenda/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
tillit_agenda_page_class_init (TillitAgendaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tillit_agenda_page_dispose;
  object_class->finalize = tillit_agenda_page_finalize;
  object_class->get_property = tillit_agenda_page_get_property;
  object_class->set_property = tillit_agenda_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TILLIT_TYPE_AGENDA_CHART);
  g_type_ensure (TILLIT_TYPE_AGENDA_FORMAT_BAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tillit/Tillit/agenda/tillit-agenda-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, year_stack);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, day_list);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, chart);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, day_heading);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, overrun_label);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, format_bar);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, legend_label);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, item_list);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, item_group);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, origin_group);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, origin_pilot_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, origin_pilot_button);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, origin_pilot_label);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, origin_learning_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, origin_learning_button);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, origin_learning_label);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, item_title_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, duration_spin);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, format_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, pilot_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, principles_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, facilitators_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, notes_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, title_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, theme_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, venue_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, start_row);
  gtk_widget_class_bind_template_child (widget_class, TillitAgendaPage, end_row);

  gtk_widget_class_install_action (widget_class, "agenda.new-day", NULL, new_day_action);
  gtk_widget_class_install_action (widget_class, "agenda.copy-previous", NULL, copy_previous_action);
  gtk_widget_class_install_action (widget_class, "agenda.copy-day", NULL, copy_day_action);
  gtk_widget_class_install_action (widget_class, "agenda.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "agenda.show-year", NULL, show_year_action);
  gtk_widget_class_install_action (widget_class, "agenda.delete-day", NULL, delete_day_action);
  gtk_widget_class_install_action (widget_class, "agenda.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.delete-item", NULL, delete_item_action);
  gtk_widget_class_install_action (widget_class, "agenda.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "agenda.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "agenda.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "agenda.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "agenda.export-calendar", NULL, export_calendar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "agenda.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "agenda.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "agenda.print", NULL);

  load_style ();
}

static void
connect_entry (TillitAgendaPage *self,
               AdwEntryRow      *row,
               const char       *field,
               GCallback         callback)
{
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect (row, "apply", callback, self);
}

static void
tillit_agenda_page_init (TillitAgendaPage *self)
{
  g_autoptr(GtkExpression) format_name = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                      G_CALLBACK (format_label),
                                                                      NULL, NULL);
  GtkListItemFactory *factory;

  self->bound_days = g_ptr_array_new ();
  self->bound_items = g_ptr_array_new ();
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);
  self->item_filter = gtk_custom_filter_new (item_on_shown_day, self, NULL);
  self->items = gtk_single_selection_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Rows are refreshed in place through the list items they show; a
   * list item torn down without an unbind must not be left behind. */
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_day_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_day_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_day_unbind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_day_unbind), self);
  gtk_list_view_set_factory (self->day_list, factory);
  g_object_unref (factory);
  g_signal_connect (self->day_list, "activate", G_CALLBACK (on_day_activate), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_item_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_item_unbind), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (on_item_unbind), self);
  gtk_list_view_set_factory (self->item_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->item_list, GTK_SELECTION_MODEL (g_object_ref (self->items)));
  g_signal_connect_swapped (self->items, "selection-changed", G_CALLBACK (on_selection_changed), self);

  adw_combo_row_set_expression (self->format_row, format_name);
  g_signal_connect (self->format_row, "notify::selected", G_CALLBACK (on_format_selected), self);
  self->pilot_names = gtk_string_list_new (NULL);
  self->pilot_uuids = g_ptr_array_new_with_free_func (g_free);
  self->principle_checks = g_ptr_array_new ();
  adw_combo_row_set_model (self->pilot_row, G_LIST_MODEL (self->pilot_names));
  g_signal_connect (self->pilot_row, "notify::selected", G_CALLBACK (on_pilot_selected), self);
  g_signal_connect (self->duration_spin, "value-changed", G_CALLBACK (on_duration_changed), self);

  connect_entry (self, self->item_title_row, "title", G_CALLBACK (on_item_entry_apply));
  connect_entry (self, self->facilitators_row, "facilitators", G_CALLBACK (on_item_entry_apply));
  connect_entry (self, self->notes_row, "notes", G_CALLBACK (on_item_entry_apply));
  connect_entry (self, self->outcome_row, "outcome", G_CALLBACK (on_item_entry_apply));
  connect_entry (self, self->date_row, "date", G_CALLBACK (on_day_entry_apply));
  connect_entry (self, self->title_row, "title", G_CALLBACK (on_day_entry_apply));
  connect_entry (self, self->theme_row, "theme", G_CALLBACK (on_day_entry_apply));
  connect_entry (self, self->venue_row, "venue", G_CALLBACK (on_day_entry_apply));
  connect_entry (self, self->start_row, "start-time", G_CALLBACK (on_day_entry_apply));
  connect_entry (self, self->end_row, "planned-end", G_CALLBACK (on_day_entry_apply));

  refresh (self);
}
