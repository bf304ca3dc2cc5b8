/* tillit-agenda-chart.c: the dialogue share of each manager day, across years
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include "tillit-agenda-chart.h"

#define CHART_HEIGHT 180
#define BAR_WIDTH 28
#define BAR_GAP 12
#define YEAR_GAP 28
#define AXIS_WIDTH 44
#define TOP_ROOM 20
#define BOTTOM_ROOM 40

typedef struct
{
  int year;
  int month;
  int day;
  double share;
} Point;

struct _TillitAgendaChart
{
  GtkWidget parent_instance;

  GArray *points;
};

G_DEFINE_FINAL_TYPE (TillitAgendaChart, tillit_agenda_chart, GTK_TYPE_WIDGET)

static int
content_width (TillitAgendaChart *self)
{
  int width = AXIS_WIDTH;

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);

      if (i > 0 && g_array_index (self->points, Point, i - 1).year != p->year)
        width += YEAR_GAP;
      width += BAR_WIDTH + BAR_GAP;
    }

  return width;
}

static void
tillit_agenda_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = AXIS_WIDTH + BAR_WIDTH + BAR_GAP;
      *natural = MAX (*minimum, content_width (TILLIT_AGENDA_CHART (widget)));
    }
  else
    *minimum = *natural = CHART_HEIGHT;
}

static void
draw_text (GtkWidget   *widget,
           GtkSnapshot *snapshot,
           const char  *text,
           float        x,
           float        y,
           gboolean     centred,
           GdkRGBA     *colour)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (centred ? x - width / 2.f : x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
tillit_agenda_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  TillitAgendaChart *self = TILLIT_AGENDA_CHART (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  int height = gtk_widget_get_height (widget);
  int width = gtk_widget_get_width (widget);
  float plot = height - TOP_ROOM - BOTTOM_ROOM;
  float x = AXIS_WIDTH;
  GdkRGBA text, grid, bar;
  int year_start = AXIS_WIDTH;

  gtk_style_context_get_color (context, &text);
  grid = text;
  grid.alpha *= 0.2f;
  /* The accent follows the user's theme and high contrast. */
  if (!gtk_style_context_lookup_color (context, "accent_color", &bar))
    bar = text;

  for (int percent = 0; percent <= 100; percent += 50)
    {
      g_autofree char *label = g_strdup_printf ("%d %%", percent);
      float y = TOP_ROOM + plot * (1 - percent / 100.f);
      GdkRGBA dim = text;

      dim.alpha *= 0.6f;
      gtk_snapshot_append_color (snapshot, &grid, &GRAPHENE_RECT_INIT (AXIS_WIDTH - 4, y, width - AXIS_WIDTH + 4, 1));
      draw_text (widget, snapshot, label, 0, y - 8, FALSE, &dim);
    }

  for (guint i = 0; i < self->points->len; i++)
    {
      Point *p = &g_array_index (self->points, Point, i);
      gboolean last_of_year = i + 1 == self->points->len ||
                              g_array_index (self->points, Point, i + 1).year != p->year;
      g_autofree char *date = g_strdup_printf ("%d/%d", p->day, p->month);
      float share = p->share < 0 ? 0 : (float) p->share;
      float h = plot * share;

      gtk_snapshot_append_color (snapshot, &bar,
                                 &GRAPHENE_RECT_INIT (x, TOP_ROOM + plot - h, BAR_WIDTH, MAX (h, 1)));
      if (p->share >= 0)
        {
          g_autofree char *value = g_strdup_printf ("%.0f", share * 100);

          draw_text (widget, snapshot, value, x + BAR_WIDTH / 2.f, TOP_ROOM + plot - h - 18, TRUE, &text);
        }
      draw_text (widget, snapshot, date, x + BAR_WIDTH / 2.f, TOP_ROOM + plot + 2, TRUE, &text);
      x += BAR_WIDTH + BAR_GAP;

      if (last_of_year)
        {
          g_autofree char *year = g_strdup_printf ("%d", p->year);

          draw_text (widget, snapshot, year, (year_start + x - BAR_GAP) / 2.f, TOP_ROOM + plot + 20, TRUE, &text);
          x += YEAR_GAP;
          year_start = x;
        }
    }
}

static void
tillit_agenda_chart_finalize (GObject *object)
{
  TillitAgendaChart *self = TILLIT_AGENDA_CHART (object);

  g_array_unref (self->points);

  G_OBJECT_CLASS (tillit_agenda_chart_parent_class)->finalize (object);
}

static void
tillit_agenda_chart_class_init (TillitAgendaChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tillit_agenda_chart_finalize;
  widget_class->measure = tillit_agenda_chart_measure;
  widget_class->snapshot = tillit_agenda_chart_snapshot;

  gtk_widget_class_set_css_name (widget_class, "agenda-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tillit_agenda_chart_init (TillitAgendaChart *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (Point));
}

GtkWidget *
tillit_agenda_chart_new (void)
{
  return g_object_new (TILLIT_TYPE_AGENDA_CHART, NULL);
}

void
tillit_agenda_chart_clear (TillitAgendaChart *self)
{
  g_return_if_fail (TILLIT_IS_AGENDA_CHART (self));

  g_array_set_size (self->points, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * tillit_agenda_chart_add_day:
 * @date: `YYYY-MM-DD`; days come in date order, and a day without a date
 *   has no place on the time line and is left out
 * @share: the day's dialogue share from 0 to 1, or -1 for an empty day
 */
void
tillit_agenda_chart_add_day (TillitAgendaChart *self,
                             const char        *date,
                             double             share)
{
  Point point = { 0, 0, 0, share };

  g_return_if_fail (TILLIT_IS_AGENDA_CHART (self));

  if (date == NULL || sscanf (date, "%d-%d-%d", &point.year, &point.month, &point.day) != 3)
    return;

  g_array_append_val (self->points, point);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
tillit_agenda_chart_get_n_days (TillitAgendaChart *self)
{
  g_return_val_if_fail (TILLIT_IS_AGENDA_CHART (self), 0);

  return self->points->len;
}
