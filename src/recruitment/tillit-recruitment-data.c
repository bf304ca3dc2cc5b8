/* tillit-recruitment-data.c: a vacancy's records, gathered for scoring
 *
 * The store keeps one list per kind; these pick out one vacancy's share
 * and hand plain values to the scoring unit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "model/tillit-candidate.h"
#include "model/tillit-profile-entry.h"
#include "model/tillit-rating.h"
#include "tillit-recruitment-data.h"

static GPtrArray *
records_where (TillitStore *store,
               GType        type,
               const char  *field,
               const char  *value)
{
  GListModel *list = tillit_store_list (store, type);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (tillit_record_get_string (record, field), value) == 0)
        g_ptr_array_add (found, g_steal_pointer (&record));
    }

  return found;
}

/**
 * tillit_recruitment_profile_entries:
 *
 * Returns: (transfer full) (element-type TillitRecord): the vacancy's
 *   profile, in the order the competencies were added
 */
GPtrArray *
tillit_recruitment_profile_entries (TillitStore *store,
                                    const char  *vacancy)
{
  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (vacancy != NULL, NULL);

  return records_where (store, TILLIT_TYPE_PROFILE_ENTRY, "vacancy", vacancy);
}

/**
 * tillit_recruitment_candidates:
 *
 * Returns: (transfer full) (element-type TillitRecord): the vacancy's
 *   candidates, in the order they were added
 */
GPtrArray *
tillit_recruitment_candidates (TillitStore *store,
                               const char  *vacancy)
{
  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (vacancy != NULL, NULL);

  return records_where (store, TILLIT_TYPE_CANDIDATE, "vacancy", vacancy);
}

/**
 * tillit_recruitment_rater_ratings:
 *
 * Returns: (transfer full) (element-type TillitRecord): what one panel
 *   member has rated of one candidate
 */
GPtrArray *
tillit_recruitment_rater_ratings (TillitStore *store,
                                  const char  *candidate,
                                  const char  *rater)
{
  g_autoptr(GPtrArray) ratings = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (TILLIT_IS_STORE (store), found);
  g_return_val_if_fail (candidate != NULL, found);

  ratings = records_where (store, TILLIT_TYPE_RATING, "candidate", candidate);
  for (guint i = 0; i < ratings->len; i++)
    {
      TillitRecord *rating = g_ptr_array_index (ratings, i);

      if (g_strcmp0 (tillit_record_get_string (rating, "rater"), rater) == 0)
        g_ptr_array_add (found, g_object_ref (rating));
    }

  return found;
}

/**
 * tillit_recruitment_find_rating:
 *
 * Returns: (transfer none) (nullable): the panel member's rating of the
 *   candidate on the competency
 */
TillitRecord *
tillit_recruitment_find_rating (TillitStore *store,
                                const char  *candidate,
                                const char  *competency,
                                const char  *rater)
{
  g_autoptr(GPtrArray) ratings = NULL;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);

  if (candidate == NULL || competency == NULL)
    return NULL;

  ratings = tillit_recruitment_rater_ratings (store, candidate, rater);
  for (guint i = 0; i < ratings->len; i++)
    {
      TillitRecord *rating = g_ptr_array_index (ratings, i);

      if (g_strcmp0 (tillit_record_get_string (rating, "competency"), competency) == 0)
        return tillit_store_lookup (store, tillit_record_get_uuid (rating));
    }

  return NULL;
}

static TillitScoringEntry *
scoring_entries (TillitStore *store,
                 GPtrArray   *entries)
{
  TillitScoringEntry *out = g_new0 (TillitScoringEntry, MAX (entries->len, 1));

  for (guint i = 0; i < entries->len; i++)
    {
      TillitRecord *entry = g_ptr_array_index (entries, i);
      const char *uuid = tillit_record_get_string (entry, "competency");
      TillitRecord *competency = uuid != NULL ? tillit_store_lookup (store, uuid) : NULL;

      out[i].competency = uuid;
      out[i].leadership = competency == NULL ||
                          g_strcmp0 (tillit_record_get_string (competency, "category"),
                                     "administrative") != 0;
      out[i].weight = tillit_record_get_int (entry, "weight");
      out[i].expected_level = tillit_record_get_int (entry, "expected-level");
    }

  return out;
}

void
tillit_recruitment_balance (TillitStore          *store,
                            GPtrArray            *entries,
                            TillitScoringBalance *balance)
{
  g_autofree TillitScoringEntry *scoring = NULL;

  g_return_if_fail (TILLIT_IS_STORE (store));
  g_return_if_fail (entries != NULL);

  scoring = scoring_entries (store, entries);
  tillit_scoring_balance (scoring, entries->len, balance);
}

/**
 * tillit_recruitment_score_candidate:
 * @entries: (element-type TillitRecord): the vacancy's profile
 * @scores: (array) (out caller-allocates) (nullable): one per entry
 */
void
tillit_recruitment_score_candidate (TillitStore        *store,
                                    GPtrArray          *entries,
                                    const char         *candidate,
                                    TillitScoringScore *scores,
                                    TillitScoringTotal *total)
{
  g_autofree TillitScoringEntry *scoring = NULL;
  g_autofree TillitScoringRating *ratings = NULL;
  g_autoptr(GPtrArray) records = NULL;

  g_return_if_fail (TILLIT_IS_STORE (store));
  g_return_if_fail (entries != NULL);
  g_return_if_fail (candidate != NULL);

  scoring = scoring_entries (store, entries);
  records = records_where (store, TILLIT_TYPE_RATING, "candidate", candidate);
  ratings = g_new0 (TillitScoringRating, MAX (records->len, 1));
  for (guint i = 0; i < records->len; i++)
    {
      TillitRecord *rating = g_ptr_array_index (records, i);

      ratings[i].competency = tillit_record_get_string (rating, "competency");
      ratings[i].rater = tillit_record_get_string (rating, "rater");
      ratings[i].level = tillit_record_get_int (rating, "level");
      ratings[i].submitted = tillit_record_get_boolean (rating, "submitted");
    }

  tillit_scoring_total (scoring, entries->len, ratings, records->len, scores, total);
}
