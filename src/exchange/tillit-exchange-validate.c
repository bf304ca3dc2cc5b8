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
            GError               **error)
{
  g_autoptr(TillitExchangeKeys) keys = tillit_exchange_keys_new (NULL, reader);
  xmlNodePtr node;

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

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = tillit_exchange_reader_new (file, max_bytes, cancellable, error);
  if (reader == NULL)
    return FALSE;

  return check_keys (reader, error);
}
