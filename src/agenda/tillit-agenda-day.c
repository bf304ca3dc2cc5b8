/* tillit-agenda-day.c: a manager day's agenda read from the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "model/tillit-agenda-format.h"
#include "model/tillit-agenda-item.h"
#include "model/tillit-manager-day.h"
#include "tillit-agenda-day.h"
#include "tillit-agenda-timing.h"

/**
 * tillit_agenda_day_items:
 * @store: the store
 * @day: a #TillitManagerDay
 *
 * Returns: (transfer container) (element-type TillitRecord): the day's
 *   items in agenda order (the store keeps them sorted by position)
 */
GPtrArray *
tillit_agenda_day_items (TillitStore  *store,
                         TillitRecord *day)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all;
  const char *uuid;
  guint n;

  g_return_val_if_fail (TILLIT_IS_STORE (store), items);
  g_return_val_if_fail (TILLIT_IS_MANAGER_DAY (day), items);

  all = tillit_store_list (store, TILLIT_TYPE_AGENDA_ITEM);
  uuid = tillit_record_get_uuid (day);
  n = g_list_model_get_n_items (all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TillitRecord) item = g_list_model_get_item (all, i);

      if (g_strcmp0 (tillit_record_get_string (item, "day"), uuid) == 0)
        g_ptr_array_add (items, g_steal_pointer (&item));
    }

  return items;
}

static gboolean
format_is_dialogue (TillitStore *store,
                    const char  *format)
{
  TillitRecord *record = format != NULL ? tillit_store_lookup (store, format) : NULL;

  return record != NULL && tillit_record_get_boolean (record, "dialogue");
}

/**
 * tillit_agenda_day_timing:
 * @store: the store
 * @day: a #TillitManagerDay
 *
 * A day without a start time starts at nine, the usual hour, so that a
 * new agenda shows times at once.
 *
 * Returns: (transfer full): the day's clock
 */
TillitAgendaDayTiming *
tillit_agenda_day_timing (TillitStore  *store,
                          TillitRecord *day)
{
  TillitAgendaDayTiming *timing = g_new0 (TillitAgendaDayTiming, 1);
  g_autofree int *durations = NULL;
  g_autofree gboolean *dialogue = NULL;

  timing->items = tillit_agenda_day_items (store, day);
  timing->starts = g_new0 (int, timing->items->len + 1);
  durations = g_new0 (int, timing->items->len + 1);
  dialogue = g_new0 (gboolean, timing->items->len + 1);

  for (guint i = 0; i < timing->items->len; i++)
    {
      TillitRecord *item = g_ptr_array_index (timing->items, i);

      durations[i] = tillit_record_get_int (item, "duration");
      dialogue[i] = format_is_dialogue (store, tillit_record_get_string (item, "format"));
    }

  timing->start = tillit_agenda_time_parse (tillit_record_get_string (day, "start-time"));
  if (timing->start < 0)
    timing->start = TILLIT_AGENDA_DEFAULT_START;
  timing->planned_end = tillit_agenda_time_parse (tillit_record_get_string (day, "planned-end"));
  timing->end = tillit_agenda_timing_compute (timing->start, durations, timing->items->len, timing->starts);
  timing->overrun = tillit_agenda_timing_overrun (timing->end, timing->planned_end);
  timing->dialogue_share = tillit_agenda_dialogue_share (dialogue, durations, timing->items->len);

  return timing;
}

void
tillit_agenda_day_timing_free (TillitAgendaDayTiming *timing)
{
  if (timing == NULL)
    return;

  g_ptr_array_unref (timing->items);
  g_free (timing->starts);
  g_free (timing);
}

/**
 * tillit_agenda_day_start_of:
 * @timing: a day's clock
 * @item: one of its items
 *
 * Returns: the item's start in minutes since midnight, -1 if it is not
 *   on the day
 */
int
tillit_agenda_day_start_of (TillitAgendaDayTiming *timing,
                            TillitRecord          *item)
{
  guint index;

  g_return_val_if_fail (timing != NULL, -1);

  if (!g_ptr_array_find (timing->items, item, &index))
    return -1;

  return timing->starts[index];
}

/**
 * tillit_agenda_day_minutes_per_format:
 * @store: the store
 * @day: a #TillitManagerDay
 *
 * Returns: (transfer full) (element-type TillitAgendaFormatMinutes): the
 *   minutes per format UUID, in the order of the store's formats; the keys
 *   are owned by the store's records
 */
GArray *
tillit_agenda_day_minutes_per_format (TillitStore  *store,
                                      TillitRecord *day)
{
  g_autoptr(GPtrArray) items = tillit_agenda_day_items (store, day);
  GListModel *formats = tillit_store_list (store, TILLIT_TYPE_AGENDA_FORMAT);
  guint n_formats = g_list_model_get_n_items (formats);
  g_autofree const char **keys = g_new0 (const char *, items->len + 1);
  g_autofree int *durations = g_new0 (int, items->len + 1);
  guint n = 0;

  /* Walking formats first gives the bar the same order of colours on
   * every day, whatever order the items come in. */
  for (guint f = 0; f <= n_formats; f++)
    {
      g_autoptr(TillitRecord) format = f < n_formats ? g_list_model_get_item (formats, f) : NULL;
      const char *uuid = format != NULL ? tillit_record_get_uuid (format) : NULL;

      for (guint i = 0; i < items->len; i++)
        {
          TillitRecord *item = g_ptr_array_index (items, i);
          const char *item_format = tillit_record_get_string (item, "format");

          if (format != NULL ? g_strcmp0 (item_format, uuid) == 0
                             : (item_format == NULL || tillit_store_lookup (store, item_format) == NULL))
            {
              keys[n] = uuid;
              durations[n] = tillit_record_get_int (item, "duration");
              n++;
            }
        }
    }

  return tillit_agenda_minutes_per_format (keys, durations, n);
}

/**
 * tillit_agenda_day_copy:
 * @store: the store
 * @day: the #TillitManagerDay to copy
 * @date: (nullable): the new day's date, `YYYY-MM-DD`
 * @error: return location for an error
 *
 * Makes a new day with the same plan: title, theme, venue, times and every
 * item with its duration, format, facilitators, principles, pilot and
 * notes. Outcomes belong to the day they were reached on, so they are left
 * behind. One undo step.
 *
 * Returns: (transfer none) (nullable): the new day, owned by the store
 */
TillitRecord *
tillit_agenda_day_copy (TillitStore   *store,
                        TillitRecord  *day,
                        const char    *date,
                        GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;
  TillitRecord *copy;

  g_return_val_if_fail (TILLIT_IS_STORE (store), NULL);
  g_return_val_if_fail (TILLIT_IS_MANAGER_DAY (day), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  items = tillit_agenda_day_items (store, day);

  tillit_store_begin_group (store, _("Copy manager day"));
  copy = tillit_store_create (store, TILLIT_TYPE_MANAGER_DAY, error,
                              "date", date,
                              "title", tillit_record_get_string (day, "title"),
                              "theme", tillit_record_get_string (day, "theme"),
                              "venue", tillit_record_get_string (day, "venue"),
                              "start-time", tillit_record_get_string (day, "start-time"),
                              "planned-end", tillit_record_get_string (day, "planned-end"),
                              NULL);

  for (guint i = 0; copy != NULL && i < items->len; i++)
    {
      TillitRecord *item = g_ptr_array_index (items, i);

      if (tillit_store_create (store, TILLIT_TYPE_AGENDA_ITEM, error,
                               "day", tillit_record_get_uuid (copy),
                               "position", (int) i,
                               "duration", tillit_record_get_int (item, "duration"),
                               "title", tillit_record_get_string (item, "title"),
                               "format", tillit_record_get_string (item, "format"),
                               "facilitators", tillit_record_get_string (item, "facilitators"),
                               "principles", tillit_record_get_strv (item, "principles"),
                               "pilot", tillit_record_get_string (item, "pilot"),
                               "learning", tillit_record_get_string (item, "learning"),
                               "notes", tillit_record_get_string (item, "notes"),
                               NULL) == NULL)
        copy = NULL;
    }
  tillit_store_end_group (store);

  return copy;
}

/**
 * tillit_agenda_day_move_item:
 * @store: the store
 * @item: a #TillitAgendaItem
 * @index: where it goes among its day's items, counted before the move;
 *   past the end means last
 * @error: return location for an error
 *
 * Renumbers the day's positions from 0, writing only the items whose
 * position changes, as one undo step; the later items' times follow.
 *
 * Returns: %TRUE if every position was written
 */
gboolean
tillit_agenda_day_move_item (TillitStore   *store,
                             TillitRecord  *item,
                             guint          index,
                             GError       **error)
{
  g_autoptr(GPtrArray) items = NULL;
  TillitRecord *day;
  gboolean ok = TRUE;
  guint from;

  g_return_val_if_fail (TILLIT_IS_STORE (store), FALSE);
  g_return_val_if_fail (TILLIT_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  day = tillit_store_lookup (store, tillit_record_get_string (item, "day"));
  g_return_val_if_fail (day != NULL, FALSE);

  items = tillit_agenda_day_items (store, day);
  if (!g_ptr_array_find (items, item, &from))
    g_return_val_if_reached (FALSE);

  g_object_ref (item);
  g_ptr_array_remove_index (items, from);
  g_ptr_array_insert (items, MIN (index, items->len), item);

  tillit_store_begin_group (store, _("Move agenda item"));
  for (guint i = 0; ok && i < items->len; i++)
    {
      TillitRecord *record = g_ptr_array_index (items, i);

      if (tillit_record_get_int (record, "position") != (int) i)
        ok = tillit_store_update (store, record, error, "position", (int) i, NULL);
    }
  tillit_store_end_group (store);

  return ok;
}

/**
 * tillit_agenda_localized_name:
 * @record: a record with a name per language (`name-en`, `name-sv` …)
 *
 * The first language the user asks for that has a name wins, as gettext
 * picks a translation; English is the last resort.
 *
 * Returns: (transfer none) (nullable): the name, or %NULL if it has none
 */
const char *
tillit_agenda_localized_name (TillitRecord *record)
{
  const char * const *languages = g_get_language_names ();
  const TillitRecordKind *kind;
  const char *name = NULL;

  g_return_val_if_fail (TILLIT_IS_RECORD (record), NULL);

  kind = tillit_record_get_kind (record);
  for (guint i = 0; name == NULL && languages[i] != NULL; i++)
    {
      g_autofree char *field = g_strdup_printf ("name-%s", languages[i]);

      if (tillit_record_kind_find_field (kind, field) >= 0)
        name = tillit_record_get_string (record, field);
      if (name != NULL && *name == '\0')
        name = NULL;
    }
  if (name == NULL && tillit_record_kind_find_field (kind, "name-en") >= 0)
    name = tillit_record_get_string (record, "name-en");

  return name;
}

/**
 * tillit_agenda_format_name:
 * @format: (nullable): a #TillitAgendaFormat
 *
 * Returns: (transfer none): the format's name in the user's language
 */
const char *
tillit_agenda_format_name (TillitRecord *format)
{
  const char *name = format != NULL ? tillit_agenda_localized_name (format) : NULL;

  return name != NULL ? name : _("No format");
}
