/* test-overview-util.h: a known programme for the overview's tests,
 * with every number the heatmap shows worked out by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/tillit-model.h"

/* The default programme's formats: one monologue, one dialogue. */
#define OVERVIEW_FORMAT_INFORMATION "24bbf12b-1c8b-5bed-b084-bd8379c13f79"
#define OVERVIEW_FORMAT_DIALOGUE "568f56ac-1764-5c21-89f8-51c638273de1"

typedef struct
{
  TillitRecord *principles[7];
  TillitRecord *ours;
  TillitRecord *granby;
  TillitRecord *strategy;
  TillitRecord *evidence;
  TillitRecord *pilot_user_council;
  TillitRecord *pilot_key;
  TillitRecord *pilot_home;
  TillitRecord *learning;
  TillitRecord *item_dialogue;
  TillitRecord *item_information;
  TillitRecord *item_last_year;
  TillitRecord *day;
  TillitRecord *competency_dialogue;
  TillitRecord *competency_trust;
  TillitRecord *vacancy_open;
  TillitRecord *vacancy_filled;
  TillitRecord *their_pilot;
  TillitRecord *their_learning;
} OverviewProgramme;

static inline TillitRecord *
overview_nth (TillitStore *store,
              GType        type,
              guint        n)
{
  g_autoptr(TillitRecord) record = g_list_model_get_item (tillit_store_list (store, type), n);

  g_assert_nonnull (record);
  return record;
}

static inline TillitRecord *
overview_create (TillitRecord *record,
                 GError       *error)
{
  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

#define OVERVIEW_CREATE(store, type, ...) \
  overview_create (tillit_store_create ((store), (type), &error, __VA_ARGS__, NULL), error)

static inline TillitRecord *
overview_assess (TillitStore  *store,
                 TillitRecord *cell,
                 const char   *period,
                 const char   *discourse,
                 const char   *practice)
{
  g_autoptr(GError) error = NULL;

  return OVERVIEW_CREATE (store, TILLIT_TYPE_ASSESSMENT, "cell", tillit_record_get_uuid (cell),
                          "period", period, "discourse", discourse, "practice", practice);
}

static inline void
overview_ask_for (TillitStore  *store,
                  TillitRecord *vacancy,
                  TillitRecord *competency,
                  int           weight)
{
  g_autoptr(GError) error = NULL;

  OVERVIEW_CREATE (store, TILLIT_TYPE_PROFILE_ENTRY, "vacancy", tillit_record_get_uuid (vacancy),
                   "competency", tillit_record_get_uuid (competency), "weight", weight);
}

/*
 * On top of the default programme (7 principles, P0…P6):
 * - matrix: P0 × level 0 assessed in 2025 (developing/emerging) and 2026
 *   (established/developing); P0 × level 1 in 2026 (embedded/emerging).
 *   As of 2026: mean practice (2 + 1) / 2 → 2 (developing), largest gap
 *   3. As of 2025: emerging, gap 1, one assessment.
 * - pilots: user council (test; P0, P1), digital key (identify; P0),
 *   safe homecoming (implement; P1). P0: 2 (1 identify, 1 test);
 *   P1: 2 (1 test, 1 implement).
 * - manager days in @year: 45 min dialogue (P0), 30 min information
 *   (P0, P2); the year before: 60 min (P0), not counted.
 *   P0: 75 min, 45 in dialogue; P2: 30, 0.
 * - recruitment: an advertised vacancy asks for "Conversation leading"
 *   (P3) weight 3 and "Trust building" (P3, P1) weight 2; a filled one
 *   for "Conversation leading" weight 5, not counted. P3: 5; P1: 2.
 * - P4, P5, P6: nothing serves them.
 * - from Granby kommun: a pilot and its learning.
 */
static inline void
overview_fill (TillitStore       *store,
               int                year,
               OverviewProgramme *p)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *this_year = g_strdup_printf ("%04d-03-10", year);
  g_autofree char *last_year = g_strdup_printf ("%04d-11-01", year - 1);
  TillitRecord *level0 = overview_nth (store, TILLIT_TYPE_LEVEL, 0);
  TillitRecord *level1 = overview_nth (store, TILLIT_TYPE_LEVEL, 1);
  TillitRecord *cell00, *cell01, *last_day;
  const char *p0[2] = { NULL, NULL }, *p1[2] = { NULL, NULL };
  const char *p01[3] = { NULL, NULL, NULL }, *p02[3] = { NULL, NULL, NULL };
  const char *p3[2] = { NULL, NULL }, *p13[3] = { NULL, NULL, NULL };

  for (guint i = 0; i < G_N_ELEMENTS (p->principles); i++)
    p->principles[i] = overview_nth (store, TILLIT_TYPE_PRINCIPLE, i);
  p0[0] = p01[0] = p02[0] = tillit_record_get_uuid (p->principles[0]);
  p1[0] = p01[1] = p13[0] = tillit_record_get_uuid (p->principles[1]);
  p02[1] = tillit_record_get_uuid (p->principles[2]);
  p3[0] = p13[1] = tillit_record_get_uuid (p->principles[3]);

  p->ours = tillit_store_get_ours (store);
  if (p->ours == NULL)
    p->ours = OVERVIEW_CREATE (store, TILLIT_TYPE_MUNICIPALITY, "name", "Ekdala kommun", "code", "9999",
                               "ours", TRUE);
  p->granby = OVERVIEW_CREATE (store, TILLIT_TYPE_MUNICIPALITY, "name", "Granby kommun", "code", "8888");

  cell00 = OVERVIEW_CREATE (store, TILLIT_TYPE_CELL, "principle", p0[0], "level", tillit_record_get_uuid (level0));
  cell01 = OVERVIEW_CREATE (store, TILLIT_TYPE_CELL, "principle", p0[0], "level", tillit_record_get_uuid (level1));
  overview_assess (store, cell00, "2025", "developing", "emerging");
  overview_assess (store, cell00, "2026", "established", "developing");
  overview_assess (store, cell01, "2026", "embedded", "emerging");
  p->strategy = OVERVIEW_CREATE (store, TILLIT_TYPE_STRATEGY, "cell", tillit_record_get_uuid (cell00),
                                 "text", "Ask the users first");
  p->evidence = OVERVIEW_CREATE (store, TILLIT_TYPE_EVIDENCE, "cell", tillit_record_get_uuid (cell01),
                                 "note", "Staff survey in the spring");

  p->pilot_user_council = OVERVIEW_CREATE (store, TILLIT_TYPE_PILOT, "title", "User council", "stage", "test",
                                           "principles", p01);
  p->pilot_key = OVERVIEW_CREATE (store, TILLIT_TYPE_PILOT, "title", "Digital key", "stage", "identify",
                                  "principles", p0);
  p->pilot_home = OVERVIEW_CREATE (store, TILLIT_TYPE_PILOT, "title", "Safe homecoming", "stage", "implement",
                                   "principles", p1);
  p->learning = OVERVIEW_CREATE (store, TILLIT_TYPE_LEARNING,
                                 "pilot", tillit_record_get_uuid (p->pilot_user_council),
                                 "date", "2026-02-01", "text", "Ask early, ask often");

  p->day = OVERVIEW_CREATE (store, TILLIT_TYPE_MANAGER_DAY, "title", "Spring manager day", "date", this_year);
  last_day = OVERVIEW_CREATE (store, TILLIT_TYPE_MANAGER_DAY, "title", "Autumn manager day", "date", last_year);
  p->item_dialogue = OVERVIEW_CREATE (store, TILLIT_TYPE_AGENDA_ITEM, "day", tillit_record_get_uuid (p->day),
                                      "title", "Dialogue on trust", "duration", 45,
                                      "format", OVERVIEW_FORMAT_DIALOGUE, "principles", p0);
  p->item_information = OVERVIEW_CREATE (store, TILLIT_TYPE_AGENDA_ITEM, "day", tillit_record_get_uuid (p->day),
                                         "title", "News from the board", "duration", 30,
                                         "format", OVERVIEW_FORMAT_INFORMATION, "principles", p02);
  p->item_last_year = OVERVIEW_CREATE (store, TILLIT_TYPE_AGENDA_ITEM, "day", tillit_record_get_uuid (last_day),
                                       "title", "Looking back", "duration", 60,
                                       "format", OVERVIEW_FORMAT_DIALOGUE, "principles", p0);

  p->competency_dialogue = OVERVIEW_CREATE (store, TILLIT_TYPE_COMPETENCY, "name-en", "Conversation leading",
                                            "name-sv", "Samtalsledning", "principles", p3);
  p->competency_trust = OVERVIEW_CREATE (store, TILLIT_TYPE_COMPETENCY, "name-en", "Trust building",
                                         "name-sv", "Tillitsbygge", "principles", p13);
  p->vacancy_open = OVERVIEW_CREATE (store, TILLIT_TYPE_VACANCY, "title", "Unit manager, home care",
                                     "status", "advertised");
  p->vacancy_filled = OVERVIEW_CREATE (store, TILLIT_TYPE_VACANCY, "title", "Deputy manager", "status", "filled");
  overview_ask_for (store, p->vacancy_open, p->competency_dialogue, 3);
  overview_ask_for (store, p->vacancy_open, p->competency_trust, 2);
  overview_ask_for (store, p->vacancy_filled, p->competency_dialogue, 5);

  p->their_pilot = OVERVIEW_CREATE (store, TILLIT_TYPE_PILOT, "title", "Night patrol by bike", "stage", "follow-up",
                                    "need", "Long waits at night",
                                    "origin", tillit_record_get_uuid (p->granby));
  p->their_learning = OVERVIEW_CREATE (store, TILLIT_TYPE_LEARNING,
                                       "pilot", tillit_record_get_uuid (p->their_pilot),
                                       "date", "2025-10-12", "text", "Bikes beat cars in the old town",
                                       "origin", tillit_record_get_uuid (p->granby));
}
