/* tillit-lazy-page.c: pages that take their programme, and are measured, once shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "app/tillit-lazy-page.h"

/* A page's `store` property takes the programme at once, as the window's
 * binding sets it; the page builds what it shows of it (filters, sorted
 * lists, summaries, watched records) only once it is mapped, or as soon
 * as one of its functions needs it. On a programme of many thousand
 * records the four hidden tools doing so was a sixth of Tillit's time to
 * its first frame (bench-first-frame). */

typedef struct
{
  TillitStore *store;
  TillitShowStore show;
  gulong map_id;
} Coming;

static void
coming_free (gpointer data)
{
  Coming *coming = data;

  g_clear_object (&coming->store);
  g_free (coming);
}

static GQuark
coming_quark (void)
{
  return g_quark_from_static_string ("tillit-coming-store");
}

/**
 * tillit_show_coming_store:
 *
 * Shows the store @page was last given, if it does not show it yet. A
 * page calls this first in every function that reads what it shows, so
 * that the page answers as if it had taken the store at once.
 */
void
tillit_show_coming_store (GtkWidget *page)
{
  Coming *coming;
  g_autoptr(TillitStore) store = NULL;
  TillitShowStore show;

  g_return_if_fail (GTK_IS_WIDGET (page));

  coming = g_object_get_qdata (G_OBJECT (page), coming_quark ());
  if (coming == NULL)
    return;

  store = g_steal_pointer (&coming->store);
  show = coming->show;
  g_signal_handler_disconnect (page, coming->map_id);
  g_object_set_qdata (G_OBJECT (page), coming_quark (), NULL);
  show (page, store);
}

/**
 * tillit_set_store_when_mapped:
 * @shown: (nullable): the store @page shows now
 * @store: (nullable): the store it is given
 * @show: what shows a store on @page
 *
 * Shows @store on @page now if @page is mapped, and otherwise once it is
 * (or once tillit_show_coming_store() is called). A hidden page lets go
 * of the store it showed at once, so that a programme closed elsewhere
 * is not kept open by a page nobody looks at.
 */
void
tillit_set_store_when_mapped (GtkWidget       *page,
                              TillitStore     *shown,
                              TillitStore     *store,
                              TillitShowStore  show)
{
  Coming *coming;

  g_return_if_fail (GTK_IS_WIDGET (page));
  g_return_if_fail (store == NULL || TILLIT_IS_STORE (store));
  g_return_if_fail (show != NULL);

  coming = g_object_get_qdata (G_OBJECT (page), coming_quark ());
  if (coming != NULL)
    {
      g_signal_handler_disconnect (page, coming->map_id);
      g_object_set_qdata (G_OBJECT (page), coming_quark (), NULL);
    }

  if (gtk_widget_get_mapped (page) || store == shown)
    {
      show (page, store);
      return;
    }

  if (shown != NULL)
    show (page, NULL);
  if (store == NULL)
    return;

  coming = g_new0 (Coming, 1);
  coming->store = g_object_ref (store);
  coming->show = show;
  coming->map_id = g_signal_connect (page, "map", G_CALLBACK (tillit_show_coming_store), NULL);
  g_object_set_qdata_full (G_OBJECT (page), coming_quark (), coming, coming_free);
  g_object_notify (G_OBJECT (page), "store");
}

/**
 * tillit_get_coming_store:
 * @shown: (nullable): the store @page shows now
 *
 * Returns: (transfer none) (nullable): the store @page was last given,
 *   shown or not: what its `store` property reads
 */
TillitStore *
tillit_get_coming_store (GtkWidget   *page,
                         TillitStore *shown)
{
  Coming *coming;

  g_return_val_if_fail (GTK_IS_WIDGET (page), NULL);

  coming = g_object_get_qdata (G_OBJECT (page), coming_quark ());
  return coming != NULL ? coming->store : shown;
}

static void
show_content (GtkWidget *page,
              GPtrArray *hidden)
{
  for (guint i = 0; i < hidden->len; i++)
    {
      GtkWidget *child = g_ptr_array_index (hidden, i);

      if (gtk_widget_get_parent (child) == page)
        gtk_widget_set_visible (child, TRUE);
    }

  /* Frees @hidden. */
  g_signal_handlers_disconnect_by_func (page, show_content, hidden);
}

/**
 * tillit_hide_content_until_mapped:
 * @page: a page of a view stack
 *
 * Hides @page's children until @page is first shown. A view stack is as
 * large as its largest page, so it styles and measures every page for
 * the window's first frame, shown or not: the four tools' pages cost as
 * much as the rest of that frame's layout (bench-first-frame). A hidden
 * child is neither styled nor measured nor drawn.
 */
void
tillit_hide_content_until_mapped (GtkWidget *page)
{
  GPtrArray *hidden;

  g_return_if_fail (GTK_IS_WIDGET (page));

  if (gtk_widget_get_mapped (page))
    return;

  hidden = g_ptr_array_new_with_free_func (g_object_unref);
  for (GtkWidget *child = gtk_widget_get_first_child (page);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      g_ptr_array_add (hidden, g_object_ref (child));

  for (guint i = 0; i < hidden->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (hidden, i), FALSE);

  g_signal_connect_data (page, "map", G_CALLBACK (show_content), hidden,
                         (GClosureNotify) G_CALLBACK (g_ptr_array_unref), 0);
}
