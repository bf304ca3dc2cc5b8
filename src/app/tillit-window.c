/* tillit-window.c: the main window with one page per tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "app/tillit-lazy-page.h"
#include "app/tillit-window.h"
#include "exchange/tillit-exchange.h"
#include "exchange/tillit-exchange-schema.h"
#include "agenda/tillit-agenda-page.h"
#include "pilots/tillit-pilots-page.h"
#include "matrix/tillit-matrix-page.h"
#include "model/tillit-municipality.h"
#include "overview/tillit-overview-page.h"
#include "overview/tillit-overview-search.h"
#include "recruitment/tillit-recruitment-page.h"

struct _TillitWindow
{
  AdwApplicationWindow parent_instance;

  GSettings *settings;

  AdwViewStack *stack;
  AdwToastOverlay *toast_overlay;
  TillitOverviewSearch *search;
  TillitMatrixPage *matrix_page;
  TillitPilotsPage *pilots_page;
  TillitAgendaPage *agenda_page;
};

G_DEFINE_FINAL_TYPE (TillitWindow, tillit_window, ADW_TYPE_APPLICATION_WINDOW)

static TillitStore *
window_store (TillitWindow *self)
{
  return tillit_application_get_store (TILLIT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

static void
toast (TillitWindow *self,
       const char   *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Import and export. The exchange works on the database connection; the
 * window waits for it with a progress dialog that can cancel. */

typedef struct
{
  TillitWindow *window;
  GFile *file;
  GCancellable *cancellable;
  AdwMessageDialog *progress_dialog;
  GtkProgressBar *progress_bar;
  TillitExchangePlan *plan;
  /* Theirs for every conflict, and one per conflict listed. */
  GtkSwitch *all_theirs;
  GPtrArray *switches;
} ImportJob;

/* A list of hundreds of thousands of rows helps no one decide: past
 * this many, the rest follow the choice for every conflict. */
#define MAX_CONFLICT_ROWS 100

static void
import_job_free (ImportJob *job)
{
  if (job->progress_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (job->progress_dialog));
  g_clear_object (&job->window);
  g_clear_object (&job->file);
  g_clear_object (&job->cancellable);
  g_clear_object (&job->plan);
  g_clear_pointer (&job->switches, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

static void
progress_response (AdwMessageDialog *dialog,
                   const char       *response,
                   GCancellable     *cancellable)
{
  g_cancellable_cancel (cancellable);
}

static void
show_progress (ImportJob  *job,
               const char *heading)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  job->progress_dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (job->window), heading,
                                                                     g_file_peek_path (job->file)));
  adw_message_dialog_set_extra_child (job->progress_dialog, bar);
  adw_message_dialog_add_response (job->progress_dialog, "cancel", _("_Cancel"));
  g_signal_connect_object (job->progress_dialog, "response",
                           G_CALLBACK (progress_response), job->cancellable, 0);
  job->progress_bar = GTK_PROGRESS_BAR (bar);
  gtk_window_present (GTK_WINDOW (job->progress_dialog));
}

static void
import_progress (double   fraction,
                 gpointer user_data)
{
  ImportJob *job = user_data;

  if (job->progress_bar != NULL)
    gtk_progress_bar_set_fraction (job->progress_bar, fraction);
}

static void
import_applied (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  TillitApplication *app = TILLIT_APPLICATION (gtk_window_get_application (GTK_WINDOW (job->window)));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;

  if (!tillit_exchange_plan_apply_finish (job->plan, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (job->window, error->message);
      return;
    }

  /* The import wrote past the store: open the programme afresh so that
   * every view shows what is in the file now. */
  path = g_strdup (tillit_application_get_database_path (app));
  if (!tillit_application_open_database (app, path, &error))
    {
      tillit_window_show_open_error (job->window, path, error);
      return;
    }

  message = g_strdup_printf (_("Imported from %s"), tillit_exchange_plan_get_source_name (job->plan));
  toast (job->window, message);
}

static void
plan_response (AdwMessageDialog *dialog,
               const char       *response,
               ImportJob        *job)
{
  if (!g_str_equal (response, "import"))
    {
      import_job_free (job);
      return;
    }

  if (job->all_theirs != NULL)
    tillit_exchange_plan_resolve_all (job->plan, gtk_switch_get_active (job->all_theirs)
                                                 ? TILLIT_EXCHANGE_TAKE_THEIRS
                                                 : TILLIT_EXCHANGE_KEEP_OURS);
  for (guint i = 0; i < job->switches->len; i++)
    {
      GtkSwitch *theirs = g_ptr_array_index (job->switches, i);
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (theirs), "entry"));

      tillit_exchange_plan_set_resolution (job->plan, index,
                                           gtk_switch_get_active (theirs) ? TILLIT_EXCHANGE_TAKE_THEIRS
                                                                          : TILLIT_EXCHANGE_KEEP_OURS);
    }

  show_progress (job, _("Importing…"));
  tillit_exchange_plan_apply_async (job->plan, job->cancellable, import_applied, job);
}

/* A value as a coordinator reads it: sets joined, nothing as a dash. */
static char *
describe_value (const GValue *value)
{
  if (value == NULL)
    return g_strdup ("–");
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    {
      const char * const *strv = g_value_get_boxed (value);

      return (strv == NULL || strv[0] == NULL) ? g_strdup ("–") : g_strjoinv (", ", (char **) strv);
    }
  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0'
                     ? g_value_get_string (value) : "–");
  if (G_VALUE_HOLDS_BOOLEAN (value))
    return g_strdup (g_value_get_boolean (value) ? _("yes") : _("no"));
  return g_strdup_value_contents (value);
}

/* A label as a row title: the first letter in upper case, whatever the
 * alphabet ("ändrad" becomes "Ändrad"). */
static char *
capitalised (const char *label)
{
  char first[6];
  int length = g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (label)), first);

  return g_strdup_printf ("%.*s%s", length, first, *label != '\0' ? g_utf8_next_char (label) : "");
}

/* One conflict: the record, and per changed field our value beside theirs,
 * so that the choice is made on what differs. */
static GtkWidget *
conflict_row (ImportJob *job,
              guint      index)
{
  TillitStore *store = window_store (job->window);
  TillitRecord *ours = tillit_store_lookup (store, tillit_exchange_plan_get_uuid (job->plan, index));
  const char * const *fields = tillit_exchange_plan_get_changed_fields (job->plan, index);
  const TillitRecordKind *kind = tillit_record_kind_lookup (tillit_exchange_plan_get_kind (job->plan, index));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *theirs = gtk_switch_new ();

  subtitle = g_strdup_printf (_("%s, changed here and there; line %u of the file"),
                              kind != NULL ? tillit_record_kind_get_label (kind)
                                           : tillit_exchange_plan_get_kind (job->plan, index),
                              tillit_exchange_plan_get_line (job->plan, index));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tillit_exchange_plan_get_label (job->plan, index));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      GtkWidget *field_row = adw_action_row_new ();
      g_autofree char *theirs_value = tillit_exchange_plan_dup_value (job->plan, index, fields[i]);
      g_autofree char *ours_value = NULL;
      g_autofree char *both = NULL;
      int field = kind != NULL ? tillit_record_kind_find_field (kind, fields[i]) : -1;
      g_autofree char *title = capitalised (field >= 0 ? tillit_record_kind_get_field_label (kind, field)
                                                       : fields[i]);

      /* Ours is of the same kind: the plan refuses a UUID of two kinds. */
      ours_value = describe_value (ours != NULL && field >= 0 ? tillit_record_get_value (ours, field)
                                                              : NULL);
      both = g_strdup_printf (_("Ours: %s\nTheirs: %s"), ours_value,
                              theirs_value != NULL && *theirs_value != '\0' ? theirs_value : "–");
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field_row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (field_row), both);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field_row), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), field_row);
    }

  gtk_widget_set_valign (theirs, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (theirs, _("Take their version"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (theirs),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Take their version"),
                                  -1);
  g_object_set_data (G_OBJECT (theirs), "entry", GUINT_TO_POINTER (index));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), theirs);
  g_ptr_array_add (job->switches, theirs);

  return row;
}

/* The choice for every conflict sets each one listed; each can then be
 * changed on its own. */
static void
all_theirs_changed (GtkSwitch  *all,
                    GParamSpec *pspec,
                    ImportJob  *job)
{
  for (guint i = 0; i < job->switches->len; i++)
    gtk_switch_set_active (g_ptr_array_index (job->switches, i), gtk_switch_get_active (all));
}

static GtkWidget *
conflict_list (ImportJob *job,
               guint      n_conflicts)
{
  g_autoptr(GArray) listed = tillit_exchange_plan_list_conflicts (job->plan, MAX_CONFLICT_ROWS);
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *all_row = adw_action_row_new ();
  GtkWidget *scrolled;

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  job->all_theirs = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (job->all_theirs), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (all_row),
                                 _("Take Their Version of Every Conflict"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (all_row), GTK_WIDGET (job->all_theirs));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (all_row), GTK_WIDGET (job->all_theirs));
  g_signal_connect (job->all_theirs, "notify::active", G_CALLBACK (all_theirs_changed), job);
  gtk_list_box_append (GTK_LIST_BOX (list), all_row);

  for (guint i = 0; i < listed->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), conflict_row (job, g_array_index (listed, guint, i)));

  if (n_conflicts > listed->len)
    {
      guint n_more = n_conflicts - listed->len;
      GtkWidget *more = adw_action_row_new ();
      g_autofree char *title =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u more conflict follows the choice for every conflict",
                                      "%u more conflicts follow the choice for every conflict",
                                      n_more),
                         n_more);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), title);
      gtk_list_box_append (GTK_LIST_BOX (list), more);
    }

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static void
plan_ready (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint conflicts;

  g_clear_pointer ((GtkWindow **) &job->progress_dialog, gtk_window_destroy);
  job->progress_bar = NULL;

  job->plan = tillit_exchange_plan_new_finish (result, &error);
  if (job->plan == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          dialog = adw_message_dialog_new (GTK_WINDOW (job->window), _("Cannot Import the File"), error->message);
          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
      return;
    }

  conflicts = tillit_exchange_plan_count (job->plan, TILLIT_EXCHANGE_ACTION_CONFLICT);
  heading = g_strdup_printf (_("Import from %s?"), tillit_exchange_plan_get_source_name (job->plan));
  body = g_strdup_printf (_("%u new, %u updated, %u unchanged, %u changed on both sides.%s"),
                          tillit_exchange_plan_count (job->plan, TILLIT_EXCHANGE_ACTION_NEW),
                          tillit_exchange_plan_count (job->plan, TILLIT_EXCHANGE_ACTION_UPDATED),
                          tillit_exchange_plan_count (job->plan, TILLIT_EXCHANGE_ACTION_UNCHANGED),
                          conflicts,
                          conflicts > 0 ? _(" For each of those, ours is kept unless you switch to theirs.") : "");

  dialog = adw_message_dialog_new (GTK_WINDOW (job->window), heading, body);
  job->switches = g_ptr_array_new ();
  if (conflicts > 0)
    adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), conflict_list (job, conflicts));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (plan_response), g_steal_pointer (&job));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tillit_window_import_file:
 *
 * Reads @file into a plan and shows it; nothing is written until the user
 * confirms the plan.
 */
void
tillit_window_import_file (TillitWindow *self,
                           GFile        *file)
{
  ImportJob *job;
  TillitStore *store;

  g_return_if_fail (TILLIT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  store = window_store (self);
  if (store == NULL)
    return;

  job = g_new0 (ImportJob, 1);
  job->window = g_object_ref (self);
  job->file = g_object_ref (file);
  job->cancellable = g_cancellable_new ();
  show_progress (job, _("Reading the File…"));
  tillit_exchange_plan_new_async (tillit_store_get_database (store),
                                  file, TILLIT_EXCHANGE_DEFAULT_MAX_BYTES,
                                  import_progress, job, job->cancellable, plan_ready, job);
}

/**
 * tillit_window_export_file:
 *
 * Writes the whole programme to @file, naming our municipality as the
 * sender; personal data only when @personal_data is set.
 */
gboolean
tillit_window_export_file (TillitWindow *self,
                           GFile        *file,
                           gboolean      personal_data)
{
  TillitStore *store;
  TillitRecord *ours;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (TILLIT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  store = window_store (self);
  if (store == NULL)
    return FALSE;

  ours = tillit_store_get_ours (store);
  if (ours == NULL)
    {
      tillit_window_ask_who_we_are (self);
      return FALSE;
    }

  if (!tillit_exchange_export (tillit_store_get_database (store), file,
                               &(TillitExchangeSource) { tillit_record_get_string (ours, "name"),
                                                         tillit_record_get_string (ours, "code") },
                               NULL,
                               personal_data ? TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA : TILLIT_EXCHANGE_EXPORT_NONE,
                               NULL, NULL, NULL, &error))
    {
      toast (self, error->message);
      return FALSE;
    }

  message = g_strdup_printf (personal_data ? _("Exported with personal data to %s")
                                           : _("Exported without personal data to %s"),
                             g_file_peek_path (file));
  toast (self, message);
  return TRUE;
}

static void
exchange_file_chosen (GtkNativeDialog *chooser,
                      int              response,
                      TillitWindow    *self)
{
  g_autoptr(GFile) file = NULL;
  gboolean exporting = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && exporting)
    tillit_window_export_file (self, file,
                               g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "personal"), "true") == 0);
  else if (file != NULL)
    tillit_window_import_file (self, file);

  g_object_unref (chooser);
}

/* The example is a fictional municipality's programme, imported like any
 * other file so that the plan shows what it adds. */
static void
tillit_window_explore_example_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  g_autoptr(GFile) example = g_file_new_for_uri ("resource://" RESOURCE_PREFIX "/examples/example-programme.xml");

  tillit_window_import_file (TILLIT_WINDOW (widget), example);
}

static void
tillit_window_exchange_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  TillitWindow *self = TILLIT_WINDOW (widget);
  gboolean exporting = g_str_equal (action_name, "win.export");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (exporting ? _("Export Programme") : _("Import Programme"),
                                         GTK_WINDOW (self),
                                         exporting ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         exporting ? _("_Export") : _("_Import"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Tillit exchange files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.xml.gz");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  if (exporting)
    {
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("programme.xml"));
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "personal",
                                   _("Include personal data (candidates, ratings and named people)"),
                                   NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "personal", "false");
    }

  g_signal_connect (chooser, "response", G_CALLBACK (exchange_file_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* win.open-record: any tool (or the overview) names a record by UUID and
 * the window shows it in the tool that holds it. Records that live inside
 * another (a learning in its pilot, an agenda item in its day) open their
 * holder. */
static void
tillit_window_open_record_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  TillitWindow *self = TILLIT_WINDOW (widget);
  TillitStore *store = window_store (self);
  TillitRecord *record;
  const char *kind;

  record = store != NULL ? tillit_store_lookup (store, g_variant_get_string (parameter, NULL)) : NULL;
  if (record == NULL)
    return;

  kind = tillit_record_get_kind (record)->name;
  if (g_str_equal (kind, "learning") || g_str_equal (kind, "adoption"))
    {
      record = tillit_store_lookup (store, tillit_record_get_string (record, "pilot"));
      kind = record != NULL ? "pilot" : "";
    }
  else if (g_str_equal (kind, "strategy") || g_str_equal (kind, "evidence")
           || g_str_equal (kind, "assessment"))
    {
      record = tillit_store_lookup (store, tillit_record_get_string (record, "cell"));
      kind = record != NULL ? "cell" : "";
    }

  if (g_str_equal (kind, "pilot"))
    {
      adw_view_stack_set_visible_child_name (self->stack, "pilots");
      tillit_pilots_page_select (self->pilots_page, record);
    }
  else if (g_str_equal (kind, "agenda-item"))
    {
      TillitRecord *day = tillit_store_lookup (store, tillit_record_get_string (record, "day"));

      adw_view_stack_set_visible_child_name (self->stack, "agenda");
      if (day != NULL)
        tillit_agenda_page_show_day (self->agenda_page, day);
      tillit_agenda_page_select_item (self->agenda_page, record);
    }
  else if (g_str_equal (kind, "manager-day"))
    {
      adw_view_stack_set_visible_child_name (self->stack, "agenda");
      tillit_agenda_page_show_day (self->agenda_page, record);
    }
  else if (g_str_equal (kind, "cell"))
    {
      adw_view_stack_set_visible_child_name (self->stack, "matrix");
      tillit_matrix_page_open_cell (self->matrix_page,
                                    tillit_record_get_string (record, "principle"),
                                    tillit_record_get_string (record, "level"));
    }
  else if (g_str_equal (kind, "framework") || g_str_equal (kind, "principle")
           || g_str_equal (kind, "level"))
    adw_view_stack_set_visible_child_name (self->stack, "matrix");
  else if (g_str_equal (kind, "competency") || g_str_equal (kind, "vacancy")
           || g_str_equal (kind, "profile-entry") || g_str_equal (kind, "candidate")
           || g_str_equal (kind, "rating"))
    adw_view_stack_set_visible_child_name (self->stack, "recruitment");
}

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

static void
tillit_window_search_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  tillit_overview_search_start (TILLIT_WINDOW (widget)->search);
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
  gboolean code_ok = *code_text == '\0' || tillit_municipality_code_is_valid (code_text);

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

  if (g_str_equal (response, "example"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.explore-example", NULL);
  if (!g_str_equal (response, "save") || store == NULL)
    return;

  name = g_strstrip (g_strdup (gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "name"))));
  if (tillit_store_create (store, TILLIT_TYPE_MUNICIPALITY, &error,
                           "name", name,
                           "code", gtk_editable_get_text (g_object_get_data (G_OBJECT (dialog), "code")),
                           "ours", TRUE,
                           NULL) == NULL)
    toast (self, error->message);
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
                                    "example", _("_Explore an Example"),
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

  g_type_ensure (TILLIT_TYPE_AGENDA_PAGE);
  g_type_ensure (TILLIT_TYPE_PILOTS_PAGE);
  g_type_ensure (TILLIT_TYPE_MATRIX_PAGE);
  g_type_ensure (TILLIT_TYPE_RECRUITMENT_PAGE);
  g_type_ensure (TILLIT_TYPE_OVERVIEW_PAGE);
  g_type_ensure (TILLIT_TYPE_OVERVIEW_SEARCH);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/tillit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TillitWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TillitWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TillitWindow, search);
  gtk_widget_class_bind_template_child (widget_class, TillitWindow, matrix_page);
  gtk_widget_class_bind_template_child (widget_class, TillitWindow, pilots_page);
  gtk_widget_class_bind_template_child (widget_class, TillitWindow, agenda_page);

  gtk_widget_class_install_action (widget_class, "win.show-tool", "s",
                                   tillit_window_show_tool_action);
  gtk_widget_class_install_action (widget_class, "win.open-record", "s",
                                   tillit_window_open_record_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL,
                                   tillit_window_exchange_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL,
                                   tillit_window_exchange_action);
  gtk_widget_class_install_action (widget_class, "win.explore-example", NULL,
                                   tillit_window_explore_example_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL,
                                   tillit_window_search_action);
}

/* A saved name that is no page (a tool since renamed, a hand-edited
 * setting) shows the first page rather than none. */
static gboolean
last_tool_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  AdwViewStack *stack = user_data;
  const char *name = g_variant_get_string (variant, NULL);

  if (adw_view_stack_get_child_by_name (stack, name) == NULL)
    name = "overview";
  g_value_set_string (value, name);
  return TRUE;
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

  g_settings_bind_with_mapping (self->settings, "last-tool",
                                self->stack, "visible-child-name",
                                G_SETTINGS_BIND_DEFAULT,
                                last_tool_get_mapping, NULL, self->stack, NULL);
}

TillitWindow *
tillit_window_new (TillitApplication *application)
{
  TillitWindow *self;
  g_autoptr(GtkSelectionModel) pages = NULL;

  g_return_val_if_fail (TILLIT_IS_APPLICATION (application), NULL);

  self = g_object_new (TILLIT_TYPE_WINDOW,
                       "application", application,
                       NULL);

  /* Every tool page shows the application's programme, and follows it when
   * another programme is opened or an import reopens this one. A page is
   * styled and measured from when it is first shown. */
  pages = adw_view_stack_get_pages (self->stack);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (g_object_class_find_property (G_OBJECT_GET_CLASS (child), "store") != NULL)
        g_object_bind_property (application, "store", child, "store", G_BINDING_SYNC_CREATE);
      tillit_hide_content_until_mapped (child);
    }
  g_object_bind_property (application, "store", self->search, "store", G_BINDING_SYNC_CREATE);

  return self;
}

const char *
tillit_window_get_visible_tool (TillitWindow *self)
{
  g_return_val_if_fail (TILLIT_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}
