/*
 * roi_fields.c - the field table of METHODOLOGY section 2.
 */
#include "roi_fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IN(member) offsetof(roi_inputs, member)
#define SC(member) offsetof(roi_scenario, member)
#define RATE(r) (offsetof(roi_inputs, funnel.rate) + (r) * sizeof(double))

static const roi_number_field NUMBER_FIELDS[] = {
    {"horizon_months", "hz", IN(horizon_months), 0, 600, false},
    {"target_roi", "tr", IN(target_roi), -1, 1000, true},
    {"target_ltv_cac", "tl", IN(target_ltv_cac), 0, 1000, true},
    {"time.operators", "ops", IN(time.operators), 0, 100000, false},
    {"time.hours_per_operator", "hrs", IN(time.hours_per_operator), 0, 100000, false},
    {"time.talk_share", "talk", IN(time.talk_share), 0, 1, true},
    {"funnel.volume", "vol", IN(funnel.volume), 0, 1e9, false},
    {"funnel.contact_rate", "contact", RATE(ROI_RATE_CONTACT), 0, 1, false},
    {"funnel.lead_rate", "lead", RATE(ROI_RATE_LEAD), 0, 1, false},
    {"funnel.meeting_rate", "meet", RATE(ROI_RATE_MEETING), 0, 1, false},
    {"funnel.show_rate", "show", RATE(ROI_RATE_SHOW), 0, 1, false},
    {"funnel.opportunity_rate", "opp", RATE(ROI_RATE_OPPORTUNITY), 0, 1, false},
    {"funnel.close_rate", "close", RATE(ROI_RATE_CLOSE), 0, 1, false},
    {"value.deal_value", "deal", IN(value.deal_value), 0, 1e12, false},
    {"value.monthly_value", "mrr", IN(value.monthly_value), 0, 1e12, false},
    {"value.lifetime_months", "life", IN(value.lifetime_months), 0, 600, false},
    {"value.margin_rate", "margin", IN(value.margin_rate), 0, 1, false},
    {"value.sales_cycle_months", "cycle", IN(value.sales_cycle_months), 0, 120, false},
    {"costs.in_house_hourly_cost", "ihc", IN(costs.in_house_hourly_cost), 0, 1e12, false},
    {"costs.in_house_fixed", "ihf", IN(costs.in_house_fixed), 0, 1e12, false},
    {"costs.hourly_rate", "rate", IN(costs.hourly_rate), 0, 1e12, false},
    {"costs.bonus_per_meeting", "bonus", IN(costs.bonus_per_meeting), 0, 1e12, false},
    {"costs.per_call", "pcall", IN(costs.per_call), 0, 1e12, false},
    {"costs.per_meeting", "pmeet", IN(costs.per_meeting), 0, 1e12, false},
    {"costs.per_deal", "pdeal", IN(costs.per_deal), 0, 1e12, false},
    {"costs.flat_fee", "flat", IN(costs.flat_fee), 0, 1e12, false},
    {"costs.internal_hours_per_meeting", "ihm", IN(costs.internal_hours_per_meeting), 0, 1000, false},
    {"costs.internal_hourly_cost", "ihr", IN(costs.internal_hourly_cost), 0, 1e9, false},
};

static const roi_number_field SCENARIO_FIELDS[] = {
    {"uncertainty.spread", "spread", SC(spread), 0, 1, false},
    {"reallocation.min_roi", "rmin", SC(reallocation_min_roi), -1, 1000, true},
    {"reallocation.shift", "rshift", SC(reallocation_shift), 0, 1, false},
};

static const char *const ENTRY_NAMES[] = {
    "calls", "contacts", "leads", "meetings", "held", "opportunities", "deals"};
static const char *const ROUNDING_NAMES[] = {"floor", "expected"};
static const char *const MODEL_NAMES[] = {
    "in_house", "hourly", "hybrid", "per_call", "per_meeting", "per_deal", "flat"};
static const char *const BASIS_NAMES[] = {"booked", "held"};

#define COUNT(a) (int)(sizeof(a) / sizeof((a)[0]))

enum { ENUM_ENTRY, ENUM_ROUNDING, ENUM_MODEL, ENUM_BASIS };
static const roi_enum_field ENUM_FIELDS[] = {
    {"funnel.entry", "entry", ENTRY_NAMES, COUNT(ENTRY_NAMES)},
    {"funnel.rounding", "round", ROUNDING_NAMES, COUNT(ROUNDING_NAMES)},
    {"costs.model", "model", MODEL_NAMES, COUNT(MODEL_NAMES)},
    {"costs.meeting_basis", "basis", BASIS_NAMES, COUNT(BASIS_NAMES)},
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
    if (!isfinite(value) || value > f->max)
        return false;
    return f->min_open ? value > f->min : value >= f->min;
}

char *roi_number_rule(const roi_number_field *f, char *buf, size_t size)
{
    char lo[32], hi[32];
    roi_format_number(f->min, lo);
    roi_format_number(f->max, hi);
    if (f->min_open)
        snprintf(buf, size, "must be greater than %s and at most %s", lo, hi);
    else
        snprintf(buf, size, "must be between %s and %s", lo, hi);
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
    default: return (int)in->costs.meeting_basis;
    }
}

void roi_enum_set(roi_inputs *in, const roi_enum_field *f, int value)
{
    if (value < 0 || value >= f->count)
        return;
    switch (enum_id(f)) {
    case ENUM_ENTRY: in->funnel.entry = (roi_stage)value; break;
    case ENUM_ROUNDING: in->funnel.rounding = (roi_rounding)value; break;
    case ENUM_MODEL: in->costs.model = (roi_model)value; break;
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
    /* %.15g is exact for most money and rates; widen only when it is not. */
    int n = 0;
    for (int digits = 15; digits <= 17; digits++) {
        n = snprintf(buf, 32, "%.*g", digits, value);
        if (strtod(buf, NULL) == value)
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
