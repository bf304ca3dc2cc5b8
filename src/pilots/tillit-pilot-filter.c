/* tillit-pilot-filter.c: which pilots the list and the board show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "model/tillit-model.h"

#include "tillit-pilot-filter.h"

struct _TillitPilotFilter
{
  GtkFilter parent_instance;

  char *search;          /* case-folded words, space separated */
  char **words;
  char *stage;
  char *decision;
  char *outcome;
  char *unit;
  char *principle;
  TillitPilotOrigin origin;
  char *ours;
};

G_DEFINE_FINAL_TYPE (TillitPilotFilter, tillit_pilot_filter, GTK_TYPE_FILTER)

/* Folding the title and owner on every keystroke would cost an allocation
 * per pilot; the folded text is kept on the record until it changes.
 * A keystroke over 100,000 pilots waits mostly on memory, so the key is
 * one block, the text right behind the revision it was folded at. */
typedef struct
{
  guint revision;
  char haystack[];
} SearchKey;

static GQuark search_key_quark;

/* Positions of the fields the filter reads, found once: looking a field
 * up by name for each of 100,000 pilots on each keystroke shows. */
static int stage_index;
static int decision_index;
static int outcome_index;
static int unit_index;
static int principles_index;
static int title_index;
static int owner_index;

static const char *
field_string (TillitRecord *record,
              int           index)
{
  return g_value_get_string (tillit_record_get_value (record, index));
}

static const char *
search_haystack (TillitRecord *record)
{
  guint revision = tillit_record_get_revision (record);
  SearchKey *key = g_object_get_qdata (G_OBJECT (record), search_key_quark);
  g_autofree char *joined = NULL;
  g_autofree char *folded = NULL;
  gsize length;

  if (key != NULL && key->revision == revision)
    return key->haystack;

  joined = g_strjoin ("\n",
                      field_string (record, title_index) ?: "",
                      field_string (record, owner_index) ?: "",
                      NULL);
  folded = g_utf8_casefold (joined, -1);
  length = strlen (folded);
  key = g_malloc (sizeof (SearchKey) + length + 1);
  key->revision = revision;
  memcpy (key->haystack, folded, length + 1);
  g_object_set_qdata_full (G_OBJECT (record), search_key_quark, key, g_free);
  return key->haystack;
}

static gboolean
nick_matches (TillitRecord *record,
              int           index,
              const char   *wanted)
{
  return wanted == NULL || g_strcmp0 (field_string (record, index), wanted) == 0;
}

static gboolean
tillit_pilot_filter_match (GtkFilter *filter,
                           gpointer   item)
{
  TillitPilotFilter *self = TILLIT_PILOT_FILTER (filter);
  TillitRecord *record = item;

  if (!nick_matches (record, stage_index, self->stage) ||
      !nick_matches (record, decision_index, self->decision) ||
      !nick_matches (record, outcome_index, self->outcome) ||
      !nick_matches (record, unit_index, self->unit))
    return FALSE;

  if (self->principle != NULL)
    {
      const char * const *principles = g_value_get_boxed (tillit_record_get_value (record, principles_index));

      if (principles == NULL || !g_strv_contains (principles, self->principle))
        return FALSE;
    }

  if (self->origin != TILLIT_PILOT_ORIGIN_ANY)
    {
      const char *origin = tillit_record_get_origin (record);
      gboolean ours = origin == NULL || g_strcmp0 (origin, self->ours) == 0;

      if (ours != (self->origin == TILLIT_PILOT_ORIGIN_OURS))
        return FALSE;
    }

  if (self->words != NULL)
    {
      const char *haystack = search_haystack (record);

      for (guint i = 0; self->words[i] != NULL; i++)
        if (strstr (haystack, self->words[i]) == NULL)
          return FALSE;
    }

  return TRUE;
}

static GtkFilterMatch
tillit_pilot_filter_get_strictness (GtkFilter *filter)
{
  TillitPilotFilter *self = TILLIT_PILOT_FILTER (filter);

  if (self->words == NULL && self->stage == NULL && self->decision == NULL &&
      self->outcome == NULL && self->unit == NULL && self->principle == NULL &&
      self->origin == TILLIT_PILOT_ORIGIN_ANY)
    return GTK_FILTER_MATCH_ALL;
  return GTK_FILTER_MATCH_SOME;
}

static void
tillit_pilot_filter_finalize (GObject *object)
{
  TillitPilotFilter *self = TILLIT_PILOT_FILTER (object);

  g_free (self->search);
  g_strfreev (self->words);
  g_free (self->stage);
  g_free (self->decision);
  g_free (self->outcome);
  g_free (self->unit);
  g_free (self->principle);
  g_free (self->ours);

  G_OBJECT_CLASS (tillit_pilot_filter_parent_class)->finalize (object);
}

static void
tillit_pilot_filter_class_init (TillitPilotFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);
  const TillitRecordKind *kind;

  object_class->finalize = tillit_pilot_filter_finalize;
  filter_class->match = tillit_pilot_filter_match;
  filter_class->get_strictness = tillit_pilot_filter_get_strictness;

  search_key_quark = g_quark_from_static_string ("tillit-pilot-search-key");

  kind = tillit_record_kind_for_type (TILLIT_TYPE_PILOT);
  stage_index = tillit_record_kind_find_field (kind, "stage");
  decision_index = tillit_record_kind_find_field (kind, "decision");
  outcome_index = tillit_record_kind_find_field (kind, "outcome");
  unit_index = tillit_record_kind_find_field (kind, "unit");
  principles_index = tillit_record_kind_find_field (kind, "principles");
  title_index = tillit_record_kind_find_field (kind, "title");
  owner_index = tillit_record_kind_find_field (kind, "owner");
}

static void
tillit_pilot_filter_init (TillitPilotFilter *self)
{
}

TillitPilotFilter *
tillit_pilot_filter_new (void)
{
  return g_object_new (TILLIT_TYPE_PILOT_FILTER, NULL);
}

const char *
tillit_pilot_filter_get_search (TillitPilotFilter *self)
{
  g_return_val_if_fail (TILLIT_IS_PILOT_FILTER (self), NULL);

  return self->search;
}

static gboolean
words_contain (char **wider,
               char **narrower)
{
  /* Every old word is still a substring of some new word: the new search
   * can only drop pilots, so GTK re-checks only those still shown. */
  if (wider == NULL)
    return TRUE;
  if (narrower == NULL)
    return FALSE;
  for (guint i = 0; wider[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; narrower[j] != NULL && !found; j++)
        found = strstr (narrower[j], wider[i]) != NULL;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

void
tillit_pilot_filter_set_search (TillitPilotFilter *self,
                                const char        *search)
{
  g_autofree char *stripped = NULL;
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;
  GtkFilterChange change = GTK_FILTER_CHANGE_DIFFERENT;

  g_return_if_fail (TILLIT_IS_PILOT_FILTER (self));

  stripped = g_strstrip (g_strdup (search != NULL ? search : ""));
  folded = g_utf8_casefold (stripped, -1);
  if (g_strcmp0 (folded, self->search ?: "") == 0)
    return;

  if (*folded != '\0')
    words = g_strsplit_set (folded, " \t", -1);
  if (words != NULL)
    {
      GStrvBuilder *builder = g_strv_builder_new ();

      for (guint i = 0; words[i] != NULL; i++)
        if (*words[i] != '\0')
          g_strv_builder_add (builder, words[i]);
      g_strfreev (words);
      words = g_strv_builder_end (builder);
      g_strv_builder_unref (builder);
    }

  if (words_contain (self->words, words))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (words_contain (words, self->words))
    change = GTK_FILTER_CHANGE_LESS_STRICT;

  g_free (self->search);
  self->search = *folded != '\0' ? g_steal_pointer (&folded) : NULL;
  g_strfreev (self->words);
  self->words = g_steal_pointer (&words);

  gtk_filter_changed (GTK_FILTER (self), change);
}

static char **
nick_slot (TillitPilotFilter *self,
           const char        *field)
{
  if (g_str_equal (field, "stage"))
    return &self->stage;
  if (g_str_equal (field, "decision"))
    return &self->decision;
  if (g_str_equal (field, "outcome"))
    return &self->outcome;
  return NULL;
}

/**
 * tillit_pilot_filter_set_nick:
 * @field: "stage", "decision" or "outcome"
 * @nick: (nullable): the only value to show, or %NULL for all
 */
void
tillit_pilot_filter_set_nick (TillitPilotFilter *self,
                              const char        *field,
                              const char        *nick)
{
  char **slot;

  g_return_if_fail (TILLIT_IS_PILOT_FILTER (self));
  g_return_if_fail (field != NULL);

  slot = nick_slot (self, field);
  g_return_if_fail (slot != NULL);

  if (g_strcmp0 (*slot, nick) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (nick);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

const char *
tillit_pilot_filter_get_nick (TillitPilotFilter *self,
                              const char        *field)
{
  char **slot;

  g_return_val_if_fail (TILLIT_IS_PILOT_FILTER (self), NULL);

  slot = nick_slot (self, field);
  g_return_val_if_fail (slot != NULL, NULL);
  return *slot;
}

static void
set_string (TillitPilotFilter  *self,
            char              **slot,
            const char         *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (value);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

void
tillit_pilot_filter_set_unit (TillitPilotFilter *self,
                              const char        *unit)
{
  g_return_if_fail (TILLIT_IS_PILOT_FILTER (self));

  set_string (self, &self->unit, unit);
}

void
tillit_pilot_filter_set_principle (TillitPilotFilter *self,
                                   const char        *principle)
{
  g_return_if_fail (TILLIT_IS_PILOT_FILTER (self));

  set_string (self, &self->principle, principle);
}

/**
 * tillit_pilot_filter_set_origin:
 * @ours: (nullable): the UUID of our municipality
 */
void
tillit_pilot_filter_set_origin (TillitPilotFilter *self,
                                TillitPilotOrigin  origin,
                                const char        *ours)
{
  g_return_if_fail (TILLIT_IS_PILOT_FILTER (self));

  if (self->origin == origin && g_strcmp0 (self->ours, ours) == 0)
    return;
  self->origin = origin;
  g_free (self->ours);
  self->ours = g_strdup (ours);
  gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/* A pilot changed under the filter (an edit, an undo): check them all. */
void
tillit_pilot_filter_refresh (TillitPilotFilter *self)
{
  g_return_if_fail (TILLIT_IS_PILOT_FILTER (self));

  if (tillit_pilot_filter_get_strictness (GTK_FILTER (self)) != GTK_FILTER_MATCH_ALL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}

/**
 * tillit_pilot_filter_prepare:
 * @pilot: a #TillitPilot
 *
 * Folds the pilot's searchable text ahead of the first keystroke, so that
 * a large programme can be prepared while the user is not typing.
 */
void
tillit_pilot_filter_prepare (gpointer pilot)
{
  g_return_if_fail (TILLIT_IS_RECORD (pilot));

  if (search_key_quark == 0)
    g_type_class_unref (g_type_class_ref (TILLIT_TYPE_PILOT_FILTER));
  search_haystack (pilot);
}
