/* tillit-matrix-report.c: the matrix on paper: grid, legend, then each cell
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-assessment.h"
#include "model/tillit-cell.h"
#include "model/tillit-evidence.h"
#include "model/tillit-strategy.h"
#include "tillit-matrix-logic.h"
#include "tillit-matrix-report.h"

/* The whole report is laid out once, when printing begins: every piece
 * of text is a PangoLayout wrapped to its width (so no name is ever cut
 * off) and placed on a page; drawing a page then only paints. */

typedef struct
{
  PangoLayout *layout;
  double x, y, width, height;
  gboolean frame;
} Item;

typedef struct
{
  TillitMatrixPage *page;
  GPtrArray *pages;
  double width;
  double height;
  double y;
} Report;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_object (&item->layout);
  g_free (item);
}

static GPtrArray *
current_page (Report *report)
{
  return g_ptr_array_index (report->pages, report->pages->len - 1);
}

static void
new_page (Report *report)
{
  g_ptr_array_add (report->pages, g_ptr_array_new_with_free_func (item_free));
  report->y = 0;
}

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *text,
             const char      *font,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

static void
place (GPtrArray   *page,
       PangoLayout *layout,
       double       x,
       double       y,
       double       width,
       double       height,
       gboolean     frame)
{
  Item *item = g_new0 (Item, 1);

  item->layout = layout;
  item->x = x;
  item->y = y;
  item->width = width;
  item->height = height;
  item->frame = frame;
  g_ptr_array_add (page, item);
}

/* A paragraph across the page, on a new page when it does not fit. */
static void
paragraph (Report          *report,
           GtkPrintContext *context,
           const char      *text,
           const char      *font,
           double           indent,
           double           space_after)
{
  PangoLayout *layout = make_layout (context, text, font, report->width - indent);
  double height = layout_height (layout);

  if (report->y > 0 && report->y + height > report->height)
    new_page (report);

  place (current_page (report), layout, indent, report->y, report->width - indent, height, FALSE);
  report->y += height + space_after;
}

static char *
ratings_text (TillitRecord *assessment)
{
  int discourse, practice;

  if (assessment == NULL)
    return g_strdup (_("Not assessed"));

  discourse = tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "discourse"));
  practice = tillit_matrix_rating_from_nick (tillit_record_get_string (assessment, "practice"));

  return g_strdup_printf (_("Say: %s · Do: %s"),
                          tillit_matrix_rating_label (MAX (discourse, 0)),
                          tillit_matrix_rating_label (MAX (practice, 0)));
}

static GPtrArray *
records_of_cell (TillitStore  *store,
                 GType         type,
                 TillitRecord *cell)
{
  GPtrArray *records = g_ptr_array_new ();
  GListModel *model = tillit_store_list (store, type);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; cell != NULL && i < n; i++)
    {
      g_autoptr(TillitRecord) record = g_list_model_get_item (model, i);

      if (g_strcmp0 (tillit_record_get_string (record, "cell"), tillit_record_get_uuid (cell)) == 0)
        g_ptr_array_add (records, record);
    }

  return records;
}

static TillitRecord *
find_cell (TillitStore  *store,
           TillitRecord *principle,
           TillitRecord *level)
{
  return tillit_matrix_find_cell (tillit_store_list (store, TILLIT_TYPE_CELL),
                                  tillit_record_get_uuid (principle), tillit_record_get_uuid (level));
}

static char *
cell_summary (TillitStore  *store,
              TillitRecord *cell,
              GHashTable   *latest)
{
  g_autoptr(GPtrArray) strategies = records_of_cell (store, TILLIT_TYPE_STRATEGY, cell);
  g_autoptr(GPtrArray) evidence = records_of_cell (store, TILLIT_TYPE_EVIDENCE, cell);
  g_autofree char *ratings = ratings_text (cell != NULL ? g_hash_table_lookup (latest, tillit_record_get_uuid (cell)) : NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < strategies->len; i++)
    g_string_append_printf (text, "• %s\n", tillit_record_get_string (g_ptr_array_index (strategies, i), "text"));
  g_string_append (text, ratings);
  if (evidence->len > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, ngettext ("%u piece of evidence", "%u pieces of evidence", evidence->len),
                              evidence->len);
    }

  return g_string_free (text, FALSE);
}

static void
lay_out_grid (Report          *report,
              GtkPrintContext *context,
              GPtrArray       *principles,
              GPtrArray       *levels,
              GHashTable      *latest)
{
  TillitStore *store = tillit_matrix_page_get_store (report->page);
  double first = MIN (report->width * 0.18, 150);
  double column = levels->len > 0 ? (report->width - first) / levels->len : 0;
  const double pad = 4;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_object_unref);
  double header_height = 0;

  for (guint c = 0; c < levels->len; c++)
    {
      PangoLayout *layout = make_layout (context, tillit_matrix_record_name (g_ptr_array_index (levels, c)),
                                         "Sans Bold 9", column - 2 * pad);

      header_height = MAX (header_height, layout_height (layout) + 2 * pad);
      g_ptr_array_add (header, layout);
    }

  for (guint r = 0; r <= principles->len; r++)
    {
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_object_unref);
      double height = header_height;
      TillitRecord *principle = r > 0 ? g_ptr_array_index (principles, r - 1) : NULL;

      if (principle != NULL)
        {
          PangoLayout *name = make_layout (context, tillit_matrix_record_name (principle), "Sans Bold 9", first - 2 * pad);

          height = layout_height (name) + 2 * pad;
          g_ptr_array_add (row, name);
          for (guint c = 0; c < levels->len; c++)
            {
              TillitRecord *cell = find_cell (store, principle, g_ptr_array_index (levels, c));
              g_autofree char *text = cell_summary (store, cell, latest);
              PangoLayout *layout = make_layout (context, text, "Sans 8", column - 2 * pad);

              height = MAX (height, layout_height (layout) + 2 * pad);
              g_ptr_array_add (row, layout);
            }
        }
      else
        {
          g_ptr_array_add (row, make_layout (context, "", "Sans 9", first - 2 * pad));
          for (guint c = 0; c < header->len; c++)
            g_ptr_array_add (row, g_object_ref (g_ptr_array_index (header, c)));
        }

      if (report->y > 0 && report->y + height > report->height)
        {
          new_page (report);
          /* Each page of the grid repeats the level names. */
          place (current_page (report), make_layout (context, "", "Sans 9", first - 2 * pad),
                 0, 0, first, header_height, TRUE);
          for (guint c = 0; c < header->len; c++)
            place (current_page (report), g_object_ref (g_ptr_array_index (header, c)),
                   first + c * column, 0, column, header_height, TRUE);
          report->y = header_height;
        }

      for (guint c = 0; c < row->len; c++)
        place (current_page (report), g_object_ref (g_ptr_array_index (row, c)),
               c == 0 ? 0 : first + (c - 1) * column, report->y,
               c == 0 ? first : column, height, TRUE);
      report->y += height;
    }

  report->y += 12;
}

static int
compare_oldest_first (gconstpointer a,
                      gconstpointer b)
{
  TillitRecord *ra = *(TillitRecord * const *) a;
  TillitRecord *rb = *(TillitRecord * const *) b;

  if (tillit_matrix_assessment_newer (ra, rb))
    return 1;
  if (tillit_matrix_assessment_newer (rb, ra))
    return -1;
  return 0;
}

static void
lay_out_cells (Report          *report,
               GtkPrintContext *context,
               GPtrArray       *principles,
               GPtrArray       *levels)
{
  TillitStore *store = tillit_matrix_page_get_store (report->page);

  new_page (report);
  paragraph (report, context, _("Cells"), "Sans Bold 14", 0, 8);

  for (guint r = 0; r < principles->len; r++)
    for (guint c = 0; c < levels->len; c++)
      {
        TillitRecord *principle = g_ptr_array_index (principles, r);
        TillitRecord *level = g_ptr_array_index (levels, c);
        TillitRecord *cell = find_cell (store, principle, level);
        g_autoptr(GPtrArray) strategies = records_of_cell (store, TILLIT_TYPE_STRATEGY, cell);
        g_autoptr(GPtrArray) evidence = records_of_cell (store, TILLIT_TYPE_EVIDENCE, cell);
        g_autoptr(GPtrArray) history = records_of_cell (store, TILLIT_TYPE_ASSESSMENT, cell);
        g_autofree char *title = NULL;

        if (strategies->len == 0 && evidence->len == 0 && history->len == 0)
          continue;

        title = g_strdup_printf ("%s — %s", tillit_matrix_record_name (principle),
                                 tillit_matrix_record_name (level));
        paragraph (report, context, title, "Sans Bold 11", 0, 4);

        if (strategies->len > 0)
          paragraph (report, context, _("Strategies"), "Sans Bold 9", 12, 2);
        for (guint i = 0; i < strategies->len; i++)
          {
            g_autofree char *line = g_strdup_printf ("%u. %s", i + 1,
                                                     tillit_record_get_string (g_ptr_array_index (strategies, i), "text"));
            paragraph (report, context, line, "Sans 9", 24, 2);
          }

        /* Oldest first, so that the page reads as a history. */
        g_ptr_array_sort (history, compare_oldest_first);
        if (history->len > 0)
          paragraph (report, context, _("Assessments"), "Sans Bold 9", 12, 2);
        for (guint i = 0; i < history->len; i++)
          {
            TillitRecord *assessment = g_ptr_array_index (history, i);
            g_autofree char *ratings = NULL;
            g_autofree char *line = NULL;
            const char *comment;

            ratings = ratings_text (assessment);
            comment = tillit_record_get_string (assessment, "comment");
            line = g_strdup_printf ("%s %s: %s%s%s",
                                    tillit_record_get_string (assessment, "period") ? tillit_record_get_string (assessment, "period") : "",
                                    tillit_record_get_string (assessment, "date") ? tillit_record_get_string (assessment, "date") : "",
                                    ratings,
                                    comment != NULL && *comment != '\0' ? ". " : "",
                                    comment != NULL ? comment : "");
            paragraph (report, context, line, "Sans 9", 24, 2);
          }

        if (evidence->len > 0)
          paragraph (report, context, _("Evidence"), "Sans Bold 9", 12, 2);
        for (guint i = 0; i < evidence->len; i++)
          {
            const char *note = tillit_record_get_string (g_ptr_array_index (evidence, i), "note");
            g_autofree char *line = g_strdup_printf ("• %s", note != NULL ? note : "");

            paragraph (report, context, line, "Sans 9", 24, 2);
          }

        report->y += 8;
      }
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Report            *report)
{
  TillitStore *store = tillit_matrix_page_get_store (report->page);
  TillitRecord *framework = tillit_matrix_page_get_framework (report->page);
  const char *period = tillit_matrix_page_get_period (report->page);
  g_autoptr(GPtrArray) principles = tillit_matrix_page_list_principles (report->page, FALSE);
  g_autoptr(GPtrArray) levels = tillit_matrix_page_list_levels (report->page, FALSE);
  g_autoptr(GHashTable) latest = tillit_matrix_latest_by_cell (tillit_store_list (store, TILLIT_TYPE_ASSESSMENT), period);
  g_autoptr(GString) legend = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  report->width = gtk_print_context_get_width (context);
  report->height = gtk_print_context_get_height (context);
  new_page (report);

  title = g_strdup_printf (_("Principles Matrix: %s"),
                           framework != NULL ? tillit_record_get_string (framework, "name") : "");
  paragraph (report, context, title, "Sans Bold 16", 0, 2);
  subtitle = g_strdup_printf (_("Assessments as of %s"), period != NULL ? period : "");
  paragraph (report, context, subtitle, "Sans 10", 0, 4);

  g_string_append (legend, _("Say: what is said (discourse)"));
  g_string_append (legend, " · ");
  g_string_append (legend, _("Do: what is done (practice)"));
  g_string_append (legend, ".  ");
  for (int i = 0; i < TILLIT_MATRIX_N_RATINGS; i++)
    g_string_append_printf (legend, "%s%d %s", i > 0 ? " · " : "", i, tillit_matrix_rating_label (i));
  paragraph (report, context, legend->str, "Sans 8", 0, 8);

  lay_out_grid (report, context, principles, levels, latest);
  lay_out_cells (report, context, principles, levels);

  gtk_print_operation_set_n_pages (operation, report->pages->len);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Report            *report)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  GPtrArray *page = g_ptr_array_index (report->pages, page_nr);

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);

  for (guint i = 0; i < page->len; i++)
    {
      Item *item = g_ptr_array_index (page, i);

      if (item->frame)
        {
          cairo_rectangle (cr, item->x, item->y, item->width, item->height);
          cairo_stroke (cr);
          cairo_move_to (cr, item->x + 4, item->y + 4);
        }
      else
        cairo_move_to (cr, item->x, item->y);

      pango_cairo_show_layout (cr, item->layout);
    }
}

/**
 * tillit_matrix_report_run:
 * @page: the matrix whose framework, period and cells are reported
 * @action: print with a dialog, or export to @export_path
 * @export_path: (nullable): the PDF file for %GTK_PRINT_OPERATION_ACTION_EXPORT
 *
 * Prints the matrix on A4 landscape: the grid with its legend, then each
 * filled cell's strategies, ratings, comments and evidence.
 */
gboolean
tillit_matrix_report_run (TillitMatrixPage         *page,
                          GtkPrintOperationAction   action,
                          const char               *export_path,
                          GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  Report report = { page, NULL, 0, 0, 0 };
  GtkPrintOperationResult result;
  GtkRoot *root;

  g_return_val_if_fail (TILLIT_IS_MATRIX_PAGE (page), FALSE);
  g_return_val_if_fail (action != GTK_PRINT_OPERATION_ACTION_EXPORT || export_path != NULL, FALSE);

  if (tillit_matrix_page_get_store (page) == NULL)
    return TRUE;

  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_page_setup_set_top_margin (setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_bottom_margin (setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_left_margin (setup, 12, GTK_UNIT_MM);
  gtk_page_setup_set_right_margin (setup, 12, GTK_UNIT_MM);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, _("Principles Matrix"));
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);

  report.pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), &report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), &report);

  root = gtk_widget_get_root (GTK_WIDGET (page));
  result = gtk_print_operation_run (operation, action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, error);
  g_ptr_array_unref (report.pages);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
