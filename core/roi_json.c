/*
 * roi_json.c - reading scenario documents (cJSON) and writing result documents.
 *
 * Reading is two passes: the reader checks types and shapes while it copies
 * values into a roi_scenario, then roi_scenario_check() applies every value
 * rule to the struct.  The link codec builds structs too and runs the same
 * check, so a rule is written once.
 */
#include "roi_json.h"
#include "roi_num.h"

#include "roi_fields.h"
#include "roi_sim.h"

#include <cjson/cJSON.h>
#include <assert.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATH_SIZE ROI_DIAG_FIELD_SIZE

typedef struct {
    roi_diags *errors;
    roi_diags *warnings;
} reader;

/* ---- small helpers -------------------------------------------------------- */

/* The JSON type of a value as the "type" code's params name it: boolean,
 * number, text, list, object, null (docs/ERRORS.md). */
static const char *type_name(const cJSON *item)
{
    if (cJSON_IsBool(item)) return "boolean";
    if (cJSON_IsNumber(item)) return "number";
    if (cJSON_IsString(item)) return "text";
    if (cJSON_IsArray(item)) return "list";
    if (cJSON_IsObject(item)) return "object";
    return "null";
}

static void wrong_type(roi_diags *errors, const char *path, const char *expected,
                       const cJSON *item)
{
    ROI_DIAG(errors, path, ROI_CODE_TYPE, ROI_TXT("expected", expected),
             ROI_TXT("got", type_name(item)));
}

/* Field paths are cut to PATH_SIZE: deep paths are short, and an over-long key
 * from the document has been shortened by roi_utf8_printable before it gets here. */
#define path_fmt(out, ...) roi_fmt((out), PATH_SIZE, __VA_ARGS__)

static void join(char *out, const char *prefix, const char *key)
{
    path_fmt(out, "%s%s", prefix, key);
}

static void warn_unknown(reader *r, const char *prefix, const char *key)
{
    char shown[64], path[PATH_SIZE];
    roi_utf8_printable(key, shown, sizeof shown);
    join(path, prefix, shown);
    ROI_DIAG0(r->warnings, path, ROI_CODE_UNKNOWN_KEY);
}

static void list_names(const roi_enum_field *f, char *out, size_t size)
{
    size_t o = 0;
    out[0] = '\0';
    for (int i = 0; i < f->count && o < size; i++)
        o += (size_t)roi_fmt(out + o, size - o, "%s%s", i ? ", " : "", f->names[i]);
}

/* ---- reading -------------------------------------------------------------- */

static void read_number(reader *r, const cJSON *item, const char *path, double *dst)
{
    if (cJSON_IsNull(item))
        return;
    if (!cJSON_IsNumber(item)) {
        wrong_type(r->errors, path, "number", item);
        return;
    }
    if (!isfinite(item->valuedouble)) {
        ROI_DIAG0(r->errors, path, ROI_CODE_NOT_FINITE);
        return;
    }
    *dst = item->valuedouble;
}

static void read_enum(reader *r, const cJSON *item, const char *path,
                      const roi_enum_field *f, roi_inputs *in)
{
    if (cJSON_IsNull(item))
        return;
    if (!cJSON_IsString(item)) {
        wrong_type(r->errors, path, "text", item);
        return;
    }
    int v = roi_enum_parse(f, item->valuestring);
    if (v < 0) {
        char names[ROI_DIAG_TEXT_SIZE], shown[64];
        list_names(f, names, sizeof names);
        roi_utf8_printable(item->valuestring, shown, sizeof shown);
        ROI_DIAG(r->errors, path, ROI_CODE_ENUM, ROI_TXT("value", shown),
                 ROI_TXT("allowed", names));
        return;
    }
    roi_enum_set(in, f, v);
}

/* Copies a text field; the character count and UTF-8 validity are checked by
 * roi_scenario_check, only what cannot be stored is reported here. */
static void read_text(reader *r, const cJSON *item, const char *path, char *dst,
                      size_t size)
{
    if (cJSON_IsNull(item))
        return;
    if (!cJSON_IsString(item)) {
        wrong_type(r->errors, path, "text", item);
        return;
    }
    size_t len = strlen(item->valuestring);
    if (len >= size) {
        long chars = roi_utf8_chars(item->valuestring);
        if (size == sizeof ((roi_campaign *)0)->currency) {
            char shown[64];
            roi_utf8_printable(item->valuestring, shown, sizeof shown);
            ROI_DIAG(r->errors, path, ROI_CODE_CURRENCY, ROI_TXT("got", shown));
        } else if (chars < 0) {
            ROI_DIAG0(r->errors, path, ROI_CODE_TEXT);
        } else {
            ROI_DIAG(r->errors, path, ROI_CODE_TOO_LONG, ROI_NUM("max", ROI_TEXT_CHARS),
                     ROI_NUM("got", chars));
        }
        return;
    }
    memcpy(dst, item->valuestring, len + 1);
}

static void read_version(reader *r, const cJSON *item, const char *path)
{
    if (cJSON_IsNull(item))
        return;
    if (!cJSON_IsNumber(item))
        wrong_type(r->errors, path, "number", item);
    else if (item->valuedouble != ROI_FORMAT_VERSION)
        ROI_DIAG(r->errors, path, ROI_CODE_VERSION, ROI_NUM("got", item->valuedouble),
                 ROI_NUM("supported", ROI_FORMAT_VERSION));
}

static void read_fixed_item(reader *r, const cJSON *obj, const char *prefix,
                            roi_fixed_cost *fc)
{
    const cJSON *item;
    char path[PATH_SIZE];
    cJSON_ArrayForEach(item, obj) {
        join(path, prefix, item->string);
        if (strcmp(item->string, "label") == 0)
            read_text(r, item, path, fc->label, sizeof fc->label);
        else if (strcmp(item->string, "amount") == 0)
            read_number(r, item, path, &fc->amount);
        else
            warn_unknown(r, prefix, item->string);
    }
}

static void read_fixed(reader *r, const cJSON *list, const char *path, roi_campaign *c)
{
    if (cJSON_IsNull(list))
        return;
    if (!cJSON_IsArray(list)) {
        wrong_type(r->errors, path, "list", list);
        return;
    }
    int n = cJSON_GetArraySize(list);
    if (n > ROI_MAX_FIXED) {
        ROI_DIAG(r->errors, path, ROI_CODE_TOO_MANY, ROI_NUM("max", ROI_MAX_FIXED),
                 ROI_NUM("got", n));
        return;
    }
    const cJSON *item;
    size_t i = 0;
    cJSON_ArrayForEach(item, list) {
        char prefix[PATH_SIZE];
        path_fmt(prefix, "%s[%zu]", path, i);
        roi_fixed_cost *fc = &c->fixed[i++];
        memset(fc, 0, sizeof *fc);
        if (!cJSON_IsObject(item)) {
            wrong_type(r->errors, prefix, "object", item);
            continue;
        }
        strcat(prefix, ".");
        read_fixed_item(r, item, prefix, fc);
    }
    c->fixed_count = i;
}

/* funnel.skip: a list of stage names, each once. */
static void read_skip(reader *r, const cJSON *list, const char *path, roi_inputs *in)
{
    const roi_enum_field *stages = roi_enum_field_find("funnel.entry");
    const cJSON *item;
    size_t i = 0;
    if (cJSON_IsNull(list))
        return;
    if (!cJSON_IsArray(list)) {
        wrong_type(r->errors, path, "list", list);
        return;
    }
    cJSON_ArrayForEach(item, list) {
        char at[PATH_SIZE];
        path_fmt(at, "%s[%zu]", path, i++);
        int st = cJSON_IsString(item) ? roi_enum_parse(stages, item->valuestring) : -1;
        if (!cJSON_IsString(item)) {
            wrong_type(r->errors, at, "text", item);
        } else if (st < 0) {
            /* deals is a stage name too: check_skip refuses it. */
            char shown[64];
            roi_utf8_printable(item->valuestring, shown, sizeof shown);
            ROI_DIAG(r->errors, at, ROI_CODE_ENUM, ROI_TXT("value", shown),
                     ROI_TXT("allowed", "contacts, leads, meetings, held, opportunities"));
        } else if (roi_stage_skipped(in, (roi_stage)st)) {
            ROI_DIAG(r->errors, at, ROI_CODE_DUPLICATE, ROI_TXT("value", stages->names[st]));
        } else {
            in->funnel.skip |= 1u << st;
        }
    }
}

/* schedule.ramp: at most ROI_MAX_RAMP numbers; their range is checked with
 * the struct. */
static void read_ramp(reader *r, const cJSON *list, const char *path, roi_inputs *in)
{
    const cJSON *item;
    if (cJSON_IsNull(list))
        return;
    if (!cJSON_IsArray(list)) {
        wrong_type(r->errors, path, "list", list);
        return;
    }
    int n = cJSON_GetArraySize(list);
    if (n > ROI_MAX_RAMP) {
        ROI_DIAG(r->errors, path, ROI_CODE_TOO_MANY, ROI_NUM("max", ROI_MAX_RAMP), ROI_NUM("got", n));
        return;
    }
    size_t i = 0;
    cJSON_ArrayForEach(item, list) {
        char at[PATH_SIZE];
        path_fmt(at, "%s[%zu]", path, i);
        in->schedule.ramp[i] = 1;
        read_number(r, item, at, &in->schedule.ramp[i]);
        i++;
    }
    in->schedule.ramp_count = i;
}

/* One member of time / funnel / value / costs, looked up as "group.key". */
static void read_group_member(reader *r, const cJSON *item, const char *group,
                              const char *prefix, roi_campaign *c)
{
    char rel[PATH_SIZE], path[PATH_SIZE];
    path_fmt(rel, "%s.%s", group, item->string);
    join(path, prefix, rel);
    const roi_number_field *nf = roi_number_field_find(rel);
    const roi_enum_field *ef = roi_enum_field_find(rel);
    if (nf) {
        double v = roi_number_get(&c->in, nf);
        read_number(r, item, path, &v);
        roi_number_set(&c->in, nf, v);
    } else if (ef) {
        read_enum(r, item, path, ef, &c->in);
    } else if (strcmp(rel, "costs.fixed") == 0) {
        read_fixed(r, item, path, c);
    } else if (strcmp(rel, ROI_SKIP_PATH) == 0) {
        read_skip(r, item, path, &c->in);
    } else if (strcmp(rel, ROI_RAMP_PATH) == 0) {
        read_ramp(r, item, path, &c->in);
    } else {
        char group_prefix[PATH_SIZE];
        path_fmt(group_prefix, "%s%s.", prefix, group);
        warn_unknown(r, group_prefix, item->string);
    }
}

static bool is_group(const char *key)
{
    return strcmp(key, "time") == 0 || strcmp(key, "funnel") == 0 ||
           strcmp(key, "value") == 0 || strcmp(key, "costs") == 0 ||
           strcmp(key, "schedule") == 0 || strcmp(key, "goal") == 0;
}

/* Sections a channel may not have. */
static bool is_scenario_only(const char *key)
{
    return strcmp(key, "uncertainty") == 0 || strcmp(key, "channels") == 0 ||
           strcmp(key, "reallocation") == 0 || strcmp(key, "schedule") == 0 ||
           strcmp(key, "goal") == 0;
}

static void read_group(reader *r, const cJSON *item, const char *key, const char *path,
                       const char *prefix, roi_campaign *c);

static void read_campaign(reader *r, const cJSON *obj, const char *prefix,
                          roi_campaign *c, bool is_channel)
{
    const cJSON *item;
    char path[PATH_SIZE];
    cJSON_ArrayForEach(item, obj) {
        const char *key = item->string;
        const roi_number_field *nf = roi_number_field_find(key);
        join(path, prefix, key);
        if (strcmp(key, "version") == 0) {
            read_version(r, item, path);
        } else if (strcmp(key, "name") == 0) {
            read_text(r, item, path, c->name, sizeof c->name);
        } else if (strcmp(key, "currency") == 0) {
            read_text(r, item, path, c->currency, sizeof c->currency);
        } else if (nf && !strchr(key, '.')) {
            double v = roi_number_get(&c->in, nf);
            read_number(r, item, path, &v);
            roi_number_set(&c->in, nf, v);
        } else if (is_scenario_only(key)) {
            if (is_channel)
                ROI_DIAG0(r->errors, path, ROI_CODE_NOT_ALLOWED);
            else if (is_group(key))
                read_group(r, item, key, path, prefix, c);
        } else if (is_group(key)) {
            read_group(r, item, key, path, prefix, c);
        } else {
            warn_unknown(r, prefix, key);
        }
    }
}

static void read_group(reader *r, const cJSON *item, const char *key, const char *path,
                       const char *prefix, roi_campaign *c)
{
    if (cJSON_IsNull(item))
        return;
    if (!cJSON_IsObject(item)) {
        wrong_type(r->errors, path, "object", item);
        return;
    }
    const cJSON *member;
    cJSON_ArrayForEach(member, item)
        read_group_member(r, member, key, prefix, c);
}
static void read_scenario_number(reader *r, const cJSON *item, const char *path,
                                 roi_scenario *s, bool *given)
{
    size_t n;
    const roi_number_field *fields = roi_scenario_number_fields(&n);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(fields[i].path, path) != 0)
            continue;
        double v = roi_number_get(s, &fields[i]);
        size_t before = roi_diags_total(r->errors);
        read_number(r, item, path, &v);
        roi_number_set(s, &fields[i], v);
        if (given && !cJSON_IsNull(item) && roi_diags_total(r->errors) == before)
            *given = true;
        return;
    }
}

static int uncertain_index(const char *name)
{
    for (int u = 0; u < ROI_U_COUNT; u++)
        if (strcmp(roi_uncertain_name((roi_uncertain)u), name) == 0)
            return u;
    return -1;
}

static void read_ranges(reader *r, const cJSON *obj, roi_scenario *s)
{
    const char *prefix = "uncertainty.ranges.";
    const cJSON *item;
    if (cJSON_IsNull(obj))
        return;
    if (!cJSON_IsObject(obj)) {
        wrong_type(r->errors, "uncertainty.ranges", "object", obj);
        return;
    }
    cJSON_ArrayForEach(item, obj) {
        char path[PATH_SIZE];
        int u = uncertain_index(item->string);
        if (u < 0) {
            warn_unknown(r, prefix, item->string);
            continue;
        }
        join(path, prefix, item->string);
        if (cJSON_IsNull(item))
            continue;
        const cJSON *lo = cJSON_GetArrayItem(item, 0), *hi = cJSON_GetArrayItem(item, 1);
        if (!cJSON_IsArray(item) || cJSON_GetArraySize(item) != 2 ||
            !cJSON_IsNumber(lo) || !cJSON_IsNumber(hi)) {
            ROI_DIAG0(r->errors, path, ROI_CODE_PAIR);
            continue;
        }
        if (!isfinite(lo->valuedouble) || !isfinite(hi->valuedouble)) {
            ROI_DIAG0(r->errors, path, ROI_CODE_NOT_FINITE);
            continue;
        }
        s->ranges[u].given = true;
        s->ranges[u].low = lo->valuedouble;
        s->ranges[u].high = hi->valuedouble;
    }
}

static void read_section(reader *r, const cJSON *obj, const char *section,
                         roi_scenario *s)
{
    const cJSON *item;
    char path[PATH_SIZE], prefix[PATH_SIZE];
    path_fmt(prefix, "%s.", section);
    if (!obj || cJSON_IsNull(obj))
        return;
    if (!cJSON_IsObject(obj)) {
        wrong_type(r->errors, section, "object", obj);
        return;
    }
    cJSON_ArrayForEach(item, obj) {
        join(path, prefix, item->string);
        if (strcmp(path, "uncertainty.ranges") == 0)
            read_ranges(r, item, s);
        else if (strcmp(path, "uncertainty.spread") == 0 ||
                 strcmp(path, "reallocation.shift") == 0)
            read_scenario_number(r, item, path, s, NULL);
        else if (strcmp(path, "reallocation.min_roi") == 0)
            read_scenario_number(r, item, path, s, &s->reallocation_min_roi_given);
        else
            warn_unknown(r, prefix, item->string);
    }
}

static void read_channels(reader *r, const cJSON *list, roi_scenario *s)
{
    if (!list || cJSON_IsNull(list))
        return;
    if (!cJSON_IsArray(list)) {
        wrong_type(r->errors, "channels", "list", list);
        return;
    }
    int n = cJSON_GetArraySize(list);
    if (n > ROI_MAX_CHANNELS) {
        ROI_DIAG(r->errors, "channels", ROI_CODE_TOO_MANY, ROI_NUM("max", ROI_MAX_CHANNELS),
                 ROI_NUM("got", n));
        return;
    }
    const cJSON *item;
    size_t i = 0;
    cJSON_ArrayForEach(item, list) {
        char prefix[PATH_SIZE];
        roi_campaign *c = &s->channels[i];
        roi_campaign_default(c);
        path_fmt(prefix, "channels[%zu]", i++);
        if (!cJSON_IsObject(item)) {
            wrong_type(r->errors, prefix, "object", item);
            continue;
        }
        strcat(prefix, ".");
        read_campaign(r, item, prefix, c, true);
        if (strcmp(c->currency, s->main.currency) != 0 && roi_currency_valid(c->currency)) {
            strcat(prefix, "currency");
            ROI_DIAG(r->warnings, prefix, ROI_CODE_CURRENCY_DIFFERS,
                     ROI_TXT("currency", s->main.currency));
        }
    }
    s->channel_count = i;
}

static void read_document(reader *r, const cJSON *root, roi_scenario *s)
{
    read_campaign(r, root, "", &s->main, false);
    /* After the main campaign: channel currency warnings need its currency. */
    read_section(r, cJSON_GetObjectItemCaseSensitive(root, "uncertainty"), "uncertainty", s);
    read_channels(r, cJSON_GetObjectItemCaseSensitive(root, "channels"), s);
    read_section(r, cJSON_GetObjectItemCaseSensitive(root, "reallocation"), "reallocation", s);
}

/* ---- value rules ---------------------------------------------------------- */

static const roi_number_field AMOUNT_FIELD = {"amount", "", 0, 0, 1e12, false, false,
                                              ROI_KIND_MONEY, "currency", ROI_SCOPE_CAMPAIGN};
static const roi_number_field RAMP_FIELD = {"ramp", "", 0, 0, 1, false, false,
                                            ROI_KIND_RATE, "fraction", ROI_SCOPE_SCENARIO};

static void check_number(roi_diags *errors, const char *path,
                         const roi_number_field *f, double v)
{
    if (roi_number_valid(f, v))
        return;
    roi_code code = f->whole ? ROI_CODE_WHOLE_RANGE
                  : f->min_open ? ROI_CODE_RANGE_ABOVE : ROI_CODE_RANGE;
    assert(!(f->whole && f->min_open));
    ROI_DIAG(errors, path, code, ROI_NUM("min", f->min), ROI_NUM("max", f->max),
             ROI_NUM("got", v));
}

static bool text_valid(const char *text)
{
    long chars = roi_utf8_chars(text);
    return chars >= 0 && chars <= ROI_TEXT_CHARS;
}

static void check_text(roi_diags *errors, const char *path, const char *text)
{
    long chars = roi_utf8_chars(text);
    if (chars < 0)
        ROI_DIAG0(errors, path, ROI_CODE_TEXT);
    else if (chars > ROI_TEXT_CHARS)
        ROI_DIAG(errors, path, ROI_CODE_TOO_LONG, ROI_NUM("max", ROI_TEXT_CHARS),
                 ROI_NUM("got", chars));
}

static const char *stage_as_unit(roi_stage s)
{
    static const char *const units[ROI_STAGE_COUNT] = {
        "call", "contact", "lead", "booked meeting", "held meeting",
        "opportunity", "deal"};
    return units[s];
}

static void check_model(roi_diags *errors, const char *prefix, const roi_inputs *in)
{
    char path[PATH_SIZE];
    roi_stage need = roi_model_needs(in, in->costs.model);
    /* A skipped count is refused exactly as an unknown one (METHODOLOGY,
     * Hours and funnel); "stage" names it, so interfaces can say which. */
    if (need != ROI_STAGE_COUNT && !roi_stage_known(in, need)) {
        join(path, prefix, "costs.model");
        ROI_DIAG(errors, path, ROI_CODE_NEEDS_COUNT,
                 ROI_TXT("model", roi_model_name(in->costs.model)),
                 ROI_TXT("unit", stage_as_unit(need)),
                 ROI_TXT("entry", roi_stage_name(in->funnel.entry)),
                 ROI_TXT("stage", roi_stage_name(need)));
    }
    if (in->costs.internal_hours_per_meeting > 0 && in->costs.internal_hourly_cost > 0 &&
        !roi_stage_known(in, ROI_STAGE_HELD)) {
        join(path, prefix, "costs.internal_hours_per_meeting");
        ROI_DIAG(errors, path, ROI_CODE_NEEDS_HELD,
                 ROI_TXT("entry", roi_stage_name(in->funnel.entry)));
    }
}

/* funnel.skip and the rates into skipped stages (METHODOLOGY, Hours and funnel). */
static void check_skip(roi_diags *errors, const char *prefix, const roi_inputs *in)
{
    char path[PATH_SIZE];
    unsigned allowed = ((1u << ROI_STAGE_DEALS) - 1u) & ~(1u << in->funnel.entry);
    if (in->funnel.skip & ~allowed) {
        join(path, prefix, ROI_SKIP_PATH);
        ROI_DIAG(errors, path, ROI_CODE_SKIP_ORDER, ROI_TXT("entry", roi_stage_name(in->funnel.entry)));
    }
    for (int st = (int)in->funnel.entry + 1; st < ROI_STAGE_DEALS; st++) {
        double rate = in->funnel.rate[st - 1];
        if (!roi_stage_skipped(in, (roi_stage)st) || rate == 1)
            continue;
        char rel[PATH_SIZE];
        path_fmt(rel, "funnel.%s", roi_rate_name((roi_rate)(st - 1)));
        join(path, prefix, rel);
        ROI_DIAG(errors, path, ROI_CODE_SKIP_RATE, ROI_TXT("stage", roi_stage_name((roi_stage)st)));
    }
}

/* The goal and the schedule: scenario-level fields. */
static void check_goal(roi_diags *errors, const char *prefix, const roi_inputs *in)
{
    char path[PATH_SIZE];
    roi_stage st = in->goal.metric == ROI_GOAL_HELD       ? ROI_STAGE_HELD
                 : in->goal.metric == ROI_GOAL_MEETINGS ? ROI_STAGE_MEETINGS
                                                        : ROI_STAGE_COUNT;
    if (st != ROI_STAGE_COUNT && !roi_stage_known(in, st)) {
        join(path, prefix, "goal.metric");
        ROI_DIAG(errors, path, ROI_CODE_GOAL_STAGE, ROI_TXT("stage", roi_stage_name(st)));
    }
    if (in->schedule.ramp_count > ROI_MAX_RAMP) {
        join(path, prefix, ROI_RAMP_PATH);
        ROI_DIAG(errors, path, ROI_CODE_TOO_MANY, ROI_NUM("max", ROI_MAX_RAMP),
                 ROI_NUM("got", in->schedule.ramp_count));
        return;
    }
    for (size_t i = 0; i < in->schedule.ramp_count; i++) {
        if (roi_number_valid(&RAMP_FIELD, in->schedule.ramp[i]))
            continue; /* the path is written only for an error */
        path_fmt(path, "%s%s[%zu]", prefix, ROI_RAMP_PATH, i);
        check_number(errors, path, &RAMP_FIELD, in->schedule.ramp[i]);
    }
}

/* A channel holds none of the scenario-level fields. */
static void check_channel_scope(roi_diags *errors, const char *prefix, const roi_inputs *in)
{
    size_t n;
    char path[PATH_SIZE];
    roi_inputs def;
    roi_inputs_default(&def);
    const roi_number_field *fields = roi_number_fields(&n);
    for (size_t i = 0; i < n; i++) {
        if (fields[i].scope != ROI_SCOPE_SCENARIO ||
            roi_number_get(in, &fields[i]) == roi_number_get(&def, &fields[i]))
            continue;
        join(path, prefix, fields[i].path);
        ROI_DIAG0(errors, path, ROI_CODE_NOT_ALLOWED);
    }
    const roi_enum_field *enums = roi_enum_fields(&n);
    for (size_t i = 0; i < n; i++) {
        if (enums[i].scope != ROI_SCOPE_SCENARIO ||
            roi_enum_get(in, &enums[i]) == roi_enum_get(&def, &enums[i]))
            continue;
        join(path, prefix, enums[i].path);
        ROI_DIAG0(errors, path, ROI_CODE_NOT_ALLOWED);
    }
    if (in->schedule.ramp_count) {
        join(path, prefix, ROI_RAMP_PATH);
        ROI_DIAG0(errors, path, ROI_CODE_NOT_ALLOWED);
    }
}

static void check_campaign(roi_diags *errors, const char *prefix, const roi_campaign *c,
                           bool is_channel)
{
    size_t n;
    char path[PATH_SIZE];
    const roi_number_field *fields = roi_number_fields(&n);
    /* Paths are written only for an error: a valid scenario (every link and
     * document the page checks) costs one comparison per field. */
    if (!text_valid(c->name)) {
        join(path, prefix, "name");
        check_text(errors, path, c->name);
    }
    if (!roi_currency_valid(c->currency)) {
        join(path, prefix, "currency");
        ROI_DIAG(errors, path, ROI_CODE_CURRENCY, ROI_TXT("got", c->currency));
    }
    for (size_t i = 0; i < n; i++) {
        double v = roi_number_get(&c->in, &fields[i]);
        if (roi_number_valid(&fields[i], v))
            continue;
        join(path, prefix, fields[i].path);
        check_number(errors, path, &fields[i], v);
    }
    const roi_enum_field *enums = roi_enum_fields(&n);
    for (size_t i = 0; i < n; i++) {
        int v = roi_enum_get(&c->in, &enums[i]);
        if (v < (enums[i].nullable ? -1 : 0) || v >= enums[i].count) {
            join(path, prefix, enums[i].path);
            ROI_DIAG0(errors, path, ROI_CODE_NO_VALUE);
        }
    }
    if (c->fixed_count > ROI_MAX_FIXED) {
        join(path, prefix, "costs.fixed");
        ROI_DIAG(errors, path, ROI_CODE_TOO_MANY, ROI_NUM("max", ROI_MAX_FIXED),
                 ROI_NUM("got", c->fixed_count));
        return;
    }
    for (size_t i = 0; i < c->fixed_count; i++) {
        if (!text_valid(c->fixed[i].label)) {
            path_fmt(path, "%scosts.fixed[%zu].label", prefix, i);
            check_text(errors, path, c->fixed[i].label);
        }
        if (!roi_number_valid(&AMOUNT_FIELD, c->fixed[i].amount)) {
            path_fmt(path, "%scosts.fixed[%zu].amount", prefix, i);
            check_number(errors, path, &AMOUNT_FIELD, c->fixed[i].amount);
        }
    }
    check_skip(errors, prefix, &c->in);
    check_model(errors, prefix, &c->in);
    if (is_channel)
        check_channel_scope(errors, prefix, &c->in);
    else
        check_goal(errors, prefix, &c->in);
}

static void check_ranges(roi_diags *errors, const roi_scenario *s)
{
    for (int u = 0; u < ROI_U_COUNT; u++) {
        const roi_range *rg = &s->ranges[u];
        if (!rg->given)
            continue;
        char path[PATH_SIZE];
        const char *name = roi_uncertain_name((roi_uncertain)u);
        const roi_number_field *f = roi_number_field_find(name);
        double b = roi_uncertain_get(&s->main.in, (roi_uncertain)u);
        join(path, "uncertainty.ranges.", name);
        /* Every uncertain field has a closed range: range_bounds says "between". */
        assert(!f->min_open);
        int rate = u - ROI_U_CONTACT_RATE;
        if (rate >= 0 && rate < ROI_RATE_COUNT &&
            roi_stage_skipped(&s->main.in, (roi_stage)(rate + 1))) {
            ROI_DIAG(errors, path, ROI_CODE_SKIP_RATE,
                     ROI_TXT("stage", roi_stage_name((roi_stage)(rate + 1))));
        } else if (!roi_number_valid(f, rg->low) || !roi_number_valid(f, rg->high)) {
            ROI_DIAG(errors, path, ROI_CODE_RANGE_BOUNDS, ROI_NUM("min", f->min),
                     ROI_NUM("max", f->max), ROI_NUM("low", rg->low), ROI_NUM("high", rg->high));
        } else if (!(rg->low <= b && b <= rg->high)) {
            ROI_DIAG(errors, path, ROI_CODE_RANGE_ORDER, ROI_NUM("low", rg->low),
                     ROI_NUM("high", rg->high), ROI_NUM("value", b));
        }
    }
}

size_t roi_scenario_check(const roi_scenario *s, roi_diags *errors)
{
    size_t before = roi_diags_total(errors), n;
    const roi_number_field *fields = roi_scenario_number_fields(&n);
    check_campaign(errors, "", &s->main, false);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(fields[i].path, "reallocation.min_roi") == 0 &&
            !s->reallocation_min_roi_given)
            continue;
        check_number(errors, fields[i].path, &fields[i], roi_number_get(s, &fields[i]));
    }
    check_ranges(errors, s);
    if (s->channel_count > ROI_MAX_CHANNELS) {
        ROI_DIAG(errors, "channels", ROI_CODE_TOO_MANY, ROI_NUM("max", ROI_MAX_CHANNELS),
                 ROI_NUM("got", s->channel_count));
        return roi_diags_total(errors) - before;
    }
    for (size_t i = 0; i < s->channel_count; i++) {
        char prefix[PATH_SIZE];
        path_fmt(prefix, "channels[%zu].", i);
        check_campaign(errors, prefix, &s->channels[i], true);
    }
    return roi_diags_total(errors) - before;
}

/* ---- parsing entry point -------------------------------------------------- */

roi_scenario *roi_scenario_new(void)
{
    roi_scenario *s = malloc(sizeof *s);
    if (s)
        roi_scenario_default(s);
    return s;
}

void roi_scenario_free(roi_scenario *s)
{
    free(s);
}

static bool is_blank(const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n", text[i]) || text[i] == '\0')
            return false;
    return true;
}

/* Deepest nesting of [ and {, outside strings; stops counting past the limit.
 * cJSON recurses once per level: this keeps a hostile document from using
 * the (small, in WebAssembly) stack. */
static int nesting_depth(const char *text, size_t len)
{
    int depth = 0, deepest = 0;
    bool in_string = false;
    for (size_t i = 0; i < len && deepest <= ROI_MAX_DEPTH; i++) {
        char c = text[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > deepest)
                deepest = depth;
        } else if (c == ']' || c == '}') {
            depth--;
        }
    }
    return deepest;
}

static void where(const char *text, size_t offset, size_t *line, size_t *column)
{
    *line = 1;
    *column = 1;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            (*line)++;
            *column = 1;
        } else {
            (*column)++;
        }
    }
}

/* Offset of the first NUL character inside a string of a well-formed JSON
 * text, written as the escape \u0000 or as a raw byte; len when there is none.
 * cJSON would keep the string up to it and silently drop the rest
 * ("abc\u0000<script>" read as "abc"), so the document is refused instead.
 * An escaped backslash followed by "u0000" ("\\u0000") is text, not a NUL. */
static size_t nul_in_string(const char *text, size_t len)
{
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '\0' && in_string)
            return i;
        if (!in_string) {
            in_string = c == '"';
        } else if (c == '"') {
            in_string = false;
        } else if (c == '\\' && i + 1 < len) {
            if (text[i + 1] == 'u' && i + 5 < len && memcmp(text + i + 2, "0000", 4) == 0)
                return i;
            i++;  /* the escaped character, a backslash included */
        }
    }
    return len;
}

static cJSON *parse_json(const char *text, size_t len, roi_diags *errors)
{
    if (len > ROI_MAX_INPUT) {
        ROI_DIAG(errors, "", ROI_CODE_TOO_BIG, ROI_NUM("bytes", len), ROI_NUM("max", ROI_MAX_INPUT));
        return NULL;
    }
    if (is_blank(text, len)) {
        ROI_DIAG0(errors, "", ROI_CODE_EMPTY);
        return NULL;
    }
    if (nesting_depth(text, len) > ROI_MAX_DEPTH) {
        ROI_DIAG(errors, "", ROI_CODE_DEPTH, ROI_NUM("max", ROI_MAX_DEPTH));
        return NULL;
    }
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, false);
    size_t offset = end && end >= text ? (size_t)(end - text) : 0;
    roi_code code = ROI_CODE_JSON;
    if (root) {
        while (offset < len && strchr(" \t\r\n", text[offset]) && text[offset])
            offset++;
        if (offset == len) {
            /* Well-formed: now a NUL in a string can be found without doubt. */
            offset = nul_in_string(text, len);
            if (offset == len)
                return root;
            code = ROI_CODE_NUL_CHAR;
        } else {
            code = ROI_CODE_TRAILING;
        }
        cJSON_Delete(root);
    }
    size_t line, column;
    where(text, offset < len ? offset : len, &line, &column);
    ROI_DIAG(errors, "", code, ROI_NUM("line", line), ROI_NUM("column", column));
    return NULL;
}

roi_status roi_scenario_parse(const char *text, size_t len, roi_scenario **out,
                              roi_diags *errors, roi_diags *warnings)
{
    reader r = {errors, warnings};
    roi_status st = ROI_EINVALID;
    roi_scenario *s = NULL;
    size_t before = roi_diags_total(errors);
    *out = NULL;

    cJSON *root = parse_json(text, len, errors);
    if (!root)
        goto fail;
    if (!cJSON_IsObject(root)) {
        ROI_DIAG(errors, "", ROI_CODE_NOT_OBJECT, ROI_TXT("got", type_name(root)));
        goto fail;
    }
    s = roi_scenario_new();
    if (!s) {
        st = ROI_ENOMEM;
        goto fail;
    }
    read_document(&r, root, s);
    roi_scenario_check(s, errors);
    if (roi_diags_total(errors) != before || errors->failed || warnings->failed) {
        st = errors->failed || warnings->failed ? ROI_ENOMEM : ROI_EINVALID;
        goto fail;
    }
    cJSON_Delete(root);
    *out = s;
    return ROI_OK;

fail:
    cJSON_Delete(root);
    roi_scenario_free(s);
    return st;
}

/* ---- writing -------------------------------------------------------------- */

typedef struct {
    roi_buf b;
    bool pretty;
    int depth;
    bool comma;  /* a value precedes at this level */
} writer;

static void w_init(writer *w, int options)
{
    roi_buf_init(&w->b);
    w->pretty = (options & ROI_JSON_PRETTY) != 0;
    w->depth = 0;
    w->comma = false;
}

static void w_newline(writer *w)
{
    if (!w->pretty)
        return;
    roi_buf_putc(&w->b, '\n');
    for (int i = 0; i < w->depth; i++)
        roi_buf_append(&w->b, "  ", 2);
}

static void w_key(writer *w, const char *key)
{
    if (w->comma)
        roi_buf_putc(&w->b, ',');
    if (w->depth > 0)
        w_newline(w);
    if (key) {
        roi_buf_json_string(&w->b, key);
        roi_buf_puts(&w->b, w->pretty ? ": " : ":");
    }
    w->comma = true;
}

static void w_open(writer *w, const char *key, char bracket)
{
    w_key(w, key);
    roi_buf_putc(&w->b, bracket);
    w->depth++;
    w->comma = false;
}

static void w_close(writer *w, char bracket)
{
    w->depth--;
    if (w->comma)
        w_newline(w);
    roi_buf_putc(&w->b, bracket);
    w->comma = true;
}

static void w_number(writer *w, const char *key, double v)
{
    w_key(w, key);
    roi_buf_number(&w->b, v);
}

static void w_string(writer *w, const char *key, const char *s)
{
    w_key(w, key);
    if (s)
        roi_buf_json_string(&w->b, s);
    else
        roi_buf_puts(&w->b, "null");
}

static void w_raw(writer *w, const char *key, const char *literal)
{
    w_key(w, key);
    roi_buf_puts(&w->b, literal);
}

static char *w_finish(writer *w)
{
    if (w->pretty)
        roi_buf_putc(&w->b, '\n');
    return roi_buf_finish(&w->b);
}

static void w_diags(writer *w, const char *key, const roi_diags *d)
{
    /* One line even in pretty output: the list is written by roi_diag.c. */
    w_key(w, key);
    roi_diags_to_json(&w->b, d);
}

char *roi_errors_to_json(const roi_diags *errors, const roi_diags *warnings, int options)
{
    writer w;
    w_init(&w, options);
    w_open(&w, NULL, '{');
    w_raw(&w, "ok", "false");
    w_diags(&w, "errors", errors);
    w_diags(&w, "warnings", warnings);
    w_close(&w, '}');
    return w_finish(&w);
}

static void w_funnel(writer *w, const roi_figures *f)
{
    w_open(w, "funnel", '{');
    for (int s = 0; s < ROI_STAGE_DEALS; s++)
        w_number(w, roi_stage_name((roi_stage)s), f->stage[s]);
    w_number(w, "deals_expected", f->deals_expected);
    w_number(w, "deals", f->deals);
    w_close(w, '}');
}

static void w_figures(writer *w, const roi_figures *f)
{
    static const char *const unit_names[ROI_STAGE_COUNT] = {
        "call", "contact", "lead", "meeting", "held", "opportunity", "deal"};
    w_number(w, "hours_total", f->hours_total);
    w_funnel(w, f);
    w_number(w, "revenue_per_deal", f->revenue_per_deal);
    w_number(w, "revenue", f->revenue);
    w_number(w, "margin", f->margin);
    w_open(w, "cost", '{');
    w_number(w, "total", f->cost.total);
    w_number(w, "model", f->cost.model);
    w_number(w, "fixed", f->cost.fixed);
    w_number(w, "internal", f->cost.internal);
    w_number(w, "commission", f->cost.commission);
    w_close(w, '}');
    w_number(w, "net", f->net);
    w_number(w, "roi", f->roi);
    w_number(w, "roi_lifetime", f->roi_lifetime);
    w_open(w, "per_hour", '{');
    w_number(w, "revenue", f->per_hour.revenue);
    w_number(w, "margin", f->per_hour.margin);
    w_number(w, "cost", f->per_hour.cost);
    w_number(w, "net", f->per_hour.net);
    w_number(w, "calls", f->per_hour.calls);
    w_number(w, "meetings", f->per_hour.meetings);
    w_number(w, "revenue_talk_only", f->per_hour.revenue_talk_only);
    w_close(w, '}');
    w_open(w, "unit_costs", '{');
    for (int s = 0; s < ROI_STAGE_COUNT; s++)
        w_number(w, unit_names[s], f->unit_cost[s]);
    w_close(w, '}');
    w_open(w, "ltv", '{');
    w_number(w, "revenue", f->ltv.revenue);
    w_number(w, "margin", f->ltv.margin);
    w_number(w, "to_cac", f->ltv.to_cac);
    w_number(w, "to_meeting_cost", f->ltv.to_meeting_cost);
    w_number(w, "max_cac", f->ltv.max_cac);
    w_close(w, '}');
    w_number(w, "payback_months", f->payback_months);
}

static void w_breakeven(writer *w, const roi_figures *f)
{
    w_open(w, "breakeven", '{');
    w_number(w, "target_roi", f->breakeven.target_roi);
    w_number(w, "min_deals", f->breakeven.min_deals);
    w_number(w, "min_close_rate", f->breakeven.min_close_rate);
    w_number(w, "min_deal_value", f->breakeven.min_deal_value);
    w_number(w, "max_cost_per_meeting", f->breakeven.max_cost_per_meeting);
    w_number(w, "max_cost_per_held", f->breakeven.max_cost_per_held);
    w_number(w, "max_cost", f->breakeven.max_cost);
    w_number(w, "max_price", f->breakeven.max_price);
    w_close(w, '}');
}

static void w_case(writer *w, const char *key, const roi_case *c)
{
    w_open(w, key, '{');
    w_number(w, "deals", c->deals);
    w_number(w, "revenue", c->revenue);
    w_number(w, "margin", c->margin);
    w_number(w, "cost", c->cost);
    w_number(w, "net", c->net);
    w_number(w, "roi", c->roi);
    w_number(w, "revenue_per_hour", c->revenue_per_hour);
    w_number(w, "payback_months", c->payback_months);
    w_close(w, '}');
}

static void w_sensitivity(writer *w, const roi_result *r)
{
    w_open(w, "sensitivity", '[');
    for (size_t i = 0; i < r->sensitivity_count; i++) {
        const roi_sensitivity_row *row = &r->sensitivity[i];
        w_open(w, NULL, '{');
        w_string(w, "field", roi_uncertain_name(row->field));
        w_number(w, "low", row->low);
        w_number(w, "high", row->high);
        w_number(w, "net_low", row->net_low);
        w_number(w, "net_high", row->net_high);
        w_number(w, "roi_low", row->roi_low);
        w_number(w, "roi_high", row->roi_high);
        w_close(w, '}');
    }
    w_close(w, ']');
}

static void w_billing(writer *w, const roi_result *r)
{
    w_open(w, "billing", '[');
    for (size_t i = 0; i < r->billing_count; i++) {
        const roi_billing_row *row = &r->billing[i];
        w_open(w, NULL, '{');
        w_string(w, "model", roi_model_name(row->model));
        w_number(w, "cost", row->cost);
        w_number(w, "net", row->net);
        w_number(w, "roi", row->roi);
        w_number(w, "cost_per_deal", row->cost_per_deal);
        w_number(w, "max_price", row->max_price);
        w_number(w, "cost_at_half", row->cost_at_half);
        w_close(w, '}');
    }
    w_close(w, ']');
}

static const char *row_name(const roi_scenario *s, size_t row)
{
    return row == 0 ? s->main.name : s->channels[row - 1].name;
}

static void w_comparison(writer *w, const roi_scenario *s, const roi_result *r)
{
    w_open(w, "comparison", '[');
    for (size_t i = 0; i < r->comparison_count; i++) {
        const roi_comparison_row *row = &r->comparison[i];
        w_open(w, NULL, '{');
        w_string(w, "name", row_name(s, i));
        w_number(w, "cost", row->cost);
        w_number(w, "revenue", row->revenue);
        w_number(w, "margin", row->margin);
        w_number(w, "net", row->net);
        w_number(w, "roi", row->roi);
        w_number(w, "cost_per_lead", row->cost_per_lead);
        w_number(w, "cost_per_opportunity", row->cost_per_opportunity);
        w_number(w, "cac", row->cac);
        w_number(w, "revenue_per_hour", row->revenue_per_hour);
        w_number(w, "payback_months", row->payback_months);
        w_number(w, "ltv_to_cac", row->ltv_to_cac);
        w_number(w, "rank", row->rank ? (double)row->rank : ROI_NULL);
        w_close(w, '}');
    }
    w_close(w, ']');
}

static void w_reallocation(writer *w, const roi_reallocation *ra)
{
    if (!ra->present) {
        w_raw(w, "reallocation", "null");
        return;
    }
    w_open(w, "reallocation", '{');
    w_number(w, "min_roi", ra->min_roi);
    w_number(w, "shift", ra->shift);
    w_number(w, "moved", ra->moved);
    w_number(w, "to", ra->to >= 0 ? (double)ra->to : ROI_NULL);
    w_open(w, "from", '[');
    for (size_t i = 0; i < ra->from_count; i++)
        w_number(w, NULL, (double)ra->from[i]);
    w_close(w, ']');
    w_number(w, "net_before", ra->net_before);
    w_number(w, "net_after", ra->net_after);
    w_close(w, '}');
}

static void w_cashflow(writer *w, const roi_result *r)
{
    w_open(w, "cashflow", '[');
    for (size_t k = 0; k < r->cashflow_count; k++) {
        w_open(w, NULL, '{');
        w_number(w, "month", (double)k);
        w_number(w, "net", r->cashflow[k]);
        w_close(w, '}');
    }
    w_close(w, ']');
}

static void w_schedule(writer *w, const roi_schedule *sc)
{
    if (!sc->present) {
        w_raw(w, "schedule", "null");
        return;
    }
    w_open(w, "schedule", '{');
    w_number(w, "months", sc->months);
    w_open(w, "series", '[');
    for (size_t k = 0; k < sc->count; k++) {
        const roi_month *m = &sc->series[k];
        w_open(w, NULL, '{');
        w_number(w, "month", (double)(k + 1));
        w_number(w, "volume", m->volume);
        w_number(w, "meetings", m->meetings);
        w_number(w, "held", m->held);
        w_number(w, "deals", m->deals);
        w_number(w, "revenue", m->revenue);
        w_number(w, "margin", m->margin);
        w_number(w, "cost", m->cost);
        w_number(w, "net", m->net);
        w_number(w, "cumulative_net", m->cumulative_net);
        w_number(w, "cumulative_roi", m->cumulative_roi);
        w_close(w, '}');
    }
    w_close(w, ']');
    w_open(w, "totals", '{');
    w_number(w, "volume", sc->totals.volume);
    w_number(w, "deals", sc->totals.deals);
    w_number(w, "revenue", sc->totals.revenue);
    w_number(w, "margin", sc->totals.margin);
    w_number(w, "cost", sc->totals.cost);
    w_number(w, "net", sc->totals.net);
    w_number(w, "roi", sc->totals.roi);
    w_close(w, '}');
    w_number(w, "payback_month", sc->payback_month);
    w_close(w, '}');
}

static void w_plan(writer *w, const roi_plan *p)
{
    if (!p->present) {
        w_raw(w, "plan", "null");
        return;
    }
    w_open(w, "plan", '{');
    w_string(w, "metric", roi_goal_name(p->metric));
    w_number(w, "value", p->value);
    w_raw(w, "reachable", p->reachable ? "true" : "false");
    w_number(w, "volume", p->volume);
    w_number(w, "scale", p->scale);
    if (p->reachable) {
        w_open(w, "funnel", '{');
        for (int s = 0; s < ROI_STAGE_DEALS; s++)
            w_number(w, roi_stage_name((roi_stage)s), p->stage[s]);
        w_number(w, "deals_expected", p->deals_expected);
        w_number(w, "deals", p->deals);
        w_close(w, '}');
    } else {
        w_raw(w, "funnel", "null");
    }
    w_number(w, "hours", p->hours);
    w_number(w, "operators", p->operators);
    w_number(w, "cost", p->cost);
    w_number(w, "revenue", p->revenue);
    w_number(w, "margin", p->margin);
    w_number(w, "net", p->net);
    w_number(w, "roi", p->roi);
    w_number(w, "sales_hours", p->sales_hours);
    w_close(w, '}');
}

char *roi_result_to_json(const roi_scenario *s, const roi_result *r,
                         const roi_diags *warnings, int options)
{
    writer w;
    w_init(&w, options);
    w_open(&w, NULL, '{');
    w_raw(&w, "ok", "true");
    w_number(&w, "version", ROI_FORMAT_VERSION);
    w_string(&w, "name", s->main.name);
    w_string(&w, "currency", s->main.currency);
    w_diags(&w, "warnings", warnings);
    w_figures(&w, &r->figures);
    w_cashflow(&w, r);
    w_breakeven(&w, &r->figures);
    w_open(&w, "scenarios", '{');
    w_case(&w, "prudent", &r->cases[ROI_CASE_PRUDENT]);
    w_case(&w, "central", &r->cases[ROI_CASE_CENTRAL]);
    w_case(&w, "ambitious", &r->cases[ROI_CASE_AMBITIOUS]);
    w_close(&w, '}');
    w_sensitivity(&w, r);
    w_billing(&w, r);
    w_comparison(&w, s, r);
    w_reallocation(&w, &r->reallocation);
    w_schedule(&w, &r->schedule);
    w_plan(&w, &r->plan);
    w_close(&w, '}');
    return w_finish(&w);
}

/* ---- the canonical scenario document -------------------------------------- */

static void w_group_numbers(writer *w, const roi_inputs *in, const char *group)
{
    size_t n, glen = strlen(group);
    const roi_enum_field *enums = roi_enum_fields(&n);
    for (size_t i = 0; i < n; i++)
        if (strncmp(enums[i].path, group, glen) == 0 && enums[i].path[glen] == '.') {
            int v = roi_enum_get(in, &enums[i]);
            w_string(w, enums[i].path + glen + 1, v >= 0 ? enums[i].names[v] : NULL);
        }
    const roi_number_field *fields = roi_number_fields(&n);
    for (size_t i = 0; i < n; i++)
        if (strncmp(fields[i].path, group, glen) == 0 && fields[i].path[glen] == '.')
            w_number(w, fields[i].path + glen + 1, roi_number_get(in, &fields[i]));
}

static void w_campaign(writer *w, const roi_campaign *c, bool is_channel)
{
    static const char *const groups[] = {"time", "funnel", "value", "costs", "schedule", "goal"};
    size_t group_count = is_channel ? 4 : 6;
    size_t n;
    const roi_number_field *fields = roi_number_fields(&n);
    w_number(w, "version", ROI_FORMAT_VERSION);
    w_string(w, "name", c->name);
    w_string(w, "currency", c->currency);
    for (size_t i = 0; i < n; i++)
        if (!strchr(fields[i].path, '.'))
            w_number(w, fields[i].path, roi_number_get(&c->in, &fields[i]));
    for (size_t g = 0; g < group_count; g++) {
        w_open(w, groups[g], '{');
        w_group_numbers(w, &c->in, groups[g]);
        if (strcmp(groups[g], "funnel") == 0) {
            w_open(w, "skip", '[');
            for (int st = 0; st < ROI_STAGE_COUNT; st++)
                if (roi_stage_skipped(&c->in, (roi_stage)st))
                    w_string(w, NULL, roi_stage_name((roi_stage)st));
            w_close(w, ']');
        }
        if (strcmp(groups[g], "schedule") == 0) {
            w_open(w, "ramp", '[');
            for (size_t i = 0; i < c->in.schedule.ramp_count && i < ROI_MAX_RAMP; i++)
                w_number(w, NULL, c->in.schedule.ramp[i]);
            w_close(w, ']');
        }
        if (strcmp(groups[g], "costs") == 0) {
            w_open(w, "fixed", '[');
            for (size_t i = 0; i < c->fixed_count && i < ROI_MAX_FIXED; i++) {
                w_open(w, NULL, '{');
                w_string(w, "label", c->fixed[i].label);
                w_number(w, "amount", c->fixed[i].amount);
                w_close(w, '}');
            }
            w_close(w, ']');
        }
        w_close(w, '}');
    }
}

char *roi_scenario_to_json(const roi_scenario *s, int options)
{
    writer w;
    w_init(&w, options);
    w_open(&w, NULL, '{');
    w_campaign(&w, &s->main, false);
    w_open(&w, "uncertainty", '{');
    w_number(&w, "spread", s->spread);
    w_open(&w, "ranges", '{');
    for (int u = 0; u < ROI_U_COUNT; u++) {
        if (!s->ranges[u].given)
            continue;
        w_open(&w, roi_uncertain_name((roi_uncertain)u), '[');
        w_number(&w, NULL, s->ranges[u].low);
        w_number(&w, NULL, s->ranges[u].high);
        w_close(&w, ']');
    }
    w_close(&w, '}');
    w_close(&w, '}');
    w_open(&w, "channels", '[');
    for (size_t i = 0; i < s->channel_count && i < ROI_MAX_CHANNELS; i++) {
        w_open(&w, NULL, '{');
        w_campaign(&w, &s->channels[i], true);
        w_close(&w, '}');
    }
    w_close(&w, ']');
    w_open(&w, "reallocation", '{');
    w_number(&w, "min_roi", s->reallocation_min_roi_given ? s->reallocation_min_roi : ROI_NULL);
    w_number(&w, "shift", s->reallocation_shift);
    w_close(&w, '}');
    w_close(&w, '}');
    return w_finish(&w);
}

char *roi_scenario_answer_json(roi_status st, const roi_scenario *s,
                               const roi_diags *errors, const roi_diags *warnings,
                               int options, bool *valid)
{
    writer w;
    *valid = false;
    if (st == ROI_ENOMEM)
        return NULL;
    if (st != ROI_OK)
        return roi_errors_to_json(errors, warnings, options);
    char *scenario = roi_scenario_to_json(s, options);
    if (!scenario)
        return NULL;
    w_init(&w, options);
    w_open(&w, NULL, '{');
    w_raw(&w, "ok", "true");
    w_raw(&w, "scenario", scenario);
    w_diags(&w, "warnings", warnings);
    w_close(&w, '}');
    roi_free(scenario);
    char *out = w_finish(&w);
    *valid = out != NULL;
    return out;
}

char *roi_canonical_json(const char *text, size_t len, int options, bool *valid)
{
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    roi_status st = roi_scenario_parse(text, len, &s, &errors, &warnings);
    char *out = roi_scenario_answer_json(st, s, &errors, &warnings, options, valid);
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return out;
}

/* ---- the whole job -------------------------------------------------------- */

char *roi_eval_json(const char *text, size_t len, int options, bool *valid)
{
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_result *r = NULL;
    char *out = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    *valid = false;

    roi_status st = roi_scenario_parse(text, len, &s, &errors, &warnings);
    if (st == ROI_ENOMEM)
        goto done;
    if (st != ROI_OK) {
        out = roi_errors_to_json(&errors, &warnings, options);
        goto done;
    }
    r = malloc(sizeof *r);
    if (!r)
        goto done;
    if (roi_evaluate(s, r) != ROI_OK) {
        /* The checks above admit only scenarios the core computes. */
        ROI_DIAG0(&errors, "", ROI_CODE_INTERNAL);
        out = roi_errors_to_json(&errors, &warnings, options);
        goto done;
    }
    out = roi_result_to_json(s, r, &warnings, options);
    *valid = out != NULL;

done:
    free(r);
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return out;
}

/* ---- the simulation ------------------------------------------------------- */

static void w_stats(writer *w, const char *key, const roi_sim_stats *st)
{
    w_open(w, key, '{');
    w_number(w, "p10", st->p10);
    w_number(w, "p50", st->p50);
    w_number(w, "p90", st->p90);
    w_number(w, "mean", st->mean);
    w_close(w, '}');
}

static void w_outcome(writer *w, const roi_sim_outcome *o)
{
    w_number(w, "p_loss", o->p_loss);
    w_stats(w, "roi", &o->roi);
    w_stats(w, "net", &o->net);
}

char *roi_sim_to_json(const roi_scenario *s, const roi_sim_result *r,
                      const roi_diags *warnings, int options)
{
    writer w;
    w_init(&w, options);
    w_open(&w, NULL, '{');
    w_raw(&w, "ok", "true");
    w_number(&w, "version", ROI_FORMAT_VERSION);
    w_string(&w, "name", s->main.name);
    w_string(&w, "currency", s->main.currency);
    w_diags(&w, "warnings", warnings);
    w_number(&w, "samples", (double)r->samples);
    w_number(&w, "seed", (double)r->seed);
    w_open(&w, "fields", '[');
    for (int u = 0; u < ROI_U_COUNT; u++) {
        double lo, hi;
        if (roi_uncertain_range(s, (roi_uncertain)u, &lo, &hi))
            w_string(&w, NULL, roi_uncertain_name((roi_uncertain)u));
    }
    w_close(&w, ']');
    w_outcome(&w, &r->main);
    w_open(&w, "histogram", '{');
    w_open(&w, "edges", '[');
    for (int i = 0; i <= ROI_SIM_BINS; i++)
        w_number(&w, NULL, r->edges[i]);
    w_close(&w, ']');
    w_open(&w, "counts", '[');
    for (int i = 0; i < ROI_SIM_BINS; i++)
        w_number(&w, NULL, (double)r->counts[i]);
    w_close(&w, ']');
    w_close(&w, '}');
    w_open(&w, "channels", '[');
    for (size_t i = 0; i < r->channel_count; i++) {
        w_open(&w, NULL, '{');
        w_string(&w, "name", s->channels[i].name);
        w_outcome(&w, &r->channels[i]);
        w_close(&w, '}');
    }
    w_close(&w, ']');
    w_close(&w, '}');
    return w_finish(&w);
}

static bool whole_in(double v, double lo, double hi)
{
    return v >= lo && v <= hi && v == floor(v);
}

char *roi_simulate_json(const char *text, size_t len, double samples, double seed,
                        int options, bool *valid)
{
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_sim_result *r = NULL;
    double *bufs = NULL;
    char *out = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    *valid = false;

    if (!whole_in(samples, 1, ROI_SIM_MAX_SAMPLES))
        ROI_DIAG(&errors, "samples", ROI_CODE_WHOLE_RANGE, ROI_NUM("min", 1),
                 ROI_NUM("max", ROI_SIM_MAX_SAMPLES), ROI_NUM("got", samples));
    if (!whole_in(seed, 0, ROI_SIM_MAX_SEED))
        ROI_DIAG(&errors, "seed", ROI_CODE_WHOLE_RANGE, ROI_NUM("min", 0),
                 ROI_NUM("max", ROI_SIM_MAX_SEED), ROI_NUM("got", seed));
    roi_status st = roi_scenario_parse(text, len, &s, &errors, &warnings);
    if (st == ROI_ENOMEM)
        goto done;
    if (st != ROI_OK || errors.count) {
        out = roi_errors_to_json(&errors, &warnings, options);
        goto done;
    }
    size_t n = (size_t)samples;
    r = malloc(sizeof *r);
    bufs = malloc(2 * n * sizeof *bufs);
    if (!r || !bufs)
        goto done;
    if (roi_simulate(s, n, (uint64_t)seed, bufs, bufs + n, r) != ROI_OK) {
        ROI_DIAG0(&errors, "", ROI_CODE_INTERNAL);
        out = roi_errors_to_json(&errors, &warnings, options);
        goto done;
    }
    out = roi_sim_to_json(s, r, &warnings, options);
    *valid = out != NULL;

done:
    free(bufs);
    free(r);
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return out;
}

/* ---- the field list (roi fields) ------------------------------------------ */

static const char *scope_name(roi_scope scope)
{
    return scope == ROI_SCOPE_SCENARIO ? "scenario" : "campaign";
}

/* The keys every entry has, in this order; kind-specific keys follow. */
static void w_field_head(writer *w, const char *path, const char *kind, const char *key,
                         const char *unit, roi_scope scope)
{
    w_string(w, "path", path);
    w_string(w, "kind", kind);
    w_string(w, "key", key);
    w_string(w, "unit", unit);
    w_string(w, "scope", scope_name(scope));
}

static void w_bounds(writer *w, const roi_number_field *f)
{
    w_number(w, "min", f->min);
    w_number(w, "max", f->max);
    w_raw(w, "min_exclusive", f->min_open ? "true" : "false");
    w_raw(w, "whole", f->whole ? "true" : "false");
}

/* A number field of a table: head, default, bounds. */
/* default_from: the field a null default stands for, or NULL. */
static void w_number_entry(writer *w, const roi_number_field *f, double def,
                           const char *default_from)
{
    w_open(w, NULL, '{');
    w_field_head(w, f->path, roi_kind_name(f->kind), f->key, f->unit, f->scope);
    w_number(w, "default", def);
    w_raw(w, "nullable", default_from ? "true" : "false");
    if (default_from)
        w_string(w, "default_from", default_from);
    w_bounds(w, f);
    w_close(w, '}');
}

/* The description of one value of a list (no path, key or scope). */
static void w_number_item(writer *w, const char *key, const roi_number_field *f)
{
    w_open(w, key, '{');
    w_string(w, "kind", roi_kind_name(f->kind));
    w_string(w, "unit", f->unit);
    w_bounds(w, f);
    w_close(w, '}');
}

static void w_enum_values(writer *w, const char *const *names, int from, int to)
{
    w_open(w, "values", '[');
    for (int i = from; i < to; i++)
        w_string(w, NULL, names[i]);
    w_close(w, ']');
}

static void w_enum_entry(writer *w, const roi_enum_field *f, int def)
{
    w_open(w, NULL, '{');
    w_field_head(w, f->path, "enum", f->key, NULL, f->scope);
    w_string(w, "default", def >= 0 ? f->names[def] : NULL);
    w_raw(w, "nullable", f->nullable ? "true" : "false");
    w_enum_values(w, f->names, 0, f->count);
    w_close(w, '}');
}

static void w_text_entry(writer *w, const char *path, const char *key, const char *def,
                         int max_chars, const char *pattern)
{
    w_open(w, NULL, '{');
    w_field_head(w, path, "text", key, NULL, ROI_SCOPE_CAMPAIGN);
    w_string(w, "default", def);
    w_raw(w, "nullable", "false");
    w_number(w, "max_chars", max_chars);
    if (pattern)
        w_string(w, "pattern", pattern);
    w_close(w, '}');
}

/* A list entry up to its "item" key, which the caller writes and closes. */
static void w_list_head(writer *w, const char *path, const char *key, roi_scope scope,
                        bool nullable, int min_items, int max_items)
{
    w_open(w, NULL, '{');
    w_field_head(w, path, "list", key, NULL, scope);
    if (nullable)
        w_raw(w, "default", "null");
    else {
        w_open(w, "default", '[');
        w_close(w, ']');
    }
    w_raw(w, "nullable", nullable ? "true" : "false");
    w_number(w, "min_items", min_items);
    w_number(w, "max_items", max_items);
}

/* funnel.skip: the stages between calls and deals, each at most once. */
static void w_skip_entry(writer *w)
{
    const roi_enum_field *stages = roi_enum_field_find("funnel.entry");
    /* calls is accepted too, but is never after an entry: not offered. */
    w_list_head(w, ROI_SKIP_PATH, "skip", ROI_SCOPE_CAMPAIGN, false, 0,
                ROI_STAGE_DEALS - ROI_STAGE_CALLS - 1);
    w_raw(w, "unique", "true");
    w_open(w, "item", '{');
    w_string(w, "kind", "enum");
    w_enum_values(w, stages->names, ROI_STAGE_CALLS + 1, ROI_STAGE_DEALS);
    w_close(w, '}');
    w_close(w, '}');
}

static void w_ramp_entry(writer *w)
{
    w_list_head(w, ROI_RAMP_PATH, "ramp", ROI_SCOPE_SCENARIO, false, 0, ROI_MAX_RAMP);
    w_number_item(w, "item", &RAMP_FIELD);
    w_close(w, '}');
}

static void w_fixed_entry(writer *w)
{
    w_list_head(w, "costs.fixed", "fix", ROI_SCOPE_CAMPAIGN, false, 0, ROI_MAX_FIXED);
    w_open(w, "item", '{');
    w_string(w, "kind", "object");
    w_open(w, "fields", '[');
    w_open(w, NULL, '{');
    w_string(w, "path", "label");
    w_string(w, "kind", "text");
    w_string(w, "default", "");
    w_number(w, "max_chars", ROI_TEXT_CHARS);
    w_close(w, '}');
    w_open(w, NULL, '{');
    w_string(w, "path", AMOUNT_FIELD.path);
    w_string(w, "kind", roi_kind_name(AMOUNT_FIELD.kind));
    w_string(w, "unit", AMOUNT_FIELD.unit);
    w_number(w, "default", 0);
    w_bounds(w, &AMOUNT_FIELD);
    w_close(w, '}');
    w_close(w, ']');
    w_close(w, '}');
    w_close(w, '}');
}

/* The entries of one group ("" for the top-level numbers), as the canonical
 * scenario document orders them: enums, numbers, then the group's list. */
static void w_group_fields(writer *w, const roi_inputs *def, const char *group)
{
    size_t n, glen = strlen(group);
    const roi_enum_field *enums = roi_enum_fields(&n);
    for (size_t i = 0; i < n && glen; i++)
        if (strncmp(enums[i].path, group, glen) == 0 && enums[i].path[glen] == '.')
            w_enum_entry(w, &enums[i], roi_enum_get(def, &enums[i]));
    const roi_number_field *fields = roi_number_fields(&n);
    for (size_t i = 0; i < n; i++) {
        bool in_group = glen ? strncmp(fields[i].path, group, glen) == 0 && fields[i].path[glen] == '.'
                             : strchr(fields[i].path, '.') == NULL;
        if (in_group)
            w_number_entry(w, &fields[i], roi_number_get(def, &fields[i]), NULL);
    }
    if (strcmp(group, "funnel") == 0)
        w_skip_entry(w);
    else if (strcmp(group, "costs") == 0)
        w_fixed_entry(w);
    else if (strcmp(group, "schedule") == 0)
        w_ramp_entry(w);
}

static void w_ranges_entries(writer *w)
{
    for (int u = 0; u < ROI_U_COUNT; u++) {
        const char *name = roi_uncertain_name((roi_uncertain)u);
        const roi_number_field *f = roi_number_field_find(name);
        char path[PATH_SIZE], key[PATH_SIZE];
        path_fmt(path, "uncertainty.ranges.%s", name);
        path_fmt(key, "r.%s", f->key);
        w_list_head(w, path, key, ROI_SCOPE_SCENARIO, true, 2, 2);
        w_number_item(w, "item", f);
        w_close(w, '}');
    }
}

static void w_channels_entry(writer *w)
{
    w_list_head(w, "channels", "c<i>.", ROI_SCOPE_SCENARIO, false, 0, ROI_MAX_CHANNELS);
    w_open(w, "item", '{');
    w_string(w, "kind", "object");
    w_string(w, "scope", scope_name(ROI_SCOPE_CAMPAIGN));
    w_close(w, '}');
    w_close(w, '}');
}

char *roi_fields_json(int options)
{
    static const char *const groups[] = {"", "time", "funnel", "value", "costs", "schedule", "goal"};
    static const roi_number_field VERSION_FIELD = {
        "version", "v", 0, ROI_FORMAT_VERSION, ROI_FORMAT_VERSION, false, true,
        ROI_KIND_COUNT, NULL, ROI_SCOPE_CAMPAIGN};
    roi_scenario *def = roi_scenario_new();
    writer w;
    size_t n;
    if (!def)
        return NULL;
    w_init(&w, options);
    w_open(&w, NULL, '{');
    w_number(&w, "version", ROI_FORMAT_VERSION);
    w_open(&w, "fields", '[');
    w_number_entry(&w, &VERSION_FIELD, ROI_FORMAT_VERSION, NULL);
    w_text_entry(&w, "name", "n", def->main.name, ROI_TEXT_CHARS, NULL);
    w_text_entry(&w, "currency", "cur", def->main.currency, 3, "^[A-Z]{3}$");
    for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++)
        w_group_fields(&w, &def->main.in, groups[g]);
    const roi_number_field *fields = roi_scenario_number_fields(&n);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(fields[i].path, "uncertainty.", 12) == 0)
            w_number_entry(&w, &fields[i], roi_number_get(def, &fields[i]), NULL);
    }
    w_ranges_entries(&w);
    w_channels_entry(&w);
    for (size_t i = 0; i < n; i++) {
        if (strncmp(fields[i].path, "uncertainty.", 12) == 0)
            continue;
        /* reallocation.min_roi: null (not given) means target_roi. */
        bool follows = strcmp(fields[i].path, "reallocation.min_roi") == 0;
        w_number_entry(&w, &fields[i], follows ? ROI_NULL : roi_number_get(def, &fields[i]),
                       follows ? "target_roi" : NULL);
    }
    w_close(&w, ']');
    w_close(&w, '}');
    roi_scenario_free(def);
    return w_finish(&w);
}
