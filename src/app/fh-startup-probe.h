/* fh-startup-probe.h — how long until the first page is painted with figures
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-page.h"

G_BEGIN_DECLS

/* With FH_BENCH_FIRST_FRAME set (bench/startup.sh sets it): once @page shows
 * its figures and the next frame is painted, prints "first-frame
 * realtime_us=… rss_kb=…" on stdout and quits @application (status 1
 * instead if the page shows an error). Does nothing otherwise. */
void fh_startup_probe_watch (GApplication *application,
                             GtkWindow    *window,
                             FhPage       *page);

G_END_DECLS
