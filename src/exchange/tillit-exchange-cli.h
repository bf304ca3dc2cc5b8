/* tillit-exchange-cli.h: --export, --import and --validate, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-exchange.h"

G_BEGIN_DECLS

int tillit_exchange_cli_export   (const char                 *database,
                                  const char                 *file,
                                  const TillitExchangeSource *source,
                                  gboolean                    personal_data);
int tillit_exchange_cli_import   (const char                 *database,
                                  const char                 *file,
                                  gboolean                    dry_run);
int tillit_exchange_cli_validate (const char                 *file);

G_END_DECLS
