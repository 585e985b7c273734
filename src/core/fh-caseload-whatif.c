/* fh-caseload-whatif.c — what if a service or team had more or fewer FTE?
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-caseload-whatif.h"

typedef struct {
  char   *service;
  char   *team;
  double  fte;         /* today, of the counted workers */
  gint64  episodes;    /* today, summed over the counted workers */
  double  delta;       /* FTE added (negative: removed) */
  GArray *per_fte;     /* of double: each counted worker's caseload per FTE today */
} Team;

typedef struct {
  char   *service;
  double  fte;
  gint64  episodes;
  gint64  moved_in;    /* episodes moved in, less those moved out */
} Service;

struct _FhCaseloadWhatIf
{
  GPtrArray *teams;      /* of Team */
  GPtrArray *services;   /* of Service */
};

static void
team_free (Team *t)
{
  g_free (t->service);
  g_free (t->team);
  g_array_unref (t->per_fte);
  g_free (t);
}

static void
service_free (Service *s)
{
  g_free (s->service);
  g_free (s);
}

static Service *
find_service (FhCaseloadWhatIf *self, const char *service)
{
  for (guint i = 0; i < self->services->len; i++)
    {
      Service *s = g_ptr_array_index (self->services, i);
      if (g_strcmp0 (s->service, service) == 0)
        return s;
    }
  return NULL;
}

static Team *
find_team (FhCaseloadWhatIf *self, const char *service, const char *team)
{
  for (guint i = 0; i < self->teams->len; i++)
    {
      Team *t = g_ptr_array_index (self->teams, i);
      if (g_strcmp0 (t->service, service) == 0 && g_strcmp0 (t->team, team) == 0)
        return t;
    }
  return NULL;
}

FhCaseloadWhatIf *
fh_caseload_whatif_new (GPtrArray *workers)
{
  FhCaseloadWhatIf *self;

  g_return_val_if_fail (workers != NULL, NULL);

  self = g_new0 (FhCaseloadWhatIf, 1);
  self->teams = g_ptr_array_new_with_free_func ((GDestroyNotify) team_free);
  self->services = g_ptr_array_new_with_free_func ((GDestroyNotify) service_free);
  for (guint i = 0; i < workers->len; i++)
    {
      FhWorkerCaseload *w = g_ptr_array_index (workers, i);
      double per_fte = fh_worker_caseload_per_fte (w);
      Team *t;
      Service *s;

      if (isnan (per_fte) || w->service == NULL)
        continue;
      t = find_team (self, w->service, w->team_name);
      if (t == NULL)
        {
          t = g_new0 (Team, 1);
          t->service = g_strdup (w->service);
          t->team = g_strdup (w->team_name);
          t->per_fte = g_array_new (FALSE, FALSE, sizeof (double));
          g_ptr_array_add (self->teams, t);
        }
      s = find_service (self, w->service);
      if (s == NULL)
        {
          s = g_new0 (Service, 1);
          s->service = g_strdup (w->service);
          g_ptr_array_add (self->services, s);
        }
      t->fte += w->fte;
      t->episodes += w->open_episodes;
      g_array_append_val (t->per_fte, per_fte);
      s->fte += w->fte;
      s->episodes += w->open_episodes;
    }
  return self;
}

void
fh_caseload_whatif_free (FhCaseloadWhatIf *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->teams);
  g_ptr_array_unref (self->services);
  g_free (self);
}

void
fh_caseload_whatif_reset (FhCaseloadWhatIf *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->teams->len; i++)
    ((Team *) g_ptr_array_index (self->teams, i))->delta = 0;
  for (guint i = 0; i < self->services->len; i++)
    ((Service *) g_ptr_array_index (self->services, i))->moved_in = 0;
}

gboolean
fh_caseload_whatif_change_fte (FhCaseloadWhatIf *self,
                               const char       *service,
                               const char       *team,
                               double            delta)
{
  Service *s;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (service != NULL, FALSE);
  g_return_val_if_fail (isfinite (delta), FALSE);

  s = find_service (self, service);
  if (s == NULL || s->fte <= 0)
    return FALSE;
  if (team != NULL)
    {
      Team *t = find_team (self, service, team);

      if (t == NULL || t->fte + t->delta + delta <= 0)
        return FALSE;
      t->delta += delta;
      return TRUE;
    }
  /* spread over the service's teams in proportion to their FTE; check first */
  for (guint i = 0; i < self->teams->len; i++)
    {
      Team *t = g_ptr_array_index (self->teams, i);
      if (g_strcmp0 (t->service, service) == 0 && t->fte + t->delta + delta * t->fte / s->fte <= 0)
        return FALSE;
    }
  for (guint i = 0; i < self->teams->len; i++)
    {
      Team *t = g_ptr_array_index (self->teams, i);
      if (g_strcmp0 (t->service, service) == 0)
        t->delta += delta * t->fte / s->fte;
    }
  return TRUE;
}

gboolean
fh_caseload_whatif_move_episodes (FhCaseloadWhatIf *self,
                                  const char       *from,
                                  const char       *to,
                                  gint64            episodes)
{
  Service *a, *b;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (episodes >= 0, FALSE);

  a = find_service (self, from);
  b = find_service (self, to);
  if (a == NULL || b == NULL || a == b || a->episodes <= 0 || b->episodes <= 0
      || a->episodes + a->moved_in - episodes < 0)
    return FALSE;
  a->moved_in -= episodes;
  b->moved_in += episodes;
  return TRUE;
}

void
fh_caseload_whatif_project (FhCaseloadWhatIf *self,
                            const char       *service,
                            double            threshold,
                            FhCaseloadStats  *today,
                            FhCaseloadStats  *projected)
{
  g_autoptr(GArray) now = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) then = g_array_new (FALSE, FALSE, sizeof (double));
  Service *s;
  double episode_factor = 1;
  double fte_after = 0, episodes_after = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (today != NULL && projected != NULL);

  memset (today, 0, sizeof *today);
  memset (projected, 0, sizeof *projected);
  s = find_service (self, service);
  if (s != NULL && s->episodes > 0)
    episode_factor = (double) (s->episodes + s->moved_in) / s->episodes;

  for (guint i = 0; i < self->teams->len; i++)
    {
      Team *t = g_ptr_array_index (self->teams, i);
      double factor, post_load;
      guint posts;

      if (g_strcmp0 (t->service, service) != 0)
        continue;
      factor = episode_factor * t->fte / (t->fte + t->delta);
      for (guint k = 0; k < t->per_fte->len; k++)
        {
          double v = g_array_index (t->per_fte, double, k);
          double p = v * factor;

          g_array_append_val (now, v);
          g_array_append_val (then, p);
        }
      /* new posts, at the team's caseload per FTE afterwards */
      posts = t->delta > 1e-9 ? (guint) ceil (t->delta - 1e-9) : 0;
      post_load = t->episodes * episode_factor / (t->fte + t->delta);
      for (guint k = 0; k < posts; k++)
        g_array_append_val (then, post_load);
      fte_after += t->fte + t->delta;
      episodes_after += t->episodes * episode_factor;
      projected->workers += t->per_fte->len + posts;
      today->workers += t->per_fte->len;
    }

  fh_caseload_stats_from_values ((double *) now->data, now->len, threshold, today);
  fh_caseload_stats_from_values ((double *) then->data, then->len, threshold, projected);
  today->fte = s ? s->fte : 0;
  today->open_episodes = s ? s->episodes : 0;
  projected->fte = fte_after;
  projected->open_episodes = (gint64) round (episodes_after);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
fh_caseload_whatif_list_teams (FhCaseloadWhatIf *self,
                               const char       *service)
{
  GPtrArray *teams;

  g_return_val_if_fail (self != NULL, NULL);

  teams = g_ptr_array_new ();
  for (guint i = 0; i < self->teams->len; i++)
    {
      Team *t = g_ptr_array_index (self->teams, i);
      if (g_strcmp0 (t->service, service) == 0 && t->team != NULL)
        g_ptr_array_add (teams, t->team);
    }
  g_ptr_array_sort (teams, compare_names);
  return teams;
}
