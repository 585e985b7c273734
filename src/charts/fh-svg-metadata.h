/* fh-svg-metadata.h — give cairo's SVG a <title> and <desc>
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cairo's SVG surface writes no title or description, so a screen reader, a
 * browser tab or a document index sees an anonymous picture. This inserts
 * both as the first children of the root <svg> element (where SVG 1.1 wants
 * them), escaped for XML, and labels the root role="img".
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean fh_svg_add_title (GString    *svg,
                           const char *title,
                           const char *description);

char    *fh_xml_escape_text (const char *text);

G_END_DECLS
