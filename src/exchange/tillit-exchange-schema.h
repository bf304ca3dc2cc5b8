/* tillit-exchange-schema.h: the exchange format's names and its XSD, loaded once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <libxml/xmlschemas.h>

G_BEGIN_DECLS

/* The namespace carries the format version; a file in another version of
 * the format is another namespace. */
#define TILLIT_EXCHANGE_NS_BASE "https://tillit.github.io/ns/exchange/"
#define TILLIT_EXCHANGE_FORMAT_VERSION "1"
#define TILLIT_EXCHANGE_NS TILLIT_EXCHANGE_NS_BASE TILLIT_EXCHANGE_FORMAT_VERSION
#define TILLIT_EXCHANGE_ROOT "tillit-exchange"

/* 256 MiB holds a programme many times the size of a large municipality's;
 * it bounds what a hostile file can make us read or inflate. */
#define TILLIT_EXCHANGE_DEFAULT_MAX_BYTES (G_GUINT64_CONSTANT (256) * 1024 * 1024)

xmlSchemaPtr tillit_exchange_schema_get  (GError **error);
GBytes      *tillit_exchange_schema_text (void);
xmlDocPtr    tillit_exchange_schema_read_streaming (void);

G_END_DECLS
