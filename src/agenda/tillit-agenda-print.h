/* tillit-agenda-print.h: a manager day's agenda on A4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

GtkPrintOperation *tillit_agenda_print_operation_new (TillitStore   *store,
                                                      TillitRecord  *day);
gboolean           tillit_agenda_print_export_pdf    (TillitStore   *store,
                                                      TillitRecord  *day,
                                                      const char    *path,
                                                      GError       **error);

G_END_DECLS
