/* tillit-lazy-page.h: pages that take their programme, and are measured, once shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tillit-model.h"

G_BEGIN_DECLS

/* Shows @store on @page: what a page's set_store did before, now done
 * only when the page is shown. */
typedef void (*TillitShowStore) (GtkWidget   *page,
                                 TillitStore *store);

void         tillit_set_store_when_mapped (GtkWidget       *page,
                                           TillitStore     *shown,
                                           TillitStore     *store,
                                           TillitShowStore  show);
TillitStore *tillit_get_coming_store      (GtkWidget       *page,
                                           TillitStore     *shown);
void         tillit_show_coming_store     (GtkWidget       *page);

void         tillit_hide_content_until_mapped (GtkWidget      *page);

G_END_DECLS
