/*
 * roi_fields.h - the scalar fields of a campaign as data: canonical path,
 * valid range, where the value lives.  The JSON reader and the link codec both
 * walk this table, so a field is validated the same way wherever it comes from.
 */
#ifndef ROI_FIELDS_H
#define ROI_FIELDS_H

#include "roi_calc.h"

/* What a number means, for interfaces (roi fields): how to show and ask it. */
typedef enum {
    ROI_KIND_RATE,      /* a fraction: 0.25 = 25 % */
    ROI_KIND_MONEY,     /* in the scenario's currency */
    ROI_KIND_COUNT,     /* a number of things (people, calls, deals) */
    ROI_KIND_MONTHS,
    ROI_KIND_HOURS,
    ROI_KIND_MULTIPLE,  /* a ratio such as LTV:CAC */
    ROI_KIND_GOAL,      /* money or a count, as goal.metric says */
    ROI_KIND_COUNT_
} roi_kind;

/* Where a field may appear: in every campaign, or only at the scenario's top
 * level (never inside a channel). */
typedef enum { ROI_SCOPE_CAMPAIGN, ROI_SCOPE_SCENARIO } roi_scope;

typedef struct {
    const char *path;   /* canonical dotted path, e.g. "funnel.close_rate" */
    const char *key;    /* short key in scenario links, e.g. "close" */
    size_t offset;      /* of the double inside the struct it belongs to */
    double min, max;    /* valid range */
    bool min_open;      /* true: min itself is not valid (> rather than >=) */
    bool whole;         /* true: only whole numbers */
    roi_kind kind;
    const char *unit;   /* "fraction", "currency/hour", "months"...; "entry": the
                           count of the funnel's entry stage */
    roi_scope scope;
} roi_number_field;

typedef struct {
    const char *path;            /* e.g. "costs.model" */
    const char *key;             /* short link key */
    const char *const *names;    /* accepted names, index = enum value */
    int count;
    bool nullable;               /* true: -1 (null) is a value, the default */
    roi_scope scope;
} roi_enum_field;

/* The number fields of roi_inputs, in document order; *count receives their
 * number.  The table is static: the caller owns nothing. */
const roi_number_field *roi_number_fields(size_t *count);
/* The enum fields of roi_inputs (funnel.entry, funnel.rounding, costs.model,
 * costs.meeting_basis). */
const roi_enum_field *roi_enum_fields(size_t *count);
/* The scenario-level numbers (uncertainty.spread, reallocation.min_roi,
 * reallocation.shift); their offsets are into roi_scenario. */
const roi_number_field *roi_scenario_number_fields(size_t *count);

/* Lookup by canonical path; NULL when the path names no such field. */
const roi_number_field *roi_number_field_find(const char *path);
const roi_enum_field *roi_enum_field_find(const char *path);

const char *roi_kind_name(roi_kind kind);

/* Stage names accepted in funnel.skip (every stage but deals), and the bounds
 * of the two list fields. */
#define ROI_SKIP_PATH "funnel.skip"
#define ROI_RAMP_PATH "schedule.ramp"

/* Reads or writes the double a field designates inside `base` (a roi_inputs,
 * or a roi_scenario for the scenario-level table). */
double roi_number_get(const void *base, const roi_number_field *f);
void roi_number_set(void *base, const roi_number_field *f, double value);

/* True when value is finite and inside the field's range. */
bool roi_number_valid(const roi_number_field *f, double value);

/* Writes "must be between 0 and 1" (or the open-bound wording) into buf.
 * Returns buf; the text is truncated to size. */
char *roi_number_rule(const roi_number_field *f, char *buf, size_t size);

/* An enum field's value in *in as an int (-1 for null), and setting it.  set
 * ignores values outside [0, count), and -1 unless the field is nullable. */
int roi_enum_get(const roi_inputs *in, const roi_enum_field *f);
void roi_enum_set(roi_inputs *in, const roi_enum_field *f, int value);

/* The index of name in the field's names, or -1. */
int roi_enum_parse(const roi_enum_field *f, const char *name);

/* Writes the shortest decimal text that reads back (strtod) to the same
 * double: "0.25", "1800", "1e+12".  buf needs 32 bytes.  Non-finite values
 * give "null".  Returns the length written. */
int roi_format_number(double value, char *buf);

/* Counts the characters of a UTF-8 string; -1 when it is not valid UTF-8 or
 * holds a control character. */
long roi_utf8_chars(const char *s);

/* Copies text from a document into out for a message: at most size - 2
 * bytes (a 64-byte buffer holds a 62-byte excerpt), cut on a character
 * boundary, every byte of broken UTF-8 or control character shown as '?'.
 * out needs at least 6 bytes. */
void roi_utf8_printable(const char *text, char *out, size_t size);

/* True when s is exactly three uppercase ASCII letters (an ISO 4217 code). */
bool roi_currency_valid(const char *s);

#endif
