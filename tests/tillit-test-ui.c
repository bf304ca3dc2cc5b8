/* tillit-test-ui.c: shared set-up for tests that drive real widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* dl_iterate_phdr () */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "tillit-test-ui.h"

#if defined(__SANITIZE_ADDRESS__)
#include <link.h>
#include <string.h>
#include <sanitizer/lsan_interface.h>

int    __sanitizer_get_ownership      (const volatile void *p);
size_t __sanitizer_get_allocated_size (const volatile void *p);

/* GLib keeps the strings of its quarks in one array and, when that
 * grows, leaves the old one behind on purpose (lookups take no lock).
 * LeakSanitizer's fast unwinder cannot step through GLib's frames, so
 * that leak looks like any g_malloc() of ours and no suppression can
 * name it: the array as it is at start-up is found through GLib's own
 * pointer to it and marked as not a leak. `make check-leaks` relies on
 * it (see tests/lsan.supp). */
static int
ignore_quark_array (struct dl_phdr_info *info,
                    size_t               size,
                    void                *data)
{
  if (strstr (info->dlpi_name, "/libglib-2.0.so") == NULL)
    return 0;

  for (int i = 0; i < info->dlpi_phnum; i++)
    {
      const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
      const char ***word;
      const char ***end;

      if (segment->p_type != PT_LOAD || !(segment->p_flags & PF_W))
        continue;
      word = (const char ***) GSIZE_TO_POINTER (GPOINTER_TO_SIZE (info->dlpi_addr + segment->p_vaddr +
                                                                  sizeof (gpointer) - 1) &
                                                ~(sizeof (gpointer) - 1));
      end = (const char ***) (info->dlpi_addr + segment->p_vaddr + segment->p_memsz - sizeof (gpointer));
      for (; word <= end; word++)
        if (*word != NULL && __sanitizer_get_ownership (*word) &&
            __sanitizer_get_allocated_size (*word) >= 2 * sizeof (char *) &&
            (*word)[0] == NULL && (*word)[1] == g_quark_to_string (1))
          {
            __lsan_ignore_object (*word);
            return 1;
          }
    }
  return 1;
}
#endif

/* The style and language a run is for come from the environment, so that
 * meson runs one binary in English and Swedish, light and dark. */
gboolean
tillit_test_is_dark (void)
{
  return g_strcmp0 (g_getenv ("TILLIT_TEST_STYLE"), "dark") == 0;
}

const char *
tillit_test_language (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return (language != NULL && g_str_has_prefix (language, "sv")) ? "sv" : "en";
}

void
tillit_test_ui_init (int    *argc,
                     char ***argv)
{
#if defined(__SANITIZE_ADDRESS__)
  dl_iterate_phdr (ignore_quark_array, NULL);
#endif

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, TEST_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* The application icon as it will be installed. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                  TEST_SRCDIR "/../data/icons");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      tillit_test_is_dark () ? ADW_COLOR_SCHEME_FORCE_DARK
                                                             : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

char *
tillit_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tillit-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
tillit_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          tillit_test_remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

void
tillit_test_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
tillit_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong handler;

  tillit_test_iterate ();
  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
settled (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds. */
void
tillit_test_wait (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, settled, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Clicks a button of a toast the way a person can: once the toast has
 * come in. libadwaita 1.2's overlay frees a toast that is dismissed while
 * it is still sliding in (500 ms when it replaces another) before its
 * show animation ends, and then crashes in that animation's "done". The
 * toast then gets time to leave before the test goes on. */
void
tillit_test_click_toast_button (GtkWidget *button)
{
  tillit_test_wait (600);
  g_signal_emit_by_name (button, "clicked");
  tillit_test_wait (400);
}

/* Lets transitions (a row's title moving aside, a page sliding in) end
 * before the picture is taken: libadwaita's run for 250 ms at most. */
static void
settle (GtkWidget *widget)
{
  tillit_test_wait (300);
  tillit_test_wait_for_frame (widget);
}

/* Renders the widget as it is on screen into a PNG under the build tree
 * and returns the file's path. */
char *
tillit_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file_name = NULL;
  const char *dir = g_getenv ("TILLIT_SCREENSHOT_DIR");
  char *path;
  int width, height;

  settle (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (dir == NULL)
    dir = g_get_tmp_dir ();
  g_mkdir_with_parents (dir, 0755);
  file_name = g_strdup_printf ("%s-%s-%s.png", name, tillit_test_language (),
                               tillit_test_is_dark () ? "dark" : "light");
  path = g_build_filename (dir, file_name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));

  return path;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             guint     *nth)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*nth == 0)
        return widget;
      (*nth)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, nth);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The @nth widget of @type under @root, depth first, as a user tabbing
 * through would meet it; NULL if there are fewer. */
GtkWidget *
tillit_test_find_widget (GtkWidget *root,
                         GType      type,
                         guint      nth)
{
  return find_widget (root, type, &nth);
}
