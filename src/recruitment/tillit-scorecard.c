/* tillit-scorecard.c: a candidate's scorecard on paper or as PDF
 *
 * The scorecard is built as Pango markup paragraphs once and laid out on
 * as many pages as it needs; printing and exporting share it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-rating.h"
#include "tillit-recruitment-data.h"
#include "tillit-recruitment-text.h"
#include "tillit-scorecard.h"

typedef struct
{
  GPtrArray *paragraphs;
  GPtrArray *layouts;
  GArray *pages;
} Scorecard;

static void
scorecard_free (Scorecard *card)
{
  g_clear_pointer (&card->paragraphs, g_ptr_array_unref);
  g_clear_pointer (&card->layouts, g_ptr_array_unref);
  g_clear_pointer (&card->pages, g_array_unref);
  g_free (card);
}

static void
add (GPtrArray  *paragraphs,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
add (GPtrArray  *paragraphs,
     const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (paragraphs, g_markup_vprintf_escaped (format, args));
  va_end (args);
}

static GPtrArray *
build_paragraphs (TillitStore  *store,
                  TillitRecord *candidate)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  const char *vacancy_uuid = tillit_record_get_string (candidate, "vacancy");
  TillitRecord *vacancy = vacancy_uuid != NULL ? tillit_store_lookup (store, vacancy_uuid) : NULL;
  g_autoptr(GPtrArray) entries = tillit_recruitment_profile_entries (store, vacancy_uuid ? vacancy_uuid : "");
  g_autofree TillitScoringScore *scores = g_new0 (TillitScoringScore, MAX (entries->len, 1));
  GListModel *ratings = tillit_store_list (store, TILLIT_TYPE_RATING);
  TillitScoringTotal total;
  g_autofree char *fit = NULL;

  tillit_recruitment_score_candidate (store, entries, tillit_record_get_uuid (candidate), scores, &total);

  add (paragraphs, "<span size='x-large' weight='bold'>%s</span>", _("Scorecard"));
  add (paragraphs, "<span size='large' weight='bold'>%s</span>", tillit_record_get_string (candidate, "name"));
  if (vacancy != NULL)
    add (paragraphs, "%s: %s", _("Vacancy"), tillit_record_get_string (vacancy, "title"));
  add (paragraphs, "<i>%s</i>", _("Personal data. Submitted ratings only; 0 means no evidence."));

  for (guint i = 0; i < entries->len; i++)
    {
      TillitRecord *entry = g_ptr_array_index (entries, i);
      const char *competency_uuid = tillit_record_get_string (entry, "competency");
      TillitRecord *competency = tillit_store_lookup (store, competency_uuid);
      g_autofree char *score = NULL;

      if (scores[i].n_raters == 0)
        score = g_strdup (_("Not rated"));
      else
        score = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%.1f (%d–%d, %u rater)", "%.1f (%d–%d, %u raters)",
                                              scores[i].n_raters),
                                 scores[i].mean, scores[i].min, scores[i].max, scores[i].n_raters);

      add (paragraphs, "\n<b>%s</b>", competency != NULL ? tillit_recruitment_competency_name (competency) : "");
      /* Translators: a scorecard line: weight, expected level and the panel's score. */
      add (paragraphs, _("Weight %d · Expected %s · Panel %s"), tillit_record_get_int (entry, "weight"),
           tillit_recruitment_level_label (tillit_record_get_int (entry, "expected-level")), score);

      for (guint r = 0; r < g_list_model_get_n_items (ratings); r++)
        {
          g_autoptr(TillitRecord) rating = g_list_model_get_item (ratings, r);
          const char *note = tillit_record_get_string (rating, "note");

          if (!tillit_record_get_boolean (rating, "submitted") ||
              g_strcmp0 (tillit_record_get_string (rating, "candidate"), tillit_record_get_uuid (candidate)) != 0 ||
              g_strcmp0 (tillit_record_get_string (rating, "competency"), competency_uuid) != 0)
            continue;

          add (paragraphs, "    %s: %s%s%s", tillit_record_get_string (rating, "rater"),
               tillit_recruitment_level_label (tillit_record_get_int (rating, "level")),
               note != NULL ? " — " : "", note != NULL ? note : "");
        }
    }

  /* Translators: a weighted total against the profile: "23.5 of 28.0 expected (84 %)". */
  fit = g_strdup_printf (_("%.1f of %.1f expected (%.0f %%)"), total.weighted, total.expected,
                         100.0 * tillit_scoring_total_fit (&total));
  add (paragraphs, "\n<b>%s</b>: %s", _("Weighted total"), fit);

  return paragraphs;
}

/**
 * tillit_scorecard_text:
 *
 * Returns: (transfer full): the scorecard as plain text, as printed
 */
char *
tillit_scorecard_text (TillitStore  *store,
                       TillitRecord *candidate)
{
  g_autoptr(GPtrArray) paragraphs = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_RECORD (candidate), NULL);

  paragraphs = build_paragraphs (store, candidate);
  for (guint i = 0; i < paragraphs->len; i++)
    {
      g_autofree char *plain = NULL;

      pango_parse_markup (g_ptr_array_index (paragraphs, i), -1, 0, NULL, &plain, NULL, NULL);
      g_string_append (text, plain != NULL ? plain : "");
      g_string_append_c (text, '\n');
    }

  return g_string_free (text, FALSE);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Scorecard         *card)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double used = 0;
  int page = 0;

  g_ptr_array_set_size (card->layouts, 0);
  g_array_set_size (card->pages, 0);

  for (guint i = 0; i < card->paragraphs->len; i++)
    {
      PangoLayout *layout = gtk_print_context_create_pango_layout (context);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans 10");
      int layout_height;

      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_markup (layout, g_ptr_array_index (card->paragraphs, i), -1);
      pango_layout_get_size (layout, NULL, &layout_height);

      if (used > 0 && used + (double) layout_height / PANGO_SCALE > height)
        {
          page++;
          used = 0;
        }
      used += (double) layout_height / PANGO_SCALE + 4;
      g_ptr_array_add (card->layouts, layout);
      g_array_append_val (card->pages, page);
    }

  gtk_print_operation_set_n_pages (operation, page + 1);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              Scorecard         *card)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < card->layouts->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (card->layouts, i);
      int height;

      if (g_array_index (card->pages, int, i) != page)
        continue;

      cairo_move_to (cr, 0, y);
      pango_cairo_show_layout (cr, layout);
      pango_layout_get_size (layout, NULL, &height);
      y += (double) height / PANGO_SCALE + 4;
    }
}

static GtkPrintOperation *
scorecard_operation (TillitStore  *store,
                     TillitRecord *candidate)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  Scorecard *card = g_new0 (Scorecard, 1);
  g_autofree char *job = g_strdup_printf (_("Scorecard %s"), tillit_record_get_string (candidate, "name"));

  card->paragraphs = build_paragraphs (store, candidate);
  card->layouts = g_ptr_array_new_with_free_func (g_object_unref);
  card->pages = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "tillit-scorecard", card, (GDestroyNotify) scorecard_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), card);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), card);

  return operation;
}

static gboolean
run (GtkPrintOperation        *operation,
     GtkPrintOperationAction   action,
     GtkWindow                *parent,
     GError                  **error)
{
  GtkPrintOperationResult result = gtk_print_operation_run (operation, action, parent, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * tillit_scorecard_print:
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Shows the print dialog, which can also save a PDF.
 */
gboolean
tillit_scorecard_print (TillitStore   *store,
                        TillitRecord  *candidate,
                        GtkWindow     *parent,
                        GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (TILLIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (candidate), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = scorecard_operation (store, candidate);
  return run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, error);
}

/**
 * tillit_scorecard_export_pdf:
 * @path: the PDF file to write
 */
gboolean
tillit_scorecard_export_pdf (TillitStore   *store,
                             TillitRecord  *candidate,
                             const char    *path,
                             GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (TILLIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (TILLIT_IS_RECORD (candidate), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = scorecard_operation (store, candidate);
  gtk_print_operation_set_export_filename (operation, path);
  return run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);
}
