/* fh-chart.c — what every chart is: a data object that draws on any cairo_t
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "fh-chart.h"
#include "fh-chart-export.h"
#include "fh-chart-frame.h"

typedef struct
{
  char  *title;
  char  *caption;
  char  *value_label;
  guint  decimals;
  int    focused_item;
  gboolean has_suppressed;
} FhChartPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (FhChart, fh_chart, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CAPTION,
  PROP_VALUE_LABEL,
  PROP_VALUE_DECIMALS,
  PROP_HAS_SUPPRESSED,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

void
fh_chart_draw (FhChart *self,
               cairo_t *cr,
               double   width,
               double   height)
{
  g_return_if_fail (FH_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  cairo_save (cr);
  FH_CHART_GET_CLASS (self)->draw (self, cr, width, height);
  cairo_restore (cr);
}

char *
fh_chart_to_csv (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);

  return FH_CHART_GET_CLASS (self)->to_csv (self);
}

char *
fh_chart_get_alt_text (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);

  return FH_CHART_GET_CLASS (self)->get_alt_text (self);
}

#define PRIV(self) ((FhChartPrivate *) fh_chart_get_instance_private (self))

void
fh_chart_emit_changed (FhChart *self)
{
  g_return_if_fail (FH_IS_CHART (self));

  /* data that no longer has the focused item lose the focus */
  if (PRIV (self)->focused_item >= 0
      && (guint) PRIV (self)->focused_item >= fh_chart_get_n_items (self))
    PRIV (self)->focused_item = -1;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* ---- items ---------------------------------------------------------------- */

guint
fh_chart_get_n_items (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), 0);

  if (FH_CHART_GET_CLASS (self)->get_n_items == NULL)
    return 0;
  return FH_CHART_GET_CLASS (self)->get_n_items (self);
}

char *
fh_chart_get_item_label (FhChart *self,
                         guint    item)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);

  if (item >= fh_chart_get_n_items (self) || FH_CHART_GET_CLASS (self)->get_item_label == NULL)
    return NULL;
  return FH_CHART_GET_CLASS (self)->get_item_label (self, item);
}

gboolean
fh_chart_get_item_bounds (FhChart *self,
                          guint    item,
                          double  *x,
                          double  *y,
                          double  *width,
                          double  *height)
{
  double bx = 0, by = 0, bw = 0, bh = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (FH_IS_CHART (self), FALSE);

  if (item < fh_chart_get_n_items (self) && FH_CHART_GET_CLASS (self)->get_item_bounds != NULL)
    ok = FH_CHART_GET_CLASS (self)->get_item_bounds (self, item, &bx, &by, &bw, &bh);
  if (x) *x = bx;
  if (y) *y = by;
  if (width) *width = bw;
  if (height) *height = bh;
  return ok;
}

int
fh_chart_hit_item (FhChart *self,
                   double   x,
                   double   y)
{
  guint n;

  g_return_val_if_fail (FH_IS_CHART (self), -1);

  if (FH_CHART_GET_CLASS (self)->hit_item != NULL)
    return FH_CHART_GET_CLASS (self)->hit_item (self, x, y);
  n = fh_chart_get_n_items (self);
  for (guint i = 0; i < n; i++)
    {
      double bx, by, bw, bh;

      if (fh_chart_get_item_bounds (self, i, &bx, &by, &bw, &bh)
          && x >= bx && x <= bx + bw && y >= by && y <= by + bh)
        return i;
    }
  return -1;
}

int
fh_chart_get_focused_item (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), -1);
  return PRIV (self)->focused_item;
}

void
fh_chart_set_focused_item (FhChart *self,
                           int      item)
{
  g_return_if_fail (FH_IS_CHART (self));

  if (item < 0 || (guint) item >= fh_chart_get_n_items (self))
    item = -1;
  if (PRIV (self)->focused_item == item)
    return;
  PRIV (self)->focused_item = item;
  fh_chart_emit_changed (self);
}

static void
set_string (FhChart    *self,
            char      **field,
            const char *value,
            guint       prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *
fh_chart_get_title (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);
  return PRIV (self)->title;
}

void
fh_chart_set_title (FhChart    *self,
                    const char *title)
{
  g_return_if_fail (FH_IS_CHART (self));
  set_string (self, &PRIV (self)->title, title, PROP_TITLE);
}

const char *
fh_chart_get_caption (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);
  return PRIV (self)->caption;
}

void
fh_chart_set_caption (FhChart    *self,
                      const char *caption)
{
  g_return_if_fail (FH_IS_CHART (self));
  set_string (self, &PRIV (self)->caption, caption, PROP_CAPTION);
}

const char *
fh_chart_get_value_label (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), NULL);
  return PRIV (self)->value_label;
}

void
fh_chart_set_value_label (FhChart    *self,
                          const char *value_label)
{
  g_return_if_fail (FH_IS_CHART (self));
  set_string (self, &PRIV (self)->value_label, value_label, PROP_VALUE_LABEL);
}

guint
fh_chart_get_value_decimals (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), 1);
  return PRIV (self)->decimals;
}

void
fh_chart_set_value_decimals (FhChart *self,
                             guint    decimals)
{
  g_return_if_fail (FH_IS_CHART (self));

  decimals = MIN (decimals, 6);
  if (PRIV (self)->decimals == decimals)
    return;
  PRIV (self)->decimals = decimals;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE_DECIMALS]);
}

gboolean
fh_chart_get_has_suppressed (FhChart *self)
{
  g_return_val_if_fail (FH_IS_CHART (self), FALSE);
  return PRIV (self)->has_suppressed;
}

void
fh_chart_set_has_suppressed (FhChart  *self,
                             gboolean  has_suppressed)
{
  g_return_if_fail (FH_IS_CHART (self));

  if (PRIV (self)->has_suppressed == !!has_suppressed)
    return;
  PRIV (self)->has_suppressed = !!has_suppressed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_SUPPRESSED]);
}

char *
fh_chart_dup_full_caption (FhChart *self)
{
  const char *caption, *note;
  gsize len;

  g_return_val_if_fail (FH_IS_CHART (self), NULL);

  caption = PRIV (self)->caption;
  note = fh_chart_suppressed_note ();
  if (!PRIV (self)->has_suppressed || (caption != NULL && strstr (caption, note) != NULL))
    return g_strdup (caption);
  if (caption == NULL || *caption == '\0')
    return g_strconcat (note, ".", NULL);
  len = strlen (caption);
  while (len > 0 && g_ascii_isspace (caption[len - 1]))
    len--;
  return g_strdup_printf ("%.*s%s %s.", (int) len, caption,
                          len > 0 && caption[len - 1] == '.' ? "" : ".", note);
}

void
fh_csv_append_note (GString  *csv,
                    gboolean  header,
                    gboolean  suppressed)
{
  g_return_if_fail (csv != NULL);

  /* Translators: the last column's heading in a CSV export */
  fh_csv_append_field (csv, header ? _("Note") : suppressed ? fh_chart_suppressed_note () : "", TRUE);
}

gboolean
fh_chart_save (FhChart     *self,
               const char  *path,
               double       width_pt,
               double       height_pt,
               double       dpi,
               GError     **error)
{
  g_return_val_if_fail (FH_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_str_has_suffix (path, ".png"))
    return fh_chart_export_png (self, path, width_pt, height_pt, dpi, error);
  if (g_str_has_suffix (path, ".svg"))
    return fh_chart_export_svg (self, path, width_pt, height_pt, error);
  if (g_str_has_suffix (path, ".pdf"))
    return fh_chart_export_pdf (self, path, width_pt, height_pt, error);
  if (g_str_has_suffix (path, ".csv"))
    return fh_chart_export_csv (self, path, error);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               "%s: not .png, .svg, .pdf or .csv", path);
  return FALSE;
}

/* Every property a chart has, its own or a subclass's, is drawn: redraw. */
static void
fh_chart_notify (GObject    *object,
                 GParamSpec *pspec)
{
  fh_chart_emit_changed (FH_CHART (object));

  if (G_OBJECT_CLASS (fh_chart_parent_class)->notify != NULL)
    G_OBJECT_CLASS (fh_chart_parent_class)->notify (object, pspec);
}

static void
fh_chart_finalize (GObject *object)
{
  FhChartPrivate *priv = PRIV (FH_CHART (object));

  g_free (priv->title);
  g_free (priv->caption);
  g_free (priv->value_label);

  G_OBJECT_CLASS (fh_chart_parent_class)->finalize (object);
}

static void
fh_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  FhChartPrivate *priv = PRIV (FH_CHART (object));

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, priv->title);
      break;
    case PROP_CAPTION:
      g_value_set_string (value, priv->caption);
      break;
    case PROP_VALUE_LABEL:
      g_value_set_string (value, priv->value_label);
      break;
    case PROP_VALUE_DECIMALS:
      g_value_set_uint (value, priv->decimals);
      break;
    case PROP_HAS_SUPPRESSED:
      g_value_set_boolean (value, priv->has_suppressed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_chart_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  FhChart *self = FH_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      fh_chart_set_title (self, g_value_get_string (value));
      break;
    case PROP_CAPTION:
      fh_chart_set_caption (self, g_value_get_string (value));
      break;
    case PROP_VALUE_LABEL:
      fh_chart_set_value_label (self, g_value_get_string (value));
      break;
    case PROP_VALUE_DECIMALS:
      fh_chart_set_value_decimals (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fh_chart_class_init (FhChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = fh_chart_finalize;
  object_class->get_property = fh_chart_get_property;
  object_class->set_property = fh_chart_set_property;
  object_class->notify = fh_chart_notify;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_LABEL] =
    g_param_spec_string ("value-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALUE_DECIMALS] =
    g_param_spec_uint ("value-decimals", NULL, NULL, 0, 6, 1,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Set by the subclass from its data: it shows a suppressed figure. */
  properties[PROP_HAS_SUPPRESSED] =
    g_param_spec_boolean ("has-suppressed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
fh_chart_init (FhChart *self)
{
  PRIV (self)->decimals = 1;
  PRIV (self)->focused_item = -1;
}

void
fh_csv_append_field (GString    *csv,
                     const char *field,
                     gboolean    last)
{
  if (field == NULL)
    field = "";

  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = field; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else
    {
      g_string_append (csv, field);
    }

  g_string_append (csv, last ? "\r\n" : ",");
}
