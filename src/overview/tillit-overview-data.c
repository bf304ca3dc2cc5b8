/* tillit-overview-data.c: what the overview counts and lists, without GTK
 *
 * The overview reads the store's lists as every tool does and uses the
 * tools' widget-free logic (the matrix's say/do gap, the pilots' stage
 * names) rather than a second copy of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tillit-overview-data.h"
#include "matrix/tillit-matrix-logic.h"
#include "pilots/tillit-pilot-labels.h"

/* The longest a title gets in a list before it is cut. */
#define TITLE_MAX_CHARS 90

static GListModel *
list (TillitStore *store,
      GType        type)
{
  return tillit_store_list (store, type);
}

static gboolean
strv_has (const char * const *strv,
          const char         *value)
{
  return strv != NULL && value != NULL && g_strv_contains (strv, value);
}

static void
row_free (gpointer data)
{
  TillitOverviewRow *row = data;

  g_clear_object (&row->principle);
  for (guint t = 0; t < TILLIT_OVERVIEW_N_TOOLS; t++)
    g_clear_pointer (&row->records[t], g_ptr_array_unref);
  g_free (row);
}

static int
stage_index (TillitRecord *pilot)
{
  const TillitRecordKind *kind = tillit_record_get_kind (pilot);
  const TillitField *field = tillit_record_kind_field (kind, tillit_record_kind_find_field (kind, "stage"));

  return tillit_field_enum_index (field, tillit_record_get_string (pilot, "stage"));
}

static gboolean
vacancy_is_open (TillitRecord *vacancy)
{
  const char *status = tillit_record_get_string (vacancy, "status");

  return g_strcmp0 (status, "filled") != 0 && g_strcmp0 (status, "withdrawn") != 0;
}

static void
count_matrix (TillitStore *store,
              TillitRecord *framework,
              const char  *period,
              GHashTable  *rows)
{
  g_autoptr(GPtrArray) levels = tillit_matrix_in_framework (list (store, TILLIT_TYPE_LEVEL), framework, "hidden", FALSE);
  g_autoptr(GHashTable) visible = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) latest = tillit_matrix_latest_by_cell (list (store, TILLIT_TYPE_ASSESSMENT), period);
  g_autoptr(GHashTable) sums = g_hash_table_new (NULL, NULL);
  GListModel *cells = list (store, TILLIT_TYPE_CELL);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < levels->len; i++)
    g_hash_table_add (visible, (gpointer) tillit_record_get_uuid (g_ptr_array_index (levels, i)));

  for (guint i = 0; i < g_list_model_get_n_items (cells); i++)
    {
      g_autoptr(TillitRecord) cell = g_list_model_get_item (cells, i);
      TillitOverviewRow *row = g_hash_table_lookup (rows, tillit_record_get_string (cell, "principle"));
      TillitRecord *assessment = g_hash_table_lookup (latest, tillit_record_get_uuid (cell));
      int practice;

      if (row == NULL || assessment == NULL ||
          !g_hash_table_contains (visible, tillit_record_get_string (cell, "level")))
        continue;

      practice = MAX (tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "practice")), 0);
      g_hash_table_insert (sums, row, GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (sums, row)) + practice));
      if (row->records[TILLIT_OVERVIEW_MATRIX]->len == 0 || tillit_matrix_gap (assessment) > row->gap)
        row->gap = tillit_matrix_gap (assessment);
      g_ptr_array_add (row->records[TILLIT_OVERVIEW_MATRIX], g_object_ref (assessment));
    }

  g_hash_table_iter_init (&iter, sums);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      TillitOverviewRow *row = key;
      double mean = (double) GPOINTER_TO_INT (value) / row->records[TILLIT_OVERVIEW_MATRIX]->len;

      row->practice = (int) (mean + 0.5);
    }
}

static void
count_pilots (TillitStore *store,
              GHashTable  *rows)
{
  GListModel *pilots = list (store, TILLIT_TYPE_PILOT);

  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(TillitRecord) pilot = g_list_model_get_item (pilots, i);
      const char * const *principles = tillit_record_get_strv (pilot, "principles");
      int stage = stage_index (pilot);

      for (guint p = 0; principles != NULL && principles[p] != NULL; p++)
        {
          TillitOverviewRow *row = g_hash_table_lookup (rows, principles[p]);

          if (row == NULL)
            continue;
          if (stage >= 0 && stage < TILLIT_OVERVIEW_N_STAGES)
            row->pilots[stage]++;
          row->n_pilots++;
          g_ptr_array_add (row->records[TILLIT_OVERVIEW_PILOTS], g_object_ref (pilot));
        }
    }
}

static void
count_agenda (TillitStore *store,
              int          year,
              GHashTable  *rows)
{
  g_autofree char *prefix = g_strdup_printf ("%04d-", year);
  GListModel *items = list (store, TILLIT_TYPE_AGENDA_ITEM);

  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (items, i);
      const char * const *principles = tillit_record_get_strv (item, "principles");
      TillitRecord *day = tillit_store_lookup (store, tillit_record_get_string (item, "day"));
      const char *format_uuid = tillit_record_get_string (item, "format");
      TillitRecord *format = format_uuid != NULL ? tillit_store_lookup (store, format_uuid) : NULL;
      gboolean dialogue = format != NULL && tillit_record_get_boolean (format, "dialogue");
      int minutes = tillit_record_get_int (item, "duration");

      if (day == NULL || tillit_record_get_string (day, "date") == NULL ||
          !g_str_has_prefix (tillit_record_get_string (day, "date"), prefix))
        continue;

      for (guint p = 0; principles != NULL && principles[p] != NULL; p++)
        {
          TillitOverviewRow *row = g_hash_table_lookup (rows, principles[p]);

          if (row == NULL)
            continue;
          row->minutes += minutes;
          if (dialogue)
            row->dialogue_minutes += minutes;
          g_ptr_array_add (row->records[TILLIT_OVERVIEW_AGENDA], g_object_ref (item));
        }
    }
}

static void
count_recruitment (TillitStore *store,
                   GHashTable  *rows)
{
  GListModel *entries = list (store, TILLIT_TYPE_PROFILE_ENTRY);

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(TillitRecord) entry = g_list_model_get_item (entries, i);
      TillitRecord *vacancy = tillit_store_lookup (store, tillit_record_get_string (entry, "vacancy"));
      TillitRecord *competency = tillit_store_lookup (store, tillit_record_get_string (entry, "competency"));
      const char * const *principles;

      if (vacancy == NULL || competency == NULL || !vacancy_is_open (vacancy))
        continue;

      principles = tillit_record_get_strv (competency, "principles");
      for (guint p = 0; principles != NULL && principles[p] != NULL; p++)
        {
          TillitOverviewRow *row = g_hash_table_lookup (rows, principles[p]);

          if (row == NULL)
            continue;
          row->weight += tillit_record_get_int (entry, "weight");
          g_ptr_array_add (row->records[TILLIT_OVERVIEW_RECRUITMENT], g_object_ref (entry));
        }
    }
}

/**
 * tillit_overview_coverage:
 * @store: the programme
 * @framework: (nullable): the framework whose principles make the rows
 * @period: (nullable): the assessment period to look from, %NULL for the
 *   newest
 * @year: the calendar year whose manager days count
 *
 * The coverage heatmap: for each principle of @framework still in use,
 * in the framework's order, what each tool gives it. Every record in
 * the programme counts, whichever municipality it came from, as the
 * tools show them all.
 *
 * Returns: (transfer full) (element-type TillitOverviewRow): the rows
 */
GPtrArray *
tillit_overview_coverage (TillitStore  *store,
                          TillitRecord *framework,
                          const char   *period,
                          int           year)
{
  g_autoptr(GPtrArray) principles = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *result;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);

  result = g_ptr_array_new_with_free_func (row_free);
  principles = tillit_matrix_in_framework (list (store, TILLIT_TYPE_PRINCIPLE), framework, "retired", FALSE);
  for (guint i = 0; i < principles->len; i++)
    {
      TillitOverviewRow *row = g_new0 (TillitOverviewRow, 1);

      row->principle = g_object_ref (g_ptr_array_index (principles, i));
      row->practice = -1;
      for (guint t = 0; t < TILLIT_OVERVIEW_N_TOOLS; t++)
        row->records[t] = g_ptr_array_new_with_free_func (g_object_unref);
      g_hash_table_insert (rows, (gpointer) tillit_record_get_uuid (row->principle), row);
      g_ptr_array_add (result, row);
    }

  count_matrix (store, framework, period, rows);
  count_pilots (store, rows);
  count_agenda (store, year, rows);
  count_recruitment (store, rows);

  return result;
}

/**
 * tillit_overview_row_tool_is_empty:
 *
 * Returns: whether @tool has nothing for the row's principle: an empty
 *   spot of the heatmap
 */
gboolean
tillit_overview_row_tool_is_empty (const TillitOverviewRow *row,
                                   TillitOverviewTool       tool)
{
  g_return_val_if_fail (row != NULL, TRUE);
  g_return_val_if_fail (tool < TILLIT_OVERVIEW_N_TOOLS, TRUE);

  return row->records[tool]->len == 0;
}

/**
 * tillit_overview_row_is_served:
 *
 * The matrix measures a principle; pilots, manager days and recruitment
 * serve it. A principle that none of the three serves is the empty spot
 * the overview is there to show.
 *
 * Returns: whether anything serves the row's principle
 */
gboolean
tillit_overview_row_is_served (const TillitOverviewRow *row)
{
  g_return_val_if_fail (row != NULL, FALSE);

  return !tillit_overview_row_tool_is_empty (row, TILLIT_OVERVIEW_PILOTS) ||
         !tillit_overview_row_tool_is_empty (row, TILLIT_OVERVIEW_AGENDA) ||
         !tillit_overview_row_tool_is_empty (row, TILLIT_OVERVIEW_RECRUITMENT);
}

static void
add_link (GPtrArray          *links,
          TillitOverviewTool  tool,
          TillitRecord       *record)
{
  TillitOverviewLink *link = g_new0 (TillitOverviewLink, 1);

  link->tool = tool;
  link->record = g_object_ref (record);
  g_ptr_array_add (links, link);
}

static void
link_free (gpointer data)
{
  TillitOverviewLink *link = data;

  g_clear_object (&link->record);
  g_free (link);
}

/* Every record of @type whose @field (a reference) is in @uuids. */
static void
add_children (GPtrArray          *links,
              TillitOverviewTool  tool,
              TillitStore        *store,
              GType               type,
              const char         *field,
              GHashTable         *uuids)
{
  GListModel *records = list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (records, i);

      const char *holder = tillit_record_get_string (record, field);

      if (holder != NULL && g_hash_table_contains (uuids, holder))
        add_link (links, tool, record);
    }
}

/* Every record of @type whose `principles` hold @principle; their UUIDs
 * go into @uuids when given. */
static void
add_serving (GPtrArray          *links,
             TillitOverviewTool  tool,
             TillitStore        *store,
             GType               type,
             const char         *principle,
             GHashTable         *uuids)
{
  GListModel *records = list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (records, i);

      if (!strv_has (tillit_record_get_strv (record, "principles"), principle))
        continue;
      add_link (links, tool, record);
      if (uuids != NULL)
        g_hash_table_add (uuids, (gpointer) tillit_record_get_uuid (record));
    }
}

/**
 * tillit_overview_thread:
 * @store: the programme
 * @principle: a principle
 *
 * The principle's red thread: everything linked to it, tool by tool in
 * the switcher's order. The matrix gives the strategies, evidence and
 * assessments of its cells; the pilots those that serve it and their
 * learnings; the manager days the agenda items given to it; recruitment
 * the competencies that serve it and the vacancies whose profiles ask
 * for those.
 *
 * Returns: (transfer full) (element-type TillitOverviewLink): the links
 */
GPtrArray *
tillit_overview_thread (TillitStore  *store,
                        TillitRecord *principle)
{
  g_autoptr(GHashTable) cells = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) pilots = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) competencies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) vacancies = g_hash_table_new (g_str_hash, g_str_equal);
  const char *uuid;
  GListModel *records;
  GPtrArray *links;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_PRINCIPLE (principle), NULL);

  uuid = tillit_record_get_uuid (principle);
  links = g_ptr_array_new_with_free_func (link_free);

  records = list (store, TILLIT_TYPE_CELL);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(TillitRecord) cell = g_list_model_get_item (records, i);

      if (g_strcmp0 (tillit_record_get_string (cell, "principle"), uuid) == 0)
        g_hash_table_add (cells, (gpointer) tillit_record_get_uuid (cell));
    }
  add_children (links, TILLIT_OVERVIEW_MATRIX, store, TILLIT_TYPE_STRATEGY, "cell", cells);
  add_children (links, TILLIT_OVERVIEW_MATRIX, store, TILLIT_TYPE_EVIDENCE, "cell", cells);
  add_children (links, TILLIT_OVERVIEW_MATRIX, store, TILLIT_TYPE_ASSESSMENT, "cell", cells);

  add_serving (links, TILLIT_OVERVIEW_PILOTS, store, TILLIT_TYPE_PILOT, uuid, pilots);
  add_children (links, TILLIT_OVERVIEW_PILOTS, store, TILLIT_TYPE_LEARNING, "pilot", pilots);

  add_serving (links, TILLIT_OVERVIEW_AGENDA, store, TILLIT_TYPE_AGENDA_ITEM, uuid, NULL);

  add_serving (links, TILLIT_OVERVIEW_RECRUITMENT, store, TILLIT_TYPE_COMPETENCY, uuid, competencies);
  records = list (store, TILLIT_TYPE_PROFILE_ENTRY);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(TillitRecord) entry = g_list_model_get_item (records, i);
      const char *vacancy = tillit_record_get_string (entry, "vacancy");

      if (g_hash_table_contains (competencies, tillit_record_get_string (entry, "competency")) &&
          vacancy != NULL)
        g_hash_table_add (vacancies, (gpointer) vacancy);
    }
  records = list (store, TILLIT_TYPE_VACANCY);
  for (guint i = 0; i < g_list_model_get_n_items (records); i++)
    {
      g_autoptr(TillitRecord) vacancy = g_list_model_get_item (records, i);

      if (g_hash_table_contains (vacancies, tillit_record_get_uuid (vacancy)))
        add_link (links, TILLIT_OVERVIEW_RECRUITMENT, vacancy);
    }

  return links;
}

/**
 * tillit_overview_record_date:
 *
 * Returns: the day a record is about: a learning's date, a pilot's
 *   first stage, a manager day's date, an assessment's date; else the
 *   day it was created (`YYYY-MM-DD…`)
 */
const char *
tillit_overview_record_date (TillitRecord *record)
{
  static const char * const fields[] = { "date", "identify-date" };
  const TillitRecordKind *kind;

  g_return_val_if_fail (TILLIT_IS_RECORD (record), NULL);

  kind = tillit_record_get_kind (record);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (tillit_record_kind_find_field (kind, fields[i]) >= 0)
      {
        const char *date = tillit_record_get_string (record, fields[i]);

        if (date != NULL && *date != '\0')
          return date;
      }

  return tillit_record_get_created (record);
}

static const char *
origin_name (TillitStore  *store,
             TillitRecord *record)
{
  TillitRecord *municipality = tillit_store_lookup (store, tillit_record_get_origin (record));

  return municipality != NULL ? tillit_record_get_string (municipality, "name") : "";
}

static int
compare_elsewhere (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  TillitStore *store = user_data;
  TillitRecord *ra = *(TillitRecord * const *) a;
  TillitRecord *rb = *(TillitRecord * const *) b;
  int cmp = g_utf8_collate (origin_name (store, ra), origin_name (store, rb));

  if (cmp == 0)
    cmp = g_strcmp0 (tillit_record_get_origin (ra), tillit_record_get_origin (rb));
  if (cmp == 0)
    /* Newest first. */
    cmp = -g_strcmp0 (tillit_overview_record_date (ra), tillit_overview_record_date (rb));
  return cmp;
}

static gboolean
from_elsewhere (TillitRecord *record,
                const char   *ours)
{
  const char *origin = tillit_record_get_origin (record);

  return origin != NULL && g_strcmp0 (origin, ours) != 0;
}

/**
 * tillit_overview_from_elsewhere:
 *
 * The pilots and learnings that came from other municipalities: those
 * whose origin is a municipality other than ours. Records without an
 * origin were made here before we named ourselves, or came with Tillit.
 *
 * Returns: (transfer full) (element-type TillitRecord): by origin (by
 *   the municipality's name), then newest first
 */
GPtrArray *
tillit_overview_from_elsewhere (TillitStore *store)
{
  GType types[] = { TILLIT_TYPE_PILOT, TILLIT_TYPE_LEARNING };
  TillitRecord *ours;
  const char *ours_uuid;
  GPtrArray *records;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);

  ours = tillit_store_get_ours (store);
  ours_uuid = ours != NULL ? tillit_record_get_uuid (ours) : NULL;
  records = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      GListModel *model = list (store, types[t]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          TillitRecord *record = g_list_model_get_item (model, i);

          if (from_elsewhere (record, ours_uuid))
            g_ptr_array_add (records, record);
          else
            g_object_unref (record);
        }
    }

  g_ptr_array_sort_with_data (records, compare_elsewhere, store);
  return records;
}

/**
 * tillit_overview_find_adaptation:
 * @pilot: a pilot, usually from elsewhere
 *
 * Returns: (transfer none) (nullable): our pilot adapted from @pilot,
 *   if we made one
 */
TillitRecord *
tillit_overview_find_adaptation (TillitStore  *store,
                                 TillitRecord *pilot)
{
  GListModel *pilots;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_PILOT (pilot), NULL);

  pilots = list (store, TILLIT_TYPE_PILOT);
  for (guint i = 0; i < g_list_model_get_n_items (pilots); i++)
    {
      g_autoptr(TillitRecord) candidate = g_list_model_get_item (pilots, i);

      if (g_strcmp0 (tillit_record_get_string (candidate, "adapted-from"), tillit_record_get_uuid (pilot)) == 0)
        return candidate;
    }

  return NULL;
}

/* The kinds the tools show, each with the tool that opens it; search
 * leaves out those that only repeat another record's name (a cell is its
 * principle and level, a profile entry its competency). */
static const struct
{
  const char *kind;
  TillitOverviewTool tool;
  gboolean searched;
  const char *label;
} kinds[] = {
  { "principle", TILLIT_OVERVIEW_MATRIX, TRUE, NC_("record kind", "Principle") },
  { "level", TILLIT_OVERVIEW_MATRIX, TRUE, NC_("record kind", "Level") },
  { "cell", TILLIT_OVERVIEW_MATRIX, FALSE, NC_("record kind", "Matrix cell") },
  { "strategy", TILLIT_OVERVIEW_MATRIX, TRUE, NC_("record kind", "Strategy") },
  { "evidence", TILLIT_OVERVIEW_MATRIX, TRUE, NC_("record kind", "Evidence") },
  { "assessment", TILLIT_OVERVIEW_MATRIX, TRUE, NC_("record kind", "Assessment") },
  { "pilot", TILLIT_OVERVIEW_PILOTS, TRUE, NC_("record kind", "Pilot") },
  { "learning", TILLIT_OVERVIEW_PILOTS, TRUE, NC_("record kind", "Learning") },
  { "manager-day", TILLIT_OVERVIEW_AGENDA, TRUE, NC_("record kind", "Manager day") },
  { "agenda-item", TILLIT_OVERVIEW_AGENDA, TRUE, NC_("record kind", "Agenda item") },
  { "competency", TILLIT_OVERVIEW_RECRUITMENT, TRUE, NC_("record kind", "Competency") },
  { "vacancy", TILLIT_OVERVIEW_RECRUITMENT, TRUE, NC_("record kind", "Vacancy") },
  { "profile-entry", TILLIT_OVERVIEW_RECRUITMENT, FALSE, NC_("record kind", "Profile entry") },
  { "candidate", TILLIT_OVERVIEW_RECRUITMENT, TRUE, NC_("record kind", "Candidate") },
};

static int
kind_index (TillitRecord *record)
{
  const char *name = tillit_record_get_kind (record)->name;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].kind, name))
      return i;
  return -1;
}

/**
 * tillit_overview_tool_of:
 *
 * Returns: the #TillitOverviewTool that holds @record, or -1 for a
 *   record no tool shows on its own (a unit, a municipality)
 */
int
tillit_overview_tool_of (TillitRecord *record)
{
  int index;

  g_return_val_if_fail (TILLIT_IS_RECORD (record), -1);

  index = kind_index (record);
  return index >= 0 ? (int) kinds[index].tool : -1;
}

/**
 * tillit_overview_kind_label:
 *
 * Returns: what @record is, as a list of mixed records names it ("Pilot")
 */
const char *
tillit_overview_kind_label (TillitRecord *record)
{
  int index;

  g_return_val_if_fail (TILLIT_IS_RECORD (record), NULL);

  index = kind_index (record);
  if (index < 0)
    return tillit_record_kind_get_label (tillit_record_get_kind (record));
  return g_dpgettext2 (GETTEXT_PACKAGE, "record kind", kinds[index].label);
}

/* The first line of @text, cut to a list's width. */
static char *
one_line (const char *text)
{
  g_autofree char *line = NULL;
  const char *end;

  if (text == NULL)
    return NULL;

  while (g_unichar_isspace (g_utf8_get_char (text)) && *text != '\0')
    text = g_utf8_next_char (text);
  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  g_strstrip (line);
  if (*line == '\0')
    return NULL;
  if (g_utf8_strlen (line, -1) > TITLE_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (line, 0, TITLE_MAX_CHARS - 1);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&line);
}

static char *
cell_title (TillitStore  *store,
            TillitRecord *cell)
{
  TillitRecord *principle, *level;

  if (cell == NULL)
    return NULL;

  principle = tillit_store_lookup (store, tillit_record_get_string (cell, "principle"));
  level = tillit_store_lookup (store, tillit_record_get_string (cell, "level"));
  /* Translators: a cell of the principles matrix: principle — level */
  return g_strdup_printf (C_("matrix cell", "%s — %s"),
                          principle != NULL ? tillit_matrix_record_name (principle) : "",
                          level != NULL ? tillit_matrix_record_name (level) : "");
}

static char *
assessment_title (TillitRecord *assessment)
{
  int discourse = tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "discourse"));
  int practice = tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "practice"));
  const char *period = tillit_record_get_string (assessment, "period");

  g_autofree char *say_do = g_strdup_printf (_("Say: %s · Do: %s"),
                                             tillit_matrix_rating_label (MAX (discourse, 0)),
                                             tillit_matrix_rating_label (MAX (practice, 0)));

  /* Translators: an assessment of a matrix cell: its period, then what
   * is said and what is done */
  return g_strdup_printf (C_("assessment", "%s · %s"),
                          period != NULL && *period != '\0' ? period : _("No period"), say_do);
}

/**
 * tillit_overview_record_title:
 *
 * Returns: (transfer full): how a list names @record: its title, name or
 *   first line of text; never %NULL
 */
char *
tillit_overview_record_title (TillitStore  *store,
                              TillitRecord *record)
{
  static const char * const text_fields[] = { "title", "name", "text", "note", "date" };
  const TillitRecordKind *kind;
  const char *name;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), NULL);

  kind = tillit_record_get_kind (record);
  name = kind->name;

  if (g_str_equal (name, "assessment"))
    return assessment_title (record);
  if (g_str_equal (name, "cell"))
    return cell_title (store, record);
  if (g_str_equal (name, "profile-entry") || g_str_equal (name, "rating"))
    record = tillit_store_lookup (store, tillit_record_get_string (record, "competency"));
  if (record != NULL && tillit_record_kind_find_field (tillit_record_get_kind (record), "name-en") >= 0)
    return g_strdup (tillit_matrix_record_name (record));

  for (guint i = 0; record != NULL && i < G_N_ELEMENTS (text_fields); i++)
    if (tillit_record_kind_find_field (tillit_record_get_kind (record), text_fields[i]) >= 0)
      {
        char *line = one_line (tillit_record_get_string (record, text_fields[i]));

        if (line != NULL)
          return line;
      }

  return g_strdup (_("Untitled"));
}

/**
 * tillit_overview_record_context:
 *
 * Returns: (transfer full) (nullable): where @record sits, for a list's
 *   second line: a strategy's cell, a learning's pilot, an agenda item's
 *   day, a profile entry's vacancy, a pilot's stage
 */
char *
tillit_overview_record_context (TillitStore  *store,
                                TillitRecord *record)
{
  const char *name;
  TillitRecord *holder;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_RECORD (record), NULL);

  name = tillit_record_get_kind (record)->name;
  if (g_str_equal (name, "strategy") || g_str_equal (name, "evidence") || g_str_equal (name, "assessment"))
    return cell_title (store, tillit_store_lookup (store, tillit_record_get_string (record, "cell")));
  if (g_str_equal (name, "pilot"))
    return g_strdup (tillit_pilot_nick_label ("stage", tillit_record_get_string (record, "stage")));
  if (g_str_equal (name, "manager-day"))
    return g_strdup (tillit_record_get_string (record, "date"));

  if (g_str_equal (name, "learning") || g_str_equal (name, "adoption"))
    holder = tillit_store_lookup (store, tillit_record_get_string (record, "pilot"));
  else if (g_str_equal (name, "agenda-item"))
    holder = tillit_store_lookup (store, tillit_record_get_string (record, "day"));
  else if (g_str_equal (name, "profile-entry") || g_str_equal (name, "candidate"))
    holder = tillit_store_lookup (store, tillit_record_get_string (record, "vacancy"));
  else
    return NULL;

  if (holder == NULL)
    return NULL;
  if (g_str_equal (tillit_record_get_kind (holder)->name, "manager-day"))
    {
      const char *date = tillit_record_get_string (holder, "date");
      g_autofree char *title = tillit_overview_record_title (store, holder);

      return date != NULL && g_strcmp0 (date, title) != 0 ? g_strdup_printf ("%s · %s", date, title)
                                                          : g_steal_pointer (&title);
    }
  return tillit_overview_record_title (store, holder);
}

static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return g_utf8_casefold (normal != NULL ? normal : "", -1);
}

/* All of @record's own text, folded for matching, its title first. */
static char *
haystack (TillitRecord *record,
          const char   *title)
{
  const TillitRecordKind *kind = tillit_record_get_kind (record);
  g_autoptr(GString) text = g_string_new (title);

  for (guint i = 0; i < tillit_record_kind_n_all_fields (kind); i++)
    {
      const TillitField *field = tillit_record_kind_field (kind, i);
      const char *value;

      if (field->type != TILLIT_FIELD_STRING && field->type != TILLIT_FIELD_TEXT)
        continue;
      value = tillit_record_get_string (record, field->name);
      if (value != NULL)
        {
          g_string_append_c (text, '\n');
          g_string_append (text, value);
        }
    }

  return fold (text->str);
}

/* One record's text, folded once and kept until the record changes. */
typedef struct
{
  TillitRecord *record;
  char *modified;
  char *title;
  char *text;
  guint kind;
  guint generation;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_object_unref (entry->record);
  g_free (entry->modified);
  g_free (entry->title);
  g_free (entry->text);
  g_free (entry);
}

/* A kind's list as the index last saw it, in the store's order; it is
 * walked again (and its entries looked up) only after records came or
 * went. */
typedef struct
{
  TillitOverviewIndex *index;
  GListModel *model;
  GPtrArray *entries;
  gboolean stale;
} Listing;

struct _TillitOverviewIndex
{
  TillitStore *store;
  GHashTable *entries;
  Listing listings[G_N_ELEMENTS (kinds)];
  guint generation;
  guint kind;
  guint position;
};

static void
listing_changed (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 Listing    *listing)
{
  listing->stale = TRUE;
}

/**
 * tillit_overview_index_new:
 *
 * A search index over @store: each record's text is folded once, when
 * first searched or prepared, and again only after the record changed.
 *
 * Returns: (transfer full): the index
 */
TillitOverviewIndex *
tillit_overview_index_new (TillitStore *store)
{
  TillitOverviewIndex *self;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);

  self = g_new0 (TillitOverviewIndex, 1);
  self->store = g_object_ref (store);
  self->entries = g_hash_table_new_full (NULL, NULL, NULL, entry_free);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Listing *listing = &self->listings[k];

      if (!kinds[k].searched)
        continue;
      listing->index = self;
      listing->model = g_object_ref (list (store, tillit_record_kind_lookup (kinds[k].kind)->get_type ()));
      listing->entries = g_ptr_array_new ();
      listing->stale = TRUE;
      g_signal_connect (listing->model, "items-changed", G_CALLBACK (listing_changed), listing);
    }
  return self;
}

void
tillit_overview_index_free (TillitOverviewIndex *self)
{
  if (self == NULL)
    return;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (self->listings[k].model != NULL)
      {
        g_signal_handlers_disconnect_by_func (self->listings[k].model, listing_changed, &self->listings[k]);
        g_object_unref (self->listings[k].model);
        g_ptr_array_unref (self->listings[k].entries);
      }
  g_hash_table_unref (self->entries);
  g_object_unref (self->store);
  g_free (self);
}

/* Folds @entry's record again if it changed since. */
static void
entry_refresh (TillitOverviewIndex *self,
               Entry               *entry)
{
  g_autofree char *title = NULL;

  if (g_strcmp0 (entry->modified, tillit_record_get_modified (entry->record)) == 0)
    return;

  title = tillit_overview_record_title (self->store, entry->record);
  g_free (entry->modified);
  g_free (entry->text);
  g_free (entry->title);
  entry->modified = g_strdup (tillit_record_get_modified (entry->record));
  entry->text = haystack (entry->record, title);
  entry->title = fold (title);
}

static Entry *
index_entry (TillitOverviewIndex *self,
             TillitRecord        *record,
             guint                kind)
{
  Entry *entry = g_hash_table_lookup (self->entries, record);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->record = g_object_ref (record);
      entry->kind = kind;
      g_hash_table_insert (self->entries, record, entry);
    }
  entry_refresh (self, entry);
  return entry;
}

typedef struct
{
  guint kind;
  guint generation;
} Sweep;

static gboolean
entry_is_gone (gpointer key,
               gpointer value,
               gpointer user_data)
{
  const Entry *entry = value;
  const Sweep *sweep = user_data;

  return entry->kind == sweep->kind && entry->generation != sweep->generation;
}

/* Walks a list whose records came or went: the entries of records no
 * longer in it leave the index. */
static void
listing_update (TillitOverviewIndex *self,
                guint                kind)
{
  Listing *listing = &self->listings[kind];
  guint n = g_list_model_get_n_items (listing->model);
  Sweep sweep = { kind, ++self->generation };

  g_ptr_array_set_size (listing->entries, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (listing->model, i);
      Entry *entry = index_entry (self, record, kind);

      entry->generation = sweep.generation;
      g_ptr_array_add (listing->entries, entry);
    }
  g_hash_table_foreach_remove (self->entries, entry_is_gone, &sweep);
  listing->stale = FALSE;
}

/**
 * tillit_overview_index_prepare:
 * @budget: how many records to fold at most
 *
 * Folds records ahead of the first search, a few at a time, then puts
 * each kind's list in order, so that the work can run while the
 * application idles.
 *
 * Returns: whether every record is folded
 */
gboolean
tillit_overview_index_prepare (TillitOverviewIndex *self,
                               guint                budget)
{
  g_return_val_if_fail (self != NULL, TRUE);

  for (; self->kind < G_N_ELEMENTS (kinds); self->kind++, self->position = 0)
    {
      GListModel *model;

      if (!kinds[self->kind].searched)
        continue;
      model = self->listings[self->kind].model;
      for (; self->position < g_list_model_get_n_items (model); self->position++)
        {
          g_autoptr(TillitRecord) record = NULL;

          if (budget-- == 0)
            return FALSE;
          record = g_list_model_get_item (model, self->position);
          index_entry (self, record, self->kind);
        }
    }

  /* Then the lists in order, one a call. */
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    if (self->listings[k].model != NULL && self->listings[k].stale)
      {
        listing_update (self, k);
        return FALSE;
      }

  return TRUE;
}

/**
 * tillit_overview_index_search:
 * @query: what the user typed
 * @max_results: at most this many, 0 for all
 *
 * Finds the records of all four tools whose text holds every word of
 * @query, case and accents as typed or not (`ö` is not `o`). Records
 * whose title holds the whole query come first, then those whose title
 * holds every word, then the rest; within each, the tools' order.
 *
 * Returns: (transfer full) (element-type TillitRecord): the records
 */
GPtrArray *
tillit_overview_index_search (TillitOverviewIndex *self,
                              const char          *query,
                              guint                max_results)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  /* The hits by rank, each in the tools' order: no sorting, and no more
   * kept than can be shown. */
  GPtrArray *ranks[3];
  GPtrArray *results;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  results = g_ptr_array_new_with_free_func (g_object_unref);
  folded = g_strstrip (fold (query));
  if (*folded == '\0')
    return results;
  words = g_regex_split_simple ("\\s+", folded, 0, 0);
  for (guint r = 0; r < G_N_ELEMENTS (ranks); r++)
    ranks[r] = g_ptr_array_new ();

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Listing *listing = &self->listings[k];

      if (listing->model == NULL)
        continue;
      if (listing->stale)
        listing_update (self, k);

      for (guint i = 0; i < listing->entries->len; i++)
        {
          Entry *entry = g_ptr_array_index (listing->entries, i);
          gboolean all = TRUE, in_title = TRUE;
          guint rank, before = 0;

          entry_refresh (self, entry);
          for (guint w = 0; all && words[w] != NULL; w++)
            all = strstr (entry->text, words[w]) != NULL;
          if (!all)
            continue;

          for (guint w = 0; in_title && words[w] != NULL; w++)
            in_title = strstr (entry->title, words[w]) != NULL;
          rank = strstr (entry->title, folded) != NULL ? 0 : in_title ? 1 : 2;

          for (guint r = 0; r <= rank; r++)
            before += ranks[r]->len;
          if (max_results == 0 || before < max_results)
            g_ptr_array_add (ranks[rank], entry->record);
        }
    }

  for (guint r = 0; r < G_N_ELEMENTS (ranks); r++)
    {
      for (guint i = 0; i < ranks[r]->len && (max_results == 0 || results->len < max_results); i++)
        g_ptr_array_add (results, g_object_ref (g_ptr_array_index (ranks[r], i)));
      g_ptr_array_unref (ranks[r]);
    }

  return results;
}

/**
 * tillit_overview_search:
 *
 * As tillit_overview_index_search() with an index of its own, for a
 * single search.
 *
 * Returns: (transfer full) (element-type TillitRecord): the records
 */
GPtrArray *
tillit_overview_search (TillitStore *store,
                        const char  *query,
                        guint        max_results)
{
  TillitOverviewIndex *index;
  GPtrArray *results;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);

  index = tillit_overview_index_new (store);
  results = tillit_overview_index_search (index, query, max_results);
  tillit_overview_index_free (index);
  return results;
}
