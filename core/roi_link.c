/*
 * roi_link.c - scenario <-> link fragment.
 */
#include "roi_link.h"
#include "roi_num.h"

#include "roi_buf.h"
#include "roi_fields.h"
#include "roi_json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KEY_SIZE 64

/* ---- encoding ----------------------------------------------------------- */

/* Characters a value may hold as they are: RFC 3986 pchar (what a fragment
 * holds without escapes), except the ones this format gives a meaning, & + %
 * (and #, which no fragment holds).  '=' stays raw: the decoder splits a pair
 * at its first '=', so a later one is part of the value.  Non-ASCII, space
 * and " < > ` { } | \ ^ [ ] are percent-encoded: browsers and mail clients
 * escape or cut them, and a link must come back as it was sent. */
static bool plain(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || (c != 0 && strchr("-._~!$'()*,;:@/?=", c));
}

static void put_text(roi_buf *b, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (plain(*p)) {
            roi_buf_putc(b, (char)*p);
        } else if (*p == ' ') {
            roi_buf_putc(b, '+');
        } else {
            char esc[3] = {'%', hex[*p >> 4], hex[*p & 15]};
            roi_buf_append(b, esc, 3);
        }
    }
}

/* Numbers as roi_format_number writes them, with the exponent as short as it
 * reads back: no '+' (a link reads it as a space) and no leading zeros, so
 * 1e+12 becomes 1e12 and 5e-05 becomes 5e-5. */
static void put_number(roi_buf *b, double v)
{
    char text[32];
    roi_format_number(v, text);
    for (const char *p = text; *p; p++) {
        if (*p == '+')
            continue;
        roi_buf_putc(b, *p);
        if (*p == 'e') {
            if (p[1] == '+' || p[1] == '-')
                p++;
            if (*p == '-')
                roi_buf_putc(b, '-');
            while (p[1] == '0' && p[2] != '\0')
                p++;
        }
    }
}

static void put_key(roi_buf *b, const char *prefix, const char *key)
{
    if (b->len > 0)
        roi_buf_putc(b, '&');
    roi_buf_puts(b, prefix);
    roi_buf_puts(b, key);
    roi_buf_putc(b, '=');
}

/* ---- the keys of version 2 ------------------------------------------------
 * Version 2 gives every key of version 1 a short alias (1 or 2 characters)
 * and still reads the version-1 key.  The v1 keys are frozen (old links must
 * open forever), so the table maps v1 key -> v2 key; a field added later
 * without a short key is written under its v1 key, which version 2 reads. */
typedef struct {
    const char *v2, *v1;
} key_alias;

static const key_alias KEYS_V2[] = {
    {"n", "n"},      {"cu", "cur"},     {"hz", "hz"},    {"tr", "tr"},     {"tl", "tl"},
    {"o", "ops"},    {"h", "hrs"},      {"k", "talk"},   {"e", "entry"},   {"q", "vol"},
    {"a", "contact"}, {"l", "lead"},    {"m", "meet"},   {"s", "show"},    {"p", "opp"},
    {"w", "close"},  {"ro", "round"},   {"x", "skip"},   {"d", "deal"},    {"u", "mrr"},
    {"i", "life"},   {"g", "margin"},   {"y", "cycle"},  {"b", "model"},   {"hc", "ihc"},
    {"hf", "ihf"},   {"hr", "rate"},    {"bo", "bonus"}, {"pc", "pcall"},  {"pm", "pmeet"},
    {"mb", "basis"}, {"pd", "pdeal"},   {"ff", "flat"},  {"ih", "ihm"},    {"ir", "ihr"},
    {"cr", "comm"},  {"f", "fix"},      {"mo", "mo"},    {"ra", "ramp"},   {"su", "setup"},
    {"gm", "goal"},  {"gv", "gv"},      {"sp", "spread"}, {"rm", "rmin"},  {"rs", "rshift"},
};

#define V2_CHANNEL "c" /* v2: "c=<name>" starts the next channel */

/* The short key of a v1 key (the v1 key itself when it has none). */
static const char *v2_key(const char *v1)
{
    for (size_t i = 0; i < sizeof KEYS_V2 / sizeof KEYS_V2[0]; i++)
        if (strcmp(KEYS_V2[i].v1, v1) == 0)
            return KEYS_V2[i].v2;
    return v1;
}

/* The v1 key a v2 key stands for (the key itself when it is no alias). */
static const char *v1_key(const char *v2)
{
    for (size_t i = 0; i < sizeof KEYS_V2 / sizeof KEYS_V2[0]; i++)
        if (strcmp(KEYS_V2[i].v2, v2) == 0)
            return KEYS_V2[i].v1;
    return v2;
}

/* What a channel of a version-2 link starts from: the row before it (the
 * scenario for the first channel), less what a row does not pass on (its
 * name, its fixed costs, the scenario-only fields).  Encoder and decoder both
 * build it here, so a key left out means the same to both. */
static void channel_base(const roi_campaign *prev, roi_inputs *in, char currency[4])
{
    size_t n;
    roi_inputs_default(in);
    const roi_number_field *fields = roi_number_fields(&n);
    for (size_t i = 0; i < n; i++)
        if (fields[i].scope == ROI_SCOPE_CAMPAIGN)
            roi_number_set(in, &fields[i], roi_number_get(&prev->in, &fields[i]));
    const roi_enum_field *enums = roi_enum_fields(&n);
    for (size_t i = 0; i < n; i++)
        if (enums[i].scope == ROI_SCOPE_CAMPAIGN)
            roi_enum_set(in, &enums[i], roi_enum_get(&prev->in, &enums[i]));
    in->funnel.skip = prev->in.funnel.skip;
    memcpy(currency, prev->currency, 4);
}

/* Writes the fields of c that differ from base (the defaults for the
 * scenario, channel_base for a channel), the enum choices as their index. */
static void put_campaign(roi_buf *b, const roi_campaign *c, const roi_inputs *base,
                         const char *base_currency)
{
    size_t n;
    if (strcmp(c->currency, base_currency) != 0) {
        put_key(b, "", v2_key("cur"));
        put_text(b, c->currency);
    }
    const roi_enum_field *enums = roi_enum_fields(&n);
    for (size_t i = 0; i < n; i++) {
        int v = roi_enum_get(&c->in, &enums[i]);
        if (v != roi_enum_get(base, &enums[i]) && v >= 0) {
            put_key(b, "", v2_key(enums[i].key));
            put_number(b, v);
        }
    }
    const roi_number_field *fields = roi_number_fields(&n);
    for (size_t i = 0; i < n; i++) {
        double v = roi_number_get(&c->in, &fields[i]);
        if (v != roi_number_get(base, &fields[i])) {
            put_key(b, "", v2_key(fields[i].key));
            put_number(b, v);
        }
    }
    if (c->in.funnel.skip != base->funnel.skip) { /* "x=" when base skips and c not */
        put_key(b, "", v2_key("skip"));
        const char *sep = "";
        for (int st = 0; st < ROI_STAGE_COUNT; st++) {
            if (!roi_stage_skipped(&c->in, (roi_stage)st))
                continue;
            roi_buf_puts(b, sep);
            put_number(b, st);
            sep = ",";
        }
    }
    for (size_t i = 0; i < c->in.schedule.ramp_count && i < ROI_MAX_RAMP; i++) {
        if (i == 0)
            put_key(b, "", v2_key("ramp"));
        else
            roi_buf_putc(b, ',');
        put_number(b, c->in.schedule.ramp[i]);
    }
    for (size_t i = 0; i < c->fixed_count && i < ROI_MAX_FIXED; i++) {
        put_key(b, "", v2_key("fix"));
        put_number(b, c->fixed[i].amount);
        if (c->fixed[i].label[0]) { /* "f=800" is "f=800:" */
            roi_buf_putc(b, ':');
            put_text(b, c->fixed[i].label);
        }
    }
}

/* Writes version 2: short keys, choices as digits, the scenario's pairs, then
 * each channel as "c=<name>" followed by what differs from the row before. */
roi_status roi_link_encode(const roi_scenario *s, char **out, roi_diags *errors)
{
    roi_scenario def;
    roi_inputs base;
    char base_currency[4];
    roi_buf b;
    size_t n;
    *out = NULL;
    roi_buf_init(&b);
    roi_scenario_default(&def);
    put_key(&b, "", "v");
    put_number(&b, ROI_LINK_VERSION);
    if (s->main.name[0]) {
        put_key(&b, "", v2_key("n"));
        put_text(&b, s->main.name);
    }
    put_campaign(&b, &s->main, &def.main.in, def.main.currency);

    const roi_number_field *fields = roi_scenario_number_fields(&n);
    for (size_t i = 0; i < n; i++) {
        double v = roi_number_get(s, &fields[i]);
        bool is_min_roi = strcmp(fields[i].path, "reallocation.min_roi") == 0;
        if (is_min_roi ? s->reallocation_min_roi_given : v != roi_number_get(&def, &fields[i])) {
            put_key(&b, "", v2_key(fields[i].key));
            put_number(&b, v);
        }
    }
    for (int u = 0; u < ROI_U_COUNT; u++) {
        if (!s->ranges[u].given)
            continue;
        const roi_number_field *f = roi_number_field_find(roi_uncertain_name((roi_uncertain)u));
        put_key(&b, "r.", v2_key(f->key));
        put_number(&b, s->ranges[u].low);
        roi_buf_putc(&b, ':');
        put_number(&b, s->ranges[u].high);
    }
    size_t channels = s->channel_count < ROI_MAX_CHANNELS ? s->channel_count : ROI_MAX_CHANNELS;
    for (size_t i = 0; i < channels; i++) {
        const roi_campaign *c = &s->channels[i];
        channel_base(i == 0 ? &s->main : &s->channels[i - 1], &base, base_currency);
        put_key(&b, "", V2_CHANNEL);
        put_text(&b, c->name);
        put_campaign(&b, c, &base, base_currency);
    }
    size_t len = b.len;
    char *link = roi_buf_finish(&b);
    if (!link)
        return ROI_ENOMEM;
    if (len + 1 > ROI_LINK_MAX) { /* '#' + fragment must open */
        if (errors)
            ROI_DIAG(errors, "", ROI_CODE_LINK_TOO_LONG, ROI_NUM("bytes", len + 1),
                     ROI_NUM("max", ROI_LINK_MAX));
        roi_free(link);
        return ROI_ETOOBIG;
    }
    *out = link;
    return ROI_OK;
}

/* ---- decoding ----------------------------------------------------------- */

typedef struct {
    roi_scenario *s;
    roi_diags *warnings;
    int version;            /* of the link, as read_version found it */
    size_t channels_seen;   /* highest channel index + 1 */
    int target;             /* v2: the row that campaign pairs go to: -1 the
                               scenario, i channel i, -2 a channel past the last */
} decoder;

/* One '&'-separated part of a fragment, still escaped. */
typedef struct {
    const char *key, *value;   /* value is NULL when the part has no '=' */
    size_t key_len, value_len;
} raw_pair;

/* The next non-empty part of [*p, end); false at the end. */
static bool next_pair(const char **p, const char *end, raw_pair *pair)
{
    while (*p < end) {
        const char *start = *p;
        const char *amp = memchr(start, '&', (size_t)(end - start));
        const char *stop = amp ? amp : end;
        *p = amp ? amp + 1 : end;
        if (stop == start)
            continue;
        const char *eq = memchr(start, '=', (size_t)(stop - start));
        pair->key = start;
        pair->key_len = eq ? (size_t)(eq - start) : (size_t)(stop - start);
        pair->value = eq ? eq + 1 : NULL;
        pair->value_len = eq ? (size_t)(stop - eq - 1) : 0;
        return true;
    }
    return false;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Percent-decodes [s, s+n) into out (size bytes); false on a broken escape,
 * a NUL, or when it does not fit. */
static bool unescape(const char *s, size_t n, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i];
        if (c == '+') {
            c = ' ';
        } else if (c == '%') {
            if (i + 2 >= n)
                return false;
            int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            c = hi * 16 + lo;
            i += 2;
        }
        if (c == 0 || o + 1 >= size)
            return false;
        out[o++] = (char)c;
    }
    out[o] = '\0';
    return true;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Skips one or more digits; NULL when there is none. */
static const char *digits(const char *p)
{
    if (!is_digit(*p))
        return NULL;
    while (is_digit(*p))
        p++;
    return p;
}

/* A plain decimal, as the README promises and the encoder writes: optional
 * '-', digits, optional '.' and digits, optional 'e' or 'E', optional '-' and
 * digits; nothing else (no space, '+', hexadecimal, inf or nan).  False too
 * when the value overflows a double. */
static bool parse_number(const char *text, double *out)
{
    const char *p = text;
    if (*p == '-')
        p++;
    p = digits(p);
    if (p && *p == '.')
        p = digits(p + 1);
    if (p && (*p == 'e' || *p == 'E'))
        p = digits(p + 1 + (p[1] == '-'));
    if (!p || *p != '\0')
        return false;
    double v = roi_num_parse(text, NULL);
    if (!isfinite(v))
        return false;
    *out = v;
    return true;
}

/* The path of a warning that names a key as given (an unknown key, a value
 * that does not unescape): the key shown as the JSON reader shows an unknown
 * one, broken UTF-8 and control characters as '?' (roi_utf8_printable), so
 * that a field path is always text.  Keys are shorter than KEY_SIZE: a whole
 * key fits. */
static void key_path(char *path, const char *prefix, const char *key)
{
    char shown[KEY_SIZE + 2];
    roi_utf8_printable(key, shown, sizeof shown);
    roi_fmt(path, ROI_DIAG_FIELD_SIZE, "%s%s", prefix, shown);
}

/* A dropped pair: the warning on path, with the key as given. */
#define DROP(d, path, code, key, ...) \
    ROI_DIAG((d)->warnings, (path), (code), ROI_TXT("key", (key)), __VA_ARGS__)
#define DROP0(d, path, code, key) \
    ROI_DIAG((d)->warnings, (path), (code), ROI_TXT("key", (key)))

static void set_text(decoder *d, const char *path, const char *key, const char *value,
                     char *dst, size_t size)
{
    long chars = roi_utf8_chars(value);
    if (chars < 0)
        DROP0(d, path, ROI_CODE_LINK_TEXT, key);
    else if (chars > ROI_TEXT_CHARS || strlen(value) >= size)
        DROP(d, path, ROI_CODE_LINK_TEXT_TOO_LONG, key, ROI_NUM("max", ROI_TEXT_CHARS));
    else
        memcpy(dst, value, strlen(value) + 1);
}

static void set_number(decoder *d, const char *path, const char *key, const char *value,
                       const roi_number_field *f, void *base)
{
    double v;
    if (!parse_number(value, &v))
        DROP0(d, path, ROI_CODE_LINK_NUMBER, key);
    else if (!roi_number_valid(f, v))
        DROP(d, path, f->whole ? ROI_CODE_LINK_WHOLE
                      : f->min_open ? ROI_CODE_LINK_RANGE_ABOVE : ROI_CODE_LINK_RANGE, key,
             ROI_NUM("min", f->min), ROI_NUM("max", f->max));
    else
        roi_number_set(base, f, v);
}

static void add_fixed(decoder *d, const char *prefix, const char *key, const char *value,
                      roi_campaign *c)
{
    char path[ROI_DIAG_FIELD_SIZE];
    roi_fmt(path, sizeof path, "%scosts.fixed", prefix);
    const char *colon = strchr(value, ':');
    char amount_text[40];
    double amount;
    size_t alen = colon ? (size_t)(colon - value) : strlen(value);
    if (c->fixed_count >= ROI_MAX_FIXED) {
        DROP(d, path, ROI_CODE_LINK_TOO_MANY, key, ROI_NUM("max", ROI_MAX_FIXED));
        return;
    }
    if (alen < sizeof amount_text) {
        memcpy(amount_text, value, alen);
        amount_text[alen] = '\0';
    }
    if (alen >= sizeof amount_text || !parse_number(amount_text, &amount) || amount < 0 ||
        amount > 1e12) {
        DROP(d, path, ROI_CODE_LINK_FIXED_AMOUNT, key, ROI_NUM("min", 0), ROI_NUM("max", 1e12));
        return;
    }
    roi_fixed_cost *fc = &c->fixed[c->fixed_count];
    memset(fc, 0, sizeof *fc);
    const char *label = colon ? colon + 1 : "";
    if (roi_utf8_chars(label) < 0 || roi_utf8_chars(label) > ROI_TEXT_CHARS) {
        DROP(d, path, ROI_CODE_LINK_FIXED_LABEL, key, ROI_NUM("max", ROI_TEXT_CHARS));
        return;
    }
    memcpy(fc->label, label, strlen(label) + 1);
    fc->amount = amount;
    c->fixed_count++;
}

/* Version 2 writes a choice as its index: one digit, below count; -1 for
 * anything else. */
static int choice_index(const char *value, int count)
{
    if (value[0] < '0' || value[0] > '9' || value[1] != '\0')
        return -1;
    int i = value[0] - '0';
    return i < count ? i : -1;
}

/* skip=meetings,held: stage names separated by commas.  Version 2 also reads
 * the stages' indexes (x=3,4) and an empty list: no stage skipped (the row
 * before, which a channel starts from, may skip some). */
static void set_skip(decoder *d, const char *prefix, const char *key, const char *value,
                     roi_inputs *in)
{
    char path[ROI_DIAG_FIELD_SIZE], name[32];
    const roi_enum_field *stages = roi_enum_field_find("funnel.entry");
    unsigned skip = 0;
    roi_fmt(path, sizeof path, "%s%s", prefix, ROI_SKIP_PATH);
    if (d->version >= 2 && value[0] == '\0') {
        in->funnel.skip = 0;
        return;
    }
    for (const char *p = value; ; p++) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        int st = -1;
        if (n < sizeof name) {
            memcpy(name, p, n);
            name[n] = '\0';
            st = roi_enum_parse(stages, name);
            if (st < 0 && d->version >= 2)
                st = choice_index(name, stages->count);
        }
        if (st < 0 || st == ROI_STAGE_DEALS || (skip >> st) & 1u) {
            DROP(d, path, ROI_CODE_LINK_SKIP, key,
                 ROI_TXT("allowed", "calls contacts leads meetings held opportunities"));
            return;
        }
        skip |= 1u << st;
        if (!comma)
            break;
        p = comma;
    }
    in->funnel.skip = skip;
}

/* ramp=0.4,0.7,0.9: at most ROI_MAX_RAMP numbers separated by commas. */
static void set_ramp(decoder *d, const char *prefix, const char *key, const char *value,
                     roi_inputs *in)
{
    char path[ROI_DIAG_FIELD_SIZE], text[40];
    double ramp[ROI_MAX_RAMP];
    size_t count = 0;
    roi_fmt(path, sizeof path, "%s%s", prefix, ROI_RAMP_PATH);
    for (const char *p = value; ; p++) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        bool ok = count < ROI_MAX_RAMP && n < sizeof text;
        if (ok) {
            memcpy(text, p, n);
            text[n] = '\0';
            ok = parse_number(text, &ramp[count]) && ramp[count] >= 0 && ramp[count] <= 1;
        }
        if (!ok) {
            DROP(d, path, ROI_CODE_LINK_RAMP, key, ROI_NUM("max", ROI_MAX_RAMP));
            return;
        }
        count++;
        if (!comma)
            break;
        p = comma;
    }
    memcpy(in->schedule.ramp, ramp, count * sizeof ramp[0]);
    in->schedule.ramp_count = count;
}

static const roi_number_field *number_by_key(const roi_number_field *fields, size_t n,
                                             const char *key)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(fields[i].key, key) == 0)
            return &fields[i];
    return NULL;
}

/* "r.<field>=<low>:<high>": field is the v1 key after "r." (v2 translates
 * its own first); warnings name the key as the link gives it. */
static void set_range(decoder *d, const char *field, const char *key, const char *value)
{
    size_t n;
    const roi_number_field *fields = roi_number_fields(&n);
    const roi_number_field *f = number_by_key(fields, n, field);
    char path[ROI_DIAG_FIELD_SIZE], low_text[40];
    const char *colon = strchr(value, ':');
    int u = -1;
    for (int i = 0; f && i < ROI_U_COUNT; i++)
        if (strcmp(roi_uncertain_name((roi_uncertain)i), f->path) == 0)
            u = i;
    if (u < 0) {
        DROP0(d, "uncertainty.ranges", ROI_CODE_LINK_RANGE_FIELD, key);
        return;
    }
    roi_fmt(path, sizeof path, "uncertainty.ranges.%s", f->path);
    double low, high;
    size_t llen = colon ? (size_t)(colon - value) : 0;
    if (colon && llen < sizeof low_text) {
        memcpy(low_text, value, llen);
        low_text[llen] = '\0';
    }
    if (!colon || llen >= sizeof low_text || !parse_number(low_text, &low) ||
        !parse_number(colon + 1, &high)) {
        DROP0(d, path, ROI_CODE_LINK_BOUNDS, key);
        return;
    }
    /* Bounds against the base value are checked once every pair is read. */
    d->s->ranges[u].given = true;
    d->s->ranges[u].low = low;
    d->s->ranges[u].high = high;
}

/* The names an enum field accepts, space-separated, for a warning. */
static const char *enum_names(const roi_enum_field *f, char *buf, size_t size)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < f->count; i++) {
        int w = roi_fmt(buf + o, size - o, "%s%s", i ? " " : "", f->names[i]);
        if (w < 0 || (size_t)w >= size - o)
            break;
        o += (size_t)w;
    }
    return buf;
}

/* One campaign pair: field is the v1 key that finds the field (version 2
 * translates its short keys first), key the key as the link gives it, which
 * warnings name. */
static void set_campaign_field(decoder *d, roi_campaign *c, const char *prefix,
                               const char *field, const char *key, const char *value)
{
    size_t n;
    char path[ROI_DIAG_FIELD_SIZE];
    const roi_number_field *fields = roi_number_fields(&n);
    const roi_number_field *nf = number_by_key(fields, n, field);
    const roi_enum_field *enums = roi_enum_fields(&n);
    if (strcmp(field, "n") == 0) {
        roi_fmt(path, sizeof path, "%sname", prefix);
        set_text(d, path, key, value, c->name, sizeof c->name);
        return;
    }
    if (strcmp(field, "cur") == 0) {
        roi_fmt(path, sizeof path, "%scurrency", prefix);
        if (roi_currency_valid(value))
            memcpy(c->currency, value, 4);
        else
            DROP0(d, path, ROI_CODE_LINK_CURRENCY, key);
        return;
    }
    if (strcmp(field, "fix") == 0) {
        add_fixed(d, prefix, key, value, c);
        return;
    }
    if (strcmp(field, "skip") == 0) {
        set_skip(d, prefix, key, value, &c->in);
        return;
    }
    if (strcmp(field, "ramp") == 0) {
        set_ramp(d, prefix, key, value, &c->in);
        return;
    }
    if (nf) {
        roi_fmt(path, sizeof path, "%s%s", prefix, nf->path);
        set_number(d, path, key, value, nf, &c->in);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(enums[i].key, field) != 0)
            continue;
        roi_fmt(path, sizeof path, "%s%s", prefix, enums[i].path);
        int v = roi_enum_parse(&enums[i], value);
        if (v < 0 && d->version >= 2)
            v = choice_index(value, enums[i].count);
        char names[ROI_DIAG_TEXT_SIZE];
        if (v < 0)
            DROP(d, path, ROI_CODE_LINK_ENUM, key, ROI_TXT("got", value),
                 ROI_TXT("allowed", enum_names(&enums[i], names, sizeof names)));
        else
            roi_enum_set(&c->in, &enums[i], v);
        return;
    }
    key_path(path, prefix, key);
    DROP0(d, path, ROI_CODE_LINK_UNKNOWN_KEY, key);
}

/* "c3.vol" -> channel 3, rest "vol"; -1 when the key has no channel prefix,
 * -2 when the prefix is malformed or out of range. */
static int channel_of(const char *key, const char **rest)
{
    if (key[0] != 'c' || key[1] < '0' || key[1] > '9')
        return -1;
    char *end;
    long i = strtol(key + 1, &end, 10);
    if (*end != '.')
        return -1;
    *rest = end + 1;
    return i >= 0 && i < ROI_MAX_CHANNELS && end - key <= 3 ? (int)i : -2;
}

/* uncertainty.spread, reallocation.min_roi, reallocation.shift. */
static void set_scenario_number(decoder *d, const roi_number_field *sf, const char *key,
                                const char *value)
{
    set_number(d, sf->path, key, value, sf, d->s);
    if (strcmp(sf->path, "reallocation.min_roi") == 0 && roi_number_valid(sf, d->s->reallocation_min_roi))
        d->s->reallocation_min_roi_given = true;
}

/* One pair of a version-1 link.  "v" was read before (read_version). */
static void decode_pair_v1(decoder *d, const char *key, const char *value)
{
    size_t n;
    const char *rest = NULL;
    int ch = channel_of(key, &rest);
    const roi_number_field *scenario_fields = roi_scenario_number_fields(&n);
    const roi_number_field *sf = number_by_key(scenario_fields, n, key);
    if (ch == -2) {
        DROP(d, "channels", ROI_CODE_LINK_CHANNEL, key, ROI_NUM("max", ROI_MAX_CHANNELS - 1));
    } else if (ch >= 0) {
        char prefix[24];
        roi_fmt(prefix, sizeof prefix, "channels[%d].", ch);
        while (d->channels_seen <= (size_t)ch)
            roi_campaign_default(&d->s->channels[d->channels_seen++]);
        set_campaign_field(d, &d->s->channels[ch], prefix, rest, rest, value);
    } else if (strcmp(key, "v") == 0) {
        return;
    } else if (strncmp(key, "r.", 2) == 0) {
        set_range(d, key + 2, key, value);
    } else if (sf) {
        set_scenario_number(d, sf, key, value);
    } else {
        set_campaign_field(d, &d->s->main, "", key, key, value);
    }
}

/* True for a campaign key (v1 spelling) that only the scenario holds:
 * schedule.*, goal.*. */
static bool scenario_only(const char *field)
{
    size_t n;
    if (strcmp(field, "ramp") == 0)
        return true;
    const roi_number_field *fields = roi_number_fields(&n);
    const roi_number_field *nf = number_by_key(fields, n, field);
    if (nf)
        return nf->scope == ROI_SCOPE_SCENARIO;
    const roi_enum_field *enums = roi_enum_fields(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(enums[i].key, field) == 0)
            return enums[i].scope == ROI_SCOPE_SCENARIO;
    return false;
}

/* "c=<name>" of a version-2 link: the next channel, starting from the row
 * before it (channel_base), named by the value. */
static void start_channel(decoder *d, const char *key, const char *value)
{
    char path[ROI_DIAG_FIELD_SIZE];
    if (d->channels_seen >= ROI_MAX_CHANNELS) {
        DROP(d, "channels", ROI_CODE_LINK_CHANNEL, key, ROI_NUM("max", ROI_MAX_CHANNELS - 1));
        d->target = -2;
        return;
    }
    size_t i = d->channels_seen++;
    roi_campaign *c = &d->s->channels[i];
    roi_campaign_default(c);
    channel_base(i == 0 ? &d->s->main : &d->s->channels[i - 1], &c->in, c->currency);
    roi_fmt(path, sizeof path, "channels[%u].name", (unsigned)i);
    set_text(d, path, key, value, c->name, sizeof c->name);
    d->target = (int)i;
}

/* One pair of a version-2 link: a short key or its v1 spelling.  Campaign
 * pairs go to the row the last "c=" started (the scenario before any);
 * what only the scenario holds (ranges, spread, reallocation, schedule, goal)
 * goes to the scenario wherever it stands. */
static void decode_pair_v2(decoder *d, const char *key, const char *value)
{
    size_t n;
    if (strcmp(key, "v") == 0)
        return;
    if (strcmp(key, V2_CHANNEL) == 0) {
        start_channel(d, key, value);
        return;
    }
    if (strncmp(key, "r.", 2) == 0) {
        set_range(d, v1_key(key + 2), key, value);
        return;
    }
    const char *field = v1_key(key);
    const roi_number_field *scenario_fields = roi_scenario_number_fields(&n);
    const roi_number_field *sf = number_by_key(scenario_fields, n, field);
    if (sf) {
        set_scenario_number(d, sf, key, value);
    } else if (d->target == -1 || scenario_only(field)) {
        set_campaign_field(d, &d->s->main, "", field, key, value);
    } else if (d->target == -2) {
        DROP(d, "channels", ROI_CODE_LINK_CHANNEL, key, ROI_NUM("max", ROI_MAX_CHANNELS - 1));
    } else {
        char prefix[24];
        roi_fmt(prefix, sizeof prefix, "channels[%d].", d->target);
        set_campaign_field(d, &d->s->channels[d->target], prefix, field, key, value);
    }
}

/* Resets the field a cross-field rule rejected (a model that needs an unknown
 * count, a range around the wrong base...) so what is left is valid. */
static void reset_field(roi_scenario *s, const char *path)
{
    roi_campaign *c = &s->main;
    roi_inputs def;
    roi_inputs_default(&def);
    if (strncmp(path, "channels[", 9) == 0) {
        long i = strtol(path + 9, NULL, 10);
        const char *dot = strchr(path, '.');
        if (i < 0 || i >= ROI_MAX_CHANNELS || !dot)
            return;
        c = &s->channels[i];
        path = dot + 1;
    }
    if (strncmp(path, "uncertainty.ranges.", 19) == 0) {
        for (int u = 0; u < ROI_U_COUNT; u++)
            if (strcmp(roi_uncertain_name((roi_uncertain)u), path + 19) == 0)
                s->ranges[u].given = false;
        return;
    }
    if (strncmp(path, ROI_RAMP_PATH, strlen(ROI_RAMP_PATH)) == 0)
        c->in.schedule.ramp_count = 0;
    if (strcmp(path, ROI_SKIP_PATH) == 0)
        c->in.funnel.skip = 0;
    const roi_number_field *nf = roi_number_field_find(path);
    const roi_enum_field *ef = roi_enum_field_find(path);
    if (nf)
        roi_number_set(&c->in, nf, roi_number_get(&def, nf));
    if (ef)
        roi_enum_set(&c->in, ef, roi_enum_get(&def, ef));
}

/* The scenario checks that span fields (a model that needs an unknown count, a
 * range around the wrong base...) become warnings with their own code and
 * params, and the field they name goes back to its default. */
static void settle(roi_scenario *s, roi_diags *warnings)
{
    for (int pass = 0; pass < 3; pass++) {
        roi_diags problems;
        roi_diags_init(&problems);
        roi_scenario_check(s, &problems);
        for (size_t i = 0; i < problems.count; i++) {
            roi_diags_copy(warnings, problems.items[i].field, &problems.items[i]);
            reset_field(s, problems.items[i].field);
        }
        size_t total = roi_diags_total(&problems);
        roi_diags_free(&problems);
        if (total == 0)
            return;
    }
}

static const char *fragment_of(const char *text, size_t len, size_t *flen)
{
    const char *hash = memchr(text, '#', len);
    if (hash) {
        *flen = len - (size_t)(hash + 1 - text);
        return hash + 1;
    }
    *flen = len;
    return text;
}

/* The format version a fragment declares in its "v" pairs (every one must
 * name the same).  A link without v, or whose only v is empty (a link cut
 * short), is version 1: the encoder wrote v=1 until version 2, and
 * hand-written version-1 links may leave it out.  ROI_EINVALID with a
 * link_version error when a v names anything but 1 or 2, or another version
 * than an earlier v. */
static roi_status read_version(const char *p, const char *end, int *version,
                               roi_diags *warnings, roi_diags *errors)
{
    raw_pair pair;
    char key[KEY_SIZE], value[40];
    bool seen = false;
    *version = 1;
    while (next_pair(&p, end, &pair)) {
        if (!pair.value || !unescape(pair.key, pair.key_len, key, sizeof key) ||
            strcmp(key, "v") != 0)
            continue;
        double v = 0;
        bool read = unescape(pair.value, pair.value_len, value, sizeof value);
        if (read && value[0] == '\0') {
            ROI_DIAG(warnings, "version", ROI_CODE_LINK_NUMBER, ROI_TXT("key", "v"));
            continue;
        }
        if (!read || !parse_number(value, &v) || (v != 1 && v != 2) ||
            (seen && v != *version)) {
            if (!read) /* shown as given, escapes and all */
                roi_fmt(value, sizeof value, "%.*s",
                         (int)(pair.value_len < 32 ? pair.value_len : 32), pair.value);
            ROI_DIAG(errors, "version", ROI_CODE_LINK_VERSION, ROI_TXT("got", value),
                     ROI_NUM("supported", ROI_LINK_VERSION));
            return ROI_EINVALID;
        }
        *version = (int)v;
        seen = true;
    }
    return ROI_OK;
}

/* The pairs of a fragment, each to the decoder of d->version. */
static void decode_pairs(decoder *d, const char *p, const char *end)
{
    raw_pair pair;
    while (next_pair(&p, end, &pair)) {
        char key[KEY_SIZE], value[ROI_TEXT_SIZE * 3], part[40];
        if (!pair.value || !unescape(pair.key, pair.key_len, key, sizeof key)) {
            size_t shown = pair.value ? (size_t)(pair.value - pair.key) + pair.value_len
                                      : pair.key_len;
            roi_fmt(part, sizeof part, "%.*s", (int)(shown < 32 ? shown : 32), pair.key);
            ROI_DIAG(d->warnings, "", ROI_CODE_LINK_PAIR, ROI_TXT("part", part));
        } else if (!unescape(pair.value, pair.value_len, value, sizeof value)) {
            char path[ROI_DIAG_FIELD_SIZE];
            key_path(path, "", key);
            DROP0(d, path, ROI_CODE_LINK_VALUE, key);
        } else if (d->version == 1) {
            decode_pair_v1(d, key, value);
        } else {
            decode_pair_v2(d, key, value);
        }
    }
}

roi_status roi_link_decode(const char *text, size_t len, roi_scenario **out,
                           roi_diags *warnings, roi_diags *errors)
{
    *out = NULL;
    if (len > ROI_LINK_MAX) {
        ROI_DIAG(errors, "", ROI_CODE_LINK_TOO_LONG, ROI_NUM("bytes", len),
                 ROI_NUM("max", ROI_LINK_MAX));
        return ROI_ETOOBIG;
    }
    size_t flen;
    const char *p = fragment_of(text, len, &flen), *end = p + flen;
    int version;
    roi_status st = read_version(p, end, &version, warnings, errors);
    if (st != ROI_OK)
        return st;
    roi_scenario *s = roi_scenario_new();
    if (!s)
        return ROI_ENOMEM;
    decoder d = {s, warnings, version, 0, -1};
    decode_pairs(&d, p, end);
    s->channel_count = d.channels_seen;
    settle(s, warnings);
    *out = s;
    return ROI_OK;
}

/* ---- JSON faces ----------------------------------------------------------- */

char *roi_link_encode_json(const char *json, size_t len, bool *valid)
{
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    char *link = NULL, *out = NULL;
    roi_buf b;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    roi_buf_init(&b);
    *valid = false;
    roi_status st = roi_scenario_parse(json, len, &s, &errors, &warnings);
    if (st == ROI_ENOMEM)
        goto done;
    if (st != ROI_OK) {
        out = roi_errors_to_json(&errors, &warnings, 0);
        goto done;
    }
    st = roi_link_encode(s, &link, &errors);
    if (st == ROI_ENOMEM)
        goto done;
    if (st != ROI_OK) {
        out = roi_errors_to_json(&errors, &warnings, 0);
        goto done;
    }
    roi_buf_puts(&b, "{\"ok\":true,\"link\":");
    roi_buf_json_string(&b, link);
    roi_buf_puts(&b, ",\"warnings\":");
    roi_diags_to_json(&b, &warnings);
    roi_buf_putc(&b, '}');
    out = roi_buf_finish(&b);
    *valid = out != NULL;
done:
    roi_buf_free(&b);
    roi_free(link);
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return out;
}

char *roi_link_decode_json(const char *text, size_t len, bool *valid)
{
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    roi_status st = roi_link_decode(text, len, &s, &warnings, &errors);
    char *out = roi_scenario_answer_json(st, s, &errors, &warnings, 0, valid);
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return out;
}
