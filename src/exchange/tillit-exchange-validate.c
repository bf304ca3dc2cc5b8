/* tillit-exchange-validate.c: checking a file without touching a database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tillit-exchange.h"
#include "tillit-exchange-reader.h"

/**
 * tillit_exchange_validate:
 * @file: the exchange file, plain or gzip-compressed
 * @max_bytes: the cap on what is read (after inflating), 0 for the default
 * @cancellable: (nullable): a #GCancellable
 * @error: a #GError, whose message starts with `FILE:LINE:COLUMN: `
 *
 * Reads the whole file under the same guards as an import and checks it
 * against the exchange schema.
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
  gboolean done = FALSE;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = tillit_exchange_reader_new (file, max_bytes, cancellable, error);
  if (reader == NULL)
    return FALSE;

  while (!done)
    if (!tillit_exchange_reader_read (reader, &done, error))
      return FALSE;

  return TRUE;
}
