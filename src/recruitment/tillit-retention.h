/* tillit-retention.h: deleting the personal data of closed vacancies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/tillit-store.h"

G_BEGIN_DECLS

/* The default of the retention period in Preferences. */
#define TILLIT_RETENTION_DEFAULT_MONTHS 12

/**
 * TillitRetentionReport:
 * @n_vacancies: closed vacancies whose candidates were deleted
 * @n_candidates: candidates deleted
 * @n_ratings: ratings deleted with them
 */
typedef struct
{
  guint n_vacancies;
  guint n_candidates;
  guint n_ratings;
} TillitRetentionReport;

gboolean  tillit_retention_vacancy_is_due      (TillitRecord           *vacancy,
                                                int                     retention_months,
                                                GDateTime              *now);
void      tillit_retention_preview            (TillitStore            *store,
                                                int                     retention_months,
                                                GDateTime              *now,
                                                TillitRetentionReport  *report);
gboolean  tillit_retention_erase_closed        (TillitStore            *store,
                                                int                     retention_months,
                                                GDateTime              *now,
                                                TillitRetentionReport  *report,
                                                GError                **error);
char     *tillit_retention_report_describe     (const TillitRetentionReport *report);

G_END_DECLS
