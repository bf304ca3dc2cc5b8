/* tillit-overview-page.c: one principle framework behind all four tools
 *
 * The coverage heatmap (principles × tools), each principle's red
 * thread, and what other municipalities shared. Every record shown opens
 * in its tool through the window's `win.open-record`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-overview-page.h"
#include "app/tillit-lazy-page.h"
#include "matrix/tillit-matrix-logic.h"
#include "pilots/tillit-pilot-labels.h"

struct _TillitOverviewPage
{
  AdwBin parent_instance;

  TillitStore *store;
  GPtrArray *rows;
  GPtrArray *cells;
  GPtrArray *principle_buttons;
  TillitRecord *thread;
  char *period;
  guint refresh_id;
  gboolean dirty;
  gboolean updating;

  GtkStack *stack;
  AdwStatusPage *empty_page;
  GtkLabel *title_label;
  GtkDropDown *period_drop_down;
  GtkStringList *periods;
  GtkWidget *grid_holder;
  GtkWidget *grid;
  GtkWidget *elsewhere_holder;
  GtkPopover *popover;
  GtkLabel *thread_title;
  GtkLabel *thread_description;
  GtkWidget *thread_box;
  GtkWidget *thread_groups;
};

G_DEFINE_FINAL_TYPE (TillitOverviewPage, tillit_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
tool_title (TillitOverviewTool tool)
{
  switch (tool)
    {
    case TILLIT_OVERVIEW_MATRIX:
      return _("Matrix");
    case TILLIT_OVERVIEW_PILOTS:
      return _("Pilots");
    case TILLIT_OVERVIEW_AGENDA:
      return _("Manager Days");
    case TILLIT_OVERVIEW_RECRUITMENT:
    case TILLIT_OVERVIEW_N_TOOLS:
    default:
      return _("Recruitment");
    }
}

static const char *
tool_caption (TillitOverviewTool tool)
{
  switch (tool)
    {
    case TILLIT_OVERVIEW_MATRIX:
      return _("Practice and say/do gap");
    case TILLIT_OVERVIEW_PILOTS:
      return _("Pilots by stage");
    case TILLIT_OVERVIEW_AGENDA:
      return _("Minutes this year");
    case TILLIT_OVERVIEW_RECRUITMENT:
    case TILLIT_OVERVIEW_N_TOOLS:
    default:
      return _("Weight in open vacancies");
    }
}

static void
open_record (GtkWidget    *widget,
             TillitRecord *record)
{
  gtk_widget_activate_action (widget, "win.open-record", "s", tillit_record_get_uuid (record));
}

/* A row that names a record and opens it in its tool; @suffix (a button)
 * goes before the arrow. */
static GtkWidget *
record_row (TillitOverviewPage *self,
            TillitRecord       *record,
            GtkWidget          *suffix)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = tillit_overview_record_title (self->store, record);
  g_autofree char *context = tillit_overview_record_context (self->store, record);
  g_autofree char *subtitle = NULL;

  subtitle = context != NULL ? g_strdup_printf ("%s · %s", tillit_overview_kind_label (record), context)
                             : g_strdup (tillit_overview_kind_label (record));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (suffix != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "record", g_object_ref (record), g_object_unref);
  return row;
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* A list longer than this shows its first records and says how many more
 * there are: the tool itself is the place to go through thousands. */
#define MAX_LISTED 100

static GtkWidget *
more_row (guint n_more)
{
  g_autofree char *text = g_strdup_printf (ngettext ("And %u more, not listed here",
                                                     "And %u more, not listed here", n_more), n_more);

  return placeholder_row (text);
}

static void
record_row_activated (AdwActionRow       *row,
                      TillitOverviewPage *self)
{
  TillitRecord *record = g_object_get_data (G_OBJECT (row), "record");

  if (self->popover != NULL)
    gtk_popover_popdown (self->popover);
  if (record != NULL)
    open_record (GTK_WIDGET (self), record);
}

static void
list_row_activated (GtkListBox         *list,
                    GtkListBoxRow      *row,
                    TillitOverviewPage *self)
{
  record_row_activated (ADW_ACTION_ROW (row), self);
}

/* The summary a heatmap cell shows, in two lines, and how warm it is
 * (0–4), or -1 for an empty spot. */
static int
describe_cell (const TillitOverviewRow *row,
               TillitOverviewTool       tool,
               char                   **main_text,
               char                   **detail)
{
  const char * const *stages = tillit_pilot_field_nicks ("stage");
  g_autoptr(GString) by_stage = NULL;

  switch (tool)
    {
    case TILLIT_OVERVIEW_MATRIX:
      if (tillit_overview_row_tool_is_empty (row, tool))
        break;
      *main_text = g_strdup (tillit_matrix_rating_label (row->practice));
      *detail = row->gap != 0 ? g_strdup_printf (_("Gap %+d"), row->gap)
                              : g_strdup (_("No say/do gap"));
      return row->practice;

    case TILLIT_OVERVIEW_PILOTS:
      if (tillit_overview_row_tool_is_empty (row, tool))
        break;
      *main_text = g_strdup_printf (ngettext ("%u pilot", "%u pilots", row->n_pilots), row->n_pilots);
      by_stage = g_string_new (NULL);
      for (guint s = 0; s < TILLIT_OVERVIEW_N_STAGES && stages[s] != NULL; s++)
        if (row->pilots[s] > 0)
          g_string_append_printf (by_stage, "%s%s %u", by_stage->len > 0 ? ", " : "",
                                  tillit_pilot_nick_label ("stage", stages[s]), row->pilots[s]);
      *detail = g_string_free (g_steal_pointer (&by_stage), FALSE);
      return MIN (row->n_pilots, 4);

    case TILLIT_OVERVIEW_AGENDA:
      if (tillit_overview_row_tool_is_empty (row, tool))
        break;
      *main_text = g_strdup_printf (ngettext ("%d minute", "%d minutes", row->minutes), row->minutes);
      *detail = g_strdup_printf (ngettext ("%d in dialogue", "%d in dialogue", row->dialogue_minutes),
                                 row->dialogue_minutes);
      return row->minutes >= 120 ? 4 : row->minutes >= 60 ? 3 : row->minutes >= 30 ? 2 : row->minutes > 0;

    case TILLIT_OVERVIEW_RECRUITMENT:
    case TILLIT_OVERVIEW_N_TOOLS:
    default:
      if (tillit_overview_row_tool_is_empty (row, tool))
        break;
      *main_text = g_strdup_printf (_("Weight %d"), row->weight);
      *detail = g_strdup_printf (ngettext ("%u profile entry", "%u profile entries",
                                           row->records[tool]->len),
                                 row->records[tool]->len);
      return row->weight >= 10 ? 4 : row->weight >= 6 ? 3 : row->weight >= 3 ? 2 : 1;
    }

  *main_text = g_strdup (tool == TILLIT_OVERVIEW_MATRIX ? _("Not assessed") : _("Nothing yet"));
  *detail = NULL;
  return -1;
}

static const char *
principle_name (TillitRecord *principle)
{
  return tillit_matrix_record_name (principle);
}

/* The records behind one heatmap cell, in a popover under it. */
static void
cell_clicked (GtkButton          *button,
              TillitOverviewPage *self)
{
  const TillitOverviewRow *row = g_object_get_data (G_OBJECT (button), "row");
  TillitOverviewTool tool = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "tool"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading;
  GtkWidget *list;
  GtkWidget *scrolled;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autofree char *text = NULL;

  if (self->popover != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->popover));

  /* Translators: the heading of the records behind a heatmap cell:
   * tool — principle */
  text = g_strdup_printf (C_("overview cell", "%s — %s"), tool_title (tool), principle_name (row->principle));
  heading = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_signal_connect (list, "row-activated", G_CALLBACK (list_row_activated), self);
  for (guint i = 0; i < row->records[tool]->len; i++)
    {
      TillitRecord *record = g_ptr_array_index (row->records[tool], i);

      /* A profile entry opens its vacancy. */
      if (TILLIT_IS_PROFILE_ENTRY (record))
        record = tillit_store_lookup (self->store, tillit_record_get_string (record, "vacancy"));
      if (record == NULL || !g_hash_table_add (seen, record))
        continue;
      if (g_hash_table_size (seen) <= MAX_LISTED)
        gtk_list_box_append (GTK_LIST_BOX (list), record_row (self, record, NULL));
    }
  if (g_hash_table_size (seen) > MAX_LISTED)
    gtk_list_box_append (GTK_LIST_BOX (list), more_row (g_hash_table_size (seen) - MAX_LISTED));
  if (row->records[tool]->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         placeholder_row (tool == TILLIT_OVERVIEW_MATRIX
                                          ? _("No assessment of this principle in the period.")
                                          : _("Nothing in this tool serves this principle yet.")));

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_size_request (box, 300, -1);

  self->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->popover, box);
  gtk_widget_set_parent (GTK_WIDGET (self->popover), GTK_WIDGET (button));
  gtk_popover_popup (self->popover);
  gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD);
}

static GtkWidget *
heat_cell (TillitOverviewPage      *self,
           const TillitOverviewRow *row,
           TillitOverviewTool       tool)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *main_label, *detail_label;
  g_autofree char *main_text = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *heat_class = NULL;
  g_autofree char *description = NULL;
  int heat = describe_cell (row, tool, &main_text, &detail);

  main_label = gtk_label_new (main_text);
  gtk_label_set_wrap (GTK_LABEL (main_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (main_label), 0);
  gtk_widget_add_css_class (main_label, "heat-main");
  gtk_box_append (GTK_BOX (box), main_label);
  if (detail != NULL)
    {
      detail_label = gtk_label_new (detail);
      gtk_label_set_wrap (GTK_LABEL (detail_label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (detail_label), 0);
      gtk_widget_add_css_class (detail_label, "caption");
      gtk_box_append (GTK_BOX (box), detail_label);
    }
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_button_set_child (GTK_BUTTON (button), box);

  gtk_widget_add_css_class (button, "heat-cell");
  heat_class = heat < 0 ? g_strdup ("heat-empty") : g_strdup_printf ("heat-%d", heat);
  gtk_widget_add_css_class (button, heat_class);
  if (!tillit_overview_row_is_served (row))
    gtk_widget_add_css_class (button, "unserved");
  gtk_widget_set_hexpand (button, TRUE);

  /* Colour is a hint only: the words say the same, and say it to a
   * screen reader too. */
  if (detail != NULL)
    /* Translators: a heatmap cell read aloud: principle, tool, summary */
    description = g_strdup_printf (_("%s, %s: %s, %s"), principle_name (row->principle),
                                   tool_title (tool), main_text, detail);
  else
    /* Translators: an empty heatmap cell read aloud: principle, tool, "Nothing yet" */
    description = g_strdup_printf (_("%s, %s: %s"), principle_name (row->principle),
                                   tool_title (tool), main_text);
  gtk_widget_set_tooltip_text (button, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description,
                                  -1);

  g_object_set_data (G_OBJECT (button), "row", (gpointer) row);
  g_object_set_data (G_OBJECT (button), "tool", GUINT_TO_POINTER (tool));
  g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked), self);
  return button;
}

static void
principle_clicked (GtkButton          *button,
                   TillitOverviewPage *self)
{
  const TillitOverviewRow *row = g_object_get_data (G_OBJECT (button), "row");

  tillit_overview_page_show_thread (self, row->principle);
}

static GtkWidget *
principle_header (TillitOverviewPage      *self,
                  const TillitOverviewRow *row)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (principle_name (row->principle));
  gboolean served = tillit_overview_row_is_served (row);
  g_autofree char *tooltip = NULL;

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);

  if (!served)
    {
      GtkWidget *warning = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      GtkWidget *label = gtk_label_new (_("Nothing serves it"));

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_box_append (GTK_BOX (warning), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_box_append (GTK_BOX (warning), label);
      gtk_widget_add_css_class (warning, "caption");
      gtk_box_append (GTK_BOX (box), warning);
      gtk_widget_add_css_class (button, "unserved");
    }
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "principle-header");

  tooltip = served
    ? g_strdup_printf (_("%s: show its red thread through all tools"), principle_name (row->principle))
    : g_strdup_printf (_("%s: no pilot, no time at manager days and no weight in open vacancies. "
                         "Show its red thread through all tools"),
                       principle_name (row->principle));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  g_object_set_data (G_OBJECT (button), "row", (gpointer) row);
  g_signal_connect (button, "clicked", G_CALLBACK (principle_clicked), self);
  return button;
}

static GtkWidget *
column_header (const char *title,
               const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *small = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (small), 0);
  gtk_label_set_wrap (GTK_LABEL (small), TRUE);
  gtk_widget_add_css_class (small, "caption");
  gtk_widget_add_css_class (small, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), small);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  gtk_widget_set_margin_start (box, 6);
  return box;
}

static void
build_grid (TillitOverviewPage *self)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_add_css_class (grid, "heatmap");

  gtk_grid_attach (GTK_GRID (grid), column_header (_("Principle"), _("Select for its red thread")), 0, 0, 1, 1);
  for (guint t = 0; t < TILLIT_OVERVIEW_N_TOOLS; t++)
    gtk_grid_attach (GTK_GRID (grid), column_header (tool_title (t), tool_caption (t)), t + 1, 0, 1, 1);

  g_ptr_array_set_size (self->cells, 0);
  g_ptr_array_set_size (self->principle_buttons, 0);
  for (guint r = 0; r < self->rows->len; r++)
    {
      const TillitOverviewRow *row = g_ptr_array_index (self->rows, r);
      GtkWidget *header = principle_header (self, row);

      gtk_grid_attach (GTK_GRID (grid), header, 0, r + 1, 1, 1);
      g_ptr_array_add (self->principle_buttons, header);
      for (guint t = 0; t < TILLIT_OVERVIEW_N_TOOLS; t++)
        {
          GtkWidget *cell = heat_cell (self, row, t);

          gtk_grid_attach (GTK_GRID (grid), cell, t + 1, r + 1, 1, 1);
          g_ptr_array_add (self->cells, cell);
        }
    }

  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->grid != NULL)
    adw_bin_set_child (ADW_BIN (self->grid_holder), NULL);
  self->grid = grid;
  adw_bin_set_child (ADW_BIN (self->grid_holder), grid);
}

static void
adapt_clicked (GtkButton          *button,
               TillitOverviewPage *self)
{
  TillitRecord *pilot = g_object_get_data (G_OBJECT (button), "record");
  TillitRecord *ours = tillit_overview_find_adaptation (self->store, pilot);
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;

  if (ours == NULL)
    ours = tillit_pilot_adapt (self->store, pilot, &error);
  if (ours == NULL)
    {
      overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      return;
    }
  open_record (GTK_WIDGET (self), ours);
}

static GtkWidget *
elsewhere_row (TillitOverviewPage *self,
               TillitRecord       *record)
{
  GtkWidget *button = NULL;
  GtkWidget *row;
  g_autofree char *date = g_strndup (tillit_overview_record_date (record), 10);
  g_autofree char *context = tillit_overview_record_context (self->store, record);
  g_autofree char *subtitle = NULL;

  if (TILLIT_IS_PILOT (record))
    {
      gboolean adapted = tillit_overview_find_adaptation (self->store, record) != NULL;

      button = gtk_button_new_with_mnemonic (adapted ? _("Open _Ours") : _("_Adapt for Us"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, adapted ? _("Open our adaptation of this pilot")
                                                   : _("Make our own copy of this pilot to try here"));
      if (!adapted)
        gtk_widget_add_css_class (button, "suggested-action");
      g_object_set_data_full (G_OBJECT (button), "record", g_object_ref (record), g_object_unref);
      g_signal_connect (button, "clicked", G_CALLBACK (adapt_clicked), self);
    }

  row = record_row (self, record, button);
  subtitle = context != NULL
    ? g_strdup_printf ("%s · %s · %s", tillit_overview_kind_label (record), date, context)
    : g_strdup_printf ("%s · %s", tillit_overview_kind_label (record), date);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
build_elsewhere (TillitOverviewPage *self)
{
  g_autoptr(GPtrArray) records = tillit_overview_from_elsewhere (self->store);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *group = NULL;
  const char *origin = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      TillitRecord *record = g_ptr_array_index (records, i);
      GtkWidget *row;

      if (group == NULL || g_strcmp0 (origin, tillit_record_get_origin (record)) != 0)
        {
          TillitRecord *municipality = tillit_store_lookup (self->store, tillit_record_get_origin (record));
          g_autofree char *title = NULL;

          origin = tillit_record_get_origin (record);
          /* Translators: a group of pilots and learnings another municipality shared */
          title = g_strdup_printf (_("From %s"), municipality != NULL
                                                 ? tillit_record_get_string (municipality, "name")
                                                 : _("an unknown municipality"));
          group = adw_preferences_group_new ();
          adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
          gtk_box_append (GTK_BOX (box), group);
        }
      row = elsewhere_row (self, record);
      g_signal_connect (row, "activated", G_CALLBACK (record_row_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  if (records->len == 0)
    {
      group = adw_preferences_group_new ();
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 placeholder_row (_("Nothing from other municipalities yet. "
                                                    "Import a file another municipality shared "
                                                    "to see their pilots and learnings here.")));
      gtk_box_append (GTK_BOX (box), group);
    }

  adw_bin_set_child (ADW_BIN (self->elsewhere_holder), box);
}

static void
build_thread (TillitOverviewPage *self)
{
  g_autoptr(GPtrArray) links = tillit_overview_thread (self->store, self->thread);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *groups[TILLIT_OVERVIEW_N_TOOLS];
  guint counts[TILLIT_OVERVIEW_N_TOOLS] = { 0 };
  const char *description = tillit_matrix_prefer_swedish ()
                            ? tillit_record_get_string (self->thread, "description-sv")
                            : tillit_record_get_string (self->thread, "description-en");
  g_autofree char *title = NULL;

  /* Translators: the heading of a principle's red thread */
  title = g_strdup_printf (_("The Red Thread of %s"), principle_name (self->thread));
  gtk_label_set_text (self->thread_title, title);
  gtk_label_set_text (self->thread_description, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->thread_description), description != NULL && *description != '\0');

  for (guint t = 0; t < TILLIT_OVERVIEW_N_TOOLS; t++)
    {
      groups[t] = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (groups[t]), tool_title (t));
      gtk_box_append (GTK_BOX (box), groups[t]);
    }

  for (guint i = 0; i < links->len; i++)
    {
      const TillitOverviewLink *link = g_ptr_array_index (links, i);
      GtkWidget *row;

      if (++counts[link->tool] > MAX_LISTED)
        continue;
      row = record_row (self, link->record, NULL);
      g_signal_connect (row, "activated", G_CALLBACK (record_row_activated), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[link->tool]), row);
    }

  for (guint t = 0; t < TILLIT_OVERVIEW_N_TOOLS; t++)
    if (counts[t] == 0)
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[t]),
                                 placeholder_row (_("Nothing linked to this principle yet.")));
    else if (counts[t] > MAX_LISTED)
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (groups[t]), more_row (counts[t] - MAX_LISTED));

  adw_bin_set_child (ADW_BIN (self->thread_groups), box);
}

static void
update_periods (TillitOverviewPage *self)
{
  g_auto(GStrv) periods = tillit_matrix_list_periods (tillit_store_list (self->store, TILLIT_TYPE_ASSESSMENT));
  guint selected = 0;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->periods));

  self->updating = TRUE;
  gtk_string_list_splice (self->periods, 1, n - 1, (const char * const *) periods);
  for (guint i = 0; periods[i] != NULL; i++)
    if (g_strcmp0 (periods[i], self->period) == 0)
      selected = i + 1;
  if (selected == 0)
    g_clear_pointer (&self->period, g_free);
  gtk_drop_down_set_selected (self->period_drop_down, selected);
  self->updating = FALSE;
}

static void
refresh (TillitOverviewPage *self)
{
  TillitRecord *framework;
  g_autofree char *title = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  self->dirty = FALSE;
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  framework = tillit_matrix_active_framework (tillit_store_list (self->store, TILLIT_TYPE_FRAMEWORK));
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  update_periods (self);
  self->rows = tillit_overview_coverage (self->store, framework, self->period, g_date_time_get_year (now));

  if (framework == NULL || self->rows->len == 0)
    {
      adw_status_page_set_title (self->empty_page, framework == NULL ? _("No Principle Framework")
                                                                     : _("No Principles Yet"));
      adw_status_page_set_description (self->empty_page,
                                       framework == NULL
                                       ? _("The overview shows how the four tools serve the principles of "
                                           "the active framework. Create a framework in the matrix, or "
                                           "import a programme file.")
                                       : _("Add the framework’s principles in the matrix; the overview then "
                                           "shows how pilots, manager days and recruitment serve each one."));
      g_clear_object (&self->thread);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* Translators: the heading of the overview, naming the framework */
  title = g_strdup_printf (_("Coverage of %s"), tillit_record_get_string (framework, "name"));
  gtk_label_set_text (self->title_label, title);
  build_grid (self);
  build_elsewhere (self);

  if (self->thread != NULL && tillit_store_lookup (self->store, tillit_record_get_uuid (self->thread)) == NULL)
    g_clear_object (&self->thread);
  if (self->thread != NULL)
    build_thread (self);
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "thread") ||
           g_str_equal (gtk_stack_get_visible_child_name (self->stack), "empty"))
    gtk_stack_set_visible_child_name (self->stack, "coverage");
}

static gboolean
refresh_idle (gpointer data)
{
  TillitOverviewPage *self = data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

/* Many changes come at once (an import, an undo of a group): the page is
 * built again once they are all in, and only while it is shown. */
static void
queue_refresh (TillitOverviewPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_idle, self);
}

static void
tillit_overview_page_map (GtkWidget *widget)
{
  TillitOverviewPage *self = TILLIT_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (tillit_overview_page_parent_class)->map (widget);
  if (self->dirty)
    refresh (self);
}

static void
period_selected (GtkDropDown        *drop_down,
                 GParamSpec         *pspec,
                 TillitOverviewPage *self)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->updating)
    return;

  g_free (self->period);
  self->period = selected > 0 && selected != GTK_INVALID_LIST_POSITION
                 ? g_strdup (gtk_string_list_get_string (self->periods, selected)) : NULL;
  refresh (self);
}

static void
back_clicked (GtkButton          *button,
              TillitOverviewPage *self)
{
  guint index = G_MAXUINT;

  for (guint r = 0; self->thread != NULL && self->rows != NULL && r < self->rows->len; r++)
    if (((TillitOverviewRow *) g_ptr_array_index (self->rows, r))->principle == self->thread)
      index = r;
  g_clear_object (&self->thread);
  gtk_stack_set_visible_child_name (self->stack, "coverage");
  if (index < self->principle_buttons->len)
    gtk_widget_grab_focus (g_ptr_array_index (self->principle_buttons, index));
}

static void
show_store (GtkWidget   *widget,
            TillitStore *store)
{
  TillitOverviewPage *self = TILLIT_OVERVIEW_PAGE (widget);
  GType watched[] = {
    TILLIT_TYPE_MUNICIPALITY, TILLIT_TYPE_FRAMEWORK, TILLIT_TYPE_PRINCIPLE, TILLIT_TYPE_LEVEL,
    TILLIT_TYPE_CELL, TILLIT_TYPE_STRATEGY, TILLIT_TYPE_EVIDENCE, TILLIT_TYPE_ASSESSMENT,
    TILLIT_TYPE_PILOT, TILLIT_TYPE_LEARNING, TILLIT_TYPE_AGENDA_FORMAT, TILLIT_TYPE_MANAGER_DAY,
    TILLIT_TYPE_AGENDA_ITEM, TILLIT_TYPE_COMPETENCY, TILLIT_TYPE_VACANCY, TILLIT_TYPE_PROFILE_ENTRY,
  };

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, queue_refresh, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->thread);
  for (guint i = 0; store != NULL && i < G_N_ELEMENTS (watched); i++)
    {
      g_autofree char *signal = g_strconcat ("records-changed::",
                                             tillit_record_kind_for_type (watched[i])->name, NULL);

      g_signal_connect_swapped (store, signal, G_CALLBACK (queue_refresh), self);
    }

  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * tillit_overview_page_set_store:
 *
 * Shows @store's programme, from when the page is first shown; the page
 * follows every change to it.
 */
void
tillit_overview_page_set_store (TillitOverviewPage *self,
                                TillitStore        *store)
{
  g_return_if_fail (TILLIT_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || TILLIT_IS_STORE (store));

  tillit_set_store_when_mapped (GTK_WIDGET (self), self->store, store, show_store);
}

TillitStore *
tillit_overview_page_get_store (TillitOverviewPage *self)
{
  g_return_val_if_fail (TILLIT_IS_OVERVIEW_PAGE (self), NULL);

  return tillit_get_coming_store (GTK_WIDGET (self), self->store);
}

/**
 * tillit_overview_page_set_period:
 * @period: (nullable): an assessment period, or %NULL for the latest
 */
void
tillit_overview_page_set_period (TillitOverviewPage *self,
                                 const char         *period)
{
  g_return_if_fail (TILLIT_IS_OVERVIEW_PAGE (self));

  tillit_show_coming_store (GTK_WIDGET (self));
  g_free (self->period);
  self->period = g_strdup (period);
  refresh (self);
}

/**
 * tillit_overview_page_get_cell:
 *
 * Returns: (transfer none) (nullable): the heatmap cell of the @row-th
 *   principle and @tool
 */
GtkWidget *
tillit_overview_page_get_cell (TillitOverviewPage *self,
                               guint               row,
                               TillitOverviewTool  tool)
{
  guint index = row * TILLIT_OVERVIEW_N_TOOLS + tool;

  g_return_val_if_fail (TILLIT_IS_OVERVIEW_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return index < self->cells->len ? g_ptr_array_index (self->cells, index) : NULL;
}

/**
 * tillit_overview_page_get_principle:
 *
 * Returns: (transfer none) (nullable): the header of the @row-th
 *   principle, which opens its red thread
 */
GtkWidget *
tillit_overview_page_get_principle (TillitOverviewPage *self,
                                    guint               row)
{
  g_return_val_if_fail (TILLIT_IS_OVERVIEW_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return row < self->principle_buttons->len ? g_ptr_array_index (self->principle_buttons, row) : NULL;
}

/**
 * tillit_overview_page_get_records_popover:
 *
 * Returns: (transfer none) (nullable): the list of records behind the
 *   heatmap cell last opened
 */
GtkPopover *
tillit_overview_page_get_records_popover (TillitOverviewPage *self)
{
  g_return_val_if_fail (TILLIT_IS_OVERVIEW_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return self->popover;
}

/**
 * tillit_overview_page_show_thread:
 *
 * Shows everything linked to @principle, tool by tool.
 */
void
tillit_overview_page_show_thread (TillitOverviewPage *self,
                                  TillitRecord       *principle)
{
  g_return_if_fail (TILLIT_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (TILLIT_IS_PRINCIPLE (principle));

  tillit_show_coming_store (GTK_WIDGET (self));
  if (self->store == NULL)
    return;

  g_set_object (&self->thread, principle);
  build_thread (self);
  gtk_stack_set_visible_child_name (self->stack, "thread");
  gtk_widget_child_focus (self->thread_box, GTK_DIR_TAB_FORWARD);
}

TillitRecord *
tillit_overview_page_get_thread (TillitOverviewPage *self)
{
  g_return_val_if_fail (TILLIT_IS_OVERVIEW_PAGE (self), NULL);

  tillit_show_coming_store (GTK_WIDGET (self));
  return self->thread;
}

static GtkWidget *
scrolled_clamp (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1100);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_widget_set_margin_top (child, 18);
  gtk_widget_set_margin_bottom (child, 24);
  gtk_widget_set_margin_start (child, 12);
  gtk_widget_set_margin_end (child, 12);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
build_coverage_page (TillitOverviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *period_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *period_label = gtk_label_new_with_mnemonic (_("_Period"));
  GtkWidget *hint;
  GtkWidget *grid_scroll;
  GtkWidget *elsewhere_title;
  GtkWidget *elsewhere_hint;
  const char *latest[] = { _("Latest"), NULL };

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->title_label, TRUE);
  gtk_label_set_xalign (self->title_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->title_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);

  self->periods = gtk_string_list_new (latest);
  self->period_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (self->periods), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->period_drop_down),
                               _("The assessment period the matrix column shows"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (period_label), GTK_WIDGET (self->period_drop_down));
  g_signal_connect (self->period_drop_down, "notify::selected", G_CALLBACK (period_selected), self);
  gtk_box_append (GTK_BOX (period_box), period_label);
  gtk_box_append (GTK_BOX (period_box), GTK_WIDGET (self->period_drop_down));
  gtk_widget_set_valign (period_box, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (header), period_box);
  gtk_box_append (GTK_BOX (box), header);

  hint = gtk_label_new (_("How each tool serves each principle. Every cell lists the records behind it; "
                          "a principle opens its red thread through all tools."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_box_append (GTK_BOX (box), hint);

  self->grid_holder = adw_bin_new ();
  grid_scroll = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (grid_scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (grid_scroll), self->grid_holder);
  gtk_box_append (GTK_BOX (box), grid_scroll);

  elsewhere_title = gtk_label_new (_("Across Municipalities"));
  gtk_label_set_xalign (GTK_LABEL (elsewhere_title), 0);
  gtk_widget_add_css_class (elsewhere_title, "title-3");
  gtk_widget_set_margin_top (elsewhere_title, 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (elsewhere_title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (box), elsewhere_title);
  elsewhere_hint = gtk_label_new (_("Pilots and learnings other municipalities shared, newest first. "
                                    "Adapt a pilot to try it here."));
  gtk_label_set_wrap (GTK_LABEL (elsewhere_hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (elsewhere_hint), 0);
  gtk_widget_add_css_class (elsewhere_hint, "dim-label");
  gtk_box_append (GTK_BOX (box), elsewhere_hint);
  self->elsewhere_holder = adw_bin_new ();
  gtk_box_append (GTK_BOX (box), self->elsewhere_holder);

  return scrolled_clamp (box);
}

static GtkWidget *
build_thread_page (TillitOverviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");

  gtk_widget_set_tooltip_text (back, _("Back to the Overview"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back to the Overview"), -1);
  gtk_widget_set_valign (back, GTK_ALIGN_CENTER);
  g_signal_connect (back, "clicked", G_CALLBACK (back_clicked), self);

  self->thread_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->thread_title, TRUE);
  gtk_label_set_xalign (self->thread_title, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->thread_title), "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->thread_title),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (header), back);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->thread_title));
  gtk_box_append (GTK_BOX (box), header);

  self->thread_description = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->thread_description, TRUE);
  gtk_label_set_xalign (self->thread_description, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->thread_description), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->thread_description));

  self->thread_groups = adw_bin_new ();
  gtk_box_append (GTK_BOX (box), self->thread_groups);
  self->thread_box = box;

  return scrolled_clamp (box);
}

static void
tillit_overview_page_dispose (GObject *object)
{
  TillitOverviewPage *self = TILLIT_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->popover));
      self->popover = NULL;
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, queue_refresh, self);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->principle_buttons, g_ptr_array_unref);
  g_clear_object (&self->thread);
  g_clear_object (&self->store);
  g_clear_pointer (&self->period, g_free);

  G_OBJECT_CLASS (tillit_overview_page_parent_class)->dispose (object);
}

static void
tillit_overview_page_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  TillitOverviewPage *self = TILLIT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, tillit_overview_page_get_store (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_overview_page_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  TillitOverviewPage *self = TILLIT_OVERVIEW_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      tillit_overview_page_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tillit_overview_page_class_init (TillitOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

  object_class->dispose = tillit_overview_page_dispose;
  object_class->get_property = tillit_overview_page_get_property;
  object_class->set_property = tillit_overview_page_set_property;
  widget_class->map = tillit_overview_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TILLIT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "overview");

  gtk_css_provider_load_from_resource (css, "/io/github/tillit/Tillit/overview/style.css");
  if (gdk_display_get_default () != NULL)
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
tillit_overview_page_init (TillitOverviewPage *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Open the _Matrix"));

  self->cells = g_ptr_array_new ();
  self->principle_buttons = g_ptr_array_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "tillit-matrix-symbolic");
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), "win.show-tool::matrix");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  adw_status_page_set_child (self->empty_page, button);

  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  gtk_stack_add_named (self->stack, build_coverage_page (self), "coverage");
  gtk_stack_add_named (self->stack, build_thread_page (self), "thread");
  gtk_stack_set_visible_child_name (self->stack, "empty");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}
