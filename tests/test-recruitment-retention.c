/* test-recruitment-retention.c: which closed vacancies are due for the
 * deletion of their personal data, and what the deletion removes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "model/tillit-model.h"

/* The retention unit needs the model only; compiled in here, it runs
 * with the display-free tests (and under ASan). */
#include "recruitment/tillit-retention.c"

typedef struct
{
  char *dir;
  char *path;
  TillitStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tillit-retention-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "tillit.db", NULL);
  fixture->store = tillit_store_open (fixture->path, &error);
  g_assert_no_error (error);
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
  g_free (fixture->path);
  g_free (fixture->dir);
}

static TillitRecord *
vacancy_with_candidate (TillitStore *store,
                        const char  *status,
                        const char  *name,
                        guint        n_ratings)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *vacancy = tillit_store_create (store, TILLIT_TYPE_VACANCY, &error,
                                               "title", "Enhetschef", "status", status, NULL);
  TillitRecord *competency = g_list_model_get_item (tillit_store_list (store, TILLIT_TYPE_COMPETENCY), 0);
  TillitRecord *candidate;

  g_assert_no_error (error);
  candidate = tillit_store_create (store, TILLIT_TYPE_CANDIDATE, &error,
                                   "vacancy", tillit_record_get_uuid (vacancy), "name", name, NULL);
  g_assert_no_error (error);
  for (guint i = 0; i < n_ratings; i++)
    {
      g_autofree char *rater = g_strdup_printf ("Rater %u", i);

      g_assert_nonnull (tillit_store_create (store, TILLIT_TYPE_RATING, &error,
                                             "candidate", tillit_record_get_uuid (candidate),
                                             "competency", tillit_record_get_uuid (competency),
                                             "rater", rater, "level", 3, "submitted", TRUE, NULL));
      g_assert_no_error (error);
    }
  g_object_unref (competency);
  return vacancy;
}

static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  TillitRecord *filled = vacancy_with_candidate (fixture->store, "filled", "A", 0);
  TillitRecord *open = vacancy_with_candidate (fixture->store, "interviewing", "B", 0);
  g_autoptr(GDateTime) closed = g_date_time_new_from_iso8601 (tillit_record_get_modified (filled), NULL);
  g_autoptr(GDateTime) eleven = g_date_time_add_months (closed, 11);
  g_autoptr(GDateTime) twelve = g_date_time_add_months (closed, 12);

  g_assert_true (tillit_retention_vacancy_is_due (filled, 0, NULL));
  g_assert_false (tillit_retention_vacancy_is_due (filled, 12, eleven));
  g_assert_true (tillit_retention_vacancy_is_due (filled, 12, twelve));
  g_assert_false (tillit_retention_vacancy_is_due (open, 0, twelve));
}

static void
test_erase_counts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TillitRetentionReport report;
  g_autofree char *text = NULL;

  vacancy_with_candidate (fixture->store, "filled", "Ulrika Tjäderholm-Sand", 3);
  vacancy_with_candidate (fixture->store, "withdrawn", "Per Öhrvall-Kask", 2);
  vacancy_with_candidate (fixture->store, "advertised", "Stina Kvarnlöf", 4);

  tillit_retention_preview (fixture->store, 12, NULL, &report);
  g_assert_cmpuint (report.n_candidates, ==, 0);

  tillit_retention_preview (fixture->store, 0, NULL, &report);
  g_assert_cmpuint (report.n_vacancies, ==, 2);
  g_assert_cmpuint (report.n_candidates, ==, 2);
  g_assert_cmpuint (report.n_ratings, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_CANDIDATE)), ==, 3);

  g_assert_true (tillit_retention_erase_closed (fixture->store, 0, NULL, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.n_candidates, ==, 2);
  g_assert_cmpuint (report.n_ratings, ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_CANDIDATE)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_RATING)), ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_VACANCY)), ==, 3);

  text = tillit_retention_report_describe (&report);
  g_assert_cmpstr (text, ==, "Deleted 2 candidates and 5 ratings of 2 closed vacancies.");

  /* Done once, nothing is left to do. */
  g_assert_true (tillit_retention_erase_closed (fixture->store, 0, NULL, &report, &error));
  g_assert_cmpuint (report.n_candidates, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/recruitment/retention/due", Fixture, NULL, fixture_set_up, test_due, fixture_tear_down);
  g_test_add ("/recruitment/retention/erase", Fixture, NULL, fixture_set_up, test_erase_counts,
              fixture_tear_down);

  return g_test_run ();
}
