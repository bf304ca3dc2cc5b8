/* tillit-store-private.h: for the model and the exchange code only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "tillit-store.h"

G_BEGIN_DECLS

/* Writes with SQL of its own inside the store's transaction. It must not
 * begin or end a transaction itself. */
typedef gboolean (*TillitStoreSqlFunc) (sqlite3   *db,
                                        gpointer   user_data,
                                        GError   **error);

gboolean tillit_store_write_sql (TillitStore         *self,
                                 const char          *label,
                                 TillitStoreSqlFunc   func,
                                 gpointer             user_data,
                                 GError             **error);

G_END_DECLS
