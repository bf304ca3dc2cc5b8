/* tillit-record.h: what every record has, and generic access to the rest
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "tillit-record-kind.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_RECORD (tillit_record_get_type ())
G_DECLARE_DERIVABLE_TYPE (TillitRecord, tillit_record, TILLIT, RECORD, GObject)

struct _TillitRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  const TillitRecordKind *kind;
  GParamSpec **pspecs;
  gpointer padding[8];
};

const TillitRecordKind *tillit_record_get_kind     (TillitRecord *self);
const char             *tillit_record_get_uuid     (TillitRecord *self);
const char             *tillit_record_get_created  (TillitRecord *self);
const char             *tillit_record_get_modified (TillitRecord *self);
const char             *tillit_record_get_origin   (TillitRecord *self);
guint                   tillit_record_get_revision (TillitRecord *self);

const GValue           *tillit_record_get_value    (TillitRecord *self,
                                                    guint         index);
const char             *tillit_record_get_string   (TillitRecord *self,
                                                    const char   *name);
int                     tillit_record_get_int      (TillitRecord *self,
                                                    const char   *name);
gboolean                tillit_record_get_boolean  (TillitRecord *self,
                                                    const char   *name);
const char * const     *tillit_record_get_strv     (TillitRecord *self,
                                                    const char   *name);

G_END_DECLS
