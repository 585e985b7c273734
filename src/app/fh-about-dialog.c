/* fh-about-dialog.c — About Family Help Dashboard
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Besides the program's own licence, the data the dashboard is usually run
 * on carry conditions of their own: ONS population figures and ONS Open
 * Geography ward boundaries under the Open Government Licence v3.0, which
 * requires the attribution statement below wherever they are shown.
 */
#include <glib/gi18n.h>

#include "fh-about-dialog.h"

GtkAboutDialog *
fh_about_dialog_new (GtkWindow *parent)
{
  const char *authors[] = { _("The Family Help Dashboard authors"), NULL };
  /* Broken into lines, as the dialog grows to fit its longest line. */
  const char *data_credits[] = {
    _("Contains National Statistics data © Crown copyright and database right;\n"
      "Office for National Statistics, licensed under the Open Government Licence v3.0"),
    _("Ward boundaries from ONS Open Geography (Office for National Statistics),\n"
      "licensed under the Open Government Licence v3.0;\n"
      "contains OS data © Crown copyright and database right"),
    NULL
  };
  const char *method_credits[] = {
    _("Chart conventions after the Government Analysis Function\nand the Department for Education"),
    NULL
  };
  GtkAboutDialog *about;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  about = g_object_new (GTK_TYPE_ABOUT_DIALOG,
                        "transient-for", parent,
                        "modal", parent != NULL,
                        "program-name", _("Family Help Dashboard"),
                        "logo-icon-name", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Demand, caseloads and progress for Family Help services"),
                        "copyright", _("© 2026 The Family Help Dashboard authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "authors", authors,
                        "translator-credits", _("translator-credits"),
                        NULL);
  /* tall enough that the credits fit without scrolling */
  gtk_window_set_default_size (GTK_WINDOW (about), -1, 540);
  gtk_about_dialog_add_credit_section (about, _("Data"), data_credits);
  gtk_about_dialog_add_credit_section (about, _("Methods"), method_credits);
  return about;
}
