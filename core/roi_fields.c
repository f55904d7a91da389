/*
 * roi_fields.c - the field table of METHODOLOGY section 2.
 */
#include "roi_fields.h"
#include "roi_num.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IN(member) offsetof(roi_inputs, member)
#define SC(member) offsetof(roi_scenario, member)
#define RATE(r) (offsetof(roi_inputs, funnel.rate) + (r) * sizeof(double))

#define C ROI_SCOPE_CAMPAIGN
#define S ROI_SCOPE_SCENARIO
#define RATE_F(path, key, r) {path, key, RATE(r), 0, 1, false, false, ROI_KIND_RATE, "fraction", C}
#define MONEY(path, key, member, unit) \
    {path, key, IN(member), 0, 1e12, false, false, ROI_KIND_MONEY, unit, C}

static const roi_number_field NUMBER_FIELDS[] = {
    {"horizon_months", "hz", IN(horizon_months), 0, 600, false, false, ROI_KIND_MONTHS, "months", C},
    {"target_roi", "tr", IN(target_roi), -1, 1000, true, false, ROI_KIND_RATE, "fraction", C},
    {"target_ltv_cac", "tl", IN(target_ltv_cac), 0, 1000, true, false, ROI_KIND_MULTIPLE, "multiple", C},
    {"time.operators", "ops", IN(time.operators), 0, 100000, false, false, ROI_KIND_COUNT, "people", C},
    {"time.hours_per_operator", "hrs", IN(time.hours_per_operator), 0, 100000, false, false, ROI_KIND_HOURS, "hours", C},
    {"time.talk_share", "talk", IN(time.talk_share), 0, 1, true, false, ROI_KIND_RATE, "fraction", C},
    {"funnel.volume", "vol", IN(funnel.volume), 0, 1e9, false, false, ROI_KIND_COUNT, "entry", C},
    RATE_F("funnel.contact_rate", "contact", ROI_RATE_CONTACT),
    RATE_F("funnel.lead_rate", "lead", ROI_RATE_LEAD),
    RATE_F("funnel.meeting_rate", "meet", ROI_RATE_MEETING),
    RATE_F("funnel.show_rate", "show", ROI_RATE_SHOW),
    RATE_F("funnel.opportunity_rate", "opp", ROI_RATE_OPPORTUNITY),
    RATE_F("funnel.close_rate", "close", ROI_RATE_CLOSE),
    MONEY("value.deal_value", "deal", value.deal_value, "currency/deal"),
    MONEY("value.monthly_value", "mrr", value.monthly_value, "currency/month"),
    {"value.lifetime_months", "life", IN(value.lifetime_months), 0, 600, false, false, ROI_KIND_MONTHS, "months", C},
    {"value.margin_rate", "margin", IN(value.margin_rate), 0, 1, false, false, ROI_KIND_RATE, "fraction", C},
    {"value.sales_cycle_months", "cycle", IN(value.sales_cycle_months), 0, 120, false, false, ROI_KIND_MONTHS, "months", C},
    MONEY("costs.in_house_hourly_cost", "ihc", costs.in_house_hourly_cost, "currency/hour"),
    MONEY("costs.in_house_fixed", "ihf", costs.in_house_fixed, "currency"),
    MONEY("costs.hourly_rate", "rate", costs.hourly_rate, "currency/hour"),
    MONEY("costs.bonus_per_meeting", "bonus", costs.bonus_per_meeting, "currency/meeting"),
    MONEY("costs.per_call", "pcall", costs.per_call, "currency/call"),
    MONEY("costs.per_meeting", "pmeet", costs.per_meeting, "currency/meeting"),
    MONEY("costs.per_deal", "pdeal", costs.per_deal, "currency/deal"),
    MONEY("costs.flat_fee", "flat", costs.flat_fee, "currency"),
    {"costs.internal_hours_per_meeting", "ihm", IN(costs.internal_hours_per_meeting), 0, 1000, false, false, ROI_KIND_HOURS, "hours/meeting", C},
    {"costs.internal_hourly_cost", "ihr", IN(costs.internal_hourly_cost), 0, 1e9, false, false, ROI_KIND_MONEY, "currency/hour", C},
    {"costs.commission_rate", "comm", IN(costs.commission_rate), 0, 1, false, false, ROI_KIND_RATE, "fraction", C},
    {"schedule.months", "mo", IN(schedule.months), 0, ROI_MAX_SCHEDULE_MONTHS, false, true, ROI_KIND_MONTHS, "months", S},
    {"schedule.setup_cost", "setup", IN(schedule.setup_cost), 0, 1e12, false, false, ROI_KIND_MONEY, "currency", S},
    {"goal.value", "gv", IN(goal.value), 0, 1e12, false, false, ROI_KIND_GOAL, "goal.metric", S},
};

static const roi_number_field SCENARIO_FIELDS[] = {
    {"uncertainty.spread", "spread", SC(spread), 0, 1, false, false, ROI_KIND_RATE, "fraction", S},
    {"reallocation.min_roi", "rmin", SC(reallocation_min_roi), -1, 1000, true, false, ROI_KIND_RATE, "fraction", S},
    {"reallocation.shift", "rshift", SC(reallocation_shift), 0, 1, false, false, ROI_KIND_RATE, "fraction", S},
};

static const char *const KIND_NAMES[ROI_KIND_COUNT_] = {
    "rate", "money", "count", "months", "hours", "multiple", "goal"};

const char *roi_kind_name(roi_kind kind)
{
    return (unsigned)kind < ROI_KIND_COUNT_ ? KIND_NAMES[kind] : NULL;
}

static const char *const ENTRY_NAMES[] = {
    "calls", "contacts", "leads", "meetings", "held", "opportunities", "deals"};
static const char *const ROUNDING_NAMES[] = {"floor", "expected"};
static const char *const MODEL_NAMES[] = {
    "in_house", "hourly", "hybrid", "per_call", "per_meeting", "per_deal", "flat"};
static const char *const BASIS_NAMES[] = {"booked", "held"};
static const char *const GOAL_NAMES[] = {"revenue", "margin", "net", "deals", "meetings", "held"};

#define COUNT(a) (int)(sizeof(a) / sizeof((a)[0]))

enum { ENUM_ENTRY, ENUM_ROUNDING, ENUM_MODEL, ENUM_BASIS, ENUM_GOAL };
static const roi_enum_field ENUM_FIELDS[] = {
    {"funnel.entry", "entry", ENTRY_NAMES, COUNT(ENTRY_NAMES), false, C},
    {"funnel.rounding", "round", ROUNDING_NAMES, COUNT(ROUNDING_NAMES), false, C},
    {"costs.model", "model", MODEL_NAMES, COUNT(MODEL_NAMES), false, C},
    {"costs.meeting_basis", "basis", BASIS_NAMES, COUNT(BASIS_NAMES), false, C},
    {"goal.metric", "goal", GOAL_NAMES, COUNT(GOAL_NAMES), true, S},
};

const roi_number_field *roi_number_fields(size_t *count)
{
    *count = sizeof NUMBER_FIELDS / sizeof NUMBER_FIELDS[0];
    return NUMBER_FIELDS;
}

const roi_enum_field *roi_enum_fields(size_t *count)
{
    *count = sizeof ENUM_FIELDS / sizeof ENUM_FIELDS[0];
    return ENUM_FIELDS;
}

const roi_number_field *roi_scenario_number_fields(size_t *count)
{
    *count = sizeof SCENARIO_FIELDS / sizeof SCENARIO_FIELDS[0];
    return SCENARIO_FIELDS;
}

const roi_number_field *roi_number_field_find(const char *path)
{
    for (size_t i = 0; i < sizeof NUMBER_FIELDS / sizeof NUMBER_FIELDS[0]; i++)
        if (strcmp(NUMBER_FIELDS[i].path, path) == 0)
            return &NUMBER_FIELDS[i];
    return NULL;
}

const roi_enum_field *roi_enum_field_find(const char *path)
{
    for (size_t i = 0; i < sizeof ENUM_FIELDS / sizeof ENUM_FIELDS[0]; i++)
        if (strcmp(ENUM_FIELDS[i].path, path) == 0)
            return &ENUM_FIELDS[i];
    return NULL;
}

double roi_number_get(const void *base, const roi_number_field *f)
{
    double v;
    memcpy(&v, (const char *)base + f->offset, sizeof v);
    return v;
}

void roi_number_set(void *base, const roi_number_field *f, double value)
{
    memcpy((char *)base + f->offset, &value, sizeof value);
}

bool roi_number_valid(const roi_number_field *f, double value)
{
    if (!isfinite(value) || value > f->max || (f->whole && value != floor(value)))
        return false;
    return f->min_open ? value > f->min : value >= f->min;
}

char *roi_number_rule(const roi_number_field *f, char *buf, size_t size)
{
    char lo[32], hi[32];
    roi_format_number(f->min, lo);
    roi_format_number(f->max, hi);
    if (f->whole)
        roi_fmt(buf, size, "must be a whole number between %s and %s", lo, hi);
    else if (f->min_open)
        roi_fmt(buf, size, "must be greater than %s and at most %s", lo, hi);
    else
        roi_fmt(buf, size, "must be between %s and %s", lo, hi);
    return buf;
}

static int enum_id(const roi_enum_field *f)
{
    return (int)(f - ENUM_FIELDS);
}

int roi_enum_get(const roi_inputs *in, const roi_enum_field *f)
{
    switch (enum_id(f)) {
    case ENUM_ENTRY: return (int)in->funnel.entry;
    case ENUM_ROUNDING: return (int)in->funnel.rounding;
    case ENUM_MODEL: return (int)in->costs.model;
    case ENUM_GOAL: return (int)in->goal.metric;
    default: return (int)in->costs.meeting_basis;
    }
}

void roi_enum_set(roi_inputs *in, const roi_enum_field *f, int value)
{
    if (value < (f->nullable ? -1 : 0) || value >= f->count)
        return;
    switch (enum_id(f)) {
    case ENUM_ENTRY: in->funnel.entry = (roi_stage)value; break;
    case ENUM_ROUNDING: in->funnel.rounding = (roi_rounding)value; break;
    case ENUM_MODEL: in->costs.model = (roi_model)value; break;
    case ENUM_GOAL: in->goal.metric = (roi_goal)value; break;
    default: in->costs.meeting_basis = (roi_basis)value; break;
    }
}

int roi_enum_parse(const roi_enum_field *f, const char *name)
{
    for (int i = 0; i < f->count; i++)
        if (strcmp(f->names[i], name) == 0)
            return i;
    return -1;
}

/* The fast path of roi_format_number: a value of at most 15 significant
 * digits with at most 9 decimals, between 1e-4 and 1e15, written as %.15g
 * would write it, without snprintf or strtod.  n / 10^k == value in double
 * arithmetic (both exact, the quotient correctly rounded) proves that the
 * decimal n * 10^-k reads back to value; the smallest such k gives the
 * shortest text.  Returns the length, or 0 when the slow path must decide. */
static int format_decimal(double value, char *buf)
{
    static const double pow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    double a = fabs(value);
    if (!(a >= 1e-4 && a < 1e15))
        return 0;
    for (int k = 0; k < 10; k++) {
        double n = nearbyint(a * pow10[k]);
        if (n >= 1e15)
            return 0;
        if (n / pow10[k] != a)
            continue;
        char digits[24];
        int len = 0, o = 0;
        for (unsigned long long u = (unsigned long long)n; u; u /= 10)
            digits[len++] = (char)('0' + u % 10);
        if (value < 0)
            buf[o++] = '-';
        if (len <= k) { /* 0.00ddd */
            buf[o++] = '0';
            buf[o++] = '.';
            for (int z = 0; z < k - len; z++)
                buf[o++] = '0';
        }
        for (int i = len - 1; i >= 0; i--) {
            buf[o++] = digits[i];
            if (i == k && k > 0 && len > k)
                buf[o++] = '.';
        }
        buf[o] = '\0';
        return o;
    }
    return 0;
}

int roi_format_number(double value, char *buf)
{
    if (!isfinite(value)) {
        memcpy(buf, "null", 5);
        return 4;
    }
    if (value == 0) { /* also turns -0 into 0 */
        memcpy(buf, "0", 2);
        return 1;
    }
    int n = format_decimal(value, buf);
    if (n > 0)
        return n;
    /* %.15g is exact for most money and rates; widen only when it is not. */
    for (int digits = 15; digits <= 17; digits++) {
        n = roi_num_format_g(value, digits, buf);
        if (roi_num_parse(buf, NULL) == value)
            break;
    }
    return n;
}

long roi_utf8_chars(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    long chars = 0;
    while (*p) {
        unsigned c = *p;
        int extra;
        unsigned min;
        if (c < 0x20 || c == 0x7f)
            return -1;
        if (c < 0x80) { extra = 0; min = 0; }
        else if ((c & 0xe0) == 0xc0) { extra = 1; c &= 0x1f; min = 0x80; }
        else if ((c & 0xf0) == 0xe0) { extra = 2; c &= 0x0f; min = 0x800; }
        else if ((c & 0xf8) == 0xf0) { extra = 3; c &= 0x07; min = 0x10000; }
        else return -1;
        p++;
        for (int i = 0; i < extra; i++, p++) {
            if ((*p & 0xc0) != 0x80)
                return -1;
            c = (c << 6) | (*p & 0x3fu);
        }
        if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
            return -1;
        chars++;
    }
    return chars;
}

bool roi_currency_valid(const char *s)
{
    for (int i = 0; i < 3; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return false;
    return s[3] == '\0';
}

void roi_utf8_printable(const char *text, char *out, size_t size)
{
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p && o + 5 < size) {
        char one[5] = {0};
        size_t n = (*p < 0x80) ? 1 : (*p & 0xe0) == 0xc0 ? 2 : (*p & 0xf0) == 0xe0 ? 3
                 : (*p & 0xf8) == 0xf0 ? 4 : 0;
        size_t i = 0;
        for (; i < n && p[i]; i++)
            one[i] = (char)p[i];
        if (n == 0 || i < n || roi_utf8_chars(one) != 1) {
            out[o++] = '?';
            p++;
            continue;
        }
        memcpy(out + o, one, n);
        o += n;
        p += n;
    }
    out[o] = '\0';
}
