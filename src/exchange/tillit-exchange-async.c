/* tillit-exchange-async.c: import and export off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tillit-exchange.h"

typedef struct
{
  TillitDatabase *database;
  GFile *file;
  char *source_name;
  char *source_kommunkod;
  char **roots;
  TillitExchangeExportFlags flags;
  guint64 max_bytes;
  TillitExchangeProgress progress;
  gpointer progress_data;
  GMainContext *context;
} JobData;

typedef struct
{
  TillitExchangeProgress progress;
  gpointer progress_data;
  double fraction;
} ProgressReport;

static void
job_data_free (JobData *data)
{
  g_clear_object (&data->database);
  g_clear_object (&data->file);
  g_free (data->source_name);
  g_free (data->source_kommunkod);
  g_strfreev (data->roots);
  g_clear_pointer (&data->context, g_main_context_unref);
  g_free (data);
}

static JobData *
job_data_new (TillitDatabase         *database,
              GFile                  *file,
              TillitExchangeProgress  progress,
              gpointer                progress_data)
{
  JobData *data = g_new0 (JobData, 1);

  data->database = g_object_ref (database);
  data->file = g_object_ref (file);
  data->progress = progress;
  data->progress_data = progress_data;
  data->context = g_main_context_ref_thread_default ();
  return data;
}

static void
run_job (JobData             *data,
         gpointer             source_tag,
         GTaskThreadFunc      thread_func,
         GCancellable        *cancellable,
         GAsyncReadyCallback  callback,
         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) job_data_free);
  g_task_run_in_thread (task, thread_func);
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
  JobData *data = user_data;
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
  JobData *data = task_data;
  GError *error = NULL;
  TillitExchangePlan *plan;

  plan = tillit_exchange_plan_new (data->database, data->file, data->max_bytes,
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
 * database's connection is shared with the worker: nothing else may write
 * to it (through a #TillitStore either) until the plan is ready.
 */
void
tillit_exchange_plan_new_async (TillitDatabase         *database,
                                GFile                  *file,
                                guint64                 max_bytes,
                                TillitExchangeProgress  progress,
                                gpointer                progress_data,
                                GCancellable           *cancellable,
                                GAsyncReadyCallback     callback,
                                gpointer                user_data)
{
  JobData *data;

  g_return_if_fail (TILLIT_IS_DATABASE (database));
  g_return_if_fail (G_IS_FILE (file));

  data = job_data_new (database, file, progress, progress_data);
  data->max_bytes = max_bytes;
  run_job (data, tillit_exchange_plan_new_async, plan_thread, cancellable, callback, user_data);
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
 * it was. As with tillit_exchange_plan_new_async(), nothing else may
 * write to the database until it finishes.
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

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  JobData *data = task_data;
  TillitExchangeSource source = { data->source_name, data->source_kommunkod };
  GError *error = NULL;

  if (tillit_exchange_export (data->database, data->file,
                              data->source_name != NULL ? &source : NULL,
                              (const char * const *) data->roots,
                              data->flags, data->progress ? relay_progress : NULL, data,
                              cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * tillit_exchange_export_async:
 *
 * Writes the file of tillit_exchange_export() in a worker thread, with
 * @progress called in the caller's thread-default main context. Nothing
 * else may write to the database until it finishes.
 */
void
tillit_exchange_export_async (TillitDatabase             *database,
                              GFile                      *file,
                              const TillitExchangeSource *source,
                              const char * const         *roots,
                              TillitExchangeExportFlags  flags,
                              TillitExchangeProgress     progress,
                              gpointer                   progress_data,
                              GCancellable              *cancellable,
                              GAsyncReadyCallback        callback,
                              gpointer                   user_data)
{
  JobData *data;

  g_return_if_fail (TILLIT_IS_DATABASE (database));
  g_return_if_fail (G_IS_FILE (file));

  data = job_data_new (database, file, progress, progress_data);
  data->source_name = source ? g_strdup (source->name) : NULL;
  data->source_kommunkod = source ? g_strdup (source->kommunkod) : NULL;
  data->roots = g_strdupv ((char **) roots);
  data->flags = flags;
  run_job (data, tillit_exchange_export_async, export_thread, cancellable, callback, user_data);
}

gboolean
tillit_exchange_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
