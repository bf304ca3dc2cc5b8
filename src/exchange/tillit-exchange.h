/* tillit-exchange.h: the XML exchange between municipalities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

#include "tillit-exchange-error.h"
#include "tillit-exchange-plan.h"

G_BEGIN_DECLS

/**
 * TillitExchangeSource:
 * @name: the exporting municipality, e.g. "Ekdala kommun"
 * @kommunkod: its four-digit municipality code
 */
typedef struct
{
  const char *name;
  const char *kommunkod;
} TillitExchangeSource;

typedef enum
{
  TILLIT_EXCHANGE_EXPORT_NONE = 0,
  TILLIT_EXCHANGE_EXPORT_PERSONAL_DATA = 1 << 0,
} TillitExchangeExportFlags;

gboolean tillit_exchange_validate      (GFile                       *file,
                                        guint64                      max_bytes,
                                        GCancellable                *cancellable,
                                        GError                     **error);

gboolean tillit_exchange_export        (sqlite3                     *db,
                                        GFile                       *file,
                                        const TillitExchangeSource  *source,
                                        const char * const          *roots,
                                        TillitExchangeExportFlags    flags,
                                        TillitExchangeProgress       progress,
                                        gpointer                     progress_data,
                                        GCancellable                *cancellable,
                                        GError                     **error);

G_END_DECLS
