/* test-overview-data.c: the overview's counts, red thread, list from
 * other municipalities and search, against a known programme
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "overview/tillit-overview-data.h"
#include "test-model-util.h"
#include "test-overview-util.h"

#define YEAR 2026

static TillitStore *
open_filled (TestFile          *fixture,
             OverviewProgramme *p)
{
  g_autoptr(GError) error = NULL;
  TillitStore *store = tillit_store_open (fixture->path, &error);

  g_assert_no_error (error);
  overview_fill (store, YEAR, p);
  return store;
}

static TillitRecord *
framework (TillitStore *store)
{
  return overview_nth (store, TILLIT_TYPE_FRAMEWORK, 0);
}

static const TillitOverviewRow *
row_at (GPtrArray *rows,
        guint      i)
{
  return g_ptr_array_index (rows, i);
}

static void
test_coverage (TestFile      *fixture,
               gconstpointer  data)
{
  OverviewProgramme p;
  g_autoptr(TillitStore) store = open_filled (fixture, &p);
  g_autoptr(GPtrArray) rows = tillit_overview_coverage (store, framework (store), "2026", YEAR);
  const TillitOverviewRow *r;

  g_assert_cmpuint (rows->len, ==, 7);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (row_at (rows, i)->principle == p.principles[i]);

  r = row_at (rows, 0);
  g_assert_cmpint (r->practice, ==, 2);
  g_assert_cmpint (r->gap, ==, 3);
  g_assert_cmpuint (r->records[TILLIT_OVERVIEW_MATRIX]->len, ==, 2);
  g_assert_cmpuint (r->n_pilots, ==, 2);
  g_assert_cmpuint (r->pilots[0], ==, 1);
  g_assert_cmpuint (r->pilots[1], ==, 1);
  g_assert_cmpuint (r->pilots[2], ==, 0);
  g_assert_cmpuint (r->pilots[3], ==, 0);
  g_assert_cmpint (r->minutes, ==, 75);
  g_assert_cmpint (r->dialogue_minutes, ==, 45);
  g_assert_cmpuint (r->records[TILLIT_OVERVIEW_AGENDA]->len, ==, 2);
  g_assert_cmpint (r->weight, ==, 0);
  g_assert_true (tillit_overview_row_tool_is_empty (r, TILLIT_OVERVIEW_RECRUITMENT));
  g_assert_true (tillit_overview_row_is_served (r));

  r = row_at (rows, 1);
  g_assert_cmpint (r->practice, ==, -1);
  g_assert_true (tillit_overview_row_tool_is_empty (r, TILLIT_OVERVIEW_MATRIX));
  g_assert_cmpuint (r->n_pilots, ==, 2);
  g_assert_cmpuint (r->pilots[1], ==, 1);
  g_assert_cmpuint (r->pilots[2], ==, 1);
  g_assert_cmpint (r->weight, ==, 2);
  g_assert_cmpuint (r->records[TILLIT_OVERVIEW_RECRUITMENT]->len, ==, 1);

  r = row_at (rows, 2);
  g_assert_cmpint (r->minutes, ==, 30);
  g_assert_cmpint (r->dialogue_minutes, ==, 0);
  g_assert_cmpuint (r->n_pilots, ==, 0);

  r = row_at (rows, 3);
  g_assert_cmpint (r->weight, ==, 5);
  g_assert_cmpuint (r->records[TILLIT_OVERVIEW_RECRUITMENT]->len, ==, 2);
  g_assert_true (tillit_overview_row_is_served (r));

  for (guint i = 4; i < 7; i++)
    {
      r = row_at (rows, i);
      g_assert_false (tillit_overview_row_is_served (r));
      for (guint t = 0; t < TILLIT_OVERVIEW_N_TOOLS; t++)
        g_assert_true (tillit_overview_row_tool_is_empty (r, t));
    }
}

/* An earlier period sees earlier assessments; another year other days. */
static void
test_coverage_period_and_year (TestFile      *fixture,
                               gconstpointer  data)
{
  OverviewProgramme p;
  g_autoptr(TillitStore) store = open_filled (fixture, &p);
  g_autoptr(GPtrArray) earlier = tillit_overview_coverage (store, framework (store), "2025", YEAR - 1);
  g_autoptr(GPtrArray) latest = tillit_overview_coverage (store, framework (store), NULL, YEAR + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) after_retiring = NULL;

  g_assert_cmpint (row_at (earlier, 0)->practice, ==, 1);
  g_assert_cmpint (row_at (earlier, 0)->gap, ==, 1);
  g_assert_cmpuint (row_at (earlier, 0)->records[TILLIT_OVERVIEW_MATRIX]->len, ==, 1);
  g_assert_cmpint (row_at (earlier, 0)->minutes, ==, 60);
  g_assert_cmpint (row_at (earlier, 0)->dialogue_minutes, ==, 60);
  g_assert_cmpint (row_at (earlier, 2)->minutes, ==, 0);

  g_assert_cmpint (row_at (latest, 0)->practice, ==, 2);
  g_assert_cmpint (row_at (latest, 0)->minutes, ==, 0);
  g_assert_true (tillit_overview_row_tool_is_empty (row_at (latest, 2), TILLIT_OVERVIEW_AGENDA));

  /* A retired principle leaves the heatmap; filling a vacancy takes its
   * profile out of the weights. */
  g_assert_true (tillit_store_update (store, p.principles[6], &error, "retired", TRUE, NULL));
  g_assert_true (tillit_store_update (store, p.vacancy_open, &error, "status", "filled", NULL));
  g_assert_no_error (error);
  after_retiring = tillit_overview_coverage (store, framework (store), NULL, YEAR);
  g_assert_cmpuint (after_retiring->len, ==, 6);
  g_assert_cmpint (row_at (after_retiring, 3)->weight, ==, 0);
  g_assert_false (tillit_overview_row_is_served (row_at (after_retiring, 3)));
}

static guint
count_tool (GPtrArray          *links,
            TillitOverviewTool  tool)
{
  guint n = 0;

  for (guint i = 0; i < links->len; i++)
    n += ((TillitOverviewLink *) g_ptr_array_index (links, i))->tool == tool;
  return n;
}

static gboolean
links_hold (GPtrArray          *links,
            TillitOverviewTool  tool,
            TillitRecord       *record)
{
  for (guint i = 0; i < links->len; i++)
    {
      TillitOverviewLink *link = g_ptr_array_index (links, i);

      if (link->record == record)
        return link->tool == tool;
    }
  return FALSE;
}

static void
test_thread (TestFile      *fixture,
             gconstpointer  data)
{
  OverviewProgramme p;
  g_autoptr(TillitStore) store = open_filled (fixture, &p);
  g_autoptr(GPtrArray) p0 = tillit_overview_thread (store, p.principles[0]);
  g_autoptr(GPtrArray) p3 = tillit_overview_thread (store, p.principles[3]);
  g_autoptr(GPtrArray) p5 = tillit_overview_thread (store, p.principles[5]);
  TillitOverviewTool last = TILLIT_OVERVIEW_MATRIX;

  /* One strategy, one piece of evidence, three assessments. */
  g_assert_cmpuint (count_tool (p0, TILLIT_OVERVIEW_MATRIX), ==, 5);
  g_assert_true (links_hold (p0, TILLIT_OVERVIEW_MATRIX, p.strategy));
  g_assert_true (links_hold (p0, TILLIT_OVERVIEW_MATRIX, p.evidence));
  g_assert_cmpuint (count_tool (p0, TILLIT_OVERVIEW_PILOTS), ==, 3);
  g_assert_true (links_hold (p0, TILLIT_OVERVIEW_PILOTS, p.pilot_user_council));
  g_assert_true (links_hold (p0, TILLIT_OVERVIEW_PILOTS, p.pilot_key));
  g_assert_true (links_hold (p0, TILLIT_OVERVIEW_PILOTS, p.learning));
  /* Every year's agenda items, not only this year's. */
  g_assert_cmpuint (count_tool (p0, TILLIT_OVERVIEW_AGENDA), ==, 3);
  g_assert_true (links_hold (p0, TILLIT_OVERVIEW_AGENDA, p.item_last_year));
  /* The default competency library: Dialogue, Asset-based approach and
   * Co-creation serve P0; no vacancy asks for them. */
  g_assert_cmpuint (count_tool (p0, TILLIT_OVERVIEW_RECRUITMENT), ==, 3);

  /* Grouped by tool, in the switcher's order. */
  for (guint i = 0; i < p0->len; i++)
    {
      TillitOverviewTool tool = ((TillitOverviewLink *) g_ptr_array_index (p0, i))->tool;

      g_assert_cmpint (tool, >=, last);
      last = tool;
    }

  /* Both our competencies and the library's Co-creation, and both
   * vacancies whose profiles use them. */
  g_assert_cmpuint (count_tool (p3, TILLIT_OVERVIEW_RECRUITMENT), ==, 5);
  g_assert_true (links_hold (p3, TILLIT_OVERVIEW_RECRUITMENT, p.competency_dialogue));
  g_assert_true (links_hold (p3, TILLIT_OVERVIEW_RECRUITMENT, p.competency_trust));
  g_assert_true (links_hold (p3, TILLIT_OVERVIEW_RECRUITMENT, p.vacancy_open));
  g_assert_true (links_hold (p3, TILLIT_OVERVIEW_RECRUITMENT, p.vacancy_filled));

  /* Only the library's competencies name P5 (nothing serves it in the
   * heatmap). */
  g_assert_cmpuint (p5->len, ==, 3);
  g_assert_cmpuint (count_tool (p5, TILLIT_OVERVIEW_RECRUITMENT), ==, 3);
}

static void
test_from_elsewhere (TestFile      *fixture,
                     gconstpointer  data)
{
  OverviewProgramme p;
  g_autoptr(TillitStore) store = open_filled (fixture, &p);
  g_autoptr(GPtrArray) records = tillit_overview_from_elsewhere (store);
  g_autoptr(GError) error = NULL;
  TillitRecord *copy;

  /* The pilot has no stage date: it is dated by its creation, today,
   * after the learning's 2025-10-12. */
  g_assert_cmpuint (records->len, ==, 2);
  g_assert_true (g_ptr_array_index (records, 0) == p.their_pilot);
  g_assert_true (g_ptr_array_index (records, 1) == p.their_learning);
  g_assert_null (tillit_overview_find_adaptation (store, p.their_pilot));

  copy = tillit_pilot_adapt (store, p.their_pilot, &error);
  g_assert_no_error (error);
  g_assert_true (tillit_overview_find_adaptation (store, p.their_pilot) == copy);
  g_clear_pointer (&records, g_ptr_array_unref);
  records = tillit_overview_from_elsewhere (store);
  g_assert_cmpuint (records->len, ==, 2);
}

static gboolean
found (GPtrArray    *results,
       TillitRecord *record)
{
  return g_ptr_array_find (results, record, NULL);
}

static void
test_search (TestFile      *fixture,
             gconstpointer  data)
{
  OverviewProgramme p;
  g_autoptr(TillitStore) store = open_filled (fixture, &p);
  struct {
    const char *query;
    TillitRecord **record;
  } cases[] = {
    { "ask the USERS", &p.strategy },
    { "staff survey", &p.evidence },
    { "user council", &p.pilot_user_council },
    { "ask early", &p.learning },
    { "dialogue on trust", &p.item_dialogue },
    { "spring manager", &p.day },
    { "conversation leading", &p.competency_dialogue },
    { "home care", &p.vacancy_open },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) results = tillit_overview_search (store, cases[i].query, 0);

      g_test_message ("%s: %u results", cases[i].query, results->len);
      g_assert_true (found (results, *cases[i].record));
      g_assert_true (g_ptr_array_index (results, 0) == *cases[i].record);
    }

  {
    /* Every word, anywhere in the record's text; a title match first. */
    g_autoptr(GPtrArray) need = tillit_overview_search (store, "waits night", 0);
    g_autoptr(GPtrArray) trust = tillit_overview_search (store, "trust", 0);
    g_autoptr(GPtrArray) capped = tillit_overview_search (store, "trust", 2);
    g_autoptr(GPtrArray) none = tillit_overview_search (store, "zebra crossing", 0);
    g_autoptr(GPtrArray) blank = tillit_overview_search (store, "   ", 0);
    g_autofree char *title = tillit_overview_record_title (store, g_ptr_array_index (trust, 0));

    g_assert_cmpuint (need->len, ==, 1);
    g_assert_true (g_ptr_array_index (need, 0) == p.their_pilot);
    g_assert_true (found (trust, p.principles[1]));
    g_assert_true (found (trust, p.item_dialogue));
    g_assert_true (found (trust, p.competency_trust));
    g_assert_nonnull (strstr (title, "Trust"));
    g_assert_cmpuint (capped->len, ==, 2);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (blank->len, ==, 0);
  }
}

/* The index folds a record once and again only after it changed; a
 * deleted record is no longer found. */
static void
test_search_index (TestFile      *fixture,
                   gconstpointer  data)
{
  OverviewProgramme p;
  g_autoptr(TillitStore) store = open_filled (fixture, &p);
  g_autoptr(TillitOverviewIndex) index = tillit_overview_index_new (store);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) renamed = NULL;
  g_autoptr(GPtrArray) old_name = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GError) error = NULL;

  while (!tillit_overview_index_prepare (index, 3))
    ;
  before = tillit_overview_index_search (index, "digital key", 0);
  g_assert_cmpuint (before->len, ==, 1);
  g_assert_true (g_ptr_array_index (before, 0) == p.pilot_key);

  g_assert_true (tillit_store_update (store, p.pilot_key, &error, "title", "Keyless entry", NULL));
  g_assert_no_error (error);
  renamed = tillit_overview_index_search (index, "keyless", 0);
  old_name = tillit_overview_index_search (index, "digital key", 0);
  g_assert_cmpuint (renamed->len, ==, 1);
  g_assert_true (g_ptr_array_index (renamed, 0) == p.pilot_key);
  g_assert_cmpuint (old_name->len, ==, 0);

  g_assert_true (tillit_store_delete (store, p.pilot_key, &error));
  g_assert_no_error (error);
  deleted = tillit_overview_index_search (index, "keyless", 0);
  g_assert_cmpuint (deleted->len, ==, 0);

  /* A record made after the index was prepared is found too. */
  {
    TillitRecord *added = tillit_store_create (store, TILLIT_TYPE_LEARNING, &error,
                                               "pilot", tillit_record_get_uuid (p.pilot_home),
                                               "text", "Keyless doors scare nobody", NULL);
    g_autoptr(GPtrArray) found = NULL;

    g_assert_no_error (error);
    found = tillit_overview_index_search (index, "keyless", 0);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_true (g_ptr_array_index (found, 0) == added);
  }
}

static void
test_titles (TestFile      *fixture,
             gconstpointer  data)
{
  OverviewProgramme p;
  g_autoptr(TillitStore) store = open_filled (fixture, &p);
  g_autofree char *strategy = tillit_overview_record_title (store, p.strategy);
  g_autofree char *strategy_context = tillit_overview_record_context (store, p.strategy);
  g_autofree char *item_context = tillit_overview_record_context (store, p.item_dialogue);
  g_autofree char *learning_context = tillit_overview_record_context (store, p.learning);

  g_assert_cmpstr (strategy, ==, "Ask the users first");
  g_assert_nonnull (strstr (strategy_context, tillit_record_get_string (p.principles[0], "name-en")));
  g_assert_nonnull (strstr (item_context, "Spring manager day"));
  g_assert_cmpstr (learning_context, ==, "User council");
  g_assert_cmpint (tillit_overview_tool_of (p.learning), ==, TILLIT_OVERVIEW_PILOTS);
  g_assert_cmpint (tillit_overview_tool_of (p.vacancy_open), ==, TILLIT_OVERVIEW_RECRUITMENT);
  g_assert_cmpint (tillit_overview_tool_of (p.granby), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_setenv ("LANGUAGE", "en", TRUE);

  TEST_ADD ("/overview/coverage", test_coverage);
  TEST_ADD ("/overview/coverage-period-and-year", test_coverage_period_and_year);
  TEST_ADD ("/overview/thread", test_thread);
  TEST_ADD ("/overview/from-elsewhere", test_from_elsewhere);
  TEST_ADD ("/overview/search", test_search);
  TEST_ADD ("/overview/search-index", test_search_index);
  TEST_ADD ("/overview/titles", test_titles);

  return g_test_run ();
}
