/* fh-authority-chooser.h — the header's list of authorities
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "fh-results.h"

G_BEGIN_DECLS

#define FH_TYPE_AUTHORITY_CHOOSER (fh_authority_chooser_get_type ())
G_DECLARE_FINAL_TYPE (FhAuthorityChooser, fh_authority_chooser, FH, AUTHORITY_CHOOSER, GObject)

FhAuthorityChooser *fh_authority_chooser_new             (GtkDropDown        *dropdown,
                                                          GtkStringList      *names);
const FhAuthority  *fh_authority_chooser_set_authorities (FhAuthorityChooser *self,
                                                          GPtrArray          *authorities,
                                                          int                 wanted_id);

G_END_DECLS
