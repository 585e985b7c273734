/* main.c — family-help-dashboard
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <locale.h>

#include "fh-application.h"
#include "fh-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(FhApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* no GPU: the cairo renderer, not GL rasterised on the CPU (fh-renderer.c) */
  fh_renderer_apply_default ();
  app = fh_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
