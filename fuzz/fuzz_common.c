/*
 * fuzz_common.c - strict JSON and the scenario round trips, for every harness.
 */
#include "fuzz_common.h"

#include "roi_json.h"
#include "roi_link.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "\n%s:%d: property broken: %s\n  ", file, line, cond);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

/* ---- strict JSON ------------------------------------------------------------ */

/* Length of the UTF-8 sequence at p (RFC 3629: no overlong form, no
 * surrogate, nothing past U+10FFFF), or 0 when it is not one. */
static size_t utf8_sequence(const unsigned char *p)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= lo && p[1] <= hi && (p[2] & 0xC0) == 0x80 &&
                       (p[3] & 0xC0) == 0x80
                   ? 4
                   : 0;
    }
    return 0;
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Skips one number of the RFC 8259 grammar starting at p; NULL when the text
 * there is not one. */
static const unsigned char *skip_number(const unsigned char *p)
{
    if (*p == '-')
        p++;
    if (*p == '0')
        p++;
    else if (*p >= '1' && *p <= '9')
        while (is_digit(*p))
            p++;
    else
        return NULL;
    if (*p == '.') {
        p++;
        if (!is_digit(*p))
            return NULL;
        while (is_digit(*p))
            p++;
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!is_digit(*p))
            return NULL;
        while (is_digit(*p))
            p++;
    }
    return p;
}

static bool is_hex(unsigned char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* The token-level rules cJSON lets through: raw control characters in
 * strings, numbers such as 01, +1, .5 or 1., and bytes that are not UTF-8. */
static void check_tokens(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    for (const unsigned char *q = p; *q;) {
        size_t n = utf8_sequence(q);
        FUZZ_CHECK(n > 0, "byte %zu (0x%02X) is not UTF-8 in:\n%s", (size_t)(q - p), *q, text);
        q += n;
    }
    while (*p) {
        const unsigned char *start = p;
        if (*p == '"') {
            for (p++; *p != '"'; p++) {
                FUZZ_CHECK(*p != 0, "unterminated string in:\n%s", text);
                FUZZ_CHECK(*p >= 0x20, "raw control character 0x%02X in a string at %zu in:\n%s",
                           *p, (size_t)(p - (const unsigned char *)text), text);
                if (*p == '\\') {
                    p++;
                    FUZZ_CHECK(*p && strchr("\"\\/bfnrtu", *p), "bad escape at %zu in:\n%s",
                               (size_t)(p - (const unsigned char *)text), text);
                    if (*p == 'u') {
                        for (int i = 1; i <= 4; i++)
                            FUZZ_CHECK(is_hex(p[i]), "bad \\u escape in:\n%s", text);
                        p += 4;
                    }
                }
            }
            p++;
        } else if (*p == '-' || is_digit(*p)) {
            p = skip_number(p);
            FUZZ_CHECK(p && (*p == 0 || strchr(",]} \t\r\n", *p)),
                       "number outside the JSON grammar at %zu in:\n%s",
                       (size_t)(start - (const unsigned char *)text), text);
        } else if (*p >= 'a' && *p <= 'z') {
            while (*p >= 'a' && *p <= 'z')
                p++;
            size_t n = (size_t)(p - start);
            FUZZ_CHECK((n == 4 && (memcmp(start, "true", 4) == 0 || memcmp(start, "null", 4) == 0)) ||
                           (n == 5 && memcmp(start, "false", 5) == 0),
                       "bare word at %zu in:\n%s", (size_t)(start - (const unsigned char *)text),
                       text);
        } else {
            FUZZ_CHECK(strchr("{}[],: \t\r\n", *p), "stray byte 0x%02X at %zu in:\n%s", *p,
                       (size_t)(p - (const unsigned char *)text), text);
            p++;
        }
    }
}

static void check_finite(const cJSON *item, const char *text)
{
    for (; item; item = item->next) {
        if (cJSON_IsNumber(item))
            FUZZ_CHECK(isfinite(item->valuedouble), "number %s is not finite in:\n%s",
                       item->string ? item->string : "(item)", text);
        check_finite(item->child, text);
    }
}

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
        p++;
    return p;
}

/* p at a '"' that check_tokens passed: past the closing quote. */
static const char *skip_string(const char *p)
{
    for (p++; *p != '"'; p++)
        if (*p == '\\')
            p++;
    return p + 1;
}

/* Skips one value of the JSON grammar, numbers checked finite; NULL when the
 * text there is not one (tokens were checked by check_tokens). */
static const char *skip_value(const char *p, int depth, const char *text)
{
    p = skip_ws(p);
    FUZZ_CHECK(depth < 256, "nested over 256 levels in:\n%s", text);
    if (*p == '{' || *p == '[') {
        char close = *p == '{' ? '}' : ']';
        p = skip_ws(p + 1);
        if (*p == close)
            return p + 1;
        for (;;) {
            if (close == '}') {
                if (*p != '"')
                    return NULL;
                p = skip_ws(skip_string(p));
                if (*p++ != ':')
                    return NULL;
            }
            p = skip_value(p, depth + 1, text);
            if (!p)
                return NULL;
            p = skip_ws(p);
            if (*p == close)
                return p + 1;
            if (*p++ != ',')
                return NULL;
            p = skip_ws(p);
        }
    }
    if (*p == '"')
        return skip_string(p);
    if (strncmp(p, "true", 4) == 0 || strncmp(p, "null", 4) == 0)
        return p + 4;
    if (strncmp(p, "false", 5) == 0)
        return p + 5;
    const char *end = (const char *)skip_number((const unsigned char *)p);
    if (end)
        FUZZ_CHECK(isfinite(strtod(p, NULL)), "number %.*s is not finite in:\n%s",
                   (int)(end - p), p, text);
    return end;
}

void fuzz_strict_json_text(const char *text)
{
    FUZZ_CHECK(text != NULL, "no document (out of memory?)");
    check_tokens(text);
    const char *end = skip_value(text, 0, text);
    FUZZ_CHECK(end && *skip_ws(end) == '\0', "not one JSON value at %zu in:\n%s",
               end ? (size_t)(end - text) : (size_t)0, text);
}

cJSON *fuzz_strict_json(const char *text)
{
    FUZZ_CHECK(text != NULL, "no document (out of memory?)");
    check_tokens(text);
    const char *end = NULL;
    cJSON *doc = cJSON_ParseWithLengthOpts(text, strlen(text) + 1, &end, true);
    FUZZ_CHECK(doc != NULL, "cJSON refuses the document at %zu:\n%s",
               end ? (size_t)(end - text) : (size_t)0, text);
    check_finite(doc, text);
    return doc;
}

bool fuzz_json_ok(const cJSON *doc)
{
    const cJSON *ok = cJSON_GetObjectItemCaseSensitive(doc, "ok");
    FUZZ_CHECK(cJSON_IsBool(ok), "no boolean \"ok\" in the document");
    return cJSON_IsTrue(ok);
}

void fuzz_check_ok_shape(const cJSON *doc)
{
    const cJSON *errors = cJSON_GetObjectItemCaseSensitive(doc, "errors");
    if (fuzz_json_ok(doc))
        FUZZ_CHECK(errors == NULL, "\"ok\": true with an errors member");
    else
        FUZZ_CHECK(cJSON_IsArray(errors) && cJSON_GetArraySize(errors) > 0,
                   "\"ok\": false without errors");
}

/* ---- round trips -------------------------------------------------------------- */

static char *canonical(const roi_scenario *s)
{
    char *json = roi_scenario_to_json(s, 0);
    FUZZ_CHECK(json != NULL, "roi_scenario_to_json returned NULL");
    return json;
}

void fuzz_link_round_trip(const roi_scenario *s, const char *json)
{
    roi_diags errors, warnings;
    roi_diags_init(&errors);
    char *link = NULL;
    roi_status st = roi_link_encode(s, &link, &errors);
    if (st == ROI_ETOOBIG) {
        FUZZ_CHECK(link == NULL && errors.count == 1 &&
                       errors.items[0].code == ROI_CODE_LINK_TOO_LONG,
                   "a refused link without its link_too_long error");
        FUZZ_CHECK(errors.items[0].params[0].number > ROI_LINK_MAX,
                   "link_too_long for %g bytes", errors.items[0].params[0].number);
        roi_diags_free(&errors);
        return;
    }
    FUZZ_CHECK(st == ROI_OK && link && errors.count == 0, "encoding failed: status %d", (int)st);
    size_t len = strlen(link);
    FUZZ_CHECK(len + 1 <= ROI_LINK_MAX, "'#' + fragment is %zu bytes", len + 1);
    char head[16];
    int n = snprintf(head, sizeof head, "v=%d", ROI_LINK_VERSION);
    FUZZ_CHECK(strncmp(link, head, (size_t)n) == 0 && (link[n] == 0 || link[n] == '&'),
               "the link does not start with %s: %s", head, link);

    roi_scenario *back = NULL;
    roi_diags_init(&warnings);
    st = roi_link_decode(link, len, &back, &warnings, &errors);
    FUZZ_CHECK(st == ROI_OK && back, "the encoder's link does not decode (status %d): %s",
               (int)st, link);
    FUZZ_CHECK(warnings.count == 0 && warnings.dropped == 0,
               "the encoder's link decodes with a warning: %s: %s\n  link: %s",
               warnings.items[0].field, warnings.items[0].message, link);

    char *again_json = canonical(back);
    FUZZ_CHECK(strcmp(json, again_json) == 0,
               "link round trip changed the scenario\n  link: %s\n  before: %s\n  after:  %s",
               link, json, again_json);

    char *again = NULL;
    FUZZ_CHECK(roi_link_encode(back, &again, &errors) == ROI_OK && again,
               "the decoded scenario does not encode");
    FUZZ_CHECK(strcmp(link, again) == 0, "encoding is not stable:\n  %s\n  %s", link, again);

    roi_free(again);
    roi_free(again_json);
    roi_free(link);
    roi_scenario_free(back);
    roi_diags_free(&warnings);
    roi_diags_free(&errors);
}

void fuzz_json_round_trip(const char *json)
{
    roi_diags errors, warnings;
    roi_scenario *back = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    roi_status st = roi_scenario_parse(json, strlen(json), &back, &errors, &warnings);
    FUZZ_CHECK(st == ROI_OK && back && errors.count == 0,
               "the canonical document is refused (status %d): %s: %s\n  %s", (int)st,
               errors.count ? errors.items[0].field : "", errors.count ? errors.items[0].message : "",
               json);
    for (size_t i = 0; i < warnings.count; i++)
        FUZZ_CHECK(warnings.items[i].code != ROI_CODE_UNKNOWN_KEY,
                   "the canonical document has an unknown key: %s\n  %s", warnings.items[i].field,
                   json);
    char *again = canonical(back);
    FUZZ_CHECK(strcmp(json, again) == 0, "canonical document not stable:\n  %s\n  %s", json, again);
    roi_free(again);
    roi_scenario_free(back);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
}

void fuzz_check_scenario(const roi_scenario *s)
{
    roi_diags errors;
    roi_diags_init(&errors);
    FUZZ_CHECK(roi_scenario_check(s, &errors) == 0, "the scenario breaks a rule: %s: %s",
               errors.items[0].field, errors.items[0].message);
    roi_diags_free(&errors);
}

char *fuzz_canonical(const roi_scenario *s)
{
    fuzz_check_scenario(s);
    return canonical(s);
}
