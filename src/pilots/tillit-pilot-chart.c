/* tillit-pilot-chart.c: the portfolio summary, drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-pilot-chart.h"
#include "tillit-pilot-labels.h"

#define BAR_HEIGHT 28
#define ROW_GAP 10
#define LABEL_WIDTH 260
#define SECTION_GAP 28

struct _TillitPilotChart
{
  GtkWidget parent_instance;

  TillitPilotPortfolio portfolio;
};

G_DEFINE_FINAL_TYPE (TillitPilotChart, tillit_pilot_chart, GTK_TYPE_WIDGET)

typedef struct
{
  const char *label;
  guint value;
  const char *colour;
} Bar;

static guint
collect_bars (TillitPilotChart *self,
              Bar               bars[8])
{
  const char * const *stages = tillit_pilot_field_nicks ("stage");
  guint n = 0;

  for (guint i = 0; i < TILLIT_PILOT_N_STAGES && stages[i] != NULL; i++, n++)
    bars[n] = (Bar) { tillit_pilot_nick_label ("stage", stages[i]), self->portfolio.per_stage[i], "accent_color" };
  bars[n++] = (Bar) { _("Decisions pending"), self->portfolio.pending, "warning_color" };
  bars[n++] = (Bar) { _("No learning for six months"), self->portfolio.stale, "error_color" };
  bars[n++] = (Bar) { _("Adoptions by other units"), self->portfolio.adoptions, "success_color" };
  return n;
}

static void
lookup_colour (GtkWidget  *widget,
               const char *name,
               GdkRGBA    *rgba)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, rgba))
    gtk_style_context_get_color (context, rgba);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
tillit_pilot_chart_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TillitPilotChart *self = TILLIT_PILOT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  Bar bars[8];
  guint n = collect_bars (self, bars);
  guint max = 1;
  GdkRGBA fg, trough;
  double y = 0;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  trough = fg;
  trough.alpha = 0.08;

  for (guint i = 0; i < n; i++)
    max = MAX (max, bars[i].value);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (widget, bars[i].label);
      g_autofree char *count = g_strdup_printf ("%u", bars[i].value);
      g_autoptr(PangoLayout) number = gtk_widget_create_pango_layout (widget, count);
      double bar_width = MAX (0, width - LABEL_WIDTH - 60);
      double filled = bar_width * bars[i].value / max;
      GdkRGBA colour;
      int lw, lh;

      if (i == TILLIT_PILOT_N_STAGES)
        y += SECTION_GAP;

      lookup_colour (widget, bars[i].colour, &colour);

      pango_layout_set_width (label, (LABEL_WIDTH - 12) * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, y + (BAR_HEIGHT - lh) / 2.0));
      gtk_snapshot_append_layout (snapshot, label, &fg);
      gtk_snapshot_restore (snapshot);

      gtk_snapshot_append_color (snapshot, &trough,
                                 &GRAPHENE_RECT_INIT (LABEL_WIDTH, y, bar_width, BAR_HEIGHT));
      gtk_snapshot_append_color (snapshot, &colour,
                                 &GRAPHENE_RECT_INIT (LABEL_WIDTH, y, filled, BAR_HEIGHT));

      pango_layout_get_pixel_size (number, &lw, &lh);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (LABEL_WIDTH + bar_width + 8,
                                                              y + (BAR_HEIGHT - lh) / 2.0));
      gtk_snapshot_append_layout (snapshot, number, &fg);
      gtk_snapshot_restore (snapshot);

      y += BAR_HEIGHT + ROW_GAP;
    }
}

static void
tillit_pilot_chart_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = LABEL_WIDTH + 160;
      *natural = LABEL_WIDTH + 480;
    }
  else
    {
      *minimum = *natural = 7 * (BAR_HEIGHT + ROW_GAP) + SECTION_GAP;
    }
}

static void
tillit_pilot_chart_class_init (TillitPilotChartClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->snapshot = tillit_pilot_chart_snapshot;
  widget_class->measure = tillit_pilot_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "pilotchart");
}

static void
tillit_pilot_chart_init (TillitPilotChart *self)
{
}

GtkWidget *
tillit_pilot_chart_new (void)
{
  return g_object_new (TILLIT_TYPE_PILOT_CHART, NULL);
}

const TillitPilotPortfolio *
tillit_pilot_chart_get_portfolio (TillitPilotChart *self)
{
  g_return_val_if_fail (TILLIT_IS_PILOT_CHART (self), NULL);

  return &self->portfolio;
}

/* The chart's accessible description says in words what the bars show. */
void
tillit_pilot_chart_set_portfolio (TillitPilotChart           *self,
                                  const TillitPilotPortfolio *portfolio)
{
  g_autoptr(GString) description = g_string_new (NULL);
  Bar bars[8];
  guint n;

  g_return_if_fail (TILLIT_IS_PILOT_CHART (self));
  g_return_if_fail (portfolio != NULL);

  self->portfolio = *portfolio;

  n = collect_bars (self, bars);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (description, "%s%s: %u", i > 0 ? ", " : "", bars[i].label, bars[i].value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Portfolio summary"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
