/* tillit-agenda-format-bar.c: a day's minutes per format as one coloured bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tillit-agenda-format-bar.h"

#define BAR_HEIGHT 16
#define SEGMENT_GAP 2

typedef struct
{
  GdkRGBA colour;
  int minutes;
} Segment;

struct _TillitAgendaFormatBar
{
  GtkWidget parent_instance;

  GArray *segments;
};

G_DEFINE_FINAL_TYPE (TillitAgendaFormatBar, tillit_agenda_format_bar, GTK_TYPE_WIDGET)

static void
tillit_agenda_format_bar_measure (GtkWidget      *widget,
                                  GtkOrientation  orientation,
                                  int             for_size,
                                  int            *minimum,
                                  int            *natural,
                                  int            *minimum_baseline,
                                  int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 60;
      *natural = 400;
    }
  else
    *minimum = *natural = BAR_HEIGHT;
}

static void
tillit_agenda_format_bar_snapshot (GtkWidget   *widget,
                                   GtkSnapshot *snapshot)
{
  TillitAgendaFormatBar *self = TILLIT_AGENDA_FORMAT_BAR (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  long total = 0;
  float x = 0;
  GskRoundedRect outline;

  for (guint i = 0; i < self->segments->len; i++)
    total += g_array_index (self->segments, Segment, i).minutes;

  gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), height / 2.f);
  gtk_snapshot_push_rounded_clip (snapshot, &outline);

  if (total == 0)
    {
      GdkRGBA empty;

      /* An empty day is an outline in the text colour, faint, so it
       * reads in light, dark and high contrast alike. */
      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &empty);
      empty.alpha *= 0.15f;
      gtk_snapshot_append_color (snapshot, &empty, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }

  for (guint i = 0; i < self->segments->len; i++)
    {
      Segment *segment = &g_array_index (self->segments, Segment, i);
      float w = (float) width * segment->minutes / total;
      float gap = i + 1 < self->segments->len ? SEGMENT_GAP : 0;

      gtk_snapshot_append_color (snapshot, &segment->colour,
                                 &GRAPHENE_RECT_INIT (x, 0, MAX (w - gap, 1), height));
      x += w;
    }

  gtk_snapshot_pop (snapshot);
}

static void
tillit_agenda_format_bar_finalize (GObject *object)
{
  TillitAgendaFormatBar *self = TILLIT_AGENDA_FORMAT_BAR (object);

  g_array_unref (self->segments);

  G_OBJECT_CLASS (tillit_agenda_format_bar_parent_class)->finalize (object);
}

static void
tillit_agenda_format_bar_class_init (TillitAgendaFormatBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = tillit_agenda_format_bar_finalize;
  widget_class->measure = tillit_agenda_format_bar_measure;
  widget_class->snapshot = tillit_agenda_format_bar_snapshot;

  gtk_widget_class_set_css_name (widget_class, "agenda-format-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tillit_agenda_format_bar_init (TillitAgendaFormatBar *self)
{
  self->segments = g_array_new (FALSE, FALSE, sizeof (Segment));
}

GtkWidget *
tillit_agenda_format_bar_new (void)
{
  return g_object_new (TILLIT_TYPE_AGENDA_FORMAT_BAR, NULL);
}

void
tillit_agenda_format_bar_clear (TillitAgendaFormatBar *self)
{
  g_return_if_fail (TILLIT_IS_AGENDA_FORMAT_BAR (self));

  g_array_set_size (self->segments, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tillit_agenda_format_bar_add_segment:
 * @colour: (nullable): a colour gdk_rgba_parse() reads; %NULL or a bad
 *   one is drawn grey
 * @minutes: the segment's length
 */
void
tillit_agenda_format_bar_add_segment (TillitAgendaFormatBar *self,
                                      const char            *colour,
                                      int                    minutes)
{
  Segment segment = { { 0.6f, 0.6f, 0.6f, 1.f }, minutes };

  g_return_if_fail (TILLIT_IS_AGENDA_FORMAT_BAR (self));

  if (minutes <= 0)
    return;
  if (colour != NULL)
    gdk_rgba_parse (&segment.colour, colour);
  g_array_append_val (self->segments, segment);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
