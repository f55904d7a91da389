/*
 * test_json.c - scenario documents in, result documents out: the worked
 * examples, every validation rule, hostile input, and the output format.
 */
#include "test_util.h"

#include "roi_json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the worked examples (METHODOLOGY section 5) -------------------------- */

typedef struct {
    const char *path;
    double value;   /* NAN: expect null */
} expect;

typedef struct {
    const char *file;
    expect values[20];
} example;

static const example EXAMPLES[] = {
    {"pay-per-meeting.json",
     {{"funnel.deals", 12}, {"funnel.deals_expected", 12.5}, {"revenue", 72000},
      {"margin", 28800}, {"cost.total", 6000}, {"net", 22800}, {"roi", 3.8},
      {"unit_costs.deal", 500}, {"ltv.to_cac", 4.8}, {"ltv.to_meeting_cost", 20},
      {"breakeven.max_price", 576}, {"breakeven.min_close_rate", 0.06},
      {"breakeven.min_deal_value", 1250}, {"breakeven.min_deals", 3},
      {"per_hour.revenue", NAN}, {NULL, 0}}},
    {"lead-generation.json",
     {{"funnel.leads", 120}, {"funnel.opportunities", 36}, {"funnel.deals", 9},
      {"margin", 36000}, {"cost.total", 15000}, {"cost.fixed", 15000}, {"roi", 1.4},
      {"unit_costs.lead", 125}, {"unit_costs.opportunity", 416.6666666666667},
      {"unit_costs.deal", 1666.6666666666667}, {"breakeven.min_deals", 4},
      {"funnel.calls", NAN}, {NULL, 0}}},
    {"hourly-revenue-subscription.json",
     {{"hours_total", 60}, {"funnel.deals_expected", 16.2}, {"funnel.deals", 16},
      {"revenue", 32000}, {"per_hour.revenue", 533.3333333333334}, {"per_hour.calls", 30},
      {"roi", NAN}, {"cost.total", 0}, {"payback_months", 0}, {NULL, 0}}},
    {"call-campaign-revenue.json",
     {{"revenue", 30000}, {"cost.total", 12000}, {"net", 18000}, {"roi", 1.5},
      {"funnel.opportunities", NAN}, {"breakeven.min_close_rate", NAN}, {NULL, 0}}},
    /* 2026-12: the four new worked examples, figures of METHODOLOGY section 5
     * (rounded there to 3 decimals: checked here to 1e-3 relative where so). */
    {"in-house-ramp-up.json",
     {{"cost.total", 12140}, {"funnel.deals", 8}, {"roi", 1.1350906095551894},
      {"schedule.months", 6}, {"schedule.series[0].cost", 18140},
      {"schedule.series[2].deals", 3}, {"schedule.series[3].deals", 6},
      {"schedule.series[4].deals", 7}, {"schedule.series[5].deals", 9},
      {"schedule.series[6].deals", 8}, {"schedule.series[7].deals", 9},
      {"schedule.totals.deals", 42}, {"schedule.totals.cost", 78840},
      {"schedule.totals.revenue", 226800}, {"schedule.totals.net", 57240},
      {"schedule.payback_month", 8}, {NULL, 0}}},
    {"goal-net-result.json",
     {{"plan.funnel.deals", 27}, {"plan.volume", 108}, {"plan.scale", 2.16},
      {"plan.cost", 12960}, {"plan.net", 51840}, {"plan.roi", 4},
      {"plan.funnel.meetings", 108}, {"plan.operators", NAN}, {"roi", 3.8}, {NULL, 0}}},
    {"lead-generation-without-meetings.json",
     {{"funnel.meetings", NAN}, {"funnel.held", NAN}, {"unit_costs.meeting", NAN},
      {"unit_costs.held", NAN}, {"ltv.to_meeting_cost", NAN},
      {"breakeven.max_cost_per_meeting", NAN}, {"breakeven.max_cost_per_held", NAN},
      {"breakeven.min_close_rate", 4.0 / 36}, {"breakeven.max_price", 27000},
      {"roi", 1.4}, {"funnel.opportunities", 36}, {"funnel.deals", 9}, {NULL, 0}}},
    {"held-meetings-plus-commission.json",
     {{"cost.model", 3200}, {"cost.commission", 3000}, {"cost.total", 6200},
      {"net", 17800}, {"roi", 17800.0 / 6200}, {"breakeven.min_deals", 2},
      {"breakeven.min_deal_value", 3200.0 / 3.5}, {"breakeven.max_cost_per_held", 600},
      {"breakeven.max_price", 525}, {"billing[0].cost_at_half", 3100},
      {"breakeven.max_cost", 24000}, {"ltv.to_meeting_cost", 2400.0 / 155}, {NULL, 0}}},
};

/* The contract's rounded figures of the 2026-12 examples. */
static const expect ROUNDED[] = {
    {"roi", 1.135}, {"schedule.totals.roi", 0.726}, {"schedule.series[5].cumulative_roi", -0.39},
};

static void test_json_worked_examples(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof EXAMPLES / sizeof EXAMPLES[0]; i++) {
        bool valid = false;
        cJSON *doc = test_eval_fixture(EXAMPLES[i].file, &valid);
        assert_true(valid);
        for (const expect *e = EXAMPLES[i].values; e->path; e++) {
            if (isnan(e->value))
                assert_json_null(doc, e->path);
            else
                assert_json_number(doc, e->path, e->value, 1e-9);
        }
        cJSON_Delete(doc);
    }
    bool valid = false;
    cJSON *doc = test_eval_fixture("in-house-ramp-up.json", &valid);
    assert_true(valid);
    assert_int_equal(cJSON_GetArraySize(test_path(doc, "schedule.series")), 20);
    for (size_t i = 0; i < sizeof ROUNDED / sizeof ROUNDED[0]; i++)
        assert_json_number(doc, ROUNDED[i].path, ROUNDED[i].value, 0.005 / fabs(ROUNDED[i].value));
    cJSON_Delete(doc);
}

static void test_json_result_has_every_key(void **state)
{
    static const char *const keys[] = {
        "ok", "version", "name", "currency", "warnings", "hours_total",
        "funnel.calls", "funnel.contacts", "funnel.leads", "funnel.meetings", "funnel.held",
        "funnel.opportunities", "funnel.deals_expected", "funnel.deals",
        "revenue_per_deal", "revenue", "margin", "cost.total", "cost.model", "cost.fixed",
        "cost.internal", "net", "roi", "roi_lifetime", "per_hour.revenue", "per_hour.margin",
        "per_hour.cost", "per_hour.net", "per_hour.calls", "per_hour.meetings",
        "per_hour.revenue_talk_only", "unit_costs.call", "unit_costs.contact",
        "unit_costs.lead", "unit_costs.meeting", "unit_costs.held", "unit_costs.opportunity",
        "unit_costs.deal", "ltv.revenue", "ltv.margin", "ltv.to_cac", "ltv.to_meeting_cost",
        "ltv.max_cac", "payback_months", "breakeven.target_roi", "breakeven.min_deals",
        "breakeven.min_close_rate", "breakeven.min_deal_value",
        "breakeven.max_cost_per_meeting", "breakeven.max_price",
        "scenarios.prudent.deals", "scenarios.central.revenue", "scenarios.ambitious.margin",
        "scenarios.prudent.cost", "scenarios.central.net", "scenarios.ambitious.roi",
        "scenarios.prudent.revenue_per_hour", "scenarios.ambitious.payback_months",
        "sensitivity[0].field", "sensitivity[0].low", "sensitivity[0].high",
        "sensitivity[0].net_low", "sensitivity[0].net_high", "sensitivity[0].roi_low",
        "sensitivity[0].roi_high", "billing[0].model", "billing[0].cost", "billing[0].net",
        "billing[0].roi", "billing[0].cost_per_deal", "billing[0].max_price",
        "comparison[1].name", "comparison[1].cost", "comparison[1].revenue",
        "comparison[1].margin", "comparison[1].net", "comparison[1].roi",
        "comparison[1].cost_per_lead", "comparison[1].cost_per_opportunity",
        "comparison[1].cac", "comparison[1].revenue_per_hour", "comparison[1].payback_months",
        "comparison[1].ltv_to_cac", "comparison[1].rank", "reallocation.min_roi",
        "reallocation.shift", "reallocation.moved", "reallocation.to", "reallocation.from",
        "reallocation.net_before", "reallocation.net_after",
        /* 2026-12 */
        "cost.commission", "breakeven.max_cost_per_held", "breakeven.max_cost",
        "cashflow[0].month", "cashflow[0].net", "cashflow[1].net", "billing[0].cost_at_half",
        "schedule", "plan"};
    static const char doc_text[] =
        "{\"funnel\": {\"entry\": \"meetings\", \"volume\": 50, \"close_rate\": 0.25},"
        " \"value\": {\"deal_value\": 6000, \"margin_rate\": 0.4},"
        " \"costs\": {\"model\": \"per_meeting\", \"per_meeting\": 120},"
        " \"channels\": [{\"name\": \"Emailing\", \"funnel\": {\"entry\": \"leads\", \"volume\": 40,"
        "   \"close_rate\": 0.1}, \"value\": {\"deal_value\": 6000}, \"costs\": {\"flat_fee\": 3000,"
        "   \"model\": \"flat\"}}]}";
    bool valid = false;
    (void)state;
    cJSON *doc = test_eval_text(doc_text, &valid);
    assert_true(valid);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (!test_path(doc, keys[i]))
            print_error("missing key %s\n", keys[i]);
        assert_non_null(test_path(doc, keys[i]));
    }
    cJSON_Delete(doc);
}

/* ---- validation ----------------------------------------------------------- */

typedef struct {
    const char *doc;
    const char *field;   /* the error (or warning) must name this path */
} rule_case;

static const rule_case ERRORS[] = {
    {"{\"version\": 2}", "version"},
    {"{\"version\": \"1\"}", "version"},
    {"{\"name\": 12}", "name"},
    {"{\"currency\": \"eur\"}", "currency"},
    {"{\"currency\": \"EURO\"}", "currency"},
    {"{\"currency\": \"E1R\"}", "currency"},
    {"{\"horizon_months\": 601}", "horizon_months"},
    {"{\"horizon_months\": -1}", "horizon_months"},
    {"{\"target_roi\": -1}", "target_roi"},
    {"{\"target_roi\": 1000.5}", "target_roi"},
    {"{\"target_ltv_cac\": 0}", "target_ltv_cac"},
    {"{\"time\": {\"talk_share\": 0}}", "time.talk_share"},
    {"{\"time\": {\"talk_share\": 1.01}}", "time.talk_share"},
    {"{\"time\": {\"operators\": true}}", "time.operators"},
    {"{\"time\": 3}", "time"},
    {"{\"funnel\": {\"close_rate\": 1.5}}", "funnel.close_rate"},
    {"{\"funnel\": {\"contact_rate\": -0.1}}", "funnel.contact_rate"},
    {"{\"funnel\": {\"volume\": 1e10}}", "funnel.volume"},
    {"{\"funnel\": {\"volume\": 1e999}}", "funnel.volume"},
    {"{\"funnel\": {\"entry\": \"visits\"}}", "funnel.entry"},
    {"{\"funnel\": {\"entry\": 3}}", "funnel.entry"},
    {"{\"funnel\": {\"rounding\": \"up\"}}", "funnel.rounding"},
    {"{\"value\": {\"deal_value\": \"6000\"}}", "value.deal_value"},
    {"{\"value\": {\"margin_rate\": 2}}", "value.margin_rate"},
    {"{\"value\": {\"sales_cycle_months\": 121}}", "value.sales_cycle_months"},
    {"{\"costs\": {\"model\": \"per_lead\"}}", "costs.model"},
    {"{\"costs\": {\"meeting_basis\": \"signed\"}}", "costs.meeting_basis"},
    {"{\"costs\": {\"per_meeting\": -120}}", "costs.per_meeting"},
    {"{\"costs\": {\"internal_hourly_cost\": 2e9}}", "costs.internal_hourly_cost"},
    {"{\"costs\": {\"fixed\": {}}}", "costs.fixed"},
    {"{\"costs\": {\"fixed\": [3]}}", "costs.fixed[0]"},
    {"{\"costs\": {\"fixed\": [{\"label\": 3}]}}", "costs.fixed[0].label"},
    {"{\"costs\": {\"fixed\": [{\"amount\": -5}]}}", "costs.fixed[0].amount"},
    {"{\"funnel\": {\"entry\": \"meetings\"}, \"costs\": {\"model\": \"per_call\"}}", "costs.model"},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"costs\": {\"model\": \"per_meeting\"}}", "costs.model"},
    {"{\"funnel\": {\"entry\": \"held\"}, \"costs\": {\"model\": \"hybrid\"}}", "costs.model"},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"costs\": {\"internal_hours_per_meeting\": 1,"
     " \"internal_hourly_cost\": 50}}", "costs.internal_hours_per_meeting"},
    {"{\"uncertainty\": {\"spread\": 1.5}}", "uncertainty.spread"},
    {"{\"uncertainty\": []}", "uncertainty"},
    {"{\"uncertainty\": {\"ranges\": []}}", "uncertainty.ranges"},
    {"{\"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.1]}}}", "uncertainty.ranges.funnel.close_rate"},
    {"{\"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.1, \"x\"]}}}", "uncertainty.ranges.funnel.close_rate"},
    {"{\"funnel\": {\"close_rate\": 0.25}, \"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.3, 0.4]}}}",
     "uncertainty.ranges.funnel.close_rate"},
    {"{\"funnel\": {\"close_rate\": 0.25}, \"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.2, 1.2]}}}",
     "uncertainty.ranges.funnel.close_rate"},
    {"{\"reallocation\": {\"min_roi\": -1}}", "reallocation.min_roi"},
    {"{\"reallocation\": {\"shift\": 2}}", "reallocation.shift"},
    {"{\"channels\": {}}", "channels"},
    {"{\"channels\": [7]}", "channels[0]"},
    {"{\"channels\": [{}, {\"value\": {\"margin_rate\": 2}}]}", "channels[1].value.margin_rate"},
    {"{\"channels\": [{\"channels\": []}]}", "channels[0].channels"},
    {"{\"channels\": [{\"uncertainty\": {}}]}", "channels[0].uncertainty"},
    {"{\"channels\": [{\"reallocation\": {}}]}", "channels[0].reallocation"},
    {"{\"channels\": [{\"version\": 2}]}", "channels[0].version"},
    {"{\"channels\": [{\"funnel\": {\"entry\": \"deals\"}, \"costs\": {\"model\": \"per_call\"}}]}",
     "channels[0].costs.model"},
    {"[1, 2]", ""},
    {"42", ""},
    {"\"scenario\"", ""},
    {"{\"funnel\": {\"close_rate\": 0.25,}}", ""},
    {"{} {}", ""},
    {"{\"a\":", ""},
    {"", ""},
    {" \n\t ", ""},
};

/* 2026-12 rules: skipped stages, the goal, the schedule, scenario-only
 * sections in channels.  code NULL: checked by field only. */
typedef struct {
    const char *doc;
    const char *field;
    const char *code;
} coded_case;

static const coded_case REVISION_ERRORS[] = {
    /* the entry stage cannot be skipped; neither can deals */
    {"{\"funnel\": {\"entry\": \"meetings\", \"skip\": [\"meetings\"]}}", "funnel.skip", NULL},
    {"{\"funnel\": {\"skip\": [\"deals\"]}}", "funnel.skip", NULL},
    {"{\"funnel\": {\"skip\": [\"held\", \"held\"]}}", "funnel.skip[1]", NULL},
    {"{\"funnel\": {\"skip\": [\"demo\"]}}", "funnel.skip[0]", NULL},
    {"{\"funnel\": {\"skip\": \"held\"}}", "funnel.skip", NULL},
    /* a rate into a skipped stage must be 1 */
    {"{\"funnel\": {\"entry\": \"leads\", \"meeting_rate\": 0.5, \"skip\": [\"meetings\"]}}",
     "funnel.meeting_rate", "skip_rate"},
    /* ... and may not be ranged */
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"meetings\"]},"
     " \"uncertainty\": {\"ranges\": {\"funnel.meeting_rate\": [0.5, 1]}}}",
     "uncertainty.ranges.funnel.meeting_rate", "skip_rate"},
    /* a billing model or internal cost that needs a skipped count */
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"meetings\"]}, \"costs\": {\"model\": \"per_meeting\"}}",
     "costs.model", NULL},
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"held\"]}, \"costs\": {\"model\": \"per_meeting\","
     " \"meeting_basis\": \"held\"}}", "costs.model", NULL},
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"held\"]},"
     " \"costs\": {\"internal_hours_per_meeting\": 1, \"internal_hourly_cost\": 50}}",
     "costs.internal_hours_per_meeting", NULL},
    {"{\"costs\": {\"commission_rate\": 1.5}}", "costs.commission_rate", NULL},
    /* the goal */
    {"{\"goal\": {\"metric\": \"profit\"}}", "goal.metric", NULL},
    {"{\"goal\": {\"metric\": \"net\", \"value\": -1}}", "goal.value", NULL},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"goal\": {\"metric\": \"held\", \"value\": 5}}",
     "goal.metric", "goal_stage"},
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"meetings\"]},"
     " \"goal\": {\"metric\": \"meetings\", \"value\": 5}}", "goal.metric", "goal_stage"},
    {"{\"goal\": 3}", "goal", NULL},
    /* the schedule */
    {"{\"schedule\": {\"months\": 2.5}}", "schedule.months", NULL},
    {"{\"schedule\": {\"months\": 61}}", "schedule.months", NULL},
    {"{\"schedule\": {\"setup_cost\": -1}}", "schedule.setup_cost", NULL},
    {"{\"schedule\": {\"ramp\": [0.5, 1.5]}}", "schedule.ramp[1]", NULL},
    {"{\"schedule\": {\"ramp\": [0.5, \"x\"]}}", "schedule.ramp[1]", NULL},
    {"{\"schedule\": {\"ramp\": [1,1,1,1,1,1,1,1,1,1,1,1,1]}}", "schedule.ramp", NULL},
    /* channels hold no schedule and no goal */
    {"{\"channels\": [{\"schedule\": {\"months\": 3}}]}", "channels[0].schedule", NULL},
    {"{\"channels\": [{\"goal\": {\"metric\": \"net\"}}]}", "channels[0].goal", NULL},
    {"{\"channels\": [{\"funnel\": {\"entry\": \"leads\", \"meeting_rate\": 0.4, \"skip\": [\"meetings\"]}}]}",
     "channels[0].funnel.meeting_rate", "skip_rate"},
};

static void test_json_revision_rules_name_their_field(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof REVISION_ERRORS / sizeof REVISION_ERRORS[0]; i++) {
        const coded_case *c = &REVISION_ERRORS[i];
        bool valid = true;
        cJSON *doc = test_eval_text(c->doc, &valid);
        const cJSON *e, *hit = NULL;
        cJSON_ArrayForEach(e, cJSON_GetObjectItem(doc, "errors")) {
            const cJSON *f = cJSON_GetObjectItem(e, "field");
            if (cJSON_IsString(f) && strcmp(f->valuestring, c->field) == 0)
                hit = e;
        }
        if (valid || !hit) {
            char *text = cJSON_Print(doc);
            print_error("case %zu: %s\nexpected an error on %s, got %s\n", i, c->doc, c->field, text);
            free(text);
        }
        assert_false(valid);
        assert_non_null(hit);
        if (c->code)
            assert_string_equal(cJSON_GetObjectItem(hit, "code")->valuestring, c->code);
        cJSON_Delete(doc);
    }
}

static void test_json_each_rule_names_its_field(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ERRORS / sizeof ERRORS[0]; i++) {
        bool valid = true;
        cJSON *doc = test_eval_text(ERRORS[i].doc, &valid);
        if (valid || !test_has_diag(doc, "errors", ERRORS[i].field)) {
            char *text = cJSON_PrintUnformatted(doc);
            print_error("%s: expected an error on '%s', got %s\n", ERRORS[i].doc,
                        ERRORS[i].field, text);
            free(text);
        }
        assert_false(valid);
        assert_true(cJSON_IsFalse(cJSON_GetObjectItem(doc, "ok")));
        assert_true(test_has_diag(doc, "errors", ERRORS[i].field));
        /* An invalid scenario gives no numbers at all. */
        assert_null(cJSON_GetObjectItem(doc, "roi"));
        assert_null(cJSON_GetObjectItem(doc, "funnel"));
        cJSON_Delete(doc);
    }
}

static const rule_case VALID_EDGES[] = {
    {"{}", NULL},
    {"{\"version\": null, \"name\": null, \"funnel\": null, \"costs\": {\"fixed\": null}}", NULL},
    {"{\"target_roi\": -0.99, \"target_ltv_cac\": 1000}", NULL},
    {"{\"time\": {\"talk_share\": 1}, \"horizon_months\": 600}", NULL},
    {"{\"funnel\": {\"close_rate\": 0, \"volume\": 1e9}}", NULL},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"costs\": {\"internal_hours_per_meeting\": 2}}",
     NULL},
    {"{\"funnel\": {\"entry\": \"held\"}, \"costs\": {\"model\": \"per_meeting\","
     " \"meeting_basis\": \"held\", \"per_meeting\": 100}}", NULL},
};

static void test_json_edges_and_nulls_are_valid(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof VALID_EDGES / sizeof VALID_EDGES[0]; i++) {
        bool valid = false;
        cJSON *doc = test_eval_text(VALID_EDGES[i].doc, &valid);
        if (!valid) {
            char *text = cJSON_PrintUnformatted(doc);
            print_error("%s: expected valid, got %s\n", VALID_EDGES[i].doc, text);
            free(text);
        }
        assert_true(valid);
        cJSON_Delete(doc);
    }
}

static void test_json_per_call_with_unknown_calls_is_an_error(void **state)
{
    /* Even a price of 0 cannot be billed per call when calls are unknown:
     * the model itself needs the count. */
    bool valid = true;
    (void)state;
    cJSON *doc = test_eval_text(
        "{\"funnel\": {\"entry\": \"leads\"}, \"costs\": {\"model\": \"per_call\"}}", &valid);
    assert_false(valid);
    assert_true(test_has_diag(doc, "errors", "costs.model"));
    cJSON_Delete(doc);
}

static void test_json_defaults_are_the_contract(void **state)
{
    bool valid = false;
    (void)state;
    cJSON *doc = test_eval_text("{}", &valid);
    assert_true(valid);
    assert_json_number(doc, "version", 1, 0);
    assert_string_equal(cJSON_GetObjectItem(doc, "currency")->valuestring, "EUR");
    assert_string_equal(cJSON_GetObjectItem(doc, "name")->valuestring, "");
    assert_json_number(doc, "hours_total", 0, 0);
    assert_json_number(doc, "funnel.calls", 0, 0);
    assert_json_number(doc, "breakeven.target_roi", 0, 0);
    assert_json_null(doc, "roi");
    assert_json_null(doc, "reallocation");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "comparison")), 1);
    /* in_house is the default model and always has a row. */
    assert_string_equal(test_path(doc, "billing[0].model")->valuestring, "in_house");
    cJSON_Delete(doc);
}

static const rule_case WARNINGS[] = {
    {"{\"colour\": \"blue\"}", "colour"},
    {"{\"funnel\": {\"close\": 0.2}}", "funnel.close"},
    {"{\"costs\": {\"fixed\": [{\"label\": \"a\", \"amount\": 1, \"vat\": 0.2}]}}", "costs.fixed[0].vat"},
    {"{\"channels\": [{\"bar\": 1}]}", "channels[0].bar"},
    {"{\"uncertainty\": {\"ranges\": {\"costs.per_meeting\": [1, 2]}}}", "uncertainty.ranges.costs.per_meeting"},
    {"{\"uncertainty\": {\"seed\": 3}}", "uncertainty.seed"},
    {"{\"channels\": [{\"currency\": \"USD\"}]}", "channels[0].currency"},
};

static void test_json_unknown_keys_warn_and_still_compute(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof WARNINGS / sizeof WARNINGS[0]; i++) {
        bool valid = false;
        cJSON *doc = test_eval_text(WARNINGS[i].doc, &valid);
        if (!test_has_diag(doc, "warnings", WARNINGS[i].field))
            print_error("%s: no warning on %s\n", WARNINGS[i].doc, WARNINGS[i].field);
        assert_true(valid);
        assert_true(test_has_diag(doc, "warnings", WARNINGS[i].field));
        cJSON_Delete(doc);
    }
}

static void test_json_reports_every_problem_at_once(void **state)
{
    bool valid = true;
    size_t len;
    (void)state;
    char *text = test_read_file(ROI_FIXTURES "/invalid/many-errors.json", &len);
    cJSON *doc = test_eval_text(text, &valid);
    static const char *const fields[] = {
        "currency", "horizon_months", "funnel.close_rate", "funnel.rounding",
        "value.deal_value", "value.margin_rate", "costs.model", "costs.fixed[0].amount",
        "channels[0].value.margin_rate", "channels[0].channels"};
    assert_false(valid);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        assert_true(test_has_diag(doc, "errors", fields[i]));
    assert_true(test_has_diag(doc, "warnings", "colour"));
    cJSON_Delete(doc);
    free(text);
}

static void test_json_text_length_counts_characters(void **state)
{
    char doc[2048];
    char name[512] = "";
    (void)state;
    for (int chars = 80; chars <= 81; chars++) {
        bool valid;
        name[0] = '\0';
        for (int i = 0; i < chars; i++)
            strcat(name, "\xc3\xa9"); /* é: two bytes, one character */
        snprintf(doc, sizeof doc, "{\"name\": \"%s\", \"costs\": {\"fixed\": [{\"label\": \"%s\"}]}}",
                 name, name);
        cJSON *out = test_eval_text(doc, &valid);
        assert_int_equal(valid, chars == 80);
        if (chars == 81) {
            assert_true(test_has_diag(out, "errors", "name"));
            assert_true(test_has_diag(out, "errors", "costs.fixed[0].label"));
        }
        cJSON_Delete(out);
    }
}

static void test_json_rejects_broken_text(void **state)
{
    static const char *const docs[] = {
        "{\"name\": \"caf\xc3\"}",          /* truncated UTF-8 */
        "{\"name\": \"\xff\xfe\"}",         /* not UTF-8 */
        "{\"name\": \"a\\u0000b\"}",       /* NUL inside */
        "{\"name\": \"tab\\there\"}",      /* control character */
        "{\"name\": \"\xed\xa0\x80\"}",     /* UTF-16 surrogate */
    };
    (void)state;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        bool valid = true;
        char *out = roi_eval_json(docs[i], strlen(docs[i]), 0, &valid);
        assert_non_null(out);
        /* The NUL escape ends the C string early: "a" is a valid name. */
        if (i != 2) {
            assert_false(valid);
            assert_non_null(strstr(out, "\"field\":\"name\""));
        }
        roi_free(out);
    }
}

static void test_json_limits_on_size_nesting_and_noise(void **state)
{
    bool valid = true;
    (void)state;
    /* Over 1 MiB. */
    size_t n = ROI_MAX_INPUT + 1;
    char *big = malloc(n + 1);
    memset(big, ' ', n);
    big[0] = '{';
    big[n - 1] = '}';
    big[n] = '\0';
    char *out = roi_eval_json(big, n, 0, &valid);
    assert_false(valid);
    assert_non_null(strstr(out, "over the limit of 1 MiB"));
    roi_free(out);
    /* Exactly 1 MiB is read. */
    big[n - 2] = '}';
    out = roi_eval_json(big, n - 1, 0, &valid);
    assert_true(valid);
    roi_free(out);
    free(big);

    /* Nesting: ROI_MAX_DEPTH levels parse, one more is refused. */
    for (int depth = ROI_MAX_DEPTH; depth <= ROI_MAX_DEPTH + 1; depth++) {
        char doc[256] = "{\"x\":";
        for (int i = 1; i < depth; i++)
            strcat(doc, "[");
        for (int i = 1; i < depth; i++)
            strcat(doc, "]");
        if (depth == 1)
            strcat(doc, "0");
        strcat(doc, "}");
        out = roi_eval_json(doc, strlen(doc), 0, &valid);
        assert_int_equal(valid, depth == ROI_MAX_DEPTH);
        if (!valid)
            assert_non_null(strstr(out, "nested more than"));
        roi_free(out);
    }
    /* A million brackets: refused quickly, no stack overflow. */
    n = 1000000;
    big = malloc(n + 1);
    memset(big, '[', n);
    big[n] = '\0';
    out = roi_eval_json(big, n, 0, &valid);
    assert_false(valid);
    roi_free(out);
    free(big);

    /* 5000 unknown keys: warnings are capped with a closing count. */
    size_t cap = 5000 * 16 + 16;
    char *noisy = malloc(cap);
    size_t o = (size_t)snprintf(noisy, cap, "{");
    for (int i = 0; i < 5000; i++)
        o += (size_t)snprintf(noisy + o, cap - o, "%s\"k%d\":0", i ? "," : "", i);
    snprintf(noisy + o, cap - o, "}");
    cJSON *doc = test_eval_text(noisy, &valid);
    assert_true(valid);
    cJSON *warnings = cJSON_GetObjectItem(doc, "warnings");
    assert_int_equal(cJSON_GetArraySize(warnings), ROI_DIAG_MAX + 1);
    const cJSON *last = cJSON_GetArrayItem(warnings, ROI_DIAG_MAX);
    assert_non_null(strstr(cJSON_GetObjectItem(last, "message")->valuestring,
                           "4900 more not listed"));
    cJSON_Delete(doc);
    free(noisy);
}

static void test_json_malformed_input_says_where(void **state)
{
    bool valid = true;
    (void)state;
    const char *doc = "{\n  \"funnel\": {\n    \"volume\": 12,,\n  }\n}";
    char *out = roi_eval_json(doc, strlen(doc), 0, &valid);
    assert_false(valid);
    assert_non_null(strstr(out, "malformed JSON at line 3"));
    roi_free(out);
    out = roi_eval_json("{}  x", 5, 0, &valid);
    assert_false(valid);
    assert_non_null(strstr(out, "unexpected text after the JSON document"));
    roi_free(out);
    /* Length is honoured: what follows len is not read. */
    out = roi_eval_json("{}garbage", 2, 0, &valid);
    assert_true(valid);
    roi_free(out);
}

/* ---- output format -------------------------------------------------------- */

static void test_json_numbers_read_back_to_the_same_double(void **state)
{
    /* ROI 1/3 and other values that need 16-17 digits. */
    static const char doc[] =
        "{\"funnel\": {\"entry\": \"deals\", \"volume\": 1}, \"value\": {\"deal_value\": 4000},"
        " \"costs\": {\"model\": \"flat\", \"flat_fee\": 3000}, \"time\": {\"hours_per_operator\": 7}}";
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_result *r = malloc(sizeof *r);
    bool valid;
    (void)state;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    assert_int_equal(roi_scenario_parse(doc, strlen(doc), &s, &errors, &warnings), ROI_OK);
    assert_int_equal(roi_evaluate(s, r), ROI_OK);
    char *out = roi_eval_json(doc, strlen(doc), 0, &valid);
    const char *roi_text = strstr(out, "\"roi\":") + 6;
    assert_true(strtod(roi_text, NULL) == r->figures.roi);
    assert_true(r->figures.roi != 0.3333333333333333 || strncmp(roi_text, "0.3333333333333333", 18) == 0);
    const char *hourly = strstr(out, "\"per_hour\":{\"revenue\":") + 22;
    assert_true(strtod(hourly, NULL) == r->figures.per_hour.revenue);
    /* No NaN or infinity ever reaches the text. */
    assert_null(strstr(out, "nan"));
    assert_null(strstr(out, "inf"));
    roi_free(out);
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    free(r);
}

static void test_json_pretty_and_compact_are_the_same_document(void **state)
{
    size_t len;
    bool valid;
    (void)state;
    char *text = test_read_file(ROI_FIXTURES "/lead-generation.json", &len);
    char *compact = roi_eval_json(text, len, 0, &valid);
    char *pretty = roi_eval_json(text, len, ROI_JSON_PRETTY, &valid);
    assert_non_null(strchr(pretty, '\n'));
    assert_null(strchr(compact, '\n'));
    cJSON *a = cJSON_Parse(compact), *b = cJSON_Parse(pretty);
    assert_true(cJSON_Compare(a, b, true));
    cJSON_Delete(a);
    cJSON_Delete(b);
    roi_free(compact);
    roi_free(pretty);
    free(text);
}

static void test_json_canonical_scenario_round_trips(void **state)
{
    static const char doc[] =
        "{\"name\": \"Test \\\"quoted\\\" é\", \"currency\": \"CHF\", \"target_roi\": 0.25,"
        " \"funnel\": {\"entry\": \"contacts\", \"volume\": 300, \"lead_rate\": 0.4, \"rounding\": \"expected\"},"
        " \"costs\": {\"model\": \"per_deal\", \"per_deal\": 500, \"fixed\": [{\"label\": \"x\", \"amount\": 1}]},"
        " \"uncertainty\": {\"spread\": 0.1, \"ranges\": {\"funnel.lead_rate\": [0.3, 0.5]}},"
        " \"channels\": [{\"name\": \"B\", \"currency\": \"CHF\"}], \"reallocation\": {\"min_roi\": 0.5, \"shift\": 0.3}}";
    roi_diags errors, warnings;
    roi_scenario *s = NULL, *back = NULL;
    (void)state;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    assert_int_equal(roi_scenario_parse(doc, strlen(doc), &s, &errors, &warnings), ROI_OK);
    char *canon = roi_scenario_to_json(s, ROI_JSON_PRETTY);
    assert_int_equal(roi_scenario_parse(canon, strlen(canon), &back, &errors, &warnings), ROI_OK);
    assert_int_equal(warnings.count, 0);
    char *again = roi_scenario_to_json(back, ROI_JSON_PRETTY);
    assert_string_equal(canon, again);
    assert_true(back->reallocation_min_roi_given);
    assert_int_equal(back->main.in.funnel.rounding, ROI_ROUND_EXPECTED);
    roi_free(canon);
    roi_free(again);
    roi_scenario_free(s);
    roi_scenario_free(back);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
}

static void test_json_rounding_modes(void **state)
{
    static const char *const docs[] = {
        "{\"funnel\": {\"entry\": \"meetings\", \"volume\": 50, \"close_rate\": 0.25}}",
        "{\"funnel\": {\"entry\": \"meetings\", \"volume\": 50, \"close_rate\": 0.25,"
        " \"rounding\": \"expected\"}}"};
    static const double deals[] = {12, 12.5};
    (void)state;
    for (size_t i = 0; i < 2; i++) {
        bool valid;
        cJSON *doc = test_eval_text(docs[i], &valid);
        assert_true(valid);
        assert_json_number(doc, "funnel.deals", deals[i], 1e-12);
        assert_json_number(doc, "funnel.deals_expected", 12.5, 1e-12);
        cJSON_Delete(doc);
    }
}

static void test_json_special_characters_are_escaped(void **state)
{
    bool valid;
    (void)state;
    cJSON *doc = test_eval_text("{\"name\": \"a\\\"b\\\\c</script>\\u00e9\"}", &valid);
    assert_true(valid);
    assert_string_equal(cJSON_GetObjectItem(doc, "name")->valuestring, "a\"b\\c</script>\xc3\xa9");
    cJSON_Delete(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_worked_examples),
        cmocka_unit_test(test_json_result_has_every_key),
        cmocka_unit_test(test_json_each_rule_names_its_field),
        cmocka_unit_test(test_json_revision_rules_name_their_field),
        cmocka_unit_test(test_json_edges_and_nulls_are_valid),
        cmocka_unit_test(test_json_per_call_with_unknown_calls_is_an_error),
        cmocka_unit_test(test_json_defaults_are_the_contract),
        cmocka_unit_test(test_json_unknown_keys_warn_and_still_compute),
        cmocka_unit_test(test_json_reports_every_problem_at_once),
        cmocka_unit_test(test_json_text_length_counts_characters),
        cmocka_unit_test(test_json_rejects_broken_text),
        cmocka_unit_test(test_json_limits_on_size_nesting_and_noise),
        cmocka_unit_test(test_json_malformed_input_says_where),
        cmocka_unit_test(test_json_numbers_read_back_to_the_same_double),
        cmocka_unit_test(test_json_pretty_and_compact_are_the_same_document),
        cmocka_unit_test(test_json_canonical_scenario_round_trips),
        cmocka_unit_test(test_json_rounding_modes),
        cmocka_unit_test(test_json_special_characters_are_escaped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
