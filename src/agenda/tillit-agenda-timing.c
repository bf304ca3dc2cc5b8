/* tillit-agenda-timing.c: the clock of a manager day, computed from durations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tillit-agenda-timing.h"

#define MINUTES_PER_DAY (24 * 60)

/**
 * tillit_agenda_time_parse:
 * @text: (nullable): `HH:MM` on the 24-hour clock
 *
 * Returns: the minutes since midnight, or -1 if @text is not a time
 */
int
tillit_agenda_time_parse (const char *text)
{
  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]))
    return -1;

  int hours = (text[0] - '0') * 10 + (text[1] - '0');
  int minutes = (text[3] - '0') * 10 + (text[4] - '0');

  if (hours > 23 || minutes > 59)
    return -1;

  return hours * 60 + minutes;
}

/**
 * tillit_agenda_time_format:
 * @minutes: minutes since midnight; a day that runs past midnight goes on
 *   counting, and the clock wraps as a wall clock would
 *
 * Returns: (transfer full): `HH:MM`
 */
char *
tillit_agenda_time_format (int minutes)
{
  int wrapped = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;

  return g_strdup_printf ("%02d:%02d", wrapped / 60, wrapped % 60);
}

/**
 * tillit_agenda_timing_compute:
 * @day_start: the minute the day starts
 * @durations: (array length=n): each item's minutes, in agenda order
 * @n: the number of items
 * @starts: (out caller-allocates) (array length=n) (nullable): each item's
 *   start, the day's start plus every duration before it
 *
 * A zero-duration item (a note, a reminder) starts when the next one does
 * and moves nothing; a negative duration counts as zero, so a bad value
 * never runs the clock backwards.
 *
 * Returns: the minute the last item ends
 */
int
tillit_agenda_timing_compute (int        day_start,
                              const int *durations,
                              guint      n,
                              int       *starts)
{
  int clock = day_start;

  g_return_val_if_fail (durations != NULL || n == 0, day_start);

  for (guint i = 0; i < n; i++)
    {
      if (starts != NULL)
        starts[i] = clock;
      clock += MAX (durations[i], 0);
    }

  return clock;
}

/**
 * tillit_agenda_timing_overrun:
 * @end: the minute the last item ends
 * @planned_end: the minute the day should end, or -1 if it has no end
 *
 * Returns: how many minutes the agenda runs past its planned end; 0 if it
 *   fits or there is no planned end
 */
int
tillit_agenda_timing_overrun (int end,
                              int planned_end)
{
  if (planned_end < 0)
    return 0;

  return MAX (end - planned_end, 0);
}

/**
 * tillit_agenda_minutes_per_format:
 * @formats: (array length=n): each item's format key, %NULL for none
 * @durations: (array length=n): each item's minutes
 * @n: the number of items
 *
 * Formats without minutes are left out, so a bar drawn from the result
 * has no empty segments.
 *
 * Returns: (transfer full) (element-type TillitAgendaFormatMinutes): the
 *   minutes per format in the order each format first appears; the keys
 *   point into @formats
 */
GArray *
tillit_agenda_minutes_per_format (const char * const *formats,
                                  const int          *durations,
                                  guint               n)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (TillitAgendaFormatMinutes));

  g_return_val_if_fail ((formats != NULL && durations != NULL) || n == 0, result);

  for (guint i = 0; i < n; i++)
    {
      guint j;

      if (durations[i] <= 0)
        continue;

      for (j = 0; j < result->len; j++)
        if (g_strcmp0 (g_array_index (result, TillitAgendaFormatMinutes, j).format, formats[i]) == 0)
          break;

      if (j == result->len)
        {
          TillitAgendaFormatMinutes entry = { formats[i], 0 };

          g_array_append_val (result, entry);
        }
      g_array_index (result, TillitAgendaFormatMinutes, j).minutes += durations[i];
    }

  return result;
}

/**
 * tillit_agenda_dialogue_share:
 * @dialogue: (array length=n): whether each item's format counts as dialogue
 * @durations: (array length=n): each item's minutes
 * @n: the number of items
 *
 * Returns: the share of the day's minutes spent in dialogue, from 0 to 1,
 *   or -1 for a day with no minutes at all (nothing to share)
 */
double
tillit_agenda_dialogue_share (const gboolean *dialogue,
                              const int      *durations,
                              guint           n)
{
  long total = 0;
  long talking = 0;

  g_return_val_if_fail ((dialogue != NULL && durations != NULL) || n == 0, -1);

  for (guint i = 0; i < n; i++)
    {
      int minutes = MAX (durations[i], 0);

      total += minutes;
      if (dialogue[i])
        talking += minutes;
    }

  if (total == 0)
    return -1;

  return (double) talking / (double) total;
}
