/* fh-atomic-file.c — a file that appears complete or not at all
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fh-atomic-file.h"

#define BUFFER_SIZE (64 * 1024)

struct _FhAtomicFile
{
  char         *path;
  char         *tmp_path;
  GCancellable *cancellable;
  int           fd;
  guint8       *buffer;
  gsize         buffered;
  GError       *error;       /* the first failure; sticky */
  gboolean      committed;
};

/* The reason in plain words, for a manager rather than a programmer. */
void
fh_set_save_error (GError     **error,
                   const char  *path,
                   int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_filename_display_name (dir);
  GIOErrorEnum code = g_io_error_from_errno (saved_errno);

  switch (saved_errno)
    {
    case ENOSPC:
      g_set_error (error, G_IO_ERROR, code, _("Could not save “%s”: the disk is full."), name);
      break;
#ifdef EDQUOT
    case EDQUOT:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: you have used up your disk space allowance."), name);
      break;
#endif
    case EACCES:
    case EPERM:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: you do not have permission to write in “%s”."),
                   name, dir_name);
      break;
    case EROFS:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: the folder “%s” is on a disk that cannot be written to."),
                   name, dir_name);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: the folder “%s” does not exist (any more)."),
                   name, dir_name);
      break;
    case EISDIR:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: there is a folder of that name."), name);
      break;
    case ENAMETOOLONG:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: the name is too long."), name);
      break;
    case EIO:
      g_set_error (error, G_IO_ERROR, code,
                   _("Could not save “%s”: the disk reported a fault while writing."), name);
      break;
    default:
      /* Translators: the second %s is the system's description of the error. */
      g_set_error (error, G_IO_ERROR, code, _("Could not save “%s”: %s."), name,
                   g_strerror (saved_errno));
      break;
    }
}

static void
fail_errno (FhAtomicFile *self,
            int           saved_errno)
{
  if (self->error == NULL)
    fh_set_save_error (&self->error, self->path, saved_errno);
}

static gboolean
check_cancelled (FhAtomicFile *self)
{
  if (self->error == NULL && g_cancellable_is_cancelled (self->cancellable))
    {
      g_autofree char *name = g_filename_display_name (self->path);

      g_set_error (&self->error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                   _("Could not save “%s”: saving was cancelled."), name);
    }
  return self->error == NULL;
}

static void
discard (FhAtomicFile *self)
{
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  if (self->tmp_path != NULL)
    {
      g_unlink (self->tmp_path);
      g_clear_pointer (&self->tmp_path, g_free);
    }
}

/**
 * fh_atomic_file_new:
 * @path: the file to create or replace
 * @cancellable: (nullable): checked on every write and before the rename
 *
 * Returns: (transfer full) (nullable): a temporary file next to @path, or
 *   %NULL with @error set when the folder cannot take one.
 */
FhAtomicFile *
fh_atomic_file_new (const char    *path,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(FhAtomicFile) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp_name = NULL;
  struct stat st;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_new0 (FhAtomicFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->cancellable = cancellable ? g_object_ref (cancellable) : NULL;

  if (!check_cancelled (self))
    {
      g_propagate_error (error, g_steal_pointer (&self->error));
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp_name = g_strdup_printf (".%s.XXXXXX", base);
  self->tmp_path = g_build_filename (dir, tmp_name, NULL);
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      int saved_errno = errno;

      g_clear_pointer (&self->tmp_path, g_free);
      fh_set_save_error (error, path, saved_errno);
      return NULL;
    }

  /* A replaced file keeps its permissions (a report shared with a group stays shared). */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    fchmod (self->fd, st.st_mode & 07777);

  self->buffer = g_malloc (BUFFER_SIZE);
  return g_steal_pointer (&self);
}

static gboolean
write_all (FhAtomicFile *self,
           const guint8 *data,
           gsize         len)
{
  while (len > 0)
    {
      gssize n = write (self->fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          fail_errno (self, errno);
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

static gboolean
flush (FhAtomicFile *self)
{
  gboolean ok = write_all (self, self->buffer, self->buffered);

  self->buffered = 0;
  return ok;
}

/**
 * fh_atomic_file_write:
 *
 * Returns: %FALSE once anything has failed (the reason waits for commit).
 */
gboolean
fh_atomic_file_write (FhAtomicFile *self,
                      const void   *data,
                      gsize         len)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (self->error != NULL || self->fd < 0 || !check_cancelled (self))
    return FALSE;

  if (self->buffered + len > BUFFER_SIZE)
    {
      if (!flush (self))
        return FALSE;
      if (len >= BUFFER_SIZE)
        return write_all (self, data, len);
    }
  memcpy (self->buffer + self->buffered, data, len);
  self->buffered += len;
  return TRUE;
}

/**
 * fh_atomic_file_fail:
 * @error: (transfer full): why the content could not be made
 *
 * Records a failure of the producer (an encoder, a drawing) so that commit
 * discards the file and reports it; ignored when a failure is already kept.
 */
void
fh_atomic_file_fail (FhAtomicFile *self,
                     GError       *error)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (error != NULL);

  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
}

/* Whether anything has failed or the cancellable was cancelled: then the
 * file will be discarded and commit will say why. */
gboolean
fh_atomic_file_has_failed (FhAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return !check_cancelled (self);
}

const char *
fh_atomic_file_get_path (FhAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  /* Best effort: the rename itself is already atomic. */
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * fh_atomic_file_commit:
 *
 * Writes what is buffered, syncs it to disk and renames it over the target.
 * On any failure, now or earlier, the temporary file is removed and the
 * target left as it was. Either way @self is finished; free it after.
 */
gboolean
fh_atomic_file_commit (FhAtomicFile  *self,
                       GError       **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->error == NULL && self->fd >= 0 && check_cancelled (self) && flush (self))
    {
      if (fsync (self->fd) != 0 && errno != EINVAL)
        fail_errno (self, errno);
      if (self->error == NULL)
        {
          int fd = self->fd;

          self->fd = -1;
          if (close (fd) != 0 && errno != EINTR)
            fail_errno (self, errno);
        }
      if (check_cancelled (self) && g_rename (self->tmp_path, self->path) != 0)
        fail_errno (self, errno);
    }

  if (self->error != NULL)
    {
      discard (self);
      g_propagate_error (error, g_steal_pointer (&self->error));
      return FALSE;
    }

  g_clear_pointer (&self->tmp_path, g_free);
  self->committed = TRUE;
  sync_folder (self->path);
  return TRUE;
}

/* Frees; an uncommitted file is discarded, leaving the target untouched. */
void
fh_atomic_file_free (FhAtomicFile *self)
{
  if (self == NULL)
    return;

  discard (self);
  g_clear_error (&self->error);
  g_clear_object (&self->cancellable);
  g_free (self->buffer);
  g_free (self->path);
  g_free (self);
}

gboolean
fh_atomic_file_set_contents (const char    *path,
                             const void    *data,
                             gsize          len,
                             GCancellable  *cancellable,
                             GError       **error)
{
  g_autoptr(FhAtomicFile) file = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  file = fh_atomic_file_new (path, cancellable, error);
  if (file == NULL)
    return FALSE;
  fh_atomic_file_write (file, data, len);
  return fh_atomic_file_commit (file, error);
}
