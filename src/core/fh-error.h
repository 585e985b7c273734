/* fh-error.h — errors a manager can act on
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FH_DATABASE_ERROR (fh_database_error_quark ())

/**
 * FhDatabaseError:
 *
 * Every error from the data layer is a #GError in this domain (or
 * %G_IO_ERROR_CANCELLED when the caller cancelled). The message is written for
 * a service manager: its first paragraph says what is wrong and what to do.
 * When libpq had something to say, it follows after a blank line as detail;
 * use fh_error_get_summary() and fh_error_get_detail() to split them.
 */
typedef enum {
  FH_DATABASE_ERROR_BAD_CONNINFO,   /* the connection text cannot be understood */
  FH_DATABASE_ERROR_UNREACHABLE,    /* no server answers at that address, or it stopped answering */
  FH_DATABASE_ERROR_AUTHENTICATION, /* wrong user name or password */
  FH_DATABASE_ERROR_NO_DATABASE,    /* the server answers but has no such database */
  FH_DATABASE_ERROR_PERMISSION,     /* the role may not read the reporting layer */
  FH_DATABASE_ERROR_SCHEMA,         /* the reporting layer is missing or too old */
  FH_DATABASE_ERROR_TIMEOUT,        /* statement_timeout ran out */
  FH_DATABASE_ERROR_NOT_CONNECTED,  /* a query was asked for before connecting */
  FH_DATABASE_ERROR_QUERY,          /* anything else the server refused */
  FH_DATABASE_ERROR_TLS,            /* the secure (TLS) connection could not be set up */
  FH_DATABASE_ERROR_REFUSED,        /* the server answered but would not open a session */
  FH_DATABASE_ERROR_EXACT_FIGURES,  /* exact figures asked for by a role that gets only published
                                     * (suppressed) ones: ask again in publication view */
} FhDatabaseError;

GQuark  fh_database_error_quark (void);

char   *fh_error_get_summary    (const GError *error);
char   *fh_error_get_detail     (const GError *error);

G_END_DECLS
