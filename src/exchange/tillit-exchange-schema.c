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

/* libxml2 checks xs:key and xs:keyref by holding every key of the file
 * in memory until the root element ends, so the validator that streams
 * an import uses the schema without them; TillitExchangeKeys checks the
 * same on disk. The published schema keeps them for whole-document
 * validators. */
static gboolean
is_identity_constraint (xmlNodePtr node)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         xmlStrEqual (node->ns->href, BAD_CAST "http://www.w3.org/2001/XMLSchema") &&
         (xmlStrEqual (node->name, BAD_CAST "key") || xmlStrEqual (node->name, BAD_CAST "keyref") ||
          xmlStrEqual (node->name, BAD_CAST "unique"));
}

static void
drop_identity_constraints (xmlNodePtr node)
{
  xmlNodePtr child = node->children;

  while (child != NULL)
    {
      xmlNodePtr next = child->next;

      if (is_identity_constraint (child))
        {
          xmlUnlinkNode (child);
          xmlFreeNode (child);
        }
      else
        drop_identity_constraints (child);
      child = next;
    }
}

/**
 * tillit_exchange_schema_read_streaming:
 *
 * The schema as the import streams with it: without the identity
 * constraints, which TillitExchangeKeys checks instead.
 *
 * Returns: (transfer full) (nullable): the schema document
 */
xmlDocPtr
tillit_exchange_schema_read_streaming (void)
{
  g_autoptr(GBytes) text = tillit_exchange_schema_text ();
  xmlDocPtr doc;
  gsize len;
  const char *xsd;

  if (text == NULL)
    return NULL;
  xsd = g_bytes_get_data (text, &len);
  doc = xmlReadMemory (xsd, (int) len, SCHEMA_RESOURCE, NULL, XML_PARSE_NONET);
  if (doc != NULL)
    drop_identity_constraints (xmlDocGetRootElement (doc));
  return doc;
}

/* The schema is ours and compiled in, so a failure here is a build error;
 * it is still reported rather than asserted so that an import fails
 * cleanly. The parsed schema is immutable and shared by every reader;
 * its components point into the document, which lives as long. */
static xmlDocPtr schema_doc;

static gpointer
load_schema (gpointer data)
{
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;

  xmlInitParser ();
  schema_doc = tillit_exchange_schema_read_streaming ();
  if (schema_doc == NULL)
    return NULL;

  parser = xmlSchemaNewDocParserCtxt (schema_doc);
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
