/* tillit-exchange-kinds.h: the record kinds the exchange format carries
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef enum
{
  TILLIT_EXCHANGE_FIELD_TEXT,
  TILLIT_EXCHANGE_FIELD_INTEGER,
  TILLIT_EXCHANGE_FIELD_BOOLEAN,
  TILLIT_EXCHANGE_FIELD_DATE,
  TILLIT_EXCHANGE_FIELD_TIME,
  TILLIT_EXCHANGE_FIELD_URI,
  TILLIT_EXCHANGE_FIELD_CHOICE,
  TILLIT_EXCHANGE_FIELD_REFERENCE,
  TILLIT_EXCHANGE_FIELD_REFERENCES,
} TillitExchangeFieldType;

typedef enum
{
  TILLIT_EXCHANGE_FIELD_OPTIONAL = 1 << 0,
  TILLIT_EXCHANGE_FIELD_PERSONAL = 1 << 1,
} TillitExchangeFieldFlags;

typedef struct
{
  const char *xml_name;
  const char *column;
  TillitExchangeFieldType type;
  const char *target;
  TillitExchangeFieldFlags flags;
} TillitExchangeField;

typedef struct
{
  const char *xml_name;
  const char *section;
  const char *table;
  gboolean personal;
  const TillitExchangeField *fields;
  guint n_fields;
} TillitExchangeKind;

guint                      tillit_exchange_kinds_get_n      (void);
const TillitExchangeKind  *tillit_exchange_kinds_get        (guint        index);
const TillitExchangeKind  *tillit_exchange_kinds_lookup     (const char  *xml_name);
const TillitExchangeKind  *tillit_exchange_kinds_lookup_section (const char *section);
int                        tillit_exchange_kind_field_index (const TillitExchangeKind *kind,
                                                             const char               *xml_name);
gboolean                   tillit_exchange_kinds_ensure_tables (sqlite3  *db,
                                                                GError  **error);

G_END_DECLS
