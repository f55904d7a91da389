/*
 * roi_calc.h - the ROI methodology as pure arithmetic.
 *
 * Everything here is computation: inputs come in as `const` structs, results go
 * into the caller's struct, nothing is allocated and nothing is read or written
 * outside the arguments.  Rates are fractions (0.25 = 25 %), money is in the
 * scenario's currency, durations are in hours or months as each name says.
 *
 * Undefined quantities (a division by zero, a stage the funnel does not know)
 * are ROI_NULL, a quiet NaN used only as a marker: test with roi_is_null().  The
 * JSON writer prints every such value as `null`, never as NaN or infinity.
 */
#ifndef ROI_CALC_H
#define ROI_CALC_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>

#define ROI_VERSION "0.1.0"
#define ROI_FORMAT_VERSION 1

#define ROI_MAX_FIXED 50     /* costs.fixed items per campaign */
#define ROI_MAX_CHANNELS 20  /* channels compared with the scenario */
#define ROI_TEXT_CHARS 80    /* name and label length, in characters */
#define ROI_TEXT_SIZE (ROI_TEXT_CHARS * 4 + 1) /* UTF-8 bytes + NUL */
#define ROI_MAX_RAMP 12      /* schedule.ramp values */
#define ROI_MAX_SCHEDULE_MONTHS 60
/* Longest projection: 60 months of campaign + a 120-month sales cycle + 600
 * months of recurring revenue (METHODOLOGY, Monthly projection: T). */
#define ROI_MAX_SERIES (ROI_MAX_SCHEDULE_MONTHS + 120 + 600)
/* Longest cash-flow series: months 0 .. ceil(120 + 600). */
#define ROI_MAX_CASHFLOW (120 + 600 + 1)

#define ROI_NULL ((double)NAN)
#define roi_is_null(x) (isnan(x))

/* Funnel stages, in order.  The first stage with a known count is the entry. */
typedef enum {
    ROI_STAGE_CALLS,
    ROI_STAGE_CONTACTS,
    ROI_STAGE_LEADS,
    ROI_STAGE_MEETINGS,
    ROI_STAGE_HELD,
    ROI_STAGE_OPPORTUNITIES,
    ROI_STAGE_DEALS,
    ROI_STAGE_COUNT
} roi_stage;

/* The conversion rates, in funnel order: rate[i] leads from stage i to i+1. */
typedef enum {
    ROI_RATE_CONTACT,
    ROI_RATE_LEAD,
    ROI_RATE_MEETING,
    ROI_RATE_SHOW,
    ROI_RATE_OPPORTUNITY,
    ROI_RATE_CLOSE,
    ROI_RATE_COUNT
} roi_rate;

typedef enum { ROI_ROUND_FLOOR, ROI_ROUND_EXPECTED } roi_rounding;

/* Billing models of the calling work, in the methodology's table order. */
typedef enum {
    ROI_MODEL_IN_HOUSE,
    ROI_MODEL_HOURLY,
    ROI_MODEL_HYBRID,
    ROI_MODEL_PER_CALL,
    ROI_MODEL_PER_MEETING,
    ROI_MODEL_PER_DEAL,
    ROI_MODEL_FLAT,
    ROI_MODEL_COUNT
} roi_model;

typedef enum { ROI_BASIS_BOOKED, ROI_BASIS_HELD } roi_basis;

/* What the planner works back from (goal.metric); ROI_GOAL_NONE: no plan. */
typedef enum {
    ROI_GOAL_NONE = -1,
    ROI_GOAL_REVENUE,
    ROI_GOAL_MARGIN,
    ROI_GOAL_NET,
    ROI_GOAL_DEALS,
    ROI_GOAL_MEETINGS,
    ROI_GOAL_HELD,
    ROI_GOAL_COUNT
} roi_goal;

/* The uncertain fields, in canonical order (scenarios, sensitivity, simulation). */
typedef enum {
    ROI_U_VOLUME,
    ROI_U_CONTACT_RATE,
    ROI_U_LEAD_RATE,
    ROI_U_MEETING_RATE,
    ROI_U_SHOW_RATE,
    ROI_U_OPPORTUNITY_RATE,
    ROI_U_CLOSE_RATE,
    ROI_U_DEAL_VALUE,
    ROI_U_MONTHLY_VALUE,
    ROI_U_MARGIN_RATE,
    ROI_U_LIFETIME_MONTHS,
    ROI_U_COUNT
} roi_uncertain;

/* Every number and choice the formulas read for one campaign. */
typedef struct {
    double horizon_months;   /* months of recurring revenue counted in ROI */
    double target_roi;       /* fraction; 0 = break-even */
    double target_ltv_cac;   /* healthy LTV:CAC multiple */
    struct {
        double operators;
        double hours_per_operator; /* all paid hours, not only talk time */
        double talk_share;         /* fraction of those hours spent talking */
    } time;
    struct {
        roi_stage entry;
        double volume;             /* count at the entry stage */
        double rate[ROI_RATE_COUNT];
        roi_rounding rounding;
        unsigned skip;             /* bit (1u << stage): stages this funnel lacks */
    } funnel;
    struct {
        double deal_value;         /* one-time revenue per deal */
        double monthly_value;      /* recurring revenue per client per month */
        double lifetime_months;
        double margin_rate;        /* fraction */
        double sales_cycle_months;
    } value;
    struct {
        roi_model model;
        double in_house_hourly_cost;
        double in_house_fixed;
        double hourly_rate;
        double bonus_per_meeting;
        double per_call;
        double per_meeting;
        roi_basis meeting_basis;
        double per_deal;
        double flat_fee;
        double internal_hours_per_meeting;
        double internal_hourly_cost;
        double commission_rate;    /* fraction of the revenue of signed deals */
    } costs;
    /* Scenario-level (never set in a channel): the monthly projection and the
     * planner's goal. */
    struct {
        double months;             /* 0 = no projection; else the inputs are per month */
        size_t ramp_count;
        double ramp[ROI_MAX_RAMP]; /* share of steady results in months 1, 2, ... */
        double setup_cost;         /* one-time cost in month 1 */
    } schedule;
    struct {
        roi_goal metric;
        double value;              /* for one campaign (one month with a schedule) */
    } goal;
} roi_inputs;

typedef struct {
    char label[ROI_TEXT_SIZE];
    double amount;
} roi_fixed_cost;

/* One campaign or channel: a whole scenario without channels and ranges. */
typedef struct {
    char name[ROI_TEXT_SIZE];
    char currency[4];
    roi_inputs in;
    size_t fixed_count;
    roi_fixed_cost fixed[ROI_MAX_FIXED];
} roi_campaign;

typedef struct {
    bool given;       /* set explicitly in uncertainty.ranges */
    double low, high;
} roi_range;

/* The scenario document of METHODOLOGY section 2. */
typedef struct {
    roi_campaign main;
    double spread;                     /* default relative range, fraction */
    roi_range ranges[ROI_U_COUNT];     /* explicit ranges, by roi_uncertain */
    bool reallocation_min_roi_given;
    double reallocation_min_roi;       /* default: main.in.target_roi */
    double reallocation_shift;         /* fraction of a donor's cost moved */
    size_t channel_count;
    roi_campaign channels[ROI_MAX_CHANNELS];
} roi_scenario;

/* The figures of one campaign (result document, section 4). */
typedef struct {
    double hours_total;
    double stage[ROI_STAGE_COUNT];  /* ROI_NULL before the entry; deals unrounded */
    double deals_expected, deals;
    double revenue_per_deal, revenue, margin;
    struct { double total, model, fixed, internal, commission; } cost;
    double net, roi, roi_lifetime;
    struct {
        double revenue, margin, cost, net, calls, meetings, revenue_talk_only;
    } per_hour;
    double unit_cost[ROI_STAGE_COUNT]; /* by stage; [DEALS] is the CAC */
    struct { double revenue, margin, to_cac, to_meeting_cost, max_cac; } ltv;
    double payback_months;
    struct {
        double target_roi, min_deals, min_close_rate, min_deal_value;
        double max_cost_per_meeting, max_cost_per_held, max_cost, max_price;
    } breakeven;
} roi_figures;

/* One column of scenarios.prudent / central / ambitious. */
typedef struct {
    double deals, revenue, margin, cost, net, roi, revenue_per_hour, payback_months;
} roi_case;

typedef struct {
    roi_uncertain field;
    double low, high, net_low, net_high, roi_low, roi_high;
} roi_sensitivity_row;

typedef struct {
    roi_model model;
    double cost, net, roi, cost_per_deal, max_price;
    double cost_at_half;  /* cost.total when results halve and effort stays */
} roi_billing_row;

/* Row 0 is the scenario itself, row i is channels[i - 1]. */
typedef struct {
    double cost, revenue, margin, net, roi, cost_per_lead, cost_per_opportunity;
    double cac, revenue_per_hour, payback_months, ltv_to_cac;
    int rank;  /* 1 = best ROI; 0 = no rank (ROI undefined) */
} roi_comparison_row;

typedef struct {
    bool present;            /* false with fewer than two comparison rows */
    double min_roi, shift, moved;
    int to;                  /* comparison row receiving the budget, -1 = none */
    size_t from_count;
    int from[ROI_MAX_CHANNELS + 1]; /* donor rows, in row order */
    double net_before, net_after;
} roi_reallocation;

/* One month of the projection (METHODOLOGY, Monthly projection). */
typedef struct {
    double volume, meetings, held, deals, revenue, margin, cost, net;
    double cumulative_net, cumulative_roi;
} roi_month;

typedef struct {
    bool present;                 /* false when schedule.months is 0 */
    int months;                   /* N */
    size_t count;                 /* T: series[0] is month 1 */
    roi_month series[ROI_MAX_SERIES];
    struct { double volume, deals, revenue, margin, cost, net, roi; } totals;
    double payback_month;         /* ROI_NULL when never paid back */
} roi_schedule;

/* The planner's answer (METHODOLOGY, Planner).  When reachable is false every
 * number is ROI_NULL. */
typedef struct {
    bool present;                 /* false without goal.metric */
    roi_goal metric;
    double value;
    bool reachable;
    double volume, scale;
    double stage[ROI_STAGE_COUNT];
    double deals_expected, deals;
    double hours, operators, cost, revenue, margin, net, roi, sales_hours;
} roi_plan;

typedef enum { ROI_CASE_PRUDENT, ROI_CASE_CENTRAL, ROI_CASE_AMBITIOUS, ROI_CASE_COUNT } roi_case_kind;

typedef struct {
    roi_figures figures;                    /* the scenario itself */
    size_t cashflow_count;                  /* months 0 .. K */
    double cashflow[ROI_MAX_CASHFLOW];      /* cumulative net at the end of month k */
    roi_case cases[ROI_CASE_COUNT];
    size_t sensitivity_count;
    roi_sensitivity_row sensitivity[ROI_U_COUNT];
    size_t billing_count;
    roi_billing_row billing[ROI_MODEL_COUNT];
    size_t comparison_count;
    roi_comparison_row comparison[ROI_MAX_CHANNELS + 1];
    roi_reallocation reallocation;
    roi_schedule schedule;
    roi_plan plan;
} roi_result;

typedef enum {
    ROI_OK = 0,
    ROI_EINVALID = 1,  /* the scenario breaks a rule roi_campaign_check reports */
    ROI_ENOMEM = 2,
    ROI_ETOOBIG = 3
} roi_status;

/* Fills *in with the defaults of METHODOLOGY section 2. */
void roi_inputs_default(roi_inputs *in);

/* Fills *c with the defaults: empty name, EUR, no fixed cost. */
void roi_campaign_default(roi_campaign *c);

/* Fills *s with the defaults: default main campaign, spread 0.2, no range,
 * shift 0.2, no channel.  The channel slots are not touched: set a slot with
 * roi_campaign_default before counting it in channel_count. */
void roi_scenario_default(roi_scenario *s);

/* The stage a billing model needs the count of, or ROI_STAGE_COUNT when it needs
 * none beyond hours and deals (always known). */
roi_stage roi_model_needs(const roi_inputs *in, roi_model model);

/* True when the count of `stage` is known: at or after the entry and not
 * listed in funnel.skip. */
bool roi_stage_known(const roi_inputs *in, roi_stage stage);

/* Computes the figures of one campaign.  fixed_total is the sum of its
 * costs.fixed amounts.  Returns ROI_EINVALID (and leaves *out unspecified) when
 * the selected model or the internal costs need a count the funnel does not
 * know; the JSON layer reports that as a field error before it gets here. */
roi_status roi_figures_compute(const roi_inputs *in, double fixed_total,
                               roi_figures *out);

/* The headline figures only, for the many evaluations of scenarios,
 * sensitivity, simulation, projection and plan: hours_total, the funnel
 * (stage, deals_expected, deals), revenue_per_deal, revenue, margin, cost,
 * net, roi, per_hour.revenue and payback_months.  Every other member of *out
 * is left as it was.  Same status as roi_figures_compute. */
roi_status roi_headline_compute(const roi_inputs *in, double fixed_total,
                                roi_figures *out);

/* The range of an uncertain field after defaults: low and high set and true when
 * the field is ranged, false when it has no range. */
bool roi_uncertain_range(const roi_scenario *s, roi_uncertain field,
                         double *low, double *high);

/* The same for one campaign: explicit ranges (by roi_uncertain, or NULL for
 * none) first, else the default range of `spread` (a fraction).  Channels use
 * it with NULL: they get the scenario's spread but no explicit range. */
bool roi_campaign_range(const roi_inputs *in, double spread,
                        const roi_range *ranges, roi_uncertain field,
                        double *low, double *high);

/* Sum of the campaign's costs.fixed amounts, in its currency. */
double roi_campaign_fixed_total(const roi_campaign *c);

/* The value of an uncertain field in *in, and a way to change it. */
double roi_uncertain_get(const roi_inputs *in, roi_uncertain field);
void roi_uncertain_set(roi_inputs *in, roi_uncertain field, double value);

/* Canonical dotted name of an uncertain field ("funnel.close_rate"). */
const char *roi_uncertain_name(roi_uncertain field);
/* Canonical names of stages, rates and models; NULL when out of range. */
const char *roi_stage_name(roi_stage stage);
const char *roi_rate_name(roi_rate rate);
const char *roi_model_name(roi_model model);
const char *roi_goal_name(roi_goal goal);

/* True when `stage` is listed in funnel.skip. */
bool roi_stage_skipped(const roi_inputs *in, roi_stage stage);

/* The cumulative cash flow of one campaign (the payback chart): out[k] for
 * k = 0 .. K, K = max(1, ceil(sales_cycle + lifetime)); returns K + 1, the
 * number of values written (out needs ROI_MAX_CASHFLOW). */
size_t roi_cashflow(const roi_inputs *in, const roi_figures *f, double *out);

/* The monthly projection of METHODOLOGY "Monthly projection"; out->present is
 * false when schedule.months is 0.  Needs a validated campaign. */
roi_status roi_schedule_compute(const roi_inputs *in, double fixed_total,
                                roi_schedule *out);

/* The planner of METHODOLOGY "Planner"; out->present is false without a
 * goal.  Needs a validated campaign. */
roi_status roi_plan_compute(const roi_inputs *in, double fixed_total, roi_plan *out);

/* Evaluates a whole scenario: figures, cash flow, scenarios, sensitivity,
 * billing models, channel comparison, reallocation, schedule and plan.  *s must have passed validation (see
 * roi_json.h); ROI_EINVALID otherwise.  Allocates nothing. */
roi_status roi_evaluate(const roi_scenario *s, roi_result *out);

#endif
