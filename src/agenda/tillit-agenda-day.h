/* tillit-agenda-day.h: a manager day's agenda read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/tillit-store.h"

G_BEGIN_DECLS

/**
 * TillitAgendaDayTiming:
 * @items: (element-type TillitRecord): the day's items in agenda order
 * @starts: each item's start, minutes since midnight
 * @start: the day's start
 * @end: where the last item ends
 * @planned_end: the planned end, -1 if none
 * @overrun: minutes past the planned end, 0 if it fits
 * @dialogue_share: 0 to 1, -1 for a day without minutes
 */
typedef struct
{
  GPtrArray *items;
  int *starts;
  int start;
  int end;
  int planned_end;
  int overrun;
  double dialogue_share;
} TillitAgendaDayTiming;

#define TILLIT_AGENDA_DEFAULT_START (9 * 60)

GPtrArray             *tillit_agenda_day_items        (TillitStore   *store,
                                                       TillitRecord  *day);
TillitAgendaDayTiming *tillit_agenda_day_timing       (TillitStore   *store,
                                                       TillitRecord  *day);
void                   tillit_agenda_day_timing_free  (TillitAgendaDayTiming *timing);
int                    tillit_agenda_day_start_of     (TillitAgendaDayTiming *timing,
                                                       TillitRecord  *item);
GArray                *tillit_agenda_day_minutes_per_format (TillitStore   *store,
                                                             TillitRecord  *day);
TillitRecord          *tillit_agenda_day_copy         (TillitStore   *store,
                                                       TillitRecord  *day,
                                                       const char    *date,
                                                       GError       **error);
gboolean               tillit_agenda_day_move_item    (TillitStore   *store,
                                                       TillitRecord  *item,
                                                       guint          index,
                                                       GError       **error);
const char            *tillit_agenda_localized_name   (TillitRecord  *record);
const char            *tillit_agenda_format_name      (TillitRecord  *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TillitAgendaDayTiming, tillit_agenda_day_timing_free)

G_END_DECLS
