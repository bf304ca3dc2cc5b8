/* tillit-agenda-print.c: a manager day's agenda on A4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-agenda-day.h"
#include "tillit-agenda-print.h"
#include "tillit-agenda-timing.h"

#define TIME_COLUMN 64.0
#define DURATION_COLUMN 70.0
#define ITEM_GAP 8.0
#define FONT "Sans 10"
#define TITLE_FONT "Sans Bold 16"

typedef struct
{
  TillitStore *store;
  TillitRecord *day;
  TillitAgendaDayTiming *timing;
  GPtrArray *page_starts;
} PrintJob;

static void
print_job_free (gpointer data)
{
  PrintJob *job = data;

  g_clear_object (&job->store);
  g_clear_object (&job->day);
  g_clear_pointer (&job->timing, tillit_agenda_day_timing_free);
  g_clear_pointer (&job->page_starts, g_ptr_array_unref);
  g_free (job);
}

static PangoLayout *
make_layout (GtkPrintContext *context,
             const char      *font,
             const char      *text,
             double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

static char *
header_text (PrintJob *job)
{
  const char *date = tillit_record_get_string (job->day, "date");
  const char *theme = tillit_record_get_string (job->day, "theme");
  const char *venue = tillit_record_get_string (job->day, "venue");
  g_autofree char *start = tillit_agenda_time_format (job->timing->start);
  g_autofree char *end = tillit_agenda_time_format (job->timing->end);
  GString *text = g_string_new (NULL);

  if (date != NULL)
    g_string_append_printf (text, "%s  ", date);
  /* Translators: the span of a manager day, e.g. "09:00–16:00" */
  g_string_append_printf (text, _("%s–%s"), start, end);
  if (venue != NULL && *venue != '\0')
    g_string_append_printf (text, "  ·  %s", venue);
  if (theme != NULL && *theme != '\0')
    g_string_append_printf (text, "\n%s", theme);

  return g_string_free (text, FALSE);
}

static char *
item_detail (PrintJob     *job,
             TillitRecord *item)
{
  const char *format = tillit_record_get_string (item, "format");
  const char *facilitators = tillit_record_get_string (item, "facilitators");
  TillitRecord *record = format != NULL ? tillit_store_lookup (job->store, format) : NULL;
  GString *text = g_string_new (tillit_agenda_format_name (record));

  if (facilitators != NULL && *facilitators != '\0')
    g_string_append_printf (text, "  ·  %s", facilitators);

  return g_string_free (text, FALSE);
}

static double
item_height (GtkPrintContext *context,
             PrintJob        *job,
             TillitRecord    *item,
             double           width)
{
  const char *title = tillit_record_get_string (item, "title");
  g_autofree char *detail = item_detail (job, item);
  g_autoptr(PangoLayout) title_layout = make_layout (context, "Sans Bold 11", title != NULL ? title : "", width);
  g_autoptr(PangoLayout) detail_layout = make_layout (context, FONT, detail, width);

  return layout_height (title_layout) + layout_height (detail_layout) + ITEM_GAP;
}

static double
header_height (GtkPrintContext *context,
               PrintJob        *job,
               double           width)
{
  const char *title = tillit_record_get_string (job->day, "title");
  g_autofree char *header = header_text (job);
  g_autoptr(PangoLayout) title_layout = make_layout (context, TITLE_FONT, title != NULL ? title : _("Manager day"), width);
  g_autoptr(PangoLayout) header_layout = make_layout (context, FONT, header, width);

  return layout_height (title_layout) + layout_height (header_layout) + 3 * ITEM_GAP;
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double text_width = width - TIME_COLUMN - DURATION_COLUMN;
  double y = header_height (context, job, width);

  g_ptr_array_set_size (job->page_starts, 0);
  g_ptr_array_add (job->page_starts, GUINT_TO_POINTER (0));

  for (guint i = 0; i < job->timing->items->len; i++)
    {
      double h = item_height (context, job, g_ptr_array_index (job->timing->items, i), text_width);

      if (y + h > height && y > 0)
        {
          g_ptr_array_add (job->page_starts, GUINT_TO_POINTER (i));
          y = 0;
        }
      y += h;
    }

  gtk_print_operation_set_n_pages (operation, job->page_starts->len);
}

static void
show_layout (cairo_t     *cr,
             PangoLayout *layout,
             double       x,
             double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double text_width = width - TIME_COLUMN - DURATION_COLUMN;
  guint first = GPOINTER_TO_UINT (g_ptr_array_index (job->page_starts, page));
  guint last = (guint) page + 1 < job->page_starts->len
               ? GPOINTER_TO_UINT (g_ptr_array_index (job->page_starts, page + 1))
               : job->timing->items->len;
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);

  if (page == 0)
    {
      const char *title = tillit_record_get_string (job->day, "title");
      g_autofree char *header = header_text (job);
      g_autoptr(PangoLayout) title_layout = make_layout (context, TITLE_FONT, title != NULL ? title : _("Manager day"), width);
      g_autoptr(PangoLayout) header_layout = make_layout (context, FONT, header, width);

      show_layout (cr, title_layout, 0, y);
      y += layout_height (title_layout) + ITEM_GAP / 2;
      show_layout (cr, header_layout, 0, y);
      y += layout_height (header_layout) + 2.5 * ITEM_GAP;
    }

  for (guint i = first; i < last; i++)
    {
      TillitRecord *item = g_ptr_array_index (job->timing->items, i);
      const char *title = tillit_record_get_string (item, "title");
      g_autofree char *start = tillit_agenda_time_format (job->timing->starts[i]);
      /* Translators: a duration in minutes on the printed agenda */
      g_autofree char *minutes = g_strdup_printf (_("%d min"), tillit_record_get_int (item, "duration"));
      g_autofree char *detail = item_detail (job, item);
      g_autoptr(PangoLayout) time_layout = make_layout (context, "Sans Bold 11", start, TIME_COLUMN);
      g_autoptr(PangoLayout) title_layout = make_layout (context, "Sans Bold 11", title != NULL ? title : "", text_width);
      g_autoptr(PangoLayout) detail_layout = make_layout (context, FONT, detail, text_width);
      g_autoptr(PangoLayout) minutes_layout = make_layout (context, FONT, minutes, DURATION_COLUMN);

      pango_layout_set_alignment (minutes_layout, PANGO_ALIGN_RIGHT);
      show_layout (cr, time_layout, 0, y);
      show_layout (cr, title_layout, TIME_COLUMN, y);
      show_layout (cr, minutes_layout, width - DURATION_COLUMN, y);
      y += layout_height (title_layout);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      show_layout (cr, detail_layout, TIME_COLUMN, y);
      cairo_set_source_rgb (cr, 0, 0, 0);
      y += layout_height (detail_layout) + ITEM_GAP;
    }
}

/**
 * tillit_agenda_print_operation_new:
 * @store: the store
 * @day: a #TillitManagerDay
 *
 * The day's agenda on A4 in the user interface's language: its title,
 * date, span and theme, then each item's start, title, minutes, format
 * and facilitators. Run it with the print dialog, or export it to PDF
 * with an export filename.
 *
 * Returns: (transfer full): the print operation
 */
GtkPrintOperation *
tillit_agenda_print_operation_new (TillitStore  *store,
                                   TillitRecord *day)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob *job;
  const char *title;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_RECORD (day), NULL);

  job = g_new0 (PrintJob, 1);
  job->store = g_object_ref (store);
  job->day = g_object_ref (day);
  job->timing = tillit_agenda_day_timing (store, day);
  job->page_starts = g_ptr_array_new ();

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);

  operation = gtk_print_operation_new ();
  title = tillit_record_get_string (day, "title");
  gtk_print_operation_set_job_name (operation, title != NULL ? title : _("Manager day"));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "tillit-agenda-print-job", job, print_job_free);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), job);

  return operation;
}

/**
 * tillit_agenda_print_export_pdf:
 * @store: the store
 * @day: a #TillitManagerDay
 * @path: the PDF file to write
 * @error: return location for an error
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
tillit_agenda_print_export_pdf (TillitStore   *store,
                                TillitRecord  *day,
                                const char    *path,
                                GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  operation = tillit_agenda_print_operation_new (store, day);
  g_return_val_if_fail (operation != NULL, FALSE);

  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
