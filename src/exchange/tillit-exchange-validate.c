/* tillit-exchange-validate.c: checking a file without touching a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tillit-exchange.h"
#include "tillit-exchange-keys.h"
#include "tillit-exchange-reader.h"

static gboolean
check_keys (TillitExchangeReader  *reader,
            sqlite3               *db,
            GError               **error)
{
  g_autoptr(TillitExchangeKeys) keys = tillit_exchange_keys_new (db, reader, error);
  xmlNodePtr node;

  if (keys == NULL)
    return FALSE;
  do
    if (!tillit_exchange_reader_next_record (reader, &node, error) ||
        (node != NULL && !tillit_exchange_keys_add (keys, node, error)))
      return FALSE;
  while (node != NULL);
  return tillit_exchange_keys_check (keys, error);
}

/**
 * tillit_exchange_validate:
 * @file: the exchange file, plain or gzip-compressed
 * @max_bytes: the cap on what is read (after inflating), 0 for the default
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError, whose message starts with `FILE:LINE:COLUMN: `
 *
 * Reads the whole file under the same guards as an import and checks it
 * against the exchange schema, its keys and references too.
 *
 * Returns: %TRUE when the file is a valid exchange file
 */
gboolean
tillit_exchange_validate (GFile         *file,
                          guint64        max_bytes,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(TillitExchangeReader) reader = NULL;
  sqlite3 *db = NULL;
  gboolean ok;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = tillit_exchange_reader_new (file, max_bytes, cancellable, error);
  if (reader == NULL)
    return FALSE;

  /* The keys of a large file do not fit in memory: a private database on
   * disk, gone when closed, holds them. */
  if (sqlite3_open_v2 ("", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
                   _("The database failed: %s"), sqlite3_errmsg (db));
      sqlite3_close (db);
      return FALSE;
    }
  /* One transaction, not one per record. */
  ok = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
       check_keys (reader, db, error);
  sqlite3_close (db);
  return ok;
}
