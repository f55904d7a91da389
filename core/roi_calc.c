/*
 * roi_calc.c - METHODOLOGY section 3, formula by formula.
 */
#include "roi_calc.h"

#include <string.h>

/* Tolerance of the floor/ceil roundings (METHODOLOGY, Hours and funnel): 16.2
 * deals computed as 16.1999999... must still count 16, and 2.5 -> 3 must not
 * become 4 through noise; 1e9 expected deals must stay 1e9 (at 1e-9 they
 * became 1 000 000 001). */
#define ROUNDING_SLACK 1e-12

static const char *const STAGE_NAMES[ROI_STAGE_COUNT] = {
    "calls", "contacts", "leads", "meetings", "held", "opportunities", "deals"};
static const char *const RATE_NAMES[ROI_RATE_COUNT] = {
    "contact_rate", "lead_rate", "meeting_rate",
    "show_rate", "opportunity_rate", "close_rate"};
static const char *const MODEL_NAMES[ROI_MODEL_COUNT] = {
    "in_house", "hourly", "hybrid", "per_call", "per_meeting", "per_deal", "flat"};
static const char *const GOAL_NAMES[ROI_GOAL_COUNT] = {
    "revenue", "margin", "net", "deals", "meetings", "held"};
static const char *const UNCERTAIN_NAMES[ROI_U_COUNT] = {
    "funnel.volume", "funnel.contact_rate", "funnel.lead_rate",
    "funnel.meeting_rate", "funnel.show_rate", "funnel.opportunity_rate",
    "funnel.close_rate", "value.deal_value", "value.monthly_value",
    "value.margin_rate", "value.lifetime_months"};

const char *roi_stage_name(roi_stage stage)
{
    return (unsigned)stage < ROI_STAGE_COUNT ? STAGE_NAMES[stage] : NULL;
}

const char *roi_rate_name(roi_rate rate)
{
    return (unsigned)rate < ROI_RATE_COUNT ? RATE_NAMES[rate] : NULL;
}

const char *roi_model_name(roi_model model)
{
    return (unsigned)model < ROI_MODEL_COUNT ? MODEL_NAMES[model] : NULL;
}

const char *roi_goal_name(roi_goal goal)
{
    return (unsigned)goal < ROI_GOAL_COUNT ? GOAL_NAMES[goal] : NULL;
}

const char *roi_uncertain_name(roi_uncertain field)
{
    return (unsigned)field < ROI_U_COUNT ? UNCERTAIN_NAMES[field] : NULL;
}

void roi_inputs_default(roi_inputs *in)
{
    memset(in, 0, sizeof *in);
    in->horizon_months = 12;
    in->target_roi = 0;
    in->target_ltv_cac = 3;
    in->time.operators = 1;
    in->time.talk_share = 1;
    in->funnel.entry = ROI_STAGE_CALLS;
    for (int r = 0; r < ROI_RATE_COUNT; r++)
        in->funnel.rate[r] = 1;
    in->funnel.rounding = ROI_ROUND_FLOOR;
    in->value.margin_rate = 1;
    in->costs.model = ROI_MODEL_IN_HOUSE;
    in->costs.meeting_basis = ROI_BASIS_BOOKED;
    in->goal.metric = ROI_GOAL_NONE;
}

void roi_campaign_default(roi_campaign *c)
{
    memset(c, 0, sizeof *c);
    memcpy(c->currency, "EUR", 4);
    roi_inputs_default(&c->in);
}

void roi_scenario_default(roi_scenario *s)
{
    /* The channel slots (20 x 17 KB) are left as they are: none is read
     * before channel_count covers it, and whoever adds a channel sets it to
     * its defaults.  Zeroing them was most of the cost of a JSON round trip. */
    memset(s, 0, offsetof(roi_scenario, channels));
    roi_campaign_default(&s->main);
    s->spread = 0.2;
    s->reallocation_shift = 0.2;
}

/* num / den, or ROI_NULL when the quotient is undefined or overflows. */
static double ratio(double num, double den)
{
    if (den == 0.0)
        return ROI_NULL;
    double q = num / den;
    return isfinite(q) ? q : ROI_NULL;
}

/* The slack of a rounding at x: relative, but never a thousandth of a deal
 * or more.  Funnel counts stay within 1e9, where the cap never applies; the
 * break-even and planner counts can pass 1e12, where 1e-12 * x alone would
 * move the count by a whole deal (2e12 - 2 rounded up to 2e12 - 2). */
static double slack(double x)
{
    return fmin(ROUNDING_SLACK * fmax(1.0, x), 1e-3);
}

static double floor_slack(double x)
{
    return floor(x + slack(x));
}

static double ceil_slack(double x)
{
    return ceil(x - slack(x));
}

bool roi_stage_skipped(const roi_inputs *in, roi_stage stage)
{
    return (unsigned)stage < ROI_STAGE_COUNT && (in->funnel.skip >> stage) & 1u;
}

bool roi_stage_known(const roi_inputs *in, roi_stage stage)
{
    return stage >= in->funnel.entry && stage < ROI_STAGE_COUNT &&
           !roi_stage_skipped(in, stage);
}

static roi_stage billed_stage(const roi_inputs *in)
{
    return in->costs.meeting_basis == ROI_BASIS_HELD ? ROI_STAGE_HELD
                                                     : ROI_STAGE_MEETINGS;
}

roi_stage roi_model_needs(const roi_inputs *in, roi_model model)
{
    switch (model) {
    case ROI_MODEL_HYBRID:
    case ROI_MODEL_PER_MEETING: return billed_stage(in);
    case ROI_MODEL_PER_CALL: return ROI_STAGE_CALLS;
    default: return ROI_STAGE_COUNT;
    }
}

static bool internal_cost_applies(const roi_inputs *in)
{
    return in->costs.internal_hours_per_meeting > 0 &&
           in->costs.internal_hourly_cost > 0;
}

static bool model_computable(const roi_inputs *in, roi_model model)
{
    roi_stage need = roi_model_needs(in, model);
    return need == ROI_STAGE_COUNT || roi_stage_known(in, need);
}

static double round_deals(const roi_inputs *in, double expected)
{
    return in->funnel.rounding == ROI_ROUND_FLOOR ? floor_slack(expected) : expected;
}

/* A skipped stage passes its count on (the rate into it is 1) and reports
 * null; validation guarantees the entry and deals are never skipped. */
static void compute_funnel(const roi_inputs *in, roi_figures *f)
{
    double count = ROI_NULL;
    for (int s = 0; s < ROI_STAGE_COUNT; s++) {
        if (s == (int)in->funnel.entry)
            count = in->funnel.volume;
        else if (s > (int)in->funnel.entry)
            count *= in->funnel.rate[s - 1];
        f->stage[s] = roi_stage_skipped(in, (roi_stage)s) ? ROI_NULL : count;
    }
    f->deals_expected = count;
    f->deals = round_deals(in, f->deals_expected);
}

/* Multiplies every result count (contacts on) by factor: the effort, calls
 * and hours, stays.  Used for a ramp month and for "results at half". */
static void scale_results(const roi_inputs *in, roi_figures *f, double factor)
{
    for (int s = ROI_STAGE_CONTACTS; s < ROI_STAGE_COUNT; s++)
        f->stage[s] *= factor;
    f->deals_expected *= factor;
    f->deals = round_deals(in, f->deals_expected);
}

/* The count a model's price multiplies (q in the methodology's table). */
static double model_quantity(const roi_inputs *in, const roi_figures *f,
                             roi_model model)
{
    switch (model) {
    case ROI_MODEL_IN_HOUSE:
    case ROI_MODEL_HOURLY: return f->hours_total;
    case ROI_MODEL_HYBRID:
    case ROI_MODEL_PER_MEETING: return f->stage[billed_stage(in)];
    case ROI_MODEL_PER_CALL: return f->stage[ROI_STAGE_CALLS];
    case ROI_MODEL_PER_DEAL: return f->deals;
    default: return 1;
    }
}

/* The price field the break-even solver varies for a model. */
static double model_price(const roi_inputs *in, roi_model model)
{
    switch (model) {
    case ROI_MODEL_IN_HOUSE: return in->costs.in_house_hourly_cost;
    case ROI_MODEL_HOURLY: return in->costs.hourly_rate;
    case ROI_MODEL_HYBRID: return in->costs.bonus_per_meeting;
    case ROI_MODEL_PER_CALL: return in->costs.per_call;
    case ROI_MODEL_PER_MEETING: return in->costs.per_meeting;
    case ROI_MODEL_PER_DEAL: return in->costs.per_deal;
    default: return in->costs.flat_fee;
    }
}

static double model_cost(const roi_inputs *in, const roi_figures *f,
                         roi_model model)
{
    double q = model_quantity(in, f, model);
    double price = model_price(in, model);
    switch (model) {
    case ROI_MODEL_IN_HOUSE: return price * q + in->costs.in_house_fixed;
    case ROI_MODEL_HYBRID: return in->costs.hourly_rate * f->hours_total + price * q;
    default: return price * q;
    }
}

/* Whether a billing model has a price entered (billing comparison rows). */
static bool model_priced(const roi_inputs *in, roi_model model)
{
    switch (model) {
    case ROI_MODEL_IN_HOUSE:
        return in->costs.in_house_hourly_cost > 0 || in->costs.in_house_fixed > 0;
    case ROI_MODEL_HYBRID:
        return in->costs.hourly_rate > 0 && in->costs.bonus_per_meeting > 0;
    default: return model_price(in, model) > 0;
    }
}

/* Highest price of the model's price field that still meets the target ROI,
 * the other costs unchanged. */
static double max_price_for(const roi_inputs *in, const roi_figures *f,
                            roi_model model, double total_cost)
{
    double q = model_quantity(in, f, model);
    double others = total_cost - model_price(in, model) * q;
    return ratio(f->margin / (1 + in->target_roi) - others, q);
}

static double internal_cost(const roi_inputs *in, const roi_figures *f)
{
    return internal_cost_applies(in) ? in->costs.internal_hours_per_meeting *
                                           f->stage[ROI_STAGE_HELD] *
                                           in->costs.internal_hourly_cost
                                     : 0;
}

static void compute_costs(const roi_inputs *in, double fixed_total, roi_figures *f)
{
    f->cost.model = model_cost(in, f, in->costs.model);
    f->cost.fixed = fixed_total;
    f->cost.internal = internal_cost(in, f);
    f->cost.commission = in->costs.commission_rate * f->revenue;
    f->cost.total = f->cost.model + f->cost.fixed + f->cost.internal + f->cost.commission;
}

static void compute_per_hour(const roi_inputs *in, roi_figures *f)
{
    double h = f->hours_total;
    f->per_hour.revenue = ratio(f->revenue, h);
    f->per_hour.margin = ratio(f->margin, h);
    f->per_hour.cost = ratio(f->cost.total, h);
    f->per_hour.net = ratio(f->net, h);
    f->per_hour.calls = ratio(f->stage[ROI_STAGE_CALLS], h);
    f->per_hour.meetings = ratio(f->stage[ROI_STAGE_MEETINGS], h);
    f->per_hour.revenue_talk_only = ratio(f->revenue, h * in->time.talk_share);
}

static void compute_unit_costs(roi_figures *f)
{
    for (int s = 0; s < ROI_STAGE_DEALS; s++)
        f->unit_cost[s] = ratio(f->cost.total, f->stage[s]);
    f->unit_cost[ROI_STAGE_DEALS] = ratio(f->cost.total, f->deals);
}

static void compute_ltv(const roi_inputs *in, roi_figures *f)
{
    f->ltv.revenue = in->value.deal_value +
                     in->value.monthly_value * in->value.lifetime_months;
    f->ltv.margin = f->ltv.revenue * in->value.margin_rate;
    f->ltv.to_cac = ratio(f->ltv.margin, f->unit_cost[ROI_STAGE_DEALS]);
    /* The sources' cost per meeting counts the meetings actually held. */
    f->ltv.to_meeting_cost = ratio(f->ltv.margin, f->unit_cost[ROI_STAGE_HELD]);
    f->ltv.max_cac = ratio(f->ltv.margin, in->target_ltv_cac);
}

static double payback_months(const roi_inputs *in, const roi_figures *f)
{
    double cost = f->cost.total;
    if (cost == 0.0)
        return 0;
    if (f->deals == 0.0)
        return ROI_NULL;
    double first = f->deals * in->value.deal_value * in->value.margin_rate;
    double monthly = f->deals * in->value.monthly_value * in->value.margin_rate;
    if (first >= cost)
        return in->value.sales_cycle_months;
    if (monthly > 0) {
        double m = (cost - first) / monthly;
        if (m <= in->value.lifetime_months)
            return in->value.sales_cycle_months + m;
    }
    return ROI_NULL;
}

static double min_deals(const roi_inputs *in, const roi_figures *f)
{
    double t1 = 1 + in->target_roi;
    bool per_deal = in->costs.model == ROI_MODEL_PER_DEAL;
    /* The cost of one more deal: the per-deal price and the commission. */
    double a = (per_deal ? in->costs.per_deal : 0) +
               in->costs.commission_rate * f->revenue_per_deal;
    /* The cost that does not scale with deals, built rather than subtracted so
     * that an all-per-deal cost leaves exactly zero. */
    double c0 = (per_deal ? 0 : f->cost.model) + f->cost.fixed + f->cost.internal;
    double md = f->revenue_per_deal * in->value.margin_rate;
    if (t1 * c0 <= 0)
        return 0;
    if (md - t1 * a <= 0)
        return ROI_NULL;
    double x = t1 * c0 / (md - t1 * a);
    if (!isfinite(x))
        return ROI_NULL;
    return in->funnel.rounding == ROI_ROUND_FLOOR ? ceil_slack(x) : x;
}

/* The stage the close rate converts into deals: opportunities, or the last
 * stage before the deals that this funnel has. */
static roi_stage close_base(const roi_inputs *in)
{
    int s = ROI_STAGE_OPPORTUNITIES;
    while (s > (int)in->funnel.entry && roi_stage_skipped(in, (roi_stage)s))
        s--;
    return (roi_stage)s;
}

static void compute_breakeven(const roi_inputs *in, roi_figures *f)
{
    double t1 = 1 + in->target_roi;
    double recurring = in->value.monthly_value *
                       fmin(in->horizon_months, in->value.lifetime_months);
    f->breakeven.target_roi = in->target_roi;
    f->breakeven.min_deals = min_deals(in, f);
    f->breakeven.min_close_rate =
        in->funnel.entry == ROI_STAGE_DEALS
            ? ROI_NULL
            : ratio(f->breakeven.min_deals, f->stage[close_base(in)]);
    /* The commission grows with the deal value: it leaves the cost and lowers
     * the share of each euro of revenue that is kept.  Divided in two steps:
     * 6000 / 12 / 0.4 is exactly 1250, while 6000 / (12 * 0.4) is
     * 1249.9999999999998. */
    double kept = in->value.margin_rate - t1 * in->costs.commission_rate;
    double c1 = f->cost.model + f->cost.fixed + f->cost.internal;
    double need = kept > 0 ? ratio(ratio(t1 * c1, f->deals), kept) : ROI_NULL;
    f->breakeven.min_deal_value = roi_is_null(need) ? ROI_NULL : need - recurring;
    f->breakeven.max_cost_per_meeting =
        ratio(f->margin, t1 * f->stage[ROI_STAGE_MEETINGS]);
    f->breakeven.max_cost_per_held = ratio(f->margin, t1 * f->stage[ROI_STAGE_HELD]);
    f->breakeven.max_cost = ratio(f->margin, t1);
    f->breakeven.max_price = max_price_for(in, f, in->costs.model, f->cost.total);
}

static bool computable(const roi_inputs *in)
{
    return model_computable(in, in->costs.model) &&
           !(internal_cost_applies(in) && !roi_stage_known(in, ROI_STAGE_HELD));
}

static void compute_headline(const roi_inputs *in, double fixed_total, roi_figures *f)
{
    f->hours_total = in->time.operators * in->time.hours_per_operator;
    compute_funnel(in, f);
    f->revenue_per_deal = in->value.deal_value +
                          in->value.monthly_value *
                              fmin(in->horizon_months, in->value.lifetime_months);
    f->revenue = f->deals * f->revenue_per_deal;
    f->margin = f->revenue * in->value.margin_rate;
    compute_costs(in, fixed_total, f);
    f->net = f->margin - f->cost.total;
    f->roi = ratio(f->net, f->cost.total);
    f->per_hour.revenue = ratio(f->revenue, f->hours_total);
    f->payback_months = payback_months(in, f);
}

roi_status roi_headline_compute(const roi_inputs *in, double fixed_total,
                                roi_figures *f)
{
    if (!computable(in))
        return ROI_EINVALID;
    compute_headline(in, fixed_total, f);
    return ROI_OK;
}

roi_status roi_figures_compute(const roi_inputs *in, double fixed_total,
                               roi_figures *f)
{
    if (!computable(in))
        return ROI_EINVALID;
    compute_headline(in, fixed_total, f);
    compute_per_hour(in, f);
    compute_unit_costs(f);
    compute_ltv(in, f);
    f->roi_lifetime = ratio(f->deals * f->ltv.margin - f->cost.total, f->cost.total);
    compute_breakeven(in, f);
    return ROI_OK;
}

/* ---- uncertain fields ---------------------------------------------------- */

static double *uncertain_slot(roi_inputs *in, roi_uncertain field)
{
    switch (field) {
    case ROI_U_VOLUME: return &in->funnel.volume;
    case ROI_U_DEAL_VALUE: return &in->value.deal_value;
    case ROI_U_MONTHLY_VALUE: return &in->value.monthly_value;
    case ROI_U_MARGIN_RATE: return &in->value.margin_rate;
    case ROI_U_LIFETIME_MONTHS: return &in->value.lifetime_months;
    default: return &in->funnel.rate[field - ROI_U_CONTACT_RATE];
    }
}

double roi_uncertain_get(const roi_inputs *in, roi_uncertain field)
{
    return *uncertain_slot((roi_inputs *)in, field);
}

void roi_uncertain_set(roi_inputs *in, roi_uncertain field, double value)
{
    *uncertain_slot(in, field) = value;
}

static bool is_rate(roi_uncertain field)
{
    return field >= ROI_U_CONTACT_RATE && field <= ROI_U_CLOSE_RATE;
}

bool roi_uncertain_range(const roi_scenario *s, roi_uncertain field,
                         double *low, double *high)
{
    return roi_campaign_range(&s->main.in, s->spread, s->ranges, field, low, high);
}

bool roi_campaign_range(const roi_inputs *in, double spread,
                        const roi_range *ranges, roi_uncertain field,
                        double *low, double *high)
{
    double base = roi_uncertain_get(in, field), lo, hi;
    /* A rate upstream of the entry stage changes nothing: ranging it would
     * only add a flat row to the tornado. */
    if (is_rate(field) && (int)(field - ROI_U_CONTACT_RATE) < (int)in->funnel.entry)
        return false;
    if (ranges && ranges[field].given) {
        lo = ranges[field].low;
        hi = ranges[field].high;
    } else if (is_rate(field) && base > 0 && base < 1) {
        lo = base * (1 - spread);
        hi = fmin(1.0, base * (1 + spread));
    } else if ((field == ROI_U_DEAL_VALUE || field == ROI_U_MONTHLY_VALUE) &&
               base > 0) {
        lo = base * (1 - spread);
        hi = base * (1 + spread);
    } else {
        return false;
    }
    if (!(lo < hi))
        return false;
    *low = lo;
    *high = hi;
    return true;
}

double roi_campaign_fixed_total(const roi_campaign *c)
{
    double sum = 0;
    for (size_t i = 0; i < c->fixed_count && i < ROI_MAX_FIXED; i++)
        sum += c->fixed[i].amount;
    return sum;
}

/* ---- the whole scenario -------------------------------------------------- */


static void case_from(const roi_figures *f, roi_case *c)
{
    c->deals = f->deals;
    c->revenue = f->revenue;
    c->margin = f->margin;
    c->cost = f->cost.total;
    c->net = f->net;
    c->roi = f->roi;
    c->revenue_per_hour = f->per_hour.revenue;
    c->payback_months = f->payback_months;
}

static roi_status compute_cases(const roi_scenario *s, double fixed,
                                roi_result *out)
{
    roi_inputs low = s->main.in, high = s->main.in;
    roi_figures f;
    for (int u = 0; u < ROI_U_COUNT; u++) {
        double lo, hi;
        if (roi_uncertain_range(s, (roi_uncertain)u, &lo, &hi)) {
            roi_uncertain_set(&low, (roi_uncertain)u, lo);
            roi_uncertain_set(&high, (roi_uncertain)u, hi);
        }
    }
    if (roi_headline_compute(&low, fixed, &f) != ROI_OK)
        return ROI_EINVALID;
    case_from(&f, &out->cases[ROI_CASE_PRUDENT]);
    case_from(&out->figures, &out->cases[ROI_CASE_CENTRAL]);
    if (roi_headline_compute(&high, fixed, &f) != ROI_OK)
        return ROI_EINVALID;
    case_from(&f, &out->cases[ROI_CASE_AMBITIOUS]);
    return ROI_OK;
}

static double swing(const roi_sensitivity_row *r)
{
    return fabs(r->net_high - r->net_low);
}

static roi_status compute_sensitivity(const roi_scenario *s, double fixed,
                                      roi_result *out)
{
    /* One copy of the inputs; each field is set to its low and high values
     * and put back. */
    roi_inputs in = s->main.in;
    out->sensitivity_count = 0;
    for (int u = 0; u < ROI_U_COUNT; u++) {
        roi_sensitivity_row row;
        roi_figures f;
        if (!roi_uncertain_range(s, (roi_uncertain)u, &row.low, &row.high))
            continue;
        row.field = (roi_uncertain)u;
        roi_uncertain_set(&in, row.field, row.low);
        if (roi_headline_compute(&in, fixed, &f) != ROI_OK)
            return ROI_EINVALID;
        row.net_low = f.net;
        row.roi_low = f.roi;
        roi_uncertain_set(&in, row.field, row.high);
        if (roi_headline_compute(&in, fixed, &f) != ROI_OK)
            return ROI_EINVALID;
        row.net_high = f.net;
        row.roi_high = f.roi;
        roi_uncertain_set(&in, row.field, roi_uncertain_get(&s->main.in, row.field));
        /* Insertion keeps canonical order among equal swings. */
        size_t i = out->sensitivity_count++;
        while (i > 0 && swing(&out->sensitivity[i - 1]) < swing(&row)) {
            out->sensitivity[i] = out->sensitivity[i - 1];
            i--;
        }
        out->sensitivity[i] = row;
    }
    return ROI_OK;
}

/* cost.total under `model` when every result count halves and the effort
 * stays (METHODOLOGY, Billing-model comparison: cost_at_half). */
static double cost_at_half(const roi_inputs *in, const roi_figures *f, roi_model model)
{
    roi_figures h = *f;
    scale_results(in, &h, 0.5);
    double revenue = h.deals * h.revenue_per_deal;
    return model_cost(in, &h, model) + h.cost.fixed + internal_cost(in, &h) +
           in->costs.commission_rate * revenue;
}

static void compute_billing(const roi_inputs *in, const roi_figures *f,
                            roi_result *out)
{
    out->billing_count = 0;
    for (int m = 0; m < ROI_MODEL_COUNT; m++) {
        roi_model model = (roi_model)m;
        if (model != in->costs.model && !model_priced(in, model))
            continue;
        roi_billing_row *row = &out->billing[out->billing_count++];
        row->model = model;
        if (!model_computable(in, model)) {
            row->cost = row->net = row->roi = ROI_NULL;
            row->cost_per_deal = row->max_price = row->cost_at_half = ROI_NULL;
            continue;
        }
        row->cost = model_cost(in, f, model) + f->cost.fixed + f->cost.internal +
                    f->cost.commission;
        row->net = f->margin - row->cost;
        row->roi = ratio(row->net, row->cost);
        row->cost_per_deal = ratio(row->cost, f->deals);
        row->max_price = max_price_for(in, f, model, row->cost);
        row->cost_at_half = cost_at_half(in, f, model);
    }
}

static void comparison_from(const roi_figures *f, roi_comparison_row *row)
{
    row->cost = f->cost.total;
    row->revenue = f->revenue;
    row->margin = f->margin;
    row->net = f->net;
    row->roi = f->roi;
    row->cost_per_lead = f->unit_cost[ROI_STAGE_LEADS];
    row->cost_per_opportunity = f->unit_cost[ROI_STAGE_OPPORTUNITIES];
    row->cac = f->unit_cost[ROI_STAGE_DEALS];
    row->revenue_per_hour = f->per_hour.revenue;
    row->payback_months = f->payback_months;
    row->ltv_to_cac = f->ltv.to_cac;
    row->rank = 0;
}

/* Ranks by ROI, best first; equal ROIs keep row order, undefined ROIs get none. */
static void rank_rows(roi_comparison_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (roi_is_null(rows[i].roi))
            continue;
        int rank = 1;
        for (size_t j = 0; j < n; j++) {
            if (j == i || roi_is_null(rows[j].roi))
                continue;
            if (rows[j].roi > rows[i].roi || (rows[j].roi == rows[i].roi && j < i))
                rank++;
        }
        rows[i].rank = rank;
    }
}

static roi_status compute_comparison(const roi_scenario *s, roi_result *out)
{
    size_t channels = s->channel_count < ROI_MAX_CHANNELS ? s->channel_count
                                                         : ROI_MAX_CHANNELS;
    comparison_from(&out->figures, &out->comparison[0]);
    for (size_t i = 0; i < channels; i++) {
        roi_figures f;
        const roi_campaign *c = &s->channels[i];
        if (roi_figures_compute(&c->in, roi_campaign_fixed_total(c), &f) != ROI_OK)
            return ROI_EINVALID;
        comparison_from(&f, &out->comparison[i + 1]);
    }
    out->comparison_count = channels + 1;
    rank_rows(out->comparison, out->comparison_count);
    return ROI_OK;
}

static int best_row(const roi_comparison_row *rows, size_t n)
{
    int best = -1;
    for (size_t i = 0; i < n; i++)
        if (rows[i].rank == 1)
            best = (int)i;
    return best;
}

static void compute_reallocation(const roi_scenario *s, roi_result *out)
{
    roi_reallocation *r = &out->reallocation;
    const roi_comparison_row *rows = out->comparison;
    size_t n = out->comparison_count;
    memset(r, 0, sizeof *r);
    r->to = -1;
    if (n < 2)
        return;
    r->present = true;
    r->min_roi = s->reallocation_min_roi_given ? s->reallocation_min_roi
                                               : s->main.in.target_roi;
    r->shift = s->reallocation_shift;
    for (size_t i = 0; i < n; i++)
        r->net_before += rows[i].net;
    r->net_after = r->net_before;

    int best = best_row(rows, n);
    if (best < 0)
        return;
    for (size_t i = 0; i < n; i++)
        if ((int)i != best && !roi_is_null(rows[i].roi) && rows[i].roi < r->min_roi)
            r->from[r->from_count++] = (int)i;
    if (r->from_count == 0)
        return;

    r->to = best;
    double after = 0;
    for (size_t k = 0; k < r->from_count; k++) {
        const roi_comparison_row *d = &rows[r->from[k]];
        r->moved += r->shift * d->cost;
        after += d->roi * d->cost * (1 - r->shift);
    }
    after += rows[best].roi * (rows[best].cost + r->moved);
    for (size_t i = 0; i < n; i++) {
        bool donor = false;
        for (size_t k = 0; k < r->from_count; k++)
            donor = donor || r->from[k] == (int)i;
        if ((int)i != best && !donor)
            after += rows[i].net;
    }
    r->net_after = after;
}

/* ---- cash flow, monthly projection, planner (2026-12) ---------------------- */

size_t roi_cashflow(const roi_inputs *in, const roi_figures *f, double *out)
{
    double cycle = in->value.sales_cycle_months, life = in->value.lifetime_months;
    double first = f->deals * in->value.deal_value * in->value.margin_rate;
    double monthly = f->deals * in->value.monthly_value * in->value.margin_rate;
    size_t last = (size_t)fmax(1.0, ceil(cycle + life));
    for (size_t k = 0; k <= last; k++) {
        double m = (double)k;
        double paying = fmin(fmax(m - cycle, 0.0), life);
        out[k] = -f->cost.total + (m >= cycle ? first : 0) + monthly * paying;
    }
    return last + 1;
}

/* The ramp of campaign month m (1-based). */
static double ramp_at(const roi_inputs *in, int m)
{
    size_t i = (size_t)(m - 1);
    return i < in->schedule.ramp_count ? in->schedule.ramp[i] : 1.0;
}

/* Share of month j after signature (j >= 1) during which a client pays, for
 * q paying months: whole months, then the fraction of the last. */
static double paying_share(double q, int j)
{
    return fmin(fmax(q - (double)(j - 1), 0.0), 1.0);
}

/* Month m's activity: counts at r(m) of the steady results, the model cost
 * without its per-deal part, fixed and internal costs. */
static void activity_month(const roi_inputs *in, const roi_figures *steady, int m,
                           roi_month *row, double *signing)
{
    roi_figures g = *steady;
    scale_results(in, &g, ramp_at(in, m));
    g.deals = 0; /* the per-deal part is paid at signature */
    row->volume = g.stage[in->funnel.entry];
    row->meetings = g.stage[ROI_STAGE_MEETINGS];
    row->held = g.stage[ROI_STAGE_HELD];
    row->cost = model_cost(in, &g, in->costs.model) + steady->cost.fixed +
                internal_cost(in, &g) + (m == 1 ? in->schedule.setup_cost : 0);
    *signing = g.deals_expected;
}

roi_status roi_schedule_compute(const roi_inputs *in, double fixed_total,
                                roi_schedule *out)
{
    roi_figures f;
    out->present = false;
    out->count = 0;
    if (!(in->schedule.months > 0))
        return ROI_OK;
    roi_status st = roi_headline_compute(in, fixed_total, &f);
    if (st != ROI_OK)
        return st;
    int n = (int)in->schedule.months;
    double cycle = in->value.sales_cycle_months;
    double whole = floor(cycle), part = cycle - whole;
    double q = fmin(in->horizon_months, in->value.lifetime_months);
    int t = n + (int)ceil(cycle) + (int)ceil(q);
    if (t > ROI_MAX_SERIES)
        return ROI_EINVALID;
    out->present = true;
    out->months = n;
    out->count = (size_t)t;
    roi_month *series = out->series;
    memset(series, 0, (size_t)t * sizeof *series);

    /* Activity, and the expected deals each month signs (kept in .deals). */
    for (int m = 1; m <= t; m++) {
        roi_month *row = &series[m - 1];
        if (m > n) {
            row->meetings = roi_stage_known(in, ROI_STAGE_MEETINGS) ? 0 : ROI_NULL;
            row->held = roi_stage_known(in, ROI_STAGE_HELD) ? 0 : ROI_NULL;
            continue;
        }
        double e;
        activity_month(in, &f, m, row, &e);
        int k = m + (int)whole;
        if (k <= t)
            series[k - 1].deals += (1 - part) * e;
        if (part > 0 && k + 1 <= t)
            series[k].deals += part * e;
    }

    /* Deals signed (rounded on the cumulative count), revenue and totals. */
    double signed_sum = 0, rounded_before = 0, cum_net = 0, cum_cost = 0;
    double dv = in->value.deal_value, mv = in->value.monthly_value;
    double mr = in->value.margin_rate;
    bool per_deal = in->costs.model == ROI_MODEL_PER_DEAL;
    memset(&out->totals, 0, sizeof out->totals);
    for (int k = 1; k <= t; k++) {
        roi_month *row = &series[k - 1];
        signed_sum += row->deals;
        if (in->funnel.rounding == ROI_ROUND_FLOOR) {
            double rounded = floor_slack(signed_sum);
            row->deals = rounded - rounded_before;
            rounded_before = rounded;
        }
        double paying = 0;
        for (int j = 1; j < k && paying_share(q, j) > 0; j++)
            paying += series[k - 1 - j].deals * paying_share(q, j);
        row->revenue = row->deals * dv + mv * paying;
        row->margin = row->revenue * mr;
        row->cost += (per_deal ? in->costs.per_deal * row->deals : 0) +
                     in->costs.commission_rate * row->revenue;
        row->net = row->margin - row->cost;
        cum_net += row->net;
        cum_cost += row->cost;
        row->cumulative_net = cum_net;
        row->cumulative_roi = ratio(cum_net, cum_cost);
        out->totals.volume += row->volume;
        out->totals.deals += row->deals;
        out->totals.revenue += row->revenue;
        out->totals.margin += row->margin;
        out->totals.cost += row->cost;
    }
    out->totals.net = out->totals.margin - out->totals.cost;
    out->totals.roi = ratio(out->totals.net, out->totals.cost);

    /* The first month from which the cumulative net stays >= 0 through T. */
    out->payback_month = ROI_NULL;
    for (int k = t; k >= 1 && series[k - 1].cumulative_net >= 0; k--)
        out->payback_month = k;
    return ROI_OK;
}

/* Count of each stage per unit of entry volume (null before the entry and
 * for skipped stages; deals_expected holds the deals per unit). */
static void unit_funnel(const roi_inputs *in, roi_figures *u)
{
    roi_inputs one = *in;
    one.funnel.volume = 1;
    compute_funnel(&one, u);
}

/* Deals D the goal needs (before rounding), or the entry volume directly
 * (*volume) for the meetings and held goals; ROI_NULL when this campaign
 * cannot reach it by scaling. */
static double plan_deals(const roi_inputs *in, double fixed_total, const roi_figures *u,
                         double rpd, double *volume)
{
    double value = in->goal.value, mr = in->value.margin_rate;
    *volume = ROI_NULL;
    switch (in->goal.metric) {
    case ROI_GOAL_MEETINGS:
    case ROI_GOAL_HELD: {
        roi_stage st = in->goal.metric == ROI_GOAL_HELD ? ROI_STAGE_HELD : ROI_STAGE_MEETINGS;
        *volume = value == 0 ? 0 : ratio(value, u->stage[st]);
        return ROI_NULL;
    }
    case ROI_GOAL_DEALS: return value;
    case ROI_GOAL_REVENUE: return ratio(value, rpd);
    case ROI_GOAL_MARGIN: return ratio(ratio(value, rpd), mr);
    default: break;
    }
    /* net: cost(D) = A + b * D. */
    double v0 = in->funnel.volume;
    double h0 = in->time.operators * in->time.hours_per_operator;
    double hour_price = in->costs.model == ROI_MODEL_IN_HOUSE ? in->costs.in_house_hourly_cost
                      : in->costs.model == ROI_MODEL_HOURLY || in->costs.model == ROI_MODEL_HYBRID
                          ? in->costs.hourly_rate : 0;
    double a = fixed_total, per_volume = 0;
    if (v0 > 0)
        per_volume += hour_price * h0 / v0;
    else
        a += hour_price * h0; /* no volume entered: the hours do not scale */
    if (in->costs.model == ROI_MODEL_IN_HOUSE)
        a += in->costs.in_house_fixed;
    if (in->costs.model == ROI_MODEL_FLAT)
        a += in->costs.flat_fee;
    if (in->costs.model == ROI_MODEL_PER_CALL)
        per_volume += in->costs.per_call * u->stage[ROI_STAGE_CALLS];
    if (in->costs.model == ROI_MODEL_PER_MEETING)
        per_volume += in->costs.per_meeting * u->stage[billed_stage(in)];
    if (in->costs.model == ROI_MODEL_HYBRID)
        per_volume += in->costs.bonus_per_meeting * u->stage[billed_stage(in)];
    if (internal_cost_applies(in))
        per_volume += internal_cost(in, u);
    double b = (per_volume > 0 ? ratio(per_volume, u->deals_expected) : 0) +
               (in->costs.model == ROI_MODEL_PER_DEAL ? in->costs.per_deal : 0) +
               in->costs.commission_rate * rpd;
    double gain = rpd * mr - b;
    if (roi_is_null(gain) || gain <= 0)
        return ROI_NULL;
    return ratio(value + a, gain);
}

static void plan_unreachable(roi_plan *p)
{
    p->reachable = false;
    p->volume = p->scale = p->deals_expected = p->deals = ROI_NULL;
    for (int s = 0; s < ROI_STAGE_COUNT; s++)
        p->stage[s] = ROI_NULL;
    p->hours = p->operators = p->cost = p->revenue = p->margin = ROI_NULL;
    p->net = p->roi = p->sales_hours = ROI_NULL;
}

roi_status roi_plan_compute(const roi_inputs *in, double fixed_total, roi_plan *out)
{
    roi_figures u, f;
    memset(out, 0, sizeof *out);
    out->metric = in->goal.metric;
    if ((unsigned)in->goal.metric >= ROI_GOAL_COUNT)
        return ROI_OK;
    out->present = true;
    out->value = in->goal.value;
    if (!model_computable(in, in->costs.model))
        return ROI_EINVALID;
    unit_funnel(in, &u);
    double rpd = in->value.deal_value +
                 in->value.monthly_value * fmin(in->horizon_months, in->value.lifetime_months);
    double volume, deals = plan_deals(in, fixed_total, &u, rpd, &volume);
    if (roi_is_null(volume)) {
        if (roi_is_null(deals)) {
            plan_unreachable(out);
            return ROI_OK;
        }
        deals = fmax(deals, 0.0);
        if (in->funnel.rounding == ROI_ROUND_FLOOR)
            deals = ceil_slack(deals);
        volume = deals == 0 ? 0 : ratio(deals, u.deals_expected);
    }
    if (roi_is_null(volume)) {
        plan_unreachable(out);
        return ROI_OK;
    }
    double v0 = in->funnel.volume;
    roi_inputs at = *in;
    at.funnel.volume = volume;
    if (v0 > 0)
        at.time.hours_per_operator = in->time.hours_per_operator * (volume / v0);
    roi_status st = roi_headline_compute(&at, fixed_total, &f);
    if (st != ROI_OK)
        return st;
    if (!isfinite(f.cost.total) || !isfinite(f.revenue) || !isfinite(f.hours_total)) {
        plan_unreachable(out); /* beyond what a double holds: not a plan */
        return ROI_OK;
    }
    out->reachable = true;
    out->volume = volume;
    out->scale = ratio(volume, v0);
    memcpy(out->stage, f.stage, sizeof out->stage);
    out->deals_expected = f.deals_expected;
    out->deals = f.deals;
    out->hours = f.hours_total;
    out->operators = in->time.hours_per_operator > 0
                         ? ceil_slack(f.hours_total / in->time.hours_per_operator)
                         : ROI_NULL;
    out->cost = f.cost.total;
    out->revenue = f.revenue;
    out->margin = f.margin;
    out->net = f.net;
    out->roi = f.roi;
    out->sales_hours = roi_stage_known(in, ROI_STAGE_HELD)
                           ? in->costs.internal_hours_per_meeting * f.stage[ROI_STAGE_HELD]
                           : ROI_NULL;
    return ROI_OK;
}

roi_status roi_evaluate(const roi_scenario *s, roi_result *out)
{
    double fixed = roi_campaign_fixed_total(&s->main);
    roi_status st = roi_figures_compute(&s->main.in, fixed, &out->figures);
    if (st == ROI_OK)
        st = compute_cases(s, fixed, out);
    if (st == ROI_OK)
        st = compute_sensitivity(s, fixed, out);
    if (st != ROI_OK)
        return st;
    compute_billing(&s->main.in, &out->figures, out);
    st = compute_comparison(s, out);
    if (st != ROI_OK)
        return st;
    compute_reallocation(s, out);
    out->cashflow_count = roi_cashflow(&s->main.in, &out->figures, out->cashflow);
    st = roi_schedule_compute(&s->main.in, fixed, &out->schedule);
    if (st == ROI_OK)
        st = roi_plan_compute(&s->main.in, fixed, &out->plan);
    return st;
}
