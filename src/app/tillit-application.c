/* tillit-application.c: application, command line and app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-application.h"
#include "app/tillit-preferences-window.h"
#include "app/tillit-window.h"
#include "exchange/tillit-exchange.h"
#include "exchange/tillit-exchange-cli.h"
#include "model/tillit-municipality.h"

struct _TillitApplication
{
  AdwApplication parent_instance;

  char *database_path;
  TillitStore *store;
};

G_DEFINE_FINAL_TYPE (TillitApplication, tillit_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GOptionEntry option_entries[] = {
  { "version", 'v', 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database FILE instead of the default one"), N_("FILE") },
  { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the whole programme to the exchange file FILE and exit"), N_("FILE") },
  { "include-personal-data", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export: include candidates, ratings and named people"), NULL },
  { "import", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the exchange file FILE, print what changed, and exit; conflicts keep ours"), N_("FILE") },
  { "dry-run", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import: only print what would change"), NULL },
  { "validate", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Check that FILE is a valid exchange file and exit"), N_("FILE") },
  { NULL }
};

static char *
lookup_path (GVariantDict *options,
             const char   *name)
{
  g_autofree char *arg = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_variant_dict_lookup (options, name, "^ay", &arg))
    return NULL;
  file = g_file_new_for_commandline_arg (arg);
  return g_file_get_path (file);
}

/* --export names our municipality as the sender, as the window does. */
static int
export_from_command_line (const char *database,
                          const char *file,
                          gboolean    personal_data)
{
  g_autoptr(TillitStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *code = NULL;
  TillitRecord *ours;

  store = tillit_store_open (database, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }
  ours = tillit_store_get_ours (store);
  if (ours == NULL)
    {
      g_printerr (_("%s does not say which municipality runs the programme, and an export must name its sender. "
                    "Open the programme in Tillit once and answer its question first.\n"),
                  database);
      return EXIT_FAILURE;
    }
  name = g_strdup (tillit_record_get_string (ours, "name"));
  code = g_strdup (tillit_record_get_string (ours, "code"));
  g_clear_object (&store);

  return tillit_exchange_cli_export (database, file,
                                     &(TillitExchangeSource) { name, code },
                                     personal_data);
}

static int
tillit_application_handle_local_options (GApplication *application,
                                         GVariantDict *options)
{
  TillitApplication *self = TILLIT_APPLICATION (application);
  g_autofree char *database = NULL;
  g_autofree char *export_file = lookup_path (options, "export");
  g_autofree char *import_file = lookup_path (options, "import");
  g_autofree char *validate_file = lookup_path (options, "validate");

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", "tillit", PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      tillit_application_set_database_path (self, g_file_peek_path (file));
    }

  if (validate_file != NULL)
    return tillit_exchange_cli_validate (validate_file);
  if (export_file != NULL)
    return export_from_command_line (tillit_application_get_database_path (self), export_file,
                                     g_variant_dict_contains (options, "include-personal-data"));
  if (import_file != NULL)
    return tillit_exchange_cli_import (tillit_application_get_database_path (self), import_file,
                                       g_variant_dict_contains (options, "dry-run"));

  /* A running instance serves another database file than ours, so an
   * explicit database means an instance of its own. */
  if (self->database_path != NULL || g_getenv ("TILLIT_DATABASE") != NULL)
    g_application_set_flags (application,
                             g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
tillit_application_activate (GApplication *application)
{
  TillitApplication *self = TILLIT_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      g_autoptr(GError) error = NULL;
      const char *path = tillit_application_get_database_path (self);

      window = GTK_WINDOW (tillit_window_new (self));
      gtk_window_present (window);

      if (self->store == NULL &&
          !tillit_application_open_database (self, path, &error))
        tillit_window_show_open_error (TILLIT_WINDOW (window), path, error);
      else if (tillit_store_get_ours (self->store) == NULL)
        tillit_window_ask_who_we_are (TILLIT_WINDOW (window));
      return;
    }

  gtk_window_present (window);
}

static void
update_undo_actions (TillitApplication *self)
{
  GActionMap *map = G_ACTION_MAP (self);
  GAction *undo = g_action_map_lookup_action (map, "undo");
  GAction *redo = g_action_map_lookup_action (map, "redo");

  if (undo == NULL || redo == NULL)
    return;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (undo), self->store != NULL && tillit_store_get_can_undo (self->store));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (redo), self->store != NULL && tillit_store_get_can_redo (self->store));
}

static void
tillit_application_about_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  TillitApplication *self = user_data;
  static const char *developers[] = { "The Tillit developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("Tillit"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Tillit developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("One workbench for a municipal change programme towards "
                                      "co-creation and trust-based steering and leadership."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Built on the case study by"),
                                                (const char *[]) { "Inga Narbutaite Aflaki", NULL });
  gtk_window_present (GTK_WINDOW (about));
}

static void
tillit_application_preferences_action (GSimpleAction *action,
                                       GVariant      *parameter,
                                       gpointer       user_data)
{
  TillitApplication *self = user_data;

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (tillit_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                                                 self->store)));
}

static void
tillit_application_quit_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
tillit_application_undo_action (GSimpleAction *action,
                                GVariant      *parameter,
                                gpointer       user_data)
{
  TillitApplication *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean undo = g_str_equal (g_action_get_name (G_ACTION (action)), "undo");

  if (self->store == NULL)
    return;

  if (!(undo ? tillit_store_undo (self->store, &error) : tillit_store_redo (self->store, &error)))
    g_warning ("%s", error->message);
}

static const GActionEntry app_actions[] = {
  { "about", tillit_application_about_action },
  { "preferences", tillit_application_preferences_action },
  { "quit", tillit_application_quit_action },
  { "undo", tillit_application_undo_action },
  { "redo", tillit_application_undo_action },
};

static void
tillit_application_startup (GApplication *application)
{
  TillitApplication *self = TILLIT_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.undo", { "<Control>z", NULL } },
    { "app.redo", { "<Control><Shift>z", NULL } },
    { "win.import", { "<Control>o", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.show-tool::overview", { "<Control>1", NULL } },
    { "win.show-tool::matrix", { "<Control>2", NULL } },
    { "win.show-tool::pilots", { "<Control>3", NULL } },
    { "win.show-tool::agenda", { "<Control>4", NULL } },
    { "win.show-tool::recruitment", { "<Control>5", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.show-help-overlay", { "<Control>question", "<Control><Shift>question", NULL } },
  };

  G_APPLICATION_CLASS (tillit_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  update_undo_actions (self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);
}

static void
tillit_application_finalize (GObject *object)
{
  TillitApplication *self = TILLIT_APPLICATION (object);

  g_clear_object (&self->store);
  g_free (self->database_path);

  G_OBJECT_CLASS (tillit_application_parent_class)->finalize (object);
}

static void
tillit_application_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TillitApplication *self = TILLIT_APPLICATION (object);

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
tillit_application_class_init (TillitApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = tillit_application_finalize;
  object_class->get_property = tillit_application_get_property;

  /* The programme every window shows; NULL while none could be opened. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         TILLIT_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  app_class->handle_local_options = tillit_application_handle_local_options;
  app_class->startup = tillit_application_startup;
  app_class->activate = tillit_application_activate;
}

static void
tillit_application_init (TillitApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("A workbench for co-creation and trust-based steering in municipal social services."));
}

TillitApplication *
tillit_application_new (void)
{
  return g_object_new (TILLIT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

const char *
tillit_application_get_database_path (TillitApplication *self)
{
  g_return_val_if_fail (TILLIT_IS_APPLICATION (self), NULL);

  if (self->database_path == NULL)
    self->database_path = tillit_database_default_path ();

  return self->database_path;
}

void
tillit_application_set_database_path (TillitApplication *self,
                                      const char        *path)
{
  char *copy;

  g_return_if_fail (TILLIT_IS_APPLICATION (self));

  /* @path may be our own string. */
  copy = g_strdup (path);
  g_free (self->database_path);
  self->database_path = copy;
}

TillitStore *
tillit_application_get_store (TillitApplication *self)
{
  g_return_val_if_fail (TILLIT_IS_APPLICATION (self), NULL);

  return self->store;
}

/* Replaces the open programme only once the new file has opened, so a
 * refused file never costs the user the one they had. */
gboolean
tillit_application_open_database (TillitApplication  *self,
                                  const char         *path,
                                  GError            **error)
{
  g_autoptr(TillitStore) store = NULL;

  g_return_val_if_fail (TILLIT_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = tillit_store_open (path, error);
  if (store == NULL)
    return FALSE;

  tillit_application_set_database_path (self, path);
  g_set_object (&self->store, store);
  update_undo_actions (self);
  g_signal_connect_object (store, "notify::can-undo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "notify::can-redo", G_CALLBACK (update_undo_actions), self, G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);

  return TRUE;
}
