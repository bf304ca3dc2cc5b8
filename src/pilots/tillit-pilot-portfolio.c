/* tillit-pilot-portfolio.c: the figures of the portfolio summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "model/tillit-model.h"

#include "tillit-pilot-labels.h"
#include "tillit-pilot-portfolio.h"

/**
 * tillit_pilot_latest_learnings:
 * @learnings: every learning
 *
 * Returns: (transfer full): pilot UUID to the date of its latest dated
 *   learning; both strings belong to the records
 */
GHashTable *
tillit_pilot_latest_learnings (GListModel *learnings)
{
  GHashTable *latest = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (learnings), latest);

  n = g_list_model_get_n_items (learnings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) learning = g_list_model_get_item (learnings, i);
      const char *pilot = tillit_record_get_string (learning, "pilot");
      const char *date = tillit_record_get_string (learning, "date");
      const char *known;

      if (pilot == NULL || date == NULL)
        continue;
      known = g_hash_table_lookup (latest, pilot);
      if (known == NULL || strcmp (date, known) > 0)
        g_hash_table_insert (latest, (gpointer) pilot, (gpointer) date);
    }
  return latest;
}

/* Six months before @today, as YYYY-MM-DD, so dates compare as strings. */
static char *
six_months_before (const char *today)
{
  GDate date;
  int y, m, d;
  char buffer[16];

  if (sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (today);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_subtract_months (&date, 6);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  return g_strdup (buffer);
}

/**
 * tillit_pilot_portfolio_compute:
 * @pilots: every pilot
 * @learnings: every learning
 * @adoptions: every adoption
 * @today: `YYYY-MM-DD`
 *
 * Counts pilots per stage, decisions pending, pilots with no learning
 * for six months (counted from the last learning, or from when the pilot
 * was entered if it has none) and adoptions by units other than the
 * pilot's own.
 */
void
tillit_pilot_portfolio_compute (TillitPilotPortfolio *portfolio,
                                GListModel           *pilots,
                                GListModel           *learnings,
                                GListModel           *adoptions,
                                const char           *today)
{
  g_autoptr(GHashTable) latest = NULL;
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *limit = NULL;
  const char * const *stages = tillit_pilot_field_nicks ("stage");
  guint n;

  g_return_if_fail (portfolio != NULL);
  g_return_if_fail (G_IS_LIST_MODEL (pilots));
  g_return_if_fail (G_IS_LIST_MODEL (learnings));
  g_return_if_fail (G_IS_LIST_MODEL (adoptions));
  g_return_if_fail (today != NULL);

  memset (portfolio, 0, sizeof *portfolio);
  latest = tillit_pilot_latest_learnings (learnings);
  limit = six_months_before (today);

  n = g_list_model_get_n_items (pilots);
  portfolio->total = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) pilot = g_list_model_get_item (pilots, i);
      const char *stage = tillit_record_get_string (pilot, "stage");
      const char *last = g_hash_table_lookup (latest, tillit_record_get_uuid (pilot));
      g_autofree char *created = NULL;

      for (guint s = 0; s < TILLIT_PILOT_N_STAGES && stages[s] != NULL; s++)
        if (g_strcmp0 (stage, stages[s]) == 0)
          portfolio->per_stage[s]++;

      if (g_strcmp0 (tillit_record_get_string (pilot, "decision"), "pending") == 0)
        portfolio->pending++;

      if (last == NULL)
        {
          last = tillit_record_get_string (pilot, "identify-date");
          if (last == NULL)
            last = created = g_strndup (tillit_record_get_created (pilot) ?: "", 10);
        }
      if (strcmp (last, limit) < 0)
        portfolio->stale++;

      if (tillit_record_get_string (pilot, "unit") != NULL)
        g_hash_table_insert (units, (gpointer) tillit_record_get_uuid (pilot),
                             (gpointer) tillit_record_get_string (pilot, "unit"));
    }

  n = g_list_model_get_n_items (adoptions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) adoption = g_list_model_get_item (adoptions, i);
      const char *own = g_hash_table_lookup (units, tillit_record_get_string (adoption, "pilot") ?: "");

      if (g_strcmp0 (own, tillit_record_get_string (adoption, "unit")) != 0)
        portfolio->adoptions++;
    }
}
