/* fh-svg-metadata.c — give cairo's SVG a <title> and <desc>
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "fh-svg-metadata.h"

/* Text that is safe as XML character data: valid UTF-8, no characters XML 1.0
 * forbids (C0 controls other than tab and line breaks, U+FFFE, U+FFFF), and
 * the five markup characters escaped. */
char *
fh_xml_escape_text (const char *text)
{
  g_autofree char *valid = NULL;
  g_autoptr(GString) clean = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  valid = g_utf8_make_valid (text, -1);
  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        c = ' ';
      g_string_append_unichar (clean, c);
    }
  return g_markup_escape_text (clean->str, (gssize) clean->len);
}

/**
 * fh_svg_add_title:
 * @svg: a whole SVG document as cairo wrote it; changed in place
 * @title: (nullable): the chart's title
 * @description: (nullable): its summary
 *
 * Returns: %FALSE (and leaves @svg alone) when there is no <svg> element.
 */
gboolean
fh_svg_add_title (GString    *svg,
                  const char *title,
                  const char *description)
{
  g_autoptr(GString) insert = g_string_new (NULL);
  const char *start, *end;
  gssize pos;
  gboolean has_role;

  g_return_val_if_fail (svg != NULL, FALSE);

  start = strstr (svg->str, "<svg");
  if (start == NULL || (start[4] != ' ' && start[4] != '\n' && start[4] != '>'))
    return FALSE;
  /* cairo writes only numbers and fixed names in the root's attributes, so
   * the first '>' ends the start tag. */
  end = strchr (start, '>');
  if (end == NULL || end[-1] == '/')
    return FALSE;
  pos = end - svg->str;
  has_role = g_strstr_len (start, end - start, " role=") != NULL;

  if (title != NULL && *title != '\0')
    {
      g_autofree char *text = fh_xml_escape_text (title);
      g_string_append_printf (insert, "\n<title>%s</title>", text);
    }
  if (description != NULL && *description != '\0')
    {
      g_autofree char *text = fh_xml_escape_text (description);
      g_string_append_printf (insert, "\n<desc>%s</desc>", text);
    }
  if (insert->len == 0)
    return TRUE;

  /* (start and end point into svg->str, which the inserts may move) */
  g_string_insert (svg, pos + 1, insert->str);
  if (!has_role)
    g_string_insert (svg, pos, " role=\"img\"");
  return TRUE;
}
