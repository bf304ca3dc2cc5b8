/* tillit-lazy-list.c: list views that build their rows once shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "app/tillit-lazy-list.h"

static void
set_model (GtkWidget         *view,
           GtkSelectionModel *model)
{
  g_object_set (view, "model", model, NULL);
  g_signal_handlers_disconnect_by_func (view, set_model, model);
}

/**
 * tillit_set_model_when_mapped:
 * @view: a #GtkListView or #GtkColumnView
 *
 * Gives @view its @model when it is first shown. GTK 4.8 builds up to
 * 200 rows for a list view as soon as it has a model, shown or not, and
 * measures them all: on a programme of many thousand pilots the hidden
 * Pilots page's list, board and cards were most of Tillit's time to its
 * first frame (bench-first-frame).
 */
void
tillit_set_model_when_mapped (GtkWidget         *view,
                              GtkSelectionModel *model)
{
  g_return_if_fail (GTK_IS_LIST_VIEW (view) || GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (GTK_IS_SELECTION_MODEL (model));

  if (gtk_widget_get_mapped (view))
    {
      g_object_set (view, "model", model, NULL);
      return;
    }
  g_signal_connect_data (view, "map", G_CALLBACK (set_model), g_object_ref (model),
                         (GClosureNotify) G_CALLBACK (g_object_unref), 0);
}
