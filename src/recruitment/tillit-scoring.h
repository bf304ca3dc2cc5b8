/* tillit-scoring.h: how a panel's ratings become a candidate's scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The anchored scale: 0 is "no evidence", 4 the top anchor. */
#define TILLIT_SCORING_LEVEL_MIN 0
#define TILLIT_SCORING_LEVEL_MAX 4

/**
 * TillitScoringRating:
 * @competency: the competency's UUID
 * @rater: the panel member
 * @level: 0 (no evidence) to 4
 * @submitted: the rater has marked it final; drafts never count
 */
typedef struct
{
  const char *competency;
  const char *rater;
  int level;
  gboolean submitted;
} TillitScoringRating;

/**
 * TillitScoringEntry:
 * @competency: the competency's UUID
 * @leadership: a leadership competency rather than an administrative one
 * @weight: 1 to 5
 * @expected_level: the level the post asks for, 0 to 4
 */
typedef struct
{
  const char *competency;
  gboolean leadership;
  int weight;
  int expected_level;
} TillitScoringEntry;

/**
 * TillitScoringScore:
 * @n_raters: panel members with a submitted rating
 * @n_no_evidence: of those, how many found no evidence (level 0)
 * @mean: the mean level, 0 when @n_raters is 0
 * @min: the lowest level, -1 when @n_raters is 0
 * @max: the highest level, -1 when @n_raters is 0
 */
typedef struct
{
  guint n_raters;
  guint n_no_evidence;
  double mean;
  int min;
  int max;
} TillitScoringScore;

/**
 * TillitScoringTotal:
 * @weighted: the sum of weight × mean over the profile
 * @expected: the sum of weight × expected level
 * @maximum: the sum of weight × 4
 * @n_unrated: profile competencies nobody has submitted a rating for
 */
typedef struct
{
  double weighted;
  double expected;
  double maximum;
  guint n_unrated;
} TillitScoringTotal;

/**
 * TillitScoringBalance:
 * @leadership: the summed weight of leadership competencies
 * @administrative: the summed weight of administrative competencies
 */
typedef struct
{
  int leadership;
  int administrative;
} TillitScoringBalance;

void      tillit_scoring_score                (const TillitScoringRating *ratings,
                                               gsize                      n_ratings,
                                               const char                *competency,
                                               TillitScoringScore        *score);
void      tillit_scoring_total                (const TillitScoringEntry  *entries,
                                               gsize                      n_entries,
                                               const TillitScoringRating *ratings,
                                               gsize                      n_ratings,
                                               TillitScoringScore        *scores,
                                               TillitScoringTotal        *total);
double    tillit_scoring_total_fit            (const TillitScoringTotal  *total);

void      tillit_scoring_balance              (const TillitScoringEntry  *entries,
                                               gsize                      n_entries,
                                               TillitScoringBalance      *balance);
double    tillit_scoring_balance_leadership_share (const TillitScoringBalance *balance);
gboolean  tillit_scoring_balance_warns        (const TillitScoringBalance *balance);

char    **tillit_scoring_split_keywords       (const char                *keywords);
char    **tillit_scoring_keywords_found       (const char                *text,
                                               const char * const        *keyword_lists);

G_END_DECLS
