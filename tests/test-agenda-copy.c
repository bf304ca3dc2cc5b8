/* test-agenda-copy.c: copies of manager days, templates and the printed agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define AGENDA_TEST_PART 2
#include "test-agenda.c"
