/* tillit-exchange-plan.h: what an import would do, before it does it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "model/tillit-database.h"

G_BEGIN_DECLS

/**
 * TillitExchangeProgress:
 * @fraction: from 0 to 1
 * @user_data: the data given with the callback
 *
 * Reports progress. The synchronous functions call it in their own thread;
 * the `_async` ones call it in the thread-default main context of the
 * caller.
 */
typedef void (*TillitExchangeProgress) (double   fraction,
                                        gpointer user_data);

typedef enum
{
  TILLIT_EXCHANGE_ACTION_NEW,
  TILLIT_EXCHANGE_ACTION_UPDATED,
  TILLIT_EXCHANGE_ACTION_UNCHANGED,
  TILLIT_EXCHANGE_ACTION_CONFLICT,
} TillitExchangeAction;

typedef enum
{
  TILLIT_EXCHANGE_KEEP_OURS,
  TILLIT_EXCHANGE_TAKE_THEIRS,
} TillitExchangeResolution;

#define TILLIT_TYPE_EXCHANGE_PLAN (tillit_exchange_plan_get_type ())
G_DECLARE_FINAL_TYPE (TillitExchangePlan, tillit_exchange_plan, TILLIT, EXCHANGE_PLAN, GObject)

TillitExchangePlan      *tillit_exchange_plan_new            (TillitDatabase          *database,
                                                              GFile                   *file,
                                                              guint64                  max_bytes,
                                                              TillitExchangeProgress   progress,
                                                              gpointer                 progress_data,
                                                              GCancellable            *cancellable,
                                                              GError                 **error);
void                     tillit_exchange_plan_new_async      (TillitDatabase          *database,
                                                              GFile                   *file,
                                                              guint64                  max_bytes,
                                                              TillitExchangeProgress   progress,
                                                              gpointer                 progress_data,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
TillitExchangePlan      *tillit_exchange_plan_new_finish     (GAsyncResult            *result,
                                                              GError                 **error);

const char              *tillit_exchange_plan_get_source_name      (TillitExchangePlan *self);
const char              *tillit_exchange_plan_get_source_municipality (TillitExchangePlan *self);
const char              *tillit_exchange_plan_get_source_kommunkod (TillitExchangePlan *self);
gboolean                 tillit_exchange_plan_has_personal_data    (TillitExchangePlan *self);

/* The plan's entries are read from disk when asked for: what the getters
 * below return for one index lasts until they are asked about another. */
guint                    tillit_exchange_plan_get_n_entries  (TillitExchangePlan      *self);
guint                    tillit_exchange_plan_count          (TillitExchangePlan      *self,
                                                              TillitExchangeAction     action);
TillitExchangeAction     tillit_exchange_plan_get_action     (TillitExchangePlan      *self,
                                                              guint                    index);
const char              *tillit_exchange_plan_get_kind       (TillitExchangePlan      *self,
                                                              guint                    index);
const char              *tillit_exchange_plan_get_uuid       (TillitExchangePlan      *self,
                                                              guint                    index);
const char              *tillit_exchange_plan_get_label      (TillitExchangePlan      *self,
                                                              guint                    index);
guint                    tillit_exchange_plan_get_line       (TillitExchangePlan      *self,
                                                              guint                    index);
const char * const      *tillit_exchange_plan_get_changed_fields (TillitExchangePlan *self,
                                                                  guint               index);
void                     tillit_exchange_plan_get_modified   (TillitExchangePlan      *self,
                                                              guint                    index,
                                                              const char             **theirs,
                                                              const char             **ours);
char                    *tillit_exchange_plan_dup_value      (TillitExchangePlan      *self,
                                                              guint                    index,
                                                              const char              *field);
TillitExchangeResolution tillit_exchange_plan_get_resolution (TillitExchangePlan      *self,
                                                              guint                    index);
void                     tillit_exchange_plan_set_resolution (TillitExchangePlan      *self,
                                                              guint                    index,
                                                              TillitExchangeResolution resolution);
void                     tillit_exchange_plan_resolve_all    (TillitExchangePlan      *self,
                                                              TillitExchangeResolution resolution);
GArray                  *tillit_exchange_plan_list_conflicts (TillitExchangePlan      *self,
                                                              guint                    max);

gboolean                 tillit_exchange_plan_apply          (TillitExchangePlan      *self,
                                                              GCancellable            *cancellable,
                                                              GError                 **error);
void                     tillit_exchange_plan_apply_async    (TillitExchangePlan      *self,
                                                              GCancellable            *cancellable,
                                                              GAsyncReadyCallback      callback,
                                                              gpointer                 user_data);
gboolean                 tillit_exchange_plan_apply_finish   (TillitExchangePlan      *self,
                                                              GAsyncResult            *result,
                                                              GError                 **error);

G_END_DECLS
