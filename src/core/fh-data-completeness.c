/* fh-data-completeness.c — what the figures leave out
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "fh-data-completeness.h"
#include "fh-database-private.h"
#include "fh-filter.h"
#include "fh-number-format.h"
#include "fh-pg-value.h"

void
fh_completeness_item_free (FhCompletenessItem *self)
{
  if (self == NULL)
    return;
  g_free (self->item);
  g_free (self);
}

char *
fh_completeness_item_describe (const FhCompletenessItem *self)
{
  g_autofree char *n = NULL, *of = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  n = fh_format_count (self->count);
  of = fh_format_count (self->out_of);
  /* Translators: each "%s of %s" is a count of records out of all of them */
  if (g_strcmp0 (self->item, "requests_without_decision") == 0)
    return g_strdup_printf (_("%s of %s requests are still waiting for a decision"), n, of);
  if (g_strcmp0 (self->item, "referrals_without_ward") == 0)
    return g_strdup_printf (_("%s of %s referrals have no known ward (counted for the authority only)"), n, of);
  if (g_strcmp0 (self->item, "episodes_without_need") == 0)
    return g_strdup_printf (_("%s of %s episodes started have no need recorded"), n, of);
  if (g_strcmp0 (self->item, "episodes_without_referral") == 0)
    return g_strdup_printf (_("%s of %s episodes started have no referral"), n, of);
  if (g_strcmp0 (self->item, "episodes_without_ward") == 0)
    return g_strdup_printf (_("%s of %s episodes started have no known ward"), n, of);
  return NULL;
}

static gpointer
parse_item (const PGresult *r, int row)
{
  FhCompletenessItem *c = g_new0 (FhCompletenessItem, 1);

  c->item = fh_pg_value_text (r, row, 0);
  c->count = fh_pg_value_count_or_suppressed (r, row, 1, 2);
  c->out_of = fh_pg_value_count_or_suppressed (r, row, 3, 2);
  return c;
}

static const FhQuerySpec completeness_spec = {
  "SELECT item, count, suppressed, out_of FROM reporting.data_completeness($1::int, $2::date, $3::date, $4::boolean)",
  4, parse_item, (GDestroyNotify) fh_completeness_item_free, FALSE
};

void
fh_database_completeness_async (FhDatabase          *self,
                                int                  authority_id,
                                GDateTime           *from,
                                GDateTime           *to,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  char **params;

  g_return_if_fail (FH_IS_DATABASE (self));
  g_return_if_fail (from != NULL && to != NULL);

  params = g_new0 (char *, 5);
  params[0] = g_strdup_printf ("%d", authority_id);
  params[1] = fh_date_to_iso (from);
  params[2] = fh_date_to_iso (to);
  params[3] = fh_database_exact_param (self);
  fh_database_submit (self, &completeness_spec, params, 4,
                      cancellable, callback, user_data, fh_database_completeness_async);
}

GPtrArray *
fh_database_completeness_finish (FhDatabase    *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return fh_database_finish (self, result, fh_database_completeness_async, error);
}
