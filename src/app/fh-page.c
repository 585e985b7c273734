/* fh-page.c — what every page is: a database, a load, and its state
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "fh-filter.h"
#include "fh-page.h"

typedef struct
{
  FhDatabase      *database;
  int              authority_id;
  FhDataView      *data_view;
  FhQueryGroup    *queries;
  FhDataViewState  state;
  GError          *error;        /* what the page shows while in the error state */
  guint            load_count;
  GDateTime       *extract_date;
} FhPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FhPage, fh_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATA_VIEW,
  PROP_STATE,
  PROP_LOAD_COUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_state (FhPage          *self,
           FhDataViewState  state)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  if (state != FH_DATA_VIEW_ERROR)
    g_clear_error (&priv->error);
  if (priv->state == state)
    return;
  priv->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

void
fh_page_show_loading (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_if_fail (FH_IS_PAGE (self));

  if (priv->data_view != NULL)
    fh_data_view_show_loading (priv->data_view);
  set_state (self, FH_DATA_VIEW_LOADING);
}

void
fh_page_show_empty (FhPage     *self,
                    const char *message)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_if_fail (FH_IS_PAGE (self));

  if (priv->data_view != NULL)
    fh_data_view_show_empty (priv->data_view, message);
  set_state (self, FH_DATA_VIEW_EMPTY);
}

void
fh_page_show_error (FhPage       *self,
                    const GError *error)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_if_fail (FH_IS_PAGE (self));
  g_return_if_fail (error != NULL);

  if (priv->data_view != NULL)
    fh_data_view_show_error (priv->data_view, error);
  g_clear_error (&priv->error);
  priv->error = g_error_copy (error);
  set_state (self, FH_DATA_VIEW_ERROR);
}

void
fh_page_show_content (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_if_fail (FH_IS_PAGE (self));

  if (priv->data_view != NULL)
    fh_data_view_show_content (priv->data_view);
  set_state (self, FH_DATA_VIEW_CONTENT);
}

static void
on_queries_done (gpointer      owner,
                 const GError *error)
{
  FhPage *self = FH_PAGE (owner);

  g_debug ("%s: all queries done%s", G_OBJECT_TYPE_NAME (self), error ? ", showing the first error" : "");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;   /* its database was closed: nothing to show, nothing loaded */
  if (error != NULL)
    fh_page_show_error (self, error);
  else
    FH_PAGE_GET_CLASS (self)->loaded (self);
}

void
fh_page_reload (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_if_fail (FH_IS_PAGE (self));

  if (priv->database == NULL)
    return;
  fh_query_group_restart (priv->queries);
  priv->load_count++;
  fh_page_show_loading (self);
  FH_PAGE_GET_CLASS (self)->load (self);
  g_debug ("%s: load %u started, %u queries", G_OBJECT_TYPE_NAME (self), priv->load_count,
           fh_query_group_get_pending (priv->queries));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOAD_COUNT]);   /* its queries are sent */
  /* A load that needed no query is complete at once. */
  if (fh_query_group_get_pending (priv->queries) == 0 && priv->state == FH_DATA_VIEW_LOADING)
    FH_PAGE_GET_CLASS (self)->loaded (self);
}

void
fh_page_load (FhPage     *self,
              FhDatabase *database,
              int         authority_id)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_if_fail (FH_IS_PAGE (self));
  g_return_if_fail (FH_IS_DATABASE (database));

  g_set_object (&priv->database, database);
  priv->authority_id = authority_id;
  if (FH_PAGE_GET_CLASS (self)->invalidate != NULL)
    FH_PAGE_GET_CLASS (self)->invalidate (self);
  fh_page_reload (self);
}

FhDatabase *
fh_page_get_database (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_val_if_fail (FH_IS_PAGE (self), NULL);
  return priv->database;
}

int
fh_page_get_authority_id (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_val_if_fail (FH_IS_PAGE (self), 0);
  return priv->authority_id;
}

FhQueryGroup *
fh_page_get_queries (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_val_if_fail (FH_IS_PAGE (self), NULL);
  return priv->queries;
}

FhDataView *
fh_page_get_data_view (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_val_if_fail (FH_IS_PAGE (self), NULL);
  return priv->data_view;
}

/* The error the page shows, or NULL when it shows none. */
const GError *
fh_page_get_error (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_val_if_fail (FH_IS_PAGE (self), NULL);
  return priv->state == FH_DATA_VIEW_ERROR ? priv->error : NULL;
}

FhDataViewState
fh_page_get_state (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_val_if_fail (FH_IS_PAGE (self), FH_DATA_VIEW_LOADING);
  return priv->state;
}

guint
fh_page_get_load_count (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_val_if_fail (FH_IS_PAGE (self), 0);
  return priv->load_count;
}

static void
fh_page_real_loaded (FhPage *self)
{
  fh_page_show_content (self);
}

static void
fh_page_dispose (GObject *object)
{
  FhPage *self = FH_PAGE (object);
  FhPagePrivate *priv = fh_page_get_instance_private (self);
  GtkWidget *child;

  if (priv->queries != NULL)
    fh_query_group_cancel (priv->queries);
  g_clear_object (&priv->database);
  priv->data_view = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  /* a template's unnamed outer box */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (fh_page_parent_class)->dispose (object);
}

static void
fh_page_finalize (GObject *object)
{
  FhPagePrivate *priv = fh_page_get_instance_private (FH_PAGE (object));

  g_clear_pointer (&priv->extract_date, g_date_time_unref);
  g_clear_pointer (&priv->queries, fh_query_group_free);
  g_clear_error (&priv->error);

  G_OBJECT_CLASS (fh_page_parent_class)->finalize (object);
}

static void
fh_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FhPagePrivate *priv = fh_page_get_instance_private (FH_PAGE (object));

  switch (prop_id)
    {
    case PROP_DATA_VIEW:
      g_value_set_object (value, priv->data_view);
      break;
    case PROP_LOAD_COUNT:
      g_value_set_uint (value, fh_page_get_load_count (FH_PAGE (object)));
      break;
    case PROP_STATE:
      g_value_set_int (value, priv->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FhPagePrivate *priv = fh_page_get_instance_private (FH_PAGE (object));

  switch (prop_id)
    {
    case PROP_DATA_VIEW:
      /* owned by the page's template */
      priv->data_view = g_value_get_object (value);
      if (priv->data_view != NULL)
        fh_data_view_show_loading (priv->data_view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_page_class_init (FhPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fh_page_dispose;
  object_class->finalize = fh_page_finalize;
  object_class->get_property = fh_page_get_property;
  object_class->set_property = fh_page_set_property;
  klass->loaded = fh_page_real_loaded;

  properties[PROP_DATA_VIEW] =
    g_param_spec_object ("data-view", NULL, NULL, FH_TYPE_DATA_VIEW,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  /* an FhDataViewState */
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, FH_DATA_VIEW_LOADING, FH_DATA_VIEW_CONTENT,
                      FH_DATA_VIEW_LOADING, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* how many loads have started; notified once a load's queries are sent */
  properties[PROP_LOAD_COUNT] =
    g_param_spec_uint ("load-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FH_TYPE_DATA_VIEW);
  gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (klass), GTK_TYPE_BIN_LAYOUT);
}

static void
fh_page_init (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  priv->queries = fh_query_group_new (self, on_queries_done);
  priv->state = FH_DATA_VIEW_LOADING;
}

void
fh_page_set_extract_date (FhPage    *self,
                          GDateTime *date)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);

  g_return_if_fail (FH_IS_PAGE (self));

  g_clear_pointer (&priv->extract_date, g_date_time_unref);
  if (date != NULL)
    priv->extract_date = fh_date_new (g_date_time_get_year (date), g_date_time_get_month (date),
                                      g_date_time_get_day_of_month (date));
}

GDateTime *
fh_page_dup_reference_date (FhPage *self)
{
  FhPagePrivate *priv = fh_page_get_instance_private (self);
  g_autoptr(GDateTime) now = NULL;

  g_return_val_if_fail (FH_IS_PAGE (self), NULL);

  if (priv->extract_date != NULL)
    return g_date_time_ref (priv->extract_date);
  now = g_date_time_new_now_local ();
  return fh_date_new (g_date_time_get_year (now), g_date_time_get_month (now),
                      g_date_time_get_day_of_month (now));
}
