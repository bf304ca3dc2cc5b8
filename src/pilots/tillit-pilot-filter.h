/* tillit-pilot-filter.h: which pilots the list and the board show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * TillitPilotOrigin:
 * @TILLIT_PILOT_ORIGIN_ANY: every pilot
 * @TILLIT_PILOT_ORIGIN_OURS: pilots of our municipality
 * @TILLIT_PILOT_ORIGIN_OTHER: pilots from another municipality
 */
typedef enum
{
  TILLIT_PILOT_ORIGIN_ANY,
  TILLIT_PILOT_ORIGIN_OURS,
  TILLIT_PILOT_ORIGIN_OTHER,
} TillitPilotOrigin;

#define TILLIT_TYPE_PILOT_FILTER (tillit_pilot_filter_get_type ())
G_DECLARE_FINAL_TYPE (TillitPilotFilter, tillit_pilot_filter, TILLIT, PILOT_FILTER, GtkFilter)

TillitPilotFilter *tillit_pilot_filter_new          (void);

const char        *tillit_pilot_filter_get_search   (TillitPilotFilter *self);
void               tillit_pilot_filter_set_search   (TillitPilotFilter *self,
                                                     const char        *search);
void               tillit_pilot_filter_set_nick     (TillitPilotFilter *self,
                                                     const char        *field,
                                                     const char        *nick);
const char        *tillit_pilot_filter_get_nick     (TillitPilotFilter *self,
                                                     const char        *field);
void               tillit_pilot_filter_set_unit     (TillitPilotFilter *self,
                                                     const char        *unit);
void               tillit_pilot_filter_set_principle (TillitPilotFilter *self,
                                                      const char        *principle);
void               tillit_pilot_filter_set_origin   (TillitPilotFilter *self,
                                                     TillitPilotOrigin  origin,
                                                     const char        *ours);
void               tillit_pilot_filter_refresh      (TillitPilotFilter *self);
void               tillit_pilot_filter_prepare      (gpointer           pilot);

G_END_DECLS
