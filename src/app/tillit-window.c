/* tillit-window.c: the main window with one page per tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-window.h"
#include "model/tillit-municipality.h"

struct _TillitWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  AdwViewStack *stack;
  AdwToastOverlay *toast_overlay;
};

G_DEFINE_FINAL_TYPE (TillitWindow, tillit_window, ADW_TYPE_APPLICATION_WINDOW)

static void
tillit_window_show_tool_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  TillitWindow *self = TILLIT_WINDOW (widget);
  const char *tool = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->stack, tool) == NULL)
    {
      g_warning ("No tool named “%s”", tool);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, tool);
}

static void open_error_response (AdwMessageDialog *dialog,
                                 const char       *response,
                                 TillitWindow     *self);

static void
database_chosen (GtkNativeDialog *chooser,
                 int              response,
                 TillitWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  TillitApplication *app = TILLIT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    {
      /* Without a programme there is nothing to show: ask again. */
      tillit_window_show_open_error (self, tillit_application_get_database_path (app), NULL);
      return;
    }

  if (!tillit_application_open_database (app, g_file_peek_path (file), &error))
    tillit_window_show_open_error (self, g_file_peek_path (file), error);
  else if (tillit_store_get_ours (tillit_application_get_store (app)) == NULL)
    tillit_window_ask_who_we_are (self);
}

static void
choose_database (TillitWindow *self,
                 gboolean      create)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (create ? _("New Programme") : _("Open Programme"),
                                         GTK_WINDOW (self),
                                         create ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         create ? _("_Create") : _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Tillit programmes"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  if (create)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("programme.db"));

  g_signal_connect (chooser, "response", G_CALLBACK (database_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
destroy_window_idle (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
open_error_response (AdwMessageDialog *dialog,
                     const char       *response,
                     TillitWindow     *self)
{
  if (g_str_equal (response, "open"))
    choose_database (self, FALSE);
  else if (g_str_equal (response, "new"))
    choose_database (self, TRUE);
  else
    /* The dialog is still finishing its response: close once it is gone. */
    g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window_idle,
                     g_object_ref (self), g_object_unref);
}

/**
 * tillit_window_show_open_error:
 * @error: (nullable): why @path was refused, or %NULL when the user turned
 *   down the file chooser
 *
 * Asks what to do when no programme could be opened. The refused file is
 * never touched: the offers are another file, a new one, or quitting.
 */
void
tillit_window_show_open_error (TillitWindow *self,
                               const char   *path,
                               const GError *error)
{
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  g_return_if_fail (TILLIT_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (error != NULL)
    body = g_strdup_printf ("%s\n\n%s", path, error->message);
  else
    body = g_strdup_printf (_("No programme is open. Open a programme file or start a new one.\n\n%s"), path);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Cannot Open the Programme"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "quit", _("_Quit"),
                                    "new", _("_New Programme…"),
                                    "open", _("_Open Another…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (open_error_response), self);

  gtk_window_present (GTK_WINDOW (dialog));
}

/* A kommunkod is the four-digit code Statistics Sweden gives every
 * municipality. */
static gboolean
is_kommunkod (const char *code)
{
  if (strlen (code) != 4)
    return FALSE;
  for (const char *c = code; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  return TRUE;
}

static gboolean
has_text (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return TRUE;
  return FALSE;
}

static void
who_we_are_changed (AdwMessageDialog *dialog)
{
  GtkEditable *name = g_object_get_data (G_OBJECT (dialog), "name");
  GtkEditable *code = g_object_get_data (G_OBJECT (dialog), "code");
  const char *code_text = gtk_editable_get_text (code);
  gboolean code_ok = *code_text == '\0' || is_kommunkod (code_text);

  if (code_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (code), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (code), "error");

  adw_message_dialog_set_response_enabled (dialog, "save",
                                           has_text (gtk_editable_get_text (name)) &&
                                           *code_text != '\0' && code_ok);
}

static void
who_we_are_response (AdwMessageDialog *dialog,
                     const char       *response,
                     TillitWindow     *self)
{
  TillitApplication *app = TILLIT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
  TillitStore *store = tillit_application_get_store (app);
  g_autofree char *name = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save") || store == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "name"))));
  if (tillit_store_create (store, TILLIT_TYPE_MUNICIPALITY, &error,
                           "name", name,
                           "code", gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "code")),
                           "ours", TRUE,
                           NULL) == NULL)
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

/**
 * tillit_window_ask_who_we_are:
 *
 * Asks for our municipality, the origin of every record made here and the
 * sender named in every export. "Later" leaves it unset; Tillit asks again
 * at the next start.
 */
void
tillit_window_ask_who_we_are (TillitWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *name;
  GtkWidget *code;

  g_return_if_fail (TILLIT_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Welcome to Tillit"),
                                   _("Which municipality is this programme run by? Everything you "
                                     "create is marked as yours, and files you share name you as "
                                     "their sender."));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  name = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (name), _("Municipality"));
  code = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (code), _("Municipality code (kommunkod)"));
  gtk_list_box_append (GTK_LIST_BOX (list), name);
  gtk_list_box_append (GTK_LIST_BOX (list), code);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data (G_OBJECT (dialog), "name", name);
  g_object_set_data (G_OBJECT (dialog), "code", code);
  g_signal_connect_swapped (name, "changed", G_CALLBACK (who_we_are_changed), dialog);
  g_signal_connect_swapped (code, "changed", G_CALLBACK (who_we_are_changed), dialog);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Later"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "save", FALSE);
  g_signal_connect (dialog, "response", G_CALLBACK (who_we_are_response), self);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (name);
}

static gboolean
tillit_window_close_request (GtkWindow *window)
{
  TillitWindow *self = TILLIT_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (tillit_window_parent_class)->close_request (window);
}

static void
tillit_window_dispose (GObject *object)
{
  TillitWindow *self = TILLIT_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TILLIT_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tillit_window_parent_class)->dispose (object);
}

static void
tillit_window_class_init (TillitWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tillit_window_dispose;
  window_class->close_request = tillit_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tillit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TillitWindow, toast_overlay);

  gtk_widget_class_install_action (widget_class, "win.show-tool", "s",
                                   tillit_window_show_tool_action);
}

static void
tillit_window_init (TillitWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "last-tool",
                   self->stack, "visible-child-name",
                   G_SETTINGS_BIND_DEFAULT);
}

TillitWindow *
tillit_window_new (TillitApplication *application)
{
  g_return_val_if_fail (TILLIT_IS_APPLICATION (application), NULL);

  return g_object_new (TILLIT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

const char *
tillit_window_get_visible_tool (TillitWindow *self)
{
  g_return_val_if_fail (TILLIT_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}
