/* tillit-framework.h: a principle framework: data, versioned and importable, not code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tillit-record.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_FRAMEWORK (tillit_framework_get_type ())
G_DECLARE_FINAL_TYPE (TillitFramework, tillit_framework, TILLIT, FRAMEWORK, TillitRecord)

G_END_DECLS
