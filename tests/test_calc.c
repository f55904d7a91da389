/*
 * test_calc.c - the arithmetic core (roi_calc.h) against METHODOLOGY.md,
 * sections 2, 3 and 5, through the struct API only (tests/test_json.c covers
 * the JSON layer).
 *
 * Every expected number is worked out by hand from the methodology; the
 * arithmetic is written next to it.  Scenarios are ~350 KB, so each test gets
 * a heap fixture from setup_fixture().
 */
#include "test_util.h"

#include "roi_calc.h"
#include "roi_fields.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOL 1e-9
#define NUL ((double)NAN) /* "expected null" in tables */

/* ---- helpers -------------------------------------------------------------- */

typedef struct {
    roi_scenario s;
    roi_result r;
} fixture;

static int setup_fixture(void **state)
{
    fixture *fx = malloc(sizeof *fx);
    if (!fx)
        return -1;
    memset(fx, 0, sizeof *fx);
    roi_scenario_default(&fx->s);
    *state = fx;
    return 0;
}

static int teardown_fixture(void **state)
{
    free(*state);
    return 0;
}

#define FX(state) ((fixture *)*(state))
#define TEST_FX(f) cmocka_unit_test_setup_teardown(f, setup_fixture, teardown_fixture)

/* Checks actual against expected, where an expected NaN means "must be null".
 * ctx names the table row in the failure message. */
static void check_value(const char *ctx, const char *what, double actual,
                        double expected, const char *file, int line)
{
    char buf[200];
    snprintf(buf, sizeof buf, "[%s] %s", ctx, what);
    if (isnan(expected)) {
        if (!roi_is_null(actual)) {
            print_error("%s = %.17g, expected null\n", buf, actual);
            _fail(file, line);
        }
        return;
    }
    test_assert_close(actual, expected, TOL, buf, file, line);
}
#define CHECK(ctx, actual, expected) \
    check_value((ctx), #actual, (actual), (expected), __FILE__, __LINE__)
#define CLOSE(actual, expected) assert_close((actual), (expected), TOL)
#define IS_NULL(x) assert_true(roi_is_null(x))

static void set_rates(roi_inputs *in, double contact, double lead, double meeting,
                      double show, double opportunity, double close)
{
    in->funnel.rate[ROI_RATE_CONTACT] = contact;
    in->funnel.rate[ROI_RATE_LEAD] = lead;
    in->funnel.rate[ROI_RATE_MEETING] = meeting;
    in->funnel.rate[ROI_RATE_SHOW] = show;
    in->funnel.rate[ROI_RATE_OPPORTUNITY] = opportunity;
    in->funnel.rate[ROI_RATE_CLOSE] = close;
}

static void add_fixed(roi_campaign *c, const char *label, double amount)
{
    assert_true(c->fixed_count < ROI_MAX_FIXED);
    roi_fixed_cost *f = &c->fixed[c->fixed_count++];
    snprintf(f->label, sizeof f->label, "%s", label);
    f->amount = amount;
}

static roi_figures compute_ok(const roi_inputs *in, double fixed_total)
{
    roi_figures f;
    memset(&f, 0, sizeof f);
    assert_int_equal(roi_figures_compute(in, fixed_total, &f), ROI_OK);
    return f;
}

/* A simple "entry deals" campaign: volume deals at deal_value, flat cost. */
static void deals_campaign(roi_inputs *in, double deals, double deal_value,
                           double flat_fee)
{
    roi_inputs_default(in);
    in->funnel.entry = ROI_STAGE_DEALS;
    in->funnel.volume = deals;
    in->value.deal_value = deal_value;
    in->costs.model = ROI_MODEL_FLAT;
    in->costs.flat_fee = flat_fee;
}

/*
 * The billing scenario used by several tests:
 *   H = 2 operators x 50 h = 100
 *   calls 1000 -> contacts 1000*0.5 = 500 -> leads 500*0.5 = 250
 *   -> meetings 250*0.2 = 50 -> held 50*0.8 = 40 -> opportunities 40*0.5 = 20
 *   -> deals 20*0.25 = 5
 *   deal 4000, margin 0.5: revenue 5*4000 = 20000, margin 10000
 *   prices: in-house 30/h + 1000 fixed, hourly 45, bonus 50, per call 2,
 *   per meeting 80, per deal 500, flat 3000
 *   internal: 1 h per held meeting at 50/h = 40*1*50 = 2000; fixed list 500.
 */
static void billing_inputs(roi_inputs *in)
{
    roi_inputs_default(in);
    in->time.operators = 2;
    in->time.hours_per_operator = 50;
    in->funnel.volume = 1000;
    set_rates(in, 0.5, 0.5, 0.2, 0.8, 0.5, 0.25);
    in->value.deal_value = 4000;
    in->value.margin_rate = 0.5;
    in->costs.in_house_hourly_cost = 30;
    in->costs.in_house_fixed = 1000;
    in->costs.hourly_rate = 45;
    in->costs.bonus_per_meeting = 50;
    in->costs.per_call = 2;
    in->costs.per_meeting = 80;
    in->costs.per_deal = 500;
    in->costs.flat_fee = 3000;
    in->costs.internal_hours_per_meeting = 1;
    in->costs.internal_hourly_cost = 50;
}
#define BILLING_FIXED 500.0

/* ---- names and defaults --------------------------------------------------- */

static void test_calc_names(void **state)
{
    (void)state;
    static const char *const stages[] = {"calls", "contacts", "leads", "meetings",
                                         "held", "opportunities", "deals"};
    static const char *const rates[] = {"contact_rate", "lead_rate", "meeting_rate",
                                        "show_rate", "opportunity_rate", "close_rate"};
    static const char *const models[] = {"in_house", "hourly", "hybrid", "per_call",
                                         "per_meeting", "per_deal", "flat"};
    static const char *const uncertain[] = {
        "funnel.volume", "funnel.contact_rate", "funnel.lead_rate",
        "funnel.meeting_rate", "funnel.show_rate", "funnel.opportunity_rate",
        "funnel.close_rate", "value.deal_value", "value.monthly_value",
        "value.margin_rate", "value.lifetime_months"};
    for (int i = 0; i < ROI_STAGE_COUNT; i++)
        assert_string_equal(roi_stage_name((roi_stage)i), stages[i]);
    for (int i = 0; i < ROI_RATE_COUNT; i++)
        assert_string_equal(roi_rate_name((roi_rate)i), rates[i]);
    for (int i = 0; i < ROI_MODEL_COUNT; i++)
        assert_string_equal(roi_model_name((roi_model)i), models[i]);
    for (int i = 0; i < ROI_U_COUNT; i++)
        assert_string_equal(roi_uncertain_name((roi_uncertain)i), uncertain[i]);
    assert_null(roi_stage_name(ROI_STAGE_COUNT));
    assert_null(roi_rate_name(ROI_RATE_COUNT));
    assert_null(roi_model_name(ROI_MODEL_COUNT));
    assert_null(roi_uncertain_name(ROI_U_COUNT));
    assert_null(roi_model_name((roi_model)100));
}

static void check_default_inputs(const roi_inputs *in)
{
    /* METHODOLOGY section 2, "default" column. */
    assert_true(in->horizon_months == 12);
    assert_true(in->target_roi == 0);
    assert_true(in->target_ltv_cac == 3);
    assert_true(in->time.operators == 1);
    assert_true(in->time.hours_per_operator == 0);
    assert_true(in->time.talk_share == 1);
    assert_int_equal(in->funnel.entry, ROI_STAGE_CALLS);
    assert_true(in->funnel.volume == 0);
    for (int r = 0; r < ROI_RATE_COUNT; r++)
        assert_true(in->funnel.rate[r] == 1);
    assert_int_equal(in->funnel.rounding, ROI_ROUND_FLOOR);
    assert_true(in->value.deal_value == 0);
    assert_true(in->value.monthly_value == 0);
    assert_true(in->value.lifetime_months == 0);
    assert_true(in->value.margin_rate == 1);
    assert_true(in->value.sales_cycle_months == 0);
    assert_int_equal(in->costs.model, ROI_MODEL_IN_HOUSE);
    assert_true(in->costs.in_house_hourly_cost == 0);
    assert_true(in->costs.in_house_fixed == 0);
    assert_true(in->costs.hourly_rate == 0);
    assert_true(in->costs.bonus_per_meeting == 0);
    assert_true(in->costs.per_call == 0);
    assert_true(in->costs.per_meeting == 0);
    assert_int_equal(in->costs.meeting_basis, ROI_BASIS_BOOKED);
    assert_true(in->costs.per_deal == 0);
    assert_true(in->costs.flat_fee == 0);
    assert_true(in->costs.internal_hours_per_meeting == 0);
    assert_true(in->costs.internal_hourly_cost == 0);
}

static void test_calc_inputs_default(void **state)
{
    (void)state;
    roi_inputs in;
    memset(&in, 0xA5, sizeof in); /* garbage that the default must overwrite */
    roi_inputs_default(&in);
    check_default_inputs(&in);
}

static void test_calc_scenario_default(void **state)
{
    roi_scenario *s = &FX(state)->s;
    memset(s, 0x5A, sizeof *s);
    roi_scenario_default(s);
    check_default_inputs(&s->main.in);
    assert_string_equal(s->main.name, "");
    assert_string_equal(s->main.currency, "EUR");
    assert_int_equal(s->main.fixed_count, 0);
    assert_true(s->spread == 0.2);
    for (int u = 0; u < ROI_U_COUNT; u++)
        assert_false(s->ranges[u].given);
    assert_false(s->reallocation_min_roi_given);
    assert_true(s->reallocation_shift == 0.2);
    assert_int_equal(s->channel_count, 0);
}

static void test_calc_all_defaults_evaluate(void **state)
{
    fixture *fx = FX(state);
    /* Everything 0: no hours, volume 0, no cost. */
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    const roi_figures *f = &fx->r.figures;
    CLOSE(f->hours_total, 0);
    CLOSE(f->deals, 0);
    CLOSE(f->cost.total, 0);
    IS_NULL(f->roi);          /* cost 0 */
    IS_NULL(f->roi_lifetime); /* cost 0 */
    CLOSE(f->payback_months, 0); /* cost 0 -> 0 */
    IS_NULL(f->per_hour.revenue);
    IS_NULL(f->unit_cost[ROI_STAGE_DEALS]);
    /* Only the selected model (in_house, price 0) gets a billing row. */
    assert_int_equal(fx->r.billing_count, 1);
    assert_int_equal(fx->r.billing[0].model, ROI_MODEL_IN_HOUSE);
    CLOSE(fx->r.billing[0].cost, 0);
    IS_NULL(fx->r.billing[0].roi);
    IS_NULL(fx->r.billing[0].cost_per_deal); /* no deal */
    IS_NULL(fx->r.billing[0].max_price);     /* q = H = 0 */
    assert_int_equal(fx->r.sensitivity_count, 0); /* nothing ranged */
    assert_int_equal(fx->r.comparison_count, 1);
    assert_int_equal(fx->r.comparison[0].rank, 0); /* null ROI */
    assert_false(fx->r.reallocation.present);
}

/* ---- hours and funnel ----------------------------------------------------- */

static void test_calc_hours_total(void **state)
{
    (void)state;
    roi_inputs in;
    roi_inputs_default(&in);
    in.time.operators = 3;
    in.time.hours_per_operator = 20;
    CLOSE(compute_ok(&in, 0).hours_total, 60); /* 3 x 20 */
    in.time.operators = 0;
    CLOSE(compute_ok(&in, 0).hours_total, 0); /* 0 x 20 */
    in.time.operators = 2.5;
    in.time.hours_per_operator = 7;
    CLOSE(compute_ok(&in, 0).hours_total, 17.5); /* 2.5 x 7 */
}

static void test_calc_stage_known(void **state)
{
    (void)state;
    roi_inputs in;
    roi_inputs_default(&in);
    for (int e = 0; e < ROI_STAGE_COUNT; e++) {
        in.funnel.entry = (roi_stage)e;
        for (int st = 0; st < ROI_STAGE_COUNT; st++)
            assert_int_equal(roi_stage_known(&in, (roi_stage)st), st >= e);
        assert_false(roi_stage_known(&in, ROI_STAGE_COUNT));
    }
}

static void test_calc_model_needs(void **state)
{
    (void)state;
    static const struct {
        roi_model model;
        roi_stage booked, held; /* what it needs under each meeting basis */
    } cases[] = {
        {ROI_MODEL_IN_HOUSE, ROI_STAGE_COUNT, ROI_STAGE_COUNT},
        {ROI_MODEL_HOURLY, ROI_STAGE_COUNT, ROI_STAGE_COUNT},
        {ROI_MODEL_HYBRID, ROI_STAGE_MEETINGS, ROI_STAGE_HELD},
        {ROI_MODEL_PER_CALL, ROI_STAGE_CALLS, ROI_STAGE_CALLS},
        {ROI_MODEL_PER_MEETING, ROI_STAGE_MEETINGS, ROI_STAGE_HELD},
        {ROI_MODEL_PER_DEAL, ROI_STAGE_COUNT, ROI_STAGE_COUNT},
        {ROI_MODEL_FLAT, ROI_STAGE_COUNT, ROI_STAGE_COUNT},
    };
    roi_inputs in;
    roi_inputs_default(&in);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        in.costs.meeting_basis = ROI_BASIS_BOOKED;
        assert_int_equal(roi_model_needs(&in, cases[i].model), cases[i].booked);
        in.costs.meeting_basis = ROI_BASIS_HELD;
        assert_int_equal(roi_model_needs(&in, cases[i].model), cases[i].held);
    }
}

static void test_calc_funnel_from_every_entry(void **state)
{
    (void)state;
    /* Rates 0.5, 0.25, 0.5, 0.75, 0.5, 0.25 (exact in binary), volume 4096 at
     * the entry; each later stage is the previous times its rate. */
    static const double expected[ROI_STAGE_COUNT][ROI_STAGE_COUNT] = {
        /* calls: 4096, *.5=2048, *.25=512, *.5=256, *.75=192, *.5=96, *.25=24 */
        {4096, 2048, 512, 256, 192, 96, 24},
        /* contacts: 4096, *.25=1024, *.5=512, *.75=384, *.5=192, *.25=48 */
        {NUL, 4096, 1024, 512, 384, 192, 48},
        /* leads: 4096, *.5=2048, *.75=1536, *.5=768, *.25=192 */
        {NUL, NUL, 4096, 2048, 1536, 768, 192},
        /* meetings: 4096, *.75=3072, *.5=1536, *.25=384 */
        {NUL, NUL, NUL, 4096, 3072, 1536, 384},
        /* held: 4096, *.5=2048, *.25=512 */
        {NUL, NUL, NUL, NUL, 4096, 2048, 512},
        /* opportunities: 4096, *.25=1024 */
        {NUL, NUL, NUL, NUL, NUL, 4096, 1024},
        /* deals: 4096 */
        {NUL, NUL, NUL, NUL, NUL, NUL, 4096},
    };
    roi_inputs in;
    roi_inputs_default(&in);
    set_rates(&in, 0.5, 0.25, 0.5, 0.75, 0.5, 0.25);
    in.funnel.volume = 4096;
    in.costs.model = ROI_MODEL_FLAT;
    in.costs.flat_fee = 8192;
    for (int e = 0; e < ROI_STAGE_COUNT; e++) {
        in.funnel.entry = (roi_stage)e;
        roi_figures f = compute_ok(&in, 0);
        const char *ctx = roi_stage_name((roi_stage)e);
        for (int st = 0; st < ROI_STAGE_COUNT; st++) {
            CHECK(ctx, f.stage[st], expected[e][st]);
            /* Unknown stages have no unit cost; known ones cost 8192 / count. */
            CHECK(ctx, f.unit_cost[st],
                  isnan(expected[e][st]) ? NUL : 8192 / expected[e][st]);
        }
        CHECK(ctx, f.deals_expected, expected[e][ROI_STAGE_DEALS]);
        CHECK(ctx, f.deals, expected[e][ROI_STAGE_DEALS]); /* already whole */
    }
}

static void test_calc_deals_rounding(void **state)
{
    (void)state;
    static const struct {
        const char *name;
        roi_stage entry;
        double volume, close, contact, meeting;
        roi_rounding rounding;
        double deals_expected, deals;
        bool lands_below; /* deals_expected is a hair under the whole count */
    } cases[] = {
        /* 1800 calls * 0.1 * 0.3 * 0.3 = 16.2 deals; floor -> 16 */
        {"16.2 floor", ROI_STAGE_CALLS, 1800, 0.3, 0.1, 0.3, ROI_ROUND_FLOOR, 16.2, 16, false},
        {"16.2 expected", ROI_STAGE_CALLS, 1800, 0.3, 0.1, 0.3, ROI_ROUND_EXPECTED, 16.2, 16.2, false},
        /* 100 * 0.29 = 29 on paper, 28.999999999999996 in binary; the slack
         * 1e-9 * 29 lifts it over 29 -> floor 29 */
        {"100*0.29 floor", ROI_STAGE_MEETINGS, 100, 0.29, 1, 1, ROI_ROUND_FLOOR, 29, 29, true},
        /* 90 * 0.7 = 63 on paper, 62.99999999999999 in binary -> 63 */
        {"90*0.7 floor", ROI_STAGE_MEETINGS, 90, 0.7, 1, 1, ROI_ROUND_FLOOR, 63, 63, true},
        /* expected rounding keeps the raw value */
        {"100*0.29 expected", ROI_STAGE_MEETINGS, 100, 0.29, 1, 1, ROI_ROUND_EXPECTED, 29, 29, true},
        /* 10 * 0.25 = 2.5: floor 2, expected 2.5 */
        {"2.5 floor", ROI_STAGE_MEETINGS, 10, 0.25, 1, 1, ROI_ROUND_FLOOR, 2.5, 2, false},
        {"2.5 expected", ROI_STAGE_MEETINGS, 10, 0.25, 1, 1, ROI_ROUND_EXPECTED, 2.5, 2.5, false},
        /* 50 * 0.25 = 12.5 -> 12 (pay-per-meeting example) */
        {"12.5 floor", ROI_STAGE_MEETINGS, 50, 0.25, 1, 1, ROI_ROUND_FLOOR, 12.5, 12, false},
        /* the slack is tiny: 2.99999 + 1e-12*2.99999 < 3 -> 2 */
        {"2.99999 floor", ROI_STAGE_DEALS, 2.99999, 1, 1, 1, ROI_ROUND_FLOOR, 2.99999, 2, false},
        /* relative for large counts: 999999.9999999995 + 1e-12*1e6
         * = 1000000.0000009995 -> 1000000 */
        {"relative slack", ROI_STAGE_DEALS, 999999.9999999995, 1, 1, 1, ROI_ROUND_FLOOR, 999999.9999999995, 1000000, false},
        /* but no more: 999999.9995 + 1e-6 stays below 1000000 -> 999999 */
        {"relative slack, down", ROI_STAGE_DEALS, 999999.9995, 1, 1, 1, ROI_ROUND_FLOOR, 999999.9995, 999999, false},
        /* 2026-12: at 1e-9 the slack turned 1e9 deals into 1 000 000 001 */
        {"1e9 deals stay 1e9", ROI_STAGE_DEALS, 1e9, 1, 1, 1, ROI_ROUND_FLOOR, 1e9, 1e9, false},
        /* absolute below 1: 0.9999999999995 + 1e-12 = 1.0000000000005 -> 1 */
        {"slack below 1, up", ROI_STAGE_DEALS, 0.9999999999995, 1, 1, 1, ROI_ROUND_FLOOR, 0.9999999999995, 1, false},
        /* 0.999999999998 + 1e-12 = 0.999999999999 -> 0 */
        {"slack below 1, down", ROI_STAGE_DEALS, 0.999999999998, 1, 1, 1, ROI_ROUND_FLOOR, 0.999999999998, 0, false},
        {"zero", ROI_STAGE_CALLS, 0, 0.3, 0.1, 0.3, ROI_ROUND_FLOOR, 0, 0, false},
        {"close 0", ROI_STAGE_MEETINGS, 50, 0, 1, 1, ROI_ROUND_FLOOR, 0, 0, false},
    };
    roi_inputs in;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        roi_inputs_default(&in);
        in.funnel.entry = cases[i].entry;
        in.funnel.volume = cases[i].volume;
        in.funnel.rate[ROI_RATE_CONTACT] = cases[i].contact;
        in.funnel.rate[ROI_RATE_MEETING] = cases[i].meeting;
        in.funnel.rate[ROI_RATE_CLOSE] = cases[i].close;
        in.funnel.rounding = cases[i].rounding;
        roi_figures f = compute_ok(&in, 0);
        CHECK(cases[i].name, f.deals_expected, cases[i].deals_expected);
        if (cases[i].rounding == ROI_ROUND_FLOOR)
            assert_true(f.deals == cases[i].deals); /* a whole number, exactly */
        else
            CHECK(cases[i].name, f.deals, cases[i].deals);
        if (cases[i].lands_below)
            assert_true(f.deals_expected < cases[i].deals_expected);
    }

    /* The exact value of the brief: 2.9999999999999996 deals floor to 3. */
    roi_inputs_default(&in);
    in.funnel.entry = ROI_STAGE_DEALS;
    in.funnel.volume = nextafter(3.0, 0.0); /* 2.9999999999999996 */
    assert_true(in.funnel.volume < 3);
    roi_figures f = compute_ok(&in, 0);
    assert_true(f.deals == 3);
}

/* ---- revenue, margin ------------------------------------------------------ */

static void test_calc_revenue_horizon_vs_lifetime(void **state)
{
    (void)state;
    static const struct {
        double horizon, lifetime, revenue_per_deal, ltv_revenue;
    } cases[] = {
        /* 1000 + 100 * min(12, 24) = 2200; ltv 1000 + 100*24 = 3400 */
        {12, 24, 2200, 3400},
        /* 1000 + 100 * min(12, 6) = 1600; ltv 1000 + 600 = 1600 */
        {12, 6, 1600, 1600},
        /* horizon 0: 1000 + 0 = 1000; ltv 3400 */
        {0, 24, 1000, 3400},
        /* lifetime 0: 1000; ltv 1000 */
        {12, 0, 1000, 1000},
    };
    roi_inputs in;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        deals_campaign(&in, 3, 1000, 0);
        in.value.monthly_value = 100;
        in.value.margin_rate = 0.5;
        in.horizon_months = cases[i].horizon;
        in.value.lifetime_months = cases[i].lifetime;
        roi_figures f = compute_ok(&in, 0);
        CLOSE(f.revenue_per_deal, cases[i].revenue_per_deal);
        CLOSE(f.revenue, 3 * cases[i].revenue_per_deal);       /* deals x rpd */
        CLOSE(f.margin, 3 * cases[i].revenue_per_deal * 0.5);  /* x margin_rate */
        CLOSE(f.ltv.revenue, cases[i].ltv_revenue);
        CLOSE(f.ltv.margin, cases[i].ltv_revenue * 0.5);
    }
}

static void test_calc_revenue_uses_rounded_deals(void **state)
{
    (void)state;
    roi_inputs in;
    roi_inputs_default(&in);
    in.funnel.entry = ROI_STAGE_MEETINGS;
    in.funnel.volume = 10;
    in.funnel.rate[ROI_RATE_CLOSE] = 0.25; /* 2.5 deals */
    in.value.deal_value = 1000;
    in.value.margin_rate = 0.4;
    roi_figures f = compute_ok(&in, 0);
    CLOSE(f.revenue, 2000);  /* floor: 2 x 1000 */
    CLOSE(f.margin, 800);    /* 2000 x 0.4 */
    in.funnel.rounding = ROI_ROUND_EXPECTED;
    f = compute_ok(&in, 0);
    CLOSE(f.revenue, 2500);  /* 2.5 x 1000 */
    CLOSE(f.margin, 1000);   /* 2500 x 0.4 */
}

/* ---- costs: the seven billing models ------------------------------------- */

typedef struct {
    const char *name;
    roi_model model;
    roi_basis basis;
    double model_cost, total, max_price;
} billing_case;

/* Billing scenario (see billing_inputs): margin 10000, fixed 500, internal 2000.
 * total = model + 2500; net = 10000 - total; roi = net / total;
 * max_price = (10000 / (1+0) - (total - price*q)) / q. */
static const billing_case BILLING_CASES[] = {
    /* 30*100 + 1000 = 4000; total 6500; (10000 - (6500-3000))/100 = 65 */
    {"in_house", ROI_MODEL_IN_HOUSE, ROI_BASIS_BOOKED, 4000, 6500, 65},
    /* 45*100 = 4500; total 7000; (10000 - 2500)/100 = 75 */
    {"hourly", ROI_MODEL_HOURLY, ROI_BASIS_BOOKED, 4500, 7000, 75},
    /* 45*100 + 50*50 booked = 7000; total 9500; (10000 - (9500-2500))/50 = 60 */
    {"hybrid booked", ROI_MODEL_HYBRID, ROI_BASIS_BOOKED, 7000, 9500, 60},
    /* 4500 + 50*40 held = 6500; total 9000; (10000 - (9000-2000))/40 = 75 */
    {"hybrid held", ROI_MODEL_HYBRID, ROI_BASIS_HELD, 6500, 9000, 75},
    /* 2*1000 = 2000; total 4500; (10000 - 2500)/1000 = 7.5 */
    {"per_call", ROI_MODEL_PER_CALL, ROI_BASIS_BOOKED, 2000, 4500, 7.5},
    /* 80*50 = 4000; total 6500; 7500/50 = 150 */
    {"per_meeting booked", ROI_MODEL_PER_MEETING, ROI_BASIS_BOOKED, 4000, 6500, 150},
    /* 80*40 = 3200; total 5700; 7500/40 = 187.5 */
    {"per_meeting held", ROI_MODEL_PER_MEETING, ROI_BASIS_HELD, 3200, 5700, 187.5},
    /* 500*5 = 2500; total 5000; 7500/5 = 1500 */
    {"per_deal", ROI_MODEL_PER_DEAL, ROI_BASIS_BOOKED, 2500, 5000, 1500},
    /* 3000; total 5500; 7500/1 = 7500 */
    {"flat", ROI_MODEL_FLAT, ROI_BASIS_BOOKED, 3000, 5500, 7500},
};

static void test_calc_billing_model_costs(void **state)
{
    (void)state;
    roi_inputs in;
    for (size_t i = 0; i < sizeof BILLING_CASES / sizeof BILLING_CASES[0]; i++) {
        const billing_case *c = &BILLING_CASES[i];
        billing_inputs(&in);
        in.costs.model = c->model;
        in.costs.meeting_basis = c->basis;
        roi_figures f = compute_ok(&in, BILLING_FIXED);
        CHECK(c->name, f.hours_total, 100);
        CHECK(c->name, f.deals, 5);
        CHECK(c->name, f.revenue, 20000);
        CHECK(c->name, f.margin, 10000);
        CHECK(c->name, f.cost.model, c->model_cost);
        CHECK(c->name, f.cost.fixed, 500);
        CHECK(c->name, f.cost.internal, 2000); /* 1 h x 40 held x 50 */
        CHECK(c->name, f.cost.total, c->total);
        CHECK(c->name, f.net, 10000 - c->total);
        CHECK(c->name, f.roi, (10000 - c->total) / c->total);
        CHECK(c->name, f.unit_cost[ROI_STAGE_DEALS], c->total / 5);
        CHECK(c->name, f.breakeven.max_price, c->max_price);
    }
}

static void test_calc_internal_and_fixed_costs(void **state)
{
    fixture *fx = FX(state);
    roi_inputs in;
    billing_inputs(&in);
    in.costs.model = ROI_MODEL_FLAT;
    /* internal = 2.5 h x 40 held x 60 = 6000 */
    in.costs.internal_hours_per_meeting = 2.5;
    in.costs.internal_hourly_cost = 60;
    roi_figures f = compute_ok(&in, 0);
    CLOSE(f.cost.internal, 6000);
    CLOSE(f.cost.fixed, 0);
    CLOSE(f.cost.total, 9000); /* 3000 + 0 + 6000 */
    /* either factor 0 -> 0 */
    in.costs.internal_hourly_cost = 0;
    CLOSE(compute_ok(&in, 0).cost.internal, 0);
    in.costs.internal_hourly_cost = 60;
    in.costs.internal_hours_per_meeting = 0;
    CLOSE(compute_ok(&in, 0).cost.internal, 0);

    /* cost.fixed is the sum of the costs.fixed list, through roi_evaluate. */
    roi_scenario *s = &fx->s;
    deals_campaign(&s->main.in, 1, 30000, 0);
    add_fixed(&s->main, "files", 1000.5);
    add_fixed(&s->main, "tools", 250.25);
    add_fixed(&s->main, "telecom", 0);
    add_fixed(&s->main, "marketing", 749.25);
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    CLOSE(fx->r.figures.cost.fixed, 2000);   /* 1000.5 + 250.25 + 0 + 749.25 */
    CLOSE(fx->r.figures.cost.model, 0);      /* flat fee 0 */
    CLOSE(fx->r.figures.cost.total, 2000);
    CLOSE(fx->r.figures.net, 28000);         /* 30000 - 2000 */
    CLOSE(fx->r.figures.roi, 14);            /* 28000 / 2000 */
}

/* ---- profitability -------------------------------------------------------- */

static void test_calc_roi_null_when_cost_zero(void **state)
{
    (void)state;
    roi_inputs in;
    deals_campaign(&in, 2, 1000, 0);
    roi_figures f = compute_ok(&in, 0);
    CLOSE(f.net, 2000);  /* margin 2000 - 0 */
    IS_NULL(f.roi);
    IS_NULL(f.roi_lifetime);
    IS_NULL(f.ltv.to_cac); /* CAC 0 */

    /* negative ROI: 1 deal at 500 for a flat 2000 -> (500 - 2000)/2000 */
    deals_campaign(&in, 1, 500, 2000);
    f = compute_ok(&in, 0);
    CLOSE(f.net, -1500);
    CLOSE(f.roi, -0.75);
}

static void test_calc_roi_lifetime(void **state)
{
    (void)state;
    roi_inputs in;
    /* 2 deals, 1000 + 100/month, lifetime 10, horizon 6, margin 0.5, flat 1000
     * rpd = 1000 + 100*6 = 1600; revenue 3200; margin 1600; net 600; roi 0.6
     * ltv.revenue = 1000 + 100*10 = 2000; ltv.margin 1000
     * roi_lifetime = (2*1000 - 1000)/1000 = 1 */
    deals_campaign(&in, 2, 1000, 1000);
    in.value.monthly_value = 100;
    in.value.lifetime_months = 10;
    in.horizon_months = 6;
    in.value.margin_rate = 0.5;
    roi_figures f = compute_ok(&in, 0);
    CLOSE(f.revenue_per_deal, 1600);
    CLOSE(f.revenue, 3200);
    CLOSE(f.margin, 1600);
    CLOSE(f.net, 600);
    CLOSE(f.roi, 0.6);
    CLOSE(f.ltv.revenue, 2000);
    CLOSE(f.ltv.margin, 1000);
    CLOSE(f.roi_lifetime, 1);
}

static void test_calc_per_hour(void **state)
{
    (void)state;
    roi_inputs in;
    billing_inputs(&in);
    in.costs.model = ROI_MODEL_IN_HOUSE; /* total 6500 with fixed 500 */
    in.time.talk_share = 0.4;
    roi_figures f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.per_hour.revenue, 200);         /* 20000 / 100 */
    CLOSE(f.per_hour.margin, 100);          /* 10000 / 100 */
    CLOSE(f.per_hour.cost, 65);             /* 6500 / 100 */
    CLOSE(f.per_hour.net, 35);              /* 3500 / 100 */
    CLOSE(f.per_hour.calls, 10);            /* 1000 / 100 */
    CLOSE(f.per_hour.meetings, 0.5);        /* 50 / 100 */
    CLOSE(f.per_hour.revenue_talk_only, 500); /* 20000 / (100 x 0.4) */

    /* entry meetings: calls unknown -> per_hour.calls null */
    in.funnel.entry = ROI_STAGE_MEETINGS;
    in.funnel.volume = 50;
    f = compute_ok(&in, BILLING_FIXED);
    IS_NULL(f.per_hour.calls);
    CLOSE(f.per_hour.meetings, 0.5);
    CLOSE(f.per_hour.revenue, 200);
    /* entry held: meetings unknown too */
    in.funnel.entry = ROI_STAGE_HELD;
    in.funnel.volume = 40;
    f = compute_ok(&in, BILLING_FIXED);
    IS_NULL(f.per_hour.meetings);

    /* H = 0: everything per hour is null */
    billing_inputs(&in);
    in.costs.model = ROI_MODEL_FLAT;
    in.time.hours_per_operator = 0;
    f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.hours_total, 0);
    IS_NULL(f.per_hour.revenue);
    IS_NULL(f.per_hour.margin);
    IS_NULL(f.per_hour.cost);
    IS_NULL(f.per_hour.net);
    IS_NULL(f.per_hour.calls);
    IS_NULL(f.per_hour.meetings);
    IS_NULL(f.per_hour.revenue_talk_only);
}

static void test_calc_unit_costs(void **state)
{
    (void)state;
    roi_inputs in;
    billing_inputs(&in);
    in.costs.model = ROI_MODEL_IN_HOUSE; /* total 6500 */
    roi_figures f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.unit_cost[ROI_STAGE_CALLS], 6.5);          /* 6500 / 1000 */
    CLOSE(f.unit_cost[ROI_STAGE_CONTACTS], 13);        /* 6500 / 500 */
    CLOSE(f.unit_cost[ROI_STAGE_LEADS], 26);           /* 6500 / 250 */
    CLOSE(f.unit_cost[ROI_STAGE_MEETINGS], 130);       /* 6500 / 50 */
    CLOSE(f.unit_cost[ROI_STAGE_HELD], 162.5);         /* 6500 / 40 */
    CLOSE(f.unit_cost[ROI_STAGE_OPPORTUNITIES], 325);  /* 6500 / 20 */
    CLOSE(f.unit_cost[ROI_STAGE_DEALS], 1300);         /* CAC 6500 / 5 */

    /* opportunity rate 0: opportunities 0 and deals 0 -> both null, CAC null */
    in.funnel.rate[ROI_RATE_OPPORTUNITY] = 0;
    f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.stage[ROI_STAGE_OPPORTUNITIES], 0);
    IS_NULL(f.unit_cost[ROI_STAGE_OPPORTUNITIES]);
    IS_NULL(f.unit_cost[ROI_STAGE_DEALS]);
    IS_NULL(f.ltv.to_cac);
    CLOSE(f.unit_cost[ROI_STAGE_HELD], 162.5);

    /* 0.5 deals expected, floor 0 -> CAC null although deals_expected > 0 */
    billing_inputs(&in);
    in.costs.model = ROI_MODEL_IN_HOUSE;
    in.funnel.rate[ROI_RATE_CLOSE] = 0.025; /* 20 x 0.025 = 0.5 */
    f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.deals_expected, 0.5);
    CLOSE(f.deals, 0);
    IS_NULL(f.unit_cost[ROI_STAGE_DEALS]);
}

/* ---- LTV ------------------------------------------------------------------ */

static void test_calc_ltv(void **state)
{
    (void)state;
    roi_inputs in;
    roi_inputs_default(&in);
    /* meetings 10 -> held 10 -> opportunities 10 -> deals 5;
     * deal 1000 + 100/month, lifetime 24, horizon 12, margin 0.5, flat 2000 */
    in.funnel.entry = ROI_STAGE_MEETINGS;
    in.funnel.volume = 10;
    in.funnel.rate[ROI_RATE_CLOSE] = 0.5;
    in.value.deal_value = 1000;
    in.value.monthly_value = 100;
    in.value.lifetime_months = 24;
    in.value.margin_rate = 0.5;
    in.target_ltv_cac = 4;
    in.costs.model = ROI_MODEL_FLAT;
    in.costs.flat_fee = 2000;
    roi_figures f = compute_ok(&in, 0);
    CLOSE(f.ltv.revenue, 3400);          /* 1000 + 100 x 24 */
    CLOSE(f.ltv.margin, 1700);           /* 3400 x 0.5 */
    CLOSE(f.unit_cost[ROI_STAGE_DEALS], 400); /* 2000 / 5 */
    CLOSE(f.ltv.to_cac, 4.25);           /* 1700 / 400 */
    CLOSE(f.ltv.to_meeting_cost, 8.5);   /* 1700 / (2000 / 10 held) */
    CLOSE(f.ltv.max_cac, 425);           /* 1700 / 4 */
    /* rpd 1000 + 100x12 = 2200; roi_lifetime = (5 x 1700 - 2000)/2000 = 3.25 */
    CLOSE(f.roi_lifetime, 3.25);

    /* 2026-12: over HELD meetings.  Entry held: booked meetings unknown, held
     * known -> still 1700 / (2000 / 10) */
    in.funnel.entry = ROI_STAGE_HELD;
    f = compute_ok(&in, 0);
    CLOSE(f.ltv.to_meeting_cost, 8.5);
    /* 8 held of 10 booked: 1700 / (2000 / 8) = 6.8, not 1700 / 200 */
    in.funnel.entry = ROI_STAGE_MEETINGS;
    in.funnel.rate[ROI_RATE_SHOW] = 0.8;
    f = compute_ok(&in, 0);
    CLOSE(f.ltv.to_meeting_cost, 6.8);
    in.funnel.rate[ROI_RATE_SHOW] = 1;
    /* entry opportunities: held unknown -> to_meeting_cost null */
    in.funnel.entry = ROI_STAGE_OPPORTUNITIES;
    f = compute_ok(&in, 0);
    IS_NULL(f.ltv.to_meeting_cost);
    CLOSE(f.ltv.to_cac, 4.25);

    /* cost 0: CAC and meeting cost are 0 -> both multiples null */
    in.funnel.entry = ROI_STAGE_MEETINGS;
    in.costs.flat_fee = 0;
    f = compute_ok(&in, 0);
    CLOSE(f.unit_cost[ROI_STAGE_DEALS], 0);
    IS_NULL(f.ltv.to_cac);
    IS_NULL(f.ltv.to_meeting_cost);
    CLOSE(f.ltv.max_cac, 425); /* independent of cost */
}

/* ---- payback -------------------------------------------------------------- */

static void test_calc_payback(void **state)
{
    (void)state;
    /* deals d, deal 1000, monthly m, margin 0.5, lifetime 24, cycle 3:
     * M0 = d x 1000 x 0.5, Mm = d x m x 0.5 */
    static const struct {
        const char *name;
        double deals, monthly, flat, expected;
    } cases[] = {
        {"cost 0", 2, 100, 0, 0},
        {"no deal, cost 0", 0, 100, 0, 0},       /* cost 0 comes first */
        {"no deal", 0, 100, 1000, NUL},
        /* M0 = 1000 >= 800 -> cycle 3 */
        {"M0 covers", 2, 100, 800, 3},
        {"M0 equals", 2, 100, 1000, 3},
        /* m = (1250 - 1000)/100 = 2.5 -> 3 + 2.5 */
        {"fractional", 2, 100, 1250, 5.5},
        /* m = (3400 - 1000)/100 = 24 = lifetime -> 27 */
        {"at lifetime", 2, 100, 3400, 27},
        /* m = 24.5 > 24 -> never */
        {"beyond lifetime", 2, 100, 3450, NUL},
        /* Mm = 0 -> never */
        {"no recurring", 2, 0, 1250, NUL},
    };
    roi_inputs in;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        deals_campaign(&in, cases[i].deals, 1000, cases[i].flat);
        in.value.monthly_value = cases[i].monthly;
        in.value.margin_rate = 0.5;
        in.value.lifetime_months = 24;
        in.value.sales_cycle_months = 3;
        roi_figures f = compute_ok(&in, 0);
        CHECK(cases[i].name, f.payback_months, cases[i].expected);
    }
}

/* ---- break-even ----------------------------------------------------------- */

static void test_calc_breakeven_min_deals(void **state)
{
    (void)state;
    /* opportunities 20 x close 0.25 = 5 deals; deal 1000, margin 0.5: md = 500 */
    static const struct {
        const char *name;
        roi_model model;
        double price, fixed, deal_value, target;
        roi_rounding rounding;
        double min_deals, min_close_rate;
    } cases[] = {
        /* C0 = 1750, a = 0: 1750/500 = 3.5 -> 4; 4/20 = 0.2 */
        {"flat floor", ROI_MODEL_FLAT, 1750, 0, 1000, 0, ROI_ROUND_FLOOR, 4, 0.2},
        {"flat expected", ROI_MODEL_FLAT, 1750, 0, 1000, 0, ROI_ROUND_EXPECTED, 3.5, 0.175},
        /* 2000/500 = 4 exactly -> 4 */
        {"flat whole", ROI_MODEL_FLAT, 2000, 0, 1000, 0, ROI_ROUND_FLOOR, 4, 0.2},
        /* t = 1: 2 x 1750 / 500 = 7; 7/20 = 0.35 */
        {"flat t=1", ROI_MODEL_FLAT, 1750, 0, 1000, 1, ROI_ROUND_FLOOR, 7, 0.35},
        /* per deal a = 100, C0 = 1000: 1000/(500-100) = 2.5 -> 3; 3/20 */
        {"per_deal floor", ROI_MODEL_PER_DEAL, 100, 1000, 1000, 0, ROI_ROUND_FLOOR, 3, 0.15},
        {"per_deal expected", ROI_MODEL_PER_DEAL, 100, 1000, 1000, 0, ROI_ROUND_EXPECTED, 2.5, 0.125},
        /* t = 0.25: 1.25 x 1000 / (500 - 1.25 x 100) = 1250/375 = 3.33 -> 4 */
        {"per_deal t floor", ROI_MODEL_PER_DEAL, 100, 1000, 1000, 0.25, ROI_ROUND_FLOOR, 4, 0.2},
        {"per_deal t expected", ROI_MODEL_PER_DEAL, 100, 1000, 1000, 0.25, ROI_ROUND_EXPECTED, 10.0 / 3.0, 1.0 / 6.0},
        /* md - a = 500 - 500 = 0 -> null */
        {"per_deal a = md", ROI_MODEL_PER_DEAL, 500, 1000, 1000, 0, ROI_ROUND_FLOOR, NUL, NUL},
        /* 500 - 600 < 0 -> null */
        {"per_deal a > md", ROI_MODEL_PER_DEAL, 600, 1000, 1000, 0, ROI_ROUND_FLOOR, NUL, NUL},
        /* t = -0.2: 0.8 x 1000 / (500 - 0.8 x 600) = 800/20 = 40; 40/20 = 2 > 1 */
        {"per_deal t<0", ROI_MODEL_PER_DEAL, 600, 1000, 1000, -0.2, ROI_ROUND_FLOOR, 40, 2},
        /* all cost per deal: C0 = 0 -> 0 (even though a > md) */
        {"per_deal only", ROI_MODEL_PER_DEAL, 600, 0, 1000, 0, ROI_ROUND_FLOOR, 0, 0},
        /* cost 0 -> 0 */
        {"no cost", ROI_MODEL_FLAT, 0, 0, 1000, 0, ROI_ROUND_FLOOR, 0, 0},
        /* deal value 0: md = 0, a = 0 -> md - a = 0 -> null */
        {"no value", ROI_MODEL_FLAT, 1000, 0, 0, 0, ROI_ROUND_FLOOR, NUL, NUL},
    };
    roi_inputs in;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        roi_inputs_default(&in);
        in.funnel.entry = ROI_STAGE_OPPORTUNITIES;
        in.funnel.volume = 20;
        in.funnel.rate[ROI_RATE_CLOSE] = 0.25;
        in.funnel.rounding = cases[i].rounding;
        in.value.deal_value = cases[i].deal_value;
        in.value.margin_rate = 0.5;
        in.target_roi = cases[i].target;
        in.costs.model = cases[i].model;
        if (cases[i].model == ROI_MODEL_PER_DEAL)
            in.costs.per_deal = cases[i].price;
        else
            in.costs.flat_fee = cases[i].price;
        roi_figures f = compute_ok(&in, cases[i].fixed);
        CHECK(cases[i].name, f.deals, 5);
        CHECK(cases[i].name, f.breakeven.target_roi, cases[i].target);
        CHECK(cases[i].name, f.breakeven.min_deals, cases[i].min_deals);
        CHECK(cases[i].name, f.breakeven.min_close_rate, cases[i].min_close_rate);
    }
}

static void test_calc_breakeven_min_deals_slack(void **state)
{
    (void)state;
    roi_inputs in;
    /* C0 = 0.1*3 = 0.30000000000000004, md = 0.1 x 1: x = 3.0000000000000004,
     * which is 3 on paper: ceil(x - 1e-9 x 3) = 3, not 4 */
    deals_campaign(&in, 1, 0.1, 0.1 * 3);
    roi_figures f = compute_ok(&in, 0);
    assert_true(f.breakeven.min_deals == 3);
    in.funnel.rounding = ROI_ROUND_EXPECTED;
    f = compute_ok(&in, 0);
    CLOSE(f.breakeven.min_deals, 3);
}

static void test_calc_breakeven_min_close_rate_null(void **state)
{
    (void)state;
    roi_inputs in;
    /* entry deals: min_deals = 1750/500 -> 4, but no close rate to solve */
    deals_campaign(&in, 5, 1000, 1750);
    in.value.margin_rate = 0.5;
    roi_figures f = compute_ok(&in, 0);
    CLOSE(f.breakeven.min_deals, 4);
    IS_NULL(f.breakeven.min_close_rate);

    /* opportunities 0 -> null */
    roi_inputs_default(&in);
    in.funnel.entry = ROI_STAGE_OPPORTUNITIES;
    in.funnel.volume = 0;
    in.value.deal_value = 1000;
    in.value.margin_rate = 0.5;
    in.costs.model = ROI_MODEL_FLAT;
    in.costs.flat_fee = 1750;
    f = compute_ok(&in, 0);
    CLOSE(f.breakeven.min_deals, 4);
    IS_NULL(f.breakeven.min_close_rate);

    /* entry calls with opportunity rate 0: opportunities 0 -> null */
    in.funnel.entry = ROI_STAGE_CALLS;
    in.funnel.volume = 1000;
    in.funnel.rate[ROI_RATE_OPPORTUNITY] = 0;
    f = compute_ok(&in, 0);
    IS_NULL(f.breakeven.min_close_rate);
}

static void test_calc_breakeven_min_deal_value(void **state)
{
    (void)state;
    /* 4 deals, deal 1000 + 50/month, lifetime 6, margin 0.5:
     * (1+t) cost / (4 x 0.5) - 50 x min(horizon, 6) */
    static const struct {
        const char *name;
        double deals, margin_rate, horizon, flat, target, expected;
    } cases[] = {
        {"break-even", 4, 0.5, 12, 3000, 0, 1200},   /* 3000/2 - 300 */
        {"target 0.5", 4, 0.5, 12, 3000, 0.5, 1950}, /* 4500/2 - 300 */
        {"negative", 4, 0.5, 12, 400, 0, -100},      /* 400/2 - 300 */
        {"short horizon", 4, 0.5, 3, 3000, 0, 1350}, /* 1500 - 50 x 3 */
        {"cost 0", 4, 0.5, 12, 0, 0, -300},          /* 0 - 300 */
        {"no deal", 0, 0.5, 12, 3000, 0, NUL},
        {"margin 0", 4, 0, 12, 3000, 0, NUL},
    };
    roi_inputs in;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        deals_campaign(&in, cases[i].deals, 1000, cases[i].flat);
        in.value.monthly_value = 50;
        in.value.lifetime_months = 6;
        in.value.margin_rate = cases[i].margin_rate;
        in.horizon_months = cases[i].horizon;
        in.target_roi = cases[i].target;
        roi_figures f = compute_ok(&in, 0);
        CHECK(cases[i].name, f.breakeven.min_deal_value, cases[i].expected);
    }
}

static void test_calc_breakeven_max_cost_per_meeting(void **state)
{
    (void)state;
    roi_inputs in;
    billing_inputs(&in);
    in.costs.model = ROI_MODEL_FLAT;
    roi_figures f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.breakeven.max_cost_per_meeting, 200); /* 10000 / (1 x 50) */
    in.target_roi = 0.25;
    f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.breakeven.max_cost_per_meeting, 160); /* 10000 / (1.25 x 50) */
    /* meetings unknown */
    in.funnel.entry = ROI_STAGE_HELD;
    f = compute_ok(&in, BILLING_FIXED);
    IS_NULL(f.breakeven.max_cost_per_meeting);
    /* meetings 0 */
    in.funnel.entry = ROI_STAGE_MEETINGS;
    in.funnel.volume = 0;
    f = compute_ok(&in, BILLING_FIXED);
    IS_NULL(f.breakeven.max_cost_per_meeting);
}

static void test_calc_breakeven_max_price(void **state)
{
    (void)state;
    roi_inputs in;
    /* per meeting, t = 0.25: (10000/1.25 - 2500)/50 = (8000 - 2500)/50 = 110 */
    billing_inputs(&in);
    in.costs.model = ROI_MODEL_PER_MEETING;
    in.target_roi = 0.25;
    roi_figures f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.breakeven.max_price, 110);
    /* at that price the ROI is the target: cost 110x50 + 2500 = 8000,
     * (10000 - 8000)/8000 = 0.25 */
    in.costs.per_meeting = 110;
    f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.roi, 0.25);

    /* in-house, t = 0.5: (10000/1.5 - (6500 - 3000))/100 = 31.666... */
    billing_inputs(&in);
    in.costs.model = ROI_MODEL_IN_HOUSE;
    in.target_roi = 0.5;
    f = compute_ok(&in, BILLING_FIXED);
    CLOSE(f.breakeven.max_price, (10000.0 / 1.5 - 3500.0) / 100.0);

    /* negative: 1 deal 3000, flat 1000, other costs 5000:
     * (3000 - 5000)/1 = -2000 */
    deals_campaign(&in, 1, 3000, 1000);
    f = compute_ok(&in, 5000);
    CLOSE(f.breakeven.max_price, -2000);

    /* q = 0: per meeting with no meeting */
    roi_inputs_default(&in);
    in.funnel.entry = ROI_STAGE_MEETINGS;
    in.funnel.volume = 0;
    in.costs.model = ROI_MODEL_PER_MEETING;
    in.costs.per_meeting = 100;
    IS_NULL(compute_ok(&in, 100).breakeven.max_price);
    /* q = H = 0 for hourly */
    roi_inputs_default(&in);
    in.costs.model = ROI_MODEL_HOURLY;
    in.costs.hourly_rate = 40;
    IS_NULL(compute_ok(&in, 100).breakeven.max_price);
    /* q = D = 0 for per deal */
    deals_campaign(&in, 0, 1000, 0);
    in.costs.model = ROI_MODEL_PER_DEAL;
    in.costs.per_deal = 100;
    IS_NULL(compute_ok(&in, 100).breakeven.max_price);
}

/* ---- worked examples (METHODOLOGY section 5) ----------------------------- */

static void test_calc_example_pay_per_meeting(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    in->funnel.entry = ROI_STAGE_MEETINGS;
    in->funnel.volume = 50;
    in->funnel.rate[ROI_RATE_CLOSE] = 0.25;
    in->value.deal_value = 6000;
    in->value.margin_rate = 0.4;
    in->costs.model = ROI_MODEL_PER_MEETING;
    in->costs.per_meeting = 120;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    const roi_figures *f = &fx->r.figures;
    CLOSE(f->deals_expected, 12.5); /* 50 x 0.25 */
    CLOSE(f->deals, 12);            /* floor */
    CLOSE(f->revenue, 72000);       /* 12 x 6000 */
    CLOSE(f->margin, 28800);        /* 72000 x 0.4 */
    CLOSE(f->cost.total, 6000);     /* 50 x 120 */
    CLOSE(f->net, 22800);
    CLOSE(f->roi, 3.8);             /* 22800 / 6000, NOT 2.8 */
    CLOSE(f->unit_cost[ROI_STAGE_DEALS], 500); /* 6000 / 12 */
    CLOSE(f->ltv.to_cac, 4.8);      /* (6000 x 0.4) / 500 */
    CLOSE(f->ltv.to_meeting_cost, 20); /* 2400 / (6000/50) */
    CLOSE(f->breakeven.max_price, 576); /* (28800 - 0) / 50 */
    CLOSE(f->breakeven.min_deals, 3);   /* 6000 / 2400 = 2.5 -> 3 */
    CLOSE(f->breakeven.min_close_rate, 0.06); /* 3 / 50 */
    CLOSE(f->breakeven.min_deal_value, 1250); /* 6000 / (12 x 0.4) */
}

static void test_calc_example_lead_generation(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    in->funnel.entry = ROI_STAGE_CONTACTS;
    in->funnel.volume = 300;
    set_rates(in, 1, 0.4, 1, 1, 0.3, 0.25);
    in->value.deal_value = 10000;
    in->value.margin_rate = 0.4;
    add_fixed(&fx->s.main, "Marketing", 6000);
    add_fixed(&fx->s.main, "Temps commercial", 7000);
    add_fixed(&fx->s.main, "Fichiers", 2000);
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    const roi_figures *f = &fx->r.figures;
    IS_NULL(f->stage[ROI_STAGE_CALLS]);
    CLOSE(f->stage[ROI_STAGE_LEADS], 120);          /* 300 x 0.4 */
    CLOSE(f->stage[ROI_STAGE_OPPORTUNITIES], 36);   /* 120 x 0.3 */
    CLOSE(f->deals, 9);                             /* 36 x 0.25 */
    CLOSE(f->margin, 36000);                        /* 9 x 10000 x 0.4 */
    CLOSE(f->cost.total, 15000);                    /* 6000 + 7000 + 2000 */
    CLOSE(f->roi, 1.4);                             /* 21000 / 15000 */
    CLOSE(f->unit_cost[ROI_STAGE_LEADS], 125);      /* 15000 / 120 */
    CLOSE(f->unit_cost[ROI_STAGE_OPPORTUNITIES], 15000.0 / 36.0); /* 416.67 */
    CLOSE(f->unit_cost[ROI_STAGE_DEALS], 15000.0 / 9.0);          /* 1666.67 */
    CLOSE(f->breakeven.min_deals, 4);               /* 15000/4000 = 3.75 -> 4 */
}

static void test_calc_example_hourly_revenue_subscription(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    in->time.operators = 3;
    in->time.hours_per_operator = 20;
    in->funnel.volume = 1800;
    in->funnel.rate[ROI_RATE_CONTACT] = 0.1;
    in->funnel.rate[ROI_RATE_MEETING] = 0.3;
    in->funnel.rate[ROI_RATE_CLOSE] = 0.3;
    in->value.deal_value = 2000;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    const roi_figures *f = &fx->r.figures;
    CLOSE(f->stage[ROI_STAGE_CONTACTS], 180);  /* 1800 x 0.1 */
    CLOSE(f->stage[ROI_STAGE_MEETINGS], 54);   /* 180 x 0.3 */
    CLOSE(f->deals_expected, 16.2);            /* 54 x 0.3 */
    CLOSE(f->deals, 16);
    CLOSE(f->revenue, 32000);                  /* 16 x 2000 */
    CLOSE(f->per_hour.revenue, 32000.0 / 60.0); /* 533.33 */
    CLOSE(f->per_hour.calls, 30);              /* 1800 / 60 */
    IS_NULL(f->roi);                           /* no cost */
}

static void test_calc_example_call_campaign_revenue(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    in->funnel.entry = ROI_STAGE_DEALS;
    in->funnel.volume = 1;
    in->value.deal_value = 30000;
    add_fixed(&fx->s.main, "Campagne", 12000);
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    CLOSE(fx->r.figures.revenue, 30000);
    CLOSE(fx->r.figures.margin, 30000); /* judged on revenue: margin_rate 1 */
    CLOSE(fx->r.figures.roi, 1.5);      /* (30000 - 12000) / 12000 */
}

/* ---- validity ------------------------------------------------------------- */

static void test_calc_invalid_unknown_counts(void **state)
{
    fixture *fx = FX(state);
    static const struct {
        const char *name;
        roi_stage entry;
        roi_model model;
        roi_basis basis;
        double internal_hours, internal_cost;
        roi_status status;
    } cases[] = {
        {"per_call from meetings", ROI_STAGE_MEETINGS, ROI_MODEL_PER_CALL, ROI_BASIS_BOOKED, 0, 0, ROI_EINVALID},
        {"per_call from calls", ROI_STAGE_CALLS, ROI_MODEL_PER_CALL, ROI_BASIS_BOOKED, 0, 0, ROI_OK},
        {"per_meeting held from opportunities", ROI_STAGE_OPPORTUNITIES, ROI_MODEL_PER_MEETING, ROI_BASIS_HELD, 0, 0, ROI_EINVALID},
        {"per_meeting held from held", ROI_STAGE_HELD, ROI_MODEL_PER_MEETING, ROI_BASIS_HELD, 0, 0, ROI_OK},
        {"per_meeting booked from held", ROI_STAGE_HELD, ROI_MODEL_PER_MEETING, ROI_BASIS_BOOKED, 0, 0, ROI_EINVALID},
        {"per_meeting booked from meetings", ROI_STAGE_MEETINGS, ROI_MODEL_PER_MEETING, ROI_BASIS_BOOKED, 0, 0, ROI_OK},
        {"hybrid booked from held", ROI_STAGE_HELD, ROI_MODEL_HYBRID, ROI_BASIS_BOOKED, 0, 0, ROI_EINVALID},
        {"hybrid held from held", ROI_STAGE_HELD, ROI_MODEL_HYBRID, ROI_BASIS_HELD, 0, 0, ROI_OK},
        {"internal from opportunities", ROI_STAGE_OPPORTUNITIES, ROI_MODEL_IN_HOUSE, ROI_BASIS_BOOKED, 2, 40, ROI_EINVALID},
        {"internal from held", ROI_STAGE_HELD, ROI_MODEL_IN_HOUSE, ROI_BASIS_BOOKED, 2, 40, ROI_OK},
        {"internal cost 0", ROI_STAGE_OPPORTUNITIES, ROI_MODEL_IN_HOUSE, ROI_BASIS_BOOKED, 2, 0, ROI_OK},
        {"internal hours 0", ROI_STAGE_OPPORTUNITIES, ROI_MODEL_IN_HOUSE, ROI_BASIS_BOOKED, 0, 40, ROI_OK},
        {"per_deal from deals", ROI_STAGE_DEALS, ROI_MODEL_PER_DEAL, ROI_BASIS_BOOKED, 0, 0, ROI_OK},
        {"hourly from deals", ROI_STAGE_DEALS, ROI_MODEL_HOURLY, ROI_BASIS_HELD, 0, 0, ROI_OK},
        {"flat from deals", ROI_STAGE_DEALS, ROI_MODEL_FLAT, ROI_BASIS_HELD, 0, 0, ROI_OK},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        roi_scenario_default(&fx->s);
        roi_inputs *in = &fx->s.main.in;
        in->funnel.entry = cases[i].entry;
        in->funnel.volume = 10;
        in->costs.model = cases[i].model;
        in->costs.meeting_basis = cases[i].basis;
        in->costs.internal_hours_per_meeting = cases[i].internal_hours;
        in->costs.internal_hourly_cost = cases[i].internal_cost;
        roi_figures f;
        if (roi_figures_compute(in, 0, &f) != cases[i].status ||
            roi_evaluate(&fx->s, &fx->r) != cases[i].status) {
            print_error("case %s: wrong status\n", cases[i].name);
            fail();
        }
    }

    /* an invalid channel makes the whole evaluation invalid */
    roi_scenario_default(&fx->s);
    fx->s.channel_count = 1;
    roi_campaign_default(&fx->s.channels[0]);
    fx->s.channels[0].in.funnel.entry = ROI_STAGE_MEETINGS;
    fx->s.channels[0].in.costs.model = ROI_MODEL_PER_CALL;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_EINVALID);
}

/* ---- uncertain fields, ranges --------------------------------------------- */

static void test_calc_uncertain_get_set(void **state)
{
    (void)state;
    roi_inputs in;
    roi_inputs_default(&in);
    for (int u = 0; u < ROI_U_COUNT; u++)
        roi_uncertain_set(&in, (roi_uncertain)u, 0.01 * (double)(u + 1));
    assert_true(in.funnel.volume == 0.01);
    for (int r = 0; r < ROI_RATE_COUNT; r++)
        assert_true(in.funnel.rate[r] == 0.01 * (double)(r + 2));
    assert_true(in.value.deal_value == 0.01 * 8);
    assert_true(in.value.monthly_value == 0.01 * 9);
    assert_true(in.value.margin_rate == 0.01 * 10);
    assert_true(in.value.lifetime_months == 0.01 * 11);
    for (int u = 0; u < ROI_U_COUNT; u++)
        assert_true(roi_uncertain_get(&in, (roi_uncertain)u) == 0.01 * (double)(u + 1));
}

static void test_calc_uncertain_range_defaults(void **state)
{
    roi_scenario *s = &FX(state)->s;
    roi_inputs *in = &s->main.in;
    double lo = -1, hi = -1;
    in->funnel.volume = 100;
    set_rates(in, 0.5, 0.9, 1, 0, 0.5, 0.5);
    in->value.deal_value = 1000;
    in->value.monthly_value = 50;
    in->value.margin_rate = 0.5;
    in->value.lifetime_months = 12;

    /* volume: never a default range */
    assert_false(roi_uncertain_range(s, ROI_U_VOLUME, &lo, &hi));
    /* rate 0.5, spread 0.2: [0.4, 0.6] */
    assert_true(roi_uncertain_range(s, ROI_U_CONTACT_RATE, &lo, &hi));
    CLOSE(lo, 0.4);
    CLOSE(hi, 0.6);
    /* rate 0.9: [0.72, min(1, 1.08) = 1] */
    assert_true(roi_uncertain_range(s, ROI_U_LEAD_RATE, &lo, &hi));
    CLOSE(lo, 0.72);
    assert_true(hi == 1);
    /* rates 1 and 0: none */
    assert_false(roi_uncertain_range(s, ROI_U_MEETING_RATE, &lo, &hi));
    assert_false(roi_uncertain_range(s, ROI_U_SHOW_RATE, &lo, &hi));
    /* deal 1000: [800, 1200]; monthly 50: [40, 60] */
    assert_true(roi_uncertain_range(s, ROI_U_DEAL_VALUE, &lo, &hi));
    CLOSE(lo, 800);
    CLOSE(hi, 1200);
    assert_true(roi_uncertain_range(s, ROI_U_MONTHLY_VALUE, &lo, &hi));
    CLOSE(lo, 40);
    CLOSE(hi, 60);
    /* margin rate and lifetime: no default range */
    assert_false(roi_uncertain_range(s, ROI_U_MARGIN_RATE, &lo, &hi));
    assert_false(roi_uncertain_range(s, ROI_U_LIFETIME_MONTHS, &lo, &hi));

    /* deal and monthly values 0: none */
    in->value.deal_value = 0;
    in->value.monthly_value = 0;
    assert_false(roi_uncertain_range(s, ROI_U_DEAL_VALUE, &lo, &hi));
    assert_false(roi_uncertain_range(s, ROI_U_MONTHLY_VALUE, &lo, &hi));

    /* spread 0.1: deal 1000 -> [900, 1100]; rate 0.5 -> [0.45, 0.55] */
    in->value.deal_value = 1000;
    s->spread = 0.1;
    assert_true(roi_uncertain_range(s, ROI_U_DEAL_VALUE, &lo, &hi));
    CLOSE(lo, 900);
    CLOSE(hi, 1100);
    assert_true(roi_uncertain_range(s, ROI_U_CLOSE_RATE, &lo, &hi));
    CLOSE(lo, 0.45);
    CLOSE(hi, 0.55);
    /* spread 0: low = high -> dropped */
    s->spread = 0;
    assert_false(roi_uncertain_range(s, ROI_U_DEAL_VALUE, &lo, &hi));
    assert_false(roi_uncertain_range(s, ROI_U_CLOSE_RATE, &lo, &hi));
    s->spread = 0.2;

    /* upstream of the entry: entry meetings -> contact, lead and meeting rates
     * change nothing and get no default range; show (meetings -> held) does */
    in->funnel.entry = ROI_STAGE_MEETINGS;
    in->funnel.rate[ROI_RATE_MEETING] = 0.5;
    in->funnel.rate[ROI_RATE_SHOW] = 0.5;
    assert_false(roi_uncertain_range(s, ROI_U_CONTACT_RATE, &lo, &hi));
    assert_false(roi_uncertain_range(s, ROI_U_LEAD_RATE, &lo, &hi));
    assert_false(roi_uncertain_range(s, ROI_U_MEETING_RATE, &lo, &hi));
    assert_true(roi_uncertain_range(s, ROI_U_SHOW_RATE, &lo, &hi));
    CLOSE(lo, 0.4);
    CLOSE(hi, 0.6);
}

static void test_calc_uncertain_range_explicit(void **state)
{
    roi_scenario *s = &FX(state)->s;
    roi_inputs *in = &s->main.in;
    double lo = -1, hi = -1;
    in->funnel.volume = 100;
    in->funnel.rate[ROI_RATE_CLOSE] = 0.5;
    in->value.margin_rate = 0.5;
    in->value.lifetime_months = 12;
    /* explicit ranges apply to fields without a default */
    s->ranges[ROI_U_VOLUME] = (roi_range){true, 80, 150};
    s->ranges[ROI_U_MARGIN_RATE] = (roi_range){true, 0.4, 0.5};
    s->ranges[ROI_U_LIFETIME_MONTHS] = (roi_range){true, 6, 24};
    assert_true(roi_uncertain_range(s, ROI_U_VOLUME, &lo, &hi));
    assert_true(lo == 80 && hi == 150);
    assert_true(roi_uncertain_range(s, ROI_U_MARGIN_RATE, &lo, &hi));
    assert_true(lo == 0.4 && hi == 0.5);
    assert_true(roi_uncertain_range(s, ROI_U_LIFETIME_MONTHS, &lo, &hi));
    assert_true(lo == 6 && hi == 24);
    /* an explicit range replaces the default one */
    s->ranges[ROI_U_CLOSE_RATE] = (roi_range){true, 0.3, 0.55};
    assert_true(roi_uncertain_range(s, ROI_U_CLOSE_RATE, &lo, &hi));
    assert_true(lo == 0.3 && hi == 0.55);
    /* low = high is dropped, and does not fall back on the default */
    s->ranges[ROI_U_CLOSE_RATE] = (roi_range){true, 0.5, 0.5};
    assert_false(roi_uncertain_range(s, ROI_U_CLOSE_RATE, &lo, &hi));
    s->ranges[ROI_U_SHOW_RATE] = (roi_range){true, 1, 1};
    assert_false(roi_uncertain_range(s, ROI_U_SHOW_RATE, &lo, &hi));
}

/* ---- scenarios and sensitivity ------------------------------------------- */

/* meetings 100 x close 0.5 = 50 deals at 1000, margin 0.5, 20 per booked
 * meeting (cost 2000), 100 hours, cycle 2 months. */
static void cases_inputs(roi_inputs *in)
{
    roi_inputs_default(in);
    in->time.hours_per_operator = 100;
    in->funnel.entry = ROI_STAGE_MEETINGS;
    in->funnel.volume = 100;
    in->funnel.rate[ROI_RATE_CLOSE] = 0.5;
    in->value.deal_value = 1000;
    in->value.margin_rate = 0.5;
    in->value.sales_cycle_months = 2;
    in->costs.model = ROI_MODEL_PER_MEETING;
    in->costs.per_meeting = 20;
}

static void check_case(const char *ctx, const roi_case *c, double deals,
                       double revenue, double margin, double cost, double net,
                       double roi, double revenue_per_hour, double payback)
{
    CHECK(ctx, c->deals, deals);
    CHECK(ctx, c->revenue, revenue);
    CHECK(ctx, c->margin, margin);
    CHECK(ctx, c->cost, cost);
    CHECK(ctx, c->net, net);
    CHECK(ctx, c->roi, roi);
    CHECK(ctx, c->revenue_per_hour, revenue_per_hour);
    CHECK(ctx, c->payback_months, payback);
}

static void check_row(const char *ctx, const roi_sensitivity_row *r,
                      roi_uncertain field, double low, double high, double net_low,
                      double net_high, double roi_low, double roi_high)
{
    if (r->field != field) {
        print_error("[%s] field %s, expected %s\n", ctx, roi_uncertain_name(r->field),
                    roi_uncertain_name(field));
        fail();
    }
    CHECK(ctx, r->low, low);
    CHECK(ctx, r->high, high);
    CHECK(ctx, r->net_low, net_low);
    CHECK(ctx, r->net_high, net_high);
    CHECK(ctx, r->roi_low, roi_low);
    CHECK(ctx, r->roi_high, roi_high);
}

static void test_calc_scenarios_default_spread(void **state)
{
    fixture *fx = FX(state);
    cases_inputs(&fx->s.main.in);
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    /* ranged: close [0.4, 0.6], deal [800, 1200]; volume, margin, the rates
     * at 1 and those upstream of meetings are not */
    /* prudent: 100 x 0.4 = 40 deals x 800 = 32000; margin 16000;
     * net 14000; roi 7; 320/h; M0 = 16000 >= 2000 -> cycle 2 */
    check_case("prudent", &fx->r.cases[ROI_CASE_PRUDENT], 40, 32000, 16000, 2000,
               14000, 7, 320, 2);
    /* central: 50 x 1000 = 50000; 25000; 23000; 11.5; 500/h */
    check_case("central", &fx->r.cases[ROI_CASE_CENTRAL], 50, 50000, 25000, 2000,
               23000, 11.5, 500, 2);
    /* ambitious: 60 x 1200 = 72000; 36000; 34000; 17; 720/h */
    check_case("ambitious", &fx->r.cases[ROI_CASE_AMBITIOUS], 60, 72000, 36000,
               2000, 34000, 17, 720, 2);

    /* tornado: close 40 x 1000 x 0.5 - 2000 = 18000 / 60 -> 28000;
     * deal 50 x 800 x 0.5 - 2000 = 18000 / 50 x 1200 x 0.5 - 2000 = 28000.
     * Equal swings (10000): canonical order, close before deal. */
    assert_int_equal(fx->r.sensitivity_count, 2);
    check_row("close", &fx->r.sensitivity[0], ROI_U_CLOSE_RATE, 0.4, 0.6, 18000,
              28000, 9, 14);
    check_row("deal", &fx->r.sensitivity[1], ROI_U_DEAL_VALUE, 800, 1200, 18000,
              28000, 9, 14);

    /* a wider explicit deal range: 50 x 500 x 0.5 - 2000 = 10500, swing 17500
     * now beats close (10000): deal comes first */
    fx->s.ranges[ROI_U_DEAL_VALUE] = (roi_range){true, 500, 1200};
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.sensitivity_count, 2);
    check_row("deal wide", &fx->r.sensitivity[0], ROI_U_DEAL_VALUE, 500, 1200,
              10500, 28000, 5.25, 14);
    check_row("close 2nd", &fx->r.sensitivity[1], ROI_U_CLOSE_RATE, 0.4, 0.6,
              18000, 28000, 9, 14);
    /* prudent: 40 x 500 = 20000; 10000; 8000; roi 4; 200/h; M0 10000 -> 2 */
    check_case("prudent wide", &fx->r.cases[ROI_CASE_PRUDENT], 40, 20000, 10000,
               2000, 8000, 4, 200, 2);
}

static void test_calc_scenarios_explicit_ranges(void **state)
{
    fixture *fx = FX(state);
    roi_scenario *s = &fx->s;
    cases_inputs(&s->main.in);
    s->ranges[ROI_U_VOLUME] = (roi_range){true, 80, 150};
    s->ranges[ROI_U_CLOSE_RATE] = (roi_range){true, 0.5, 0.5}; /* dropped */
    s->ranges[ROI_U_SHOW_RATE] = (roi_range){true, 1, 1};      /* dropped */
    s->ranges[ROI_U_DEAL_VALUE] = (roi_range){true, 900, 1100};
    s->ranges[ROI_U_MARGIN_RATE] = (roi_range){true, 0.4, 0.5};
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    /* prudent: 80 x 0.5 = 40 deals x 900 = 36000; x 0.4 = 14400;
     * cost 80 x 20 = 1600; net 12800; roi 8; 360/h; M0 14400 -> 2 */
    check_case("prudent", &fx->r.cases[ROI_CASE_PRUDENT], 40, 36000, 14400, 1600,
               12800, 8, 360, 2);
    check_case("central", &fx->r.cases[ROI_CASE_CENTRAL], 50, 50000, 25000, 2000,
               23000, 11.5, 500, 2);
    /* ambitious: 150 x 0.5 = 75 x 1100 = 82500; x 0.5 = 41250; cost 3000;
     * net 38250; roi 12.75; 825/h */
    check_case("ambitious", &fx->r.cases[ROI_CASE_AMBITIOUS], 75, 82500, 41250,
               3000, 38250, 12.75, 825, 2);

    assert_int_equal(fx->r.sensitivity_count, 3);
    /* volume 80: 40 x 1000 x 0.5 - 1600 = 18400 (roi 11.5);
     * 150: 75000 x 0.5 - 3000 = 34500 (roi 11.5); swing 16100 */
    check_row("volume", &fx->r.sensitivity[0], ROI_U_VOLUME, 80, 150, 18400, 34500,
              11.5, 11.5);
    /* deal 900: 50 x 900 x 0.5 - 2000 = 20500 (10.25); 1100: 25500 (12.75);
     * swing 5000 */
    check_row("deal", &fx->r.sensitivity[1], ROI_U_DEAL_VALUE, 900, 1100, 20500,
              25500, 10.25, 12.75);
    /* margin 0.4: 50000 x 0.4 - 2000 = 18000 (9); 0.5: 23000 (11.5);
     * swing 5000, tie with deal: canonical order puts deal first */
    check_row("margin", &fx->r.sensitivity[2], ROI_U_MARGIN_RATE, 0.4, 0.5, 18000,
              23000, 9, 11.5);
}

static void test_calc_sensitivity_absolute_swing(void **state)
{
    fixture *fx = FX(state);
    roi_scenario *s = &fx->s;
    roi_inputs *in = &s->main.in;
    /* meetings 100 x close 0.125 = 12.5 deals (expected rounding) x 64 = 800;
     * 20 per meeting = 2000; net -1200. Each meeting loses money, so more
     * volume lowers net: net_high < net_low. */
    roi_inputs_default(in);
    in->funnel.entry = ROI_STAGE_MEETINGS;
    in->funnel.rounding = ROI_ROUND_EXPECTED;
    in->funnel.volume = 100;
    in->funnel.rate[ROI_RATE_CLOSE] = 0.125;
    in->value.deal_value = 64;
    in->costs.model = ROI_MODEL_PER_MEETING;
    in->costs.per_meeting = 20;
    s->ranges[ROI_U_VOLUME] = (roi_range){true, 50, 200};
    s->ranges[ROI_U_CLOSE_RATE] = (roi_range){true, 0.0625, 0.25};
    s->ranges[ROI_U_DEAL_VALUE] = (roi_range){true, 48, 96};
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.sensitivity_count, 3);
    /* Sorted by |net_high - net_low|: volume 1800, close 1200, deal 600 (a
     * signed swing would give close, deal, volume). */
    /* volume 50: 6.25 x 64 - 50 x 20 = 400 - 1000 = -600 (roi -0.6);
     * 200: 25 x 64 - 4000 = -2400 (roi -0.6): swing |-1800| */
    check_row("volume", &fx->r.sensitivity[0], ROI_U_VOLUME, 50, 200, -600, -2400,
              -0.6, -0.6);
    /* close 0.0625: 6.25 x 64 - 2000 = -1600 (-0.8); 0.25: 25 x 64 - 2000 =
     * -400 (-0.2): swing 1200 */
    check_row("close", &fx->r.sensitivity[1], ROI_U_CLOSE_RATE, 0.0625, 0.25,
              -1600, -400, -0.8, -0.2);
    /* deal 48: 12.5 x 48 - 2000 = -1400 (-0.7); 96: 1200 - 2000 = -800 (-0.4) */
    check_row("deal", &fx->r.sensitivity[2], ROI_U_DEAL_VALUE, 48, 96, -1400, -800,
              -0.7, -0.4);
    /* prudent (all low): 50 x 0.0625 = 3.125 deals x 48 = 150; cost 1000;
     * net -850; M0 150 < 1000 and no recurring -> payback null.  ambitious: 200 x 0.25 = 50 x 96 = 4800; cost 4000; net 800 */
    check_case("prudent", &fx->r.cases[ROI_CASE_PRUDENT], 3.125, 150, 150, 1000,
               -850, -0.85, NUL, NUL);
    check_case("ambitious", &fx->r.cases[ROI_CASE_AMBITIOUS], 50, 4800, 4800, 4000,
               800, 0.2, NUL, 0); /* M0 4800 >= 4000 -> cycle 0 */
}

/* ---- billing comparison --------------------------------------------------- */

static void test_calc_billing_rows_all_models(void **state)
{
    fixture *fx = FX(state);
    billing_inputs(&fx->s.main.in);
    fx->s.main.in.costs.model = ROI_MODEL_PER_MEETING; /* booked */
    add_fixed(&fx->s.main, "files", 200);
    add_fixed(&fx->s.main, "tools", 300);
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    /* every price is set: the seven models, in table order, booked basis */
    static const size_t booked_rows[] = {0, 1, 2, 4, 5, 7, 8}; /* BILLING_CASES */
    assert_int_equal(fx->r.billing_count, 7);
    for (size_t i = 0; i < 7; i++) {
        const billing_case *c = &BILLING_CASES[booked_rows[i]];
        const roi_billing_row *row = &fx->r.billing[i];
        assert_int_equal(row->model, c->model);
        CHECK(c->name, row->cost, c->total);
        CHECK(c->name, row->net, 10000 - c->total);
        CHECK(c->name, row->roi, (10000 - c->total) / c->total);
        CHECK(c->name, row->cost_per_deal, c->total / 5);
        CHECK(c->name, row->max_price, c->max_price);
    }
    /* the selected model's row is the scenario's own figures */
    CLOSE(fx->r.billing[4].cost, fx->r.figures.cost.total);

    /* held basis: hybrid 9000 / 75 and per meeting 5700 / 187.5 */
    fx->s.main.in.costs.meeting_basis = ROI_BASIS_HELD;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.billing_count, 7);
    CLOSE(fx->r.billing[2].cost, 9000);
    CLOSE(fx->r.billing[2].max_price, 75);
    CLOSE(fx->r.billing[4].cost, 5700);
    CLOSE(fx->r.billing[4].max_price, 187.5);

    /* target 0.25, per meeting booked: (10000/1.25 - 2500)/50 = 110;
     * flat: (8000 - 2500)/1 = 5500 */
    fx->s.main.in.costs.meeting_basis = ROI_BASIS_BOOKED;
    fx->s.main.in.target_roi = 0.25;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    CLOSE(fx->r.billing[4].max_price, 110);
    CLOSE(fx->r.billing[6].max_price, 5500);
}

static void test_calc_billing_rows_selection(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    in->time.hours_per_operator = 10;
    in->funnel.entry = ROI_STAGE_MEETINGS;
    in->funnel.volume = 20;
    in->funnel.rate[ROI_RATE_CLOSE] = 0.5; /* 10 deals */
    in->value.deal_value = 100;            /* margin 1000 */
    in->costs.model = ROI_MODEL_FLAT;      /* selected, price 0 */
    in->costs.in_house_fixed = 100;        /* in_house priced by its fixed */
    in->costs.hourly_rate = 10;            /* hourly priced; hybrid not (bonus 0) */
    in->costs.per_meeting = 5;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.billing_count, 4);
    assert_int_equal(fx->r.billing[0].model, ROI_MODEL_IN_HOUSE);
    assert_int_equal(fx->r.billing[1].model, ROI_MODEL_HOURLY);
    assert_int_equal(fx->r.billing[2].model, ROI_MODEL_PER_MEETING);
    assert_int_equal(fx->r.billing[3].model, ROI_MODEL_FLAT);
    CLOSE(fx->r.billing[0].cost, 100);   /* 0 x 10 + 100 */
    /* in-house max hourly cost: (1000 - 100)/10 = 90 */
    CLOSE(fx->r.billing[0].max_price, 90);
    CLOSE(fx->r.billing[1].cost, 100);   /* 10 x 10 */
    CLOSE(fx->r.billing[2].cost, 100);   /* 5 x 20 */
    CLOSE(fx->r.billing[2].roi, 9);      /* 900 / 100 */
    CLOSE(fx->r.billing[2].cost_per_deal, 10); /* 100 / 10 */
    CLOSE(fx->r.billing[2].max_price, 50);     /* 1000 / 20 */
    CLOSE(fx->r.billing[3].cost, 0);
    IS_NULL(fx->r.billing[3].roi);
    CLOSE(fx->r.billing[3].max_price, 1000);   /* (1000 - 0)/1 */

    /* hybrid needs both its prices; per_call needs calls, unknown here:
     * its row is listed with null numbers */
    in->costs.bonus_per_meeting = 3;
    in->costs.per_call = 1;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.billing_count, 6);
    static const roi_model order[] = {ROI_MODEL_IN_HOUSE, ROI_MODEL_HOURLY,
                                      ROI_MODEL_HYBRID, ROI_MODEL_PER_CALL,
                                      ROI_MODEL_PER_MEETING, ROI_MODEL_FLAT};
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(fx->r.billing[i].model, order[i]);
    CLOSE(fx->r.billing[2].cost, 160); /* 10 x 10 + 3 x 20 */
    const roi_billing_row *pc = &fx->r.billing[3];
    IS_NULL(pc->cost);
    IS_NULL(pc->net);
    IS_NULL(pc->roi);
    IS_NULL(pc->cost_per_deal);
    IS_NULL(pc->max_price);

    /* held basis from entry opportunities: hybrid and per meeting need held */
    in->funnel.entry = ROI_STAGE_OPPORTUNITIES;
    in->costs.meeting_basis = ROI_BASIS_HELD;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.billing_count, 6);
    IS_NULL(fx->r.billing[2].cost);      /* hybrid */
    IS_NULL(fx->r.billing[2].max_price);
    IS_NULL(fx->r.billing[3].cost);      /* per_call */
    IS_NULL(fx->r.billing[4].cost);      /* per_meeting */
    IS_NULL(fx->r.billing[4].roi);
    CLOSE(fx->r.billing[1].cost, 100);   /* hourly still computable */
}

/* ---- channel comparison and reallocation ---------------------------------- */

/* Main: 1 deal x 3000, flat 1000: net 2000, roi 2.
 * Ch1 (row 1): leads 10 x close 0.2 = 2 deals x 1000, flat 1000, 20 h:
 *   net 1000, roi 1.  Ch2: 2 x 1500, flat 1000: net 2000, roi 2.
 * Ch3: 1 x 100, no cost: net 100, roi null.  Ch4: 1 x 4000, flat 1000:
 *   net 3000, roi 3.  net_before = 2000+1000+2000+100+3000 = 8100. */
static void comparison_scenario(roi_scenario *s)
{
    deals_campaign(&s->main.in, 1, 3000, 1000);
    s->channel_count = 4;
    for (size_t i = 0; i < 4; i++)
        roi_campaign_default(&s->channels[i]);
    roi_inputs *c1 = &s->channels[0].in;
    c1->time.operators = 2;
    c1->time.hours_per_operator = 10;
    c1->funnel.entry = ROI_STAGE_LEADS;
    c1->funnel.volume = 10;
    c1->funnel.rate[ROI_RATE_CLOSE] = 0.2;
    c1->value.deal_value = 1000;
    c1->costs.model = ROI_MODEL_FLAT;
    c1->costs.flat_fee = 1000;
    deals_campaign(&s->channels[1].in, 2, 1500, 1000);
    deals_campaign(&s->channels[2].in, 1, 100, 0);
    deals_campaign(&s->channels[3].in, 1, 4000, 1000);
}

static void test_calc_comparison_rows_and_ranks(void **state)
{
    fixture *fx = FX(state);
    comparison_scenario(&fx->s);
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.comparison_count, 5);
    const roi_comparison_row *row = fx->r.comparison;
    /* row 0: the scenario itself */
    CLOSE(row[0].cost, 1000);
    CLOSE(row[0].revenue, 3000);
    CLOSE(row[0].margin, 3000);
    CLOSE(row[0].net, 2000);
    CLOSE(row[0].roi, 2);
    IS_NULL(row[0].cost_per_lead);        /* entry deals */
    IS_NULL(row[0].cost_per_opportunity);
    CLOSE(row[0].cac, 1000);              /* 1000 / 1 */
    IS_NULL(row[0].revenue_per_hour);     /* H = 0 */
    CLOSE(row[0].payback_months, 0);      /* M0 3000 >= 1000, cycle 0 */
    CLOSE(row[0].ltv_to_cac, 3);          /* 3000 / 1000 */
    /* row 1: channel 1, with its own defaults (margin 1, horizon 12) */
    CLOSE(row[1].cost, 1000);
    CLOSE(row[1].revenue, 2000);          /* 2 x 1000 */
    CLOSE(row[1].margin, 2000);
    CLOSE(row[1].net, 1000);
    CLOSE(row[1].roi, 1);
    CLOSE(row[1].cost_per_lead, 100);     /* 1000 / 10 */
    CLOSE(row[1].cost_per_opportunity, 100); /* 1000 / 10 */
    CLOSE(row[1].cac, 500);               /* 1000 / 2 */
    CLOSE(row[1].revenue_per_hour, 100);  /* 2000 / 20 */
    CLOSE(row[1].payback_months, 0);
    CLOSE(row[1].ltv_to_cac, 2);          /* 1000 / 500 */
    /* row 3: no cost */
    CLOSE(row[3].net, 100);
    IS_NULL(row[3].roi);
    CLOSE(row[3].cac, 0);
    IS_NULL(row[3].ltv_to_cac);
    /* ranks: roi 2, 1, 2, null, 3 -> 2, 4, 3, 0, 1 (tie keeps row order) */
    assert_int_equal(row[0].rank, 2);
    assert_int_equal(row[1].rank, 4);
    assert_int_equal(row[2].rank, 3);
    assert_int_equal(row[3].rank, 0);
    assert_int_equal(row[4].rank, 1);
}

static void check_realloc(const roi_reallocation *r, double min_roi, double shift,
                          double moved, int to, size_t from_count, const int *from,
                          double net_before, double net_after)
{
    assert_true(r->present);
    CLOSE(r->min_roi, min_roi);
    CLOSE(r->shift, shift);
    CLOSE(r->moved, moved);
    assert_int_equal(r->to, to);
    assert_int_equal(r->from_count, from_count);
    for (size_t i = 0; i < from_count; i++)
        assert_int_equal(r->from[i], from[i]);
    CLOSE(r->net_before, net_before);
    CLOSE(r->net_after, net_after);
}

static void test_calc_reallocation_normal(void **state)
{
    fixture *fx = FX(state);
    roi_scenario *s = &fx->s;
    comparison_scenario(s);

    /* min_roi defaults to target_roi 0: nobody is below 0 -> no donor */
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    check_realloc(&fx->r.reallocation, 0, 0.2, 0, -1, 0, NULL, 8100, 8100);

    /* target_roi 1.5 -> min_roi 1.5: only row 1 (roi 1) gives 0.2 x 1000 = 200
     * to row 4 (roi 3). After: 2000 + 1 x 800 + 2000 + 100 + 3 x 1200 = 8500 */
    s->main.in.target_roi = 1.5;
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    static const int from1[] = {1};
    check_realloc(&fx->r.reallocation, 1.5, 0.2, 200, 4, 1, from1, 8100, 8500);

    /* min_roi 2.5 given: rows 0, 1, 2 give 0.2 x 1000 each = 600; row 3 (null
     * ROI) unchanged. After: 2x800 + 1x800 + 2x800 + 100 + 3x1600 = 8900 */
    s->reallocation_min_roi_given = true;
    s->reallocation_min_roi = 2.5;
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    static const int from3[] = {0, 1, 2};
    check_realloc(&fx->r.reallocation, 2.5, 0.2, 600, 4, 3, from3, 8100, 8900);

    /* shift 0.5: moved 1500; 2x500 + 1x500 + 2x500 + 100 + 3x2500 = 10100 */
    s->reallocation_shift = 0.5;
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    check_realloc(&fx->r.reallocation, 2.5, 0.5, 1500, 4, 3, from3, 8100, 10100);

    /* min_roi 2 given: "below" is strict, rows 0 and 2 (roi exactly 2) stay */
    s->reallocation_shift = 0.2;
    s->reallocation_min_roi = 2;
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    check_realloc(&fx->r.reallocation, 2, 0.2, 200, 4, 1, from1, 8100, 8500);
}

static void test_calc_reallocation_one_row(void **state)
{
    fixture *fx = FX(state);
    deals_campaign(&fx->s.main.in, 1, 3000, 1000);
    fx->s.reallocation_min_roi_given = true;
    fx->s.reallocation_min_roi = 5;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.comparison_count, 1);
    assert_int_equal(fx->r.comparison[0].rank, 1);
    const roi_reallocation *r = &fx->r.reallocation;
    assert_false(r->present);
    assert_int_equal(r->to, -1);
    assert_int_equal(r->from_count, 0);
    CLOSE(r->moved, 0);
}

static void test_calc_reallocation_all_below(void **state)
{
    fixture *fx = FX(state);
    roi_scenario *s = &fx->s;
    /* main roi 2 (1 x 3000, flat 1000), channel roi 1 (1 x 2000, flat 1000);
     * min_roi 5: the best row (0) is below too but receives; row 1 gives 200.
     * After: 2 x 1200 + 1 x 800 = 3200; before 2000 + 1000 = 3000 */
    deals_campaign(&s->main.in, 1, 3000, 1000);
    s->channel_count = 1;
    roi_campaign_default(&s->channels[0]);
    deals_campaign(&s->channels[0].in, 1, 2000, 1000);
    s->reallocation_min_roi_given = true;
    s->reallocation_min_roi = 5;
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    static const int from[] = {1};
    check_realloc(&fx->r.reallocation, 5, 0.2, 200, 0, 1, from, 3000, 3200);
}

static void test_calc_reallocation_null_roi(void **state)
{
    fixture *fx = FX(state);
    roi_scenario *s = &fx->s;
    /* main: 1 x 3000 with no cost: net 3000, roi null; ch1 roi 1 (net 1000);
     * ch2 roi 3 (net 3000). min_roi 2: ch1 gives 200 to ch2; main unchanged.
     * After: 3000 + 800 + 3 x 1200 = 7400; before 7000 */
    deals_campaign(&s->main.in, 1, 3000, 0);
    s->channel_count = 2;
    roi_campaign_default(&s->channels[0]);
    roi_campaign_default(&s->channels[1]);
    deals_campaign(&s->channels[0].in, 1, 2000, 1000);
    deals_campaign(&s->channels[1].in, 1, 4000, 1000);
    s->reallocation_min_roi_given = true;
    s->reallocation_min_roi = 2;
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.comparison[0].rank, 0);
    assert_int_equal(fx->r.comparison[1].rank, 2);
    assert_int_equal(fx->r.comparison[2].rank, 1);
    static const int from[] = {1};
    check_realloc(&fx->r.reallocation, 2, 0.2, 200, 2, 1, from, 7000, 7400);

    /* every ROI null: no best row, no donor */
    s->channel_count = 1;
    deals_campaign(&s->channels[0].in, 1, 100, 0);
    assert_int_equal(roi_evaluate(s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.comparison[0].rank, 0);
    assert_int_equal(fx->r.comparison[1].rank, 0);
    check_realloc(&fx->r.reallocation, 2, 0.2, 0, -1, 0, NULL, 3100, 3100);
}

/* ---- 2026-12: skipped stages, commission, cash flow, cost at half -------- */

static void test_calc_skipped_stages(void **state)
{
    (void)state;
    roi_inputs in;
    roi_inputs_default(&in);
    /* 300 contacts -> 120 leads -> (no meetings) -> 36 opportunities -> 9 */
    in.funnel.entry = ROI_STAGE_CONTACTS;
    in.funnel.volume = 300;
    set_rates(&in, 1, 0.4, 1, 1, 0.3, 0.25);
    in.funnel.skip = 1u << ROI_STAGE_MEETINGS | 1u << ROI_STAGE_HELD;
    in.value.deal_value = 10000;
    in.value.margin_rate = 0.4;
    in.costs.model = ROI_MODEL_FLAT;
    in.costs.flat_fee = 6000;
    assert_false(roi_stage_known(&in, ROI_STAGE_MEETINGS));
    assert_false(roi_stage_known(&in, ROI_STAGE_HELD));
    assert_true(roi_stage_known(&in, ROI_STAGE_OPPORTUNITIES));
    roi_figures f = compute_ok(&in, 9000);
    IS_NULL(f.stage[ROI_STAGE_MEETINGS]);
    IS_NULL(f.stage[ROI_STAGE_HELD]);
    CLOSE(f.stage[ROI_STAGE_LEADS], 120);
    CLOSE(f.stage[ROI_STAGE_OPPORTUNITIES], 36);   /* 120 x 0.3 */
    CLOSE(f.deals, 9);
    IS_NULL(f.unit_cost[ROI_STAGE_MEETINGS]);
    IS_NULL(f.unit_cost[ROI_STAGE_HELD]);
    IS_NULL(f.ltv.to_meeting_cost);
    IS_NULL(f.breakeven.max_cost_per_meeting);
    IS_NULL(f.breakeven.max_cost_per_held);
    CLOSE(f.breakeven.min_deals, 4);                /* ceil(15000 / 4000) */
    CLOSE(f.breakeven.min_close_rate, 4.0 / 36);
    CLOSE(f.breakeven.max_price, 27000);            /* 36000 - 9000 */
    CLOSE(f.roi, 1.4);

    /* opportunities skipped: the close rate converts held meetings, and the
     * break-even close rate divides by them: 50 booked, 40 held, 10 deals;
     * min_deals = ceil(3200 / 2400) = 2 -> 2 / 40 */
    test_pay_per_meeting(&in);
    in.funnel.rate[ROI_RATE_SHOW] = 0.8;
    in.costs.meeting_basis = ROI_BASIS_HELD;
    in.costs.per_meeting = 80;
    in.funnel.skip = 1u << ROI_STAGE_OPPORTUNITIES;
    f = compute_ok(&in, 0);
    IS_NULL(f.stage[ROI_STAGE_OPPORTUNITIES]);
    CLOSE(f.deals, 10);
    CLOSE(f.breakeven.min_deals, 2);
    CLOSE(f.breakeven.min_close_rate, 2.0 / 40);
    /* held and opportunities both skipped: back to booked meetings */
    in.costs.meeting_basis = ROI_BASIS_BOOKED;
    in.funnel.rate[ROI_RATE_SHOW] = 1;
    in.funnel.skip |= 1u << ROI_STAGE_HELD;
    f = compute_ok(&in, 0);
    CLOSE(f.deals, 12);                             /* 50 x 0.25 = 12.5 */
    CLOSE(f.breakeven.min_close_rate, 2.0 / 50);    /* ceil(4000 / 2400) = 2 */

    /* a model or internal cost that needs a skipped count cannot compute */
    in.costs.meeting_basis = ROI_BASIS_HELD;
    assert_int_equal(roi_model_needs(&in, ROI_MODEL_PER_MEETING), ROI_STAGE_HELD);
    roi_figures g;
    assert_int_equal(roi_figures_compute(&in, 0, &g), ROI_EINVALID);
    in.costs.meeting_basis = ROI_BASIS_BOOKED;
    in.costs.internal_hours_per_meeting = 1;
    in.costs.internal_hourly_cost = 50;
    assert_int_equal(roi_figures_compute(&in, 0, &g), ROI_EINVALID);
}

static void test_calc_commission(void **state)
{
    (void)state;
    roi_inputs in;
    /* 50 booked, 40 held at 80 + 5 % of revenue; 10 deals of 6 000, 40 % */
    test_pay_per_meeting(&in);
    in.funnel.rate[ROI_RATE_SHOW] = 0.8;
    in.costs.meeting_basis = ROI_BASIS_HELD;
    in.costs.per_meeting = 80;
    in.costs.commission_rate = 0.05;
    roi_figures f = compute_ok(&in, 0);
    CLOSE(f.cost.model, 3200);                 /* 80 x 40 */
    CLOSE(f.cost.commission, 3000);            /* 0.05 x 60 000 */
    CLOSE(f.cost.total, 6200);
    CLOSE(f.net, 17800);                       /* 24 000 - 6 200 */
    CLOSE(f.roi, 17800.0 / 6200);
    /* a = 0.05 x 6000 = 300, C0 = 3200, md = 2400: 3200 / 2100 = 1.52 -> 2 */
    CLOSE(f.breakeven.min_deals, 2);
    /* 3200 / (10 x (0.4 - 0.05)) = 914.29 */
    CLOSE(f.breakeven.min_deal_value, 3200.0 / 3.5);
    CLOSE(f.breakeven.max_cost_per_held, 600);  /* 24 000 / 40 */
    CLOSE(f.breakeven.max_cost_per_meeting, 480); /* 24 000 / 50 */
    CLOSE(f.breakeven.max_cost, 24000);
    CLOSE(f.breakeven.max_price, 525);          /* (24 000 - 3 000) / 40 */
    CLOSE(f.ltv.to_meeting_cost, 2400.0 / 155); /* 2400 / (6200 / 40) */

    /* at target ROI 1: min_deal_value = 2 x 3200 / (10 x (0.4 - 2 x 0.05)) */
    in.target_roi = 1;
    f = compute_ok(&in, 0);
    CLOSE(f.breakeven.min_deal_value, 6400.0 / 3);
    CLOSE(f.breakeven.max_cost, 12000);
    /* min_deals: 2 x 3200 / (2400 - 2 x 300) = 3.56 -> 4 */
    CLOSE(f.breakeven.min_deals, 4);

    /* commission as high as the margin: no deal value and no deal count pays */
    in.target_roi = 0;
    in.costs.commission_rate = 0.4;
    f = compute_ok(&in, 0);
    IS_NULL(f.breakeven.min_deal_value);        /* 0.4 - 0.4 <= 0 */
    IS_NULL(f.breakeven.min_deals);             /* 2400 - 2400 <= 0 */
    in.costs.commission_rate = 0.5;
    f = compute_ok(&in, 0);
    IS_NULL(f.breakeven.min_deal_value);
    IS_NULL(f.breakeven.min_deals);
    CLOSE(f.cost.commission, 30000);

    /* per-deal model with commission: a = 500 + 300, C0 = 0 -> 0 deals */
    test_pay_per_meeting(&in);
    in.costs.model = ROI_MODEL_PER_DEAL;
    in.costs.per_deal = 500;
    in.costs.commission_rate = 0.05;
    f = compute_ok(&in, 0);
    CLOSE(f.cost.total, 12 * 500 + 0.05 * 72000);
    CLOSE(f.breakeven.min_deals, 0);
}

static void test_calc_cashflow(void **state)
{
    (void)state;
    roi_inputs in;
    double cf[ROI_MAX_CASHFLOW];
    /* one-time revenue, no cycle: K = max(1, 0) = 1, paid at month 0 */
    test_pay_per_meeting(&in);
    roi_figures f = compute_ok(&in, 0);
    assert_int_equal(roi_cashflow(&in, &f, cf), 2);
    CLOSE(cf[0], 22800);
    CLOSE(cf[1], 22800);

    /* 2 deals of 1 000 + 100 a month for 2.5 months, 50 % margin, cycle 1.5,
     * cost 1 500: M0 = 1000, Mm = 100; K = ceil(4) = 4 */
    deals_campaign(&in, 2, 1000, 1500);
    in.value.monthly_value = 100;
    in.value.lifetime_months = 2.5;
    in.value.margin_rate = 0.5;
    in.value.sales_cycle_months = 1.5;
    f = compute_ok(&in, 0);
    assert_int_equal(roi_cashflow(&in, &f, cf), 5);
    CLOSE(cf[0], -1500);
    CLOSE(cf[1], -1500);                   /* 1 < 1.5: nothing signed yet */
    CLOSE(cf[2], -1500 + 1000 + 100 * 0.5); /* signed, half a month paid */
    CLOSE(cf[3], -1500 + 1000 + 100 * 1.5);
    CLOSE(cf[4], -1500 + 1000 + 100 * 2.5); /* -250: never paid back */
    IS_NULL(f.payback_months);
    /* payback when N crosses 0: cost 1 100 -> 1.5 + 1 = 2.5 */
    in.costs.flat_fee = 1100;
    f = compute_ok(&in, 0);
    roi_cashflow(&in, &f, cf);
    CLOSE(f.payback_months, 2.5);
    assert_true(cf[2] < 0 && cf[3] >= 0);

    /* the longest series: cycle 120 + lifetime 600 */
    in.value.sales_cycle_months = 120;
    in.value.lifetime_months = 600;
    f = compute_ok(&in, 0);
    assert_int_equal(roi_cashflow(&in, &f, cf), ROI_MAX_CASHFLOW);
}

static void test_calc_cost_at_half(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    /* 1 000 calls by 2 x 100 h, 20 % contacts, 10 % meetings, 25 % close:
     * 200 contacts, 20 meetings, 5 deals; every model priced */
    roi_inputs_default(in);
    in->time.operators = 2;
    in->time.hours_per_operator = 100;
    in->funnel.volume = 1000;
    set_rates(in, 0.2, 1, 0.1, 1, 1, 0.25);
    in->value.deal_value = 10000;
    in->costs.in_house_hourly_cost = 30;
    in->costs.in_house_fixed = 1000;
    in->costs.hourly_rate = 40;
    in->costs.bonus_per_meeting = 50;
    in->costs.per_call = 5;
    in->costs.per_meeting = 300;
    in->costs.per_deal = 1000;
    in->costs.flat_fee = 7000;
    in->costs.commission_rate = 0.1;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    assert_int_equal(fx->r.billing_count, ROI_MODEL_COUNT);
    /* at half: 100 contacts, 10 meetings, 2.5 -> 2 deals, revenue 20 000 */
    static const double expected[ROI_MODEL_COUNT] = {
        30 * 200 + 1000 + 2000,   /* in_house: effort stays */
        40 * 200 + 2000,          /* hourly */
        40 * 200 + 50 * 10 + 2000, /* hybrid: the bonus halves */
        5 * 1000 + 2000,          /* per_call: calls stay */
        300 * 10 + 2000,          /* per_meeting halves */
        1000 * 2 + 2000,          /* per_deal: floor(2.5) deals */
        7000 + 2000,              /* flat */
    };
    static const double full[ROI_MODEL_COUNT] = {
        7000 + 5000, 8000 + 5000, 8000 + 1000 + 5000, 5000 + 5000,
        6000 + 5000, 5000 + 5000, 7000 + 5000};
    for (size_t i = 0; i < fx->r.billing_count; i++) {
        CHECK(roi_model_name(fx->r.billing[i].model), fx->r.billing[i].cost_at_half, expected[i]);
        CHECK(roi_model_name(fx->r.billing[i].model), fx->r.billing[i].cost, full[i]);
    }
    /* expected rounding: 2.5 deals at half */
    in->funnel.rounding = ROI_ROUND_EXPECTED;
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    CLOSE(fx->r.billing[ROI_MODEL_PER_DEAL].cost_at_half, 1000 * 2.5 + 0.1 * 25000);
    /* entry meetings: the entry count itself halves */
    test_pay_per_meeting(in);
    assert_int_equal(roi_evaluate(&fx->s, &fx->r), ROI_OK);
    CLOSE(fx->r.billing[0].cost_at_half, 3000);
}

/* ---- 2026-12: the monthly projection -------------------------------------- */

static void check_series(const roi_schedule *sc, const char *what, size_t offset,
                         const double *expected, size_t count)
{
    char ctx[48];
    assert_int_equal(sc->count, count);
    for (size_t k = 0; k < count; k++) {
        double v;
        memcpy(&v, (const char *)&sc->series[k] + offset, sizeof v);
        snprintf(ctx, sizeof ctx, "%s, month %zu", what, k + 1);
        CHECK(ctx, v, expected[k]);
    }
}
#define SERIES(sc, member, ...)                                                  \
    do {                                                                         \
        static const double e_[] = {__VA_ARGS__};                                \
        check_series((sc), #member, offsetof(roi_month, member), e_,             \
                     sizeof e_ / sizeof e_[0]);                                  \
    } while (0)

/* The in-house worked example: 2 x 140 h at 38 + 1 500 a month, 1 400 calls
 * -> 8.4 deals, 3 000 + 200 / month for 24 months (12 counted), 60 %, cycle
 * 2, 6 months, ramp 40 / 70 / 90 %, set-up 6 000. */
static void in_house_ramp_up(roi_inputs *in)
{
    roi_inputs_default(in);
    in->time.operators = 2;
    in->time.hours_per_operator = 140;
    in->funnel.volume = 1400;
    set_rates(in, 0.25, 0.4, 0.5, 0.8, 0.6, 0.25);
    in->value.deal_value = 3000;
    in->value.monthly_value = 200;
    in->value.lifetime_months = 24;
    in->value.margin_rate = 0.6;
    in->value.sales_cycle_months = 2;
    in->costs.in_house_hourly_cost = 38;
    in->costs.in_house_fixed = 1500;
    in->schedule.months = 6;
    in->schedule.ramp_count = 3;
    in->schedule.ramp[0] = 0.4;
    in->schedule.ramp[1] = 0.7;
    in->schedule.ramp[2] = 0.9;
    in->schedule.setup_cost = 6000;
}

static void test_calc_schedule_worked_example(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    roi_schedule *sc = &fx->r.schedule;
    in_house_ramp_up(in);
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    assert_true(sc->present);
    assert_int_equal(sc->months, 6);
    /* expected deals 3.36 5.88 7.56 8.4 8.4 8.4 sign 2 months later; the
     * cumulative 3.36 9.24 16.8 25.2 33.6 42 rounds down to 3 9 16 25 33 42 */
    SERIES(sc, deals, 0, 0, 3, 6, 7, 9, 8, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    /* 12 140 a month, + 6 000 in month 1; nothing after month 6 */
    SERIES(sc, cost, 18140, 12140, 12140, 12140, 12140, 12140, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    /* d x 3 000 + 200 x clients paying (signed 1 to 12 months before) */
    SERIES(sc, revenue, 0, 0, 9000, 18600, 22800, 30200, 29000, 33600, 8400, 8400, 8400,
           8400, 8400, 8400, 8400, 7800, 6600, 5200, 3400, 1800);
    SERIES(sc, cumulative_net, -18140, -30280, -37020, -38000, -36460, -30480, -13080, 7080,
           12120, 17160, 22200, 27240, 32280, 37320, 42360, 47040, 51000, 54120, 56160, 57240);
    /* calls are effort: not ramped; meetings are results: ramped */
    SERIES(sc, volume, 1400, 1400, 1400, 1400, 1400, 1400, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CLOSE(sc->series[0].meetings, 28);   /* 70 x 0.4 */
    CLOSE(sc->series[0].held, 22.4);     /* 56 x 0.4 */
    CLOSE(sc->series[6].meetings, 0);
    CLOSE(sc->series[5].cumulative_roi, -30480.0 / 78840);
    CLOSE(sc->series[0].cumulative_roi, -1);
    CLOSE(sc->totals.volume, 8400);
    CLOSE(sc->totals.deals, 42);
    CLOSE(sc->totals.cost, 78840);
    CLOSE(sc->totals.revenue, 226800);
    CLOSE(sc->totals.margin, 136080);
    CLOSE(sc->totals.net, 57240);
    CLOSE(sc->totals.roi, 57240.0 / 78840);
    CLOSE(sc->payback_month, 8);

    /* expected rounding: the deals are the expected counts */
    in->funnel.rounding = ROI_ROUND_EXPECTED;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    CLOSE(sc->series[2].deals, 3.36);
    CLOSE(sc->totals.deals, 42);
    /* no months: no projection */
    in->schedule.months = 0;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    assert_false(sc->present);
}

static void test_calc_schedule_edges(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    roi_schedule *sc = &fx->r.schedule;

    /* a ramp longer than the campaign: only its first 2 values apply */
    deals_campaign(in, 10, 100, 0);
    in->schedule.months = 2;
    in->schedule.ramp_count = 4;
    in->schedule.ramp[0] = in->schedule.ramp[1] = 0.5;
    in->schedule.ramp[2] = in->schedule.ramp[3] = 0.1;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, deals, 5, 5);             /* T = 2 + 0 + 0 */
    SERIES(sc, revenue, 500, 500);

    /* a fractional cycle of 1.5 months: half of each month's 3 expected deals
     * sign a month later, half two months later; floor on the cumulative
     * count: 1.5, 4.5, 6 -> 1, 4, 6, so the months sum to the rounded total */
    deals_campaign(in, 3, 100, 0);
    in->value.sales_cycle_months = 1.5;
    in->schedule.months = 2;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, deals, 0, 1, 3, 2);       /* T = 2 + 2 + 0 */
    CLOSE(sc->totals.deals, 6);
    /* 2.4 expected a month: 1.2, 3.6, 4.8 -> 1, 3, 4: the total is the
     * rounded total of the programme (4), not the sum of rounded months (2) */
    in->funnel.volume = 2.4;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, deals, 0, 1, 2, 1);
    CLOSE(sc->totals.deals, 4);

    /* a fractional lifetime of 2.5 months: 2 clients pay 100 in months 2
     * and 3 and half a month in month 4; T = 1 + 0 + 3 */
    deals_campaign(in, 2, 0, 0);
    in->value.monthly_value = 100;
    in->value.lifetime_months = 2.5;
    in->schedule.months = 1;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, revenue, 0, 200, 200, 100);
    CLOSE(sc->totals.revenue, 500);      /* 2 x 100 x 2.5, as one campaign */
    /* the horizon caps the paying months like revenue_per_deal: 1 month */
    in->horizon_months = 1;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, revenue, 0, 200);

    /* per-deal price and commission are paid when deals sign */
    deals_campaign(in, 4, 1000, 0);
    in->costs.model = ROI_MODEL_PER_DEAL;
    in->costs.per_deal = 100;
    in->costs.commission_rate = 0.1;
    in->value.sales_cycle_months = 1;
    in->schedule.months = 1;
    in->schedule.setup_cost = 50;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, cost, 50, 4 * 100 + 0.1 * 4000);
    SERIES(sc, deals, 0, 4);
}

static void test_calc_schedule_dips_below_zero_again(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    roi_schedule *sc = &fx->r.schedule;
    /* 1 deal in months 1 and 3 (ramp 1, 0, 1) of 1 500 + 300 a month for 3
     * months, 1 000 of team costs a month for 3 months */
    deals_campaign(in, 1, 1500, 0);
    in->costs.model = ROI_MODEL_IN_HOUSE;
    in->costs.in_house_fixed = 1000;
    in->value.monthly_value = 300;
    in->value.lifetime_months = 3;
    in->schedule.months = 3;
    in->schedule.ramp_count = 3;
    in->schedule.ramp[0] = 1;
    in->schedule.ramp[1] = 0;
    in->schedule.ramp[2] = 1;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, deals, 1, 0, 1, 0, 0, 0);
    SERIES(sc, revenue, 1500, 300, 1800, 600, 300, 300);
    /* above 0 in month 1, below in month 2, above from month 3 on */
    SERIES(sc, cumulative_net, 500, -200, 600, 1200, 1500, 1800);
    CLOSE(sc->payback_month, 3);
    /* without the second deal it never recovers: null */
    in->schedule.ramp[2] = 0;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, cumulative_net, 500, -200, -900, -600, -600, -600);
    IS_NULL(sc->payback_month);
    /* no cost at all: paid back from month 1, ROI undefined throughout */
    in->costs.in_house_fixed = 0;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    CLOSE(sc->payback_month, 1);
    IS_NULL(sc->series[0].cumulative_roi);
    IS_NULL(sc->totals.roi);

    /* the longest series: 60 + 120 + 600 months */
    in->schedule.months = 60;
    in->value.sales_cycle_months = 120;
    in->value.lifetime_months = 600;
    in->horizon_months = 600;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    assert_int_equal(sc->count, ROI_MAX_SERIES);
}

/* ---- 2026-12: the planner ------------------------------------------------- */

static void test_calc_plan_goal_metrics(void **state)
{
    static const struct {
        roi_goal metric;
        double value, show_rate, volume, deals, cost, net;
    } cases[] = {
        /* D = 50 000 / (2 400 - 120 / 0.25) = 26.04 -> 27; V = 27 / 0.25 */
        {ROI_GOAL_NET, 50000, 1, 108, 27, 12960, 51840},
        {ROI_GOAL_DEALS, 20, 1, 80, 20, 9600, 38400},
        /* 90 000 / 6 000 = 15 deals */
        {ROI_GOAL_REVENUE, 90000, 1, 60, 15, 7200, 28800},
        /* 30 000 / 2 400 = 12.5 -> 13 deals */
        {ROI_GOAL_MARGIN, 30000, 1, 52, 13, 6240, 24960},
        /* meetings: V = 80 / 1; deals follow: 20 */
        {ROI_GOAL_MEETINGS, 80, 1, 80, 20, 9600, 38400},
        /* held at 80 % show: V = 80 / 0.8 = 100 booked; 80 held, 20 deals */
        {ROI_GOAL_HELD, 80, 0.8, 100, 20, 12000, 36000},
        /* goal 0: nothing to do */
        {ROI_GOAL_NET, 0, 1, 0, 0, 0, 0},
    };
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    roi_plan *p = &fx->r.plan;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        test_pay_per_meeting(in);
        in->funnel.rate[ROI_RATE_SHOW] = cases[i].show_rate;
        in->goal.metric = cases[i].metric;
        in->goal.value = cases[i].value;
        assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
        const char *ctx = roi_goal_name(cases[i].metric);
        assert_true(p->present && p->reachable);
        CHECK(ctx, p->volume, cases[i].volume);
        CHECK(ctx, p->scale, cases[i].volume / 50);
        CHECK(ctx, p->deals, cases[i].deals);
        CHECK(ctx, p->cost, cases[i].cost);
        CHECK(ctx, p->net, cases[i].net);
        CHECK(ctx, p->stage[ROI_STAGE_MEETINGS], cases[i].volume);
        IS_NULL(p->stage[ROI_STAGE_CALLS]);
        IS_NULL(p->operators);               /* no hours per person entered */
    }
    /* 104 meetings would give 26 deals and 49 920: short of the goal */
    test_pay_per_meeting(in);
    in->funnel.volume = 104;
    roi_figures f = compute_ok(in, 0);
    CLOSE(f.net, 49920);
    /* no goal: no plan */
    in->goal.metric = ROI_GOAL_NONE;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    assert_false(p->present);
}

static void test_calc_plan_hours_people_and_limits(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    roi_plan *p = &fx->r.plan;
    /* 1 caller x 100 h at 40, 1 000 calls -> 200 contacts -> 20 meetings ->
     * 5 deals of 5 000 at 50 %; 1 h of sales time per held meeting */
    roi_inputs_default(in);
    in->time.hours_per_operator = 100;
    in->funnel.volume = 1000;
    set_rates(in, 0.2, 1, 0.1, 1, 1, 0.25);
    in->value.deal_value = 5000;
    in->value.margin_rate = 0.5;
    in->costs.in_house_hourly_cost = 40;
    in->costs.internal_hours_per_meeting = 1;
    in->costs.internal_hourly_cost = 60;
    in->goal.metric = ROI_GOAL_DEALS;
    in->goal.value = 12;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    CLOSE(p->volume, 2400);          /* 12 / 0.005 */
    CLOSE(p->scale, 2.4);
    CLOSE(p->hours, 240);            /* 100 x 2.4 */
    CLOSE(p->operators, 3);          /* ceil(240 / 100) */
    CLOSE(p->sales_hours, 48);       /* 1 x 48 held */
    CLOSE(p->cost, 240 * 40 + 48 * 60);

    /* net: cost(D) = A + b D, A = 0, b = (40 x 0.1 + 60 x 0.02) / 0.005 =
     * 1 040; D = 20 000 / (2 500 - 1 040) = 13.7 -> 14 */
    in->goal.metric = ROI_GOAL_NET;
    in->goal.value = 20000;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    CLOSE(p->deals, 14);
    CLOSE(p->volume, 2800);
    assert_true(p->net >= 20000);
    /* expected rounding: D = 20 000 / 1 460 exactly */
    in->funnel.rounding = ROI_ROUND_EXPECTED;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    CLOSE(p->deals, 20000.0 / 1460);
    CLOSE(p->net, 20000);
    in->funnel.rounding = ROI_ROUND_FLOOR;

    /* no volume entered: the hours stay as entered (their cost does not
     * scale: A = 4 000), scale is null; D = (20 000 + 4 000) / (2 500 - 240)
     * = 10.6 -> 11 deals, V = 2 200 */
    in->funnel.volume = 0;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    assert_true(p->reachable);
    CLOSE(p->deals, 11);
    CLOSE(p->volume, 2200);
    IS_NULL(p->scale);
    CLOSE(p->hours, 100);
    CLOSE(p->operators, 1);

    /* unreachable: each deal costs more than its margin */
    test_pay_per_meeting(in);
    in->costs.per_meeting = 600;     /* b = 600 / 0.25 = 2 400 = margin */
    in->goal.metric = ROI_GOAL_NET;
    in->goal.value = 1000;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    assert_true(p->present);
    assert_false(p->reachable);
    IS_NULL(p->volume);
    IS_NULL(p->deals);
    IS_NULL(p->cost);
    IS_NULL(p->stage[ROI_STAGE_MEETINGS]);
    /* unreachable: no revenue per deal, or no deal at all */
    test_pay_per_meeting(in);
    in->value.deal_value = 0;
    in->goal.metric = ROI_GOAL_REVENUE;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    assert_false(p->reachable);
    test_pay_per_meeting(in);
    in->funnel.rate[ROI_RATE_CLOSE] = 0;
    in->goal.metric = ROI_GOAL_DEALS;
    in->goal.value = 5;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    assert_false(p->reachable);
    /* ... but a goal of 0 deals needs no volume */
    in->goal.value = 0;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    assert_true(p->reachable);
    CLOSE(p->volume, 0);
}

/* Counts past 1e9 (break-even and planner only): the rounding slack is capped
 * at a thousandth of a deal, so 2e12 deals do not round to 2e12 - 2. */
static void test_calc_rounding_of_large_counts(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    deals_campaign(in, 1, 0.5, 1e12);
    roi_figures f = compute_ok(in, 0);
    CLOSE(f.breakeven.min_deals, 2e12);          /* 1e12 / 0.5 */
    deals_campaign(in, 1, 0, 0);
    in->goal.metric = ROI_GOAL_DEALS;
    in->goal.value = 1e12;
    assert_int_equal(roi_plan_compute(in, 0, &fx->r.plan), ROI_OK);
    CLOSE(fx->r.plan.volume, 1e12);
    CLOSE(fx->r.plan.deals, 1e12);
    CLOSE(fx->r.plan.deals_expected, 1e12);
}

static void test_calc_plan_other_models(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    roi_plan *p = &fx->r.plan;
    /* per call: 1 000 calls at 2, 1 % of calls sign (5 000 a deal, 100 %):
     * b = 2 x 1 / 0.01 = 200 a deal; D = 9 600 / (5 000 - 200) = 2 */
    roi_inputs_default(in);
    in->funnel.volume = 1000;
    set_rates(in, 0.1, 1, 0.1, 1, 1, 1);
    in->value.deal_value = 5000;
    in->costs.model = ROI_MODEL_PER_CALL;
    in->costs.per_call = 2;
    in->goal.metric = ROI_GOAL_NET;
    in->goal.value = 9600;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    CLOSE(p->deals, 2);
    CLOSE(p->volume, 200);
    CLOSE(p->net, 10000 - 400);
    /* hybrid: 10 h at 50 for 1 000 calls + 30 a booked meeting; 10 % of
     * revenue as commission: b = (0.5 + 30 x 0.01) / 0.01 + 500 = 580 */
    in->time.hours_per_operator = 10;
    in->costs.model = ROI_MODEL_HYBRID;
    in->costs.hourly_rate = 50;
    in->costs.bonus_per_meeting = 30;
    in->costs.commission_rate = 0.1;
    in->goal.value = 44200;                   /* (5 000 - 580) x 10 */
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    CLOSE(p->deals, 10);
    CLOSE(p->volume, 1000);
    CLOSE(p->hours, 10);
    CLOSE(p->net, 44200);
    /* leads skipped straight to opportunities: k(deals) = 0.1 x 1 x 1 */
    roi_inputs_default(in);
    in->funnel.entry = ROI_STAGE_CONTACTS;
    in->funnel.volume = 100;
    set_rates(in, 1, 0.5, 1, 1, 1, 0.2);
    in->funnel.skip = 1u << ROI_STAGE_MEETINGS | 1u << ROI_STAGE_HELD;
    in->value.deal_value = 1000;
    in->goal.metric = ROI_GOAL_DEALS;
    in->goal.value = 30;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    CLOSE(p->volume, 300);                    /* 30 / (0.5 x 0.2) */
    IS_NULL(p->stage[ROI_STAGE_MEETINGS]);
    CLOSE(p->stage[ROI_STAGE_OPPORTUNITIES], 150);
    /* a goal of 0 held meetings is met by doing nothing, whatever the rates */
    test_pay_per_meeting(in);
    in->funnel.rate[ROI_RATE_SHOW] = 0;
    in->goal.metric = ROI_GOAL_HELD;
    in->goal.value = 0;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    assert_true(p->reachable);
    CLOSE(p->volume, 0);
    /* beyond what a double holds: unreachable rather than null numbers */
    roi_inputs_default(in);
    in->time.operators = 100000;
    in->time.hours_per_operator = 100000;
    in->funnel.volume = 1;
    in->funnel.rate[ROI_RATE_CLOSE] = 1e-290; /* V = 1e302 calls, hours overflow */
    in->value.deal_value = 1e12;
    in->costs.in_house_hourly_cost = 1e12;
    in->goal.metric = ROI_GOAL_DEALS;
    in->goal.value = 1e12;
    assert_int_equal(roi_plan_compute(in, 0, p), ROI_OK);
    assert_false(p->reachable);
}

/* Entry after the meetings: the projection's meetings and held are null. */
static void test_calc_schedule_unknown_meetings(void **state)
{
    fixture *fx = FX(state);
    roi_inputs *in = &fx->s.main.in;
    roi_schedule *sc = &fx->r.schedule;
    roi_inputs_default(in);
    in->funnel.entry = ROI_STAGE_OPPORTUNITIES;
    in->funnel.volume = 10;
    in->funnel.rate[ROI_RATE_CLOSE] = 0.5;
    in->value.deal_value = 100;
    in->schedule.months = 2;
    in->schedule.ramp_count = 1;
    in->schedule.ramp[0] = 0.5;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    SERIES(sc, volume, 5, 10);               /* opportunities are results: ramped */
    SERIES(sc, deals, 2, 5);                 /* 2.5 -> 2, then 7.5 -> 7 */
    IS_NULL(sc->series[0].meetings);
    IS_NULL(sc->series[1].held);
    /* skipped held: null too; booked meetings known */
    test_pay_per_meeting(in);
    in->funnel.skip = 1u << ROI_STAGE_HELD;
    in->schedule.months = 1;
    assert_int_equal(roi_schedule_compute(in, 0, sc), ROI_OK);
    CLOSE(sc->series[0].meetings, 50);
    IS_NULL(sc->series[0].held);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_calc_skipped_stages),
        cmocka_unit_test(test_calc_commission),
        cmocka_unit_test(test_calc_cashflow),
        TEST_FX(test_calc_cost_at_half),
        TEST_FX(test_calc_schedule_worked_example),
        TEST_FX(test_calc_schedule_edges),
        TEST_FX(test_calc_schedule_dips_below_zero_again),
        TEST_FX(test_calc_plan_goal_metrics),
        TEST_FX(test_calc_plan_hours_people_and_limits),
        TEST_FX(test_calc_rounding_of_large_counts),
        TEST_FX(test_calc_plan_other_models),
        TEST_FX(test_calc_schedule_unknown_meetings),
        cmocka_unit_test(test_calc_names),
        cmocka_unit_test(test_calc_inputs_default),
        TEST_FX(test_calc_scenario_default),
        TEST_FX(test_calc_all_defaults_evaluate),
        cmocka_unit_test(test_calc_hours_total),
        cmocka_unit_test(test_calc_stage_known),
        cmocka_unit_test(test_calc_model_needs),
        cmocka_unit_test(test_calc_funnel_from_every_entry),
        cmocka_unit_test(test_calc_deals_rounding),
        cmocka_unit_test(test_calc_revenue_horizon_vs_lifetime),
        cmocka_unit_test(test_calc_revenue_uses_rounded_deals),
        cmocka_unit_test(test_calc_billing_model_costs),
        TEST_FX(test_calc_internal_and_fixed_costs),
        cmocka_unit_test(test_calc_roi_null_when_cost_zero),
        cmocka_unit_test(test_calc_roi_lifetime),
        cmocka_unit_test(test_calc_per_hour),
        cmocka_unit_test(test_calc_unit_costs),
        cmocka_unit_test(test_calc_ltv),
        cmocka_unit_test(test_calc_payback),
        cmocka_unit_test(test_calc_breakeven_min_deals),
        cmocka_unit_test(test_calc_breakeven_min_deals_slack),
        cmocka_unit_test(test_calc_breakeven_min_close_rate_null),
        cmocka_unit_test(test_calc_breakeven_min_deal_value),
        cmocka_unit_test(test_calc_breakeven_max_cost_per_meeting),
        cmocka_unit_test(test_calc_breakeven_max_price),
        TEST_FX(test_calc_example_pay_per_meeting),
        TEST_FX(test_calc_example_lead_generation),
        TEST_FX(test_calc_example_hourly_revenue_subscription),
        TEST_FX(test_calc_example_call_campaign_revenue),
        TEST_FX(test_calc_invalid_unknown_counts),
        cmocka_unit_test(test_calc_uncertain_get_set),
        TEST_FX(test_calc_uncertain_range_defaults),
        TEST_FX(test_calc_uncertain_range_explicit),
        TEST_FX(test_calc_scenarios_default_spread),
        TEST_FX(test_calc_scenarios_explicit_ranges),
        TEST_FX(test_calc_sensitivity_absolute_swing),
        TEST_FX(test_calc_billing_rows_all_models),
        TEST_FX(test_calc_billing_rows_selection),
        TEST_FX(test_calc_comparison_rows_and_ranks),
        TEST_FX(test_calc_reallocation_normal),
        TEST_FX(test_calc_reallocation_one_row),
        TEST_FX(test_calc_reallocation_all_below),
        TEST_FX(test_calc_reallocation_null_roi),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
