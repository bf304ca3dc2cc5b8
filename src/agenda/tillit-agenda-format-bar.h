/* tillit-agenda-format-bar.h: a day's minutes per format as one coloured bar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TILLIT_TYPE_AGENDA_FORMAT_BAR (tillit_agenda_format_bar_get_type ())
G_DECLARE_FINAL_TYPE (TillitAgendaFormatBar, tillit_agenda_format_bar, TILLIT, AGENDA_FORMAT_BAR, GtkWidget)

GtkWidget *tillit_agenda_format_bar_new          (void);
void       tillit_agenda_format_bar_clear        (TillitAgendaFormatBar *self);
void       tillit_agenda_format_bar_add_segment  (TillitAgendaFormatBar *self,
                                                  const char            *colour,
                                                  int                    minutes);

G_END_DECLS
