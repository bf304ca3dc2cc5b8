/* test-recruitment-scoring.c: means, spreads, weighted totals, balance
 * and the advert check, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

/* The scoring unit is GLib-only and built into the UI library; compiling
 * it in here lets it run with the display-free tests (and under ASan). */
#include "recruitment/tillit-scoring.c"

#define DIALOGUE "cb5625a6"
#define TRUST "1db307dc"
#define BUDGET "577b573e"

static void
test_score_mean_spread_count (void)
{
  const TillitScoringRating ratings[] = {
    { DIALOGUE, "Anna", 3, TRUE },
    { DIALOGUE, "Bo", 4, TRUE },
    { DIALOGUE, "Cecilia", 2, TRUE },
    { TRUST, "Anna", 1, TRUE },
  };
  TillitScoringScore score;

  tillit_scoring_score (ratings, G_N_ELEMENTS (ratings), DIALOGUE, &score);
  g_assert_cmpuint (score.n_raters, ==, 3);
  g_assert_cmpfloat_with_epsilon (score.mean, 3.0, 1e-9);
  g_assert_cmpint (score.min, ==, 2);
  g_assert_cmpint (score.max, ==, 4);
  g_assert_cmpuint (score.n_no_evidence, ==, 0);

  tillit_scoring_score (ratings, G_N_ELEMENTS (ratings), TRUST, &score);
  g_assert_cmpuint (score.n_raters, ==, 1);
  g_assert_cmpfloat_with_epsilon (score.mean, 1.0, 1e-9);
  g_assert_cmpint (score.min, ==, 1);
  g_assert_cmpint (score.max, ==, 1);
}

static void
test_score_no_evidence_counts_as_zero (void)
{
  const TillitScoringRating ratings[] = {
    { DIALOGUE, "Anna", 0, TRUE },
    { DIALOGUE, "Bo", 3, TRUE },
  };
  TillitScoringScore score;

  tillit_scoring_score (ratings, G_N_ELEMENTS (ratings), DIALOGUE, &score);
  g_assert_cmpuint (score.n_raters, ==, 2);
  g_assert_cmpuint (score.n_no_evidence, ==, 1);
  g_assert_cmpfloat_with_epsilon (score.mean, 1.5, 1e-9);
  g_assert_cmpint (score.min, ==, 0);
  g_assert_cmpint (score.max, ==, 3);
}

static void
test_score_only_submitted_one_per_rater (void)
{
  const TillitScoringRating ratings[] = {
    { DIALOGUE, "Anna", 4, FALSE },
    { DIALOGUE, "Bo", 1, TRUE },
    { DIALOGUE, "Bo", 3, TRUE },
  };
  TillitScoringScore score;

  tillit_scoring_score (ratings, G_N_ELEMENTS (ratings), DIALOGUE, &score);
  g_assert_cmpuint (score.n_raters, ==, 1);
  g_assert_cmpfloat_with_epsilon (score.mean, 3.0, 1e-9);
  g_assert_cmpint (score.min, ==, 3);
  g_assert_cmpint (score.max, ==, 3);

  tillit_scoring_score (ratings, G_N_ELEMENTS (ratings), BUDGET, &score);
  g_assert_cmpuint (score.n_raters, ==, 0);
  g_assert_cmpfloat_with_epsilon (score.mean, 0.0, 1e-9);
  g_assert_cmpint (score.min, ==, -1);
  g_assert_cmpint (score.max, ==, -1);
}

static void
test_weighted_total (void)
{
  const TillitScoringEntry profile[] = {
    { DIALOGUE, TRUE, 5, 3 },
    { TRUST, TRUE, 3, 3 },
    { BUDGET, FALSE, 2, 2 },
  };
  const TillitScoringRating ratings[] = {
    { DIALOGUE, "Anna", 4, TRUE },
    { DIALOGUE, "Bo", 3, TRUE },
    { TRUST, "Anna", 2, TRUE },
    { TRUST, "Bo", 2, TRUE },
    { BUDGET, "Anna", 1, FALSE },
  };
  TillitScoringScore scores[G_N_ELEMENTS (profile)];
  TillitScoringTotal total;

  tillit_scoring_total (profile, G_N_ELEMENTS (profile), ratings, G_N_ELEMENTS (ratings),
                        scores, &total);
  /* 5 × 3.5 + 3 × 2 + 2 × 0 */
  g_assert_cmpfloat_with_epsilon (total.weighted, 23.5, 1e-9);
  /* 5 × 3 + 3 × 3 + 2 × 2 */
  g_assert_cmpfloat_with_epsilon (total.expected, 28.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (total.maximum, 40.0, 1e-9);
  g_assert_cmpuint (total.n_unrated, ==, 1);
  g_assert_cmpfloat_with_epsilon (tillit_scoring_total_fit (&total), 23.5 / 28.0, 1e-9);
  g_assert_cmpuint (scores[0].n_raters, ==, 2);
  g_assert_cmpfloat_with_epsilon (scores[0].mean, 3.5, 1e-9);
  g_assert_cmpuint (scores[2].n_raters, ==, 0);

  tillit_scoring_total (NULL, 0, ratings, G_N_ELEMENTS (ratings), NULL, &total);
  g_assert_cmpfloat_with_epsilon (total.weighted, 0.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (tillit_scoring_total_fit (&total), 0.0, 1e-9);
}

static void
test_balance (void)
{
  const TillitScoringEntry leaning_admin[] = {
    { DIALOGUE, TRUE, 2, 3 },
    { BUDGET, FALSE, 5, 3 },
  };
  const TillitScoringEntry even[] = {
    { DIALOGUE, TRUE, 3, 3 },
    { BUDGET, FALSE, 3, 3 },
  };
  TillitScoringBalance balance;

  tillit_scoring_balance (leaning_admin, G_N_ELEMENTS (leaning_admin), &balance);
  g_assert_cmpint (balance.leadership, ==, 2);
  g_assert_cmpint (balance.administrative, ==, 5);
  g_assert_true (tillit_scoring_balance_warns (&balance));
  g_assert_cmpfloat_with_epsilon (tillit_scoring_balance_leadership_share (&balance), 2.0 / 7.0, 1e-9);

  tillit_scoring_balance (even, G_N_ELEMENTS (even), &balance);
  g_assert_false (tillit_scoring_balance_warns (&balance));
  g_assert_cmpfloat_with_epsilon (tillit_scoring_balance_leadership_share (&balance), 0.5, 1e-9);

  tillit_scoring_balance (NULL, 0, &balance);
  g_assert_false (tillit_scoring_balance_warns (&balance));
  g_assert_cmpfloat_with_epsilon (tillit_scoring_balance_leadership_share (&balance), 0.5, 1e-9);
}

static void
test_split_keywords (void)
{
  g_auto(GStrv) none = tillit_scoring_split_keywords (NULL);
  g_auto(GStrv) some = tillit_scoring_split_keywords (" dialogue,listening ;\n user involvement,, ");

  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_cmpuint (g_strv_length (some), ==, 3);
  g_assert_cmpstr (some[0], ==, "dialogue");
  g_assert_cmpstr (some[1], ==, "listening");
  g_assert_cmpstr (some[2], ==, "user involvement");
}

static void
test_keywords_whole_words_any_case (void)
{
  const char *dialogue[] = { "dialogue, listening, conversation", "dialog, lyssnande, samtal", NULL };
  const char *trust[] = { "trust, delegation", "tillit, handlingsutrymme", NULL };
  const char *co_creation[] = { "co-creation, user involvement", "samskapande, brukarinflytande", NULL };
  const char *budget[] = { "budget", "ekonomi", NULL };
  const char *advert =
    "We seek a manager who leads through DIALOGUE and\n"
    "User   Involvement. Trustworthy, with a sense for Samskapande.";
  g_auto(GStrv) found_dialogue = tillit_scoring_keywords_found (advert, dialogue);
  g_auto(GStrv) found_trust = tillit_scoring_keywords_found (advert, trust);
  g_auto(GStrv) found_co = tillit_scoring_keywords_found (advert, co_creation);
  g_auto(GStrv) found_budget = tillit_scoring_keywords_found (advert, budget);
  g_auto(GStrv) found_empty = tillit_scoring_keywords_found (NULL, dialogue);

  g_assert_cmpuint (g_strv_length (found_dialogue), ==, 1);
  g_assert_cmpstr (found_dialogue[0], ==, "dialogue");
  /* "Trustworthy" is not the word "trust". */
  g_assert_cmpuint (g_strv_length (found_trust), ==, 0);
  /* A phrase across a run of spaces, and Swedish in an English advert. */
  g_assert_cmpuint (g_strv_length (found_co), ==, 2);
  g_assert_cmpstr (found_co[0], ==, "user involvement");
  g_assert_cmpstr (found_co[1], ==, "samskapande");
  g_assert_cmpuint (g_strv_length (found_budget), ==, 0);
  g_assert_cmpuint (g_strv_length (found_empty), ==, 0);
}

static void
test_keywords_swedish (void)
{
  const char *trust[] = { "trust", "tillit, handlingsutrymme, ledar*", NULL };
  const char *goals[] = { "goals", "mål", NULL };
  g_auto(GStrv) found = tillit_scoring_keywords_found ("Vi söker en chef med TILLIT och stort "
                                                       "Handlingsutrymme i sitt ledarskap.", trust);
  g_auto(GStrv) goals_inflected = tillit_scoring_keywords_found ("Verksamhetens målet är tydligt.", goals);
  g_auto(GStrv) goals_word = tillit_scoring_keywords_found ("Tydliga MÅL, i vardagen.", goals);

  g_assert_cmpuint (g_strv_length (found), ==, 3);
  g_assert_cmpstr (found[0], ==, "tillit");
  g_assert_cmpstr (found[1], ==, "handlingsutrymme");
  g_assert_cmpstr (found[2], ==, "ledar*");
  /* Whole words: "målet" is not "mål"; an upper-case Å folds. */
  g_assert_cmpuint (g_strv_length (goals_inflected), ==, 0);
  g_assert_cmpuint (g_strv_length (goals_word), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/recruitment/scoring/mean-spread-count", test_score_mean_spread_count);
  g_test_add_func ("/recruitment/scoring/no-evidence", test_score_no_evidence_counts_as_zero);
  g_test_add_func ("/recruitment/scoring/submitted-once-per-rater", test_score_only_submitted_one_per_rater);
  g_test_add_func ("/recruitment/scoring/weighted-total", test_weighted_total);
  g_test_add_func ("/recruitment/scoring/balance", test_balance);
  g_test_add_func ("/recruitment/advert/split", test_split_keywords);
  g_test_add_func ("/recruitment/advert/whole-words", test_keywords_whole_words_any_case);
  g_test_add_func ("/recruitment/advert/swedish", test_keywords_swedish);

  return g_test_run ();
}
