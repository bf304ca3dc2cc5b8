/* tillit-record-private.h: for the model's own code only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

void      tillit_record_class_install_kind (TillitRecordClass      *klass,
                                            const TillitRecordKind *kind);

/* A row: one GValue per field of the kind, base fields first. */
GValue   *tillit_row_new                   (const TillitRecordKind *kind);
GValue   *tillit_row_copy                  (const TillitRecordKind *kind,
                                            const GValue           *row);
void      tillit_row_free                  (const TillitRecordKind *kind,
                                            GValue                 *row);
gboolean  tillit_value_equal               (const GValue           *a,
                                            const GValue           *b);

TillitRecord *tillit_record_new_from_row   (const TillitRecordKind *kind,
                                            GValue                 *row);
const GValue *tillit_record_peek_row       (TillitRecord           *self);
void      tillit_record_set_row            (TillitRecord           *self,
                                            const GValue           *row);

G_END_DECLS
