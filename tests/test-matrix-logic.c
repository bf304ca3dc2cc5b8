/* test-matrix-logic.c: the matrix's computations over real assessments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "model/tillit-assessment.h"
#include "model/tillit-cell.h"
#include "model/tillit-framework.h"
#include "model/tillit-principle.h"
#include "model/tillit-store.h"

/* The unit is small and has no GTK: compiled in, as the model is linked. */
#include "matrix/tillit-matrix-logic.c"

#define PRINCIPLE_TRUST "ae7f2466-fd09-51cf-a13a-86c8e9864c8d"
#define PRINCIPLE_SUPPORT "02082a07-3e89-5712-befe-29ef5da950c0"
#define LEVEL_SM "f4755fb2-7006-5315-b83c-db92ab9b9854"
#define LEVEL_FLM "407796f4-d175-561f-a6b4-f4807c294d60"

typedef struct
{
  char *dir;
  TillitStore *store;
  const char *trust_sm;
  const char *trust_flm;
  const char *support_sm;
} Fixture;

static const char *
add_cell (Fixture    *fixture,
          const char *principle,
          const char *level)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *cell = tillit_store_create (fixture->store, TILLIT_TYPE_CELL, &error,
                                            "principle", principle, "level", level, NULL);

  g_assert_no_error (error);
  return tillit_record_get_uuid (cell);
}

static TillitRecord *
assess (Fixture    *fixture,
        const char *cell,
        const char *period,
        const char *date,
        const char *discourse,
        const char *practice)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *assessment = tillit_store_create (fixture->store, TILLIT_TYPE_ASSESSMENT, &error,
                                                  "cell", cell, "period", period, "date", date,
                                                  "discourse", discourse, "practice", practice,
                                                  NULL);

  g_assert_no_error (error);
  return assessment;
}

static GListModel *
assessments (Fixture *fixture)
{
  return tillit_store_list (fixture->store, TILLIT_TYPE_ASSESSMENT);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("tillit-matrix-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "tillit.db", NULL);
  fixture->store = tillit_store_open (path, &error);
  g_assert_no_error (error);

  fixture->trust_sm = add_cell (fixture, PRINCIPLE_TRUST, LEVEL_SM);
  fixture->trust_flm = add_cell (fixture, PRINCIPLE_TRUST, LEVEL_FLM);
  fixture->support_sm = add_cell (fixture, PRINCIPLE_SUPPORT, LEVEL_SM);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_clear_object (&fixture->store);
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
test_scale (void)
{
  g_assert_cmpint (tillit_matrix_rating_from_nick ("not-started"), ==, 0);
  g_assert_cmpint (tillit_matrix_rating_from_nick ("embedded"), ==, 4);
  g_assert_cmpint (tillit_matrix_rating_from_nick ("bogus"), ==, -1);
  g_assert_cmpint (tillit_matrix_rating_from_nick (NULL), ==, -1);
  for (int i = 0; i < TILLIT_MATRIX_N_RATINGS; i++)
    g_assert_cmpint (tillit_matrix_rating_from_nick (tillit_matrix_rating_to_nick (i)), ==, i);
  g_assert_cmpstr (tillit_matrix_rating_label (2), ==, "Developing");
}

static void
test_period_order (void)
{
  g_assert_cmpint (tillit_matrix_period_compare ("2024", "2025"), <, 0);
  g_assert_cmpint (tillit_matrix_period_compare ("2025", "2025"), ==, 0);
  g_assert_cmpint (tillit_matrix_period_compare ("2025 H2", "2025 H10"), <, 0);
  g_assert_cmpint (tillit_matrix_period_compare (NULL, "2020"), <, 0);
  g_assert_cmpint (tillit_matrix_period_compare ("2020", NULL), >, 0);
  g_assert_cmpint (tillit_matrix_period_compare (NULL, NULL), ==, 0);
}

static void
test_latest (Fixture       *fixture,
             gconstpointer  data)
{
  TillitRecord *early = assess (fixture, fixture->trust_sm, "2024", "2024-03-01", "developing", "emerging");
  TillitRecord *later_date = assess (fixture, fixture->trust_sm, "2024", "2024-11-01", "established", "emerging");
  TillitRecord *next = assess (fixture, fixture->trust_sm, "2025", "2025-02-01", "established", "developing");
  g_autoptr(GHashTable) by_cell = NULL;
  g_auto(GStrv) periods = NULL;

  g_assert_true (early != NULL);
  /* Within a period the later date wins; a later period wins over both. */
  g_assert_true (tillit_matrix_latest_assessment (assessments (fixture), fixture->trust_sm, "2024") == later_date);
  g_assert_true (tillit_matrix_latest_assessment (assessments (fixture), fixture->trust_sm, "2025") == next);
  g_assert_true (tillit_matrix_latest_assessment (assessments (fixture), fixture->trust_sm, NULL) == next);
  /* A cell not re-assessed keeps its rating in later periods. */
  g_assert_true (tillit_matrix_latest_assessment (assessments (fixture), fixture->trust_sm, "2026") == next);
  /* Nothing before the first snapshot, and nothing for another cell. */
  g_assert_null (tillit_matrix_latest_assessment (assessments (fixture), fixture->trust_sm, "2023"));
  g_assert_null (tillit_matrix_latest_assessment (assessments (fixture), fixture->trust_flm, "2025"));

  by_cell = tillit_matrix_latest_by_cell (assessments (fixture), "2024");
  g_assert_cmpuint (g_hash_table_size (by_cell), ==, 1);
  g_assert_true (g_hash_table_lookup (by_cell, fixture->trust_sm) == later_date);

  periods = tillit_matrix_list_periods (assessments (fixture));
  g_assert_cmpuint (g_strv_length (periods), ==, 2);
  g_assert_cmpstr (periods[0], ==, "2024");
  g_assert_cmpstr (periods[1], ==, "2025");
}

static void
test_gap (Fixture       *fixture,
          gconstpointer  data)
{
  TillitRecord *said = assess (fixture, fixture->trust_sm, "2025", "2025-01-10", "embedded", "emerging");
  TillitRecord *done = assess (fixture, fixture->trust_flm, "2025", "2025-01-10", "emerging", "established");

  g_assert_cmpint (tillit_matrix_gap (said), ==, 3);
  g_assert_cmpint (tillit_matrix_gap (done), ==, -2);
  g_assert_cmpint (tillit_matrix_gap (NULL), ==, 0);
}

static void
test_gap_list (Fixture       *fixture,
               gconstpointer  data)
{
  const char *cells[] = { fixture->trust_sm, fixture->trust_flm, fixture->support_sm, NULL };
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) earlier = NULL;
  TillitMatrixGap *gap;

  assess (fixture, fixture->trust_sm, "2024", "2024-06-01", "developing", "developing");
  assess (fixture, fixture->trust_sm, "2025", "2025-06-01", "embedded", "emerging");
  assess (fixture, fixture->support_sm, "2024", "2024-06-01", "established", "emerging");

  list = tillit_matrix_gap_list (assessments (fixture), cells, "2025");
  g_assert_cmpuint (list->len, ==, 3);
  gap = g_ptr_array_index (list, 0);
  g_assert_cmpstr (gap->cell, ==, fixture->trust_sm);
  g_assert_cmpint (gap->gap, ==, 3);
  gap = g_ptr_array_index (list, 1);
  g_assert_cmpstr (gap->cell, ==, fixture->support_sm);
  g_assert_cmpint (gap->gap, ==, 2);
  /* Never assessed: last, whatever its place in the grid. */
  gap = g_ptr_array_index (list, 2);
  g_assert_cmpstr (gap->cell, ==, fixture->trust_flm);
  g_assert_null (gap->assessment);

  /* As of 2024 the support cell leads, and equal gaps keep grid order. */
  earlier = tillit_matrix_gap_list (assessments (fixture), cells, "2024");
  gap = g_ptr_array_index (earlier, 0);
  g_assert_cmpstr (gap->cell, ==, fixture->support_sm);
  gap = g_ptr_array_index (earlier, 1);
  g_assert_cmpstr (gap->cell, ==, fixture->trust_sm);
  g_assert_cmpint (gap->gap, ==, 0);
}

static void
test_change (Fixture       *fixture,
             gconstpointer  data)
{
  TillitMatrixChange change;

  assess (fixture, fixture->trust_sm, "2024", "2024-06-01", "developing", "established");
  assess (fixture, fixture->trust_sm, "2025", "2025-06-01", "embedded", "emerging");
  assess (fixture, fixture->trust_flm, "2025", "2025-06-01", "embedded", "emerging");

  change = tillit_matrix_change (assessments (fixture), fixture->trust_sm, "2025", "2024");
  g_assert_true (change.known);
  g_assert_cmpint (change.discourse, ==, 2);
  g_assert_cmpint (change.practice, ==, -2);

  /* Nothing to compare with before 2025. */
  change = tillit_matrix_change (assessments (fixture), fixture->trust_flm, "2025", "2024");
  g_assert_false (change.known);

  /* Undoing the newer snapshot leaves no change between the periods. */
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  g_assert_true (tillit_store_undo (fixture->store, NULL));
  change = tillit_matrix_change (assessments (fixture), fixture->trust_sm, "2025", "2024");
  g_assert_true (change.known);
  g_assert_cmpint (change.discourse, ==, 0);
  g_assert_cmpint (change.practice, ==, 0);
}

static void
test_framework (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *principles = tillit_store_list (fixture->store, TILLIT_TYPE_PRINCIPLE);
  TillitRecord *framework = tillit_matrix_active_framework (tillit_store_list (fixture->store, TILLIT_TYPE_FRAMEWORK));
  TillitRecord *trust = tillit_store_lookup (fixture->store, PRINCIPLE_TRUST);
  g_autoptr(GPtrArray) shown = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (framework);
  g_assert_true (tillit_record_get_boolean (framework, "active"));

  g_assert_true (tillit_store_update (fixture->store, trust, &error, "retired", TRUE, NULL));
  g_assert_no_error (error);
  shown = tillit_matrix_in_framework (principles, framework, "retired", FALSE);
  all = tillit_matrix_in_framework (principles, framework, "retired", TRUE);
  g_assert_cmpuint (shown->len, ==, 6);
  g_assert_cmpuint (all->len, ==, 7);
  g_assert_false (g_ptr_array_find (shown, trust, NULL));
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (all, 0), "name-en"), ==, "Citizen/User focus");

  g_assert_cmpstr (tillit_matrix_record_name (trust), ==, "Trust");
  g_assert_true (tillit_matrix_find_cell (tillit_store_list (fixture->store, TILLIT_TYPE_CELL),
                                          PRINCIPLE_TRUST, LEVEL_FLM) ==
                 tillit_store_lookup (fixture->store, fixture->trust_flm));
  g_assert_null (tillit_matrix_find_cell (tillit_store_list (fixture->store, TILLIT_TYPE_CELL),
                                          PRINCIPLE_SUPPORT, LEVEL_FLM));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "en", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/matrix-logic/scale", test_scale);
  g_test_add_func ("/matrix-logic/period-order", test_period_order);
  g_test_add ("/matrix-logic/latest", Fixture, NULL, fixture_set_up, test_latest, fixture_tear_down);
  g_test_add ("/matrix-logic/gap", Fixture, NULL, fixture_set_up, test_gap, fixture_tear_down);
  g_test_add ("/matrix-logic/gap-list", Fixture, NULL, fixture_set_up, test_gap_list, fixture_tear_down);
  g_test_add ("/matrix-logic/framework", Fixture, NULL, fixture_set_up, test_framework, fixture_tear_down);
  g_test_add ("/matrix-logic/change", Fixture, NULL, fixture_set_up, test_change, fixture_tear_down);

  return g_test_run ();
}
