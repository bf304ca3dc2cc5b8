/* tillit-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "model/tillit-store.h"

G_BEGIN_DECLS

#define TILLIT_TYPE_PREFERENCES_WINDOW (tillit_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (TillitPreferencesWindow, tillit_preferences_window, TILLIT, PREFERENCES_WINDOW, AdwPreferencesWindow)

TillitPreferencesWindow *tillit_preferences_window_new (GtkWindow   *parent,
                                                        TillitStore *store);

G_END_DECLS
