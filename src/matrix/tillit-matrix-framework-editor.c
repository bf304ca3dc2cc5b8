/* tillit-matrix-framework-editor.c: principles and levels of the active framework
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-framework.h"
#include "model/tillit-level.h"
#include "model/tillit-principle.h"
#include "tillit-matrix-framework-editor.h"
#include "tillit-matrix-logic.h"
#include "tillit-matrix-watch.h"

struct _TillitMatrixFrameworkEditor
{
  AdwPreferencesWindow parent_instance;

  TillitStore *store;
  GPtrArray *watches;
  GPtrArray *rows;
  guint rebuild_id;
  char *expanded;

  gboolean updating;

  AdwComboRow *framework_row;
  AdwPreferencesGroup *principles_group;
  AdwPreferencesGroup *levels_group;
};

G_DEFINE_FINAL_TYPE (TillitMatrixFrameworkEditor, tillit_matrix_framework_editor, ADW_TYPE_PREFERENCES_WINDOW)

static TillitRecord *
active_framework (TillitMatrixFrameworkEditor *self)
{
  return tillit_matrix_active_framework (tillit_store_list (self->store, TILLIT_TYPE_FRAMEWORK));
}

static GPtrArray *
siblings (TillitMatrixFrameworkEditor *self,
          GType                        type)
{
  return tillit_matrix_in_framework (tillit_store_list (self->store, type),
                                     active_framework (self), NULL, TRUE);
}

static void
report_error (TillitMatrixFrameworkEditor *self,
              GError                      *error)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));
}

/**
 * tillit_matrix_framework_editor_add:
 * @type: %TILLIT_TYPE_PRINCIPLE or %TILLIT_TYPE_LEVEL
 *
 * Adds a principle or level, named to be renamed, at the end.
 *
 * Returns: (transfer none) (nullable): the new record
 */
TillitRecord *
tillit_matrix_framework_editor_add (TillitMatrixFrameworkEditor *self,
                                    GType                        type)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *framework;
  TillitRecord *record;

  g_return_val_if_fail (TILLIT_IS_MATRIX_FRAMEWORK_EDITOR (self), NULL);
  g_return_val_if_fail (type == TILLIT_TYPE_PRINCIPLE || type == TILLIT_TYPE_LEVEL, NULL);

  framework = active_framework (self);
  if (framework == NULL)
    {
      framework = tillit_store_create (self->store, TILLIT_TYPE_FRAMEWORK, &error,
                                       "name", _("Our framework"), "active", TRUE, NULL);
      if (framework == NULL)
        {
          report_error (self, error);
          return NULL;
        }
    }

  if (type == TILLIT_TYPE_PRINCIPLE)
    {
      g_autoptr(GPtrArray) existing = siblings (self, TILLIT_TYPE_PRINCIPLE);
      g_autofree char *code = g_strdup_printf ("%u", existing->len + 1);

      /* Each name in its own language, whatever the UI speaks: both are data. */
      record = tillit_store_create (self->store, type, &error,
                                    "framework", tillit_record_get_uuid (framework),
                                    "code", code,
                                    "name-en", "New principle", "name-sv", "Ny princip", NULL);
    }
  else
    record = tillit_store_create (self->store, type, &error,
                                  "framework", tillit_record_get_uuid (framework),
                                  "name-en", "New level", "name-sv", "Ny nivå", NULL);

  if (record == NULL)
    report_error (self, error);
  else
    {
      g_free (self->expanded);
      self->expanded = g_strdup (tillit_record_get_uuid (record));
    }

  return record;
}

/**
 * tillit_matrix_framework_editor_move:
 * @record: a principle or level of the active framework
 * @delta: places to move, negative for up
 *
 * Returns: whether it moved
 */
gboolean
tillit_matrix_framework_editor_move (TillitMatrixFrameworkEditor *self,
                                     TillitRecord                *record,
                                     int                          delta)
{
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GError) error = NULL;
  guint from;
  int to;
  gboolean ok = TRUE;

  g_return_val_if_fail (TILLIT_IS_MATRIX_FRAMEWORK_EDITOR (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), FALSE);

  order = siblings (self, G_OBJECT_TYPE (record));
  if (!g_ptr_array_find (order, record, &from))
    return FALSE;
  to = CLAMP ((int) from + delta, 0, (int) order->len - 1);
  if ((guint) to == from)
    return FALSE;

  g_object_ref (record);
  g_ptr_array_remove_index (order, from);
  g_ptr_array_insert (order, to, record);

  tillit_store_begin_group (self->store, G_OBJECT_TYPE (record) == TILLIT_TYPE_PRINCIPLE
                                         ? _("Move principle") : _("Move level"));
  for (guint i = 0; i < order->len && ok; i++)
    {
      TillitRecord *item = g_ptr_array_index (order, i);

      if (tillit_record_get_int (item, "position") != (int) i)
        ok = tillit_store_update (self->store, item, &error, "position", (int) i, NULL);
    }
  tillit_store_end_group (self->store);

  if (!ok)
    report_error (self, error);

  return ok;
}

/**
 * tillit_matrix_framework_editor_set_shown:
 * @shown: %FALSE to retire a principle or hide a level
 */
gboolean
tillit_matrix_framework_editor_set_shown (TillitMatrixFrameworkEditor *self,
                                          TillitRecord                *record,
                                          gboolean                     shown)
{
  g_autoptr(GError) error = NULL;
  const char *field;

  g_return_val_if_fail (TILLIT_IS_MATRIX_FRAMEWORK_EDITOR (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), FALSE);

  field = G_OBJECT_TYPE (record) == TILLIT_TYPE_PRINCIPLE ? "retired" : "hidden";
  if (tillit_record_get_boolean (record, field) == !shown)
    return TRUE;

  if (!tillit_store_update (self->store, record, &error, field, !shown, NULL))
    {
      report_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * tillit_matrix_framework_editor_rename:
 * @field: "name-en" or "name-sv"
 */
gboolean
tillit_matrix_framework_editor_rename (TillitMatrixFrameworkEditor *self,
                                       TillitRecord                *record,
                                       const char                  *field,
                                       const char                  *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (TILLIT_IS_MATRIX_FRAMEWORK_EDITOR (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), FALSE);
  g_return_val_if_fail (field != NULL && name != NULL, FALSE);

  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0' || g_strcmp0 (stripped, tillit_record_get_string (record, field)) == 0)
    return FALSE;

  if (!tillit_store_update (self->store, record, &error, field, stripped, NULL))
    {
      report_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * tillit_matrix_framework_editor_activate:
 * @framework: the framework the matrix is to show
 *
 * Makes @framework the one active framework, as one undo step.
 */
gboolean
tillit_matrix_framework_editor_activate (TillitMatrixFrameworkEditor *self,
                                         TillitRecord                *framework)
{
  g_autoptr(GError) error = NULL;
  GListModel *frameworks;
  gboolean ok = TRUE;

  g_return_val_if_fail (TILLIT_IS_MATRIX_FRAMEWORK_EDITOR (self), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (framework), FALSE);

  frameworks = tillit_store_list (self->store, TILLIT_TYPE_FRAMEWORK);
  tillit_store_begin_group (self->store, _("Switch framework"));
  for (guint i = 0; ok && i < g_list_model_get_n_items (frameworks); i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (frameworks, i);
      gboolean active = item == framework;

      if (tillit_record_get_boolean (item, "active") != active)
        ok = tillit_store_update (self->store, item, &error, "active", active, NULL);
    }
  tillit_store_end_group (self->store);

  if (!ok)
    report_error (self, error);

  return ok;
}

static void
on_framework_selected (AdwComboRow                 *row,
                       GParamSpec                  *pspec,
                       TillitMatrixFrameworkEditor *self)
{
  TillitRecord *framework = adw_combo_row_get_selected_item (row);

  if (!self->updating && framework != NULL && framework != active_framework (self))
    tillit_matrix_framework_editor_activate (self, framework);
}

/* Rows */

static TillitRecord *
row_record (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_EXPANDER_ROW);

  return g_object_get_data (G_OBJECT (row), "record");
}

static TillitMatrixFrameworkEditor *
editor_of (GtkWidget *widget)
{
  return TILLIT_MATRIX_FRAMEWORK_EDITOR (gtk_widget_get_root (widget));
}

static void
on_name_apply (AdwEntryRow *entry,
               gpointer     user_data)
{
  TillitMatrixFrameworkEditor *self = editor_of (GTK_WIDGET (entry));
  TillitRecord *record = row_record (GTK_WIDGET (entry));

  g_free (self->expanded);
  self->expanded = g_strdup (tillit_record_get_uuid (record));
  tillit_matrix_framework_editor_rename (self, record, g_object_get_data (G_OBJECT (entry), "field"),
                                         gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_shown_changed (GtkSwitch  *toggle,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  TillitMatrixFrameworkEditor *self = editor_of (GTK_WIDGET (toggle));

  tillit_matrix_framework_editor_set_shown (self, row_record (GTK_WIDGET (toggle)),
                                            gtk_switch_get_active (toggle));
}

static void
on_move_clicked (GtkButton *button,
                 gpointer   user_data)
{
  TillitMatrixFrameworkEditor *self = editor_of (GTK_WIDGET (button));

  tillit_matrix_framework_editor_move (self, row_record (GTK_WIDGET (button)),
                                       GPOINTER_TO_INT (user_data));
}

static GtkWidget *
name_entry (TillitRecord *record,
            const char   *field,
            const char   *title)
{
  GtkWidget *entry = adw_entry_row_new ();
  const char *name = tillit_record_get_string (record, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (entry), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  g_object_set_data (G_OBJECT (entry), "field", (gpointer) field);
  g_signal_connect (entry, "apply", G_CALLBACK (on_name_apply), NULL);

  return entry;
}

static GtkWidget *
move_button (const char *icon,
             const char *tooltip,
             int         delta)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_signal_connect (button, "clicked", G_CALLBACK (on_move_clicked), GINT_TO_POINTER (delta));

  return button;
}

static GtkWidget *
record_row (TillitMatrixFrameworkEditor *self,
            TillitRecord                *record)
{
  gboolean principle = G_OBJECT_TYPE (record) == TILLIT_TYPE_PRINCIPLE;
  gboolean shown = !tillit_record_get_boolean (record, principle ? "retired" : "hidden");
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *shown_row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tillit_matrix_record_name (record));
  if (!shown)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), principle ? _("Retired") : _("Hidden"));
  /* Each action goes before the ones added earlier. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               move_button ("go-down-symbolic", principle ? _("Move Principle Down") : _("Move Level Down"), 1));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               move_button ("go-up-symbolic", principle ? _("Move Principle Up") : _("Move Level Up"), -1));

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_entry (record, "name-en", _("English name")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name_entry (record, "name-sv", _("Swedish name")));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (shown_row), _("Shown in the grid"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (shown_row),
                               principle ? _("Off retires the principle; its cells and history stay")
                                         : _("Off hides the level; its cells stay"));
  gtk_switch_set_active (GTK_SWITCH (toggle), shown);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Shown in the grid"), -1);
  g_signal_connect (toggle, "notify::active", G_CALLBACK (on_shown_changed), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (shown_row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (shown_row), toggle);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), shown_row);

  if (g_strcmp0 (self->expanded, tillit_record_get_uuid (record)) == 0)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  return row;
}

static void
rebuild (TillitMatrixFrameworkEditor *self)
{
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GPtrArray) levels = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP)), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (self->store == NULL)
    return;

  if (active_framework (self) != NULL)
    {
      guint position;

      self->updating = TRUE;
      if (g_list_store_find (G_LIST_STORE (tillit_store_list (self->store, TILLIT_TYPE_FRAMEWORK)),
                             active_framework (self), &position))
        adw_combo_row_set_selected (self->framework_row, position);
      self->updating = FALSE;
    }

  principles = siblings (self, TILLIT_TYPE_PRINCIPLE);
  levels = siblings (self, TILLIT_TYPE_LEVEL);
  for (guint i = 0; i < principles->len; i++)
    {
      GtkWidget *row = record_row (self, g_ptr_array_index (principles, i));

      adw_preferences_group_add (self->principles_group, row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < levels->len; i++)
    {
      GtkWidget *row = record_row (self, g_ptr_array_index (levels, i));

      adw_preferences_group_add (self->levels_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static gboolean
rebuild_idle (gpointer data)
{
  TillitMatrixFrameworkEditor *self = data;

  self->rebuild_id = 0;
  rebuild (self);

  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (TillitMatrixFrameworkEditor *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_idle, self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tillit_matrix_framework_editor_add (TILLIT_MATRIX_FRAMEWORK_EDITOR (widget),
                                      g_str_equal (action_name, "framework.add-principle")
                                      ? TILLIT_TYPE_PRINCIPLE : TILLIT_TYPE_LEVEL);
}

static void
tillit_matrix_framework_editor_dispose (GObject *object)
{
  TillitMatrixFrameworkEditor *self = TILLIT_MATRIX_FRAMEWORK_EDITOR (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_pointer (&self->watches, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->expanded, g_free);

  G_OBJECT_CLASS (tillit_matrix_framework_editor_parent_class)->dispose (object);
}

static void
tillit_matrix_framework_editor_class_init (TillitMatrixFrameworkEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tillit_matrix_framework_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/tillit/Tillit/matrix/tillit-matrix-framework-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixFrameworkEditor, framework_row);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixFrameworkEditor, principles_group);
  gtk_widget_class_bind_template_child (widget_class, TillitMatrixFrameworkEditor, levels_group);

  gtk_widget_class_install_action (widget_class, "framework.add-principle", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "framework.add-level", NULL, add_action);
}

static void
tillit_matrix_framework_editor_init (TillitMatrixFrameworkEditor *self)
{
  g_autoptr(GtkExpression) name = gtk_property_expression_new (TILLIT_TYPE_FRAMEWORK, NULL, "name");

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  adw_combo_row_set_expression (self->framework_row, name);
  g_signal_connect (self->framework_row, "notify::selected", G_CALLBACK (on_framework_selected), self);
}

static void
watch (TillitMatrixFrameworkEditor *self,
       GType                        type)
{
  TillitMatrixWatch *watcher = tillit_matrix_watch_new (tillit_store_list (self->store, type));

  g_signal_connect_swapped (watcher, "changed", G_CALLBACK (queue_rebuild), self);
  g_ptr_array_add (self->watches, watcher);
}

/**
 * tillit_matrix_framework_editor_new:
 *
 * Returns: a window that edits the principles and levels of the active
 *   framework through @store
 */
GtkWidget *
tillit_matrix_framework_editor_new (TillitStore *store)
{
  TillitMatrixFrameworkEditor *self;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);

  self = g_object_new (TILLIT_TYPE_MATRIX_FRAMEWORK_EDITOR, NULL);
  self->store = g_object_ref (store);
  self->watches = g_ptr_array_new_with_free_func (g_object_unref);
  self->updating = TRUE;
  adw_combo_row_set_model (self->framework_row, tillit_store_list (store, TILLIT_TYPE_FRAMEWORK));
  self->updating = FALSE;
  watch (self, TILLIT_TYPE_FRAMEWORK);
  watch (self, TILLIT_TYPE_PRINCIPLE);
  watch (self, TILLIT_TYPE_LEVEL);
  rebuild (self);

  return GTK_WIDGET (self);
}
