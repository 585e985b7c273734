/* fh-renderer.h — which GTK renderer to ask for where there is no GPU
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The renderer to ask GTK for ("cairo"), or NULL to leave GTK's choice:
 * "cairo" when @dri_dir holds no DRM render node (renderD*). */
const char *fh_renderer_for_devices (const char *dri_dir);
/* Before GTK starts, unless the user has set GSK_RENDERER: when
 * fh_renderer_for_devices (@dri_dir) chooses cairo, sets GSK_RENDERER to
 * it and, unless set, GDK_DEBUG to gl-disable (GDK then sets up no GL). */
void        fh_renderer_apply_for_devices (const char *dri_dir);
/* fh_renderer_apply_for_devices ("/dev/dri") */
void        fh_renderer_apply_default     (void);

G_END_DECLS
