/* tillit-recruitment-page.h: the recruitment competency checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_RECRUITMENT_PAGE (tillit_recruitment_page_get_type ())
G_DECLARE_FINAL_TYPE (TillitRecruitmentPage, tillit_recruitment_page, TILLIT, RECRUITMENT_PAGE, AdwBin)

GtkWidget   *tillit_recruitment_page_new                (TillitStore           *store);
TillitStore *tillit_recruitment_page_get_store          (TillitRecruitmentPage *self);
void         tillit_recruitment_page_set_store          (TillitRecruitmentPage *self,
                                                         TillitStore           *store);
int          tillit_recruitment_page_get_retention_months (TillitRecruitmentPage *self);
void         tillit_recruitment_page_set_retention_months (TillitRecruitmentPage *self,
                                                         int                    months);
GtkWidget   *tillit_recruitment_page_get_vacancy_view   (TillitRecruitmentPage *self);

G_END_DECLS
