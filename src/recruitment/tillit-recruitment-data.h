/* tillit-recruitment-data.h: a vacancy's records, gathered for scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/tillit-store.h"
#include "tillit-scoring.h"

G_BEGIN_DECLS

GPtrArray    *tillit_recruitment_profile_entries (TillitStore          *store,
                                                  const char           *vacancy);
GPtrArray    *tillit_recruitment_candidates      (TillitStore          *store,
                                                  const char           *vacancy);
TillitRecord *tillit_recruitment_find_rating     (TillitStore          *store,
                                                  const char           *candidate,
                                                  const char           *competency,
                                                  const char           *rater);
GPtrArray    *tillit_recruitment_rater_ratings   (TillitStore          *store,
                                                  const char           *candidate,
                                                  const char           *rater);
void          tillit_recruitment_balance         (TillitStore          *store,
                                                  GPtrArray            *entries,
                                                  TillitScoringBalance *balance);
void          tillit_recruitment_score_candidate (TillitStore          *store,
                                                  GPtrArray            *entries,
                                                  const char           *candidate,
                                                  TillitScoringScore   *scores,
                                                  TillitScoringTotal   *total);

G_END_DECLS
