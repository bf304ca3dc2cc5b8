/* tillit-pilot-board.h: one column per steering procedure, pilots as cards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TILLIT_TYPE_PILOT_BOARD (tillit_pilot_board_get_type ())
G_DECLARE_FINAL_TYPE (TillitPilotBoard, tillit_pilot_board, TILLIT, PILOT_BOARD, AdwBin)

GtkWidget  *tillit_pilot_board_new        (void);
void        tillit_pilot_board_set_model  (TillitPilotBoard *self,
                                           GListModel       *pilots);
void        tillit_pilot_board_refresh    (TillitPilotBoard *self);
guint       tillit_pilot_board_n_cards    (TillitPilotBoard *self,
                                           guint             column);
GtkListView *tillit_pilot_board_get_column (TillitPilotBoard *self,
                                            guint             column);

G_END_DECLS
