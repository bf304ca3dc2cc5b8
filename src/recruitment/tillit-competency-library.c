/* tillit-competency-library.c: the editable library of competencies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-competency.h"
#include "model/tillit-principle.h"
#include "tillit-competency-library.h"
#include "tillit-recruitment-text.h"

struct _TillitCompetencyLibrary
{
  AdwPreferencesWindow parent_instance;

  TillitStore *store;
  AdwPreferencesGroup *group;
  GPtrArray *rows;
};

G_DEFINE_FINAL_TYPE (TillitCompetencyLibrary, tillit_competency_library, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  const char *field;
  const char *title;
} text_fields[] = {
  { "name-en", N_("Name (English)") },
  { "name-sv", N_("Name (Swedish)") },
  { "description-en", N_("Description (English)") },
  { "description-sv", N_("Description (Swedish)") },
  { "keywords-en", N_("Advert Keywords (English, comma-separated)") },
  { "keywords-sv", N_("Advert Keywords (Swedish, comma-separated)") },
};

static void
toast_error (TillitCompetencyLibrary *self,
             GError                  *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
update_string (TillitCompetencyLibrary *self,
               TillitRecord            *record,
               const char              *field,
               const char              *text)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (tillit_record_get_string (record, field), text) == 0)
    return;
  if (!tillit_store_update (self->store, record, &error, field, text, NULL))
    toast_error (self, error);
}

static void
on_text_apply (AdwEntryRow             *row,
               TillitCompetencyLibrary *self)
{
  TillitRecord *competency = g_object_get_data (G_OBJECT (row), "tillit-record");
  const char *field = g_object_get_data (G_OBJECT (row), "tillit-field");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  update_string (self, competency, field, *text != '\0' ? text : NULL);
}

static void
on_category_selected (AdwComboRow             *row,
                      GParamSpec              *pspec,
                      TillitCompetencyLibrary *self)
{
  TillitRecord *competency = g_object_get_data (G_OBJECT (row), "tillit-record");

  update_string (self, competency, "category",
                 adw_combo_row_get_selected (row) == 1 ? "administrative" : "leadership");
}

static void
on_delete_clicked (GtkButton               *button,
                   TillitCompetencyLibrary *self)
{
  TillitRecord *competency = g_object_get_data (G_OBJECT (button), "tillit-record");
  g_autoptr(GError) error = NULL;

  if (!tillit_store_delete (self->store, competency, &error))
    toast_error (self, error);
}

static void
sync_title (AdwExpanderRow *row,
            GParamSpec     *pspec,
            TillitRecord   *competency)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tillit_recruitment_competency_name (competency));
  adw_expander_row_set_subtitle (row,
                                 tillit_recruitment_category_label (tillit_record_get_string (competency,
                                                                                             "category")));
}

static void
on_principle_toggled (GtkCheckButton          *check,
                      TillitCompetencyLibrary *self)
{
  TillitRecord *competency = g_object_get_data (G_OBJECT (check), "tillit-record");
  const char *principle = g_object_get_data (G_OBJECT (check), "tillit-principle");
  const char * const *linked = tillit_record_get_strv (competency, "principles");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) principles = NULL;
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (active == (linked != NULL && g_strv_contains (linked, principle)))
    return;

  for (guint i = 0; linked != NULL && linked[i] != NULL; i++)
    if (g_strcmp0 (linked[i], principle) != 0)
      g_strv_builder_add (builder, linked[i]);
  if (active)
    g_strv_builder_add (builder, principle);
  principles = g_strv_builder_end (builder);

  if (!tillit_store_update (self->store, competency, &error, "principles", principles, NULL))
    toast_error (self, error);
}

/* One check per principle of the frameworks: a competency serves them. */
static void
add_principle_rows (TillitCompetencyLibrary *self,
                    AdwExpanderRow          *row,
                    TillitRecord            *competency)
{
  GListModel *list = tillit_store_list (self->store, TILLIT_TYPE_PRINCIPLE);
  const char * const *linked = tillit_record_get_strv (competency, "principles");

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) principle = g_list_model_get_item (list, i);
      const char *uuid = tillit_record_get_uuid (principle);
      const char *name = tillit_record_get_string (principle, tillit_recruitment_prefers_swedish ()
                                                              ? "name-sv" : "name-en");
      gboolean active = linked != NULL && g_strv_contains (linked, uuid);
      GtkWidget *principle_row;
      GtkWidget *check;
      g_autofree char *title = NULL;

      if (tillit_record_get_boolean (principle, "retired") && !active)
        continue;

      /* Translators: a row that links a competency to a principle of the framework. */
      title = g_strdup_printf (_("Serves “%s”"), name != NULL ? name : "");
      principle_row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (principle_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (principle_row), title);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      g_object_set_data_full (G_OBJECT (check), "tillit-record", g_object_ref (competency), g_object_unref);
      g_object_set_data_full (G_OBJECT (check), "tillit-principle", g_strdup (uuid), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_principle_toggled), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (principle_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (principle_row), check);
      adw_expander_row_add_row (row, principle_row);
    }
}

static GtkWidget *
competency_row (TillitCompetencyLibrary *self,
                TillitRecord            *competency)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *category = adw_combo_row_new ();
  GtkWidget *delete_row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_with_mnemonic (_("_Delete Competency"));
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  sync_title (ADW_EXPANDER_ROW (row), NULL, competency);
  g_signal_connect_object (competency, "notify", G_CALLBACK (sync_title), row, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkWidget *entry = adw_entry_row_new ();
      const char *value = tillit_record_get_string (competency, text_fields[i].field);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _(text_fields[i].title));
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
      gtk_editable_set_text (GTK_EDITABLE (entry), value != NULL ? value : "");
      g_object_set_data_full (G_OBJECT (entry), "tillit-record", g_object_ref (competency), g_object_unref);
      g_object_set_data (G_OBJECT (entry), "tillit-field", (gpointer) text_fields[i].field);
      g_signal_connect (entry, "apply", G_CALLBACK (on_text_apply), self);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
    }

  gtk_string_list_append (categories, tillit_recruitment_category_label ("leadership"));
  gtk_string_list_append (categories, tillit_recruitment_category_label ("administrative"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (category), _("Category"));
  adw_combo_row_set_model (ADW_COMBO_ROW (category), G_LIST_MODEL (categories));
  adw_combo_row_set_selected (ADW_COMBO_ROW (category),
                              g_strcmp0 (tillit_record_get_string (competency, "category"), "administrative") == 0);
  g_object_set_data_full (G_OBJECT (category), "tillit-record", g_object_ref (competency), g_object_unref);
  g_signal_connect (category, "notify::selected", G_CALLBACK (on_category_selected), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), category);

  add_principle_rows (self, ADW_EXPANDER_ROW (row), competency);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (delete_row), _("A competency in use by a profile or a rating cannot be deleted."));
  gtk_widget_add_css_class (delete_button, "destructive-action");
  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (delete_button), "tillit-record", g_object_ref (competency), g_object_unref);
  g_signal_connect (delete_button, "clicked", G_CALLBACK (on_delete_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (delete_row), delete_button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), delete_row);

  return row;
}

static void
rebuild (TillitCompetencyLibrary *self)
{
  GListModel *list = tillit_store_list (self->store, TILLIT_TYPE_COMPETENCY);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) competency = g_list_model_get_item (list, i);
      GtkWidget *row = competency_row (self, competency);

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (self->group, row);
    }
}

static void
add_competency (TillitCompetencyLibrary *self)
{
  GListModel *list = tillit_store_list (self->store, TILLIT_TYPE_COMPETENCY);
  g_autoptr(GError) error = NULL;
  const char *name = _("New Competency");

  if (tillit_store_create (self->store, TILLIT_TYPE_COMPETENCY, &error,
                           tillit_recruitment_prefers_swedish () ? "name-sv" : "name-en", name,
                           "position", (int) g_list_model_get_n_items (list),
                           NULL) == NULL)
    toast_error (self, error);
}

static void
tillit_competency_library_constructed (GObject *object)
{
  TillitCompetencyLibrary *self = TILLIT_COMPETENCY_LIBRARY (object);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  G_OBJECT_CLASS (tillit_competency_library_parent_class)->constructed (object);

  gtk_window_set_title (GTK_WINDOW (self), _("Competency Library"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 640);

  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Competencies"));
  adw_preferences_group_set_description (self->group,
                                         _("Leadership and administrative competencies for vacancy profiles, with "
                                           "the keywords the advert check looks for. A keyword ending in * "
                                           "matches every word it begins."));
  gtk_widget_set_tooltip_text (add, _("Add Competency"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Competency"), -1);
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_competency), self);
  adw_preferences_group_set_header_suffix (self->group, add);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->group);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));

  rebuild (self);
  g_signal_connect_object (tillit_store_list (self->store, TILLIT_TYPE_COMPETENCY), "items-changed",
                           G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
}

static void
tillit_competency_library_dispose (GObject *object)
{
  TillitCompetencyLibrary *self = TILLIT_COMPETENCY_LIBRARY (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tillit_competency_library_parent_class)->dispose (object);
}

static void
tillit_competency_library_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TillitCompetencyLibrary *self = TILLIT_COMPETENCY_LIBRARY (object);

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
tillit_competency_library_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TillitCompetencyLibrary *self = TILLIT_COMPETENCY_LIBRARY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_competency_library_class_init (TillitCompetencyLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tillit_competency_library_constructed;
  object_class->dispose = tillit_competency_library_dispose;
  object_class->get_property = tillit_competency_library_get_property;
  object_class->set_property = tillit_competency_library_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tillit_competency_library_init (TillitCompetencyLibrary *self)
{
  self->rows = g_ptr_array_new ();
}

GtkWidget *
tillit_competency_library_new (TillitStore *store)
{
  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);

  return g_object_new (TILLIT_TYPE_COMPETENCY_LIBRARY, "store", store, NULL);
}
