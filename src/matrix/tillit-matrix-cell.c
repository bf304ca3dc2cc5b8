/* tillit-matrix-cell.c: one principle × level square of the grid
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-matrix-cell.h"

/* How many strategies a square lists before it only counts the rest. */
#define SHOWN_STRATEGIES 3

struct _TillitMatrixCell
{
  GtkWidget parent_instance;

  char *principle;
  char *level;
  int discourse;
  int practice;
  char *summary;

  GtkWidget *box;
  GtkWidget *strategies;
  GtkWidget *more;
  GtkWidget *evidence;
  GtkWidget *discourse_bar;
  GtkWidget *practice_bar;
  GtkWidget *discourse_change;
  GtkWidget *practice_change;
};

G_DEFINE_FINAL_TYPE (TillitMatrixCell, tillit_matrix_cell, GTK_TYPE_WIDGET)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_pressed (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            TillitMatrixCell *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
tillit_matrix_cell_dispose (GObject *object)
{
  TillitMatrixCell *self = TILLIT_MATRIX_CELL (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (tillit_matrix_cell_parent_class)->dispose (object);
}

static void
tillit_matrix_cell_finalize (GObject *object)
{
  TillitMatrixCell *self = TILLIT_MATRIX_CELL (object);

  g_free (self->principle);
  g_free (self->level);
  g_free (self->summary);

  G_OBJECT_CLASS (tillit_matrix_cell_parent_class)->finalize (object);
}

static void
tillit_matrix_cell_class_init (TillitMatrixCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tillit_matrix_cell_dispose;
  object_class->finalize = tillit_matrix_cell_finalize;

  /**
   * TillitMatrixCell::activate:
   *
   * The user asked to open the cell (click, Enter or Space).
   */
  signals[ACTIVATE] = g_signal_new ("activate", G_TYPE_FROM_CLASS (klass),
                                    G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "matrixcell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static GtkWidget *
rating_bar (const char *css_class)
{
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, TILLIT_MATRIX_N_RATINGS - 1);

  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_DISCRETE);
  /* One colour per rating kind, whatever the value: drop the default
   * low/high/full colour steps. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_widget_add_css_class (bar, css_class);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return bar;
}

static GtkWidget *
add_rating_row (GtkWidget  *box,
                const char *name,
                GtkWidget  *bar,
                GtkWidget **change)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (name);

  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_width_chars (GTK_LABEL (label), 3);
  *change = gtk_label_new (NULL);
  gtk_widget_add_css_class (*change, "caption");
  gtk_widget_add_css_class (*change, "change");
  gtk_widget_set_visible (*change, FALSE);

  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), bar);
  gtk_box_append (GTK_BOX (row), *change);
  gtk_box_append (GTK_BOX (box), row);

  return row;
}

static void
tillit_matrix_cell_init (TillitMatrixCell *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkWidget *footer;
  GtkWidget *clip;

  self->discourse = -1;
  self->practice = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->strategies = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->strategies), 0);
  gtk_label_set_yalign (GTK_LABEL (self->strategies), 0);
  gtk_label_set_wrap (GTK_LABEL (self->strategies), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->strategies), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (self->strategies), 4);
  gtk_label_set_ellipsize (GTK_LABEL (self->strategies), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (self->strategies), 20);
  gtk_label_set_width_chars (GTK_LABEL (self->strategies), 12);
  gtk_widget_set_vexpand (self->strategies, TRUE);
  gtk_widget_set_valign (self->strategies, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (self->box), self->strategies);

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->more = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->more, "caption");
  gtk_widget_add_css_class (self->more, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->more), 0);
  gtk_widget_set_hexpand (self->more, TRUE);
  self->evidence = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->evidence, "caption");
  gtk_widget_add_css_class (self->evidence, "dim-label");
  gtk_box_append (GTK_BOX (footer), self->more);
  clip = gtk_image_new_from_icon_name ("mail-attachment-symbolic");
  gtk_widget_add_css_class (clip, "dim-label");
  gtk_box_append (GTK_BOX (footer), clip);
  gtk_box_append (GTK_BOX (footer), self->evidence);
  gtk_box_append (GTK_BOX (self->box), footer);

  self->discourse_bar = rating_bar ("discourse");
  self->practice_bar = rating_bar ("practice");
  /* Translators: short for discourse, what people say, beside a bar */
  add_rating_row (self->box, C_("rating", "Say"), self->discourse_bar, &self->discourse_change);
  /* Translators: short for practice, what people do, beside a bar */
  add_rating_row (self->box, C_("rating", "Do"), self->practice_bar, &self->practice_change);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
tillit_matrix_cell_new (const char *principle,
                        const char *level)
{
  TillitMatrixCell *self;

  g_return_val_if_fail (principle != NULL, NULL);
  g_return_val_if_fail (level != NULL, NULL);

  self = g_object_new (TILLIT_TYPE_MATRIX_CELL, NULL);
  self->principle = g_strdup (principle);
  self->level = g_strdup (level);

  return GTK_WIDGET (self);
}

const char *
tillit_matrix_cell_get_principle (TillitMatrixCell *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL (self), NULL);

  return self->principle;
}

const char *
tillit_matrix_cell_get_level (TillitMatrixCell *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL (self), NULL);

  return self->level;
}

int
tillit_matrix_cell_get_discourse (TillitMatrixCell *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL (self), -1);

  return self->discourse;
}

int
tillit_matrix_cell_get_practice (TillitMatrixCell *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL (self), -1);

  return self->practice;
}

/**
 * tillit_matrix_cell_get_summary:
 *
 * Returns: the sentence a screen reader says for the cell
 */
const char *
tillit_matrix_cell_get_summary (TillitMatrixCell *self)
{
  g_return_val_if_fail (TILLIT_IS_MATRIX_CELL (self), NULL);

  return self->summary;
}

static const char *
rating_text (int rating)
{
  return rating < 0 ? _("not assessed") : tillit_matrix_rating_label (rating);
}

static void
show_change (GtkWidget *label,
             gboolean   compare,
             gboolean   known,
             int        delta)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (label, compare);
  gtk_widget_remove_css_class (label, "up");
  gtk_widget_remove_css_class (label, "down");
  if (!compare)
    return;

  if (!known)
    text = g_strdup ("–");
  else if (delta > 0)
    {
      text = g_strdup_printf ("▲%d", delta);
      gtk_widget_add_css_class (label, "up");
    }
  else if (delta < 0)
    {
      text = g_strdup_printf ("▼%d", -delta);
      gtk_widget_add_css_class (label, "down");
    }
  else
    text = g_strdup ("=");

  gtk_label_set_text (GTK_LABEL (label), text);
}

static char *
describe_change (const TillitMatrixCellFacts *facts)
{
  if (!facts->compare)
    return g_strdup ("");
  if (!facts->change.known)
    return g_strdup (_("No change to compare."));

  /* Translators: the change in two ratings since the compared period, as signed numbers */
  return g_strdup_printf (_("Change: say %+d, do %+d."),
                          facts->change.discourse, facts->change.practice);
}

/**
 * tillit_matrix_cell_set_facts:
 *
 * Shows @facts, in the square and in its accessible label.
 */
void
tillit_matrix_cell_set_facts (TillitMatrixCell            *self,
                              const TillitMatrixCellFacts *facts)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *more = NULL;
  g_autofree char *evidence = NULL;
  g_autofree char *count = NULL;
  g_autofree char *strategies = NULL;
  g_autofree char *change = NULL;
  gboolean gap;

  g_return_if_fail (TILLIT_IS_MATRIX_CELL (self));
  g_return_if_fail (facts != NULL);

  self->discourse = facts->discourse;
  self->practice = facts->practice;

  for (guint i = 0; i < MIN (facts->n_strategies, SHOWN_STRATEGIES); i++)
    {
      g_autofree char *line = g_strdelimit (g_strdup (facts->strategies[i]), "\n", ' ');

      g_string_append_printf (text, "%s• %s", i > 0 ? "\n" : "", line);
    }
  gtk_label_set_text (GTK_LABEL (self->strategies), text->str);
  gtk_widget_set_visible (self->strategies, facts->n_strategies > 0);

  if (facts->n_strategies > SHOWN_STRATEGIES)
    more = g_strdup_printf (ngettext ("+ %u more", "+ %u more", facts->n_strategies - SHOWN_STRATEGIES),
                            facts->n_strategies - SHOWN_STRATEGIES);
  else if (facts->n_strategies == 0)
    more = g_strdup (_("No strategies"));
  gtk_label_set_text (GTK_LABEL (self->more), more != NULL ? more : "");

  evidence = g_strdup_printf (ngettext ("%u piece of evidence", "%u pieces of evidence", facts->n_evidence),
                              facts->n_evidence);
  /* The square shows the count beside a paper clip; the label says it. */
  count = g_strdup_printf ("%u", facts->n_evidence);
  gtk_label_set_text (GTK_LABEL (self->evidence), count);

  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->discourse_bar), MAX (facts->discourse, 0));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (self->practice_bar), MAX (facts->practice, 0));
  show_change (self->discourse_change, facts->compare, facts->change.known, facts->change.discourse);
  show_change (self->practice_change, facts->compare, facts->change.known, facts->change.practice);

  gap = facts->discourse >= 0 && facts->practice >= 0 && facts->discourse - facts->practice >= 2;
  if (gap)
    gtk_widget_add_css_class (GTK_WIDGET (self), "gap");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "gap");
  if (facts->discourse < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "unassessed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "unassessed");

  strategies = g_strdup_printf (ngettext ("%u strategy", "%u strategies", facts->n_strategies),
                                facts->n_strategies);
  change = describe_change (facts);
  g_free (self->summary);
  /* Translators: a cell of the matrix for a screen reader: principle, level,
   * the two ratings, the count of strategies, of evidence, and the change */
  self->summary = g_strdup_printf (_("%s, %s. Say: %s. Do: %s. %s, %s. %s"),
                                   facts->principle_name, facts->level_name,
                                   rating_text (facts->discourse), rating_text (facts->practice),
                                   strategies, evidence, change);
  g_strchomp (self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
}
