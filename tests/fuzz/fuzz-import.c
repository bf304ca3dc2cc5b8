/* fuzz-import.c: the libFuzzer harness of the import (make fuzz)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A critical or a warning is a broken promise too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
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
