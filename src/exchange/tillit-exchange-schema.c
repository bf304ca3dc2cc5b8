/* tillit-exchange-schema.c: the exchange format's XSD, loaded once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>

#include "tillit-exchange-error.h"
#include "tillit-exchange-resources.h"
#include "tillit-exchange-schema.h"

#define SCHEMA_RESOURCE "/io/github/tillit/Tillit/exchange/tillit-exchange.xsd"

GBytes *
tillit_exchange_schema_text (void)
{
  return g_resource_lookup_data (tillit_exchange_get_resource (), SCHEMA_RESOURCE,
                                 G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
}

static void
ignore_schema_error (void       *context,
                     xmlErrorPtr xerror)
{
}

/* The schema is ours and compiled in, so a failure here is a build error;
 * it is still reported rather than asserted so that an import fails
 * cleanly. The parsed schema is immutable and shared by every reader. */
static gpointer
load_schema (gpointer data)
{
  g_autoptr(GBytes) text = tillit_exchange_schema_text ();
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  gsize len;
  const char *xsd;

  xmlInitParser ();
  if (text == NULL)
    return NULL;

  xsd = g_bytes_get_data (text, &len);
  parser = xmlSchemaNewMemParserCtxt (xsd, (int) len);
  xmlSchemaSetParserStructuredErrors (parser, ignore_schema_error, NULL);
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  return schema;
}

xmlSchemaPtr
tillit_exchange_schema_get (GError **error)
{
  static GOnce once = G_ONCE_INIT;
  xmlSchemaPtr schema = g_once (&once, load_schema, NULL);

  if (schema == NULL)
    g_set_error (error, TILLIT_EXCHANGE_ERROR, TILLIT_EXCHANGE_ERROR_FAILED,
                 _("The exchange schema built into Tillit could not be read"));
  return schema;
}
