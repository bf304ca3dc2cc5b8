/* tillit-exchange-error.h: why an exchange file was refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TILLIT_EXCHANGE_ERROR (tillit_exchange_error_quark ())

/**
 * TillitExchangeError:
 * @TILLIT_EXCHANGE_ERROR_NOT_XML: not well-formed XML, truncated or not UTF-8
 * @TILLIT_EXCHANGE_ERROR_REFUSED: a construct refused on untrusted input (DOCTYPE)
 * @TILLIT_EXCHANGE_ERROR_TOO_LARGE: the file, or what it inflates to, is past the cap
 * @TILLIT_EXCHANGE_ERROR_NOT_EXCHANGE: another namespace, or another format version
 * @TILLIT_EXCHANGE_ERROR_INVALID: does not follow the schema (duplicates and
 *   dangling references included)
 * @TILLIT_EXCHANGE_ERROR_CONFLICT: a record in the file cannot be merged
 *   (for example its UUID names a record of another kind here)
 * @TILLIT_EXCHANGE_ERROR_FAILED: reading, writing or the database failed
 *
 * Every message of these errors starts with `FILE:LINE:COLUMN: ` when it is
 * about a place in a file.
 */
typedef enum
{
  TILLIT_EXCHANGE_ERROR_NOT_XML,
  TILLIT_EXCHANGE_ERROR_REFUSED,
  TILLIT_EXCHANGE_ERROR_TOO_LARGE,
  TILLIT_EXCHANGE_ERROR_NOT_EXCHANGE,
  TILLIT_EXCHANGE_ERROR_INVALID,
  TILLIT_EXCHANGE_ERROR_CONFLICT,
  TILLIT_EXCHANGE_ERROR_FAILED,
} TillitExchangeError;

GQuark tillit_exchange_error_quark (void);

G_END_DECLS
