/* tillit-recruitment-text.c: the words the recruitment tool shows for its data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tillit-recruitment-text.h"

/**
 * tillit_recruitment_level_label:
 * @level: 0 to 4 on the anchored scale
 *
 * Returns: the level's anchor, "0 · No evidence" …
 */
const char *
tillit_recruitment_level_label (int level)
{
  switch (level)
    {
    case 0: return _("0 · No evidence");
    case 1: return _("1 · Limited");
    case 2: return _("2 · Partly meets");
    case 3: return _("3 · Meets");
    case 4: return _("4 · Exceeds");
    default: g_return_val_if_reached ("");
    }
}

const char *
tillit_recruitment_status_label (const char *nick)
{
  if (g_strcmp0 (nick, "advertised") == 0)
    return C_("vacancy status", "Advertised");
  if (g_strcmp0 (nick, "interviewing") == 0)
    return C_("vacancy status", "Interviewing");
  if (g_strcmp0 (nick, "filled") == 0)
    return C_("vacancy status", "Filled");
  if (g_strcmp0 (nick, "withdrawn") == 0)
    return C_("vacancy status", "Withdrawn");
  return C_("vacancy status", "Draft");
}

const char *
tillit_recruitment_category_label (const char *nick)
{
  if (g_strcmp0 (nick, "administrative") == 0)
    return _("Administrative");
  return _("Leadership");
}

/* The library holds both languages; show the one the interface speaks. */
gboolean
tillit_recruitment_prefers_swedish (void)
{
  const char * const *languages = g_get_language_names ();

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_has_prefix (languages[i], "sv"))
        return TRUE;
      if (g_str_has_prefix (languages[i], "en"))
        return FALSE;
    }
  return FALSE;
}

static const char *
localized (TillitRecord *record,
           const char   *en,
           const char   *sv)
{
  const char *first = tillit_record_get_string (record, tillit_recruitment_prefers_swedish () ? sv : en);
  const char *second = tillit_record_get_string (record, tillit_recruitment_prefers_swedish () ? en : sv);

  if (first != NULL && *first != '\0')
    return first;
  return second != NULL ? second : "";
}

const char *
tillit_recruitment_competency_name (TillitRecord *competency)
{
  g_return_val_if_fail (TILLIT_IS_RECORD (competency), "");

  return localized (competency, "name-en", "name-sv");
}

const char *
tillit_recruitment_competency_description (TillitRecord *competency)
{
  g_return_val_if_fail (TILLIT_IS_RECORD (competency), "");

  return localized (competency, "description-en", "description-sv");
}

/**
 * tillit_recruitment_show_error:
 * @widget: a widget of the page
 *
 * As a toast where the window has an overlay for them, otherwise as a
 * dialog: a refused change must never pass unseen.
 */
void
tillit_recruitment_show_error (GtkWidget    *widget,
                               const GError *error)
{
  GtkWidget *overlay;
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      return;
    }

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
