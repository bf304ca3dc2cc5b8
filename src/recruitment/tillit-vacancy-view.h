/* tillit-vacancy-view.h: one vacancy: its profile, advert, candidates and their scores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_VACANCY_VIEW (tillit_vacancy_view_get_type ())
G_DECLARE_FINAL_TYPE (TillitVacancyView, tillit_vacancy_view, TILLIT, VACANCY_VIEW, AdwBin)

GtkWidget    *tillit_vacancy_view_new         (TillitStore       *store,
                                               TillitRecord      *vacancy);
TillitRecord *tillit_vacancy_view_get_vacancy (TillitVacancyView *self);
void          tillit_vacancy_view_show_page   (TillitVacancyView *self,
                                               const char        *name);
void          tillit_vacancy_view_focus_title (TillitVacancyView *self);

G_END_DECLS
