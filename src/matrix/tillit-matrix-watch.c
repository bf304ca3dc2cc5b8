/* tillit-matrix-watch.c: one signal for any change to a list or its records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tillit-matrix-watch.h"

/* The store's lists only report records that come, go or move; a record
 * edited in place (a strategy's text) notifies on itself. The matrix
 * shows summaries of many records, so it listens to both through this. */
struct _TillitMatrixWatch
{
  GObject parent_instance;

  GListModel *model;
  GPtrArray *items;
};

G_DEFINE_FINAL_TYPE (TillitMatrixWatch, tillit_matrix_watch, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
on_item_notify (GObject           *item,
                GParamSpec        *pspec,
                TillitMatrixWatch *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
forget_item (gpointer data,
             gpointer user_data)
{
  g_signal_handlers_disconnect_by_func (data, on_item_notify, user_data);
}

static void
on_items_changed (GListModel        *model,
                  guint              position,
                  guint              removed,
                  guint              added,
                  TillitMatrixWatch *self)
{
  for (guint i = 0; i < removed; i++)
    forget_item (g_ptr_array_index (self->items, position + i), self);
  g_ptr_array_remove_range (self->items, position, removed);

  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify), self, 0);
      g_ptr_array_insert (self->items, position + i, item);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
tillit_matrix_watch_dispose (GObject *object)
{
  TillitMatrixWatch *self = TILLIT_MATRIX_WATCH (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed, self);
  if (self->items != NULL)
    g_ptr_array_foreach (self->items, forget_item, self);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (tillit_matrix_watch_parent_class)->dispose (object);
}

static void
tillit_matrix_watch_class_init (TillitMatrixWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tillit_matrix_watch_dispose;

  /**
   * TillitMatrixWatch::changed:
   *
   * A record came, went, moved or changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tillit_matrix_watch_init (TillitMatrixWatch *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
}

TillitMatrixWatch *
tillit_matrix_watch_new (GListModel *model)
{
  TillitMatrixWatch *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (TILLIT_TYPE_MATRIX_WATCH, NULL);
  self->model = g_object_ref (model);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);

  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      GObject *item = g_list_model_get_item (model, i);

      g_signal_connect_object (item, "notify", G_CALLBACK (on_item_notify), self, 0);
      g_ptr_array_add (self->items, item);
    }

  return self;
}
