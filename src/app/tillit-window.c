/* tillit-window.c: the main window with one page per tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-window.h"

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
