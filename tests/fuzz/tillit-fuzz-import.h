/* tillit-fuzz-import.h: bytes through the real import, with its promises checked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "exchange/tillit-exchange.h"

G_BEGIN_DECLS

typedef struct _TillitFuzzImport TillitFuzzImport;

TillitFuzzImport *tillit_fuzz_import_new           (const char        *example);
void              tillit_fuzz_import_free          (TillitFuzzImport  *self);
void              tillit_fuzz_import_remove_files  (TillitFuzzImport  *self);
void              tillit_fuzz_import_set_sampled   (TillitFuzzImport  *self,
                                                    gboolean           sampled);
const char       *tillit_fuzz_import_get_database  (TillitFuzzImport  *self);
const char       *tillit_fuzz_import_get_input     (TillitFuzzImport  *self);
gboolean          tillit_fuzz_import_run           (TillitFuzzImport  *self,
                                                    const guint8      *data,
                                                    gsize              size,
                                                    guint             *n_entries,
                                                    GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TillitFuzzImport, tillit_fuzz_import_free)

G_END_DECLS
