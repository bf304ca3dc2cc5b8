/* test-recruitment.c: the recruitment page driven as a coordinator would:
 * a profile, an advert check, candidates rated by two panel members, the
 * summary, a scorecard, and the deletion of personal data, down to the
 * bytes of the database file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "model/tillit-model.h"
#include "recruitment/tillit-recruitment-page.h"
#include "recruitment/tillit-scorecard.h"
#include "recruitment/tillit-vacancy-view.h"
#include "tillit-test-ui.h"

/* Names no other part of the file could hold by chance. */
#define CANDIDATE_A "Karin Zetterqvist-Oldenburg"
#define CANDIDATE_B "Johan Brännström-Vikander"
#define RATER_A "Annika Quarnström"
#define RATER_B "Bertil Ysander"
#define NOTE_A "Beskrev medborgardialogen i Kvarnbacken utförligt"
#define KEPT_CANDIDATE "Mira Lundquist-Hedenberg"

typedef struct
{
  char *tmpdir;
  char *database;
  TillitStore *store;
  GtkWidget *window;
  GtkWidget *overlay;
  TillitRecruitmentPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmpdir = tillit_test_make_tmpdir ();
  fixture->database = g_build_filename (fixture->tmpdir, "tillit.db", NULL);
  fixture->store = tillit_store_open (fixture->database, &error);
  g_assert_no_error (error);
  g_assert_nonnull (tillit_store_create (fixture->store, TILLIT_TYPE_MUNICIPALITY, &error,
                                         "name", "Ekdala kommun", "code", "9999", "ours", TRUE, NULL));
  g_assert_no_error (error);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  fixture->page = TILLIT_RECRUITMENT_PAGE (tillit_recruitment_page_new (fixture->store));
  /* As in the main window, which shows the page's toasts. */
  fixture->overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (fixture->overlay), GTK_WIDGET (fixture->page));
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->overlay);
  gtk_window_present (GTK_WINDOW (fixture->window));
  tillit_test_wait_for_frame (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GList *toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (toplevels);
  tillit_test_iterate ();
  g_clear_object (&fixture->store);
  tillit_test_remove_tree (fixture->tmpdir);
  g_free (fixture->database);
  g_free (fixture->tmpdir);
}

static GtkWidget *
view_child (Fixture    *fixture,
            const char *name)
{
  GtkWidget *view = tillit_recruitment_page_get_vacancy_view (fixture->page);
  GtkWidget *child;

  g_assert_true (TILLIT_IS_VACANCY_VIEW (view));
  child = GTK_WIDGET (gtk_widget_get_template_child (view, TILLIT_TYPE_VACANCY_VIEW, name));
  g_assert_nonnull (child);
  return child;
}

static void
type_and_apply (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  tillit_test_iterate ();
}

static guint
count_where (TillitStore *store,
             GType        type,
             const char  *field,
             const char  *value)
{
  GListModel *list = tillit_store_list (store, type);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (list, i);

      if (field == NULL || g_strcmp0 (tillit_record_get_string (record, field), value) == 0)
        n++;
    }
  return n;
}

static TillitRecord *
find_record (TillitStore *store,
             GType        type,
             const char  *field,
             const char  *value)
{
  GListModel *list = tillit_store_list (store, type);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (tillit_record_get_string (record, field), value) == 0)
        return record;
    }
  g_assert_not_reached ();
}

static guint
n_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}

static GtkWidget *
nth_child (GtkWidget *widget,
           guint      nth)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  while (child != NULL && nth-- > 0)
    child = gtk_widget_get_next_sibling (child);
  g_assert_nonnull (child);
  return child;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
timed_out (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timed_out, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static AdwMessageDialog *
find_dialog (void)
{
  AdwMessageDialog *found = NULL;
  GList *toplevels;

  tillit_test_iterate ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (found);
  return found;
}

static void
close_dialog (AdwMessageDialog *dialog)
{
  gtk_window_destroy (GTK_WINDOW (dialog));
  tillit_test_iterate ();
}

static void
screenshot (Fixture    *fixture,
            const char *name)
{
  g_autofree char *png = tillit_test_screenshot (fixture->window, name);

  g_test_message ("screenshot: %s", png);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static guint
competency_index (TillitStore *store,
                  const char  *name_en)
{
  GListModel *list = tillit_store_list (store, TILLIT_TYPE_COMPETENCY);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(TillitRecord) competency = g_list_model_get_item (list, i);

      if (g_strcmp0 (tillit_record_get_string (competency, "name-en"), name_en) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
add_to_profile (Fixture    *fixture,
                const char *name_en)
{
  GtkWidget *view = tillit_recruitment_page_get_vacancy_view (fixture->page);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (view_child (fixture, "add_dropdown")),
                              competency_index (fixture->store, name_en));
  g_assert_true (gtk_widget_activate_action (view, "vacancy.add-competency", NULL));
  tillit_test_iterate ();
}

static void
set_weight (Fixture *fixture,
            guint    row,
            int      weight)
{
  GtkWidget *list = view_child (fixture, "profile_list");
  GtkWidget *spin = tillit_test_find_widget (nth_child (list, row), GTK_TYPE_SPIN_BUTTON, 0);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), weight);
  tillit_test_iterate ();
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                              TILLIT_TYPE_RECRUITMENT_PAGE, "content_stack"));

  g_assert_cmpuint (count_where (fixture->store, TILLIT_TYPE_VACANCY, NULL, NULL), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_null (tillit_recruitment_page_get_vacancy_view (fixture->page));
  screenshot (fixture, "recruitment-empty");

  /* A page without a programme yet offers nothing to act on. */
  tillit_recruitment_page_set_store (fixture->page, NULL);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "recruitment.new-vacancy", NULL);
  tillit_recruitment_page_set_store (fixture->page, fixture->store);
  g_assert_cmpuint (count_where (fixture->store, TILLIT_TYPE_VACANCY, NULL, NULL), ==, 0);
}

/* Rates every profile competency of the chosen candidate as @rater. */
static void
rate (Fixture    *fixture,
      guint       candidate,
      const char *rater,
      const int  *levels,
      const char *first_note)
{
  GtkWidget *list;
  guint n;

  adw_combo_row_set_selected (ADW_COMBO_ROW (view_child (fixture, "rating_candidate_row")), candidate);
  tillit_test_iterate ();
  type_and_apply (view_child (fixture, "rater_row"), rater);

  list = view_child (fixture, "rating_list");
  n = n_children (list);
  g_assert_cmpuint (n, ==, 4);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = nth_child (list, i);
      GtkWidget *level = tillit_test_find_widget (row, GTK_TYPE_DROP_DOWN, 0);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (level), levels[i] + 1);
      tillit_test_iterate ();

      if (i == 0 && first_note != NULL)
        {
          GtkWidget *note = tillit_test_find_widget (row, GTK_TYPE_ENTRY, 0);

          g_assert_true (gtk_widget_get_sensitive (note));
          gtk_editable_set_text (GTK_EDITABLE (note), first_note);
          g_signal_emit_by_name (note, "activate");
          tillit_test_iterate ();
        }
    }

  gtk_switch_set_active (GTK_SWITCH (view_child (fixture, "submitted_switch")), TRUE);
  tillit_test_iterate ();
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  gsize needle_length = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  /* The file holds NUL bytes anywhere: no string search will do. */
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (contents + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_file_clean (const char *database,
                   const char *needle)
{
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);

  g_assert_false (file_contains (database, needle));
  g_assert_false (file_contains (wal, needle));
}

static void
test_flow (Fixture       *fixture,
           gconstpointer  data)
{
  TillitStore *store = fixture->store;
  GtkWidget *view;
  TillitRecord *vacancy;
  TillitRecord *candidate_a, *candidate_b;
  TillitRecord *dialogue;
  GtkTextBuffer *buffer;
  GtkWidget *label;
  g_autofree char *label_id = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *pdftotext = NULL;
  g_autofree char *pdf_text = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  int status = 0;
  static const int levels_a_anna[] = { 4, 3, 1, 2 };
  static const int levels_a_bertil[] = { 3, 3, 0, 2 };
  static const int levels_b_anna[] = { 2, 1, 4, 4 };

  /* A vacancy, made and described through the page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "recruitment.new-vacancy", NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_VACANCY, NULL, NULL), ==, 1);
  view = tillit_recruitment_page_get_vacancy_view (fixture->page);
  vacancy = tillit_vacancy_view_get_vacancy (TILLIT_VACANCY_VIEW (view));

  type_and_apply (view_child (fixture, "title_row"), "Enhetschef hemtjänst Norr");
  g_assert_cmpstr (tillit_record_get_string (vacancy, "title"), ==, "Enhetschef hemtjänst Norr");
  type_and_apply (view_child (fixture, "advert_date_row"), "2026-13-01");
  g_assert_null (tillit_record_get_string (vacancy, "advert-date"));
  type_and_apply (view_child (fixture, "advert_date_row"), "2026-03-01");
  g_assert_cmpstr (tillit_record_get_string (vacancy, "advert-date"), ==, "2026-03-01");
  adw_combo_row_set_selected (ADW_COMBO_ROW (view_child (fixture, "status_row")), 1);
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_record_get_string (vacancy, "status"), ==, "advertised");

  /* The profile: two leadership and two administrative competencies. */
  add_to_profile (fixture, "Dialogue");
  add_to_profile (fixture, "Trust-based approach");
  add_to_profile (fixture, "Budget and financial follow-up");
  add_to_profile (fixture, "Planning and organising");
  add_to_profile (fixture, "Dialogue");
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_PROFILE_ENTRY, "vacancy",
                                 tillit_record_get_uuid (vacancy)), ==, 4);
  g_assert_cmpuint (n_children (view_child (fixture, "profile_list")), ==, 4);

  set_weight (fixture, 2, 5);
  set_weight (fixture, 3, 5);
  g_assert_cmpint (tillit_record_get_int (find_record (store, TILLIT_TYPE_PROFILE_ENTRY, "competency",
                                                       tillit_record_get_uuid (find_record (store, TILLIT_TYPE_COMPETENCY,
                                                                                            "name-en", "Budget and financial follow-up"))),
                                          "weight"), ==, 5);
  g_assert_true (gtk_widget_get_visible (view_child (fixture, "balance_warning")));
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (view_child (fixture, "balance_bar"))),
                                  6.0 / 16.0, 1e-9);
  screenshot (fixture, "recruitment-profile-warning");

  set_weight (fixture, 0, 5);
  set_weight (fixture, 1, 5);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (tillit_test_find_widget (nth_child (view_child (fixture, "profile_list"), 0),
                                                                      GTK_TYPE_DROP_DOWN, 0)), 4);
  tillit_test_iterate ();
  g_assert_false (gtk_widget_get_visible (view_child (fixture, "balance_warning")));
  dialogue = find_record (store, TILLIT_TYPE_COMPETENCY, "name-en", "Dialogue");
  g_assert_cmpint (tillit_record_get_int (find_record (store, TILLIT_TYPE_PROFILE_ENTRY, "competency",
                                                       tillit_record_get_uuid (dialogue)),
                                          "expected-level"), ==, 4);
  screenshot (fixture, "recruitment-profile");

  /* The advert check, in Swedish as the adverts are. */
  tillit_vacancy_view_show_page (TILLIT_VACANCY_VIEW (view), "advert");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view_child (fixture, "advert_view")));
  gtk_text_buffer_set_text (buffer,
                            "Enhetschef till hemtjänsten Norr\n\n"
                            "Vi söker en chef som leder genom DIALOG och samtal med medarbetare och brukare, "
                            "och som ger medarbetarna handlingsutrymme. Du ansvarar för enhetens budget.", -1);
  tillit_test_iterate ();
  g_assert_cmpuint (n_children (view_child (fixture, "covered_list")), ==, 3);
  g_assert_cmpuint (n_children (view_child (fixture, "missing_list")), ==, 1);
  wait_ms (800);
  g_assert_true (g_str_has_prefix (tillit_record_get_string (vacancy, "advert-text"), "Enhetschef till"));
  screenshot (fixture, "recruitment-advert");

  /* Candidates, rated by two panel members. */
  tillit_vacancy_view_show_page (TILLIT_VACANCY_VIEW (view), "candidates");
  type_and_apply (view_child (fixture, "candidate_row"), CANDIDATE_A);
  type_and_apply (view_child (fixture, "candidate_row"), CANDIDATE_B);
  type_and_apply (view_child (fixture, "candidate_row"), "   ");
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_CANDIDATE, "vacancy", tillit_record_get_uuid (vacancy)), ==, 2);
  candidate_a = find_record (store, TILLIT_TYPE_CANDIDATE, "name", CANDIDATE_A);
  candidate_b = find_record (store, TILLIT_TYPE_CANDIDATE, "name", CANDIDATE_B);

  rate (fixture, 0, RATER_A, levels_a_anna, NOTE_A);
  rate (fixture, 0, RATER_B, levels_a_bertil, NULL);
  rate (fixture, 1, RATER_A, levels_b_anna, NULL);
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_RATING, "candidate", tillit_record_get_uuid (candidate_a)), ==, 8);
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_RATING, "candidate", tillit_record_get_uuid (candidate_b)), ==, 4);
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_RATING, "rater", RATER_B), ==, 4);
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_RATING, "note", NOTE_A), ==, 1);
  {
    GListModel *ratings = tillit_store_list (store, TILLIT_TYPE_RATING);

    for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
      {
        g_autoptr(TillitRecord) rating = g_list_model_get_item (ratings, i);

        g_assert_true (tillit_record_get_boolean (rating, "submitted"));
      }
  }
  screenshot (fixture, "recruitment-ratings");

  /* The summary: Dialogue for candidate A is 4 and 3 from two raters. */
  tillit_vacancy_view_show_page (TILLIT_VACANCY_VIEW (view), "summary");
  tillit_test_iterate ();
  label_id = g_strdup_printf ("summary-%s-%s", tillit_record_get_uuid (candidate_a), tillit_record_get_uuid (dialogue));
  label = find_named (view, label_id);
  g_assert_nonnull (label);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "3.5");
  g_clear_pointer (&label_id, g_free);
  label_id = g_strdup_printf ("summary-%s-%s-detail", tillit_record_get_uuid (candidate_a),
                              tillit_record_get_uuid (dialogue));
  label = find_named (view, label_id);
  g_assert_nonnull (label);
  g_assert_true (g_str_has_prefix (gtk_label_get_text (GTK_LABEL (label)), "3–4 · 2 "));
  g_clear_pointer (&label_id, g_free);
  label_id = g_strdup_printf ("summary-total-%s", tillit_record_get_uuid (candidate_a));
  label = find_named (view, label_id);
  g_assert_nonnull (label);
  /* 5 × 3.5 + 5 × 3 + 5 × 0.5 + 5 × 2 = 45 against 5 × (4 + 3 + 3 + 3) = 65 */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "45.0 / 65.0");
  screenshot (fixture, "recruitment-summary");

  /* The scorecard as PDF, read back as text. */
  pdf = g_build_filename (fixture->tmpdir, "scorecard.pdf", NULL);
  g_assert_true (tillit_scorecard_export_pdf (store, candidate_a, pdf, &error));
  g_assert_no_error (error);
  pdftotext = g_find_program_in_path ("pdftotext");
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-enc", "UTF-8", pdf, "-", NULL };

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &pdf_text, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (pdf_text, CANDIDATE_A));
      g_assert_nonnull (strstr (pdf_text, RATER_B));
      g_assert_nonnull (strstr (pdf_text, "45.0"));
    }
  else
    g_test_message ("pdftotext not installed: the PDF's text is not checked");
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_unlink (pdf);

  /* Another vacancy, still open, whose candidate must survive. */
  g_assert_nonnull (tillit_store_create (store, TILLIT_TYPE_CANDIDATE, &error,
                                         "vacancy", tillit_record_get_uuid (tillit_store_create (store, TILLIT_TYPE_VACANCY, &error,
                                                                                               "title", "Enhetschef LSS",
                                                                                               "status", "interviewing", NULL)),
                                         "name", KEPT_CANDIDATE, NULL));
  g_assert_no_error (error);

  /* Before the vacancy is closed, nothing is due. */
  tillit_recruitment_page_set_retention_months (fixture->page, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "recruitment.delete-personal-data", NULL));
  close_dialog (find_dialog ());
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_CANDIDATE, NULL, NULL), ==, 3);

  tillit_vacancy_view_show_page (TILLIT_VACANCY_VIEW (view), "profile");
  adw_combo_row_set_selected (ADW_COMBO_ROW (view_child (fixture, "status_row")), 3);
  tillit_test_iterate ();
  g_assert_cmpstr (tillit_record_get_string (vacancy, "status"), ==, "filled");

  /* Within a year's retention the filled vacancy keeps its candidates. */
  tillit_recruitment_page_set_retention_months (fixture->page, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "recruitment.delete-personal-data", NULL));
  close_dialog (find_dialog ());
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_CANDIDATE, NULL, NULL), ==, 3);

  /* With none, they go: asked first, then reported. */
  tillit_recruitment_page_set_retention_months (fixture->page, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "recruitment.delete-personal-data", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "2"));
  tillit_test_wait_for_frame (GTK_WIDGET (dialog));
  {
    g_autofree char *png = tillit_test_screenshot (GTK_WIDGET (dialog), "recruitment-delete-confirm");

    g_test_message ("screenshot: %s", png);
  }
  adw_message_dialog_response (dialog, "delete");
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = find_dialog ();
  g_test_message ("report: %s", adw_message_dialog_get_body (dialog));
  if (g_strcmp0 (tillit_test_language (), "en") == 0)
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                     "Deleted 2 candidates and 12 ratings of 1 closed vacancy.");
  close_dialog (dialog);

  g_assert_cmpuint (count_where (store, TILLIT_TYPE_CANDIDATE, NULL, NULL), ==, 1);
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_CANDIDATE, "name", KEPT_CANDIDATE), ==, 1);
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_RATING, NULL, NULL), ==, 0);
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_VACANCY, NULL, NULL), ==, 2);
  g_assert_cmpuint (count_where (store, TILLIT_TYPE_PROFILE_ENTRY, NULL, NULL), ==, 4);
  g_assert_false (tillit_store_get_can_undo (store));
  tillit_test_iterate ();
  g_assert_cmpuint (n_children (view_child (fixture, "candidate_list")), ==, 0);

  /* Nothing of them is left in the file or its write-ahead log. */
  assert_file_clean (fixture->database, CANDIDATE_A);
  assert_file_clean (fixture->database, CANDIDATE_B);
  assert_file_clean (fixture->database, RATER_A);
  assert_file_clean (fixture->database, RATER_B);
  assert_file_clean (fixture->database, NOTE_A);
  g_assert_true (file_contains (fixture->database, "Enhetschef hemtjänst Norr") ||
                 file_contains (fixture->database, "Enhetschef hemtj"));
  screenshot (fixture, "recruitment-after-deletion");
}

static void
test_delete_vacancy (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "recruitment.new-vacancy", NULL));
  tillit_test_iterate ();
  type_and_apply (view_child (fixture, "candidate_row"), CANDIDATE_A);
  g_assert_cmpuint (count_where (fixture->store, TILLIT_TYPE_CANDIDATE, NULL, NULL), ==, 1);

  view = tillit_recruitment_page_get_vacancy_view (fixture->page);
  g_assert_true (gtk_widget_activate_action (view, "vacancy.delete", NULL));
  tillit_test_iterate ();
  g_assert_cmpuint (count_where (fixture->store, TILLIT_TYPE_VACANCY, NULL, NULL), ==, 0);
  g_assert_cmpuint (count_where (fixture->store, TILLIT_TYPE_CANDIDATE, NULL, NULL), ==, 0);
  g_assert_null (tillit_recruitment_page_get_vacancy_view (fixture->page));

  /* The toast's Undo is the store's undo: the vacancy comes back whole. */
  g_assert_true (tillit_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  tillit_test_iterate ();
  g_assert_cmpuint (count_where (fixture->store, TILLIT_TYPE_VACANCY, NULL, NULL), ==, 1);
  g_assert_cmpuint (count_where (fixture->store, TILLIT_TYPE_CANDIDATE, NULL, NULL), ==, 1);
  g_assert_nonnull (tillit_recruitment_page_get_vacancy_view (fixture->page));
  g_assert_cmpuint (n_children (view_child (fixture, "candidate_list")), ==, 1);
}

static void
test_library (Fixture       *fixture,
              gconstpointer  data)
{
  TillitRecord *dialogue = find_record (fixture->store, TILLIT_TYPE_COMPETENCY, "name-en", "Dialogue");
  GtkWidget *library = NULL;
  GtkWidget *entry;
  GList *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->page), "recruitment.show-library", NULL));
  tillit_test_iterate ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_PREFERENCES_WINDOW (l->data))
      library = l->data;
  g_list_free (toplevels);
  g_assert_nonnull (library);
  tillit_test_wait_for_frame (library);

  /* The first competency's English keywords: the fifth entry row. */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (tillit_test_find_widget (library, ADW_TYPE_EXPANDER_ROW, 0)), TRUE);
  entry = tillit_test_find_widget (library, ADW_TYPE_ENTRY_ROW, 4);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "dialogue, listening, conversation");
  type_and_apply (entry, "dialogue, listening, conversation, reflect*");
  g_assert_cmpstr (tillit_record_get_string (dialogue, "keywords-en"), ==,
                   "dialogue, listening, conversation, reflect*");
  /* Linking a principle, or unlinking it, through its check. */
  {
    GtkWidget *check = tillit_test_find_widget (library, GTK_TYPE_CHECK_BUTTON, 0);
    guint linked = g_strv_length ((char **) tillit_record_get_strv (dialogue, "principles"));
    gboolean was = gtk_check_button_get_active (GTK_CHECK_BUTTON (check));

    g_assert_nonnull (check);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (check), !was);
    tillit_test_iterate ();
    g_assert_cmpuint (g_strv_length ((char **) tillit_record_get_strv (dialogue, "principles")), ==,
                      was ? linked - 1 : linked + 1);
  }
  {
    g_autofree char *png = tillit_test_screenshot (library, "recruitment-library");

    g_test_message ("screenshot: %s", png);
  }

}

int
main (int   argc,
      char *argv[])
{
  tillit_test_ui_init (&argc, &argv);
  /* The tool icons, found as the application finds them. */
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    RESOURCE_PREFIX "/icons");

  g_test_add ("/recruitment/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/recruitment/flow", Fixture, NULL, fixture_set_up, test_flow, fixture_tear_down);
  g_test_add ("/recruitment/delete-vacancy", Fixture, NULL, fixture_set_up, test_delete_vacancy, fixture_tear_down);
  g_test_add ("/recruitment/library", Fixture, NULL, fixture_set_up, test_library, fixture_tear_down);

  return g_test_run ();
}
