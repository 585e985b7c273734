/* fh-accels.c — every keyboard shortcut, declared once
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Alt+1 … Alt+9 go to the pages in the switcher's order, whatever they are.
 */
#include "fh-accels.h"

static const struct {
  const char *action;       /* detailed action name */
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q" } },
  { "app.shortcuts", { "<Control>question" } },
  { "app.preferences", { "<Control>comma" } },
  { "win.refresh", { "F5", "<Control>r" } },
  { "window.close", { "<Control>w" } },
  { "win.show-nth-page(1)", { "<Alt>1" } },
  { "win.show-nth-page(2)", { "<Alt>2" } },
  { "win.show-nth-page(3)", { "<Alt>3" } },
  { "win.show-nth-page(4)", { "<Alt>4" } },
  { "win.show-nth-page(5)", { "<Alt>5" } },
  { "win.show-nth-page(6)", { "<Alt>6" } },
  { "win.show-nth-page(7)", { "<Alt>7" } },
  { "win.show-nth-page(8)", { "<Alt>8" } },
  { "win.show-nth-page(9)", { "<Alt>9" } },
};

const char * const *
fh_accels_get_for_action (const char *detailed_action)
{
  g_return_val_if_fail (detailed_action != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    if (g_str_equal (accels[i].action, detailed_action))
      return accels[i].accels;
  return NULL;
}

char **
fh_accels_list_actions (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    g_strv_builder_add (builder, accels[i].action);
  return g_strv_builder_end (builder);
}

void
fh_accels_add_to_window_class (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GVariant) target = NULL;

      if (g_str_has_prefix (accels[i].action, "app."))
        continue;
      if (!g_action_parse_detailed_name (accels[i].action, &name, &target, NULL))
        g_assert_not_reached ();
      for (guint k = 0; k < G_N_ELEMENTS (accels[i].accels) && accels[i].accels[k] != NULL; k++)
        {
          GtkShortcut *shortcut = gtk_shortcut_new (gtk_shortcut_trigger_parse_string (accels[i].accels[k]),
                                                    gtk_named_action_new (name));

          if (target != NULL)
            gtk_shortcut_set_arguments (shortcut, target);
          gtk_widget_class_add_shortcut (widget_class, shortcut);
          g_object_unref (shortcut);
        }
    }
}

void
fh_accels_add_to_application (GtkApplication *application)
{
  g_return_if_fail (GTK_IS_APPLICATION (application));

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    if (!g_str_has_prefix (accels[i].action, "window."))
      gtk_application_set_accels_for_action (application, accels[i].action, accels[i].accels);
}
