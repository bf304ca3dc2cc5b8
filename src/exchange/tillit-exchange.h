/* tillit-exchange.h: the XML exchange between municipalities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tillit-exchange-error.h"

G_BEGIN_DECLS

gboolean tillit_exchange_validate (GFile         *file,
                                   guint64        max_bytes,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
