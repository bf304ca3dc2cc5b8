/* tillit-learning.h: something a pilot taught, dated, so it can travel to other units and municipalities.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_LEARNING (tillit_learning_get_type ())
G_DECLARE_FINAL_TYPE (TillitLearning, tillit_learning, TILLIT, LEARNING, TillitRecord)

char *tillit_learning_dup_headline (TillitRecord *learning,
                                    guint         max_chars);

G_END_DECLS
