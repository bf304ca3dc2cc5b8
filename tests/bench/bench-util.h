/* bench-util.h: what the benchmark programs share: a generated
 * programme, a scratch folder, medians, and the BENCH lines that
 * build-aux/bench-table.py gathers into one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A pilot brings three learnings and one adoption: five records. */
#define BENCH_RECORDS_PER_PILOT 5

guint   bench_size          (guint        fallback);
char   *bench_count         (guint        n);

char   *bench_make_dir      (const char  *name);
void    bench_remove_dir    (const char  *dir);

void    bench_fill          (const char  *path,
                             guint        n_pilots,
                             gboolean     with_history);
void    bench_fill_records  (const char  *path,
                             guint        n_records);

double  bench_ms_since      (gint64       start);
double  bench_thread_cpu_ms (void);
double  bench_median        (GArray      *ms);
double  bench_worst         (GArray      *ms);

void    bench_print         (const char  *figure,
                             double       value,
                             const char  *unit,
                             const char  *reference,
                             double       reference_value,
                             const char  *target);

G_END_DECLS
