/* tillit-exchange.h: the XML exchange between municipalities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/tillit-database.h"

#include "tillit-exchange-error.h"
#include "tillit-exchange-plan.h"

G_BEGIN_DECLS

/**
 * TillitExchangeSource:
 * @name: the exporting municipality, e.g. "Ekdala kommun"
 * @kommunkod: (nullable): its four-digit municipality code
 *
 * Who a file comes from, when the caller wants to say it; by default it
 * is the municipality marked as ours in the database.
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

gboolean tillit_exchange_export        (TillitDatabase              *database,
                                        GFile                       *file,
                                        const TillitExchangeSource  *source,
                                        const char * const          *roots,
                                        TillitExchangeExportFlags    flags,
                                        TillitExchangeProgress       progress,
                                        gpointer                     progress_data,
                                        GCancellable                *cancellable,
                                        GError                     **error);
void     tillit_exchange_export_async  (TillitDatabase              *database,
                                        GFile                       *file,
                                        const TillitExchangeSource  *source,
                                        const char * const          *roots,
                                        TillitExchangeExportFlags    flags,
                                        TillitExchangeProgress       progress,
                                        gpointer                     progress_data,
                                        GCancellable                *cancellable,
                                        GAsyncReadyCallback          callback,
                                        gpointer                     user_data);
gboolean tillit_exchange_export_finish (GAsyncResult                *result,
                                        GError                     **error);

G_END_DECLS
