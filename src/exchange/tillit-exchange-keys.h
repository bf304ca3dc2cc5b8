/* tillit-exchange-keys.h: unique UUIDs and resolved references, checked on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tillit-exchange-reader.h"

G_BEGIN_DECLS

typedef struct _TillitExchangeKeys TillitExchangeKeys;

TillitExchangeKeys *tillit_exchange_keys_new        (sqlite3               *db,
                                                     TillitExchangeReader  *reader);
void                tillit_exchange_keys_free       (TillitExchangeKeys    *self);
gboolean            tillit_exchange_keys_add        (TillitExchangeKeys    *self,
                                                     xmlNodePtr             node,
                                                     GError               **error);
const char         *tillit_exchange_keys_get_table  (TillitExchangeKeys    *self);
gboolean            tillit_exchange_keys_check      (TillitExchangeKeys    *self,
                                                     GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TillitExchangeKeys, tillit_exchange_keys_free)

G_END_DECLS
