/*
 * roi_diag.c - list of field problems, and the table of their codes.
 */
#include "roi_diag.h"
#include "roi_num.h"

#include "roi_fields.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One row per roi_code, in enum order.  A template names its parameters in
 * braces; every parameter of the row appears in its template. */
static const roi_code_info CODES[ROI_CODE_COUNT] = {
    [ROI_CODE_MORE] = {"more", "count", "and {count} more not listed"},
    /* ---- documents (JSON layer) ---- */
    [ROI_CODE_TOO_BIG] = {"too_big", "bytes max",
                          "the text is {bytes} bytes, over the limit of {max} bytes"},
    [ROI_CODE_EMPTY] = {"empty", "",
                        "the document is empty: expected a JSON object such as {\"version\": 1}"},
    [ROI_CODE_DEPTH] = {"depth", "max", "the document is nested more than {max} levels deep"},
    [ROI_CODE_JSON] = {"json", "line column", "malformed JSON at line {line}, column {column}"},
    [ROI_CODE_TRAILING] = {"trailing", "line column",
                           "unexpected text after the JSON document at line {line}, column {column}"},
    [ROI_CODE_NUL_CHAR] = {"nul_char", "line column",
                           "a NUL character (\\u0000) in a string at line {line}, column {column}: "
                           "text may not contain one"},
    [ROI_CODE_NOT_OBJECT] = {"not_object", "got", "the document must be a JSON object, not {got}"},
    [ROI_CODE_INTERNAL] = {"internal", "",
                           "internal error: the scenario passed validation but could not be computed"},
    /* ---- scenario fields ---- */
    [ROI_CODE_TYPE] = {"type", "expected got", "must be of type {expected}, not {got}"},
    [ROI_CODE_NOT_FINITE] = {"not_finite", "", "is too large to be a number"},
    [ROI_CODE_RANGE] = {"range", "min max got", "must be between {min} and {max} (got {got})"},
    [ROI_CODE_RANGE_ABOVE] = {"range_above", "min max got",
                              "must be greater than {min} and at most {max} (got {got})"},
    [ROI_CODE_ENUM] = {"enum", "value allowed",
                       "unknown value \"{value}\": must be one of {allowed}"},
    [ROI_CODE_NO_VALUE] = {"no_value", "", "has no valid value"},
    [ROI_CODE_TEXT] = {"text", "", "is not valid text (broken UTF-8 or control characters)"},
    [ROI_CODE_TOO_LONG] = {"too_long", "max got", "must be at most {max} characters (got {got})"},
    [ROI_CODE_CURRENCY] = {"currency", "got",
                           "must be a three-letter ISO 4217 code such as EUR (got \"{got}\")"},
    [ROI_CODE_CURRENCY_DIFFERS] = {"currency_differs", "currency",
                                   "differs from the scenario's {currency}: amounts are compared as they are"},
    [ROI_CODE_VERSION] = {"version", "got supported",
                          "unsupported version {got}: this calculator reads version {supported}"},
    [ROI_CODE_TOO_MANY] = {"too_many", "max got", "must have at most {max} items (got {got})"},
    [ROI_CODE_UNKNOWN_KEY] = {"unknown_key", "", "unknown key, ignored"},
    [ROI_CODE_NOT_ALLOWED] = {"not_allowed", "", "is not allowed inside a channel"},
    [ROI_CODE_PAIR] = {"pair", "", "must be a list of two numbers [low, high]"},
    [ROI_CODE_RANGE_BOUNDS] = {"range_bounds", "min max low high",
                               "both bounds must be between {min} and {max} (got [{low}, {high}])"},
    [ROI_CODE_RANGE_ORDER] = {"range_order", "low high value",
                              "must satisfy low <= value <= high (got [{low}, {high}] around {value})"},
    [ROI_CODE_NEEDS_COUNT] = {"needs_count", "model unit entry stage",
                              "the {model} model is priced per {unit}, but this funnel does not "
                              "know that count (it starts at {entry}, or skips {stage}): start the "
                              "funnel earlier, keep that stage or choose another model"},
    [ROI_CODE_NEEDS_HELD] = {"needs_held", "entry",
                             "internal costs are counted per held meeting, but this funnel does "
                             "not know that count (it starts at {entry}, or skips held meetings)"},
    [ROI_CODE_DUPLICATE] = {"duplicate", "value", "lists {value} twice"},
    [ROI_CODE_SKIP_ORDER] = {"skip_order", "entry",
                             "may not list the entry stage ({entry}) or deals"},
    [ROI_CODE_SKIP_RATE] = {"skip_rate", "stage",
                            "leads into {stage}, which this funnel skips: it must be 1, with no range"},
    [ROI_CODE_GOAL_STAGE] = {"goal_stage", "stage",
                             "the goal counts {stage}, which this funnel does not know"},
    /* ---- link codec ---- */
    [ROI_CODE_LINK_TOO_LONG] = {"link_too_long", "bytes max",
        "the link is {bytes} bytes, over the limit of {max} bytes"},
    [ROI_CODE_LINK_VERSION] = {"link_version", "got supported",
        "the link is format version {got}; this calculator reads versions 1 to {supported}"},
    [ROI_CODE_LINK_PAIR] = {"link_pair", "part",
        "a part of the link is not key=value (\"{part}\"); ignored"},
    [ROI_CODE_LINK_VALUE] = {"link_value", "key",
        "link key \"{key}\" has a broken or over-long value; ignored"},
    [ROI_CODE_LINK_UNKNOWN_KEY] = {"link_unknown_key", "key",
        "link key \"{key}\" is unknown; ignored"},
    [ROI_CODE_LINK_NUMBER] = {"link_number", "key",
        "link key \"{key}\" is not a plain decimal number; ignored"},
    [ROI_CODE_LINK_RANGE] = {"link_range", "key min max",
        "link key \"{key}\" must be between {min} and {max}; ignored"},
    [ROI_CODE_LINK_RANGE_ABOVE] = {"link_range_above", "key min max",
        "link key \"{key}\" must be greater than {min} and at most {max}; ignored"},
    [ROI_CODE_LINK_WHOLE] = {"link_whole", "key min max",
        "link key \"{key}\" must be a whole number between {min} and {max}; ignored"},
    [ROI_CODE_LINK_TEXT] = {"link_text", "key",
        "link key \"{key}\" is not valid text; ignored"},
    [ROI_CODE_LINK_TEXT_TOO_LONG] = {"link_text_too_long", "key max",
        "link key \"{key}\" is longer than {max} characters; ignored"},
    [ROI_CODE_LINK_CURRENCY] = {"link_currency", "key",
        "link key \"{key}\" must be a three-letter currency code such as EUR; ignored"},
    [ROI_CODE_LINK_ENUM] = {"link_enum", "key got allowed",
        "link key \"{key}\" has an unknown value \"{got}\" (one of: {allowed}); ignored"},
    [ROI_CODE_LINK_CHANNEL] = {"link_channel", "key max",
        "link key \"{key}\" names no channel between c0 and c{max}; ignored"},
    [ROI_CODE_LINK_TOO_MANY] = {"link_too_many", "key max",
        "link key \"{key}\" goes past {max} fixed costs; ignored"},
    [ROI_CODE_LINK_FIXED_AMOUNT] = {"link_fixed_amount", "key min max",
        "link key \"{key}\" needs a plain decimal amount between {min} and {max} before ':'; ignored"},
    [ROI_CODE_LINK_FIXED_LABEL] = {"link_fixed_label", "key max",
        "link key \"{key}\" has a label that is not valid text of at most {max} characters; ignored"},
    [ROI_CODE_LINK_RANGE_FIELD] = {"link_range_field", "key",
        "link key \"{key}\" names no uncertain field; ignored"},
    [ROI_CODE_LINK_BOUNDS] = {"link_bounds", "key",
        "link key \"{key}\" must be <low>:<high>, two plain decimal numbers; ignored"},
    [ROI_CODE_LINK_SKIP] = {"link_skip", "key allowed",
        "link key \"{key}\" must list stage names ({allowed}), each once, separated by commas; ignored"},
    [ROI_CODE_LINK_RAMP] = {"link_ramp", "key max",
        "link key \"{key}\" must be at most {max} shares between 0 and 1, plain decimals separated by commas; ignored"},
    /* ---- simulation options ---- */
    [ROI_CODE_WHOLE_RANGE] = {"whole_range", "min max got",
                              "must be a whole number from {min} to {max} (got {got})"},
};

const roi_code_info *roi_code_table(size_t *count)
{
    *count = ROI_CODE_COUNT;
    return CODES;
}

void roi_diags_init(roi_diags *d)
{
    d->items = NULL;
    d->count = d->cap = d->dropped = 0;
    d->failed = false;
}

/* A new slot at the end of the list, or NULL (counted as dropped) when the
 * list is full or out of memory. */
static roi_diag *new_item(roi_diags *d)
{
    if (d->count >= ROI_DIAG_MAX) {
        d->dropped++;
        return NULL;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        roi_diag *items = realloc(d->items, cap * sizeof *items);
        if (!items) {
            d->failed = true;
            d->dropped++;
            return NULL;
        }
        d->items = items;
        d->cap = cap;
    }
    roi_diag *item = &d->items[d->count++];
    memset(item, 0, sizeof *item);
    return item;
}

static const roi_param *param_named(const roi_diag *item, const char *name, size_t len)
{
    for (size_t i = 0; i < item->param_count; i++)
        if (strlen(item->params[i].name) == len &&
            strncmp(item->params[i].name, name, len) == 0)
            return &item->params[i];
    return NULL;
}

/* Renders the code's template into item->message, parameters substituted
 * literally (a '$' or '{' in a text parameter is just a character). */
static void render(roi_diag *item)
{
    const char *t = CODES[item->code].message;
    size_t o = 0, size = sizeof item->message;
    while (*t && o + 1 < size) {
        const char *close = *t == '{' ? strchr(t, '}') : NULL;
        const roi_param *p = close ? param_named(item, t + 1, (size_t)(close - t - 1)) : NULL;
        if (!p) {
            item->message[o++] = *t++;
            continue;
        }
        char num[32];
        const char *value = p->is_text ? p->text : num;
        if (!p->is_text)
            roi_format_number(p->number, num);
        size_t n = strlen(value);
        if (n > size - 1 - o)
            n = size - 1 - o;
        memcpy(item->message + o, value, n);
        o += n;
        t = close + 1;
    }
    item->message[o] = '\0';
}

#ifndef NDEBUG
/* True when name is the index-th word of the space-separated list (only the
 * asserts use it: a release build would warn it unused). */
static bool nth_name(const char *list, size_t index, const char *name)
{
    size_t len = strlen(name);
    for (size_t i = 0; *list; i++) {
        const char *end = strchr(list, ' ');
        size_t n = end ? (size_t)(end - list) : strlen(list);
        if (i == index)
            return n == len && strncmp(list, name, len) == 0;
        list += n + (end ? 1 : 0);
    }
    return false;
}
#endif

void roi_diags_emit(roi_diags *d, const char *field, roi_code code,
                    const roi_arg *args, size_t nargs)
{
    assert((unsigned)code < ROI_CODE_COUNT && CODES[code].name);
    assert(nargs <= ROI_DIAG_PARAMS);
    roi_diag *item = new_item(d);
    if (!item)
        return;
    roi_fmt(item->field, sizeof item->field, "%s", field);
    item->code = code;
    for (size_t i = 0; i < nargs && i < ROI_DIAG_PARAMS; i++) {
        roi_param *p = &item->params[item->param_count++];
        assert(nth_name(CODES[code].params, i, args[i].name));
        p->name = args[i].name;
        p->is_text = args[i].text != NULL;
        p->number = args[i].number;
        if (p->is_text)
            roi_utf8_printable(args[i].text, p->text, sizeof p->text);
    }
    render(item);
}

void roi_diags_copy(roi_diags *d, const char *field, const roi_diag *from)
{
    roi_diag *item = new_item(d);
    if (!item)
        return;
    *item = *from;
    roi_fmt(item->field, sizeof item->field, "%s", field);
}

size_t roi_diags_total(const roi_diags *d)
{
    return d->count + d->dropped;
}

static void put_item(roi_buf *b, const roi_diag *item)
{
    roi_buf_puts(b, "{\"field\":");
    roi_buf_json_string(b, item->field);
    roi_buf_puts(b, ",\"code\":");
    roi_buf_json_string(b, CODES[item->code].name);
    roi_buf_puts(b, ",\"params\":{");
    for (size_t i = 0; i < item->param_count; i++) {
        const roi_param *p = &item->params[i];
        if (i)
            roi_buf_putc(b, ',');
        roi_buf_json_string(b, p->name);
        roi_buf_putc(b, ':');
        if (p->is_text)
            roi_buf_json_string(b, p->text);
        else
            roi_buf_number(b, p->number);
    }
    roi_buf_puts(b, "},\"message\":");
    roi_buf_json_string(b, item->message);
    roi_buf_putc(b, '}');
}

void roi_diags_to_json(roi_buf *b, const roi_diags *d)
{
    roi_buf_putc(b, '[');
    for (size_t i = 0; d && i < d->count; i++) {
        if (i)
            roi_buf_putc(b, ',');
        put_item(b, &d->items[i]);
    }
    if (d && d->dropped) {
        roi_diag more;
        memset(&more, 0, sizeof more);
        more.code = ROI_CODE_MORE;
        more.param_count = 1;
        more.params[0].name = "count";
        more.params[0].number = (double)d->dropped;
        render(&more);
        if (d->count)
            roi_buf_putc(b, ',');
        put_item(b, &more);
    }
    roi_buf_putc(b, ']');
}

void roi_diags_free(roi_diags *d)
{
    free(d->items);
    roi_diags_init(d);
}

char *roi_code_table_json(void)
{
    roi_buf b;
    roi_buf_init(&b);
    roi_buf_putc(&b, '[');
    for (size_t c = 0; c < ROI_CODE_COUNT; c++) {
        roi_buf_puts(&b, c ? ",{\"code\":" : "{\"code\":");
        roi_buf_json_string(&b, CODES[c].name);
        roi_buf_puts(&b, ",\"params\":[");
        for (const char *p = CODES[c].params; *p;) {
            char name[ROI_DIAG_TEXT_SIZE];
            size_t n = strcspn(p, " ");
            roi_fmt(name, sizeof name, "%.*s", (int)n, p);
            if (p != CODES[c].params)
                roi_buf_putc(&b, ',');
            roi_buf_json_string(&b, name);
            p += n + (p[n] == ' ');
        }
        roi_buf_puts(&b, "],\"message\":");
        roi_buf_json_string(&b, CODES[c].message);
        roi_buf_putc(&b, '}');
    }
    roi_buf_putc(&b, ']');
    return roi_buf_finish(&b);
}
