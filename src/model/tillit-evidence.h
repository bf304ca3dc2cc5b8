/* tillit-evidence.h: evidence for a cell: a note, a link to any record, or both.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_EVIDENCE (tillit_evidence_get_type ())
G_DECLARE_FINAL_TYPE (TillitEvidence, tillit_evidence, TILLIT, EVIDENCE, TillitRecord)

G_END_DECLS
