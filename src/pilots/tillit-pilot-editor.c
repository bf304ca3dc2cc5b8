/* tillit-pilot-editor.c: every field of one pilot, its decision,
 * learnings and adoptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tillit-pilot-editor.h"
#include "tillit-pilot-labels.h"

struct _TillitPilotEditor
{
  AdwBin parent_instance;

  TillitStore *store;
  TillitRecord *pilot;
  gulong pilot_notify_id;
  gboolean updating;

  AdwPreferencesGroup *origin_group;
  AdwActionRow *origin_row;
  AdwEntryRow *title_row;
  AdwComboRow *unit_row;
  AdwEntryRow *owner_row;
  AdwActionRow *stage_row;
  GtkTextView *need_view;
  GtkTextView *idea_view;
  AdwPreferencesGroup *involvement_group;
  AdwPreferencesGroup *support_group;
  AdwPreferencesGroup *principles_group;
  AdwActionRow *decision_row;
  AdwActionRow *conditions_row;
  GtkListBox *learnings_list;
  AdwPreferencesGroup *original_group;
  GtkListBox *original_list;
  GtkListBox *adoptions_list;
  GtkListBox *presented_list;
  AdwComboRow *outcome_row;
  AdwEntryRow *outcome_note_row;
  AdwPreferencesGroup *dates_group;

  GPtrArray *date_rows;
  GPtrArray *involvement_checks;
  GPtrArray *support_checks;
  GPtrArray *principle_checks;
  GPtrArray *principle_rows;
  GPtrArray *unit_uuids;
  GtkStringList *unit_names;

  GtkCustomFilter *learnings_filter;
  GtkCustomFilter *original_filter;
  GtkCustomFilter *adoptions_filter;
  GtkFilterListModel *learnings_model;
  GtkSortListModel *learnings_sorted;
  GtkCustomSorter *learnings_sorter;
  GtkFilterListModel *original_model;
  GtkFilterListModel *adoptions_model;
  GtkCustomFilter *presented_filter;
  GtkFilterListModel *presented_model;
  GtkSortListModel *presented_sorted;
};

G_DEFINE_FINAL_TYPE (TillitPilotEditor, tillit_pilot_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PILOT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EDITED,
  PILOT_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const date_fields[] = {
  "identify-date", "test-date", "implement-date", "follow-up-date",
  "start-date", "end-date",
};

static const char *
date_field_title (const char *field)
{
  if (g_str_equal (field, "identify-date"))
    return _("Entered Identify");
  if (g_str_equal (field, "test-date"))
    return _("Entered Test");
  if (g_str_equal (field, "implement-date"))
    return _("Entered Implement");
  if (g_str_equal (field, "follow-up-date"))
    return _("Entered Follow Up");
  if (g_str_equal (field, "start-date"))
    return _("Start");
  return _("End");
}

/* Toasts go to the window's overlay; a page shown without one (a test, an
 * embedding) simply shows none. */
void
tillit_pilot_show_toast (GtkWidget   *widget,
                         TillitStore *store,
                         const char  *message,
                         gboolean     offer_undo)
{
  GtkWidget *overlay;
  AdwToast *toast;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (message != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  if (offer_undo && store != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked",
                             G_CALLBACK (tillit_store_undo),
                             g_object_ref (store), (GClosureNotify) (void (*) (void)) g_object_unref,
                             G_CONNECT_SWAPPED);
    }
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

void
tillit_pilot_show_error (GtkWidget    *widget,
                         const GError *error)
{
  g_return_if_fail (error != NULL);

  tillit_pilot_show_toast (widget, NULL, error->message, FALSE);
}

static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
update_values (TillitPilotEditor *self,
               TillitRecord      *record,
               guint              n,
               const char        *names[],
               const GValue       values[])
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || record == NULL)
    return FALSE;

  if (!tillit_store_updatev (self->store, record, n, names, values, &error))
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return FALSE;
    }
  g_signal_emit (self, signals[EDITED], 0);
  return TRUE;
}

static void
update_string (TillitPilotEditor *self,
               const char        *field,
               const char        *text)
{
  GValue value = G_VALUE_INIT;
  const char *names[] = { field };

  if (self->pilot == NULL || g_strcmp0 (tillit_record_get_string (self->pilot, field), text) == 0)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  update_values (self, self->pilot, 1, names, &value);
  g_value_unset (&value);
}

static void
update_strv (TillitPilotEditor  *self,
             const char         *field,
             const char * const *strv)
{
  GValue value = G_VALUE_INIT;
  const char *names[] = { field };

  if (self->pilot == NULL)
    return;

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, strv);
  update_values (self, self->pilot, 1, names, &value);
  g_value_unset (&value);
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
flush_text (TillitPilotEditor *self,
            GtkTextView       *view,
            const char        *field)
{
  g_autofree char *text = buffer_text (view);

  if (self->updating || self->pilot == NULL)
    return;
  if (g_strcmp0 (tillit_record_get_string (self->pilot, field) ?: "", text) == 0)
    return;
  update_string (self, field, *text != '\0' ? text : NULL);
}

/**
 * tillit_pilot_editor_flush:
 *
 * Writes the need and the idea, which are saved when they lose the focus,
 * before the pilot changes or the page goes away.
 */
void
tillit_pilot_editor_flush (TillitPilotEditor *self)
{
  g_return_if_fail (TILLIT_IS_PILOT_EDITOR (self));

  flush_text (self, self->need_view, "need");
  flush_text (self, self->idea_view, "idea");
}

static void
text_focus_leave (GtkEventControllerFocus *controller,
                  TillitPilotEditor       *self)
{
  tillit_pilot_editor_flush (self);
}

static void
set_buffer (GtkTextView *view,
            const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

static const char *
municipality_name (TillitPilotEditor *self,
                   const char        *uuid)
{
  TillitRecord *municipality;

  if (uuid == NULL || self->store == NULL)
    return NULL;
  municipality = tillit_store_lookup (self->store, uuid);
  return municipality != NULL ? tillit_record_get_string (municipality, "name") : NULL;
}

static gboolean
pilot_is_ours (TillitPilotEditor *self)
{
  const char *origin = tillit_record_get_origin (self->pilot);
  TillitRecord *ours = self->store != NULL ? tillit_store_get_ours (self->store) : NULL;

  return origin == NULL || ours == NULL || g_strcmp0 (origin, tillit_record_get_uuid (ours)) == 0;
}

static char *
decision_summary (TillitRecord *pilot)
{
  const char *decision = tillit_record_get_string (pilot, "decision");
  const char *by = tillit_record_get_string (pilot, "decided-by");
  const char *date = tillit_record_get_string (pilot, "decision-date");
  const char *label = tillit_pilot_nick_label ("decision", decision);

  if (by != NULL && date != NULL)
    /* Translators: "Approved by Anna Berg on 2026-03-01" */
    return g_strdup_printf (_("%s by %s on %s"), label, by, date);
  if (by != NULL)
    return g_strdup_printf (_("%s by %s"), label, by);
  if (date != NULL)
    return g_strdup_printf (_("%s on %s"), label, date);
  return g_strdup (label);
}

static void
sync_checks (GPtrArray          *checks,
             const char * const *set)
{
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (checks, i);
      const char *value = g_object_get_data (G_OBJECT (check), "value");

      gtk_check_button_set_active (check, set != NULL && g_strv_contains (set, value));
    }
}

static void
sync_from_pilot (TillitPilotEditor *self)
{
  TillitRecord *pilot = self->pilot;
  const char *unit;
  const char *origin;
  g_autofree char *decision = NULL;
  guint unit_index = 0;

  if (pilot == NULL)
    return;

  self->updating = TRUE;

  set_row_text (self->title_row, tillit_record_get_string (pilot, "title"));
  set_row_text (self->owner_row, tillit_record_get_string (pilot, "owner"));

  unit = tillit_record_get_string (pilot, "unit");
  for (guint i = 0; unit != NULL && i < self->unit_uuids->len; i++)
    if (g_str_equal (g_ptr_array_index (self->unit_uuids, i), unit))
      unit_index = i + 1;
  adw_combo_row_set_selected (self->unit_row, unit_index);

  adw_action_row_set_subtitle (self->stage_row,
                               tillit_pilot_nick_label ("stage", tillit_record_get_string (pilot, "stage")));

  for (guint i = 0; i < self->date_rows->len; i++)
    {
      AdwEntryRow *row = g_ptr_array_index (self->date_rows, i);

      set_row_text (row, tillit_record_get_string (pilot, g_object_get_data (G_OBJECT (row), "field")));
    }

  if (!gtk_widget_has_focus (GTK_WIDGET (self->need_view)))
    set_buffer (self->need_view, tillit_record_get_string (pilot, "need"));
  if (!gtk_widget_has_focus (GTK_WIDGET (self->idea_view)))
    set_buffer (self->idea_view, tillit_record_get_string (pilot, "idea"));

  sync_checks (self->involvement_checks, tillit_record_get_strv (pilot, "involvement"));
  sync_checks (self->support_checks, tillit_record_get_strv (pilot, "support"));
  sync_checks (self->principle_checks, tillit_record_get_strv (pilot, "principles"));

  decision = decision_summary (pilot);
  adw_action_row_set_subtitle (self->decision_row, decision);
  adw_action_row_set_subtitle (self->conditions_row,
                               tillit_record_get_string (pilot, "conditions") ?: _("None"));

  adw_combo_row_set_selected (self->outcome_row,
                              MAX (0, tillit_field_enum_index (tillit_record_kind_field (tillit_record_get_kind (pilot),
                                                                                        tillit_record_kind_find_field (tillit_record_get_kind (pilot), "outcome")),
                                                               tillit_record_get_string (pilot, "outcome"))));
  set_row_text (self->outcome_note_row, tillit_record_get_string (pilot, "outcome-note"));

  origin = tillit_record_get_origin (pilot);
  gtk_widget_set_visible (GTK_WIDGET (self->origin_group), !pilot_is_ours (self));
  adw_action_row_set_subtitle (self->origin_row, municipality_name (self, origin) ?: _("Another municipality"));

  gtk_widget_set_visible (GTK_WIDGET (self->original_group),
                          tillit_record_get_string (pilot, "adapted-from") != NULL);

  self->updating = FALSE;
}

static void
pilot_notify (TillitPilotEditor *self)
{
  sync_from_pilot (self);
  gtk_filter_changed (GTK_FILTER (self->original_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Row actions */

static void
entry_apply (AdwEntryRow       *row,
             TillitPilotEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (row), "field");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean is_date = g_str_has_suffix (field, "-date");

  if (self->updating || self->pilot == NULL)
    return;

  if ((is_date && !tillit_pilot_date_is_valid (stripped)) ||
      (g_str_equal (field, "title") && *stripped == '\0'))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_error_bell (GTK_WIDGET (row));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  update_string (self, field, *stripped != '\0' ? stripped : NULL);
}

static void
setup_entry_row (TillitPilotEditor *self,
                 AdwEntryRow       *row,
                 const char        *field)
{
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect (row, "apply", G_CALLBACK (entry_apply), self);
}

static void
unit_selected (AdwComboRow       *row,
               GParamSpec        *pspec,
               TillitPilotEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->pilot == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  update_string (self, "unit", selected == 0 ? NULL : g_ptr_array_index (self->unit_uuids, selected - 1));
}

static void
outcome_selected (AdwComboRow       *row,
                  GParamSpec        *pspec,
                  TillitPilotEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);
  const char * const *nicks = tillit_pilot_field_nicks ("outcome");

  if (self->updating || self->pilot == NULL || selected >= tillit_pilot_n_nicks ("outcome"))
    return;
  update_string (self, "outcome", nicks[selected]);
}

static void
check_toggled (GtkCheckButton    *check,
               TillitPilotEditor *self)
{
  const char *field = g_object_get_data (G_OBJECT (check), "field");
  GPtrArray *checks = g_object_get_data (G_OBJECT (check), "checks");
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) set = NULL;

  if (self->updating || self->pilot == NULL)
    return;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < checks->len; i++)
    {
      GtkCheckButton *other = g_ptr_array_index (checks, i);

      if (gtk_check_button_get_active (other))
        g_strv_builder_add (builder, g_object_get_data (G_OBJECT (other), "value"));
    }

  /* A principle retired from the framework stays on the pilot. */
  if (g_str_equal (field, "principles"))
    {
      const char * const *old = tillit_record_get_strv (self->pilot, field);

      for (guint i = 0; old != NULL && old[i] != NULL; i++)
        {
          gboolean shown = FALSE;

          for (guint j = 0; j < checks->len && !shown; j++)
            shown = g_str_equal (g_object_get_data (G_OBJECT (g_ptr_array_index (checks, j)), "value"), old[i]);
          if (!shown)
            g_strv_builder_add (builder, old[i]);
        }
    }

  set = g_strv_builder_end (builder);
  update_strv (self, field, (const char * const *) set);
}

static GtkCheckButton *
add_check_row (TillitPilotEditor   *self,
               AdwPreferencesGroup *group,
               GPtrArray           *checks,
               GPtrArray           *rows,
               const char          *field,
               const char          *value,
               const char          *title)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_prefix (row, check);
  adw_action_row_set_activatable_widget (row, check);

  g_object_set_data_full (G_OBJECT (check), "value", g_strdup (value), g_free);
  g_object_set_data (G_OBJECT (check), "field", (gpointer) field);
  g_object_set_data (G_OBJECT (check), "checks", checks);
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled), self);

  adw_preferences_group_add (group, GTK_WIDGET (row));
  g_ptr_array_add (checks, check);
  if (rows != NULL)
    g_ptr_array_add (rows, row);
  return GTK_CHECK_BUTTON (check);
}

static void
rebuild_principles (TillitPilotEditor *self)
{
  GListModel *principles;

  for (guint i = 0; i < self->principle_rows->len; i++)
    adw_preferences_group_remove (self->principles_group, g_ptr_array_index (self->principle_rows, i));
  g_ptr_array_set_size (self->principle_rows, 0);
  g_ptr_array_set_size (self->principle_checks, 0);

  if (self->store == NULL)
    return;

  principles = tillit_store_list (self->store, TILLIT_TYPE_PRINCIPLE);
  for (guint i = 0; i < g_list_model_get_n_items (principles); i++)
    {
      g_autoptr(TillitRecord) principle = g_list_model_get_item (principles, i);

      if (tillit_record_get_boolean (principle, "retired"))
        continue;
      add_check_row (self, self->principles_group, self->principle_checks, self->principle_rows,
                     "principles", tillit_record_get_uuid (principle),
                     tillit_pilot_principle_name (principle));
    }
  sync_from_pilot (self);
}

static void
rebuild_units (TillitPilotEditor *self)
{
  GListModel *units;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->unit_names));
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  g_ptr_array_set_size (self->unit_uuids, 0);
  g_strv_builder_add (names, _("No unit"));

  if (self->store != NULL)
    {
      units = tillit_store_list (self->store, TILLIT_TYPE_UNIT);
      for (guint i = 0; i < g_list_model_get_n_items (units); i++)
        {
          g_autoptr(TillitRecord) unit = g_list_model_get_item (units, i);

          g_ptr_array_add (self->unit_uuids, g_strdup (tillit_record_get_uuid (unit)));
          g_strv_builder_add (names, tillit_record_get_string (unit, "name"));
        }
    }

  strv = g_strv_builder_end (names);
  self->updating = TRUE;
  gtk_string_list_splice (self->unit_names, 0, n_old, (const char * const *) strv);
  self->updating = FALSE;
  sync_from_pilot (self);
}

/* Learnings and adoptions */

static gboolean
belongs_to (gpointer    item,
            const char *uuid)
{
  return uuid != NULL && g_strcmp0 (tillit_record_get_string (item, "pilot"), uuid) == 0;
}

static gboolean
learning_of_pilot (gpointer item,
                   gpointer data)
{
  TillitPilotEditor *self = data;

  return self->pilot != NULL && belongs_to (item, tillit_record_get_uuid (self->pilot));
}

/* The log reads newest first; undated learnings come last. */
static int
newest_first (gconstpointer a,
              gconstpointer b,
              gpointer      data)
{
  const char *da = tillit_record_get_string ((TillitRecord *) a, "date");
  const char *db = tillit_record_get_string ((TillitRecord *) b, "date");

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return -strcmp (da, db);
}

static gboolean
learning_of_original (gpointer item,
                      gpointer data)
{
  TillitPilotEditor *self = data;

  return self->pilot != NULL && belongs_to (item, tillit_record_get_string (self->pilot, "adapted-from"));
}

static void learning_dialog (TillitPilotEditor *self,
                             TillitRecord      *learning);

static void
sync_learning_row (AdwActionRow *row,
                   GParamSpec   *pspec,
                   TillitRecord *learning)
{
  const char *date = tillit_record_get_string (learning, "date");
  const char *role = tillit_record_get_string (learning, "author-role");
  g_autofree char *subtitle = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tillit_record_get_string (learning, "text") ?: "");
  if (date != NULL && role != NULL)
    subtitle = g_strdup_printf ("%s · %s", date, role);
  else
    subtitle = g_strdup (date != NULL ? date : role != NULL ? role : _("No date"));
  adw_action_row_set_subtitle (row, subtitle);
}

static void
edit_learning_clicked (GtkButton         *button,
                       TillitPilotEditor *self)
{
  learning_dialog (self, g_object_get_data (G_OBJECT (button), "record"));
}

static void
delete_record_clicked (GtkButton         *button,
                       TillitPilotEditor *self)
{
  TillitRecord *record = g_object_get_data (G_OBJECT (button), "record");
  const char *message = g_object_get_data (G_OBJECT (button), "message");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!tillit_store_delete (self->store, record, &error))
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_signal_emit (self, signals[EDITED], 0);
  tillit_pilot_show_toast (GTK_WIDGET (self), self->store, message, TRUE);
}

static GtkWidget *
icon_button (const char *icon,
             const char *label,
             gpointer    record)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (record), g_object_unref);
  return button;
}

/* What a learning can become elsewhere: an agenda item, a competency. */
static GtkWidget *
learning_menu_button (TillitRecord *learning)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) share = g_menu_item_new (_("_Share at a Manager Day…"), NULL);
  g_autoptr(GMenuItem) suggest = g_menu_item_new (_("Suggest a _Competency…"), NULL);
  GVariant *uuid = g_variant_new_string (tillit_record_get_uuid (learning));
  GtkWidget *button = gtk_menu_button_new ();

  g_menu_item_set_action_and_target_value (share, "editor.share-learning", uuid);
  g_menu_item_set_action_and_target_value (suggest, "editor.suggest-competency", uuid);
  g_menu_append_item (menu, share);
  g_menu_append_item (menu, suggest);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Share This Learning"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Share This Learning"), -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static GtkWidget *
create_learning_row (gpointer item,
                     gpointer data)
{
  TillitPilotEditor *self = data;
  TillitRecord *learning = item;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *edit, *delete;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (row, 0);
  sync_learning_row (row, NULL, learning);
  g_signal_connect_object (learning, "notify", G_CALLBACK (sync_learning_row), row, G_CONNECT_SWAPPED);

  edit = icon_button ("document-edit-symbolic", _("Edit Learning"), learning);
  g_signal_connect (edit, "clicked", G_CALLBACK (edit_learning_clicked), self);
  adw_action_row_add_suffix (row, edit);

  delete = icon_button ("user-trash-symbolic", _("Delete Learning"), learning);
  g_object_set_data (G_OBJECT (delete), "message", (gpointer) _("Learning deleted"));
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_record_clicked), self);
  adw_action_row_add_suffix (row, delete);

  adw_action_row_add_suffix (row, learning_menu_button (learning));
  return GTK_WIDGET (row);
}

/* The original's learnings come from another municipality: read only. */
static GtkWidget *
create_original_row (gpointer item,
                     gpointer data)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_title_lines (row, 0);
  sync_learning_row (row, NULL, item);
  g_signal_connect_object (item, "notify", G_CALLBACK (sync_learning_row), row, G_CONNECT_SWAPPED);
  return GTK_WIDGET (row);
}

static void
sync_adoption_row (AdwActionRow *row,
                   GParamSpec   *pspec,
                   TillitRecord *adoption)
{
  TillitPilotEditor *self = g_object_get_data (G_OBJECT (row), "editor");
  const char *unit_uuid = tillit_record_get_string (adoption, "unit");
  TillitRecord *unit = unit_uuid != NULL && self->store != NULL ? tillit_store_lookup (self->store, unit_uuid) : NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 unit != NULL ? tillit_record_get_string (unit, "name") : _("Unknown unit"));
  adw_action_row_set_subtitle (row, tillit_record_get_string (adoption, "date") ?: _("No date"));
}

static GtkWidget *
create_adoption_row (gpointer item,
                     gpointer data)
{
  TillitPilotEditor *self = data;
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget *delete;

  g_object_set_data (G_OBJECT (row), "editor", self);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  sync_adoption_row (row, NULL, item);
  g_signal_connect_object (item, "notify", G_CALLBACK (sync_adoption_row), row, G_CONNECT_SWAPPED);

  delete = icon_button ("user-trash-symbolic", _("Delete Adoption"), item);
  g_object_set_data (G_OBJECT (delete), "message", (gpointer) _("Adoption deleted"));
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_record_clicked), self);
  adw_action_row_add_suffix (row, delete);
  return GTK_WIDGET (row);
}

/* Presented at: the agenda items that showed this pilot at a manager day */

static TillitRecord *
day_of (TillitPilotEditor *self,
        TillitRecord      *item)
{
  const char *uuid = tillit_record_get_string (item, "day");

  return uuid != NULL && self->store != NULL ? tillit_store_lookup (self->store, uuid) : NULL;
}

/* "2026-03-12 · Spring manager day" */
static char *
day_label (TillitRecord *day)
{
  const char *date = day != NULL ? tillit_record_get_string (day, "date") : NULL;
  const char *title = day != NULL ? tillit_record_get_string (day, "title") : NULL;

  if (date != NULL && title != NULL && *title != '\0')
    return g_strdup_printf ("%s · %s", date, title);
  if (date != NULL)
    return g_strdup (date);
  return g_strdup (title != NULL && *title != '\0' ? title : _("Undated manager day"));
}

/* Latest day first, then the order of the day. */
static int
presented_order (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  TillitPilotEditor *self = data;
  TillitRecord *day_a = day_of (self, (TillitRecord *) a);
  TillitRecord *day_b = day_of (self, (TillitRecord *) b);
  int by_date = -g_strcmp0 (day_a != NULL ? tillit_record_get_string (day_a, "date") : NULL,
                            day_b != NULL ? tillit_record_get_string (day_b, "date") : NULL);

  if (by_date != 0)
    return by_date;
  return tillit_record_get_int ((TillitRecord *) a, "position") -
         tillit_record_get_int ((TillitRecord *) b, "position");
}

static void
sync_presented_row (AdwActionRow *row,
                    GParamSpec   *pspec,
                    TillitRecord *item)
{
  TillitPilotEditor *self = g_object_get_data (G_OBJECT (row), "editor");
  const char *title = tillit_record_get_string (item, "title");
  g_autofree char *day = day_label (day_of (self, item));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title != NULL && *title != '\0' ? title : _("Untitled item"));
  adw_action_row_set_subtitle (row, day);
}

/* Each row opens its item in the manager-day tool, through the window. */
static GtkWidget *
create_presented_row (gpointer item,
                      gpointer data)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  g_object_set_data (G_OBJECT (row), "editor", data);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  sync_presented_row (row, NULL, item);
  g_signal_connect_object (item, "notify", G_CALLBACK (sync_presented_row), row, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", tillit_record_get_uuid (item));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  return GTK_WIDGET (row);
}

/* An item's pilot may have changed in the manager-day tool meanwhile. */
static void
refresh_presented (TillitPilotEditor *self)
{
  gtk_filter_changed (GTK_FILTER (self->presented_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (gtk_sort_list_model_get_sorter (self->presented_sorted), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Dialogs */

static AdwMessageDialog *
form_dialog (TillitPilotEditor *self,
             const char        *heading,
             const char        *accept_label,
             GtkWidget         *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, NULL));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "accept", accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");
  adw_message_dialog_set_extra_child (dialog, body);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  return dialog;
}

static GtkWidget *
form_group (void)
{
  GtkWidget *group = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (group), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (group, "boxed-list");
  return group;
}

static AdwEntryRow *
form_entry (GtkWidget  *group,
            const char *title,
            const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_list_box_append (GTK_LIST_BOX (group), row);
  return ADW_ENTRY_ROW (row);
}

/* A framed text view for a longer text, appended to @box. */
static GtkTextView *
text_frame (GtkWidget  *box,
            const char *label,
            const char *text)
{
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_widget_set_size_request (view, 320, 120);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  set_buffer (GTK_TEXT_VIEW (view), text);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (GTK_BOX (box), frame);
  return GTK_TEXT_VIEW (view);
}

static const char *
entry_value (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return *text != '\0' ? text : NULL;
}

static gboolean
check_date (TillitPilotEditor *self,
            AdwEntryRow       *row)
{
  if (tillit_pilot_date_is_valid (gtk_editable_get_text (GTK_EDITABLE (row))))
    return TRUE;
  tillit_pilot_show_toast (GTK_WIDGET (self), NULL, _("Dates are written year-month-day, for example 2026-03-31"), FALSE);
  return FALSE;
}

static void
decision_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   TillitPilotEditor *self)
{
  AdwComboRow *decision_row = g_object_get_data (G_OBJECT (dialog), "decision");
  AdwEntryRow *by_row = g_object_get_data (G_OBJECT (dialog), "by");
  AdwEntryRow *date_row = g_object_get_data (G_OBJECT (dialog), "date");
  AdwEntryRow *conditions_row = g_object_get_data (G_OBJECT (dialog), "conditions");
  const char *names[] = { "decision", "decided-by", "decision-date", "conditions" };
  GValue values[4] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };

  if (!g_str_equal (response, "accept") || self->pilot == NULL || !check_date (self, date_row))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_value_init (&values[i], G_TYPE_STRING);
  g_value_set_string (&values[0], adw_combo_row_get_selected (decision_row) == 0 ? "approved" : "declined");
  g_value_set_string (&values[1], entry_value (by_row));
  g_value_set_string (&values[2], entry_value (date_row));
  g_value_set_string (&values[3], entry_value (conditions_row));

  if (update_values (self, self->pilot, G_N_ELEMENTS (names), names, values))
    tillit_pilot_show_toast (GTK_WIDGET (self), self->store, _("Decision recorded"), TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    g_value_unset (&values[i]);
}

static void
decide_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (widget);
  const char *choices[] = { _("Approve"), _("Decline"), NULL };
  g_autofree char *today = tillit_pilot_today ();
  GtkWidget *group = form_group ();
  AdwComboRow *decision;
  AdwMessageDialog *dialog;

  if (self->pilot == NULL)
    return;

  decision = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (decision), _("Decision"));
  adw_combo_row_set_model (decision, G_LIST_MODEL (gtk_string_list_new (choices)));
  if (g_strcmp0 (tillit_record_get_string (self->pilot, "decision"), "declined") == 0)
    adw_combo_row_set_selected (decision, 1);
  gtk_list_box_append (GTK_LIST_BOX (group), GTK_WIDGET (decision));

  dialog = form_dialog (self, _("Record Decision"), _("_Record"), group);
  adw_message_dialog_set_body (dialog, _("The senior management's decision on this pilot"));
  g_object_set_data (G_OBJECT (dialog), "decision", decision);
  g_object_set_data (G_OBJECT (dialog), "by",
                     form_entry (group, _("Decided by"), tillit_record_get_string (self->pilot, "decided-by")));
  g_object_set_data (G_OBJECT (dialog), "date",
                     form_entry (group, _("Date"), tillit_record_get_string (self->pilot, "decision-date") ?: today));
  g_object_set_data (G_OBJECT (dialog), "conditions",
                     form_entry (group, _("Conditions"), tillit_record_get_string (self->pilot, "conditions")));
  g_signal_connect (dialog, "response", G_CALLBACK (decision_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
learning_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   TillitPilotEditor *self)
{
  TillitRecord *learning = g_object_get_data (G_OBJECT (dialog), "record");
  AdwEntryRow *date_row = g_object_get_data (G_OBJECT (dialog), "date");
  AdwEntryRow *role_row = g_object_get_data (G_OBJECT (dialog), "role");
  GtkTextView *text_view = g_object_get_data (G_OBJECT (dialog), "text");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "accept") || self->pilot == NULL || self->store == NULL ||
      !check_date (self, date_row))
    return;

  text = g_strstrip (buffer_text (text_view));
  if (learning == NULL)
    {
      if (tillit_store_create (self->store, TILLIT_TYPE_LEARNING, &error,
                               "pilot", tillit_record_get_uuid (self->pilot),
                               "date", entry_value (date_row),
                               "author-role", entry_value (role_row),
                               "text", *text != '\0' ? text : NULL,
                               NULL) == NULL)
        {
          tillit_pilot_show_error (GTK_WIDGET (self), error);
          return;
        }
      g_signal_emit (self, signals[EDITED], 0);
    }
  else
    {
      const char *names[] = { "date", "author-role", "text" };
      GValue values[3] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_string (&values[0], entry_value (date_row));
      g_value_set_string (&values[1], entry_value (role_row));
      g_value_set_string (&values[2], *text != '\0' ? text : NULL);
      update_values (self, learning, G_N_ELEMENTS (names), names, values);
      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        g_value_unset (&values[i]);
      gtk_sorter_changed (GTK_SORTER (self->learnings_sorter), GTK_SORTER_CHANGE_DIFFERENT);
    }
}

static void
learning_dialog (TillitPilotEditor *self,
                 TillitRecord      *learning)
{
  g_autofree char *today = tillit_pilot_today ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = form_group ();
  GtkTextView *text;
  AdwMessageDialog *dialog;

  if (self->pilot == NULL)
    return;

  text = text_frame (box, _("What was learned"),
                     learning != NULL ? tillit_record_get_string (learning, "text") : NULL);
  gtk_box_append (GTK_BOX (box), group);

  dialog = form_dialog (self, learning == NULL ? _("Add Learning") : _("Edit Learning"),
                        learning == NULL ? _("_Add") : _("_Save"), box);
  adw_message_dialog_set_body (dialog, _("What was learned, so that other units can build on it"));
  g_object_set_data_full (G_OBJECT (dialog), "record", learning != NULL ? g_object_ref (learning) : NULL,
                          learning != NULL ? g_object_unref : NULL);
  g_object_set_data (G_OBJECT (dialog), "text", text);
  g_object_set_data (G_OBJECT (dialog), "date",
                     form_entry (group, _("Date"), learning != NULL ? tillit_record_get_string (learning, "date") : today));
  g_object_set_data (G_OBJECT (dialog), "role",
                     form_entry (group, _("Written by (role)"),
                                 learning != NULL ? tillit_record_get_string (learning, "author-role") : NULL));
  g_signal_connect (dialog, "response", G_CALLBACK (learning_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (text));
}

static void
add_learning_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  learning_dialog (TILLIT_PILOT_EDITOR (widget), NULL);
}

/* The red thread: a learning shared at a manager day, or proposed as a
 * competency. A learning has no principles of its own; what it passes
 * on are its pilot's. */

static TillitRecord *
learning_for_action (TillitPilotEditor *self,
                     GVariant          *parameter)
{
  TillitRecord *learning;

  if (self->store == NULL || self->pilot == NULL)
    return NULL;
  learning = tillit_store_lookup (self->store, g_variant_get_string (parameter, NULL));
  return learning != NULL && TILLIT_IS_LEARNING (learning) ? learning : NULL;
}

/* A toast whose button opens the new record where it lives. */
static void
show_open_toast (TillitPilotEditor *self,
                 const char        *message,
                 TillitRecord      *record)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 5);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-record");
  adw_toast_set_action_target_value (toast, g_variant_new_string (tillit_record_get_uuid (record)));
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Upcoming days first, soonest first; then past days, latest first.
 * Templates (no date) are not days to present at. */
static int
upcoming_first (gconstpointer a,
                gconstpointer b,
                gpointer      today)
{
  const char *da = tillit_record_get_string (*(TillitRecord **) a, "date");
  const char *db = tillit_record_get_string (*(TillitRecord **) b, "date");
  gboolean past_a = strcmp (da, today) < 0;
  gboolean past_b = strcmp (db, today) < 0;

  if (past_a != past_b)
    return past_a - past_b;
  return past_a ? -strcmp (da, db) : strcmp (da, db);
}

static GPtrArray *
days_to_share_at (TillitStore *store)
{
  GListModel *days = tillit_store_list (store, TILLIT_TYPE_MANAGER_DAY);
  GPtrArray *dated = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = tillit_pilot_today ();

  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      TillitRecord *day = g_list_model_get_item (days, i);

      if (tillit_record_get_string (day, "date") != NULL)
        g_ptr_array_add (dated, day);
      else
        g_object_unref (day);
    }
  g_ptr_array_sort_with_data (dated, upcoming_first, today);
  return dated;
}

/* The first dialogue format, if the programme has one. */
static const char *
dialogue_format (TillitStore *store)
{
  GListModel *formats = tillit_store_list (store, TILLIT_TYPE_AGENDA_FORMAT);
  TillitRecord *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (formats); i++)
    {
      g_autoptr(TillitRecord) format = g_list_model_get_item (formats, i);

      if (tillit_record_get_boolean (format, "dialogue") &&
          (best == NULL || tillit_record_get_int (format, "position") < tillit_record_get_int (best, "position")))
        best = format;
    }
  return best != NULL ? tillit_record_get_uuid (best) : NULL;
}

static int
next_position (TillitStore  *store,
               TillitRecord *day)
{
  GListModel *items = tillit_store_list (store, TILLIT_TYPE_AGENDA_ITEM);
  int next = 0;

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (items, i);

      if (g_strcmp0 (tillit_record_get_string (item, "day"), tillit_record_get_uuid (day)) == 0)
        next = MAX (next, tillit_record_get_int (item, "position") + 1);
    }
  return next;
}

/* One undo step: the item at the end of @day (or of a new day dated
 * today), with the learning's text, the pilot and the pilot's principles. */
static TillitRecord *
share_learning (TillitPilotEditor  *self,
                TillitRecord       *learning,
                TillitRecord       *day,
                GError            **error)
{
  const char *title = tillit_record_get_string (self->pilot, "title");
  g_autofree char *item_title = g_strdup_printf (_("Learning from “%s”"), title != NULL ? title : "");
  g_autofree char *today = tillit_pilot_today ();
  TillitRecord *item = NULL;

  tillit_store_begin_group (self->store, _("Share learning at a manager day"));
  if (day == NULL)
    day = tillit_store_create (self->store, TILLIT_TYPE_MANAGER_DAY, error,
                               "date", today,
                               "title", _("Manager Day"),
                               "start-time", "09:00",
                               "planned-end", "16:00",
                               NULL);
  if (day != NULL)
    item = tillit_store_create (self->store, TILLIT_TYPE_AGENDA_ITEM, error,
                                "day", tillit_record_get_uuid (day),
                                "position", next_position (self->store, day),
                                "duration", 15,
                                "title", item_title,
                                "format", dialogue_format (self->store),
                                "principles", tillit_record_get_strv (self->pilot, "principles"),
                                "pilot", tillit_record_get_uuid (self->pilot),
                                "learning", tillit_record_get_uuid (learning),
                                "notes", tillit_record_get_string (learning, "text"),
                                NULL);
  tillit_store_end_group (self->store);
  return item;
}

static void
share_response (AdwMessageDialog  *dialog,
                const char        *response,
                TillitPilotEditor *self)
{
  TillitRecord *learning = g_object_get_data (G_OBJECT (dialog), "learning");
  GPtrArray *days = g_object_get_data (G_OBJECT (dialog), "days");
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "checks");
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  TillitRecord *day = NULL;
  TillitRecord *item;

  if (g_str_equal (response, "cancel") || self->pilot == NULL || self->store == NULL)
    return;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      day = g_ptr_array_index (days, i);
  if (day == NULL && days->len > 0)
    return;

  item = share_learning (self, learning, day, &error);
  if (item == NULL)
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_signal_emit (self, signals[EDITED], 0);
  refresh_presented (self);
  message = g_strdup_printf (_("Added to the manager day on %s"),
                             tillit_record_get_string (day_of (self, item), "date"));
  show_open_toast (self, message, item);
}

/* One radio row per day, the first chosen, in a list that scrolls when
 * the programme has many days. */
static GtkWidget *
day_choices (GPtrArray *days,
             GPtrArray *checks)
{
  GtkWidget *group = form_group ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkCheckButton *first = NULL;

  for (guint i = 0; i < days->len; i++)
    {
      g_autofree char *label = day_label (g_ptr_array_index (days, i));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), first);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), first == NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (group), row);
      g_ptr_array_add (checks, check);
      if (first == NULL)
        first = GTK_CHECK_BUTTON (check);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), group);
  return scrolled;
}

static void
share_learning_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (widget);
  TillitRecord *learning = learning_for_action (self, parameter);
  GPtrArray *days, *checks;
  AdwMessageDialog *dialog;

  if (learning == NULL)
    return;

  days = days_to_share_at (self->store);
  checks = g_ptr_array_new ();
  if (days->len > 0)
    {
      dialog = form_dialog (self, _("Share at a Manager Day"), _("_Add"), day_choices (days, checks));
      adw_message_dialog_set_body (dialog, _("The learning becomes a 15-minute item at the end of the "
                                             "day, with this pilot and its principles."));
    }
  else
    {
      dialog = form_dialog (self, _("No Manager Days Yet"), _("C_reate Day and Add"), NULL);
      adw_message_dialog_set_body (dialog, _("Create a manager day dated today and add the learning "
                                             "to it, with this pilot and its principles?"));
    }
  g_object_set_data_full (G_OBJECT (dialog), "learning", g_object_ref (learning), g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "days", days, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (share_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The names of the pilot's principles, for the dialog to say what comes along. */
static char *
principle_names (TillitPilotEditor *self)
{
  const char * const *uuids = tillit_record_get_strv (self->pilot, "principles");
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      TillitRecord *principle = tillit_store_lookup (self->store, uuids[i]);

      if (principle != NULL)
        g_strv_builder_add (names, tillit_pilot_principle_name (principle));
    }
  joined = g_strv_builder_end (names);
  return joined[0] != NULL ? g_strjoinv (", ", joined) : g_strdup (_("None"));
}

static void
suggest_response (AdwMessageDialog  *dialog,
                  const char        *response,
                  TillitPilotEditor *self)
{
  AdwEntryRow *name_row = g_object_get_data (G_OBJECT (dialog), "name");
  GtkTextView *text_view = g_object_get_data (G_OBJECT (dialog), "description");
  gboolean swedish = tillit_pilot_prefers_swedish ();
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  TillitRecord *competency;

  if (!g_str_equal (response, "accept") || self->pilot == NULL || self->store == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row))));
  description = g_strstrip (buffer_text (text_view));
  competency = tillit_store_create (self->store, TILLIT_TYPE_COMPETENCY, &error,
                                    swedish ? "name-sv" : "name-en", *name != '\0' ? name : NULL,
                                    swedish ? "description-sv" : "description-en",
                                    *description != '\0' ? description : NULL,
                                    "category", "leadership",
                                    "principles", tillit_record_get_strv (self->pilot, "principles"),
                                    "position", (int) g_list_model_get_n_items (tillit_store_list (self->store,
                                                                                                  TILLIT_TYPE_COMPETENCY)),
                                    NULL);
  if (competency == NULL)
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_signal_emit (self, signals[EDITED], 0);
  show_open_toast (self, _("Competency suggested"), competency);
}

static void
suggest_competency_activated (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (widget);
  TillitRecord *learning = learning_for_action (self, parameter);
  g_autofree char *headline = NULL;
  g_autofree char *principles = NULL;
  GtkWidget *box, *group, *heading, *row;
  GtkTextView *text;
  AdwMessageDialog *dialog;

  if (learning == NULL)
    return;

  headline = tillit_learning_dup_headline (learning, 60);
  principles = principle_names (self);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  group = form_group ();
  heading = gtk_label_new (_("Description"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), group);
  gtk_box_append (GTK_BOX (box), heading);
  text = text_frame (box, _("Description"), tillit_record_get_string (learning, "text"));

  dialog = form_dialog (self, _("Suggest a Competency"), _("_Suggest"), box);
  adw_message_dialog_set_body (dialog, _("A leadership competency for recruitment, drawn from this "
                                         "learning, with the principles of its pilot."));
  g_object_set_data (G_OBJECT (dialog), "name", form_entry (group, _("Name"), headline));
  g_object_set_data (G_OBJECT (dialog), "description", text);
  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Principles"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), principles);
  gtk_list_box_append (GTK_LIST_BOX (group), row);
  g_signal_connect (dialog, "response", G_CALLBACK (suggest_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A unit named in a dialog that does not exist yet is created with what
 * refers to it, as one undo step. */
static const char *
unit_from_form (TillitPilotEditor  *self,
                AdwComboRow        *combo,
                AdwEntryRow        *new_row,
                GError            **error)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (new_row))));
  guint selected = adw_combo_row_get_selected (combo);
  TillitRecord *unit;

  if (*name == '\0')
    return selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->unit_uuids->len
      ? g_ptr_array_index (self->unit_uuids, selected - 1) : NULL;

  unit = tillit_store_create (self->store, TILLIT_TYPE_UNIT, error, "name", name, NULL);
  return unit != NULL ? tillit_record_get_uuid (unit) : NULL;
}

static void
adoption_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   TillitPilotEditor *self)
{
  AdwComboRow *unit_row = g_object_get_data (G_OBJECT (dialog), "unit");
  AdwEntryRow *new_row = g_object_get_data (G_OBJECT (dialog), "new-unit");
  AdwEntryRow *date_row = g_object_get_data (G_OBJECT (dialog), "date");
  g_autoptr(GError) error = NULL;
  g_autofree char *unit = NULL;

  if (!g_str_equal (response, "accept") || self->pilot == NULL || self->store == NULL ||
      !check_date (self, date_row))
    return;

  tillit_store_begin_group (self->store, _("Record adoption"));
  unit = g_strdup (unit_from_form (self, unit_row, new_row, &error));
  if (unit != NULL)
    tillit_store_create (self->store, TILLIT_TYPE_ADOPTION, &error,
                         "pilot", tillit_record_get_uuid (self->pilot),
                         "unit", unit,
                         "date", entry_value (date_row),
                         NULL);
  tillit_store_end_group (self->store);

  if (error != NULL)
    tillit_pilot_show_error (GTK_WIDGET (self), error);
  else if (unit == NULL)
    tillit_pilot_show_toast (GTK_WIDGET (self), NULL, _("Choose the unit that took the practice up"), FALSE);
  else
    {
      g_signal_emit (self, signals[EDITED], 0);
      tillit_pilot_show_toast (GTK_WIDGET (self), self->store, _("Adoption recorded"), TRUE);
    }
}

static AdwComboRow *
unit_combo (TillitPilotEditor *self,
            GtkWidget         *group)
{
  AdwComboRow *combo = ADW_COMBO_ROW (adw_combo_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Unit"));
  adw_combo_row_set_model (combo, G_LIST_MODEL (self->unit_names));
  gtk_list_box_append (GTK_LIST_BOX (group), GTK_WIDGET (combo));
  return combo;
}

static void
add_adoption_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (widget);
  g_autofree char *today = tillit_pilot_today ();
  GtkWidget *group = form_group ();
  AdwMessageDialog *dialog;

  if (self->pilot == NULL)
    return;

  dialog = form_dialog (self, _("Record Adoption"), _("_Record"), group);
  adw_message_dialog_set_body (dialog, _("Which unit took the practice up, and when"));
  g_object_set_data (G_OBJECT (dialog), "unit", unit_combo (self, group));
  g_object_set_data (G_OBJECT (dialog), "new-unit", form_entry (group, _("Or a new unit"), NULL));
  g_object_set_data (G_OBJECT (dialog), "date", form_entry (group, _("Date"), today));
  g_signal_connect (dialog, "response", G_CALLBACK (adoption_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_unit_response (AdwMessageDialog  *dialog,
                   const char        *response,
                   TillitPilotEditor *self)
{
  AdwEntryRow *name_row = g_object_get_data (G_OBJECT (dialog), "name");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row))));
  g_autoptr(GError) error = NULL;
  TillitRecord *unit;

  if (!g_str_equal (response, "accept") || self->pilot == NULL || self->store == NULL || *name == '\0')
    return;

  tillit_store_begin_group (self->store, _("New unit"));
  unit = tillit_store_create (self->store, TILLIT_TYPE_UNIT, &error, "name", name, NULL);
  if (unit != NULL)
    tillit_store_update (self->store, self->pilot, &error, "unit", tillit_record_get_uuid (unit), NULL);
  tillit_store_end_group (self->store);

  if (error != NULL)
    tillit_pilot_show_error (GTK_WIDGET (self), error);
  else
    g_signal_emit (self, signals[EDITED], 0);
}

static void
new_unit_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (widget);
  GtkWidget *group = form_group ();
  AdwMessageDialog *dialog;

  if (self->pilot == NULL)
    return;

  dialog = form_dialog (self, _("New Unit"), _("C_reate"), group);
  g_object_set_data (G_OBJECT (dialog), "name", form_entry (group, _("Name"), NULL));
  g_signal_connect (dialog, "response", G_CALLBACK (new_unit_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (widget);
  g_autoptr(TillitRecord) pilot = NULL;
  g_autoptr(GError) error = NULL;

  if (self->pilot == NULL || self->store == NULL)
    return;

  pilot = g_object_ref (self->pilot);
  tillit_pilot_editor_set_pilot (self, NULL);
  if (!tillit_store_delete (self->store, pilot, &error))
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_signal_emit (self, signals[EDITED], 0);
  tillit_pilot_show_toast (GTK_WIDGET (self), self->store, _("Pilot deleted"), TRUE);
}

/* A pilot from another municipality becomes ours as a copy that keeps
 * the way back to the original and its learnings. */
static void
adapt_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  TillitRecord *copy;

  if (self->pilot == NULL || self->store == NULL)
    return;

  copy = tillit_pilot_adapt (self->store, self->pilot, &error);
  if (copy == NULL)
    {
      tillit_pilot_show_error (GTK_WIDGET (self), error);
      return;
    }
  g_signal_emit (self, signals[PILOT_CREATED], 0, copy);
  tillit_pilot_show_toast (GTK_WIDGET (self), self->store, _("Adapted for us"), TRUE);
}

static void
set_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static void
update_actions (TillitPilotEditor *self)
{
  gboolean has = self->pilot != NULL && self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.share-learning", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.suggest-competency", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.decide", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-learning", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-adoption", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.new-unit", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.adapt", has && !pilot_is_ours (self));
}

/* Public API */

TillitStore *
tillit_pilot_editor_get_store (TillitPilotEditor *self)
{
  g_return_val_if_fail (TILLIT_IS_PILOT_EDITOR (self), NULL);

  return self->store;
}

static void
set_model_source (GtkFilterListModel *model,
                  TillitStore        *store,
                  GType               type)
{
  gtk_filter_list_model_set_model (model, store != NULL ? tillit_store_list (store, type) : NULL);
}

void
tillit_pilot_editor_set_store (TillitPilotEditor *self,
                               TillitStore       *store)
{
  g_return_if_fail (TILLIT_IS_PILOT_EDITOR (self));
  g_return_if_fail (store == NULL || TILLIT_IS_STORE (store));

  if (self->store == store)
    return;

  tillit_pilot_editor_set_pilot (self, NULL);
  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_data (tillit_store_list (self->store, TILLIT_TYPE_UNIT), self);
      g_signal_handlers_disconnect_by_data (tillit_store_list (self->store, TILLIT_TYPE_PRINCIPLE), self);
    }
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_swapped (tillit_store_list (store, TILLIT_TYPE_UNIT), "items-changed",
                                G_CALLBACK (rebuild_units), self);
      g_signal_connect_swapped (tillit_store_list (store, TILLIT_TYPE_PRINCIPLE), "items-changed",
                                G_CALLBACK (rebuild_principles), self);
    }

  set_model_source (self->learnings_model, store, TILLIT_TYPE_LEARNING);
  set_model_source (self->original_model, store, TILLIT_TYPE_LEARNING);
  set_model_source (self->adoptions_model, store, TILLIT_TYPE_ADOPTION);
  set_model_source (self->presented_model, store, TILLIT_TYPE_AGENDA_ITEM);
  rebuild_units (self);
  rebuild_principles (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

TillitRecord *
tillit_pilot_editor_get_pilot (TillitPilotEditor *self)
{
  g_return_val_if_fail (TILLIT_IS_PILOT_EDITOR (self), NULL);

  return self->pilot;
}

void
tillit_pilot_editor_set_pilot (TillitPilotEditor *self,
                               TillitRecord      *pilot)
{
  g_return_if_fail (TILLIT_IS_PILOT_EDITOR (self));
  g_return_if_fail (pilot == NULL || TILLIT_IS_PILOT (pilot));

  if (self->pilot == pilot)
    return;

  tillit_pilot_editor_flush (self);
  if (self->pilot != NULL)
    g_clear_signal_handler (&self->pilot_notify_id, self->pilot);
  g_set_object (&self->pilot, pilot);
  if (pilot != NULL)
    self->pilot_notify_id = g_signal_connect_swapped (pilot, "notify", G_CALLBACK (pilot_notify), self);

  sync_from_pilot (self);
  gtk_filter_changed (GTK_FILTER (self->learnings_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->original_filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->adoptions_filter), GTK_FILTER_CHANGE_DIFFERENT);
  refresh_presented (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PILOT]);
}

/* GObject */

static GtkFilterListModel *
pilot_children (GtkCustomFilter *filter)
{
  return gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (filter)));
}

static void
tillit_pilot_editor_dispose (GObject *object)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (object);

  tillit_pilot_editor_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TILLIT_TYPE_PILOT_EDITOR);

  G_OBJECT_CLASS (tillit_pilot_editor_parent_class)->dispose (object);
}

static void
tillit_pilot_editor_finalize (GObject *object)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (object);

  g_ptr_array_unref (self->date_rows);
  g_ptr_array_unref (self->involvement_checks);
  g_ptr_array_unref (self->support_checks);
  g_ptr_array_unref (self->principle_checks);
  g_ptr_array_unref (self->principle_rows);
  g_ptr_array_unref (self->unit_uuids);
  g_clear_object (&self->unit_names);
  g_clear_object (&self->learnings_sorted);
  g_clear_object (&self->learnings_model);
  g_clear_object (&self->learnings_sorter);
  g_clear_object (&self->original_model);
  g_clear_object (&self->adoptions_model);
  g_clear_object (&self->learnings_filter);
  g_clear_object (&self->original_filter);
  g_clear_object (&self->adoptions_filter);
  g_clear_object (&self->presented_sorted);
  g_clear_object (&self->presented_model);
  g_clear_object (&self->presented_filter);

  G_OBJECT_CLASS (tillit_pilot_editor_parent_class)->finalize (object);
}

static void
tillit_pilot_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_PILOT:
      g_value_set_object (value, self->pilot);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_pilot_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TillitPilotEditor *self = TILLIT_PILOT_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tillit_pilot_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_PILOT:
      tillit_pilot_editor_set_pilot (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_pilot_editor_class_init (TillitPilotEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tillit_pilot_editor_dispose;
  object_class->finalize = tillit_pilot_editor_finalize;
  object_class->get_property = tillit_pilot_editor_get_property;
  object_class->set_property = tillit_pilot_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_PILOT] =
    g_param_spec_object ("pilot", NULL, NULL, TILLIT_TYPE_PILOT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TillitPilotEditor::edited:
   *
   * The editor wrote a change to the store.
   */
  signals[EDITED] = g_signal_new ("edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TillitPilotEditor::pilot-created:
   * @pilot: the new pilot
   *
   * The editor made a new pilot (a local adaptation).
   */
  signals[PILOT_CREATED] = g_signal_new ("pilot-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, TILLIT_TYPE_PILOT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tillit/Tillit/pilots/tillit-pilot-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, origin_group);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, origin_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, stage_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, need_view);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, idea_view);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, involvement_group);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, support_group);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, principles_group);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, decision_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, conditions_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, learnings_list);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, original_group);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, original_list);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, adoptions_list);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, presented_list);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, outcome_note_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPilotEditor, dates_group);

  gtk_widget_class_install_action (widget_class, "editor.share-learning", "s", share_learning_activated);
  gtk_widget_class_install_action (widget_class, "editor.suggest-competency", "s",
                                   suggest_competency_activated);
  gtk_widget_class_install_action (widget_class, "editor.decide", NULL, decide_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-learning", NULL, add_learning_activated);
  gtk_widget_class_install_action (widget_class, "editor.add-adoption", NULL, add_adoption_activated);
  gtk_widget_class_install_action (widget_class, "editor.new-unit", NULL, new_unit_activated);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "editor.adapt", NULL, adapt_activated);
}

static void
tillit_pilot_editor_init (TillitPilotEditor *self)
{
  const char * const *outcomes = tillit_pilot_field_nicks ("outcome");
  g_autoptr(GtkStringList) outcome_labels = gtk_string_list_new (NULL);
  const char * const *nicks;
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->date_rows = g_ptr_array_new ();
  self->involvement_checks = g_ptr_array_new ();
  self->support_checks = g_ptr_array_new ();
  self->principle_checks = g_ptr_array_new ();
  self->principle_rows = g_ptr_array_new ();
  self->unit_uuids = g_ptr_array_new_with_free_func (g_free);
  self->unit_names = gtk_string_list_new (NULL);

  setup_entry_row (self, self->title_row, "title");
  setup_entry_row (self, self->owner_row, "owner");
  setup_entry_row (self, self->outcome_note_row, "outcome-note");

  for (guint i = 0; i < G_N_ELEMENTS (date_fields); i++)
    {
      AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), date_field_title (date_fields[i]));
      adw_entry_row_set_show_apply_button (row, TRUE);
      gtk_editable_set_width_chars (GTK_EDITABLE (row), 10);
      setup_entry_row (self, row, date_fields[i]);
      adw_preferences_group_add (self->dates_group, GTK_WIDGET (row));
      g_ptr_array_add (self->date_rows, row);
    }

  nicks = tillit_pilot_field_nicks ("involvement");
  for (guint i = 0; nicks[i] != NULL; i++)
    add_check_row (self, self->involvement_group, self->involvement_checks, NULL,
                   "involvement", nicks[i], tillit_pilot_nick_label ("involvement", nicks[i]));
  nicks = tillit_pilot_field_nicks ("support");
  for (guint i = 0; nicks[i] != NULL; i++)
    add_check_row (self, self->support_group, self->support_checks, NULL,
                   "support", nicks[i], tillit_pilot_nick_label ("support", nicks[i]));

  for (guint i = 0; outcomes[i] != NULL; i++)
    gtk_string_list_append (outcome_labels, tillit_pilot_nick_label ("outcome", outcomes[i]));
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcome_labels));
  g_signal_connect (self->outcome_row, "notify::selected", G_CALLBACK (outcome_selected), self);

  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (self->unit_names));
  g_signal_connect (self->unit_row, "notify::selected", G_CALLBACK (unit_selected), self);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->origin_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->decision_row), FALSE);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->conditions_row), FALSE);
  adw_action_row_set_subtitle_lines (self->conditions_row, 0);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (text_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->need_view), focus);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (text_focus_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->idea_view), focus);

  self->learnings_filter = gtk_custom_filter_new (learning_of_pilot, self, NULL);
  self->original_filter = gtk_custom_filter_new (learning_of_original, self, NULL);
  self->adoptions_filter = gtk_custom_filter_new (learning_of_pilot, self, NULL);
  self->learnings_model = pilot_children (self->learnings_filter);
  self->original_model = pilot_children (self->original_filter);
  self->adoptions_model = pilot_children (self->adoptions_filter);
  self->learnings_sorter = gtk_custom_sorter_new (newest_first, NULL, NULL);
  self->learnings_sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->learnings_model)),
                                                    g_object_ref (GTK_SORTER (self->learnings_sorter)));
  gtk_list_box_bind_model (self->learnings_list, G_LIST_MODEL (self->learnings_sorted),
                           create_learning_row, self, NULL);
  gtk_list_box_bind_model (self->original_list, G_LIST_MODEL (self->original_model),
                           create_original_row, self, NULL);
  set_placeholder (self->learnings_list, _("No learnings yet"));
  set_placeholder (self->original_list, _("The original has no learnings here"));
  set_placeholder (self->adoptions_list, _("No other unit has taken it up yet"));
  gtk_list_box_bind_model (self->adoptions_list, G_LIST_MODEL (self->adoptions_model),
                           create_adoption_row, self, NULL);

  self->presented_filter = gtk_custom_filter_new (learning_of_pilot, self, NULL);
  self->presented_model = pilot_children (self->presented_filter);
  self->presented_sorted =
    gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->presented_model)),
                             GTK_SORTER (gtk_custom_sorter_new (presented_order, self, NULL)));
  gtk_list_box_bind_model (self->presented_list, G_LIST_MODEL (self->presented_sorted),
                           create_presented_row, self, NULL);
  set_placeholder (self->presented_list, _("Not presented at a manager day yet"));
  g_signal_connect (self, "map", G_CALLBACK (refresh_presented), NULL);

  update_actions (self);
}
