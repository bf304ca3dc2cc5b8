/* tillit-competency-library.h: the editable library of competencies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_COMPETENCY_LIBRARY (tillit_competency_library_get_type ())
G_DECLARE_FINAL_TYPE (TillitCompetencyLibrary, tillit_competency_library, TILLIT, COMPETENCY_LIBRARY,
                      AdwPreferencesWindow)

GtkWidget *tillit_competency_library_new (TillitStore *store);

G_END_DECLS
