/* test-demand-query.c — the demand page's choices, without GTK
 *
 * Copyright 2026 The Family Help Dashboard authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "fh-demand-measures.h"
#include "fh-demand-query.h"
#include "fh-enums.h"

static FhWardDemand
ward (void)
{
  FhWardDemand d = { 0 };

  d.ward_code = (char *) "E05000001";
  d.ward_name = (char *) "Aspley";
  d.children_0_17 = 4000;
  d.referrals = 120;
  d.episodes_started = 80;
  d.episodes_open = 60;
  d.referral_rate = 300.0;
  d.started_rate = 200.0;
  d.open_rate = 150.0;
  return d;
}

static void
test_measures (void)
{
  FhWardDemand d = ward ();
  FhDemandChoices c = { .measure = FH_DEMAND_MEASURE_STARTED, .unit = FH_DEMAND_UNIT_RATE };

  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_REFERRALS, &d), ==, 120);
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_STARTED, &d), ==, 80);
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_OPEN, &d), ==, 60);
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_OPEN, NULL), ==, FH_COUNT_MISSING);
  g_assert_cmpfloat (fh_demand_measure_rate (FH_DEMAND_MEASURE_OPEN, &d), ==, 150.0);
  g_assert_true (isnan (fh_demand_measure_rate (FH_DEMAND_MEASURE_OPEN, NULL)));

  g_assert_cmpfloat (fh_demand_choices_get_value (&c, &d), ==, 200.0);
  g_assert_cmpuint (fh_demand_choices_get_decimals (&c), ==, 1);
  c.unit = FH_DEMAND_UNIT_COUNT;
  g_assert_cmpfloat (fh_demand_choices_get_value (&c, &d), ==, 80.0);
  g_assert_cmpuint (fh_demand_choices_get_decimals (&c), ==, 0);
  /* a suppressed count is not a value */
  d.episodes_started = FH_COUNT_SUPPRESSED;
  g_assert_true (isnan (fh_demand_choices_get_value (&c, &d)));
}

static void
test_labels (void)
{
  FhDemandChoices c = { .measure = FH_DEMAND_MEASURE_REFERRALS, .unit = FH_DEMAND_UNIT_RATE };
  g_autofree char *rate = NULL, *band = NULL, *count = NULL;

  rate = fh_demand_choices_get_value_label (&c);
  g_assert_cmpstr (rate, ==, "Requests for support per 10,000 children aged 0–17");
  c.age_band = FH_DEMAND_AGE_BAND_10_17;
  band = fh_demand_choices_get_value_label (&c);
  g_assert_cmpstr (band, ==, "Requests for support per 10,000 children aged 10-17");
  g_assert_cmpstr (fh_demand_choices_get_heading (&c), ==, "Requests per 10,000");
  c.unit = FH_DEMAND_UNIT_COUNT;
  c.measure = FH_DEMAND_MEASURE_OPEN;
  count = fh_demand_choices_get_value_label (&c);
  g_assert_cmpstr (count, ==, "Episodes of Family Help open at the period end");
  g_assert_cmpstr (fh_demand_choices_get_heading (&c), ==, "Open (count)");
}

static FhDemandFigure *
figure (const char *code, FhDemandFigureKind kind, gint64 count, double rate, gint64 before)
{
  FhDemandFigure *f = g_new0 (FhDemandFigure, 1);

  f->ward_code = g_strdup (code);
  f->ward_name = g_strdup (code ? code : "City");
  f->measure = kind;
  f->count = count;
  f->population = 1000;
  f->population_year = 2025;
  f->rate = rate;
  f->rate_lower95 = rate - 1;
  f->rate_upper95 = rate + 1;
  f->percent = NAN;
  f->previous_count = before;
  f->previous_rate = before * 10.0;
  f->previous_population_year = 2024;
  f->versus_authority = code ? FH_VERSUS_HIGHER : FH_VERSUS_UNKNOWN;
  return f;
}

/* The reporting layer's long rows become one FhWardDemand per ward (and the
 * authority), for the period and for a year earlier; every measure reads
 * from them, suppressed counts stay suppressed. */
static void
test_figures_to_wards (void)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) fh_demand_figure_free);
  g_autoptr(GPtrArray) wards = NULL, before = NULL;
  g_autoptr(FhWardDemand) city = NULL, city_before = NULL;
  FhWardDemand *a;

  g_ptr_array_add (figures, figure ("A", FH_FIGURE_REQUESTS, 30, 300, 20));
  g_ptr_array_add (figures, figure ("B", FH_FIGURE_REQUESTS, FH_COUNT_SUPPRESSED, NAN, 7));
  g_ptr_array_add (figures, figure (NULL, FH_FIGURE_REQUESTS, 33, 16.5, 27));
  g_ptr_array_add (figures, figure ("A", FH_FIGURE_ACCEPTED, 12, 120, 9));
  g_ptr_array_add (figures, figure ("B", FH_FIGURE_ACCEPTED, 0, 0, 0));
  g_ptr_array_add (figures, figure (NULL, FH_FIGURE_ACCEPTED, 12, 6, 9));

  fh_demand_figures_to_wards (figures, FALSE, &wards, &city);
  fh_demand_figures_to_wards (figures, TRUE, &before, &city_before);
  g_assert_cmpuint (wards->len, ==, 2);
  g_assert_nonnull (city);
  g_assert_null (city->ward_code);
  a = fh_ward_demand_find (wards, "A");
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_REFERRALS, a), ==, 30);
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_ACCEPTED, a), ==, 12);
  g_assert_cmpfloat (fh_demand_measure_rate (FH_DEMAND_MEASURE_ACCEPTED, a), ==, 120);
  g_assert_cmpint (a->versus[FH_FIGURE_REQUESTS], ==, FH_VERSUS_HIGHER);
  g_assert_cmpint (a->population_year, ==, 2025);
  /* the page's first measures are filled from the same figures */
  g_assert_cmpint (a->referrals, ==, 30);
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_REFERRALS, fh_ward_demand_find (wards, "B")), ==,
                   FH_COUNT_SUPPRESSED);
  /* a measure the row does not carry is missing, not zero */
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_CHILDREN_OPEN, a), ==, FH_COUNT_MISSING);
  /* a year earlier */
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_REFERRALS, fh_ward_demand_find (before, "B")), ==, 7);
  g_assert_cmpint (fh_demand_measure_count (FH_DEMAND_MEASURE_ACCEPTED, city_before), ==, 9);
  g_assert_cmpint (city_before->population_year, ==, 2024);
  /* every measure has a figure of its own */
  for (int m = FH_DEMAND_MEASURE_REFERRALS; m <= FH_DEMAND_MEASURE_CHILDREN_OPEN; m++)
    for (int n = m + 1; n <= FH_DEMAND_MEASURE_CHILDREN_OPEN; n++)
      g_assert_cmpint (fh_demand_measure_get_figure (m), !=, fh_demand_measure_get_figure (n));
}

/* Every value of every choice has a label and the reporting layer's code. */
static void
test_choices_complete (void)
{
  GType types[] = { FH_TYPE_DEMAND_MEASURE, FH_TYPE_DEMAND_UNIT, FH_TYPE_DEMAND_PERIOD,
                    FH_TYPE_DEMAND_LEVEL, FH_TYPE_DEMAND_SERVICE, FH_TYPE_DEMAND_NEED,
                    FH_TYPE_DEMAND_SOURCE, FH_TYPE_DEMAND_AGE_BAND, FH_TYPE_DEMAND_MAP_STYLE };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);

      /* values run 0…n-1, so a drop-down's row is the value */
      g_assert_cmpint (klass->minimum, ==, 0);
      g_assert_cmpint (klass->maximum, ==, (int) klass->n_values - 1);
      for (guint i = 0; i < klass->n_values; i++)
        g_assert_nonnull (fh_demand_choice_get_label (types[t], i));
    }
  g_assert_null (fh_demand_choice_get_code (FH_TYPE_DEMAND_NEED, FH_DEMAND_NEED_ALL));
  g_assert_cmpstr (fh_demand_choice_get_code (FH_TYPE_DEMAND_NEED, FH_DEMAND_NEED_DOMESTIC_ABUSE), ==, "domestic_abuse");
  g_assert_cmpstr (fh_demand_choice_get_code (FH_TYPE_DEMAND_SOURCE, FH_DEMAND_SOURCE_SELF_FAMILY), ==, "self_family");
  g_assert_cmpstr (fh_demand_choice_get_code (FH_TYPE_DEMAND_AGE_BAND, FH_DEMAND_AGE_BAND_0_4), ==, "0-4");
  g_assert_cmpstr (fh_demand_choice_get_code (FH_TYPE_DEMAND_LEVEL, FH_DEMAND_LEVEL_TARGETED), ==, "targeted");
  g_assert_cmpstr (fh_demand_choice_get_label (FH_TYPE_DEMAND_NEED, FH_DEMAND_NEED_SEND), ==, "SEND");
}

static void
test_period_and_filter (void)
{
  g_autoptr(GDateTime) today = fh_date_new (2026, 11, 26);
  FhDemandChoices c = { .period = FH_DEMAND_PERIOD_FINANCIAL_YEAR, .service = FH_DEMAND_SERVICE_ADOLESCENCE,
                        .need = FH_DEMAND_NEED_EXPLOITATION };
  g_autoptr(FhPeriod) year = fh_demand_choices_get_period (&c, today);
  g_autoptr(FhPeriod) custom = NULL;
  g_autoptr(FhDemandFilter) filter = NULL;
  g_autofree char *from = NULL, *to = NULL;

  from = fh_date_to_iso (year->from);
  to = fh_date_to_iso (year->to);
  g_assert_cmpstr (from, ==, "2025-04-01");
  g_assert_cmpstr (to, ==, "2026-03-31");

  filter = fh_demand_choices_get_filter (&c, 7, year);
  g_assert_cmpint (filter->authority_id, ==, 7);
  g_assert_null (filter->level);
  g_assert_cmpstr (filter->service, ==, "adolescence");
  g_assert_cmpstr (filter->need, ==, "exploitation");
  g_assert_null (filter->source);
  g_assert_null (filter->age_band);

  /* a custom range needs two dates in order */
  c.period = FH_DEMAND_PERIOD_CUSTOM;
  c.custom_from = g_strdup ("2025-02-01");
  g_assert_null (fh_demand_choices_get_period (&c, today));
  c.custom_to = g_strdup ("2025-01-31");
  g_assert_null (fh_demand_choices_get_period (&c, today));
  g_free (c.custom_to);
  c.custom_to = g_strdup ("2025-02-28");
  custom = fh_demand_choices_get_period (&c, today);
  g_assert_nonnull (custom);
  g_clear_pointer (&from, g_free);
  from = fh_date_to_iso (custom->from);
  g_assert_cmpstr (from, ==, "2025-02-01");
  fh_demand_choices_clear (&c);
  g_assert_null (c.custom_from);
}

static void
test_change (void)
{
  g_autofree char *up = fh_demand_format_change (1852.6, 1808.8, 1);
  g_autofree char *down = fh_demand_format_change (90, 100, 0);
  g_autofree char *none = fh_demand_format_change (90, NAN, 0);

  g_assert_cmpstr (up, ==, "▲ +43.8 (+2.4%)");
  g_assert_cmpstr (down, ==, "▼ −10 (−10.0%)");
  g_assert_cmpstr (none, ==, "no comparison");
}

/* The hover text of a ward: a withheld count says "c" for its count, rate
 * and change, never "no comparison" (which means no earlier figure). */
static void
test_describe_suppressed (void)
{
  FhDemandChoices c = { .measure = FH_DEMAND_MEASURE_REFERRALS, .unit = FH_DEMAND_UNIT_RATE };
  FhWardDemand now = { .ward_name = (char *) "Castle", .referrals = FH_COUNT_SUPPRESSED,
                       .referral_rate = NAN };
  FhWardDemand before = { .ward_name = (char *) "Castle", .referrals = 40, .referral_rate = 120.0 };
  FhWardDemand shown = { .ward_name = (char *) "Castle", .referrals = 45, .referral_rate = 135.0 };
  g_autofree char *hidden = fh_demand_describe_ward (&c, "Castle", &now, &before);
  g_autofree char *was_hidden = fh_demand_describe_ward (&c, "Castle", &shown, &now);
  g_autofree char *plain = fh_demand_describe_ward (&c, "Castle", &shown, &before);
  g_autofree char *first = fh_demand_describe_ward (&c, "Castle", &shown, NULL);

  g_assert_nonnull (strstr (hidden, "Requests for support: c\n"));
  g_assert_nonnull (strstr (hidden, "Rate per 10,000 children: c\n"));
  g_assert_nonnull (strstr (hidden, "Change on a year earlier: c"));
  g_assert_nonnull (strstr (was_hidden, "Change on a year earlier: c"));
  g_assert_nonnull (strstr (plain, "Change on a year earlier: ▲ +15.0 (+12.5%)"));
  g_assert_nonnull (strstr (first, "Change on a year earlier: no comparison"));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/demand-query/measures", test_measures);
  g_test_add_func ("/core/demand-query/describe-suppressed", test_describe_suppressed);
  g_test_add_func ("/demand-query/figures-to-wards", test_figures_to_wards);
  g_test_add_func ("/core/demand-query/labels", test_labels);
  g_test_add_func ("/core/demand-query/choices-complete", test_choices_complete);
  g_test_add_func ("/core/demand-query/period-and-filter", test_period_and_filter);
  g_test_add_func ("/core/demand-query/change", test_change);
  return g_test_run ();
}
