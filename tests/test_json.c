/*
 * test_json.c - scenario documents in, result documents out: the worked
 * examples, every validation rule, hostile input, and the output format.
 */
#include "test_util.h"

#include "roi_fields.h"
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
    const char *code;    /* with this code (docs/ERRORS.md) */
} rule_case;

/* Every entry of errors and warnings has a code from the table (not the
 * transitional "message"), a params object and the message its template
 * gives. */
static void assert_all_coded(const cJSON *doc)
{
    static const char *const lists[] = {"errors", "warnings"};
    size_t count;
    const roi_code_info *table = roi_code_table(&count);
    for (size_t l = 0; l < 2; l++) {
        const cJSON *item;
        cJSON_ArrayForEach(item, cJSON_GetObjectItem(doc, lists[l])) {
            const cJSON *code = cJSON_GetObjectItem(item, "code");
            assert_true(cJSON_IsString(code));
            assert_string_not_equal(code->valuestring, "message");
            size_t c = 0;
            while (c < count && strcmp(table[c].name, code->valuestring) != 0)
                c++;
            assert_true(c < count);
            assert_true(cJSON_IsObject(cJSON_GetObjectItem(item, "params")));
            assert_true(cJSON_IsString(cJSON_GetObjectItem(item, "message")));
            assert_true(cJSON_IsString(cJSON_GetObjectItem(item, "field")));
        }
    }
}

static const rule_case ERRORS[] = {
    {"{\"version\": 2}", "version", "version"},
    {"{\"version\": \"1\"}", "version", "type"},
    {"{\"name\": 12}", "name", "type"},
    {"{\"currency\": \"eur\"}", "currency", "currency"},
    {"{\"currency\": \"EURO\"}", "currency", "currency"},
    {"{\"currency\": \"E1R\"}", "currency", "currency"},
    {"{\"currency\": 978}", "currency", "type"},
    {"{\"horizon_months\": 601}", "horizon_months", "range"},
    {"{\"horizon_months\": -1}", "horizon_months", "range"},
    {"{\"target_roi\": -1}", "target_roi", "range_above"},
    {"{\"target_roi\": 1000.5}", "target_roi", "range_above"},
    {"{\"target_ltv_cac\": 0}", "target_ltv_cac", "range_above"},
    {"{\"time\": {\"talk_share\": 0}}", "time.talk_share", "range_above"},
    {"{\"time\": {\"talk_share\": 1.01}}", "time.talk_share", "range_above"},
    {"{\"time\": {\"operators\": true}}", "time.operators", "type"},
    {"{\"time\": 3}", "time", "type"},
    {"{\"funnel\": {\"close_rate\": 1.5}}", "funnel.close_rate", "range"},
    {"{\"funnel\": {\"contact_rate\": -0.1}}", "funnel.contact_rate", "range"},
    {"{\"funnel\": {\"volume\": 1e10}}", "funnel.volume", "range"},
    {"{\"funnel\": {\"volume\": 1e999}}", "funnel.volume", "not_finite"},
    {"{\"funnel\": {\"entry\": \"visits\"}}", "funnel.entry", "enum"},
    {"{\"funnel\": {\"entry\": 3}}", "funnel.entry", "type"},
    {"{\"funnel\": {\"rounding\": \"up\"}}", "funnel.rounding", "enum"},
    {"{\"value\": {\"deal_value\": \"6000\"}}", "value.deal_value", "type"},
    {"{\"value\": {\"margin_rate\": 2}}", "value.margin_rate", "range"},
    {"{\"value\": {\"sales_cycle_months\": 121}}", "value.sales_cycle_months", "range"},
    {"{\"costs\": {\"model\": \"per_lead\"}}", "costs.model", "enum"},
    {"{\"costs\": {\"meeting_basis\": \"signed\"}}", "costs.meeting_basis", "enum"},
    {"{\"costs\": {\"per_meeting\": -120}}", "costs.per_meeting", "range"},
    {"{\"costs\": {\"internal_hourly_cost\": 2e9}}", "costs.internal_hourly_cost", "range"},
    {"{\"costs\": {\"fixed\": {}}}", "costs.fixed", "type"},
    {"{\"costs\": {\"fixed\": [3]}}", "costs.fixed[0]", "type"},
    {"{\"costs\": {\"fixed\": [{\"label\": 3}]}}", "costs.fixed[0].label", "type"},
    {"{\"costs\": {\"fixed\": [{\"amount\": -5}]}}", "costs.fixed[0].amount", "range"},
    {"{\"funnel\": {\"entry\": \"meetings\"}, \"costs\": {\"model\": \"per_call\"}}", "costs.model",
     "needs_count"},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"costs\": {\"model\": \"per_meeting\"}}",
     "costs.model", "needs_count"},
    {"{\"funnel\": {\"entry\": \"held\"}, \"costs\": {\"model\": \"hybrid\"}}", "costs.model",
     "needs_count"},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"costs\": {\"internal_hours_per_meeting\": 1,"
     " \"internal_hourly_cost\": 50}}", "costs.internal_hours_per_meeting", "needs_held"},
    {"{\"uncertainty\": {\"spread\": 1.5}}", "uncertainty.spread", "range"},
    {"{\"uncertainty\": []}", "uncertainty", "type"},
    {"{\"uncertainty\": {\"ranges\": []}}", "uncertainty.ranges", "type"},
    {"{\"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.1]}}}",
     "uncertainty.ranges.funnel.close_rate", "pair"},
    {"{\"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.1, \"x\"]}}}",
     "uncertainty.ranges.funnel.close_rate", "pair"},
    {"{\"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.1, 1e999]}}}",
     "uncertainty.ranges.funnel.close_rate", "not_finite"},
    {"{\"funnel\": {\"close_rate\": 0.25}, \"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.3, 0.4]}}}",
     "uncertainty.ranges.funnel.close_rate", "range_order"},
    {"{\"funnel\": {\"close_rate\": 0.25}, \"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.2, 1.2]}}}",
     "uncertainty.ranges.funnel.close_rate", "range_bounds"},
    {"{\"reallocation\": {\"min_roi\": -1}}", "reallocation.min_roi", "range_above"},
    {"{\"reallocation\": {\"shift\": 2}}", "reallocation.shift", "range"},
    {"{\"channels\": {}}", "channels", "type"},
    {"{\"channels\": [7]}", "channels[0]", "type"},
    {"{\"channels\": [{}, {\"value\": {\"margin_rate\": 2}}]}", "channels[1].value.margin_rate",
     "range"},
    {"{\"channels\": [{\"channels\": []}]}", "channels[0].channels", "not_allowed"},
    {"{\"channels\": [{\"uncertainty\": {}}]}", "channels[0].uncertainty", "not_allowed"},
    {"{\"channels\": [{\"reallocation\": {}}]}", "channels[0].reallocation", "not_allowed"},
    {"{\"channels\": [{\"version\": 2}]}", "channels[0].version", "version"},
    {"{\"channels\": [{\"funnel\": {\"entry\": \"deals\"}, \"costs\": {\"model\": \"per_call\"}}]}",
     "channels[0].costs.model", "needs_count"},
    {"{\"funnel\": {\"skip\": \"meetings\"}}", "funnel.skip", "type"},
    {"{\"funnel\": {\"skip\": [3]}}", "funnel.skip[0]", "type"},
    {"{\"funnel\": {\"skip\": [\"visits\"]}}", "funnel.skip[0]", "enum"},
    {"{\"funnel\": {\"skip\": [\"meetings\", \"meetings\"]}}", "funnel.skip[1]", "duplicate"},
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"leads\"]}}", "funnel.skip", "skip_order"},
    {"{\"funnel\": {\"skip\": [\"deals\"]}}", "funnel.skip", "skip_order"},
    {"{\"funnel\": {\"skip\": [\"meetings\"], \"meeting_rate\": 0.5}}", "funnel.meeting_rate",
     "skip_rate"},
    {"{\"funnel\": {\"skip\": [\"meetings\"]}, \"uncertainty\": {\"ranges\":"
     " {\"funnel.meeting_rate\": [0.5, 1]}}}", "uncertainty.ranges.funnel.meeting_rate", "skip_rate"},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"goal\": {\"metric\": \"meetings\"}}",
     "goal.metric", "goal_stage"},
    {"{\"goal\": {\"metric\": \"profit\"}}", "goal.metric", "enum"},
    {"{\"schedule\": {\"ramp\": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}}", "schedule.ramp", "too_many"},
    {"{\"schedule\": {\"ramp\": {}}}", "schedule.ramp", "type"},
    {"{\"schedule\": {\"ramp\": [2]}}", "schedule.ramp[0]", "range"},
    {"{\"schedule\": 3}", "schedule", "type"},
    {"{\"channels\": [{\"schedule\": {\"months\": 3}}]}", "channels[0].schedule", "not_allowed"},
    {"{\"channels\": [{\"goal\": {\"metric\": \"net\"}}]}", "channels[0].goal", "not_allowed"},
    {"{\"costs\": {\"commission_rate\": 2}}", "costs.commission_rate", "range"},
    {"[1, 2]", "", "not_object"},
    {"42", "", "not_object"},
    {"\"scenario\"", "", "not_object"},
    {"{\"funnel\": {\"close_rate\": 0.25,}}", "", "json"},
    {"{} {}", "", "trailing"},
    {"{\"a\":", "", "json"},
    {"", "", "empty"},
    {" \n\t ", "", "empty"},
    {"{\"name\": \"a\\u0000b\"}", "", "nul_char"},
};

/* 2026-12 rules: skipped stages, the goal, the schedule, scenario-only
 * sections in channels, each with its code (docs/ERRORS.md). */
typedef struct {
    const char *doc;
    const char *field;
    const char *code;
} coded_case;

static const coded_case REVISION_ERRORS[] = {
    /* the entry stage cannot be skipped; neither can deals */
    {"{\"funnel\": {\"entry\": \"meetings\", \"skip\": [\"meetings\"]}}", "funnel.skip", "skip_order"},
    {"{\"funnel\": {\"skip\": [\"deals\"]}}", "funnel.skip", "skip_order"},
    {"{\"funnel\": {\"skip\": [\"held\", \"held\"]}}", "funnel.skip[1]", "duplicate"},
    {"{\"funnel\": {\"skip\": [\"demo\"]}}", "funnel.skip[0]", "enum"},
    {"{\"funnel\": {\"skip\": \"held\"}}", "funnel.skip", "type"},
    /* a rate into a skipped stage must be 1 */
    {"{\"funnel\": {\"entry\": \"leads\", \"meeting_rate\": 0.5, \"skip\": [\"meetings\"]}}",
     "funnel.meeting_rate", "skip_rate"},
    /* ... and may not be ranged */
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"meetings\"]},"
     " \"uncertainty\": {\"ranges\": {\"funnel.meeting_rate\": [0.5, 1]}}}",
     "uncertainty.ranges.funnel.meeting_rate", "skip_rate"},
    /* a billing model or internal cost that needs a skipped count */
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"meetings\"]}, \"costs\": {\"model\": \"per_meeting\"}}",
     "costs.model", "needs_count"},
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"held\"]}, \"costs\": {\"model\": \"per_meeting\","
     " \"meeting_basis\": \"held\"}}", "costs.model", "needs_count"},
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"held\"]},"
     " \"costs\": {\"internal_hours_per_meeting\": 1, \"internal_hourly_cost\": 50}}",
     "costs.internal_hours_per_meeting", "needs_held"},
    {"{\"costs\": {\"commission_rate\": 1.5}}", "costs.commission_rate", "range"},
    /* the goal */
    {"{\"goal\": {\"metric\": \"profit\"}}", "goal.metric", "enum"},
    {"{\"goal\": {\"metric\": \"net\", \"value\": -1}}", "goal.value", "range"},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"goal\": {\"metric\": \"held\", \"value\": 5}}",
     "goal.metric", "goal_stage"},
    {"{\"funnel\": {\"entry\": \"leads\", \"skip\": [\"meetings\"]},"
     " \"goal\": {\"metric\": \"meetings\", \"value\": 5}}", "goal.metric", "goal_stage"},
    {"{\"goal\": 3}", "goal", "type"},
    /* the schedule */
    {"{\"schedule\": {\"months\": 2.5}}", "schedule.months", "whole_range"},
    {"{\"schedule\": {\"months\": 61}}", "schedule.months", "whole_range"},
    {"{\"schedule\": {\"setup_cost\": -1}}", "schedule.setup_cost", "range"},
    {"{\"schedule\": {\"ramp\": [0.5, 1.5]}}", "schedule.ramp[1]", "range"},
    {"{\"schedule\": {\"ramp\": [0.5, \"x\"]}}", "schedule.ramp[1]", "type"},
    {"{\"schedule\": {\"ramp\": [1,1,1,1,1,1,1,1,1,1,1,1,1]}}", "schedule.ramp", "too_many"},
    /* channels hold no schedule and no goal */
    {"{\"channels\": [{\"schedule\": {\"months\": 3}}]}", "channels[0].schedule", "not_allowed"},
    {"{\"channels\": [{\"goal\": {\"metric\": \"net\"}}]}", "channels[0].goal", "not_allowed"},
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
        const cJSON *hit = test_diag(doc, "errors", c->field, c->code);
        if (valid || !hit) {
            char *text = cJSON_Print(doc);
            print_error("case %zu: %s\nexpected an error '%s' on %s, got %s\n", i, c->doc, c->code,
                        c->field, text);
            free(text);
        }
        assert_false(valid);
        assert_non_null(hit);
        assert_all_coded(doc);
        cJSON_Delete(doc);
    }
}

static void test_json_each_rule_names_its_field(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ERRORS / sizeof ERRORS[0]; i++) {
        bool valid = true;
        cJSON *doc = test_eval_text(ERRORS[i].doc, &valid);
        if (valid || !test_diag(doc, "errors", ERRORS[i].field, ERRORS[i].code)) {
            char *text = cJSON_PrintUnformatted(doc);
            print_error("%s: expected an error '%s' on '%s', got %s\n", ERRORS[i].doc,
                        ERRORS[i].code, ERRORS[i].field, text);
            free(text);
        }
        assert_false(valid);
        assert_true(cJSON_IsFalse(cJSON_GetObjectItem(doc, "ok")));
        assert_non_null(test_diag(doc, "errors", ERRORS[i].field, ERRORS[i].code));
        assert_all_coded(doc);
        /* An invalid scenario gives no numbers at all. */
        assert_null(cJSON_GetObjectItem(doc, "roi"));
        assert_null(cJSON_GetObjectItem(doc, "funnel"));
        cJSON_Delete(doc);
    }
}

static const rule_case VALID_EDGES[] = {
    {"{}", NULL, NULL},
    {"{\"version\": null, \"name\": null, \"funnel\": null, \"costs\": {\"fixed\": null}}", NULL, NULL},
    {"{\"target_roi\": -0.99, \"target_ltv_cac\": 1000}", NULL, NULL},
    {"{\"time\": {\"talk_share\": 1}, \"horizon_months\": 600}", NULL, NULL},
    {"{\"funnel\": {\"close_rate\": 0, \"volume\": 1e9}}", NULL, NULL},
    {"{\"funnel\": {\"entry\": \"opportunities\"}, \"costs\": {\"internal_hours_per_meeting\": 2}}",
     NULL, NULL},
    {"{\"funnel\": {\"entry\": \"held\"}, \"costs\": {\"model\": \"per_meeting\","
     " \"meeting_basis\": \"held\", \"per_meeting\": 100}}", NULL, NULL},
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
    {"{\"colour\": \"blue\"}", "colour", "unknown_key"},
    {"{\"funnel\": {\"close\": 0.2}}", "funnel.close", "unknown_key"},
    {"{\"costs\": {\"fixed\": [{\"label\": \"a\", \"amount\": 1, \"vat\": 0.2}]}}", "costs.fixed[0].vat",
     "unknown_key"},
    {"{\"channels\": [{\"bar\": 1}]}", "channels[0].bar", "unknown_key"},
    {"{\"uncertainty\": {\"ranges\": {\"costs.per_meeting\": [1, 2]}}}",
     "uncertainty.ranges.costs.per_meeting", "unknown_key"},
    {"{\"uncertainty\": {\"seed\": 3}}", "uncertainty.seed", "unknown_key"},
    {"{\"channels\": [{\"currency\": \"USD\"}]}", "channels[0].currency", "currency_differs"},
};

static void test_json_unknown_keys_warn_and_still_compute(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof WARNINGS / sizeof WARNINGS[0]; i++) {
        bool valid = false;
        cJSON *doc = test_eval_text(WARNINGS[i].doc, &valid);
        if (!test_diag(doc, "warnings", WARNINGS[i].field, WARNINGS[i].code))
            print_error("%s: no warning '%s' on %s\n", WARNINGS[i].doc, WARNINGS[i].code,
                        WARNINGS[i].field);
        assert_true(valid);
        assert_non_null(test_diag(doc, "warnings", WARNINGS[i].field, WARNINGS[i].code));
        assert_all_coded(doc);
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
    assert_all_coded(doc);
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
        "{\"name\": \"a\\u0001b\"}",       /* control character, escaped */
        "{\"name\": \"tab\\there\"}",      /* control character */
        "{\"name\": \"\xed\xa0\x80\"}",     /* UTF-16 surrogate */
    };
    (void)state;
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        bool valid = true;
        char *out = roi_eval_json(docs[i], strlen(docs[i]), 0, &valid);
        assert_non_null(out);
        assert_false(valid);
        assert_non_null(strstr(out, "\"field\":\"name\",\"code\":\"text\""));
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
    cJSON *doc = test_eval_text_len(big, n, &valid);
    assert_false(valid);
    const cJSON *e = test_diag(doc, "errors", "", "too_big");
    assert_non_null(e);
    assert_json_number(e, "params.bytes", ROI_MAX_INPUT + 1, 0);
    assert_json_number(e, "params.max", ROI_MAX_INPUT, 0);
    assert_non_null(strstr(cJSON_GetObjectItem(e, "message")->valuestring, "over the limit"));
    cJSON_Delete(doc);
    /* Exactly 1 MiB is read. */
    big[n - 2] = '}';
    char *out = roi_eval_json(big, n - 1, 0, &valid);
    assert_true(valid);
    roi_free(out);
    free(big);

    /* Nesting: ROI_MAX_DEPTH levels parse, one more is refused. */
    for (int depth = ROI_MAX_DEPTH; depth <= ROI_MAX_DEPTH + 1; depth++) {
        char nested[256] = "{\"x\":";
        for (int i = 1; i < depth; i++)
            strcat(nested, "[");
        for (int i = 1; i < depth; i++)
            strcat(nested, "]");
        if (depth == 1)
            strcat(nested, "0");
        strcat(nested, "}");
        cJSON *res = test_eval_text(nested, &valid);
        assert_int_equal(valid, depth == ROI_MAX_DEPTH);
        if (!valid) {
            e = test_diag(res, "errors", "", "depth");
            assert_non_null(e);
            assert_json_number(e, "params.max", ROI_MAX_DEPTH, 0);
        }
        cJSON_Delete(res);
    }
    /* A million brackets: refused quickly, no stack overflow. */
    n = 1000000;
    big = malloc(n + 1);
    memset(big, '[', n);
    big[n] = '\0';
    doc = test_eval_text_len(big, n, &valid);
    assert_false(valid);
    assert_non_null(test_diag(doc, "errors", "", "depth"));
    cJSON_Delete(doc);
    free(big);

    /* 5000 unknown keys: warnings are capped with a closing count. */
    size_t cap = 5000 * 16 + 16;
    char *noisy = malloc(cap);
    size_t o = (size_t)snprintf(noisy, cap, "{");
    for (int i = 0; i < 5000; i++)
        o += (size_t)snprintf(noisy + o, cap - o, "%s\"k%d\":0", i ? "," : "", i);
    snprintf(noisy + o, cap - o, "}");
    doc = test_eval_text(noisy, &valid);
    assert_true(valid);
    cJSON *warnings = cJSON_GetObjectItem(doc, "warnings");
    assert_int_equal(cJSON_GetArraySize(warnings), ROI_DIAG_MAX + 1);
    assert_string_equal(test_path(warnings, "[0].code")->valuestring, "unknown_key");
    const cJSON *last = cJSON_GetArrayItem(warnings, ROI_DIAG_MAX);
    assert_string_equal(cJSON_GetObjectItem(last, "code")->valuestring, "more");
    assert_json_number(last, "params.count", 4900, 0);
    assert_non_null(strstr(cJSON_GetObjectItem(last, "message")->valuestring,
                           "4900 more not listed"));
    cJSON_Delete(doc);
    free(noisy);
}

static void test_json_malformed_input_says_where(void **state)
{
    bool valid = true;
    (void)state;
    const char *text = "{\n  \"funnel\": {\n    \"volume\": 12,,\n  }\n}";
    cJSON *doc = test_eval_text(text, &valid);
    assert_false(valid);
    const cJSON *e = test_diag(doc, "errors", "", "json");
    assert_non_null(e);
    assert_json_number(e, "params.line", 3, 0);
    assert_json_number(e, "params.column", 19, 0);
    assert_string_equal(cJSON_GetObjectItem(e, "message")->valuestring,
                        "malformed JSON at line 3, column 19");
    cJSON_Delete(doc);
    doc = test_eval_text("{}  x", &valid);
    assert_false(valid);
    e = test_diag(doc, "errors", "", "trailing");
    assert_non_null(e);
    assert_json_number(e, "params.line", 1, 0);
    assert_json_number(e, "params.column", 5, 0);
    cJSON_Delete(doc);
    /* Length is honoured: what follows len is not read. */
    char *out = roi_eval_json("{}garbage", 2, 0, &valid);
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

/* ---- the field list (roi fields) ------------------------------------------ */

static cJSON *fields_doc(void)
{
    char *compact = roi_fields_json(0), *pretty = roi_fields_json(ROI_JSON_PRETTY);
    assert_non_null(compact);
    assert_non_null(pretty);
    cJSON *doc = cJSON_Parse(compact), *again = cJSON_Parse(pretty);
    assert_non_null(doc);
    assert_true(cJSON_Compare(doc, again, true));
    cJSON_Delete(again);
    roi_free(compact);
    roi_free(pretty);
    return doc;
}

static const cJSON *field_entry(const cJSON *doc, const char *path)
{
    const cJSON *e;
    cJSON_ArrayForEach(e, cJSON_GetObjectItem(doc, "fields")) {
        if (strcmp(cJSON_GetObjectItem(e, "path")->valuestring, path) == 0)
            return e;
    }
    fail_msg("roi fields lists no %s", path);
    return NULL;
}

static const char *entry_text(const cJSON *e, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(e, key);
    assert_true(cJSON_IsString(v));
    return v->valuestring;
}

static double entry_number(const cJSON *e, const char *key)
{
    const cJSON *v = cJSON_GetObjectItem(e, key);
    assert_true(cJSON_IsNumber(v));
    return v->valuedouble;
}

static void check_number_entry(const cJSON *doc, const roi_number_field *f, double def)
{
    const cJSON *e = field_entry(doc, f->path);
    assert_string_equal(entry_text(e, "kind"), roi_kind_name(f->kind));
    assert_string_equal(entry_text(e, "key"), f->key);
    assert_string_equal(entry_text(e, "unit"), f->unit);
    assert_string_equal(entry_text(e, "scope"), f->scope == ROI_SCOPE_SCENARIO ? "scenario" : "campaign");
    assert_true(entry_number(e, "default") == def);
    assert_true(entry_number(e, "min") == f->min);
    assert_true(entry_number(e, "max") == f->max);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(e, "min_exclusive")) == f->min_open);
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(e, "whole")) == f->whole);
}

static void test_json_fields_list_every_table_field(void **state)
{
    (void)state;
    cJSON *doc = fields_doc();
    roi_scenario def;
    size_t nn, ns, ne;
    roi_scenario_default(&def);
    const roi_number_field *numbers = roi_number_fields(&nn);
    const roi_number_field *scenario = roi_scenario_number_fields(&ns);
    const roi_enum_field *enums = roi_enum_fields(&ne);
    for (size_t i = 0; i < nn; i++)
        check_number_entry(doc, &numbers[i], roi_number_get(&def.main.in, &numbers[i]));
    for (size_t i = 0; i < ns; i++) {
        if (strcmp(scenario[i].path, "reallocation.min_roi") == 0)
            continue;
        check_number_entry(doc, &scenario[i], roi_number_get(&def, &scenario[i]));
    }
    for (size_t i = 0; i < ne; i++) {
        const cJSON *e = field_entry(doc, enums[i].path);
        const cJSON *values = cJSON_GetObjectItem(e, "values");
        assert_string_equal(entry_text(e, "kind"), "enum");
        assert_string_equal(entry_text(e, "key"), enums[i].key);
        assert_int_equal(cJSON_GetArraySize(values), enums[i].count);
        for (int v = 0; v < enums[i].count; v++)
            assert_string_equal(cJSON_GetArrayItem(values, v)->valuestring, enums[i].names[v]);
        assert_true(cJSON_IsTrue(cJSON_GetObjectItem(e, "nullable")) == enums[i].nullable);
    }
    /* Table fields, version, name, currency, three lists, the ranges, channels. */
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(doc, "fields")),
                     (int)(nn + ns + ne + 3 + 3 + ROI_U_COUNT + 1));

    /* A few by hand, as METHODOLOGY section 2 states them. */
    const cJSON *e = field_entry(doc, "funnel.close_rate");
    assert_true(entry_number(e, "default") == 1);
    assert_string_equal(entry_text(e, "kind"), "rate");
    e = field_entry(doc, "funnel.entry");
    assert_string_equal(entry_text(e, "default"), "calls");
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(e, "values")), 7);
    e = field_entry(doc, "goal.metric");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(e, "default")));
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(e, "nullable")));
    assert_string_equal(entry_text(e, "scope"), "scenario");
    e = field_entry(doc, "schedule.months");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(e, "whole")));
    assert_true(entry_number(e, "min") == 0 && entry_number(e, "max") == 60);
    e = field_entry(doc, "time.talk_share");
    assert_true(cJSON_IsTrue(cJSON_GetObjectItem(e, "min_exclusive")));
    e = field_entry(doc, "reallocation.min_roi");
    assert_true(cJSON_IsNull(cJSON_GetObjectItem(e, "default")));
    assert_string_equal(entry_text(e, "default_from"), "target_roi");
    e = field_entry(doc, "uncertainty.spread");
    assert_true(entry_number(e, "default") == 0.2);
    e = field_entry(doc, "name");
    assert_string_equal(entry_text(e, "key"), "n");
    assert_true(entry_number(e, "max_chars") == ROI_TEXT_CHARS);
    e = field_entry(doc, "currency");
    assert_string_equal(entry_text(e, "key"), "cur");
    assert_string_equal(entry_text(e, "default"), "EUR");
    e = field_entry(doc, "funnel.skip");
    assert_string_equal(entry_text(e, "key"), "skip");
    assert_string_equal(entry_text(e, "kind"), "list");
    assert_int_equal(cJSON_GetArraySize(test_path(e, "item.values")), 5);
    assert_string_equal(cJSON_GetArrayItem(test_path(e, "item.values"), 0)->valuestring, "contacts");
    e = field_entry(doc, "schedule.ramp");
    assert_true(entry_number(e, "max_items") == ROI_MAX_RAMP);
    assert_string_equal(entry_text(e, "key"), "ramp");
    e = field_entry(doc, "costs.fixed");
    assert_true(entry_number(e, "max_items") == ROI_MAX_FIXED);
    assert_string_equal(entry_text(e, "key"), "fix");
    e = field_entry(doc, "channels");
    assert_true(entry_number(e, "max_items") == ROI_MAX_CHANNELS);
    assert_string_equal(entry_text(e, "key"), "c<i>.");
    e = field_entry(doc, "uncertainty.ranges.funnel.close_rate");
    assert_string_equal(entry_text(e, "key"), "r.close");
    assert_true(entry_number(e, "min_items") == 2 && entry_number(e, "max_items") == 2);
    cJSON_Delete(doc);
}

/* The value an entry stands for in a document: its default, or for a null
 * default or an empty list, a valid value of the kind so the path is read. */
static cJSON *entry_value(const cJSON *doc, const cJSON *e)
{
    const char *path = entry_text(e, "path");
    const cJSON *def = cJSON_GetObjectItem(e, "default");
    const cJSON *item = cJSON_GetObjectItem(e, "item");
    static const char ranges[] = "uncertainty.ranges.";
    /* The skip list below holds contacts, whose rate cannot be ranged. */
    if (strcmp(path, "uncertainty.ranges.funnel.contact_rate") == 0)
        return cJSON_CreateNull();
    if (strncmp(path, ranges, sizeof ranges - 1) == 0) {
        double base = entry_number(field_entry(doc, path + sizeof ranges - 1), "default");
        cJSON *pair = cJSON_CreateArray();
        cJSON_AddItemToArray(pair, cJSON_CreateNumber(base));
        cJSON_AddItemToArray(pair, cJSON_CreateNumber(base));
        return pair;
    }
    if (strcmp(entry_text(e, "kind"), "list") != 0 || !cJSON_IsArray(def))
        return cJSON_Duplicate(def, true);
    cJSON *list = cJSON_CreateArray();
    const char *item_kind = entry_text(item, "kind");
    if (strcmp(item_kind, "enum") == 0) {
        cJSON_AddItemToArray(list, cJSON_Duplicate(cJSON_GetArrayItem(cJSON_GetObjectItem(item, "values"), 0), true));
    } else if (strcmp(path, "channels") == 0) {
        cJSON *channel = cJSON_CreateObject();
        const cJSON *f;
        cJSON_ArrayForEach(f, cJSON_GetObjectItem(doc, "fields")) {
            if (strcmp(entry_text(f, "scope"), "campaign") != 0)
                continue;
            const char *p = entry_text(f, "path"), *dot = strchr(p, '.');
            if (!dot) {
                cJSON_AddItemToObject(channel, p, entry_value(doc, f));
                continue;
            }
            char group[32];
            snprintf(group, sizeof group, "%.*s", (int)(dot - p), p);
            cJSON *g = cJSON_GetObjectItem(channel, group);
            if (!g)
                g = cJSON_AddObjectToObject(channel, group);
            cJSON_AddItemToObject(g, dot + 1, entry_value(doc, f));
        }
        cJSON_AddItemToArray(list, channel);
    } else if (strcmp(item_kind, "object") == 0) {
        cJSON *obj = cJSON_CreateObject();
        const cJSON *f;
        cJSON_ArrayForEach(f, cJSON_GetObjectItem(item, "fields"))
            cJSON_AddItemToObject(obj, entry_text(f, "path"),
                                  cJSON_Duplicate(cJSON_GetObjectItem(f, "default"), true));
        cJSON_AddItemToArray(list, obj);
    } else {
        cJSON_AddItemToArray(list, cJSON_CreateNumber(entry_number(item, "max")));
    }
    return list;
}

static void test_json_fields_paths_are_read_without_warning(void **state)
{
    (void)state;
    cJSON *doc = fields_doc(), *scenario = cJSON_CreateObject();
    const cJSON *e;
    size_t count = 0;
    cJSON_ArrayForEach(e, cJSON_GetObjectItem(doc, "fields")) {
        const char *path = entry_text(e, "path"), *dot = strchr(path, '.');
        cJSON *value = entry_value(doc, e);
        count++;
        if (!dot) {
            cJSON_AddItemToObject(scenario, path, value);
            continue;
        }
        char group[32];
        snprintf(group, sizeof group, "%.*s", (int)(dot - path), path);
        cJSON *g = cJSON_GetObjectItem(scenario, group);
        if (!g)
            g = cJSON_AddObjectToObject(scenario, group);
        if (strncmp(path, "uncertainty.ranges.", 19) == 0) {
            cJSON *r = cJSON_GetObjectItem(g, "ranges");
            if (!r)
                r = cJSON_AddObjectToObject(g, "ranges");
            cJSON_AddItemToObject(r, path + 19, value);
        } else {
            cJSON_AddItemToObject(g, dot + 1, value);
        }
    }
    assert_true(count > 50);
    char *text = cJSON_PrintUnformatted(scenario);
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    roi_status st = roi_scenario_parse(text, strlen(text), &s, &errors, &warnings);
    if (st != ROI_OK || warnings.count)
        fail_msg("%s: %s\n%s", errors.count ? errors.items[0].field : warnings.items[0].field,
                 errors.count ? errors.items[0].message : warnings.items[0].message, text);
    assert_int_equal(s->channel_count, 1);
    assert_int_equal(s->main.fixed_count, 1);
    assert_true(s->ranges[ROI_U_CLOSE_RATE].given);
    roi_result *r = malloc(sizeof *r);
    assert_non_null(r);
    assert_int_equal(roi_evaluate(s, r), ROI_OK);
    free(r);
    free(text);
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    cJSON_Delete(scenario);
    cJSON_Delete(doc);
}

/* ---- codes ----------------------------------------------------------------- */

static void test_json_refuses_nul_in_strings(void **state)
{
    static const struct {
        const char *doc;
        size_t len;        /* 0: strlen */
        double line, column;
    } refused[] = {
        {"{\"name\": \"abc\\u0000<script>\"}", 0, 1, 14},
        {"{\"name\": \"a\\\\\\u0000\"}", 0, 1, 14},                 /* "a\\" then \u0000 */
        {"{\n  \"channels\": [{\"name\": \"x\\u0000\"}]\n}", 0, 2, 27},
        {"{\"k\\u0000ey\": 1}", 0, 1, 4},                           /* in a key */
        {"{\"name\": \"a\0b\"}", 15, 1, 12},                         /* a raw NUL byte */
    };
    static const char *const escapes[] = {
        "{\"name\": \"a\\\\u0000\"}",      /* a backslash, then the text u0000: valid */
        "{\"name\": \"\\\\\\\\u0000\"}",   /* two backslashes, then u0000: valid */
        "{\"name\": \"\\u00000\"}",        /* a NUL, then "0": refused */
        "{\"name\": \"\\u0001x\"}",        /* another control character: the name's error */
    };
    (void)state;
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        bool valid = true;
        size_t len = refused[i].len ? refused[i].len : strlen(refused[i].doc);
        cJSON *doc = test_eval_text_len(refused[i].doc, len, &valid);
        const cJSON *e = test_diag(doc, "errors", "", "nul_char");
        if (!e) {
            char *text = cJSON_PrintUnformatted(doc);
            print_error("case %zu: expected nul_char, got %s\n", i, text);
            free(text);
        }
        assert_false(valid);
        assert_non_null(e);
        assert_json_number(e, "params.line", refused[i].line, 0);
        assert_json_number(e, "params.column", refused[i].column, 0);
        cJSON_Delete(doc);
    }
    for (size_t i = 0; i < sizeof escapes / sizeof escapes[0]; i++) {
        bool valid = false;
        cJSON *doc = test_eval_text(escapes[i], &valid);
        if (i < 2) {
            assert_true(valid);
            assert_string_equal(cJSON_GetObjectItem(doc, "name")->valuestring,
                                i == 0 ? "a\\u0000" : "\\\\u0000");
        } else if (i == 2) {
            assert_non_null(test_diag(doc, "errors", "", "nul_char"));
        } else {
            assert_non_null(test_diag(doc, "errors", "name", "text"));
        }
        cJSON_Delete(doc);
    }
}

/* The cell of a Markdown table row between the index-th and next '|', with
 * spaces trimmed, copied into out. */
static void md_cell(const char *line, int index, char *out, size_t size)
{
    const char *p = line;
    for (int i = 0; i < index && p; i++)
        p = strchr(p + 1, '|');
    const char *end = p ? strchr(p + 1, '|') : NULL;
    out[0] = '\0';
    if (!p || !end)
        return;
    p++;
    while (p < end && *p == ' ')
        p++;
    while (end > p && end[-1] == ' ')
        end--;
    snprintf(out, size, "%.*s", (int)(end - p), p);
}

/* The words of a cell written as `a`, `b` (or "—" for none), space-separated
 * as the code table writes its params. */
static void md_words(const char *cell, char *out, size_t size)
{
    size_t o = 0;
    out[0] = '\0';
    for (const char *p = strchr(cell, '`'); p; p = strchr(p, '`')) {
        const char *end = strchr(p + 1, '`');
        assert_non_null(end);
        o += (size_t)snprintf(out + o, size - o, "%s%.*s", o ? " " : "", (int)(end - p - 1), p + 1);
        p = end + 1;
    }
}

/* A cell holding one code span: its contents. */
static void md_code(const char *cell, char *out, size_t size)
{
    size_t n = strlen(cell);
    out[0] = '\0';
    if (n >= 2 && cell[0] == '`' && cell[n - 1] == '`')
        snprintf(out, size, "%.*s", (int)(n - 2), cell + 1);
}

static void test_json_every_code_is_documented(void **state)
{
    size_t count, len;
    const roi_code_info *table = roi_code_table(&count);
    int *rows = calloc(count, sizeof *rows);
    (void)state;
    char *doc = test_read_file(ROI_DOCS "/ERRORS.md", &len);
    for (char *line = strtok(doc, "\n"); line; line = strtok(NULL, "\n")) {
        char code[64], params[256], words[256], template[512], cell[512];
        if (strncmp(line, "| `", 3) != 0)
            continue;
        md_cell(line, 0, cell, sizeof cell);
        md_code(cell, code, sizeof code);
        md_cell(line, 1, params, sizeof params);
        md_words(params, words, sizeof words);
        md_cell(line, 2, cell, sizeof cell);
        md_code(cell, template, sizeof template);
        size_t c = 0;
        while (c < count && strcmp(table[c].name, code) != 0)
            c++;
        if (c == count)
            print_error("docs/ERRORS.md documents '%s', which the code table does not have\n", code);
        assert_true(c < count);
        if (strcmp(words, table[c].params) != 0 || strcmp(template, table[c].message) != 0)
            print_error("%s: docs/ERRORS.md has params '%s' and template '%s', the table '%s' and '%s'\n",
                        code, words, template, table[c].params, table[c].message);
        assert_string_equal(words, table[c].params);
        assert_string_equal(template, table[c].message);
        rows[c]++;
    }
    for (size_t c = 0; c < count; c++) {
        if (rows[c] != 1)
            print_error("code '%s' has %d rows in docs/ERRORS.md\n", table[c].name, rows[c]);
        assert_int_equal(rows[c], 1);
    }
    free(rows);
    free(doc);
}

/* Each template names each of its params, and every {word} in it is one. */
static void test_json_templates_name_their_params(void **state)
{
    size_t count;
    const roi_code_info *table = roi_code_table(&count);
    (void)state;
    for (size_t c = 0; c < count; c++) {
        char params[128], placeholder[72];
        assert_non_null(table[c].name);
        snprintf(params, sizeof params, "%s", table[c].params);
        for (char *p = strtok(params, " "); p; p = strtok(NULL, " ")) {
            snprintf(placeholder, sizeof placeholder, "{%s}", p);
            if (!strstr(table[c].message, placeholder))
                print_error("%s: template does not use %s\n", table[c].name, placeholder);
            assert_non_null(strstr(table[c].message, placeholder));
        }
        for (const char *t = strchr(table[c].message, '{'); t; t = strchr(t + 1, '{')) {
            size_t n = strspn(t + 1, "abcdefghijklmnopqrstuvwxyz_");
            if (n == 0 || t[1 + n] != '}')
                continue;   /* literal text such as {"version": 1} */
            snprintf(placeholder, sizeof placeholder, " %.*s ", (int)n, t + 1);
            snprintf(params, sizeof params, " %s ", table[c].params);
            if (!strstr(params, placeholder))
                print_error("%s: template names %.*s, which is no param\n", table[c].name,
                            (int)n + 2, t);
            assert_non_null(strstr(params, placeholder));
        }
        for (size_t d = 0; d < c; d++)
            assert_string_not_equal(table[c].name, table[d].name);
    }
}

static void test_json_codes_render_params_literally(void **state)
{
    roi_diags d;
    roi_buf b;
    (void)state;
    roi_diags_init(&d);
    ROI_DIAG(&d, "costs.model", ROI_CODE_ENUM, ROI_TXT("value", "$&{x}{allowed}$1"),
             ROI_TXT("allowed", "a, b"));
    ROI_DIAG(&d, "funnel.close_rate", ROI_CODE_RANGE, ROI_NUM("min", 0), ROI_NUM("max", 1),
             ROI_NUM("got", 1.5));
    ROI_DIAG(&d, "target_roi", ROI_CODE_RANGE_ABOVE, ROI_NUM("min", -1), ROI_NUM("max", 1000),
             ROI_NUM("got", -1));
    ROI_DIAG(&d, "costs.model", ROI_CODE_NEEDS_COUNT, ROI_TXT("model", "per_call"),
             ROI_TXT("unit", "call"), ROI_TXT("entry", "meetings"), ROI_TXT("stage", "calls"));
    ROI_DIAG(&d, "", ROI_CODE_TOO_BIG, ROI_NUM("bytes", 1048577), ROI_NUM("max", 1048576));
    ROI_DIAG0(&d, "colour", ROI_CODE_UNKNOWN_KEY);
    ROI_DIAG(&d, "funnel.meeting_rate", ROI_CODE_SKIP_RATE, ROI_TXT("stage", "meetings"));
    ROI_DIAG(&d, "goal.metric", ROI_CODE_GOAL_STAGE, ROI_TXT("stage", "meetings"));
    assert_int_equal(d.count, 8);
    assert_string_equal(d.items[0].message, "unknown value \"$&{x}{allowed}$1\": must be one of a, b");
    assert_string_equal(d.items[1].message, "must be between 0 and 1 (got 1.5)");
    assert_string_equal(d.items[2].message, "must be greater than -1 and at most 1000 (got -1)");
    assert_string_equal(d.items[3].message,
                        "the per_call model is priced per call, but this funnel does not know that "
                        "count (it starts at meetings, or skips calls): start the funnel earlier, "
                        "keep that stage or choose another model");
    assert_string_equal(d.items[4].message,
                        "the text is 1048577 bytes, over the limit of 1048576 bytes");
    assert_string_equal(d.items[5].message, "unknown key, ignored");
    assert_string_equal(d.items[6].message,
                        "leads into meetings, which this funnel skips: it must be 1, with no range");
    assert_string_equal(d.items[7].message, "the goal counts meetings, which this funnel does not know");

    roi_buf_init(&b);
    roi_diags_to_json(&b, &d);
    char *text = roi_buf_finish(&b);
    cJSON *list = cJSON_Parse(text);
    assert_non_null(list);
    assert_string_equal(test_path(list, "[0].code")->valuestring, "enum");
    assert_string_equal(test_path(list, "[0].params.value")->valuestring, "$&{x}{allowed}$1");
    assert_string_equal(test_path(list, "[1].field")->valuestring, "funnel.close_rate");
    assert_json_number(list, "[1].params.got", 1.5, 0);
    assert_string_equal(test_path(list, "[2].code")->valuestring, "range_above");
    assert_int_equal(cJSON_GetArraySize(test_path(list, "[5].params")), 0);
    cJSON_Delete(list);
    roi_free(text);
    roi_diags_free(&d);
}

static void test_json_code_table_as_json(void **state)
{
    size_t count;
    const roi_code_info *table = roi_code_table(&count);
    (void)state;
    char *text = roi_code_table_json();
    assert_non_null(text);
    cJSON *list = cJSON_Parse(text);
    assert_non_null(list);
    assert_int_equal(cJSON_GetArraySize(list), (int)count);
    for (size_t c = 0; c < count; c++) {
        const cJSON *row = cJSON_GetArrayItem(list, (int)c);
        assert_string_equal(cJSON_GetObjectItem(row, "code")->valuestring, table[c].name);
        assert_string_equal(cJSON_GetObjectItem(row, "message")->valuestring, table[c].message);
        char joined[128] = "";
        const cJSON *p;
        cJSON_ArrayForEach(p, cJSON_GetObjectItem(row, "params")) {
            if (joined[0])
                strcat(joined, " ");
            strcat(joined, p->valuestring);
        }
        assert_string_equal(joined, table[c].params);
    }
    cJSON_Delete(list);
    roi_free(text);
}

/* roi_format_number's fast path (decimals without snprintf) writes exactly
 * what the %.15g..%.17g round-trip search writes, on 300 000 values of the
 * kinds documents hold: whole amounts, cents, rates, ratios, tiny and huge. */
static int reference_format(double value, char *buf)
{
    if (value == 0) {
        strcpy(buf, "0");
        return 1;
    }
    int n = 0;
    for (int digits = 15; digits <= 17; digits++) {
        n = snprintf(buf, 32, "%.*g", digits, value);
        if (strtod(buf, NULL) == value)
            break;
    }
    return n;
}

static void test_json_number_text_matches_reference(void **state)
{
    uint64_t x = 88172645463325252u;
    char want[40], got[40];
    (void)state;
    for (long i = 0; i < 300000; i++) {
        x ^= x << 13; x ^= x >> 7; x ^= x << 17;
        double r = (double)(x >> 11) / 9007199254740992.0, v;
        switch (i % 6) {
        case 0: v = floor(r * pow(10, (double)(i % 16))); break;
        case 1: v = floor(r * 1e8) / pow(10, (double)(i % 10)); break;
        case 2: v = r * pow(10, (double)(i % 30) - 10); break;
        case 3: v = (double)(x % 100000) / 100.0; break;
        case 4: v = (double)(x % 2000) / 1000.0 * ((double)(x % 100000) / 7.0); break;
        default: v = (double)(x % 1000000) * 0.05 + 0.1; break;
        }
        if (x & 1)
            v = -v;
        reference_format(v, want);
        roi_format_number(v, got);
        if (strcmp(want, got) != 0)
            print_error("%.17g: want %s, got %s\n", v, want, got);
        assert_string_equal(got, want);
    }
}

/* An unreachable goal: reachable false, the funnel and every number null;
 * no goal and no schedule: both null. */
static void test_json_unreachable_plan_and_absent_sections(void **state)
{
    bool valid = false;
    (void)state;
    cJSON *doc = test_eval_text(
        "{\"funnel\": {\"entry\": \"meetings\", \"volume\": 50, \"close_rate\": 0.25},"
        " \"value\": {\"deal_value\": 6000, \"margin_rate\": 0.4},"
        " \"costs\": {\"model\": \"per_meeting\", \"per_meeting\": 600},"
        " \"goal\": {\"metric\": \"net\", \"value\": 1000}}", &valid);
    assert_true(valid);
    assert_true(cJSON_IsFalse(test_path(doc, "plan.reachable")));
    assert_string_equal(test_path(doc, "plan.metric")->valuestring, "net");
    assert_json_number(doc, "plan.value", 1000, 0);
    assert_true(cJSON_IsNull(test_path(doc, "plan.funnel")));
    static const char *const nulls[] = {"plan.volume", "plan.scale", "plan.hours", "plan.operators",
                                        "plan.cost", "plan.revenue", "plan.margin", "plan.net",
                                        "plan.roi", "plan.sales_hours"};
    for (size_t i = 0; i < sizeof nulls / sizeof nulls[0]; i++)
        assert_json_null(doc, nulls[i]);
    assert_true(cJSON_IsNull(test_path(doc, "schedule")));
    cJSON_Delete(doc);
    doc = test_eval_text("{}", &valid);
    assert_true(cJSON_IsNull(test_path(doc, "plan")));
    assert_true(cJSON_IsNull(test_path(doc, "schedule")));
    assert_int_equal(cJSON_GetArraySize(test_path(doc, "cashflow")), 2);
    cJSON_Delete(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_worked_examples),
        cmocka_unit_test(test_json_result_has_every_key),
        cmocka_unit_test(test_json_each_rule_names_its_field),
        cmocka_unit_test(test_json_revision_rules_name_their_field),
        cmocka_unit_test(test_json_number_text_matches_reference),
        cmocka_unit_test(test_json_unreachable_plan_and_absent_sections),
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
        cmocka_unit_test(test_json_fields_list_every_table_field),
        cmocka_unit_test(test_json_fields_paths_are_read_without_warning),
        cmocka_unit_test(test_json_refuses_nul_in_strings),
        cmocka_unit_test(test_json_every_code_is_documented),
        cmocka_unit_test(test_json_templates_name_their_params),
        cmocka_unit_test(test_json_codes_render_params_literally),
        cmocka_unit_test(test_json_code_table_as_json),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
