/* tillit-scoring.c: how a panel's ratings become a candidate's scores
 *
 * Plain data in, numbers out: no records, no widgets, so the arithmetic a
 * hiring decision leans on is tested on its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tillit-scoring.h"

/**
 * tillit_scoring_score:
 * @ratings: every rating of one candidate
 * @competency: the competency to score
 * @score: (out caller-allocates): the panel's result
 *
 * Only submitted ratings count, one per rater (a later one replaces an
 * earlier one). Level 0 is the scale's "no evidence": the candidate showed
 * nothing of the competency, which is a score of 0 and pulls the mean
 * down, not a missing rating. A rater who has not rated the competency
 * simply has no rating and is not counted.
 */
void
tillit_scoring_score (const TillitScoringRating *ratings,
                      gsize                      n_ratings,
                      const char                *competency,
                      TillitScoringScore        *score)
{
  g_autoptr(GHashTable) by_rater = NULL;
  GHashTableIter iter;
  gpointer value;
  int sum = 0;

  g_return_if_fail (ratings != NULL || n_ratings == 0);
  g_return_if_fail (competency != NULL);
  g_return_if_fail (score != NULL);

  by_rater = g_hash_table_new (g_str_hash, g_str_equal);
  for (gsize i = 0; i < n_ratings; i++)
    {
      const TillitScoringRating *rating = &ratings[i];
      int level;

      if (!rating->submitted || g_strcmp0 (rating->competency, competency) != 0)
        continue;

      level = CLAMP (rating->level, TILLIT_SCORING_LEVEL_MIN, TILLIT_SCORING_LEVEL_MAX);
      g_hash_table_insert (by_rater, (gpointer) (rating->rater ? rating->rater : ""),
                           GINT_TO_POINTER (level + 1));
    }

  score->n_raters = g_hash_table_size (by_rater);
  score->n_no_evidence = 0;
  score->mean = 0.0;
  score->min = -1;
  score->max = -1;

  g_hash_table_iter_init (&iter, by_rater);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      int level = GPOINTER_TO_INT (value) - 1;

      sum += level;
      if (level == 0)
        score->n_no_evidence++;
      if (score->min < 0 || level < score->min)
        score->min = level;
      if (level > score->max)
        score->max = level;
    }

  if (score->n_raters > 0)
    score->mean = (double) sum / score->n_raters;
}

/**
 * tillit_scoring_total:
 * @entries: the vacancy's competency profile
 * @ratings: every rating of one candidate
 * @scores: (out caller-allocates) (array length=n_entries) (nullable): the
 *   score per profile entry
 * @total: (out caller-allocates): the weighted total
 *
 * A competency nobody has rated yet adds nothing to the weighted total
 * but its full weight to the expected one: until the panel has seen
 * evidence there is none, the same as level 0. @n_unrated says how many
 * such gaps the total still has.
 */
void
tillit_scoring_total (const TillitScoringEntry  *entries,
                      gsize                      n_entries,
                      const TillitScoringRating *ratings,
                      gsize                      n_ratings,
                      TillitScoringScore        *scores,
                      TillitScoringTotal        *total)
{
  g_return_if_fail (entries != NULL || n_entries == 0);
  g_return_if_fail (total != NULL);

  memset (total, 0, sizeof *total);

  for (gsize i = 0; i < n_entries; i++)
    {
      const TillitScoringEntry *entry = &entries[i];
      TillitScoringScore score;

      tillit_scoring_score (ratings, n_ratings, entry->competency, &score);
      if (scores != NULL)
        scores[i] = score;

      if (score.n_raters == 0)
        total->n_unrated++;
      total->weighted += entry->weight * score.mean;
      total->expected += entry->weight * CLAMP (entry->expected_level,
                                                TILLIT_SCORING_LEVEL_MIN,
                                                TILLIT_SCORING_LEVEL_MAX);
      total->maximum += entry->weight * TILLIT_SCORING_LEVEL_MAX;
    }
}

/**
 * tillit_scoring_total_fit:
 *
 * Returns: the weighted total as a share of the expected one (1.0 meets
 *   the profile exactly); 0 when the profile expects nothing
 */
double
tillit_scoring_total_fit (const TillitScoringTotal *total)
{
  g_return_val_if_fail (total != NULL, 0.0);

  return total->expected > 0.0 ? total->weighted / total->expected : 0.0;
}

void
tillit_scoring_balance (const TillitScoringEntry *entries,
                        gsize                     n_entries,
                        TillitScoringBalance     *balance)
{
  g_return_if_fail (entries != NULL || n_entries == 0);
  g_return_if_fail (balance != NULL);

  balance->leadership = 0;
  balance->administrative = 0;
  for (gsize i = 0; i < n_entries; i++)
    {
      if (entries[i].leadership)
        balance->leadership += entries[i].weight;
      else
        balance->administrative += entries[i].weight;
    }
}

/**
 * tillit_scoring_balance_leadership_share:
 *
 * Returns: leadership's share of the profile's weight, 0 to 1; 0.5 for
 *   an empty profile, which leans neither way
 */
double
tillit_scoring_balance_leadership_share (const TillitScoringBalance *balance)
{
  int sum;

  g_return_val_if_fail (balance != NULL, 0.5);

  sum = balance->leadership + balance->administrative;
  return sum > 0 ? (double) balance->leadership / sum : 0.5;
}

/**
 * tillit_scoring_balance_warns:
 *
 * The programme recruits for leadership: a profile where administration
 * weighs more than leadership is the one to question.
 */
gboolean
tillit_scoring_balance_warns (const TillitScoringBalance *balance)
{
  g_return_val_if_fail (balance != NULL, FALSE);

  return balance->administrative > balance->leadership;
}

/* Case-insensitive in every script, with "é" the same however it was
 * typed, and any run of white space (a line break in a pasted advert)
 * the same as one space. */
static char *
fold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_ALL_COMPOSE);
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (normal == NULL)
    return g_strdup ("");

  folded = g_utf8_casefold (normal, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* A keyword ending in "*" matches any word it begins ("ledar*" finds
 * "ledarskap"), since Swedish inflects where English does not. */
static gboolean
contains_word (const char *text,
               const char *keyword)
{
  gsize len = strlen (keyword);
  gboolean prefix = len > 1 && keyword[len - 1] == '*';
  g_autofree char *needle = g_strndup (keyword, prefix ? len - 1 : len);
  gsize needle_len = strlen (needle);

  if (needle_len == 0)
    return FALSE;

  for (const char *hit = strstr (text, needle); hit != NULL; hit = strstr (hit + 1, needle))
    {
      const char *after = hit + needle_len;

      if (hit > text && is_word_char (g_utf8_get_char (g_utf8_find_prev_char (text, hit))))
        continue;
      if (!prefix && *after != '\0' && is_word_char (g_utf8_get_char (after)))
        continue;
      return TRUE;
    }

  return FALSE;
}

/**
 * tillit_scoring_split_keywords:
 * @keywords: (nullable): keywords separated by commas, semicolons or
 *   line breaks
 *
 * Returns: (transfer full): the keywords, trimmed, without empty ones
 */
char **
tillit_scoring_split_keywords (const char *keywords)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  if (keywords == NULL)
    return g_strv_builder_end (builder);

  parts = g_strsplit_set (keywords, ",;\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *keyword = g_strstrip (parts[i]);

      if (*keyword != '\0')
        g_strv_builder_add (builder, keyword);
    }

  return g_strv_builder_end (builder);
}

/**
 * tillit_scoring_keywords_found:
 * @text: (nullable): an advert
 * @keyword_lists: %NULL-terminated keyword lists (a competency's English
 *   and Swedish ones), each as tillit_scoring_split_keywords() reads it
 *
 * The advert check: which of a competency's keywords the text speaks to,
 * as whole words and regardless of case.
 *
 * Returns: (transfer full): the keywords found, as written in the lists,
 *   each once; empty when none is
 */
char **
tillit_scoring_keywords_found (const char         *text,
                               const char * const *keyword_lists)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded_text = NULL;

  g_return_val_if_fail (keyword_lists != NULL, NULL);

  if (text == NULL || *text == '\0')
    return g_strv_builder_end (builder);

  folded_text = fold (text);
  for (guint l = 0; keyword_lists[l] != NULL; l++)
    {
      g_auto(GStrv) keywords = tillit_scoring_split_keywords (keyword_lists[l]);

      for (guint k = 0; keywords[k] != NULL; k++)
        {
          char *folded = fold (keywords[k]);

          if (g_hash_table_contains (seen, folded))
            {
              g_free (folded);
              continue;
            }
          g_hash_table_add (seen, folded);
          if (contains_word (folded_text, folded))
            g_strv_builder_add (builder, keywords[k]);
        }
    }

  return g_strv_builder_end (builder);
}
