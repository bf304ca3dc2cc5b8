/* tillit-database.c: the SQLite file behind the one model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "tillit-database.h"

struct _TillitDatabase
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
};

G_DEFINE_FINAL_TYPE (TillitDatabase, tillit_database, G_TYPE_OBJECT)

static void
tillit_database_finalize (GObject *object)
{
  TillitDatabase *self = TILLIT_DATABASE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_free (self->path);

  G_OBJECT_CLASS (tillit_database_parent_class)->finalize (object);
}

static void
tillit_database_class_init (TillitDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tillit_database_finalize;
}

static void
tillit_database_init (TillitDatabase *self)
{
}

/* The environment variable wins over the XDG default so that tests and
 * coordinators with several programmes can point elsewhere. */
char *
tillit_database_default_path (void)
{
  const char *env = g_getenv ("TILLIT_DATABASE");

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "tillit", "tillit.db", NULL);
}

TillitDatabase *
tillit_database_open (const char  *path,
                      GError     **error)
{
  g_autoptr(TillitDatabase) self = NULL;
  g_autofree char *dir = NULL;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"),
                   dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (TILLIT_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not open the database “%s”: %s"),
                   path, sqlite3_errstr (rc));
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
tillit_database_get_path (TillitDatabase *self)
{
  g_return_val_if_fail (TILLIT_IS_DATABASE (self), NULL);

  return self->path;
}
