/* tillit-agenda-timing.h: the clock of a manager day, computed from durations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TillitAgendaFormatMinutes:
 * @format: (nullable): the format's key (a UUID), %NULL for items without one
 * @minutes: the minutes the day spends in it
 */
typedef struct
{
  const char *format;
  int minutes;
} TillitAgendaFormatMinutes;

int     tillit_agenda_time_parse           (const char          *text);
char   *tillit_agenda_time_format          (int                  minutes);
int     tillit_agenda_timing_compute       (int                  day_start,
                                            const int           *durations,
                                            guint                n,
                                            int                 *starts);
int     tillit_agenda_timing_overrun       (int                  end,
                                            int                  planned_end);
GArray *tillit_agenda_minutes_per_format   (const char * const  *formats,
                                            const int           *durations,
                                            guint                n);
double  tillit_agenda_dialogue_share       (const gboolean      *dialogue,
                                            const int           *durations,
                                            guint                n);

G_END_DECLS
