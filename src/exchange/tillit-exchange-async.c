/* tillit-exchange-async.c: import and export off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tillit-exchange.h"

typedef struct
{
  sqlite3 *db;
  GFile *file;
  guint64 max_bytes;
  TillitExchangeProgress progress;
  gpointer progress_data;
  GMainContext *context;
} PlanData;

typedef struct
{
  TillitExchangeProgress progress;
  gpointer progress_data;
  double fraction;
} ProgressReport;

static void
plan_data_free (PlanData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static gboolean
report_progress (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->progress (report->fraction, report->progress_data);
  return G_SOURCE_REMOVE;
}

/* Called in the worker; the caller hears it in its own main context. */
static void
relay_progress (double   fraction,
                gpointer user_data)
{
  PlanData *data = user_data;
  ProgressReport *report = g_new (ProgressReport, 1);

  report->progress = data->progress;
  report->progress_data = data->progress_data;
  report->fraction = fraction;
  g_main_context_invoke_full (data->context, G_PRIORITY_DEFAULT, report_progress,
                              report, g_free);
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PlanData *data = task_data;
  GError *error = NULL;
  TillitExchangePlan *plan;

  plan = tillit_exchange_plan_new (data->db, data->file, data->max_bytes,
                                   data->progress ? relay_progress : NULL, data,
                                   cancellable, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

/**
 * tillit_exchange_plan_new_async:
 *
 * Builds the plan of tillit_exchange_plan_new() in a worker thread. The
 * database connection must not be used by anyone else until it finishes.
 */
void
tillit_exchange_plan_new_async (sqlite3                *db,
                                GFile                  *file,
                                guint64                 max_bytes,
                                TillitExchangeProgress  progress,
                                gpointer                progress_data,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  PlanData *data;

  g_return_if_fail (db != NULL);
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (PlanData, 1);
  data->db = db;
  data->file = g_object_ref (file);
  data->max_bytes = max_bytes;
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tillit_exchange_plan_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) plan_data_free);
  g_task_run_in_thread (task, plan_thread);
}

TillitExchangePlan *
tillit_exchange_plan_new_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (tillit_exchange_plan_apply (TILLIT_EXCHANGE_PLAN (source_object), cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tillit_exchange_plan_apply_async:
 *
 * Applies the plan in a worker thread; cancelled, the database is left as
 * it was.
 */
void
tillit_exchange_plan_apply_async (TillitExchangePlan  *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (TILLIT_IS_EXCHANGE_PLAN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tillit_exchange_plan_apply_async);
  g_task_run_in_thread (task, apply_thread);
}

gboolean
tillit_exchange_plan_apply_finish (TillitExchangePlan  *self,
                                   GAsyncResult        *result,
                                   GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
