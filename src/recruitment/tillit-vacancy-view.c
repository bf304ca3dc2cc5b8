/* tillit-vacancy-view.c: one vacancy: its profile, advert, candidates and their scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-candidate.h"
#include "model/tillit-competency.h"
#include "model/tillit-profile-entry.h"
#include "model/tillit-rating.h"
#include "model/tillit-unit.h"
#include "model/tillit-vacancy.h"
#include "tillit-recruitment-data.h"
#include "tillit-recruitment-text.h"
#include "tillit-scorecard.h"
#include "tillit-scoring.h"
#include "tillit-vacancy-view.h"

struct _TillitVacancyView
{
  AdwBin parent_instance;

  TillitStore *store;
  TillitRecord *vacancy;
  char *uuid;

  /* The panel member rating now, and whom. */
  char *rater;
  char *candidate;

  GtkStringList *units;
  GPtrArray *unit_uuids;
  GtkFilter *vacancy_filter;
  GtkFilterListModel *profile_model;
  GtkFilterListModel *candidate_model;

  guint refresh_id;
  guint ratings_id;
  guint advert_save_id;
  gboolean syncing;

  AdwViewStack *view_stack;
  AdwEntryRow *title_row;
  AdwComboRow *unit_row;
  AdwEntryRow *advert_date_row;
  AdwComboRow *status_row;
  GtkDropDown *add_dropdown;
  GtkLevelBar *balance_bar;
  GtkLabel *balance_label;
  GtkWidget *balance_warning;
  GtkListBox *profile_list;
  GtkTextView *advert_view;
  GtkLabel *advert_summary;
  GtkListBox *covered_list;
  GtkListBox *missing_list;
  AdwEntryRow *candidate_row;
  GtkListBox *candidate_list;
  AdwComboRow *rating_candidate_row;
  AdwEntryRow *rater_row;
  AdwActionRow *submitted_row;
  GtkSwitch *submitted_switch;
  GtkListBox *rating_list;
  GtkGrid *summary_grid;
  GtkListBox *scorecard_list;
};

G_DEFINE_FINAL_TYPE (TillitVacancyView, tillit_vacancy_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_VACANCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const status_nicks[] = {
  "draft", "advertised", "interviewing", "filled", "withdrawn", NULL
};

#define DEFAULT_WEIGHT 3
#define DEFAULT_EXPECTED_LEVEL 3

static void refresh (TillitVacancyView *self);
static void rebuild_ratings (TillitVacancyView *self);

static void
report_error (TillitVacancyView *self,
              GError            *error)
{
  tillit_recruitment_show_error (GTK_WIDGET (self), error);
}

static void
update (TillitVacancyView *self,
        TillitRecord      *record,
        const char        *name,
        const GValue      *value)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { name };

  if (!tillit_store_updatev (self->store, record, 1, names, value, &error))
    report_error (self, error);
}

static void
update_string (TillitVacancyView *self,
               TillitRecord      *record,
               const char        *name,
               const char        *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (g_strcmp0 (tillit_record_get_string (record, name), text) == 0)
    return;
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  update (self, record, name, &value);
}

static void
update_int (TillitVacancyView *self,
            TillitRecord      *record,
            const char        *name,
            int                number)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (tillit_record_get_int (record, name) == number)
    return;
  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, number);
  update (self, record, name, &value);
}

static gboolean
refresh_idle (gpointer data)
{
  TillitVacancyView *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many records can change in one step (an undo, a submit); the view is
 * redrawn once after them. */
static void
queue_refresh (TillitVacancyView *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static gboolean
ratings_idle (gpointer data)
{
  TillitVacancyView *self = data;

  self->ratings_id = 0;
  rebuild_ratings (self);
  return G_SOURCE_REMOVE;
}

static void
queue_ratings (TillitVacancyView *self)
{
  if (self->ratings_id == 0)
    self->ratings_id = g_idle_add (ratings_idle, self);
}

static gboolean
belongs_to_vacancy (gpointer item,
                    gpointer data)
{
  TillitVacancyView *self = data;

  return g_strcmp0 (tillit_record_get_string (item, "vacancy"), self->uuid) == 0;
}

static char *
competency_label (TillitRecord *competency)
{
  return g_strdup (competency != NULL ? tillit_recruitment_competency_name (competency) : "");
}

static TillitRecord *
entry_competency (TillitVacancyView *self,
                  TillitRecord      *entry)
{
  const char *uuid = tillit_record_get_string (entry, "competency");

  return uuid != NULL ? tillit_store_lookup (self->store, uuid) : NULL;
}

/* Vacancy details */

static void
on_title_apply (TillitVacancyView *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));

  if (*title == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                             tillit_record_get_string (self->vacancy, "title"));
      return;
    }
  update_string (self, self->vacancy, "title", title);
}

static void
on_advert_date_apply (TillitVacancyView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->advert_date_row))));
  GDate date;

  g_date_clear (&date, 1);
  if (*text != '\0')
    {
      int year, month, day;

      if (sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
          g_date_valid_dmy (day, month, year))
        g_date_set_dmy (&date, day, month, year);

      if (!g_date_valid (&date))
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->advert_date_row), "error");
          return;
        }
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->advert_date_row), "error");
  if (*text == '\0')
    update_string (self, self->vacancy, "advert-date", NULL);
  else
    {
      char iso[16];

      g_date_strftime (iso, sizeof iso, "%Y-%m-%d", &date);
      gtk_editable_set_text (GTK_EDITABLE (self->advert_date_row), iso);
      update_string (self, self->vacancy, "advert-date", iso);
    }
}

static void
on_status_selected (TillitVacancyView *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->syncing || selected >= G_N_ELEMENTS (status_nicks) - 1)
    return;
  update_string (self, self->vacancy, "status", status_nicks[selected]);
}

static void
on_unit_selected (TillitVacancyView *self)
{
  guint selected = adw_combo_row_get_selected (self->unit_row);

  if (self->syncing || selected >= self->unit_uuids->len)
    return;
  update_string (self, self->vacancy, "unit", g_ptr_array_index (self->unit_uuids, selected));
}

static void
rebuild_units (TillitVacancyView *self)
{
  GListModel *units = tillit_store_list (self->store, TILLIT_TYPE_UNIT);
  guint n = g_list_model_get_n_items (units);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_ptr_array_set_size (self->unit_uuids, 0);
  g_ptr_array_add (self->unit_uuids, NULL);
  g_ptr_array_add (names, (gpointer) _("No unit"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) unit = g_list_model_get_item (units, i);

      g_ptr_array_add (self->unit_uuids, g_strdup (tillit_record_get_uuid (unit)));
      g_ptr_array_add (names, (gpointer) tillit_record_get_string (unit, "name"));
    }
  g_ptr_array_add (names, NULL);

  self->syncing = TRUE;
  gtk_string_list_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)),
                          (const char * const *) names->pdata);
  self->syncing = FALSE;
}

static void
sync_details (TillitVacancyView *self)
{
  const char *unit = tillit_record_get_string (self->vacancy, "unit");
  const char *date = tillit_record_get_string (self->vacancy, "advert-date");
  const char *status = tillit_record_get_string (self->vacancy, "status");
  guint unit_index = 0;
  guint status_index = 0;

  if (!(gtk_widget_get_state_flags (GTK_WIDGET (self->title_row)) & GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                           tillit_record_get_string (self->vacancy, "title"));
  if (!(gtk_widget_get_state_flags (GTK_WIDGET (self->advert_date_row)) & GTK_STATE_FLAG_FOCUS_WITHIN))
    gtk_editable_set_text (GTK_EDITABLE (self->advert_date_row), date != NULL ? date : "");

  for (guint i = 1; i < self->unit_uuids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->unit_uuids, i), unit) == 0)
      unit_index = i;

  self->syncing = TRUE;
  adw_combo_row_set_selected (self->unit_row, unit_index);
  for (guint i = 0; status_nicks[i] != NULL; i++)
    if (g_strcmp0 (status_nicks[i], status) == 0)
      status_index = i;
  adw_combo_row_set_selected (self->status_row, status_index);
  self->syncing = FALSE;
}

/* The competency profile */

static void
on_weight_changed (GtkSpinButton *spin,
                   gpointer       data)
{
  TillitVacancyView *self = data;
  TillitRecord *entry = g_object_get_data (G_OBJECT (spin), "tillit-record");

  if (!self->syncing)
    update_int (self, entry, "weight", gtk_spin_button_get_value_as_int (spin));
}

static void
on_expected_changed (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     gpointer     data)
{
  TillitVacancyView *self = data;
  TillitRecord *entry = g_object_get_data (G_OBJECT (dropdown), "tillit-record");

  if (!self->syncing)
    update_int (self, entry, "expected-level", gtk_drop_down_get_selected (dropdown));
}

static void
on_remove_entry (GtkButton *button,
                 gpointer   data)
{
  TillitVacancyView *self = data;
  TillitRecord *entry = g_object_get_data (G_OBJECT (button), "tillit-record");
  g_autoptr(GError) error = NULL;

  if (!tillit_store_delete (self->store, entry, &error))
    report_error (self, error);
}

static GtkWidget *
level_dropdown (gboolean with_unrated)
{
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);

  if (with_unrated)
    gtk_string_list_append (levels, _("Not rated"));
  for (int level = TILLIT_SCORING_LEVEL_MIN; level <= TILLIT_SCORING_LEVEL_MAX; level++)
    gtk_string_list_append (levels, tillit_recruitment_level_label (level));

  return gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&levels)), NULL);
}

static void
attach_record (GtkWidget    *widget,
               TillitRecord *record)
{
  g_object_set_data_full (G_OBJECT (widget), "tillit-record", g_object_ref (record), g_object_unref);
}

static GtkWidget *
create_profile_row (gpointer item,
                    gpointer data)
{
  TillitVacancyView *self = data;
  TillitRecord *entry = item;
  TillitRecord *competency = entry_competency (self, entry);
  g_autofree char *name = competency_label (competency);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *weight_label = gtk_label_new (_("Weight"));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 5, 1);
  GtkWidget *expected = level_dropdown (FALSE);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *weight_name = g_strdup_printf (_("Weight of %s"), name);
  g_autofree char *expected_name = g_strdup_printf (_("Expected level of %s"), name);
  g_autofree char *remove_name = g_strdup_printf (_("Remove %s from the profile"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (competency != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   tillit_recruitment_category_label (tillit_record_get_string (competency,
                                                                                               "category")));
      gtk_widget_set_tooltip_text (row, tillit_recruitment_competency_description (competency));
    }

  gtk_widget_add_css_class (weight_label, "dim-label");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), tillit_record_get_int (entry, "weight"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, weight_name, -1);
  attach_record (spin, entry);
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_weight_changed), self);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (expected), tillit_record_get_int (entry, "expected-level"));
  gtk_widget_set_valign (expected, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (expected, _("Expected level"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (expected), GTK_ACCESSIBLE_PROPERTY_LABEL, expected_name, -1);
  attach_record (expected, entry);
  g_signal_connect (expected, "notify::selected", G_CALLBACK (on_expected_changed), self);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove from Profile"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  attach_record (remove, entry);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_entry), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), weight_label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), expected);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "tillit-weight", spin);
  g_object_set_data (G_OBJECT (row), "tillit-expected", expected);
  attach_record (row, entry);

  return row;
}

/* An undo changes a weight behind the row's back. */
static void
sync_profile_rows (TillitVacancyView *self)
{
  self->syncing = TRUE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->profile_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      TillitRecord *entry = g_object_get_data (G_OBJECT (row), "tillit-record");
      GtkSpinButton *spin = g_object_get_data (G_OBJECT (row), "tillit-weight");
      GtkDropDown *expected = g_object_get_data (G_OBJECT (row), "tillit-expected");

      if (entry == NULL)
        continue;
      if (gtk_spin_button_get_value_as_int (spin) != tillit_record_get_int (entry, "weight"))
        gtk_spin_button_set_value (spin, tillit_record_get_int (entry, "weight"));
      if ((int) gtk_drop_down_get_selected (expected) != tillit_record_get_int (entry, "expected-level"))
        gtk_drop_down_set_selected (expected, tillit_record_get_int (entry, "expected-level"));
    }
  self->syncing = FALSE;
}

static void
refresh_balance (TillitVacancyView *self,
                 GPtrArray         *entries)
{
  TillitScoringBalance balance;
  g_autofree char *text = NULL;

  tillit_recruitment_balance (self->store, entries, &balance);
  gtk_level_bar_set_value (self->balance_bar, tillit_scoring_balance_leadership_share (&balance));
  /* Translators: the weights of the two kinds of competency in a profile. */
  text = g_strdup_printf (_("Leadership %d · Administration %d"), balance.leadership, balance.administrative);
  gtk_label_set_text (self->balance_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->balance_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text, -1);
  gtk_widget_set_visible (self->balance_warning, tillit_scoring_balance_warns (&balance));
}

static void
add_competency (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TillitVacancyView *self = TILLIT_VACANCY_VIEW (widget);
  TillitRecord *competency = gtk_drop_down_get_selected_item (self->add_dropdown);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  if (competency == NULL)
    return;

  entries = tillit_recruitment_profile_entries (self->store, self->uuid);
  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (tillit_record_get_string (g_ptr_array_index (entries, i), "competency"),
                   tillit_record_get_uuid (competency)) == 0)
      {
        g_autoptr(GError) already = g_error_new (TILLIT_STORE_ERROR, TILLIT_STORE_ERROR_CONSTRAINT,
                                                 _("%s is already in the profile."),
                                                 tillit_recruitment_competency_name (competency));
        report_error (self, already);
        return;
      }

  if (tillit_store_create (self->store, TILLIT_TYPE_PROFILE_ENTRY, &error,
                           "vacancy", self->uuid,
                           "competency", tillit_record_get_uuid (competency),
                           "weight", DEFAULT_WEIGHT,
                           "expected-level", DEFAULT_EXPECTED_LEVEL,
                           NULL) == NULL)
    report_error (self, error);
}

static void
on_undo_clicked (TillitStore *store)
{
  tillit_store_undo (store, NULL);
}

static void
delete_vacancy (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TillitVacancyView *self = TILLIT_VACANCY_VIEW (widget);
  GtkWidget *overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_autoptr(TillitStore) store = g_object_ref (self->store);
  g_autoptr(GError) error = NULL;

  if (!tillit_store_delete (store, self->vacancy, &error))
    {
      report_error (self, error);
      return;
    }

  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (_("Vacancy deleted"));

      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_clicked), store,
                               G_CONNECT_SWAPPED);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

/* The advert check */

static GtkWidget *
advert_row (TillitRecord *competency,
            const char   *subtitle,
            gboolean      covered)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (covered ? "emblem-ok-symbolic" : "dialog-warning-symbolic");

  gtk_widget_add_css_class (icon, covered ? "success" : "warning");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  covered ? _("Covered") : _("Missing"), -1);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tillit_recruitment_competency_name (competency));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
advert_text (TillitVacancyView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->advert_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
refresh_advert (TillitVacancyView *self,
                GPtrArray         *entries)
{
  g_autofree char *text = advert_text (self);
  g_autofree char *summary = NULL;
  guint n_covered = 0;

  clear_list (self->covered_list);
  clear_list (self->missing_list);

  for (guint i = 0; i < entries->len; i++)
    {
      TillitRecord *competency = entry_competency (self, g_ptr_array_index (entries, i));
      const char *lists[3];
      g_auto(GStrv) found = NULL;

      if (competency == NULL)
        continue;

      lists[0] = tillit_record_get_string (competency, "keywords-en");
      lists[1] = tillit_record_get_string (competency, "keywords-sv");
      lists[2] = NULL;
      found = tillit_scoring_keywords_found (text, lists);

      if (found[0] != NULL)
        {
          g_autofree char *joined = g_strjoinv (", ", found);
          /* Translators: the keywords an advert was found to use. */
          g_autofree char *subtitle = g_strdup_printf (_("Found: %s"), joined);

          n_covered++;
          gtk_list_box_append (self->covered_list, advert_row (competency, subtitle, TRUE));
        }
      else
        {
          const char *keywords = tillit_record_get_string (competency,
                                                           tillit_recruitment_prefers_swedish () ? "keywords-sv"
                                                                                                 : "keywords-en");
          /* Translators: the keywords that would show the advert speaks to a competency. */
          g_autofree char *subtitle = g_strdup_printf (_("Keywords: %s"), keywords != NULL ? keywords : "");

          gtk_list_box_append (self->missing_list, advert_row (competency, subtitle, FALSE));
        }
    }

  if (entries->len == 0)
    summary = g_strdup (_("Add competencies to the profile to check the advert against them."));
  else if (*text == '\0')
    summary = g_strdup (_("Paste the advert text to check it."));
  else
    /* Translators: "4 of 6 profile competencies covered". */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u of %u profile competency covered",
                                            "%u of %u profile competencies covered",
                                            entries->len),
                               n_covered, entries->len);
  gtk_label_set_text (self->advert_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->covered_list), n_covered > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_list), n_covered < entries->len);
}

static gboolean
save_advert (gpointer data)
{
  TillitVacancyView *self = data;
  g_autofree char *text = advert_text (self);

  self->advert_save_id = 0;
  update_string (self, self->vacancy, "advert-text", *text != '\0' ? text : NULL);
  return G_SOURCE_REMOVE;
}

/* Checked as the text changes; written when the typing pauses, so that
 * one paste is one undo step and not one per key. */
static void
on_advert_changed (TillitVacancyView *self)
{
  if (self->syncing)
    return;

  g_clear_handle_id (&self->advert_save_id, g_source_remove);
  self->advert_save_id = g_timeout_add (600, save_advert, self);
  queue_refresh (self);
}

static void
sync_advert (TillitVacancyView *self)
{
  const char *stored = tillit_record_get_string (self->vacancy, "advert-text");
  g_autofree char *text = NULL;

  if (self->advert_save_id != 0)
    return;

  text = advert_text (self);
  if (g_strcmp0 (text, stored != NULL ? stored : "") != 0)
    {
      self->syncing = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->advert_view), stored != NULL ? stored : "", -1);
      self->syncing = FALSE;
    }
}

/* Candidates */

static void
on_candidate_apply (TillitVacancyView *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->candidate_row))));
  g_autoptr(GError) error = NULL;

  if (*name == '\0')
    return;

  if (tillit_store_create (self->store, TILLIT_TYPE_CANDIDATE, &error,
                           "vacancy", self->uuid, "name", name, NULL) == NULL)
    {
      report_error (self, error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->candidate_row), "");
}

static void
on_remove_candidate (GtkButton *button,
                     gpointer   data)
{
  TillitVacancyView *self = data;
  TillitRecord *candidate = g_object_get_data (G_OBJECT (button), "tillit-record");
  g_autoptr(GError) error = NULL;

  if (!tillit_store_delete (self->store, candidate, &error))
    report_error (self, error);
}

static GtkWidget *
create_candidate_row (gpointer item,
                      gpointer data)
{
  TillitVacancyView *self = data;
  TillitRecord *candidate = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), tillit_record_get_string (candidate, "name"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_bind_property (candidate, "name", row, "title", G_BINDING_SYNC_CREATE);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Candidate"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  attach_record (remove, candidate);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_candidate), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* Ratings: one panel member's view of one candidate */

static void
on_rating_level (GtkDropDown *dropdown,
                 GParamSpec  *pspec,
                 gpointer     data)
{
  TillitVacancyView *self = data;
  const char *competency = g_object_get_data (G_OBJECT (dropdown), "tillit-competency");
  GtkWidget *note = g_object_get_data (G_OBJECT (dropdown), "tillit-note");
  guint selected = gtk_drop_down_get_selected (dropdown);
  TillitRecord *rating;
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->candidate == NULL || self->rater == NULL)
    return;

  rating = tillit_recruitment_find_rating (self->store, self->candidate, competency, self->rater);
  if (selected == 0)
    {
      if (rating != NULL && !tillit_store_delete (self->store, rating, &error))
        report_error (self, error);
    }
  else if (rating != NULL)
    update_int (self, rating, "level", (int) selected - 1);
  else if (tillit_store_create (self->store, TILLIT_TYPE_RATING, &error,
                                "candidate", self->candidate,
                                "competency", competency,
                                "rater", self->rater,
                                "level", (int) selected - 1,
                                "submitted", gtk_switch_get_active (self->submitted_switch),
                                NULL) == NULL)
    report_error (self, error);

  gtk_widget_set_sensitive (note, selected != 0);
}

static void
save_note (TillitVacancyView *self,
           GtkEditable       *note)
{
  const char *competency = g_object_get_data (G_OBJECT (note), "tillit-competency");
  TillitRecord *rating;
  g_autofree char *text = NULL;

  if (self->syncing || self->candidate == NULL || self->rater == NULL)
    return;

  rating = tillit_recruitment_find_rating (self->store, self->candidate, competency, self->rater);
  if (rating == NULL)
    return;

  text = g_strstrip (g_strdup (gtk_editable_get_text (note)));
  update_string (self, rating, "note", *text != '\0' ? text : NULL);
}

static gboolean
save_note_timeout (gpointer data)
{
  GtkEditable *note = data;
  TillitVacancyView *self = TILLIT_VACANCY_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (note),
                                                                          TILLIT_TYPE_VACANCY_VIEW));

  g_object_set_data (G_OBJECT (note), "tillit-timeout", NULL);
  if (self != NULL)
    save_note (self, note);
  return G_SOURCE_REMOVE;
}

static void
cancel_timeout (gpointer data)
{
  guint id = GPOINTER_TO_UINT (data);

  if (id != 0)
    g_source_remove (id);
}

static void
on_note_changed (GtkEditable *note,
                 gpointer     data)
{
  TillitVacancyView *self = data;

  if (self->syncing)
    return;

  g_object_set_data_full (G_OBJECT (note), "tillit-timeout",
                          GUINT_TO_POINTER (g_timeout_add_full (G_PRIORITY_DEFAULT, 600, save_note_timeout,
                                                                g_object_ref (note), g_object_unref)),
                          cancel_timeout);
}

static void
on_note_activate (GtkEditable *note,
                  gpointer     data)
{
  g_object_set_data (G_OBJECT (note), "tillit-timeout", NULL);
  save_note (data, note);
}

static gboolean
rater_all_submitted (TillitVacancyView *self)
{
  g_autoptr(GPtrArray) ratings = NULL;

  if (self->candidate == NULL || self->rater == NULL)
    return FALSE;

  ratings = tillit_recruitment_rater_ratings (self->store, self->candidate, self->rater);
  for (guint i = 0; i < ratings->len; i++)
    if (!tillit_record_get_boolean (g_ptr_array_index (ratings, i), "submitted"))
      return FALSE;
  return ratings->len > 0;
}

static void
on_submitted_toggled (TillitVacancyView *self)
{
  gboolean submitted = gtk_switch_get_active (self->submitted_switch);
  g_autoptr(GPtrArray) ratings = NULL;

  if (self->syncing || self->candidate == NULL || self->rater == NULL)
    return;

  ratings = tillit_recruitment_rater_ratings (self->store, self->candidate, self->rater);
  tillit_store_begin_group (self->store, submitted ? _("Submit ratings") : _("Reopen ratings"));
  for (guint i = 0; i < ratings->len; i++)
    {
      TillitRecord *rating = g_ptr_array_index (ratings, i);
      g_auto(GValue) value = G_VALUE_INIT;

      if (tillit_record_get_boolean (rating, "submitted") == submitted)
        continue;
      g_value_init (&value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&value, submitted);
      update (self, rating, "submitted", &value);
    }
  tillit_store_end_group (self->store);
}

static GtkWidget *
create_rating_row (TillitVacancyView *self,
                   TillitRecord      *entry)
{
  TillitRecord *competency = entry_competency (self, entry);
  const char *uuid = tillit_record_get_string (entry, "competency");
  TillitRecord *rating = tillit_recruitment_find_rating (self->store, self->candidate, uuid, self->rater);
  g_autofree char *name = competency_label (competency);
  g_autofree char *subtitle = NULL;
  g_autofree char *level_name = g_strdup_printf (_("Level for %s"), name);
  g_autofree char *note_name = g_strdup_printf (_("Evidence for %s"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *level = level_dropdown (TRUE);
  GtkWidget *note = gtk_entry_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  /* Translators: the level a vacancy's profile expects, "Expected: 3 · Meets". */
  subtitle = g_strdup_printf (_("Expected: %s"),
                              tillit_recruitment_level_label (tillit_record_get_int (entry, "expected-level")));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (competency != NULL)
    gtk_widget_set_tooltip_text (row, tillit_recruitment_competency_description (competency));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (level), rating != NULL ? tillit_record_get_int (rating, "level") + 1 : 0);
  gtk_widget_set_valign (level, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (level), GTK_ACCESSIBLE_PROPERTY_LABEL, level_name, -1);
  g_object_set_data_full (G_OBJECT (level), "tillit-competency", g_strdup (uuid), g_free);
  g_object_set_data (G_OBJECT (level), "tillit-note", note);
  g_signal_connect (level, "notify::selected", G_CALLBACK (on_rating_level), self);

  gtk_editable_set_text (GTK_EDITABLE (note), rating != NULL && tillit_record_get_string (rating, "note") != NULL
                                              ? tillit_record_get_string (rating, "note") : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (note), _("Evidence note"));
  gtk_editable_set_width_chars (GTK_EDITABLE (note), 18);
  gtk_widget_set_valign (note, GTK_ALIGN_CENTER);
  gtk_widget_set_sensitive (note, rating != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (note), GTK_ACCESSIBLE_PROPERTY_LABEL, note_name, -1);
  g_object_set_data_full (G_OBJECT (note), "tillit-competency", g_strdup (uuid), g_free);
  g_signal_connect (note, "changed", G_CALLBACK (on_note_changed), self);
  g_signal_connect (note, "activate", G_CALLBACK (on_note_activate), self);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), level);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), note);
  return row;
}

static void
rebuild_ratings (TillitVacancyView *self)
{
  TillitRecord *candidate = adw_combo_row_get_selected_item (self->rating_candidate_row);
  g_autoptr(GPtrArray) entries = tillit_recruitment_profile_entries (self->store, self->uuid);
  gboolean ready;

  g_clear_pointer (&self->candidate, g_free);
  if (candidate != NULL)
    self->candidate = g_strdup (tillit_record_get_uuid (candidate));

  ready = self->candidate != NULL && self->rater != NULL;
  clear_list (self->rating_list);
  gtk_widget_set_sensitive (GTK_WIDGET (self->submitted_row), ready);

  if (!ready)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     candidate == NULL ? _("Add a candidate to rate")
                                                       : _("Enter the panel member's name to rate"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->rating_list, row);
    }
  else
    for (guint i = 0; i < entries->len; i++)
      gtk_list_box_append (self->rating_list, create_rating_row (self, g_ptr_array_index (entries, i)));

  self->syncing = TRUE;
  gtk_switch_set_active (self->submitted_switch, rater_all_submitted (self));
  self->syncing = FALSE;
}

static void
on_rater_apply (TillitVacancyView *self)
{
  g_autofree char *rater = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rater_row))));

  g_clear_pointer (&self->rater, g_free);
  if (*rater != '\0')
    self->rater = g_steal_pointer (&rater);
  queue_ratings (self);
}

/* The summary */

static GtkWidget *
grid_label (const char *text,
            const char *css_class,
            float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static char *
format_spread (const TillitScoringScore *score)
{
  if (score->n_raters == 0)
    return g_strdup (_("Not rated"));
  /* Translators: a panel's spread and how many rated: "3–4 · 2 raters". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d–%d · %u rater", "%d–%d · %u raters",
                                       score->n_raters),
                          score->min, score->max, score->n_raters);
}

/* Two lines, the figure first, so that candidates fit side by side. */
static GtkWidget *
summary_cell (const char *figure,
              const char *detail,
              const char *figure_class,
              const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *top = grid_label (figure, figure_class, 0);
  GtkWidget *bottom = grid_label (detail, "caption", 0);
  g_autofree char *detail_name = g_strconcat (name, "-detail", NULL);

  gtk_widget_add_css_class (top, "numeric");
  gtk_widget_add_css_class (top, "heading");
  gtk_widget_add_css_class (bottom, "dim-label");
  gtk_widget_set_name (top, name);
  gtk_widget_set_name (bottom, detail_name);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  return box;
}

static char *
format_total (const TillitScoringTotal *total)
{
  /* Translators: a weighted total against the profile: "23.5 of 28.0 expected (84 %)". */
  return g_strdup_printf (_("%.1f of %.1f expected (%.0f %%)"), total->weighted, total->expected,
                          100.0 * tillit_scoring_total_fit (total));
}

static void
on_print_scorecard (GtkButton *button,
                    gpointer   data)
{
  TillitVacancyView *self = data;
  TillitRecord *candidate = g_object_get_data (G_OBJECT (button), "tillit-record");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GError) error = NULL;

  if (!tillit_scorecard_print (self->store, candidate, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error))
    report_error (self, error);
}

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         data)
{
  TillitVacancyView *self = data;
  TillitRecord *candidate = g_object_get_data (G_OBJECT (dialog), "tillit-record");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;

      if (!tillit_scorecard_export_pdf (self->store, candidate, g_file_peek_path (file), &error))
        report_error (self, error);
    }
  g_object_unref (dialog);
}

static void
on_export_scorecard (GtkButton *button,
                     gpointer   data)
{
  TillitVacancyView *self = data;
  TillitRecord *candidate = g_object_get_data (G_OBJECT (button), "tillit-record");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Export Scorecard"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  /* Translators: the file name of a candidate's scorecard. */
  name = g_strdup_printf (_("Scorecard %s.pdf"), tillit_record_get_string (candidate, "name"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data_full (G_OBJECT (dialog), "tillit-record", g_object_ref (candidate), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static GtkWidget *
scorecard_row (TillitVacancyView        *self,
               TillitRecord             *candidate,
               const TillitScoringTotal *total)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *export = gtk_button_new_with_mnemonic (_("Export _PDF…"));
  g_autofree char *subtitle = format_total (total);
  const char *name = tillit_record_get_string (candidate, "name");
  g_autofree char *print_name = g_strdup_printf (_("Print the scorecard of %s"), name);
  g_autofree char *export_name = g_strdup_printf (_("Export the scorecard of %s as PDF"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  for (guint i = 0; i < 2; i++)
    {
      GtkWidget *button = i == 0 ? print : export;

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      i == 0 ? print_name : export_name, -1);
      attach_record (button, candidate);
      g_signal_connect (button, "clicked", G_CALLBACK (i == 0 ? on_print_scorecard : on_export_scorecard), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
refresh_summary (TillitVacancyView *self,
                 GPtrArray         *entries)
{
  g_autoptr(GPtrArray) candidates = tillit_recruitment_candidates (self->store, self->uuid);
  g_autofree TillitScoringScore *scores = g_new0 (TillitScoringScore, MAX (entries->len, 1));
  GtkWidget *child;
  int total_row = entries->len + 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->summary_grid))) != NULL)
    gtk_grid_remove (self->summary_grid, child);
  clear_list (self->scorecard_list);

  gtk_grid_attach (self->summary_grid, grid_label (_("Competency"), "heading", 0), 0, 0, 1, 1);
  gtk_grid_attach (self->summary_grid, grid_label (_("Weight"), "heading", 0.5), 1, 0, 1, 1);
  gtk_grid_attach (self->summary_grid, grid_label (_("Expected"), "heading", 0.5), 2, 0, 1, 1);
  gtk_grid_attach (self->summary_grid, grid_label (_("Weighted total"), "heading", 0), 0, total_row, 3, 1);

  for (guint i = 0; i < entries->len; i++)
    {
      TillitRecord *entry = g_ptr_array_index (entries, i);
      g_autofree char *name = competency_label (entry_competency (self, entry));
      g_autofree char *weight = g_strdup_printf ("%d", tillit_record_get_int (entry, "weight"));
      g_autofree char *expected = g_strdup_printf ("%d", tillit_record_get_int (entry, "expected-level"));

      gtk_grid_attach (self->summary_grid, grid_label (name, NULL, 0), 0, i + 1, 1, 1);
      gtk_grid_attach (self->summary_grid, grid_label (weight, "numeric", 0.5), 1, i + 1, 1, 1);
      gtk_grid_attach (self->summary_grid, grid_label (expected, "numeric", 0.5), 2, i + 1, 1, 1);
    }

  for (guint c = 0; c < candidates->len; c++)
    {
      TillitRecord *candidate = g_ptr_array_index (candidates, c);
      const char *uuid = tillit_record_get_uuid (candidate);
      TillitScoringTotal total;
      g_autofree char *total_text = NULL;
      g_autofree char *total_figure = NULL;
      g_autofree char *total_id = g_strdup_printf ("summary-total-%s", uuid);

      tillit_recruitment_score_candidate (self->store, entries, uuid, scores, &total);
      gtk_grid_attach (self->summary_grid,
                       grid_label (tillit_record_get_string (candidate, "name"), "heading", 0),
                       3 + c, 0, 1, 1);

      for (guint i = 0; i < entries->len; i++)
        {
          TillitRecord *entry = g_ptr_array_index (entries, i);
          g_autofree char *mean = scores[i].n_raters > 0 ? g_strdup_printf ("%.1f", scores[i].mean) : g_strdup ("–");
          g_autofree char *spread = format_spread (&scores[i]);
          g_autofree char *id = g_strdup_printf ("summary-%s-%s", uuid,
                                                 tillit_record_get_string (entry, "competency"));
          const char *css = scores[i].n_raters == 0 ? "dim-label"
                            : scores[i].mean >= tillit_record_get_int (entry, "expected-level") ? "success"
                            : "warning";

          gtk_grid_attach (self->summary_grid, summary_cell (mean, spread, css, id), 3 + c, i + 1, 1, 1);
        }

      total_figure = g_strdup_printf ("%.1f / %.1f", total.weighted, total.expected);
      /* Translators: a weighted total as a share of the expected one. */
      total_text = g_strdup_printf (_("%.0f %% of expected"), 100.0 * tillit_scoring_total_fit (&total));
      if (total.n_unrated > 0)
        {
          /* Translators: appended to a weighted total while competencies are unrated. */
          g_autofree char *gaps = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u not yet rated",
                                                                "%u not yet rated", total.n_unrated),
                                                   total.n_unrated);
          char *both = g_strdup_printf ("%s\n%s", total_text, gaps);

          g_free (total_text);
          total_text = both;
        }
      gtk_grid_attach (self->summary_grid, summary_cell (total_figure, total_text, NULL, total_id),
                       3 + c, total_row, 1, 1);

      gtk_list_box_append (self->scorecard_list, scorecard_row (self, candidate, &total));
    }

  if (candidates->len == 0)
    gtk_grid_attach (self->summary_grid, grid_label (_("No candidates yet"), "dim-label", 0), 3, 0, 1, 1);
  gtk_widget_set_visible (GTK_WIDGET (self->scorecard_list), candidates->len > 0);
}

static void
refresh (TillitVacancyView *self)
{
  g_autoptr(GPtrArray) entries = NULL;

  if (self->store == NULL || self->vacancy == NULL)
    return;

  entries = tillit_recruitment_profile_entries (self->store, self->uuid);
  sync_details (self);
  sync_profile_rows (self);
  refresh_balance (self, entries);
  sync_advert (self);
  refresh_advert (self, entries);
  refresh_summary (self, entries);

  self->syncing = TRUE;
  gtk_switch_set_active (self->submitted_switch, rater_all_submitted (self));
  self->syncing = FALSE;
}

/* Watching the store: every record that can change what is shown */

static void
on_record_notify (TillitVacancyView *self)
{
  queue_refresh (self);
}

static void
watch_items (TillitVacancyView *self,
             GListModel        *list,
             guint              position,
             guint              added)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_signal_connect_object (item, "notify", G_CALLBACK (on_record_notify), self, G_CONNECT_SWAPPED);
    }
}

static void
on_items_changed (GListModel        *list,
                  guint              position,
                  guint              removed,
                  guint              added,
                  TillitVacancyView *self)
{
  watch_items (self, list, position, added);
  queue_refresh (self);
}

static void
watch (TillitVacancyView *self,
       GType              type)
{
  GListModel *list = tillit_store_list (self->store, type);

  watch_items (self, list, 0, g_list_model_get_n_items (list));
  g_signal_connect_object (list, "items-changed", G_CALLBACK (on_items_changed), self, 0);
}

static void
on_profile_items_changed (TillitVacancyView *self)
{
  queue_ratings (self);
}

static void
on_units_changed (TillitVacancyView *self)
{
  rebuild_units (self);
  queue_refresh (self);
}

static void
on_vacancy_notify (TillitVacancyView *self)
{
  queue_refresh (self);
}

static GtkExpression *
competency_name_expression (void)
{
  return gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                      G_CALLBACK (competency_label), NULL, NULL);
}

static void
set_up (TillitVacancyView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) competency_name = competency_name_expression ();
  g_autoptr(GtkExpression) candidate_name = gtk_property_expression_new (TILLIT_TYPE_CANDIDATE, NULL, "name");
  GListModel *competencies = tillit_store_list (self->store, TILLIT_TYPE_COMPETENCY);

  self->uuid = g_strdup (tillit_record_get_uuid (self->vacancy));
  self->vacancy_filter = GTK_FILTER (gtk_custom_filter_new (belongs_to_vacancy, self, NULL));

  for (guint i = 0; status_nicks[i] != NULL; i++)
    gtk_string_list_append (statuses, tillit_recruitment_status_label (status_nicks[i]));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));

  self->units = gtk_string_list_new (NULL);
  self->unit_uuids = g_ptr_array_new_with_free_func (g_free);
  adw_combo_row_set_model (self->unit_row, G_LIST_MODEL (self->units));
  rebuild_units (self);

  gtk_drop_down_set_expression (self->add_dropdown, competency_name);
  gtk_drop_down_set_model (self->add_dropdown, competencies);

  self->profile_model = gtk_filter_list_model_new (g_object_ref (tillit_store_list (self->store,
                                                                                    TILLIT_TYPE_PROFILE_ENTRY)),
                                                   g_object_ref (self->vacancy_filter));
  gtk_list_box_bind_model (self->profile_list, G_LIST_MODEL (self->profile_model),
                           create_profile_row, self, NULL);

  self->candidate_model = gtk_filter_list_model_new (g_object_ref (tillit_store_list (self->store,
                                                                                      TILLIT_TYPE_CANDIDATE)),
                                                     g_object_ref (self->vacancy_filter));
  gtk_list_box_bind_model (self->candidate_list, G_LIST_MODEL (self->candidate_model),
                           create_candidate_row, self, NULL);
  adw_combo_row_set_expression (self->rating_candidate_row, candidate_name);
  adw_combo_row_set_model (self->rating_candidate_row, G_LIST_MODEL (self->candidate_model));

  g_signal_connect_object (self->vacancy, "notify", G_CALLBACK (on_vacancy_notify), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profile_model, "items-changed", G_CALLBACK (on_profile_items_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (tillit_store_list (self->store, TILLIT_TYPE_UNIT), "items-changed",
                           G_CALLBACK (on_units_changed), self, G_CONNECT_SWAPPED);
  watch (self, TILLIT_TYPE_PROFILE_ENTRY);
  watch (self, TILLIT_TYPE_CANDIDATE);
  watch (self, TILLIT_TYPE_RATING);
  watch (self, TILLIT_TYPE_COMPETENCY);

  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_row, "notify::selected", G_CALLBACK (on_unit_selected), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->rating_candidate_row, "notify::selected", G_CALLBACK (queue_ratings), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->submitted_switch, "notify::active", G_CALLBACK (on_submitted_toggled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->advert_view), "changed",
                           G_CALLBACK (on_advert_changed), self, G_CONNECT_SWAPPED);

  refresh (self);
  rebuild_ratings (self);
}

static void
tillit_vacancy_view_constructed (GObject *object)
{
  TillitVacancyView *self = TILLIT_VACANCY_VIEW (object);

  G_OBJECT_CLASS (tillit_vacancy_view_parent_class)->constructed (object);

  if (self->store != NULL && self->vacancy != NULL)
    set_up (self);
}

static void
tillit_vacancy_view_dispose (GObject *object)
{
  TillitVacancyView *self = TILLIT_VACANCY_VIEW (object);

  /* Typing that has not been written yet is not lost with the view. */
  if (self->advert_save_id != 0)
    {
      g_clear_handle_id (&self->advert_save_id, g_source_remove);
      if (self->vacancy != NULL && tillit_store_lookup (self->store, self->uuid) != NULL)
        save_advert (self);
    }
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->ratings_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), TILLIT_TYPE_VACANCY_VIEW);

  g_clear_object (&self->profile_model);
  g_clear_object (&self->candidate_model);
  g_clear_object (&self->vacancy_filter);
  g_clear_object (&self->units);
  g_clear_pointer (&self->unit_uuids, g_ptr_array_unref);
  g_clear_object (&self->vacancy);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tillit_vacancy_view_parent_class)->dispose (object);
}

static void
tillit_vacancy_view_finalize (GObject *object)
{
  TillitVacancyView *self = TILLIT_VACANCY_VIEW (object);

  g_free (self->uuid);
  g_free (self->rater);
  g_free (self->candidate);

  G_OBJECT_CLASS (tillit_vacancy_view_parent_class)->finalize (object);
}

static void
tillit_vacancy_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TillitVacancyView *self = TILLIT_VACANCY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_VACANCY:
      g_value_set_object (value, self->vacancy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_vacancy_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TillitVacancyView *self = TILLIT_VACANCY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_VACANCY:
      self->vacancy = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_vacancy_view_class_init (TillitVacancyViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tillit_vacancy_view_constructed;
  object_class->dispose = tillit_vacancy_view_dispose;
  object_class->finalize = tillit_vacancy_view_finalize;
  object_class->get_property = tillit_vacancy_view_get_property;
  object_class->set_property = tillit_vacancy_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VACANCY] =
    g_param_spec_object ("vacancy", NULL, NULL, TILLIT_TYPE_VACANCY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TILLIT_TYPE_CANDIDATE);
  g_type_ensure (TILLIT_TYPE_COMPETENCY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tillit/Tillit/recruitment/tillit-vacancy-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, title_row);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, advert_date_row);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, status_row);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, add_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, balance_bar);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, balance_label);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, balance_warning);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, profile_list);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, advert_view);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, advert_summary);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, covered_list);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, missing_list);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, candidate_row);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, candidate_list);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, rating_candidate_row);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, rater_row);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, submitted_row);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, submitted_switch);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, rating_list);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, TillitVacancyView, scorecard_list);
  gtk_widget_class_bind_template_callback (widget_class, on_title_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_advert_date_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_candidate_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_rater_apply);

  gtk_widget_class_install_action (widget_class, "vacancy.add-competency", NULL, add_competency);
  gtk_widget_class_install_action (widget_class, "vacancy.delete", NULL, delete_vacancy);
}

static void
tillit_vacancy_view_init (TillitVacancyView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_level_bar_remove_offset_value (self->balance_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->balance_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->balance_bar, GTK_LEVEL_BAR_OFFSET_FULL);
}

GtkWidget *
tillit_vacancy_view_new (TillitStore  *store,
                         TillitRecord *vacancy)
{
  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_VACANCY (vacancy), NULL);

  return g_object_new (TILLIT_TYPE_VACANCY_VIEW, "store", store, "vacancy", vacancy, NULL);
}

TillitRecord *
tillit_vacancy_view_get_vacancy (TillitVacancyView *self)
{
  g_return_val_if_fail (TILLIT_IS_VACANCY_VIEW (self), NULL);

  return self->vacancy;
}

/**
 * tillit_vacancy_view_show_page:
 * @name: "profile", "advert", "candidates" or "summary"
 */
void
tillit_vacancy_view_show_page (TillitVacancyView *self,
                               const char        *name)
{
  g_return_if_fail (TILLIT_IS_VACANCY_VIEW (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

void
tillit_vacancy_view_focus_title (TillitVacancyView *self)
{
  g_return_if_fail (TILLIT_IS_VACANCY_VIEW (self));

  adw_view_stack_set_visible_child_name (self->view_stack, "profile");
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}
