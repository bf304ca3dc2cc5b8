/* tillit-exchange-fields.h: how the model's fields travel in exchange files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/tillit-record-kind.h"

G_BEGIN_DECLS

gboolean  tillit_exchange_field_is_exchanged (const TillitRecordKind *kind,
                                              const TillitField      *field);
gboolean  tillit_exchange_field_is_optional  (const TillitField      *field);
gboolean  tillit_exchange_field_is_set       (const TillitField      *field);
char     *tillit_exchange_kind_columns       (const TillitRecordKind *kind,
                                              const char             *prefix);
int       tillit_exchange_kind_index         (const char             *xml_name);
int       tillit_exchange_field_index        (const TillitRecordKind *kind,
                                              const char             *xml_name);
char     *tillit_exchange_timestamp_now      (void);

G_END_DECLS
