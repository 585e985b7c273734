/* fh-board-pack-page.h — what a board pack will contain
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "fh-page.h"

G_BEGIN_DECLS

#define FH_TYPE_BOARD_PACK_PAGE (fh_board_pack_page_get_type ())
G_DECLARE_FINAL_TYPE (FhBoardPackPage, fh_board_pack_page, FH, BOARD_PACK_PAGE, FhPage)

G_END_DECLS
