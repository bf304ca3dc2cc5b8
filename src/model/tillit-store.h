/* tillit-store.h: the single owner of the programme's records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "tillit-database.h"
#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_STORE_ERROR (tillit_store_error_quark ())

/**
 * TillitStoreError:
 * @TILLIT_STORE_ERROR_INVALID: a value does not fit its field
 * @TILLIT_STORE_ERROR_CONSTRAINT: the change would break a rule between
 *   records (a deleted record still in use, a duplicate)
 * @TILLIT_STORE_ERROR_NOTHING_TO_UNDO: the undo or redo stack is empty
 * @TILLIT_STORE_ERROR_FAILED: the database could not be written
 */
typedef enum
{
  TILLIT_STORE_ERROR_INVALID,
  TILLIT_STORE_ERROR_CONSTRAINT,
  TILLIT_STORE_ERROR_NOTHING_TO_UNDO,
  TILLIT_STORE_ERROR_FAILED,
} TillitStoreError;

#define TILLIT_TYPE_STORE (tillit_store_get_type ())
G_DECLARE_FINAL_TYPE (TillitStore, tillit_store, TILLIT, STORE, GObject)

GQuark          tillit_store_error_quark     (void);

TillitStore    *tillit_store_new             (TillitDatabase  *database,
                                              GError         **error);
TillitStore    *tillit_store_open            (const char      *path,
                                              GError         **error);
TillitDatabase *tillit_store_get_database    (TillitStore     *self);

GListModel     *tillit_store_list            (TillitStore     *self,
                                              GType            type);
TillitRecord   *tillit_store_lookup          (TillitStore     *self,
                                              const char      *uuid);
TillitRecord   *tillit_store_get_ours        (TillitStore     *self);

TillitRecord   *tillit_store_create          (TillitStore     *self,
                                              GType            type,
                                              GError         **error,
                                              const char      *first_property_name,
                                              ...) G_GNUC_NULL_TERMINATED;
TillitRecord   *tillit_store_createv         (TillitStore     *self,
                                              GType            type,
                                              guint            n_properties,
                                              const char      *names[],
                                              const GValue     values[],
                                              GError         **error);
gboolean        tillit_store_update          (TillitStore     *self,
                                              TillitRecord    *record,
                                              GError         **error,
                                              const char      *first_property_name,
                                              ...) G_GNUC_NULL_TERMINATED;
gboolean        tillit_store_updatev         (TillitStore     *self,
                                              TillitRecord    *record,
                                              guint            n_properties,
                                              const char      *names[],
                                              const GValue     values[],
                                              GError         **error);
gboolean        tillit_store_delete          (TillitStore     *self,
                                              TillitRecord    *record,
                                              GError         **error);
gboolean        tillit_store_erase           (TillitStore     *self,
                                              TillitRecord    *record,
                                              GError         **error);
gboolean        tillit_store_forget_history  (TillitStore     *self,
                                              GError         **error);

void            tillit_store_begin_group     (TillitStore     *self,
                                              const char      *label);
void            tillit_store_end_group       (TillitStore     *self);
gboolean        tillit_store_undo            (TillitStore     *self,
                                              GError         **error);
gboolean        tillit_store_redo            (TillitStore     *self,
                                              GError         **error);
gboolean        tillit_store_get_can_undo    (TillitStore     *self);
gboolean        tillit_store_get_can_redo    (TillitStore     *self);
const char     *tillit_store_get_undo_label  (TillitStore     *self);
const char     *tillit_store_get_redo_label  (TillitStore     *self);

gboolean        tillit_store_set_sync_state  (TillitStore     *self,
                                              const char      *uuid,
                                              const char      *base_modified,
                                              const char      *source_municipality,
                                              GError         **error);
gboolean        tillit_store_get_sync_state  (TillitStore     *self,
                                              const char      *uuid,
                                              char           **base_modified,
                                              char           **source_municipality,
                                              char           **imported_at);

G_END_DECLS
