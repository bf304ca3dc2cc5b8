/* tillit-recruitment-page.c: the recruitment competency checklist
 *
 * Vacancies on the left, the chosen one on the right; the page also owns
 * the competency library and the retention action, which reach across
 * vacancies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-lazy-page.h"
#include "model/tillit-vacancy.h"
#include "tillit-competency-library.h"
#include "tillit-recruitment-page.h"
#include "tillit-recruitment-text.h"
#include "tillit-retention.h"
#include "tillit-vacancy-view.h"

struct _TillitRecruitmentPage
{
  AdwBin parent_instance;

  TillitStore *store;
  GSettings *settings;
  int retention_months;
  GtkSingleSelection *selection;

  GtkListView *vacancy_list;
  GtkStack *content_stack;
  AdwBin *vacancy_bin;
};

G_DEFINE_FINAL_TYPE (TillitRecruitmentPage, tillit_recruitment_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RETENTION_MONTHS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_error (TillitRecruitmentPage *self,
            GError                *error)
{
  tillit_recruitment_show_error (GTK_WIDGET (self), error);
}

static GtkWindow *
parent_window (TillitRecruitmentPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* The vacancy list */

static char *
vacancy_subtitle (GObject    *item,
                  const char *status,
                  const char *advert_date)
{
  if (advert_date != NULL && *advert_date != '\0')
    return g_strdup_printf ("%s · %s", tillit_recruitment_status_label (status), advert_date);
  return g_strdup (tillit_recruitment_status_label (status));
}

static void
setup_vacancy_item (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkExpression *record = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  GtkExpression *params[2];

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  gtk_expression_bind (gtk_property_expression_new (TILLIT_TYPE_VACANCY, gtk_expression_ref (record), "title"),
                       title, "label", item);
  params[0] = gtk_property_expression_new (TILLIT_TYPE_VACANCY, gtk_expression_ref (record), "status");
  params[1] = gtk_property_expression_new (TILLIT_TYPE_VACANCY, record, "advert-date");
  gtk_expression_bind (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 2, params,
                                                    G_CALLBACK (vacancy_subtitle), NULL, NULL),
                       subtitle, "label", item);

  gtk_list_item_set_child (item, box);
}

static void
show_selected (TillitRecruitmentPage *self)
{
  TillitRecord *vacancy = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  GtkWidget *view = adw_bin_get_child (self->vacancy_bin);

  if (vacancy == NULL)
    {
      adw_bin_set_child (self->vacancy_bin, NULL);
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      return;
    }

  if (view == NULL || tillit_vacancy_view_get_vacancy (TILLIT_VACANCY_VIEW (view)) != vacancy)
    adw_bin_set_child (self->vacancy_bin, tillit_vacancy_view_new (self->store, vacancy));
  gtk_stack_set_visible_child_name (self->content_stack, "vacancy");
}

static void
select_vacancy (TillitRecruitmentPage *self,
                TillitRecord          *vacancy)
{
  GListModel *list = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (list, i);

      if (item == vacancy)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

/* Actions */

static void
new_vacancy (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TillitRecruitmentPage *self = TILLIT_RECRUITMENT_PAGE (widget);
  g_autoptr(GError) error = NULL;
  TillitRecord *vacancy;
  GtkWidget *view;

  if (self->store == NULL)
    return;

  vacancy = tillit_store_create (self->store, TILLIT_TYPE_VACANCY, &error,
                                 "title", _("New Vacancy"), NULL);
  if (vacancy == NULL)
    {
      show_error (self, error);
      return;
    }

  select_vacancy (self, vacancy);
  view = adw_bin_get_child (self->vacancy_bin);
  if (view != NULL)
    tillit_vacancy_view_focus_title (TILLIT_VACANCY_VIEW (view));
}

static void
show_library (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TillitRecruitmentPage *self = TILLIT_RECRUITMENT_PAGE (widget);
  GtkWidget *library;

  if (self->store == NULL)
    return;

  library = tillit_competency_library_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (library), parent_window (self));
  gtk_window_present (GTK_WINDOW (library));
}

static void
show_report (TillitRecruitmentPage *self,
             const char            *heading,
             const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_erase_response (AdwMessageDialog      *dialog,
                   const char            *response,
                   TillitRecruitmentPage *self)
{
  TillitRetentionReport report;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "delete") != 0 || self->store == NULL)
    return;

  if (!tillit_retention_erase_closed (self->store, self->retention_months, NULL, &report, &error))
    {
      show_error (self, error);
      return;
    }

  text = tillit_retention_report_describe (&report);
  show_report (self, _("Personal Data Deleted"), text);
}

static void
delete_personal_data (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TillitRecruitmentPage *self = TILLIT_RECRUITMENT_PAGE (widget);
  TillitRetentionReport due;
  g_autofree char *retention = NULL;
  g_autofree char *body = NULL;
  g_autofree char *what = NULL;
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  tillit_retention_preview (self->store, self->retention_months, NULL, &due);
  if (due.n_candidates == 0)
    {
      g_autofree char *none = tillit_retention_report_describe (&due);

      show_report (self, _("No Personal Data to Delete"), none);
      return;
    }

  retention = self->retention_months == 0
              ? g_strdup (_("a vacancy is filled or withdrawn"))
              : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%d month after a vacancy is filled or withdrawn",
                                              "%d months after a vacancy is filled or withdrawn",
                                              self->retention_months),
                                 self->retention_months);
  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u candidate", "%u candidates", due.n_candidates),
                          due.n_candidates);
  /* Translators: "3 candidates" and their ratings …; the retention period follows. */
  body = g_strdup_printf (_("%s and their ratings will be deleted for good: personal data is kept only "
                            "until %s. This cannot be undone."),
                          what, retention);

  dialog = adw_message_dialog_new (parent_window (self), _("Delete Personal Data of Closed Vacancies?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_erase_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The store */

static void
update_actions (TillitRecruitmentPage *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.new-vacancy", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.show-library", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.delete-personal-data", self->store != NULL);
}

static void
show_store (GtkWidget   *widget,
            TillitStore *store)
{
  TillitRecruitmentPage *self = TILLIT_RECRUITMENT_PAGE (widget);

  if (self->store == store)
    return;

  adw_bin_set_child (self->vacancy_bin, NULL);
  gtk_list_view_set_model (self->vacancy_list, NULL);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      GListModel *vacancies = tillit_store_list (store, TILLIT_TYPE_VACANCY);

      self->selection = gtk_single_selection_new (g_object_ref (vacancies));
      gtk_single_selection_set_autoselect (self->selection, TRUE);
      g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_selected), self);
      gtk_list_view_set_model (self->vacancy_list, GTK_SELECTION_MODEL (self->selection));
    }

  show_selected (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tillit_recruitment_page_set_store:
 *
 * Shows @store's vacancies, from when the page is first shown.
 */
void
tillit_recruitment_page_set_store (TillitRecruitmentPage *self,
                                   TillitStore           *store)
{
  g_return_if_fail (TILLIT_IS_RECRUITMENT_PAGE (self));
  g_return_if_fail (store == NULL || TILLIT_IS_STORE (store));

  tillit_set_store_when_mapped (GTK_WIDGET (self), self->store, store, show_store);
}

TillitStore *
tillit_recruitment_page_get_store (TillitRecruitmentPage *self)
{
  g_return_val_if_fail (TILLIT_IS_RECRUITMENT_PAGE (self), NULL);

  return tillit_get_coming_store (GTK_WIDGET (self), self->store);
}

/**
 * tillit_recruitment_page_set_retention_months:
 * @months: how long the personal data of a closed vacancy is kept
 *
 * Follows the retention period in Preferences.
 */
void
tillit_recruitment_page_set_retention_months (TillitRecruitmentPage *self,
                                              int                    months)
{
  g_return_if_fail (TILLIT_IS_RECRUITMENT_PAGE (self));
  g_return_if_fail (months >= 0);

  if (self->retention_months == months)
    return;
  self->retention_months = months;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RETENTION_MONTHS]);
}

int
tillit_recruitment_page_get_retention_months (TillitRecruitmentPage *self)
{
  g_return_val_if_fail (TILLIT_IS_RECRUITMENT_PAGE (self), 0);

  return self->retention_months;
}

/**
 * tillit_recruitment_page_get_vacancy_view:
 *
 * Returns: (transfer none) (nullable): the view of the selected vacancy
 */
GtkWidget *
tillit_recruitment_page_get_vacancy_view (TillitRecruitmentPage *self)
{
  g_return_val_if_fail (TILLIT_IS_RECRUITMENT_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return adw_bin_get_child (self->vacancy_bin);
}

static void
tillit_recruitment_page_dispose (GObject *object)
{
  TillitRecruitmentPage *self = TILLIT_RECRUITMENT_PAGE (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TILLIT_TYPE_RECRUITMENT_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tillit_recruitment_page_parent_class)->dispose (object);
}

static void
tillit_recruitment_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  TillitRecruitmentPage *self = TILLIT_RECRUITMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, tillit_recruitment_page_get_store (self));
      break;
    case PROP_RETENTION_MONTHS:
      g_value_set_int (value, self->retention_months);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_recruitment_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  TillitRecruitmentPage *self = TILLIT_RECRUITMENT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tillit_recruitment_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_RETENTION_MONTHS:
      tillit_recruitment_page_set_retention_months (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return;

  gtk_css_provider_load_from_resource (provider, "/io/github/tillit/Tillit/recruitment/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
tillit_recruitment_page_class_init (TillitRecruitmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tillit_recruitment_page_dispose;
  object_class->get_property = tillit_recruitment_page_get_property;
  object_class->set_property = tillit_recruitment_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RETENTION_MONTHS] =
    g_param_spec_int ("retention-months", NULL, NULL, 0, 1200, TILLIT_RETENTION_DEFAULT_MONTHS,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TILLIT_TYPE_VACANCY);
  g_type_ensure (TILLIT_TYPE_VACANCY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tillit/Tillit/recruitment/tillit-recruitment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitRecruitmentPage, vacancy_list);
  gtk_widget_class_bind_template_child (widget_class, TillitRecruitmentPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, TillitRecruitmentPage, vacancy_bin);

  gtk_widget_class_install_action (widget_class, "recruitment.new-vacancy", NULL, new_vacancy);
  gtk_widget_class_install_action (widget_class, "recruitment.show-library", NULL, show_library);
  gtk_widget_class_install_action (widget_class, "recruitment.delete-personal-data", NULL, delete_personal_data);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "recruitment.new-vacancy", NULL);

  load_style ();
}

static void
tillit_recruitment_page_init (TillitRecruitmentPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE)
                                                     : NULL;

  self->retention_months = TILLIT_RETENTION_DEFAULT_MONTHS;
  gtk_widget_init_template (GTK_WIDGET (self));

  if (schema != NULL && g_settings_schema_has_key (schema, "personal-data-retention-months"))
    {
      self->settings = g_settings_new (APPLICATION_ID);
      g_settings_bind (self->settings, "personal-data-retention-months", self, "retention-months",
                       G_SETTINGS_BIND_GET);
    }

  g_signal_connect (factory, "setup", G_CALLBACK (setup_vacancy_item), NULL);
  gtk_list_view_set_factory (self->vacancy_list, factory);
  update_actions (self);
}

GtkWidget *
tillit_recruitment_page_new (TillitStore *store)
{
  g_return_val_if_fail (store == NULL || TILLIT_IS_STORE (store), NULL);

  return g_object_new (TILLIT_TYPE_RECRUITMENT_PAGE, "store", store, NULL);
}
