/* fh-atomic-file.h — a file that appears complete or not at all
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Bytes go to a hidden temporary file in the target's own folder
 * (".NAME.XXXXXX"); fh_atomic_file_commit() flushes, fsyncs and renames it
 * over the target. Any failure — a full disk, no permission, a folder that
 * vanished, a cancelled export — removes the temporary file and leaves an
 * existing file of that name untouched. The first error is kept: later writes
 * do nothing and commit reports it, so a write callback (cairo, libpng) can
 * simply say "failed" and let the caller ask why.
 *
 * Every error is a G_IO_ERROR whose message names the file and the reason in
 * plain words: "Could not save “/x/y.pdf”: the disk is full."
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _FhAtomicFile FhAtomicFile;

FhAtomicFile *fh_atomic_file_new          (const char    *path,
                                           GCancellable  *cancellable,
                                           GError       **error);
gboolean      fh_atomic_file_write        (FhAtomicFile  *self,
                                           const void    *data,
                                           gsize          len);
gboolean      fh_atomic_file_commit       (FhAtomicFile  *self,
                                           GError       **error);
void          fh_atomic_file_fail         (FhAtomicFile  *self,
                                           GError        *error);
gboolean      fh_atomic_file_has_failed   (FhAtomicFile  *self);
const char   *fh_atomic_file_get_path     (FhAtomicFile  *self);
void          fh_atomic_file_free         (FhAtomicFile  *self);

gboolean      fh_atomic_file_set_contents (const char    *path,
                                           const void    *data,
                                           gsize          len,
                                           GCancellable  *cancellable,
                                           GError       **error);

void          fh_set_save_error           (GError       **error,
                                           const char    *path,
                                           int            saved_errno);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FhAtomicFile, fh_atomic_file_free)

G_END_DECLS
