/* tillit-matrix-logic.c: what the matrix computes from assessments, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "tillit-matrix-logic.h"

/* The same nicks as the assessment's field table, in the order of the scale. */
static const char * const rating_nicks[TILLIT_MATRIX_N_RATINGS] = {
  "not-started", "emerging", "developing", "established", "embedded",
};

static const char * const rating_labels[TILLIT_MATRIX_N_RATINGS] = {
  N_("Not started"), N_("Emerging"), N_("Developing"), N_("Established"), N_("Embedded"),
};

/**
 * tillit_matrix_rating_from_nick:
 *
 * Returns: 0–4, or -1 for a nick that is not on the scale
 */
int
tillit_matrix_rating_from_nick (const char *nick)
{
  if (nick == NULL)
    return -1;

  for (int i = 0; i < TILLIT_MATRIX_N_RATINGS; i++)
    if (g_str_equal (nick, rating_nicks[i]))
      return i;

  return -1;
}

const char *
tillit_matrix_rating_to_nick (int rating)
{
  g_return_val_if_fail (rating >= 0 && rating < TILLIT_MATRIX_N_RATINGS, NULL);

  return rating_nicks[rating];
}

/**
 * tillit_matrix_rating_label:
 *
 * Returns: the translated name of a step of the scale ("Developing")
 */
const char *
tillit_matrix_rating_label (int rating)
{
  g_return_val_if_fail (rating >= 0 && rating < TILLIT_MATRIX_N_RATINGS, NULL);

  return _(rating_labels[rating]);
}

/**
 * tillit_matrix_period_compare:
 *
 * Orders periods as a person reads them: numbers by value, so "2025 H2"
 * comes before "2025 H10" and "2024" before "2025". A missing period
 * comes first.
 */
int
tillit_matrix_period_compare (const char *a,
                              const char *b)
{
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;

  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  key_a = g_utf8_collate_key_for_filename (a, -1);
  key_b = g_utf8_collate_key_for_filename (b, -1);

  return strcmp (key_a, key_b);
}

static int
compare_period_pointers (gconstpointer a,
                         gconstpointer b)
{
  return tillit_matrix_period_compare (*(const char * const *) a, *(const char * const *) b);
}

/**
 * tillit_matrix_list_periods:
 * @assessments: a #GListModel of #TillitAssessment
 *
 * Returns: (transfer full): every named period, once each, oldest first
 */
char **
tillit_matrix_list_periods (GListModel *assessments)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) periods = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (assessments), NULL);

  n = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) assessment = g_list_model_get_item (assessments, i);
      const char *period = tillit_record_get_string (assessment, "period");

      if (period != NULL && *period != '\0' && g_hash_table_add (seen, (gpointer) period))
        g_ptr_array_add (periods, g_strdup (period));
    }

  g_ptr_array_sort (periods, compare_period_pointers);
  g_ptr_array_add (periods, NULL);

  return (char **) g_ptr_array_free (g_steal_pointer (&periods), FALSE);
}

/**
 * tillit_matrix_assessment_newer:
 *
 * Whether @a is a later snapshot than @b: by period, then by date, then
 * by when it was entered.
 */
gboolean
tillit_matrix_assessment_newer (TillitRecord *a,
                                TillitRecord *b)
{
  int cmp;

  g_return_val_if_fail (TILLIT_IS_RECORD (a), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (b), FALSE);

  cmp = tillit_matrix_period_compare (tillit_record_get_string (a, "period"),
                                      tillit_record_get_string (b, "period"));
  if (cmp == 0)
    cmp = g_strcmp0 (tillit_record_get_string (a, "date"), tillit_record_get_string (b, "date"));
  if (cmp == 0)
    cmp = g_strcmp0 (tillit_record_get_created (a), tillit_record_get_created (b));

  return cmp > 0;
}

static gboolean
counts_as_of (TillitRecord *assessment,
              const char   *period)
{
  return period == NULL ||
         tillit_matrix_period_compare (tillit_record_get_string (assessment, "period"), period) <= 0;
}

/**
 * tillit_matrix_latest_assessment:
 * @assessments: a #GListModel of #TillitAssessment
 * @cell: the UUID of a cell
 * @period: (nullable): the period to look from, or %NULL for the newest
 *
 * A cell's state as of a period is its newest snapshot in that period or
 * an earlier one: a cell not re-assessed keeps its last rating.
 *
 * Returns: (transfer none) (nullable): the assessment
 */
TillitRecord *
tillit_matrix_latest_assessment (GListModel *assessments,
                                 const char *cell,
                                 const char *period)
{
  TillitRecord *latest = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (assessments), NULL);
  g_return_val_if_fail (cell != NULL, NULL);

  n = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) assessment = g_list_model_get_item (assessments, i);

      if (g_strcmp0 (tillit_record_get_string (assessment, "cell"), cell) == 0 &&
          counts_as_of (assessment, period) &&
          (latest == NULL || tillit_matrix_assessment_newer (assessment, latest)))
        latest = assessment;
    }

  return latest;
}

/**
 * tillit_matrix_latest_by_cell:
 * @assessments: a #GListModel of #TillitAssessment
 * @period: (nullable): the period to look from, or %NULL for the newest
 *
 * As tillit_matrix_latest_assessment() for every cell at once, in one
 * pass over the assessments.
 *
 * Returns: (transfer full) (element-type utf8 TillitRecord): cell UUID →
 *   assessment (owned by the store)
 */
GHashTable *
tillit_matrix_latest_by_cell (GListModel *assessments,
                              const char *period)
{
  GHashTable *latest;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (assessments), NULL);

  latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  n = g_list_model_get_n_items (assessments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) assessment = g_list_model_get_item (assessments, i);
      const char *cell = tillit_record_get_string (assessment, "cell");
      TillitRecord *known;

      if (cell == NULL || !counts_as_of (assessment, period))
        continue;

      known = g_hash_table_lookup (latest, cell);
      if (known == NULL || tillit_matrix_assessment_newer (assessment, known))
        g_hash_table_insert (latest, g_strdup (cell), assessment);
    }

  return latest;
}

/**
 * tillit_matrix_gap:
 * @assessment: (nullable): an assessment
 *
 * Returns: how far what is said runs ahead of what is done (discourse −
 *   practice, -4 to 4); 0 without an assessment
 */
int
tillit_matrix_gap (TillitRecord *assessment)
{
  int discourse, practice;

  if (assessment == NULL)
    return 0;

  discourse = tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "discourse"));
  practice = tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "practice"));

  return MAX (discourse, 0) - MAX (practice, 0);
}

static void
gap_free (gpointer data)
{
  TillitMatrixGap *gap = data;

  g_free (gap->cell);
  g_free (gap);
}

typedef struct
{
  TillitMatrixGap *gap;
  guint index;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a;
  const Ranked *rb = b;

  /* Cells never assessed have no gap to show: they go last. */
  if ((ra->gap->assessment == NULL) != (rb->gap->assessment == NULL))
    return ra->gap->assessment == NULL ? 1 : -1;
  if (ra->gap->gap != rb->gap->gap)
    return ra->gap->gap > rb->gap->gap ? -1 : 1;

  return ra->index < rb->index ? -1 : (ra->index > rb->index);
}

/**
 * tillit_matrix_gap_list:
 * @assessments: a #GListModel of #TillitAssessment
 * @cells: (array zero-terminated=1): the UUIDs of the cells to list, in
 *   the grid's order
 * @period: (nullable): the period to look from
 *
 * The say/do gap list: every cell with its gap as of @period, largest
 * gap first; cells with an equal gap keep the grid's order, and cells
 * without an assessment come last.
 *
 * Returns: (transfer full) (element-type TillitMatrixGap): the list
 */
GPtrArray *
tillit_matrix_gap_list (GListModel         *assessments,
                        const char * const *cells,
                        const char         *period)
{
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GArray) ranked = NULL;
  GPtrArray *list;

  g_return_val_if_fail (G_IS_LIST_MODEL (assessments), NULL);
  g_return_val_if_fail (cells != NULL, NULL);

  latest = tillit_matrix_latest_by_cell (assessments, period);
  ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));

  for (guint i = 0; cells[i] != NULL; i++)
    {
      Ranked entry = { g_new0 (TillitMatrixGap, 1), i };

      entry.gap->cell = g_strdup (cells[i]);
      entry.gap->assessment = g_hash_table_lookup (latest, cells[i]);
      entry.gap->gap = tillit_matrix_gap (entry.gap->assessment);
      g_array_append_val (ranked, entry);
    }

  g_array_sort (ranked, compare_ranked);

  list = g_ptr_array_new_full (ranked->len, gap_free);
  for (guint i = 0; i < ranked->len; i++)
    g_ptr_array_add (list, g_array_index (ranked, Ranked, i).gap);

  return list;
}

/**
 * tillit_matrix_change:
 * @assessments: a #GListModel of #TillitAssessment
 * @cell: the UUID of a cell
 * @period: the period to look from
 * @since: the earlier period to compare with
 *
 * How a cell's ratings moved between two periods, each taken as of that
 * period. Unknown when either side has no assessment.
 */
TillitMatrixChange
tillit_matrix_change (GListModel *assessments,
                      const char *cell,
                      const char *period,
                      const char *since)
{
  TillitMatrixChange change = { FALSE, 0, 0 };
  TillitRecord *now, *before;

  g_return_val_if_fail (G_IS_LIST_MODEL (assessments), change);
  g_return_val_if_fail (cell != NULL, change);

  now = tillit_matrix_latest_assessment (assessments, cell, period);
  before = tillit_matrix_latest_assessment (assessments, cell, since);
  if (now == NULL || before == NULL)
    return change;

  change.known = TRUE;
  change.discourse = tillit_matrix_rating_from_nick (tillit_record_get_string (now, "discourse")) -
                     tillit_matrix_rating_from_nick (tillit_record_get_string (before, "discourse"));
  change.practice = tillit_matrix_rating_from_nick (tillit_record_get_string (now, "practice")) -
                    tillit_matrix_rating_from_nick (tillit_record_get_string (before, "practice"));

  return change;
}

/**
 * tillit_matrix_active_framework:
 * @frameworks: a #GListModel of #TillitFramework
 *
 * Returns: (transfer none) (nullable): the framework marked active, or
 *   the first one when none is
 */
TillitRecord *
tillit_matrix_active_framework (GListModel *frameworks)
{
  TillitRecord *first = NULL;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (frameworks), NULL);

  n = g_list_model_get_n_items (frameworks);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) framework = g_list_model_get_item (frameworks, i);

      if (tillit_record_get_boolean (framework, "active"))
        return framework;
      if (first == NULL)
        first = framework;
    }

  return first;
}

/**
 * tillit_matrix_in_framework:
 * @records: a #GListModel of principles or levels, in order
 * @framework: (nullable): the framework
 * @flag: (nullable): a boolean field that takes a record out ("retired")
 * @with_flagged: whether to keep the records with @flag set
 *
 * Returns: (transfer container) (element-type TillitRecord): the records
 *   of @framework, in the order of @records
 */
GPtrArray *
tillit_matrix_in_framework (GListModel   *records,
                            TillitRecord *framework,
                            const char   *flag,
                            gboolean      with_flagged)
{
  GPtrArray *list;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (records), NULL);

  list = g_ptr_array_new_with_free_func (g_object_unref);
  if (framework == NULL)
    return list;

  n = g_list_model_get_n_items (records);
  for (guint i = 0; i < n; i++)
    {
      TillitRecord *record = g_list_model_get_item (records, i);

      if (g_strcmp0 (tillit_record_get_string (record, "framework"),
                     tillit_record_get_uuid (framework)) == 0 &&
          (with_flagged || flag == NULL || !tillit_record_get_boolean (record, flag)))
        g_ptr_array_add (list, record);
      else
        g_object_unref (record);
    }

  return list;
}

/**
 * tillit_matrix_find_cell:
 * @cells: a #GListModel of #TillitCell
 *
 * Returns: (transfer none) (nullable): the cell of @principle × @level,
 *   which exists only once something was entered in it
 */
TillitRecord *
tillit_matrix_find_cell (GListModel *cells,
                         const char *principle,
                         const char *level)
{
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (cells), NULL);

  n = g_list_model_get_n_items (cells);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) cell = g_list_model_get_item (cells, i);

      if (g_strcmp0 (tillit_record_get_string (cell, "principle"), principle) == 0 &&
          g_strcmp0 (tillit_record_get_string (cell, "level"), level) == 0)
        return cell;
    }

  return NULL;
}

/**
 * tillit_matrix_prefer_swedish:
 *
 * Principles and levels carry both an English and a Swedish name; the
 * user's first language that is one of the two decides.
 */
gboolean
tillit_matrix_prefer_swedish (void)
{
  const char * const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "sv"))
        return TRUE;
      if (g_str_has_prefix (names[i], "en") || g_str_equal (names[i], "C"))
        return FALSE;
    }

  return FALSE;
}

/**
 * tillit_matrix_record_name:
 * @record: a principle or a level
 *
 * Returns: its name in the UI language, or in the other language when
 *   that is all it has
 */
const char *
tillit_matrix_record_name (TillitRecord *record)
{
  const char *sv, *en;

  g_return_val_if_fail (TILLIT_IS_RECORD (record), NULL);

  sv = tillit_record_get_string (record, "name-sv");
  en = tillit_record_get_string (record, "name-en");
  if (sv == NULL || *sv == '\0')
    return en != NULL ? en : "";
  if (en == NULL || *en == '\0')
    return sv;

  return tillit_matrix_prefer_swedish () ? sv : en;
}

/**
 * tillit_matrix_link_title:
 * @record: (nullable): what a piece of evidence links to: a pilot, an
 *   agenda item or a competency
 *
 * Returns: (transfer full): its kind and title, as a link shows it
 */
char *
tillit_matrix_link_title (TillitRecord *record)
{
  const char *kind;
  const char *title;

  if (record == NULL)
    return g_strdup (_("A record that no longer exists"));

  kind = tillit_record_get_kind (record)->name;
  if (g_str_equal (kind, "competency"))
    /* Translators: a piece of evidence linked to a competency */
    return g_strdup_printf (_("Competency: %s"), tillit_matrix_record_name (record));

  title = tillit_record_get_string (record, "title");
  if (title == NULL)
    title = "";
  if (g_str_equal (kind, "pilot"))
    /* Translators: a piece of evidence linked to a pilot */
    return g_strdup_printf (_("Pilot: %s"), title);
  if (g_str_equal (kind, "agenda-item"))
    /* Translators: a piece of evidence linked to a manager-day agenda item */
    return g_strdup_printf (_("Agenda item: %s"), title);

  return g_strdup (title);
}
