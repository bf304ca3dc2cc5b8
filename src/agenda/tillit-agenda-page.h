/* tillit-agenda-page.h: the Manager days tool
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_AGENDA_PAGE (tillit_agenda_page_get_type ())
G_DECLARE_FINAL_TYPE (TillitAgendaPage, tillit_agenda_page, TILLIT, AGENDA_PAGE, AdwBin)

GtkWidget    *tillit_agenda_page_new               (TillitStore      *store);
TillitStore  *tillit_agenda_page_get_store         (TillitAgendaPage *self);
void          tillit_agenda_page_set_store         (TillitAgendaPage *self,
                                                    TillitStore      *store);
TillitRecord *tillit_agenda_page_get_day           (TillitAgendaPage *self);
void          tillit_agenda_page_show_day          (TillitAgendaPage *self,
                                                    TillitRecord     *day);
TillitRecord *tillit_agenda_page_get_selected_item (TillitAgendaPage *self);
void          tillit_agenda_page_select_item       (TillitAgendaPage *self,
                                                    TillitRecord     *item);

G_END_DECLS
