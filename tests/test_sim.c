/*
 * test_sim.c - the Monte Carlo simulation (roi_sim.h) and its JSON face:
 * the generator against published reference values, the triangular inverse,
 * determinism, statistical sanity, limits and bad inputs.
 */
#include "test_util.h"

#include "roi_json.h"
#include "roi_sim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    roi_scenario s;
    roi_sim_result r;
    double net[200000], roi[200000];
} fixture;

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    roi_scenario_default(&fx->s);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    free(*state);
    return 0;
}

#define FX(state) ((fixture *)*(state))
#define TEST_FX(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

static void test_sim_rng_reference(void **state)
{
    (void)state;
    /* splitmix64 seeded with 1234567: the reference sequence published with
     * the algorithm (Vigna, prng.di.unimi.it, and Java's SplittableRandom). */
    roi_rng rng;
    roi_rng_seed(&rng, 1234567);
    assert_true(rng.s[0] == 6457827717110365317u);
    assert_true(rng.s[1] == 3203168211198807973u);
    assert_true(rng.s[2] == 9817491932198370423u);
    assert_true(rng.s[3] == 4593380528125082431u);
    /* Uniform draws stay in [0, 1) and are not constant. */
    double first = roi_rng_uniform(&rng), min = first, max = first;
    for (int i = 0; i < 10000; i++) {
        double u = roi_rng_uniform(&rng);
        assert_true(u >= 0 && u < 1);
        min = fmin(min, u);
        max = fmax(max, u);
    }
    assert_true(min < 0.001 && max > 0.999);
}

static void test_sim_triangular_inverse(void **state)
{
    (void)state;
    const struct { double lo, mode, hi, u, want; } cases[] = {
        {0, 5, 10, 0.0, 0},         /* u = 0: the low end */
        {0, 5, 10, 0.5, 5},         /* symmetric: the median is the mode */
        {0, 2, 10, 0.2, 2},         /* u = F(mode) = (2-0)/(10-0): the mode */
        {0, 2, 10, 0.1, 1.4142135623730951},  /* sqrt(0.1*10*2) */
        {0, 2, 10, 0.6, 10 - sqrt(0.4 * 10 * 8)},
        {4, 4, 8, 0.75, 8 - sqrt(0.25 * 4 * 4)}, /* mode at the low end */
        {4, 8, 8, 0.25, 4 + sqrt(0.25 * 4 * 4)}, /* mode at the high end */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_close(roi_triangular(cases[i].lo, cases[i].mode, cases[i].hi, cases[i].u),
                     cases[i].want, 1e-12);
    assert_true(roi_triangular(0, 5, 10, 0.9999999999) < 10);
}

static void test_sim_deterministic(void **state)
{
    fixture *fx = FX(state);
    test_pay_per_meeting(&fx->s.main.in);
    roi_sim_result a, b;
    assert_int_equal(roi_simulate(&fx->s, 5000, 42, fx->net, fx->roi, &a), ROI_OK);
    assert_int_equal(roi_simulate(&fx->s, 5000, 42, fx->net, fx->roi, &b), ROI_OK);
    assert_memory_equal(&a, &b, sizeof a);
    assert_int_equal(roi_simulate(&fx->s, 5000, 43, fx->net, fx->roi, &b), ROI_OK);
    assert_true(a.main.net.mean != b.main.net.mean);
}

static void test_sim_percentiles_ordered(void **state)
{
    fixture *fx = FX(state);
    test_pay_per_meeting(&fx->s.main.in);
    fx->s.main.in.funnel.rounding = ROI_ROUND_EXPECTED;
    fx->s.spread = 0.5;
    roi_sim_result *r = &fx->r;
    assert_int_equal(roi_simulate(&fx->s, 20000, 7, fx->net, fx->roi, r), ROI_OK);
    assert_int_equal(r->samples, 20000);
    assert_int_equal(r->ranged, 2); /* close rate and deal value */
    assert_true(r->main.roi.p10 <= r->main.roi.p50 && r->main.roi.p50 <= r->main.roi.p90);
    assert_true(r->main.net.p10 <= r->main.net.p50 && r->main.net.p50 <= r->main.net.p90);
    assert_true(r->main.net.p10 < r->main.net.p90);
    /* Histogram: edges increase, counts add up to the samples, and the
     * ends are the lowest and highest net. */
    size_t total = 0;
    for (int i = 0; i < ROI_SIM_BINS; i++) {
        assert_true(r->edges[i] < r->edges[i + 1]);
        total += r->counts[i];
    }
    assert_int_equal(total, 20000);
    assert_true(r->edges[0] <= r->main.net.p10 && r->main.net.p90 <= r->edges[ROI_SIM_BINS]);
    assert_true(r->counts[0] > 0 && r->counts[ROI_SIM_BINS - 1] > 0);
}

/* Net is linear in deal_value (expected rounding, only deal_value ranged):
 * the mean net must approach the net at the triangular mean (lo+mode+hi)/3. */
static void test_sim_mean_matches_distribution(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    test_pay_per_meeting(in);
    in->funnel.rounding = ROI_ROUND_EXPECTED;
    in->funnel.rate[ROI_RATE_CLOSE] = 1; /* no default range on a rate of 1 */
    fx->s.ranges[ROI_U_DEAL_VALUE] = (roi_range){true, 3000, 12000};
    assert_int_equal(roi_simulate(&fx->s, 200000, 3, fx->net, fx->roi, &fx->r), ROI_OK);
    double mean_value = (3000 + 6000 + 12000) / 3.0; /* 7 000 */
    double want = 50 * mean_value * 0.4 - 50 * 120;  /* 134 000 */
    /* sd of the triangular(3000, 6000, 12000) ~ 1 870, times 20 = 37 400 of
     * net; the mean of 200 000 samples is within 4 standard errors. */
    assert_close(fx->r.main.net.mean, want, 4 * 37400 / sqrt(200000) / want);
    /* Median of a triangular with mode below the midpoint: F(6000) = 1/3, so
     * the median is 12000 - sqrt(0.5 * 9000 * 6000) = 6 803.9. */
    double median_value = 12000 - sqrt(0.5 * 9000 * 6000);
    assert_close(fx->r.main.net.p50, 50 * median_value * 0.4 - 6000, 0.01);
}

static void test_sim_zero_spread(void **state)
{
    fixture *fx = FX(state);
    test_pay_per_meeting(&fx->s.main.in);
    fx->s.spread = 0;
    assert_int_equal(roi_simulate(&fx->s, 1000, 1, fx->net, fx->roi, &fx->r), ROI_OK);
    const roi_sim_outcome *o = &fx->r.main;
    assert_int_equal(fx->r.ranged, 0);
    assert_close(o->roi.p10, 3.8, 1e-12);
    assert_close(o->roi.p50, 3.8, 1e-12);
    assert_close(o->roi.p90, 3.8, 1e-12);
    assert_close(o->roi.mean, 3.8, 1e-12);
    assert_close(o->net.p50, 22800, 1e-12);
    assert_close(o->p_loss, 0, 0);
    /* One value: the histogram spans net - 1 .. net + 1. */
    assert_close(fx->r.edges[0], 22799, 1e-12);
    assert_close(fx->r.edges[ROI_SIM_BINS], 22801, 1e-12);
}

static void test_sim_loss_probability(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    test_pay_per_meeting(in);
    /* Prudent case: 50 x 20 % = 10 deals x 4 800 x 40 % = 19 200 > 6 000. */
    assert_int_equal(roi_simulate(&fx->s, 10000, 9, fx->net, fx->roi, &fx->r), ROI_OK);
    assert_close(fx->r.main.p_loss, 0, 0);
    /* At 1 500 EUR a meeting the cost is 75 000: even the ambitious case
     * (15 deals x 7 200 x 40 % = 43 200) loses. */
    in->costs.per_meeting = 1500;
    assert_int_equal(roi_simulate(&fx->s, 10000, 9, fx->net, fx->roi, &fx->r), ROI_OK);
    assert_close(fx->r.main.p_loss, 1, 0);
    /* In between: some samples lose, some do not. */
    in->costs.per_meeting = 576; /* the break-even price */
    assert_int_equal(roi_simulate(&fx->s, 10000, 9, fx->net, fx->roi, &fx->r), ROI_OK);
    assert_true(fx->r.main.p_loss > 0.2 && fx->r.main.p_loss < 0.8);
}

static void test_sim_roi_undefined(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    test_pay_per_meeting(in);
    in->costs.per_meeting = 0; /* no cost: ROI undefined in every sample */
    assert_int_equal(roi_simulate(&fx->s, 500, 1, fx->net, fx->roi, &fx->r), ROI_OK);
    assert_int_equal(fx->r.main.roi_defined, 0);
    assert_true(roi_is_null(fx->r.main.roi.p50) && roi_is_null(fx->r.main.roi.mean));
    assert_true(fx->r.main.net.p50 > 0);
}

static void test_sim_limits(void **state)
{
    fixture *fx = FX(state);
    test_pay_per_meeting(&fx->s.main.in);
    assert_int_equal(roi_simulate(&fx->s, 0, 1, fx->net, fx->roi, &fx->r), ROI_ETOOBIG);
    assert_int_equal(roi_simulate(&fx->s, ROI_SIM_MAX_SAMPLES + 1, 1, fx->net, fx->roi, &fx->r),
                     ROI_ETOOBIG);
    assert_int_equal(roi_simulate(&fx->s, 1, 1, fx->net, fx->roi, &fx->r), ROI_OK);
    assert_close(fx->r.main.net.p10, fx->r.main.net.p90, 0);
}

static void test_sim_channels_independent(void **state)
{
    fixture *fx = FX(state);
    test_pay_per_meeting(&fx->s.main.in);
    roi_campaign_default(&fx->s.channels[0]);
    test_pay_per_meeting(&fx->s.channels[0].in);
    fx->s.channels[0].in.costs.per_meeting = 300;
    fx->s.channel_count = 1;
    roi_sim_result one, two;
    assert_int_equal(roi_simulate(&fx->s, 3000, 5, fx->net, fx->roi, &one), ROI_OK);
    assert_int_equal(one.channel_count, 1);
    /* Same spread, higher price: lower ROI than the scenario. */
    assert_true(one.channels[0].roi.p50 < one.main.roi.p50);
    /* Adding a channel changes neither the scenario nor the first channel. */
    fx->s.channels[1] = fx->s.channels[0];
    fx->s.channel_count = 2;
    assert_int_equal(roi_simulate(&fx->s, 3000, 5, fx->net, fx->roi, &two), ROI_OK);
    assert_memory_equal(&one.main, &two.main, sizeof one.main);
    assert_memory_equal(&one.channels[0], &two.channels[0], sizeof one.channels[0]);
    /* Its own stream: same inputs as channel 0, different draws. */
    assert_true(two.channels[1].net.mean != two.channels[0].net.mean);
    /* A channel ignores the scenario's explicit ranges. */
    fx->s.ranges[ROI_U_VOLUME] = (roi_range){true, 10, 60};
    fx->s.spread = 0;
    assert_int_equal(roi_simulate(&fx->s, 3000, 5, fx->net, fx->roi, &two), ROI_OK);
    assert_close(two.channels[0].net.p10, two.channels[0].net.p90, 0);
    assert_true(two.main.net.p10 < two.main.net.p90);
}

/* ---- the JSON face ---------------------------------------------------------- */

static cJSON *simulate(const char *text, double samples, double seed, bool *valid)
{
    char *out = roi_simulate_json(text, strlen(text), samples, seed, 0, valid);
    assert_non_null(out);
    cJSON *doc = cJSON_Parse(out);
    roi_free(out);
    assert_non_null(doc);
    return doc;
}

static const char PPM[] =
    "{\"funnel\":{\"entry\":\"meetings\",\"volume\":50,\"close_rate\":0.25},"
    "\"value\":{\"deal_value\":6000,\"margin_rate\":0.4},"
    "\"costs\":{\"model\":\"per_meeting\",\"per_meeting\":120}}";

static void test_sim_json_document(void **state)
{
    (void)state;
    bool valid;
    cJSON *doc = simulate(PPM, 2000, 11, &valid);
    assert_true(valid);
    assert_json_number(doc, "samples", 2000, 0);
    assert_json_number(doc, "seed", 11, 0);
    assert_json_number(doc, "p_loss", 0, 0);
    assert_string_equal(cJSON_GetArrayItem(test_path(doc, "fields"), 0)->valuestring,
                        "funnel.close_rate");
    assert_int_equal(cJSON_GetArraySize(test_path(doc, "histogram.edges")), ROI_SIM_BINS + 1);
    assert_int_equal(cJSON_GetArraySize(test_path(doc, "histogram.counts")), ROI_SIM_BINS);
    double p10 = test_path(doc, "roi.p10")->valuedouble, p90 = test_path(doc, "roi.p90")->valuedouble;
    assert_true(p10 < 3.8 && 3.8 < p90);
    assert_int_equal(cJSON_GetArraySize(test_path(doc, "channels")), 0);
    cJSON_Delete(doc);
}

static void test_sim_json_bad_inputs(void **state)
{
    (void)state;
    static const struct { double samples, seed; const char *field; } cases[] = {
        {0, 1, "samples"},
        {1000001, 1, "samples"},
        {1.5, 1, "samples"},
        {NAN, 1, "samples"},
        {100, -1, "seed"},
        {100, 9007199254740992.0, "seed"},
        {100, 0.5, "seed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bool valid = true;
        cJSON *doc = simulate(PPM, cases[i].samples, cases[i].seed, &valid);
        assert_false(valid);
        const cJSON *e = test_diag(doc, "errors", cases[i].field, "whole_range");
        assert_non_null(e);
        bool seed = strcmp(cases[i].field, "seed") == 0;
        assert_json_number(e, "params.min", seed ? 0 : 1, 0);
        assert_json_number(e, "params.max", seed ? 9007199254740991.0 : 1000000, 0);
        if (isnan(cases[i].samples))
            assert_true(cJSON_IsNull(test_path(e, "params.got")));
        else
            assert_json_number(e, "params.got", seed ? cases[i].seed : cases[i].samples, 0);
        assert_null(test_path(doc, "p_loss"));
        cJSON_Delete(doc);
    }
    /* Every problem at once: the scenario's and the sample count's. */
    bool valid = true;
    cJSON *doc = simulate("{\"funnel\":{\"close_rate\":2}}", 0, 1, &valid);
    assert_false(valid);
    assert_non_null(test_diag(doc, "errors", "samples", "whole_range"));
    assert_non_null(test_diag(doc, "errors", "funnel.close_rate", "range"));
    cJSON_Delete(doc);
    doc = simulate("not json", 10, 1, &valid);
    assert_false(valid);
    assert_non_null(test_diag(doc, "errors", "", "json"));
    cJSON_Delete(doc);
}

/* Equal nets of any size give finite, strictly increasing edges (2026-12:
 * at 2^53 and above net - 1 .. net + 1 collapsed to one point, and the
 * histogram divided 0 by 0).  Reproducer from the issue:
 * #v=1&entry=deals&vol=1e9&deal=1e12&model=flat&spread=0. */
static void test_sim_histogram_edges_for_equal_nets(void **state)
{
    static const struct {
        double volume, deal_value, flat_fee;
    } cases[] = {
        {1e9, 1e12, 0},          /* net 1e21 */
        {1e9, 1e12, 1e12},       /* net 1e21 - 1e12 */
        {1, 9007199254740992.0 / 1e4, 0}, /* 2^53 / 1e4 deal value: just under */
        {1e5, 1e12, 0},          /* 1e17 > 2^53 */
        {0, 0, 1e12},            /* net -1e12 */
        {0, 0, 0},               /* net 0 */
    };
    fixture *fx = FX(state);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        roi_scenario_default(&fx->s);
        roi_inputs *in = &fx->s.main.in;
        in->funnel.entry = ROI_STAGE_DEALS;
        in->funnel.volume = cases[c].volume;
        in->value.deal_value = cases[c].deal_value;
        in->costs.model = ROI_MODEL_FLAT;
        in->costs.flat_fee = cases[c].flat_fee;
        fx->s.spread = 0;
        assert_int_equal(roi_simulate(&fx->s, 100, 1, fx->net, fx->roi, &fx->r), ROI_OK);
        size_t total = 0;
        for (int i = 0; i <= ROI_SIM_BINS; i++) {
            assert_true(isfinite(fx->r.edges[i]));
            if (i > 0)
                assert_true(fx->r.edges[i] > fx->r.edges[i - 1]);
        }
        for (int i = 0; i < ROI_SIM_BINS; i++)
            total += fx->r.counts[i];
        assert_int_equal(total, 100);
        double net = fx->r.main.net.p50;
        assert_true(fx->r.edges[0] <= net && net <= fx->r.edges[ROI_SIM_BINS]);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sim_rng_reference),
        cmocka_unit_test(test_sim_triangular_inverse),
        TEST_FX(test_sim_deterministic),
        TEST_FX(test_sim_percentiles_ordered),
        TEST_FX(test_sim_mean_matches_distribution),
        TEST_FX(test_sim_zero_spread),
        TEST_FX(test_sim_loss_probability),
        TEST_FX(test_sim_roi_undefined),
        TEST_FX(test_sim_limits),
        TEST_FX(test_sim_channels_independent),
        cmocka_unit_test(test_sim_json_document),
        cmocka_unit_test(test_sim_json_bad_inputs),
        TEST_FX(test_sim_histogram_edges_for_equal_nets),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
