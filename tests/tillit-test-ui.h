/* tillit-test-ui.h: shared set-up for tests that drive real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void      tillit_test_ui_init           (int         *argc,
                                         char      ***argv);
char     *tillit_test_make_tmpdir       (void);
void      tillit_test_remove_tree       (const char  *path);
void      tillit_test_wait_for_frame    (GtkWidget   *widget);
void      tillit_test_iterate           (void);
void      tillit_test_wait              (guint        ms);
void      tillit_test_click_toast_button (GtkWidget  *button);
char     *tillit_test_screenshot        (GtkWidget   *widget,
                                         const char  *name);
GtkWidget *tillit_test_find_widget     (GtkWidget   *root,
                                         GType        type,
                                         guint        nth);
gboolean  tillit_test_is_dark           (void);
const char *tillit_test_language        (void);

G_END_DECLS
