/* tillit-overview-data.h: what the overview counts and lists, without GTK
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "model/tillit-model.h"

G_BEGIN_DECLS

/**
 * TillitOverviewTool:
 * @TILLIT_OVERVIEW_MATRIX: the principles matrix
 * @TILLIT_OVERVIEW_PILOTS: the pilot tracker
 * @TILLIT_OVERVIEW_AGENDA: the manager days
 * @TILLIT_OVERVIEW_RECRUITMENT: the recruitment checklist
 *
 * The four tools, in the order of the window's switcher: the heatmap's
 * columns and the groups of the red thread.
 */
typedef enum
{
  TILLIT_OVERVIEW_MATRIX,
  TILLIT_OVERVIEW_PILOTS,
  TILLIT_OVERVIEW_AGENDA,
  TILLIT_OVERVIEW_RECRUITMENT,
  TILLIT_OVERVIEW_N_TOOLS
} TillitOverviewTool;

/* The pilot stages, as the pilot's field table orders them. */
#define TILLIT_OVERVIEW_N_STAGES 4

/**
 * TillitOverviewRow:
 * @principle: the principle (a reference)
 * @practice: the mean practice rating (0–4, rounded) of the principle's
 *   cells as of the period, -1 when none is assessed
 * @gap: the largest say/do gap (discourse − practice) among those cells
 * @pilots: how many pilots serve the principle, per stage
 * @n_pilots: the sum of @pilots
 * @minutes: minutes of agenda items given to it in the year
 * @dialogue_minutes: of @minutes, those in a dialogue format
 * @weight: the sum of the weights of open vacancies' profile entries
 *   whose competency serves the principle
 * @records: per tool, the records behind the cell (references): the
 *   latest assessments, the pilots, the agenda items, the profile entries
 *
 * One principle's row of the coverage heatmap.
 */
typedef struct
{
  TillitRecord *principle;
  int practice;
  int gap;
  guint pilots[TILLIT_OVERVIEW_N_STAGES];
  guint n_pilots;
  int minutes;
  int dialogue_minutes;
  int weight;
  GPtrArray *records[TILLIT_OVERVIEW_N_TOOLS];
} TillitOverviewRow;

/**
 * TillitOverviewLink:
 * @tool: the tool that holds @record
 * @record: a record linked to a principle (a reference)
 *
 * One entry of a principle's red thread.
 */
typedef struct
{
  TillitOverviewTool tool;
  TillitRecord *record;
} TillitOverviewLink;

GPtrArray   *tillit_overview_coverage          (TillitStore  *store,
                                                TillitRecord *framework,
                                                const char   *period,
                                                int           year);
gboolean     tillit_overview_row_is_served     (const TillitOverviewRow *row);
gboolean     tillit_overview_row_tool_is_empty (const TillitOverviewRow *row,
                                                TillitOverviewTool       tool);

GPtrArray   *tillit_overview_thread            (TillitStore  *store,
                                                TillitRecord *principle);
GPtrArray   *tillit_overview_from_elsewhere    (TillitStore  *store);
TillitRecord *tillit_overview_find_adaptation  (TillitStore  *store,
                                                TillitRecord *pilot);

typedef struct _TillitOverviewIndex TillitOverviewIndex;

TillitOverviewIndex *tillit_overview_index_new     (TillitStore         *store);
void         tillit_overview_index_free        (TillitOverviewIndex *self);
gboolean     tillit_overview_index_prepare     (TillitOverviewIndex *self,
                                                guint                budget);
GPtrArray   *tillit_overview_index_search      (TillitOverviewIndex *self,
                                                const char          *query,
                                                guint                max_results);
GPtrArray   *tillit_overview_search            (TillitStore  *store,
                                                const char   *query,
                                                guint         max_results);

char        *tillit_overview_record_title      (TillitStore  *store,
                                                TillitRecord *record);
char        *tillit_overview_record_context    (TillitStore  *store,
                                                TillitRecord *record);
const char  *tillit_overview_kind_label        (TillitRecord *record);
const char  *tillit_overview_record_date       (TillitRecord *record);
int          tillit_overview_tool_of           (TillitRecord *record);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TillitOverviewIndex, tillit_overview_index_free)

G_END_DECLS
