/* tillit-pilot-editor.h: every field of one pilot, its decision,
 * learnings and adoptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-model.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_PILOT_EDITOR (tillit_pilot_editor_get_type ())
G_DECLARE_FINAL_TYPE (TillitPilotEditor, tillit_pilot_editor, TILLIT, PILOT_EDITOR, AdwBin)

TillitStore  *tillit_pilot_editor_get_store  (TillitPilotEditor *self);
void          tillit_pilot_editor_set_store  (TillitPilotEditor *self,
                                              TillitStore       *store);
TillitRecord *tillit_pilot_editor_get_pilot  (TillitPilotEditor *self);
void          tillit_pilot_editor_set_pilot  (TillitPilotEditor *self,
                                              TillitRecord      *pilot);
void          tillit_pilot_editor_flush      (TillitPilotEditor *self);

void          tillit_pilot_show_toast        (GtkWidget         *widget,
                                              TillitStore       *store,
                                              const char        *message,
                                              gboolean           offer_undo);
void          tillit_pilot_show_error        (GtkWidget         *widget,
                                              const GError      *error);

G_END_DECLS
