/* test-model-util.h: a temporary programme file per test, and a way to
 * compare what a file holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "model/tillit-model.h"

typedef struct
{
  char *dir;
  char *path;
} TestFile;

static inline void
test_file_setup (TestFile      *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tillit-model-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "programme.db", NULL);
}

static inline void
test_file_teardown (TestFile      *fixture,
                    gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static inline GBytes *
test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static inline void
test_assert_bytes_unchanged (const char *path,
                             GBytes     *before)
{
  g_autoptr(GBytes) after = test_read_bytes (path);

  g_assert_true (g_bytes_equal (before, after));
}

/* A second connection, as another process would see the file. */
static inline sqlite3 *
test_sql_open (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL), ==, SQLITE_OK);
  return db;
}

static inline void
test_sql_exec (const char *path,
               const char *sql)
{
  sqlite3 *db = test_sql_open (path);
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static inline char *
test_sql_string (const char *path,
                 const char *sql)
{
  sqlite3 *db = test_sql_open (path);
  sqlite3_stmt *stmt = NULL;
  char *result = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return result;
}

static inline int
test_sql_int (const char *path,
              const char *sql)
{
  g_autofree char *text = test_sql_string (path, sql);

  return text ? atoi (text) : -1;
}

/* Every row of every record table, in a stable order: two dumps are
 * equal when the file holds the same records, byte for byte. */
static inline char *
test_sql_dump (const char *path)
{
  const TillitRecordKind * const *kinds = tillit_record_kinds (NULL);
  sqlite3 *db = test_sql_open (path);
  GString *dump = g_string_new (NULL);

  for (guint k = 0; kinds[k] != NULL; k++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY uuid", kinds[k]->table);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_string_append_printf (dump, "%s:", kinds[k]->table);
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                g_string_append (dump, " NULL");
              else
                g_string_append_printf (dump, " '%s'", sqlite3_column_text (stmt, c));
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (dump, FALSE);
}

#define TEST_ADD(name, func) \
  g_test_add (name, TestFile, NULL, test_file_setup, func, test_file_teardown)
