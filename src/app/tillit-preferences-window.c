/* tillit-preferences-window.c: our municipality and the retention of
 * personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-preferences-window.h"
#include "model/tillit-municipality.h"

struct _TillitPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  TillitStore *store;
  GSettings *settings;

  AdwEntryRow *name_row;
  AdwEntryRow *code_row;
  GtkSpinButton *retention_spin;
};

G_DEFINE_FINAL_TYPE (TillitPreferencesWindow, tillit_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Saves one field of our municipality, making the municipality when the
 * first run's question was put off. */
static void
save_ours (TillitPreferencesWindow *self,
           const char              *property,
           const char              *value)
{
  TillitRecord *ours = tillit_store_get_ours (self->store);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (ours != NULL)
    ok = tillit_store_update (self->store, ours, &error, property, value, NULL);
  else
    ok = tillit_store_create (self->store, TILLIT_TYPE_MUNICIPALITY, &error,
                              property, value, "ours", TRUE, NULL) != NULL;

  if (!ok)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

static void
name_applied (TillitPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  if (*name == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  save_ours (self, "name", name);
}

static void
code_applied (TillitPreferencesWindow *self)
{
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));

  if (!tillit_municipality_code_is_valid (code))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("A municipality code has four digits")));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  save_ours (self, "code", code);
}

static void
tillit_preferences_window_dispose (GObject *object)
{
  TillitPreferencesWindow *self = TILLIT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TILLIT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tillit_preferences_window_parent_class)->dispose (object);
}

static void
tillit_preferences_window_class_init (TillitPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tillit_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tillit-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPreferencesWindow, code_row);
  gtk_widget_class_bind_template_child (widget_class, TillitPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_callback (widget_class, name_applied);
  gtk_widget_class_bind_template_callback (widget_class, code_applied);
}

static void
tillit_preferences_window_init (TillitPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "personal-data-retention-months",
                   self->retention_spin, "value", G_SETTINGS_BIND_DEFAULT);
}

TillitPreferencesWindow *
tillit_preferences_window_new (GtkWindow   *parent,
                               TillitStore *store)
{
  TillitPreferencesWindow *self;
  TillitRecord *ours;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);

  self = g_object_new (TILLIT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);

  ours = tillit_store_get_ours (store);
  if (ours != NULL)
    {
      const char *name = tillit_record_get_string (ours, "name");
      const char *code = tillit_record_get_string (ours, "code");

      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name != NULL ? name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), code != NULL ? code : "");
    }

  return self;
}
