/* fh-ward-profile-view.h — one ward's people, deprivation and demand
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-results.h"

G_BEGIN_DECLS

#define FH_TYPE_WARD_PROFILE_VIEW (fh_ward_profile_view_get_type ())
G_DECLARE_FINAL_TYPE (FhWardProfileView, fh_ward_profile_view, FH, WARD_PROFILE_VIEW, GtkWidget)

/* @profile NULL: no ward selected, a hint is shown. @rank is the ward's
 * place by deprivation among @n_wards (most deprived first); @needs, of
 * FhNeedCount, the needs most recorded (NULL while they load). */
void fh_ward_profile_view_show (FhWardProfileView   *self,
                                const FhWardProfile *profile,
                                const FhWardDemand  *demand,
                                guint                rank,
                                guint                n_wards,
                                GPtrArray           *needs);

G_END_DECLS
