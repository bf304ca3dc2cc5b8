/* tillit-retention.c: deleting the personal data of closed vacancies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "model/tillit-candidate.h"
#include "model/tillit-rating.h"
#include "model/tillit-vacancy.h"
#include "tillit-retention.h"

/**
 * tillit_retention_vacancy_is_due:
 * @retention_months: how long personal data is kept after closing
 * @now: (nullable): the time to judge by; %NULL for now
 *
 * A vacancy is closed when it is filled or withdrawn; the model keeps no
 * closing date, so the last change to the vacancy (its closing, as a
 * rule) starts the retention period.
 */
gboolean
tillit_retention_vacancy_is_due (TillitRecord *vacancy,
                                 int           retention_months,
                                 GDateTime    *now)
{
  const char *status;
  g_autoptr(GDateTime) changed = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autoptr(GDateTime) due = NULL;

  g_return_val_if_fail (TILLIT_IS_VACANCY (vacancy), FALSE);
  g_return_val_if_fail (retention_months >= 0, FALSE);

  status = tillit_record_get_string (vacancy, "status");
  if (g_strcmp0 (status, "filled") != 0 && g_strcmp0 (status, "withdrawn") != 0)
    return FALSE;

  changed = g_date_time_new_from_iso8601 (tillit_record_get_modified (vacancy), NULL);
  if (changed == NULL)
    return TRUE;

  current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  due = g_date_time_add_months (changed, retention_months);
  return g_date_time_compare (due, current) <= 0;
}

/* Collected before any erasure: each one changes the lists walked here. */
static GPtrArray *
collect_due (TillitStore           *store,
             int                    retention_months,
             GDateTime             *now,
             TillitRetentionReport *counts)
{
  g_autoptr(GHashTable) due = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) vacancies_hit = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) doomed = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *candidates = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list;

  memset (counts, 0, sizeof *counts);

  list = tillit_store_list (store, TILLIT_TYPE_VACANCY);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) vacancy = g_list_model_get_item (list, i);

      if (tillit_retention_vacancy_is_due (vacancy, retention_months, now))
        g_hash_table_add (due, (gpointer) tillit_record_get_uuid (vacancy));
    }

  list = tillit_store_list (store, TILLIT_TYPE_CANDIDATE);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) candidate = g_list_model_get_item (list, i);
      const char *vacancy = tillit_record_get_string (candidate, "vacancy");

      if (vacancy != NULL && g_hash_table_contains (due, vacancy))
        {
          g_hash_table_add (vacancies_hit, (gpointer) vacancy);
          g_hash_table_add (doomed, (gpointer) tillit_record_get_uuid (candidate));
          g_ptr_array_add (candidates, g_steal_pointer (&candidate));
        }
    }

  list = tillit_store_list (store, TILLIT_TYPE_RATING);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) rating = g_list_model_get_item (list, i);
      const char *candidate = tillit_record_get_string (rating, "candidate");

      if (candidate != NULL && g_hash_table_contains (doomed, candidate))
        counts->n_ratings++;
    }
  counts->n_vacancies = g_hash_table_size (vacancies_hit);
  counts->n_candidates = candidates->len;

  return candidates;
}

/**
 * tillit_retention_preview:
 * @retention_months: how long personal data is kept after closing
 * @now: (nullable): the time to judge by; %NULL for now
 * @report: (out caller-allocates): what tillit_retention_erase_closed()
 *   would delete
 */
void
tillit_retention_preview (TillitStore           *store,
                          int                    retention_months,
                          GDateTime             *now,
                          TillitRetentionReport *report)
{
  g_autoptr(GPtrArray) candidates = NULL;

  g_return_if_fail (TILLIT_IS_STORE (store));
  g_return_if_fail (retention_months >= 0);
  g_return_if_fail (report != NULL);

  candidates = collect_due (store, retention_months, now, report);
}

/**
 * tillit_retention_erase_closed:
 * @retention_months: how long personal data is kept after closing
 * @now: (nullable): the time to judge by; %NULL for now
 * @report: (out caller-allocates) (optional): what was deleted
 *
 * Deletes, for real, every candidate of every closed vacancy past its
 * retention period, with their ratings, through tillit_store_erase(): it
 * cannot be undone and leaves nothing of them in the file. The vacancies
 * and their profiles stay: they are not personal data.
 */
gboolean
tillit_retention_erase_closed (TillitStore            *store,
                               int                     retention_months,
                               GDateTime              *now,
                               TillitRetentionReport  *report,
                               GError                **error)
{
  g_autoptr(GPtrArray) candidates = NULL;
  TillitRetentionReport due;
  TillitRetentionReport done = { 0, };

  g_return_val_if_fail (TILLIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (retention_months >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  candidates = collect_due (store, retention_months, now, &due);
  for (guint i = 0; i < candidates->len; i++)
    {
      if (!tillit_store_erase (store, g_ptr_array_index (candidates, i), error))
        {
          if (report != NULL)
            *report = done;
          return FALSE;
        }
      done.n_candidates++;
    }

  if (report != NULL)
    *report = due;
  return TRUE;
}

/**
 * tillit_retention_report_describe:
 *
 * Returns: (transfer full): a sentence saying what was deleted
 */
char *
tillit_retention_report_describe (const TillitRetentionReport *report)
{
  g_autofree char *candidates = NULL;
  g_autofree char *ratings = NULL;
  g_autofree char *vacancies = NULL;

  g_return_val_if_fail (report != NULL, NULL);

  if (report->n_candidates == 0)
    return g_strdup (_("No closed vacancy holds personal data past its retention period."));

  candidates = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u candidate", "%u candidates",
                                             report->n_candidates), report->n_candidates);
  ratings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rating", "%u ratings",
                                          report->n_ratings), report->n_ratings);
  vacancies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u closed vacancy", "%u closed vacancies",
                                            report->n_vacancies), report->n_vacancies);
  /* Translators: "Deleted 3 candidates and 12 ratings of 2 closed vacancies." */
  return g_strdup_printf (_("Deleted %s and %s of %s."), candidates, ratings, vacancies);
}
