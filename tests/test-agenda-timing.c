/* test-agenda-timing.c: the manager day's clock, its copies and its calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "model/tillit-model.h"

/* The timing and the calendar need only GLib and the model, so they are
 * compiled in here and tested without a display. */
#include "agenda/tillit-agenda-timing.c"
#include "agenda/tillit-agenda-day.c"
#include "agenda/tillit-agenda-ics.c"

#define INFORMATION "24bbf12b-1c8b-5bed-b084-bd8379c13f79"
#define DIALOGUE "568f56ac-1764-5c21-89f8-51c638273de1"
#define WORKSHOP "ac487d0b-3222-5eac-8a23-1a442ddf8d30"

static void
test_time_parse (void)
{
  g_autofree char *nine = tillit_agenda_time_format (540);
  g_autofree char *past_midnight = tillit_agenda_time_format (24 * 60 + 15);

  g_assert_cmpint (tillit_agenda_time_parse ("09:00"), ==, 540);
  g_assert_cmpint (tillit_agenda_time_parse ("00:00"), ==, 0);
  g_assert_cmpint (tillit_agenda_time_parse ("23:59"), ==, 1439);
  g_assert_cmpint (tillit_agenda_time_parse ("24:00"), ==, -1);
  g_assert_cmpint (tillit_agenda_time_parse ("9:00"), ==, -1);
  g_assert_cmpint (tillit_agenda_time_parse ("09:60"), ==, -1);
  g_assert_cmpint (tillit_agenda_time_parse (""), ==, -1);
  g_assert_cmpint (tillit_agenda_time_parse (NULL), ==, -1);
  g_assert_cmpstr (nine, ==, "09:00");
  g_assert_cmpstr (past_midnight, ==, "00:15");
}

static void
test_starts_shift (void)
{
  int durations[] = { 15, 45, 30 };
  int starts[3];
  int end = tillit_agenda_timing_compute (540, durations, 3, starts);

  g_assert_cmpint (starts[0], ==, 540);
  g_assert_cmpint (starts[1], ==, 555);
  g_assert_cmpint (starts[2], ==, 600);
  g_assert_cmpint (end, ==, 630);

  /* A longer first item moves every later one, and only those. */
  durations[0] = 25;
  end = tillit_agenda_timing_compute (540, durations, 3, starts);
  g_assert_cmpint (starts[0], ==, 540);
  g_assert_cmpint (starts[1], ==, 565);
  g_assert_cmpint (starts[2], ==, 610);
  g_assert_cmpint (end, ==, 640);

  /* So does a swap of the first two. */
  durations[0] = 45;
  durations[1] = 25;
  tillit_agenda_timing_compute (540, durations, 3, starts);
  g_assert_cmpint (starts[1], ==, 585);
  g_assert_cmpint (starts[2], ==, 610);

  g_assert_cmpint (tillit_agenda_timing_compute (480, NULL, 0, NULL), ==, 480);
}

static void
test_zero_durations (void)
{
  int durations[] = { 0, 30, 0, -5, 20 };
  int starts[5];
  int end = tillit_agenda_timing_compute (600, durations, 5, starts);

  g_assert_cmpint (starts[0], ==, 600);
  g_assert_cmpint (starts[1], ==, 600);
  g_assert_cmpint (starts[2], ==, 630);
  g_assert_cmpint (starts[3], ==, 630);
  g_assert_cmpint (starts[4], ==, 630);
  g_assert_cmpint (end, ==, 650);
}

static void
test_overrun (void)
{
  g_assert_cmpint (tillit_agenda_timing_overrun (960, 960), ==, 0);
  g_assert_cmpint (tillit_agenda_timing_overrun (950, 960), ==, 0);
  g_assert_cmpint (tillit_agenda_timing_overrun (975, 960), ==, 15);
  g_assert_cmpint (tillit_agenda_timing_overrun (2000, -1), ==, 0);
}

static void
test_minutes_per_format (void)
{
  const char *formats[] = { "a", "b", NULL, "a", "c", "b" };
  int durations[] = { 10, 20, 5, 30, 0, 1 };
  g_autoptr(GArray) minutes = tillit_agenda_minutes_per_format (formats, durations, 6);
  gboolean dialogue[] = { TRUE, FALSE, FALSE, TRUE, TRUE, FALSE };
  int none[] = { 0, 0 };

  g_assert_cmpuint (minutes->len, ==, 3);
  g_assert_cmpstr (g_array_index (minutes, TillitAgendaFormatMinutes, 0).format, ==, "a");
  g_assert_cmpint (g_array_index (minutes, TillitAgendaFormatMinutes, 0).minutes, ==, 40);
  g_assert_cmpstr (g_array_index (minutes, TillitAgendaFormatMinutes, 1).format, ==, "b");
  g_assert_cmpint (g_array_index (minutes, TillitAgendaFormatMinutes, 1).minutes, ==, 21);
  g_assert_null (g_array_index (minutes, TillitAgendaFormatMinutes, 2).format);
  g_assert_cmpint (g_array_index (minutes, TillitAgendaFormatMinutes, 2).minutes, ==, 5);

  g_assert_cmpfloat_with_epsilon (tillit_agenda_dialogue_share (dialogue, durations, 6), 40.0 / 66.0, 1e-9);
  g_assert_cmpfloat (tillit_agenda_dialogue_share (dialogue, none, 2), ==, -1);
  g_assert_cmpfloat (tillit_agenda_dialogue_share (NULL, NULL, 0), ==, -1);
}

static void
test_ics_text (void)
{
  g_autofree char *escaped = tillit_agenda_ics_escape ("a, b; c\\d\nrad");
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autofree char *long_line = NULL;
  g_auto(GStrv) lines = NULL;
  GString *builder = g_string_new ("DESCRIPTION:");

  g_assert_cmpstr (escaped, ==, "a\\, b\\; c\\\\d\\nrad");

  for (int i = 0; i < 60; i++)
    g_string_append (builder, "åäö");
  long_line = g_string_free (builder, FALSE);
  tillit_agenda_ics_fold (folded, long_line);

  g_assert_true (g_str_has_suffix (folded->str, "\r\n"));
  lines = g_strsplit (folded->str, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (i > 0)
        g_assert_cmpint (lines[i][0], ==, ' ');
    }
  g_assert_cmpuint (g_strv_length (lines), >, 3);
}

typedef struct
{
  char *tmpdir;
  TillitStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->tmpdir = g_dir_make_tmp ("tillit-agenda-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->tmpdir, "tillit.db", NULL);
  fixture->store = tillit_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->tmpdir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->tmpdir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->tmpdir);
  g_free (fixture->tmpdir);
}

static TillitRecord *
add_item (TillitStore  *store,
          TillitRecord *day,
          const char   *title,
          int           duration,
          const char   *format)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *item = tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, &error,
                                            "day", tillit_record_get_uuid (day),
                                            "title", title,
                                            "duration", duration,
                                            "format", format,
                                            NULL);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

static TillitRecord *
add_day (TillitStore *store,
         const char  *date,
         const char  *title)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *day = tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, &error,
                                           "date", date, "title", title,
                                           "theme", "Trust, and what it asks of us; together",
                                           "start-time", "09:00", "planned-end", "12:00",
                                           NULL);

  g_assert_no_error (error);
  g_assert_nonnull (day);
  return day;
}

static void
test_day_timing (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *day = add_day (fixture->store, "2026-03-12", "Spring");
  TillitRecord *welcome = add_item (fixture->store, day, "Welcome", 15, INFORMATION);
  TillitRecord *note = add_item (fixture->store, day, "Note", 0, NULL);
  TillitRecord *talk = add_item (fixture->store, day, "Talk", 120, DIALOGUE);
  TillitRecord *wrap = add_item (fixture->store, day, "Wrap-up", 60, WORKSHOP);
  g_autoptr(TillitAgendaDayTiming) timing = tillit_agenda_day_timing (fixture->store, day);
  g_autoptr(TillitAgendaDayTiming) moved = NULL;
  g_autoptr(GArray) minutes = NULL;

  g_assert_cmpuint (timing->items->len, ==, 4);
  g_assert_cmpint (tillit_agenda_day_start_of (timing, welcome), ==, 540);
  g_assert_cmpint (tillit_agenda_day_start_of (timing, note), ==, 555);
  g_assert_cmpint (tillit_agenda_day_start_of (timing, talk), ==, 555);
  g_assert_cmpint (tillit_agenda_day_start_of (timing, wrap), ==, 675);
  g_assert_cmpint (timing->end, ==, 735);
  g_assert_cmpint (timing->planned_end, ==, 720);
  g_assert_cmpint (timing->overrun, ==, 15);
  g_assert_cmpfloat_with_epsilon (timing->dialogue_share, 180.0 / 195.0, 1e-9);

  /* The last item to the front: everything after it shifts. */
  g_assert_true (tillit_agenda_day_move_item (fixture->store, wrap, 0, &error));
  g_assert_no_error (error);
  moved = tillit_agenda_day_timing (fixture->store, day);
  g_assert_true (g_ptr_array_index (moved->items, 0) == wrap);
  g_assert_true (g_ptr_array_index (moved->items, 1) == welcome);
  g_assert_cmpint (tillit_agenda_day_start_of (moved, welcome), ==, 600);
  g_assert_cmpint (tillit_agenda_day_start_of (moved, talk), ==, 615);
  for (guint i = 0; i < moved->items->len; i++)
    g_assert_cmpint (tillit_record_get_int (g_ptr_array_index (moved->items, i), "position"), ==, i);

  /* One undo step puts the order back. */
  g_assert_true (tillit_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&moved, tillit_agenda_day_timing_free);
  moved = tillit_agenda_day_timing (fixture->store, day);
  g_assert_true (g_ptr_array_index (moved->items, 0) == welcome);
  g_assert_true (g_ptr_array_index (moved->items, 3) == wrap);

  minutes = tillit_agenda_day_minutes_per_format (fixture->store, day);
  g_assert_cmpuint (minutes->len, ==, 3);
  g_assert_cmpstr (g_array_index (minutes, TillitAgendaFormatMinutes, 0).format, ==, INFORMATION);
  g_assert_cmpint (g_array_index (minutes, TillitAgendaFormatMinutes, 0).minutes, ==, 15);
  g_assert_cmpstr (g_array_index (minutes, TillitAgendaFormatMinutes, 1).format, ==, DIALOGUE);
  g_assert_cmpint (g_array_index (minutes, TillitAgendaFormatMinutes, 1).minutes, ==, 120);
  g_assert_cmpstr (g_array_index (minutes, TillitAgendaFormatMinutes, 2).format, ==, WORKSHOP);
}

static void
test_day_copy (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *day = add_day (fixture->store, "2026-03-12", "Spring");
  TillitRecord *welcome = add_item (fixture->store, day, "Welcome", 15, INFORMATION);
  TillitRecord *copy;
  g_autoptr(GPtrArray) items = NULL;

  TillitRecord *pilot = tillit_store_create (fixture->store, TILLIT_TYPE_PILOT, &error,
                                             "title", "User council", NULL);
  TillitRecord *learning = tillit_store_create (fixture->store, TILLIT_TYPE_LEARNING, &error,
                                                "pilot", tillit_record_get_uuid (pilot),
                                                "text", "Ask first", NULL);

  g_assert_no_error (error);
  add_item (fixture->store, day, "Talk", 90, DIALOGUE);
  g_assert_true (tillit_store_update (fixture->store, welcome, &error,
                                      "outcome", "Everyone came", "facilitators", "Anna",
                                      "pilot", tillit_record_get_uuid (pilot),
                                      "learning", tillit_record_get_uuid (learning), NULL));
  g_assert_no_error (error);

  copy = tillit_agenda_day_copy (fixture->store, day, "2026-05-07", &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_true (copy != day);
  g_assert_cmpstr (tillit_record_get_string (copy, "date"), ==, "2026-05-07");
  g_assert_cmpstr (tillit_record_get_string (copy, "title"), ==, "Spring");
  g_assert_cmpstr (tillit_record_get_string (copy, "planned-end"), ==, "12:00");

  items = tillit_agenda_day_items (fixture->store, copy);
  g_assert_cmpuint (items->len, ==, 2);
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 0), "title"), ==, "Welcome");
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 0), "facilitators"), ==, "Anna");
  g_assert_null (tillit_record_get_string (g_ptr_array_index (items, 0), "outcome"));
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 0), "pilot"), ==,
                   tillit_record_get_uuid (pilot));
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 0), "learning"), ==,
                   tillit_record_get_uuid (learning));
  g_assert_cmpint (tillit_record_get_int (g_ptr_array_index (items, 1), "duration"), ==, 90);
  g_assert_cmpstr (tillit_record_get_string (g_ptr_array_index (items, 1), "format"), ==, DIALOGUE);
  g_assert_cmpstr (tillit_record_get_string (welcome, "outcome"), ==, "Everyone came");

  /* The copy is one step: undo takes the day and its items away. */
  g_assert_true (tillit_store_undo (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_MANAGER_DAY)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tillit_store_list (fixture->store, TILLIT_TYPE_AGENDA_ITEM)), ==, 2);
}

static const char read_back[] =
  "import sys, icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "for e in cal.walk('VEVENT'):\n"
  "    print(e['UID'], e.decoded('DTSTART').strftime('%Y-%m-%d %H:%M'),\n"
  "          e.decoded('DTEND').strftime('%H:%M'), str(e['SUMMARY']),\n"
  "          str(e['DESCRIPTION']).count('\\n') + 1, sep='|')\n"
  "    assert 'Trust, and what it asks of us; together' in str(e['DESCRIPTION'])\n";

static void
test_ics_read_back (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  TillitRecord *spring = add_day (fixture->store, "2026-03-12", "Spring; with, commas");
  TillitRecord *autumn = add_day (fixture->store, "2026-10-01", "Autumn");
  g_autofree char *path = g_build_filename (fixture->tmpdir, "days.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", read_back, path, NULL };
  int status;

  for (int i = 0; i < 12; i++)
    {
      g_autofree char *title = g_strdup_printf ("Item %d: a long title that makes the description fold, åäö", i);

      add_item (fixture->store, spring, title, 10, i % 2 ? DIALOGUE : INFORMATION);
    }
  add_item (fixture->store, autumn, "Welcome", 30, INFORMATION);
  add_item (fixture->store, autumn, "Dialogue", 240, DIALOGUE);

  g_assert_true (tillit_agenda_ics_write (fixture->store, file, &error));
  g_assert_no_error (error);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\n"));

  if (!g_file_test ("/usr/bin/python3", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (strstr (err, "No module named 'icalendar'") != NULL)
    {
      g_test_skip ("python3-icalendar is not installed");
      return;
    }
  g_test_message ("%s", err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  /* Spring runs 09:00-11:00 within its planned end; autumn overruns to 13:30. */
  expected = g_strdup_printf ("%s|2026-03-12 09:00|12:00|Spring; with, commas|14\n"
                              "%s|2026-10-01 09:00|13:30|Autumn|4\n",
                              tillit_record_get_uuid (spring),
                              tillit_record_get_uuid (autumn));
  g_assert_cmpstr (out, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agenda/timing/parse", test_time_parse);
  g_test_add_func ("/agenda/timing/shift", test_starts_shift);
  g_test_add_func ("/agenda/timing/zero-durations", test_zero_durations);
  g_test_add_func ("/agenda/timing/overrun", test_overrun);
  g_test_add_func ("/agenda/timing/minutes-per-format", test_minutes_per_format);
  g_test_add_func ("/agenda/ics/text", test_ics_text);
  g_test_add ("/agenda/day/timing", Fixture, NULL, fixture_set_up, test_day_timing, fixture_tear_down);
  g_test_add ("/agenda/day/copy", Fixture, NULL, fixture_set_up, test_day_copy, fixture_tear_down);
  g_test_add ("/agenda/ics/read-back", Fixture, NULL, fixture_set_up, test_ics_read_back, fixture_tear_down);

  return g_test_run ();
}
