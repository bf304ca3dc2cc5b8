/* tillit-exchange-cli.c: --export, --import and --validate, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each prints what it did on stdout, any error on stderr, and returns the
 * exit status: 0 when all went well.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-exchange-cli.h"

static int
fail (GError *error)
{
  g_printerr ("%s\n", error->message);
  g_error_free (error);
  return 1;
}

int
tillit_exchange_cli_export (const char                 *database,
                            const char                 *file,
                            const TillitExchangeSource *source,
                            gboolean                    personal_data)
{
  g_autoptr(TillitDatabase) db = NULL;
  g_autoptr(GFile) target = NULL;
  GError *error = NULL;

  g_return_val_if_fail (database != NULL && file != NULL, 2);

  db = tillit_database_open (database, &error);
  if (db == NULL)
    return fail (error);
  target = g_file_new_for_commandline_arg (file);
  if (!tillit_exchange_export (db, target, source, NULL,
                               personal_data ? TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA
                                             : TILLIT_EXCHANGE_EXPORT_NONE,
                               NULL, NULL, NULL, &error))
    return fail (error);
  g_print (personal_data ? _("Exported the programme, with personal data, to %s\n")
                         : _("Exported the programme, without personal data, to %s\n"), file);
  return 0;
}

static const char *
action_word (TillitExchangeAction action)
{
  switch (action)
    {
    case TILLIT_EXCHANGE_ACTION_NEW:
      return _("new");
    case TILLIT_EXCHANGE_ACTION_UPDATED:
      return _("updated");
    case TILLIT_EXCHANGE_ACTION_CONFLICT:
      return _("conflict, ours kept");
    default:
      return _("unchanged");
    }
}

int
tillit_exchange_cli_import (const char *database,
                            const char *file,
                            gboolean    dry_run)
{
  g_autoptr(TillitDatabase) db = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(TillitExchangePlan) plan = NULL;
  GError *error = NULL;

  g_return_val_if_fail (database != NULL && file != NULL, 2);

  db = tillit_database_open (database, &error);
  if (db == NULL)
    return fail (error);
  source = g_file_new_for_commandline_arg (file);
  plan = tillit_exchange_plan_new (db, source, 0, NULL, NULL, NULL, &error);
  if (plan == NULL)
    return fail (error);

  g_print (_("From %s (%s): %u new, %u updated, %u unchanged, %u conflicts\n"),
           tillit_exchange_plan_get_source_name (plan),
           tillit_exchange_plan_get_source_kommunkod (plan)
           ? tillit_exchange_plan_get_source_kommunkod (plan) : "",
           tillit_exchange_plan_count (plan, TILLIT_EXCHANGE_ACTION_NEW),
           tillit_exchange_plan_count (plan, TILLIT_EXCHANGE_ACTION_UPDATED),
           tillit_exchange_plan_count (plan, TILLIT_EXCHANGE_ACTION_UNCHANGED),
           tillit_exchange_plan_count (plan, TILLIT_EXCHANGE_ACTION_CONFLICT));
  for (guint i = 0; i < tillit_exchange_plan_get_n_entries (plan); i++)
    {
      TillitExchangeAction action = tillit_exchange_plan_get_action (plan, i);
      const char *label = tillit_exchange_plan_get_label (plan, i);
      g_autofree char *quoted = NULL;

      if (action == TILLIT_EXCHANGE_ACTION_UNCHANGED)
        continue;
      quoted = label != NULL ? g_strdup_printf (" “%s”", label) : g_strdup ("");
      g_print ("%s:%u: %s %s%s: %s\n", file, tillit_exchange_plan_get_line (plan, i),
               tillit_exchange_plan_get_kind (plan, i), tillit_exchange_plan_get_uuid (plan, i),
               quoted, action_word (action));
    }

  if (dry_run)
    g_print (_("Dry run: nothing was written\n"));
  else if (tillit_exchange_plan_apply (plan, NULL, &error))
    g_print (_("Imported\n"));
  else
    return fail (error);
  return 0;
}

int
tillit_exchange_cli_validate (const char *file)
{
  g_autoptr(GFile) source = NULL;
  GError *error = NULL;

  g_return_val_if_fail (file != NULL, 2);

  source = g_file_new_for_commandline_arg (file);
  if (!tillit_exchange_validate (source, 0, NULL, &error))
    return fail (error);
  g_print (_("%s is a valid Tillit exchange file\n"), file);
  return 0;
}
