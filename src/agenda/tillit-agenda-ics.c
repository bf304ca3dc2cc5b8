/* tillit-agenda-ics.c: the manager days as an iCalendar file (RFC 5545)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "model/tillit-agenda-format.h"
#include "model/tillit-manager-day.h"
#include "tillit-agenda-day.h"
#include "tillit-agenda-ics.h"
#include "tillit-agenda-timing.h"

/* RFC 5545 3.1: lines longer than 75 octets are folded. */
#define ICS_LINE_OCTETS 75

/**
 * tillit_agenda_ics_escape:
 * @text: (nullable): a value of type TEXT
 *
 * Returns: (transfer full): @text with backslashes, semicolons, commas and
 *   line breaks escaped (RFC 5545 3.3.11)
 */
char *
tillit_agenda_ics_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          break;
        default:
          g_string_append_c (out, *p);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * tillit_agenda_ics_fold:
 * @out: where the content line goes
 * @line: one content line, UTF-8, without its line break
 *
 * Appends @line ended by CRLF, folded so no physical line passes 75
 * octets; a fold never splits a UTF-8 character.
 */
void
tillit_agenda_ics_fold (GString    *out,
                        const char *line)
{
  const char *p = line;
  gsize room = ICS_LINE_OCTETS;

  g_return_if_fail (out != NULL && line != NULL);

  while (strlen (p) > room)
    {
      const char *cut = p + room;

      while (cut > p && (*cut & 0xC0) == 0x80)
        cut--;
      g_string_append_len (out, p, cut - p);
      g_string_append (out, "\r\n ");
      p = cut;
      /* The leading space of a continuation counts towards its 75. */
      room = ICS_LINE_OCTETS - 1;
    }
  g_string_append (out, p);
  g_string_append (out, "\r\n");
}

static void
add_property (GString    *out,
              const char *name,
              const char *text)
{
  g_autofree char *escaped = tillit_agenda_ics_escape (text);
  g_autofree char *line = g_strconcat (name, ":", escaped, NULL);

  tillit_agenda_ics_fold (out, line);
}

static void
add_raw (GString    *out,
         const char *name,
         const char *value)
{
  g_autofree char *line = g_strconcat (name, ":", value, NULL);

  tillit_agenda_ics_fold (out, line);
}

/* "2026-03-15" and 540 minutes → "20260315T090000": floating local time,
 * as a day in the municipality happens wherever its managers are. */
static char *
date_time (const char *date,
           int         minutes)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) time = NULL;
  int year, month, day;

  if (sscanf (date, "%d-%d-%d", &year, &month, &day) != 3)
    return NULL;

  midnight = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (midnight == NULL)
    return NULL;
  time = g_date_time_add_minutes (midnight, minutes);

  return g_date_time_format (time, "%Y%m%dT%H%M%S");
}

static char *
stamp (const char *modified)
{
  g_autoptr(GDateTime) time = modified != NULL ? g_date_time_new_from_iso8601 (modified, NULL) : NULL;

  if (time == NULL)
    time = g_date_time_new_now_utc ();

  return g_date_time_format (time, "%Y%m%dT%H%M%SZ");
}

static char *
describe_agenda (TillitStore           *store,
                 TillitAgendaDayTiming *timing)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < timing->items->len; i++)
    {
      TillitRecord *item = g_ptr_array_index (timing->items, i);
      const char *format_uuid = tillit_record_get_string (item, "format");
      TillitRecord *format = format_uuid != NULL ? tillit_store_lookup (store, format_uuid) : NULL;
      const char *title = tillit_record_get_string (item, "title");
      const char *facilitators = tillit_record_get_string (item, "facilitators");
      g_autofree char *start = tillit_agenda_time_format (timing->starts[i]);
      int minutes = tillit_record_get_int (item, "duration");

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one line of an agenda in a calendar event: start,
       * title, format and minutes, e.g. "09:00 Welcome (Information, 15 min)" */
      g_string_append_printf (text, _("%s %s (%s, %d min)"), start,
                              title != NULL ? title : "",
                              tillit_agenda_format_name (format), minutes);
      if (facilitators != NULL && *facilitators != '\0')
        g_string_append_printf (text, " – %s", facilitators);
    }

  return g_string_free (text, FALSE);
}

static void
add_event (GString      *out,
           TillitStore  *store,
           TillitRecord *day)
{
  g_autoptr(TillitAgendaDayTiming) timing = tillit_agenda_day_timing (store, day);
  const char *date = tillit_record_get_string (day, "date");
  g_autofree char *start = date_time (date, timing->start);
  g_autofree char *end = date_time (date, MAX (timing->end, timing->planned_end));
  g_autofree char *dtstamp = stamp (tillit_record_get_modified (day));
  g_autofree char *description = describe_agenda (store, timing);
  const char *title = tillit_record_get_string (day, "title");
  const char *theme = tillit_record_get_string (day, "theme");
  const char *venue = tillit_record_get_string (day, "venue");

  if (start == NULL || end == NULL)
    return;

  g_string_append (out, "BEGIN:VEVENT\r\n");
  add_raw (out, "UID", tillit_record_get_uuid (day));
  add_raw (out, "DTSTAMP", dtstamp);
  add_raw (out, "DTSTART", start);
  add_raw (out, "DTEND", end);
  add_property (out, "SUMMARY", title != NULL && *title != '\0' ? title : _("Manager day"));
  if (theme != NULL && *theme != '\0')
    {
      g_autofree char *with_theme = g_strdup_printf ("%s\n\n%s", theme, description);

      add_property (out, "DESCRIPTION", with_theme);
    }
  else
    add_property (out, "DESCRIPTION", description);
  if (venue != NULL && *venue != '\0')
    add_property (out, "LOCATION", venue);
  g_string_append (out, "END:VEVENT\r\n");
}

/**
 * tillit_agenda_ics_build:
 * @store: the store
 *
 * One event per manager day with a date, from its start to the later of
 * its agenda's end and its planned end; the UID is the day's UUID, so a
 * calendar that imports the file again updates the event rather than
 * adding a second one.
 *
 * Returns: (transfer full): the calendar, CRLF line ends
 */
char *
tillit_agenda_ics_build (TillitStore *store)
{
  GString *out = g_string_new (NULL);
  GListModel *days;

  g_return_val_if_fail (TILLIT_IS_STORE (store), g_string_free (out, FALSE));

  g_string_append (out, "BEGIN:VCALENDAR\r\n");
  add_raw (out, "VERSION", "2.0");
  add_raw (out, "PRODID", "-//Tillit//Manager days " PACKAGE_VERSION "//EN");
  add_raw (out, "CALSCALE", "GREGORIAN");

  days = tillit_store_list (store, TILLIT_TYPE_MANAGER_DAY);
  for (guint i = 0; i < g_list_model_get_n_items (days); i++)
    {
      g_autoptr(TillitRecord) day = g_list_model_get_item (days, i);

      add_event (out, store, day);
    }

  g_string_append (out, "END:VCALENDAR\r\n");

  return g_string_free (out, FALSE);
}

/**
 * tillit_agenda_ics_write:
 * @store: the store
 * @file: where the calendar goes; replaced whole, never half-written
 * @error: return location for an error
 *
 * Returns: %TRUE if the file was written
 */
gboolean
tillit_agenda_ics_write (TillitStore  *store,
                         GFile        *file,
                         GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (TILLIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = tillit_agenda_ics_build (store);

  return g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
