/* fuzz-import.c: the libFuzzer harness of the import (make fuzz)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <stdint.h>
#include <stdlib.h>

#include "tillit-fuzz-import.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static TillitFuzzImport *target;

static void
remove_files (void)
{
  tillit_fuzz_import_remove_files (target);
}

/* GLib stops on a fatal message with SIGTRAP, which libFuzzer does not
 * catch: the input would be lost. An abort it catches, and keeps it. A
 * critical or a warning is a broken promise too. */
static GLogWriterOutput
abort_on_fatal (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_log_writer_default (log_level, fields, n_fields, user_data);
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return G_LOG_WRITER_HANDLED;
}

/* A trap not from GLib's log (G_BREAKPOINT, say) likewise. */
static void
abort_on_trap (int signum)
{
  abort ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  signal (SIGTRAP, abort_on_trap);
  g_log_set_writer_func (abort_on_fatal, NULL, NULL);
  target = tillit_fuzz_import_new (FUZZ_EXAMPLE);
  tillit_fuzz_import_set_sampled (target, TRUE);
  atexit (remove_files);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;

  tillit_fuzz_import_run (target, data, size, NULL, &error);
  return 0;
}
