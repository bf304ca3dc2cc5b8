/* tillit-exchange-reader.h: a guarded, validating pull reader for untrusted files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

typedef struct _TillitExchangeReader TillitExchangeReader;

TillitExchangeReader *tillit_exchange_reader_new       (GFile                 *file,
                                                        guint64                max_bytes,
                                                        GCancellable          *cancellable,
                                                        GError               **error);
void                  tillit_exchange_reader_free      (TillitExchangeReader  *self);
gboolean              tillit_exchange_reader_read      (TillitExchangeReader  *self,
                                                        gboolean              *done,
                                                        GError               **error);
xmlNodePtr            tillit_exchange_reader_expand    (TillitExchangeReader  *self,
                                                        GError               **error);
xmlTextReaderPtr      tillit_exchange_reader_get_xml   (TillitExchangeReader  *self);
double                tillit_exchange_reader_get_fraction (TillitExchangeReader *self);
void                  tillit_exchange_reader_set_error (TillitExchangeReader  *self,
                                                        GError               **error,
                                                        int                    code,
                                                        xmlNodePtr             node,
                                                        const char            *format,
                                                        ...) G_GNUC_PRINTF (5, 6);
void                  tillit_exchange_reader_set_error_at (TillitExchangeReader *self,
                                                           GError              **error,
                                                           int                   code,
                                                           guint                 line,
                                                           guint                 column,
                                                           const char           *format,
                                                           ...) G_GNUC_PRINTF (6, 7);
void                  tillit_exchange_reader_get_position (TillitExchangeReader *self,
                                                           xmlNodePtr            node,
                                                           guint                *line,
                                                           guint                *column);
char                 *tillit_exchange_reader_get_place    (TillitExchangeReader *self,
                                                           guint                 line,
                                                           guint                 column);
gboolean              tillit_exchange_reader_next_record  (TillitExchangeReader *self,
                                                           xmlNodePtr           *node,
                                                           GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TillitExchangeReader, tillit_exchange_reader_free)

G_END_DECLS
