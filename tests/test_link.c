/*
 * test_link.c - scenario links: encoding, decoding, tolerance, limits.
 */
#include "test_util.h"

#include "roi_fields.h"
#include "roi_json.h"
#include "roi_link.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static roi_scenario *parse(const char *json)
{
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    assert_int_equal(roi_scenario_parse(json, strlen(json), &s, &errors, &warnings), ROI_OK);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return s;
}

/* Decodes a link; the caller frees the scenario and the warnings. */
static roi_scenario *decode(const char *link, roi_diags *warnings)
{
    roi_diags errors;
    roi_scenario *s = NULL;
    roi_diags_init(&errors);
    roi_diags_init(warnings);
    assert_int_equal(roi_link_decode(link, strlen(link), &s, warnings, &errors), ROI_OK);
    assert_int_equal(errors.count, 0);
    roi_diags_free(&errors);
    assert_non_null(s);
    return s;
}

/* Encodes a scenario the encoder must accept; the caller frees the link. */
static char *encode(const roi_scenario *s)
{
    char *link = NULL;
    roi_diags errors;
    roi_diags_init(&errors);
    assert_int_equal(roi_link_encode(s, &link, &errors), ROI_OK);
    assert_int_equal(errors.count, 0);
    roi_diags_free(&errors);
    assert_non_null(link);
    return link;
}

static const char *code_name(roi_code code)
{
    size_t n;
    return roi_code_table(&n)[code].name;
}

/* True when the list holds a problem on field with this code name. */
static bool has_code(const roi_diags *w, const char *field, const char *code)
{
    for (size_t i = 0; i < w->count; i++)
        if (strcmp(w->items[i].field, field) == 0 &&
            strcmp(code_name(w->items[i].code), code) == 0)
            return true;
    return false;
}

/* The parameter called name of a problem (fails when absent). */
static const roi_param *param(const roi_diag *item, const char *name)
{
    for (size_t i = 0; i < item->param_count; i++)
        if (strcmp(item->params[i].name, name) == 0)
            return &item->params[i];
    fail_msg("no parameter %s", name);
    return NULL;
}

/* Canonical JSON of a scenario: equal strings mean equal scenarios. */
static void assert_same_scenario(const roi_scenario *a, const roi_scenario *b)
{
    char *ja = roi_scenario_to_json(a, 0), *jb = roi_scenario_to_json(b, 0);
    assert_string_equal(ja, jb);
    roi_free(ja);
    roi_free(jb);
}

/* The link round trip: s encoded (version 2), decoded without a warning to
 * the same scenario, encoded again to the same bytes.  Returns the link
 * (roi_free). */
static char *assert_round_trip(const roi_scenario *s)
{
    roi_diags w;
    char *link = encode(s);
    assert_int_equal(strncmp(link, "v=2&", 4), 0);
    roi_scenario *back = decode(link, &w);
    assert_int_equal(w.count, 0);
    assert_same_scenario(s, back);
    char *again = encode(back);
    assert_string_equal(again, link);
    roi_free(again);
    roi_diags_free(&w);
    roi_scenario_free(back);
    return link;
}

static void test_link_encodes_the_pay_per_meeting_example_short(void **state)
{
    size_t len;
    (void)state;
    char *json = test_read_file(ROI_FIXTURES "/pay-per-meeting.json", &len);
    roi_scenario *s = parse(json);
    char *link = encode(s);
    assert_string_equal(link,
                        "v=2&n=Campagne+factur%C3%A9e+au+rendez-vous&e=3&b=4&q=50&w=0.25&d=6000"
                        "&g=0.4&pm=120");
    assert_true(strlen(link) <= 100); /* 125 characters in version 1 */
    roi_free(link);
    roi_scenario_free(s);
    free(json);
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names, without ext, of the files of dir whose name ends in ext,
 * sorted; the caller frees each and the array. */
static char **fixture_names(const char *dir_path, const char *ext, size_t *count)
{
    DIR *dir = opendir(dir_path);
    char **names = NULL;
    size_t n = 0, cap = 0, ext_len = strlen(ext);
    struct dirent *e;
    assert_non_null(dir);
    while ((e = readdir(dir)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= ext_len || strcmp(e->d_name + len - ext_len, ext) != 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            names = realloc(names, cap * sizeof *names);
            assert_non_null(names);
        }
        names[n] = malloc(len - ext_len + 1);
        assert_non_null(names[n]);
        memcpy(names[n], e->d_name, len - ext_len);
        names[n][len - ext_len] = '\0';
        n++;
    }
    closedir(dir);
    if (n > 0)
        qsort(names, n, sizeof *names, compare_names);
    *count = n;
    return names;
}

/* Every worked example in tests/fixtures/ (the 5-channel comparison too):
 * written as version 2, read back to the same scenario without a warning,
 * and the scenario read back writes the same link. */
static void test_link_round_trips_every_fixture(void **state)
{
    size_t count;
    char **files = fixture_names(ROI_FIXTURES, ".json", &count);
    (void)state;
    assert_true(count >= 10);
    for (size_t i = 0; i < count; i++) {
        char path[512];
        size_t len;
        snprintf(path, sizeof path, "%s/%s.json", ROI_FIXTURES, files[i]);
        print_message("round trip %s\n", files[i]);
        char *json = test_read_file(path, &len);
        roi_scenario *s = parse(json);
        roi_free(assert_round_trip(s));
        roi_scenario_free(s);
        free(json);
        free(files[i]);
    }
    free(files);
}

static void test_link_round_trips_channels_ranges_and_special_text(void **state)
{
    static const char json[] =
        "{\"name\": \"A&B = 100% + \\\"plus\\\" #1 <img src=x> é€\","
        " \"currency\": \"USD\", \"target_roi\": 0.5, \"horizon_months\": 24,"
        " \"time\": {\"operators\": 2, \"hours_per_operator\": 35, \"talk_share\": 0.45},"
        " \"funnel\": {\"entry\": \"calls\", \"volume\": 2000, \"contact_rate\": 0.12,"
        "   \"meeting_rate\": 0.2, \"show_rate\": 0.8, \"close_rate\": 0.3, \"rounding\": \"expected\"},"
        " \"value\": {\"deal_value\": 1e12, \"monthly_value\": 0.1, \"lifetime_months\": 36},"
        " \"costs\": {\"model\": \"hybrid\", \"hourly_rate\": 30, \"bonus_per_meeting\": 50,"
        "   \"meeting_basis\": \"held\", \"fixed\": [{\"label\": \"Fichier: 2 000 lignes\", \"amount\": 800},"
        "   {\"label\": \"\", \"amount\": 0.5}]},"
        " \"uncertainty\": {\"spread\": 0.3, \"ranges\": {\"funnel.close_rate\": [0.2, 0.4],"
        "   \"funnel.volume\": [1500, 2500]}},"
        " \"channels\": [{\"name\": \"Emailing\", \"funnel\": {\"entry\": \"contacts\", \"volume\": 5000}},"
        "   {}, {\"name\": \"Salon\", \"costs\": {\"model\": \"flat\", \"flat_fee\": 9000}}],"
        " \"reallocation\": {\"min_roi\": 0.8, \"shift\": 0.1}}";
    roi_diags w;
    (void)state;
    roi_scenario *s = parse(json);
    char *link = encode(s);
    /* No character that the format or a URL gives a meaning stays raw. */
    assert_null(strchr(link, '#'));
    assert_null(strchr(link, ' '));
    assert_null(strchr(link, '"'));
    assert_null(strchr(link, '<'));
    assert_non_null(strstr(link, "d=1000000000000&"));
    roi_scenario *back = decode(link, &w);
    assert_int_equal(w.count, 0);
    assert_int_equal(back->channel_count, 3);
    assert_same_scenario(s, back);
    roi_diags_free(&w);
    roi_free(link);
    roi_scenario_free(s);
    roi_scenario_free(back);
}

typedef struct {
    const char *link;
    const char *warned_field;  /* the field the dropped pair is reported on */
    const char *code;          /* and the warning's code */
} bad_case;

static const bad_case BAD[] = {
    {"v=1&entry=meetings&vol=50&close=abc", "funnel.close_rate", "link_number"},
    {"v=1&entry=meetings&vol=50&close=", "funnel.close_rate", "link_number"},
    {"v=1&entry=meetings&vol=50&close=1e999", "funnel.close_rate", "link_number"},
    {"v=1&entry=meetings&vol=50&close=2", "funnel.close_rate", "link_range"},
    {"v=1&entry=meetings&vol=50&talk=0", "time.talk_share", "link_range_above"},
    {"v=1&entry=meetings&vol=50&colour=blue", "colour", "link_unknown_key"},
    {"v=1&entry=meetings&vol=50&round=up", "funnel.rounding", "link_enum"},
    {"v=1&entry=meetings&vol=50&cur=eur", "currency", "link_currency"},
    {"v=1&entry=meetings&vol=50&n=%ZZ", "n", "link_value"},
    {"v=1&entry=meetings&vol=50&n=%C3", "name", "link_text"},
    {"v=1&entry=meetings&vol=50&n=" "0123456789012345678901234567890123456789"
     "01234567890123456789012345678901234567890", "name", "link_text_too_long"},
    {"v=1&entry=meetings&vol=50&c99.vol=1", "channels", "link_channel"},
    {"v=1&entry=meetings&vol=50&c0.close=2", "channels[0].funnel.close_rate", "link_range"},
    {"v=1&entry=meetings&vol=50&r.close=0.5", "uncertainty.ranges.funnel.close_rate", "link_bounds"},
    {"v=1&entry=meetings&vol=50&r.pmeet=1:2", "uncertainty.ranges", "link_range_field"},
    {"v=1&entry=meetings&vol=50&fix=-3:Files", "costs.fixed", "link_fixed_amount"},
    {"v=1&entry=meetings&vol=50&fix=3:%C3", "costs.fixed", "link_fixed_label"},
    {"v=1&entry=meetings&vol=50&spread=2", "uncertainty.spread", "link_range"},
    {"v=1&entry=meetings&vol=50&rmin=-1", "reallocation.min_roi", "link_range_above"},
    {"v=1&entry=meetings&vol=50&&garbage", "", "link_pair"},
    {"v=1&entry=meetings&vol=50&%ZZ=1", "", "link_pair"},
    {"v=&entry=meetings&vol=50", "version", "link_number"},
    {"v=1&entry=meetings&vol=50&skip=held,held", "funnel.skip", "link_skip"},
    {"v=1&entry=meetings&vol=50&skip=deals", "funnel.skip", "link_skip"},
    {"v=1&entry=meetings&vol=50&ramp=0.5,0x1", "schedule.ramp", "link_ramp"},
    {"v=1&entry=meetings&vol=50&ramp=0.5,1.5", "schedule.ramp", "link_ramp"},
};

/* Each case's link decodes with its warning on its field (else what was
 * reported is printed), the good pairs kept (entry at meetings, volume 50)
 * and a scenario that passes the check. */
static void check_bad_cases(const bad_case *cases, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        roi_diags w, errors;
        roi_scenario *s = decode(cases[i].link, &w);
        if (!has_code(&w, cases[i].warned_field, cases[i].code)) {
            print_error("%s: no %s warning on '%s'\n", cases[i].link, cases[i].code,
                        cases[i].warned_field);
            for (size_t k = 0; k < w.count; k++)
                print_error("  got %s %s\n", w.items[k].field, code_name(w.items[k].code));
        }
        assert_true(has_code(&w, cases[i].warned_field, cases[i].code));
        assert_int_equal(s->main.in.funnel.entry, ROI_STAGE_MEETINGS);
        assert_close(s->main.in.funnel.volume, 50, 0);
        roi_diags_init(&errors);
        assert_int_equal(roi_scenario_check(s, &errors), 0);
        roi_diags_free(&errors);
        roi_diags_free(&w);
        roi_scenario_free(s);
    }
}

static void test_link_drops_bad_pairs_and_keeps_good_ones(void **state)
{
    (void)state;
    check_bad_cases(BAD, sizeof BAD / sizeof BAD[0]);
}

static void test_link_warnings_name_the_key_and_what_is_needed(void **state)
{
    roi_diags w;
    (void)state;
    roi_scenario *s = decode("v=1&close=2&round=up&c0.fix=x:y&c21.vol=1", &w);
    assert_int_equal(w.count, 4);
    const roi_diag *range = &w.items[0];
    assert_string_equal(code_name(range->code), "link_range");
    assert_string_equal(param(range, "key")->text, "close");
    assert_close(param(range, "min")->number, 0, 0);
    assert_close(param(range, "max")->number, 1, 0);
    assert_string_equal(range->message, "link key \"close\" must be between 0 and 1; ignored");
    const roi_diag *en = &w.items[1];
    assert_string_equal(code_name(en->code), "link_enum");
    assert_string_equal(param(en, "got")->text, "up");
    assert_string_equal(param(en, "allowed")->text, "floor expected");
    const roi_diag *fix = &w.items[2];
    assert_string_equal(fix->field, "channels[0].costs.fixed");
    assert_string_equal(code_name(fix->code), "link_fixed_amount");
    assert_string_equal(param(fix, "key")->text, "fix");
    assert_close(param(fix, "max")->number, 1e12, 0);
    assert_string_equal(code_name(w.items[3].code), "link_channel");
    assert_close(param(&w.items[3], "max")->number, 19, 0);
    roi_diags_free(&w);
    roi_scenario_free(s);
}

/* settle(): a rule across fields is the scenario check's own problem, kept
 * with its code and params, and the field goes back to its default. */
static void test_link_cross_field_problems_keep_the_scenario_code(void **state)
{
    roi_diags w, errors;
    (void)state;
    roi_scenario *s = decode("v=1&entry=meetings&vol=50&model=per_call&pcall=1&close=0.25"
                             "&r.close=0.3:0.4", &w);
    static const char json[] =
        "{\"funnel\": {\"entry\": \"meetings\", \"volume\": 50, \"close_rate\": 0.25},"
        " \"costs\": {\"model\": \"per_call\", \"per_call\": 1},"
        " \"uncertainty\": {\"ranges\": {\"funnel.close_rate\": [0.3, 0.4]}}}";
    roi_scenario *t = NULL;
    roi_diags json_warnings;
    roi_diags_init(&errors);
    roi_diags_init(&json_warnings);
    assert_int_equal(roi_scenario_parse(json, strlen(json), &t, &errors, &json_warnings),
                     ROI_EINVALID);
    roi_diags_free(&json_warnings);
    assert_true(errors.count >= 2);
    for (size_t i = 0; i < errors.count; i++) {
        const roi_diag *e = &errors.items[i];
        assert_true(has_code(&w, e->field, code_name(e->code)));
        for (size_t k = 0; k < w.count; k++)
            if (strcmp(w.items[k].field, e->field) == 0) {
                assert_int_equal(w.items[k].param_count, e->param_count);
                assert_string_equal(w.items[k].message, e->message);
            }
    }
    assert_int_equal(s->main.in.costs.model, ROI_MODEL_IN_HOUSE);
    assert_false(s->ranges[ROI_U_CLOSE_RATE].given);
    roi_diags_free(&errors);
    roi_diags_free(&w);
    roi_scenario_free(s);
    roi_scenario_free(t);
}

/* The README promises plain decimals: strtod's hexadecimal, inf, nan, leading
 * space and the like are dropped with a warning, not read. */
static void test_link_reads_only_plain_decimals(void **state)
{
    static const char *const bad[] = {
        "0x10", "0X10", "0x1p3", "%0A7", "%207", "+7", "7+", "7%20", "inf", "-inf", "INF",
        "nan", "NaN", "infinity", "1e", "1e-", ".5", "5.", "-", "--5", "1.2.3", "1e%2B3",
        "1e+3", "1,5", "%EF%BC%97", "1d3", "0b1",
    };
    static const struct { const char *text; double value; } good[] = {
        {"16", 16}, {"007", 7}, {"1.5", 1.5}, {"1e3", 1000}, {"1E3", 1000}, {"25e-1", 2.5},
        {"-0", 0}, {"%31%36", 16}, {"1e-999", 0},
    };
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char link[128];
        roi_diags w;
        snprintf(link, sizeof link, "v=1&vol=%s&close=0.25&fix=%s:Files&r.close=%s:0.3",
                 bad[i], bad[i], bad[i]);
        roi_scenario *s = decode(link, &w);
        if (!has_code(&w, "funnel.volume", "link_number"))
            print_error("vol=%s was read as %g\n", bad[i], s->main.in.funnel.volume);
        assert_true(has_code(&w, "funnel.volume", "link_number"));
        assert_close(s->main.in.funnel.volume, 0, 0);
        assert_true(has_code(&w, "costs.fixed", "link_fixed_amount"));
        assert_int_equal(s->main.fixed_count, 0);
        assert_true(has_code(&w, "uncertainty.ranges.funnel.close_rate", "link_bounds"));
        assert_false(s->ranges[ROI_U_CLOSE_RATE].given);
        assert_close(s->main.in.funnel.rate[ROI_RATE_CLOSE], 0.25, 0);
        roi_diags_free(&w);
        roi_scenario_free(s);
    }
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char link[128];
        roi_diags w;
        snprintf(link, sizeof link, "v=1&vol=%s&fix=%s:Files", good[i].text, good[i].text);
        roi_scenario *s = decode(link, &w);
        assert_int_equal(w.count, 0);
        assert_close(s->main.in.funnel.volume, good[i].value, 0);
        assert_close(s->main.fixed[0].amount, good[i].value, 0);
        roi_diags_free(&w);
        roi_scenario_free(s);
    }
}

/* A link of another format version than 1 and 2 is refused, not misread; so
 * is one whose v pairs disagree.  One without v is version 1. */
static void test_link_refuses_another_version(void **state)
{
    static const struct { const char *link, *got; } other[] = {
        {"v=3&entry=meetings&vol=50", "3"},
        {"entry=meetings&vol=50&v=3", "3"},
        {"v=1&entry=meetings&v=2", "2"},
        {"v=2&e=3&v=1", "1"},
        {"%76=3&vol=50", "3"},
        {"v=0&vol=50", "0"},
        {"v=1.5&vol=50", "1.5"},
        {"v=abc&vol=50", "abc"},
        {"v=0x1&vol=50", "0x1"},
        {"https://example.com/#v=10&vol=50", "10"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        roi_diags w, errors;
        roi_scenario *s = NULL;
        bool valid = true;
        roi_diags_init(&w);
        roi_diags_init(&errors);
        assert_int_equal(roi_link_decode(other[i].link, strlen(other[i].link), &s, &w, &errors),
                         ROI_EINVALID);
        assert_null(s);
        assert_int_equal(errors.count, 1);
        assert_string_equal(errors.items[0].field, "version");
        assert_string_equal(code_name(errors.items[0].code), "link_version");
        assert_string_equal(param(&errors.items[0], "got")->text, other[i].got);
        assert_close(param(&errors.items[0], "supported")->number, 2, 0);
        char *doc = roi_link_decode_json(other[i].link, strlen(other[i].link), &valid);
        assert_false(valid);
        assert_non_null(strstr(doc, "\"ok\":false"));
        assert_non_null(strstr(doc, "\"code\":\"link_version\""));
        roi_free(doc);
        roi_diags_free(&w);
        roi_diags_free(&errors);
    }
    roi_diags w;
    roi_scenario *a = decode("entry=meetings&vol=50", &w);
    assert_int_equal(w.count, 0);
    roi_diags_free(&w);
    roi_scenario *b = decode("v=1&entry=meetings&vol=50&v=1.0", &w);
    assert_int_equal(w.count, 0);
    assert_close(a->main.in.funnel.volume, 50, 0);
    assert_same_scenario(a, b);
    roi_diags_free(&w);
    roi_scenario_free(a);
    roi_scenario_free(b);
}

static void test_link_truncated_link_keeps_the_complete_pairs(void **state)
{
    static const char full[] = "v=1&n=Campagne+factur%C3%A9e&entry=meetings&vol=50&close=0.25";
    (void)state;
    for (size_t cut = 0; cut <= sizeof full - 1; cut++) {
        roi_diags w, errors;
        roi_scenario *s = NULL;
        roi_diags_init(&w);
        roi_diags_init(&errors);
        assert_int_equal(roi_link_decode(full, cut, &s, &w, &errors), ROI_OK);
        if (cut >= sizeof "v=1&n=Campagne+factur%C3%A9e&entry=meetings&vol=50" - 1)
            assert_close(s->main.in.funnel.volume, 50, 0);
        assert_int_equal(roi_scenario_check(s, &errors), 0);
        roi_diags_free(&w);
        roi_diags_free(&errors);
        roi_scenario_free(s);
    }
}

static void test_link_reads_a_whole_url(void **state)
{
    roi_diags w;
    (void)state;
    roi_scenario *s = decode("https://example.com/roi/?x=1#v=1&entry=deals&vol=3", &w);
    assert_int_equal(s->main.in.funnel.entry, ROI_STAGE_DEALS);
    assert_close(s->main.in.funnel.volume, 3, 0);
    assert_int_equal(w.count, 0);
    roi_diags_free(&w);
    roi_scenario_free(s);
}

static void test_link_refuses_input_over_8_kib(void **state)
{
    size_t n = ROI_LINK_MAX + 1;
    char *big = malloc(n + 1);
    roi_diags w, errors;
    roi_scenario *s = NULL;
    bool valid = true;
    (void)state;
    memset(big, 'x', n);
    big[n] = '\0';
    roi_diags_init(&w);
    roi_diags_init(&errors);
    assert_int_equal(roi_link_decode(big, n, &s, &w, &errors), ROI_ETOOBIG);
    assert_null(s);
    assert_string_equal(code_name(errors.items[0].code), "link_too_long");
    assert_close(param(&errors.items[0], "bytes")->number, ROI_LINK_MAX + 1, 0);
    assert_close(param(&errors.items[0], "max")->number, ROI_LINK_MAX, 0);
    assert_non_null(strstr(errors.items[0].message, "over the limit of 8192 bytes"));
    char *doc = roi_link_decode_json(big, n, &valid);
    assert_false(valid);
    assert_non_null(strstr(doc, "\"ok\":false"));
    roi_free(doc);
    /* Exactly at the limit is read. */
    assert_int_equal(roi_link_decode(big, ROI_LINK_MAX, &s, &w, &errors), ROI_OK);
    roi_scenario_free(s);
    roi_diags_free(&w);
    roi_diags_free(&errors);
    free(big);
}

/* Found by fuzz_link: a key that is not UTF-8 text (a stray byte, a control
 * character) went into its warning's field path as it was, so the JSON
 * answer of roi link decode and decodeLink was not UTF-8.  The path now shows
 * such a key as the JSON reader shows an unknown key: '?' for each bad byte. */
static void test_link_warning_paths_are_text(void **state)
{
    static const char link[] = "v=1&a%FFb=1&c2.%01x=2&x%C3=%ZZ&entry=deals&idx\xa2=1";
    roi_diags w;
    bool valid = false;
    (void)state;
    roi_scenario *s = decode(link, &w);
    assert_int_equal(w.count, 4);
    assert_string_equal(w.items[0].field, "a?b");
    assert_string_equal(code_name(w.items[0].code), "link_unknown_key");
    assert_string_equal(w.items[1].field, "channels[2].?x");
    assert_string_equal(code_name(w.items[1].code), "link_unknown_key");
    assert_string_equal(w.items[2].field, "x?");
    assert_string_equal(code_name(w.items[2].code), "link_value");
    assert_string_equal(w.items[3].field, "idx?");
    assert_int_equal(s->main.in.funnel.entry, ROI_STAGE_DEALS);
    char *doc = roi_link_decode_json(link, strlen(link), &valid);
    assert_true(valid);
    for (const unsigned char *p = (const unsigned char *)doc; *p; p++)
        assert_true(*p < 0x80); /* nothing but ASCII went in */
    cJSON *parsed = cJSON_Parse(doc);
    assert_non_null(parsed);
    assert_string_equal(cJSON_GetStringValue(test_path(parsed, "warnings[0].field")), "a?b");
    cJSON_Delete(parsed);
    roi_free(doc);
    roi_diags_free(&w);
    roi_scenario_free(s);

    /* Version 2 reads its keys the same way. */
    s = decode("v=2&a%FFb=1&c=Emailing&z%01=1&q=5", &w);
    assert_int_equal(w.count, 2);
    assert_string_equal(w.items[0].field, "a?b");
    assert_string_equal(w.items[1].field, "channels[0].z?");
    assert_string_equal(code_name(w.items[1].code), "link_unknown_key");
    roi_diags_free(&w);
    roi_scenario_free(s);
}

static void test_link_json_faces(void **state)
{
    static const char json[] = "{\"funnel\": {\"entry\": \"deals\", \"volume\": 2}, \"foo\": 1}";
    bool valid = false;
    (void)state;
    char *enc = roi_link_encode_json(json, strlen(json), &valid);
    assert_true(valid);
    assert_string_equal(enc, "{\"ok\":true,\"link\":\"v=2&e=6&q=2\",\"warnings\":"
                             "[{\"field\":\"foo\",\"code\":\"unknown_key\",\"params\":{},"
                             "\"message\":\"unknown key, ignored\"}]}");
    roi_free(enc);
    enc = roi_link_encode_json("{\"version\": 3}", 14, &valid);
    assert_false(valid);
    assert_non_null(strstr(enc, "\"field\":\"version\""));
    roi_free(enc);
    char *dec = roi_link_decode_json("v=1&vol=7&oops=1", 16, &valid);
    assert_true(valid);
    cJSON *doc = cJSON_Parse(dec);
    assert_non_null(doc);
    assert_json_number(doc, "scenario.funnel.volume", 7, 0);
    assert_true(test_has_diag(doc, "warnings", "oops"));
    cJSON_Delete(doc);
    roi_free(dec);
}

/* The encoder writes nothing the decoder would supply anyway: no ':' after an
 * amount without label, no exponent padding, nothing a channel takes from the
 * row before it (but what differs from it, back to a default too); '=' stays
 * raw in a value.  Version-1 links, the old encoder's and longer hand-written
 * ones, still decode to the same scenario. */
static void test_link_encoder_leaves_out_what_decoding_supplies(void **state)
{
    static const char json[] =
        "{\"name\": \"a=b\", \"funnel\": {\"close_rate\": 0.00001},"
        " \"costs\": {\"fixed\": [{\"label\": \"\", \"amount\": 0.5}, {\"label\": \"x\", \"amount\": 2}]},"
        " \"channels\": [{\"funnel\": {\"volume\": 5}}, {}, {}, {\"name\": \"D\"}, {}]}";
    roi_diags w;
    (void)state;
    roi_scenario *s = parse(json);
    char *link = encode(s);
    assert_string_equal(link, "v=2&n=a=b&w=1e-5&f=0.5&f=2:x&c=&q=5&w=1&c=&q=0&c=&c=D&c=");
    roi_scenario *back = decode(link, &w);
    assert_int_equal(w.count, 0);
    assert_int_equal(back->channel_count, 5);
    assert_same_scenario(s, back);
    roi_diags_free(&w);
    roi_scenario_free(back);
    back = decode("v=1&n=a=b&close=1e-5&fix=0.5&fix=2:x&c0.vol=5&c3.n=D&c4.n=", &w);
    assert_int_equal(w.count, 0);
    assert_same_scenario(s, back);
    roi_diags_free(&w);
    roi_scenario_free(back);
    back = decode("v=1&n=a%3Db&close=1e-05&fix=0.5:&fix=2:x&c0.n=&c0.vol=5&c1.n=&c2.n="
                  "&c3.n=D&c4.n=", &w);
    assert_int_equal(w.count, 0);
    assert_same_scenario(s, back);
    roi_diags_free(&w);
    roi_scenario_free(back);
    roi_free(link);
    roi_scenario_free(s);
}

/* A scenario with n_fixed fixed costs in the main campaign and in each of
 * n_channels channels, every label and name label_chars copies of ch. */
static roi_scenario *long_scenario(size_t n_channels, size_t n_fixed, const char *ch,
                                   size_t label_chars)
{
    roi_scenario *s = roi_scenario_new();
    char text[ROI_TEXT_SIZE] = "";
    assert_non_null(s);
    roi_scenario_default(s);
    for (size_t i = 0; i < label_chars; i++)
        strcat(text, ch);
    s->channel_count = n_channels;
    for (size_t c = 0; c <= n_channels; c++) {
        roi_campaign *cp = c == 0 ? &s->main : &s->channels[c - 1];
        if (c > 0)
            roi_campaign_default(cp);
        strcpy(cp->name, text);
        cp->fixed_count = n_fixed;
        for (size_t i = 0; i < n_fixed; i++) {
            strcpy(cp->fixed[i].label, text);
            cp->fixed[i].amount = 1;
        }
    }
    return s;
}

/* Length of '#' + the link of s, from the link or from the refusal. */
static size_t hash_length(const roi_scenario *s, bool *refused)
{
    char *link = NULL;
    roi_diags errors;
    size_t n;
    roi_diags_init(&errors);
    roi_status st = roi_link_encode(s, &link, &errors);
    *refused = st == ROI_ETOOBIG;
    if (st == ROI_OK) {
        n = strlen(link) + 1;
        assert_int_equal(errors.count, 0);
    } else {
        assert_int_equal(st, ROI_ETOOBIG);
        assert_null(link);
        assert_int_equal(errors.count, 1);
        assert_string_equal(errors.items[0].field, "");
        assert_string_equal(code_name(errors.items[0].code), "link_too_long");
        assert_close(param(&errors.items[0], "max")->number, ROI_LINK_MAX, 0);
        n = (size_t)param(&errors.items[0], "bytes")->number;
        assert_true(n > ROI_LINK_MAX);
    }
    roi_free(link);
    roi_diags_free(&errors);
    return n;
}

/* Whatever the encoder writes opens as '#' + link; what would not, it
 * refuses with link_too_long.  14 channels with plain long names and labels
 * used to encode past the decoder's 8 KiB. */
static void test_link_encoder_writes_only_links_that_open(void **state)
{
    bool refused_any = false, accepted_any = false;
    (void)state;
    for (size_t channels = 0; channels <= ROI_MAX_CHANNELS; channels += 2) {
        roi_scenario *s = long_scenario(channels, 6, "Fichier ", 10);
        char *link = NULL;
        roi_diags errors, w;
        roi_diags_init(&errors);
        roi_status st = roi_link_encode(s, &link, &errors);
        if (st == ROI_OK) {
            accepted_any = true;
            size_t n = strlen(link) + 2;
            char *hashed = malloc(n);
            assert_non_null(hashed);
            snprintf(hashed, n, "#%s", link);
            roi_scenario *back = decode(hashed, &w);
            assert_int_equal(w.count, 0);
            assert_same_scenario(s, back);
            roi_diags_free(&w);
            roi_scenario_free(back);
            free(hashed);
        } else {
            assert_int_equal(st, ROI_ETOOBIG);
            assert_true(channels >= 14);
            refused_any = true;
        }
        roi_free(link);
        roi_diags_free(&errors);
        roi_scenario_free(s);
    }
    assert_true(accepted_any);
    assert_true(refused_any);

    /* Exactly at the limit: 8192 bytes with the '#' open, 8193 are refused.
     * The last label's ASCII characters tune the length byte by byte. */
    bool refused;
    roi_scenario *s = long_scenario(6, 1, "\xC3\xA9", 80); /* é: 6 bytes escaped */
    size_t base = hash_length(s, &refused);
    assert_false(refused);
    size_t room = ROI_LINK_MAX - base, c = 0;
    roi_fixed_cost *a, *last;
    /* Items "&f=1:" + 80 x (85 bytes) while two more still fit, then two
     * whose labels share what is left. */
    const size_t head = sizeof "&f=1:" - 1, item = head + 80;
    while (room > 2 * item) {
        a = &s->main.fixed[++c];
        a->amount = 1;
        memset(a->label, 'x', 80);
        a->label[80] = '\0';
        s->main.fixed_count = c + 1;
        room = ROI_LINK_MAX - hash_length(s, &refused);
        assert_false(refused);
    }
    assert_true(room > 2 * head + 2);
    a = &s->main.fixed[++c];
    last = &s->main.fixed[++c];
    s->main.fixed_count = c + 1;
    a->amount = last->amount = 1;
    size_t la = (room - 2 * head) / 2, lb = room - 2 * head - la;
    memset(a->label, 'x', la);
    a->label[la] = '\0';
    memset(last->label, 'x', lb);
    last->label[lb] = '\0';
    assert_int_equal(hash_length(s, &refused), ROI_LINK_MAX);
    assert_false(refused);
    char *link = encode(s);
    char hashed[ROI_LINK_MAX + 1];
    snprintf(hashed, sizeof hashed, "#%s", link);
    roi_diags w;
    roi_scenario *back = decode(hashed, &w);
    assert_same_scenario(s, back);
    roi_diags_free(&w);
    roi_scenario_free(back);
    roi_free(link);
    strcat(last->label, "x");
    assert_int_equal(hash_length(s, &refused), ROI_LINK_MAX + 1);
    assert_true(refused);

    /* The JSON face: the error document, never a link. */
    char *json = roi_scenario_to_json(s, 0);
    bool valid = true;
    char *doc = roi_link_encode_json(json, strlen(json), &valid);
    assert_false(valid);
    cJSON *d = cJSON_Parse(doc);
    assert_non_null(d);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(d, "ok")));
    assert_null(cJSON_GetObjectItem(d, "link"));
    assert_string_equal(cJSON_GetStringValue(test_path(d, "errors[0].code")), "link_too_long");
    assert_string_equal(cJSON_GetStringValue(test_path(d, "errors[0].field")), "");
    assert_json_number(d, "errors[0].params.bytes", ROI_LINK_MAX + 1, 0);
    assert_json_number(d, "errors[0].params.max", ROI_LINK_MAX, 0);
    cJSON_Delete(d);
    roi_free(doc);
    roi_free(json);
    roi_scenario_free(s);
}

/* The longest link a valid scenario could have: 21 campaigns, every name and
 * label 80 characters of 4-byte UTF-8 (12 bytes escaped), 50 fixed costs
 * each.  Over a megabyte, which the encoder measures and refuses. */
static void test_link_longest_scenario_is_measured_and_refused(void **state)
{
    bool refused;
    (void)state;
    roi_scenario *s = long_scenario(ROI_MAX_CHANNELS, ROI_MAX_FIXED, "\xF0\x9F\x98\x80", 80);
    roi_diags errors;
    roi_diags_init(&errors);
    assert_int_equal(roi_scenario_check(s, &errors), 0);
    roi_diags_free(&errors);
    size_t n = hash_length(s, &refused);
    assert_true(refused);
    /* The text alone: 21 x (1 + 50) texts x 80 characters x 12 bytes. */
    assert_true(n > 21u * 51u * 80u * 12u);
    roi_scenario_free(s);
}

/* ---- links printed in the docs, frozen (issue 9) ---------------------------
 * tests/fixtures/links/NN-name.link holds a link exactly as README.md or
 * docs/ show it (see the README there); NN-name.json the scenario the decoder
 * gave for it when it was frozen; NN-name.warnings, when the decode warned,
 * the field of each warning in order, one per line (an empty line for a piece
 * that names no field).  Both sides go through today's canonical writer, so a
 * field added later with its default does not break the comparison, while any
 * change in what an old link means does. */

#define LINK_FIXTURES ROI_FIXTURES "/links"

/* The NN-name stems of the .link files, sorted; the caller frees. */
static char **link_fixture_stems(size_t *count)
{
    return fixture_names(LINK_FIXTURES, ".link", count);
}

/* A fixture file's text, NULL when it does not exist. */
static char *read_link_fixture(const char *stem, const char *ext, size_t *len)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s%s", LINK_FIXTURES, stem, ext);
    f = fopen(path, "rb");
    if (!f)
        return NULL;
    fclose(f);
    return test_read_file(path, len);
}

static void check_frozen_link(const char *stem)
{
    size_t len, json_len, warn_len = 0;
    char *link = read_link_fixture(stem, ".link", &len);
    char *json = read_link_fixture(stem, ".json", &json_len);
    char *expected_warnings = read_link_fixture(stem, ".warnings", &warn_len);
    roi_diags warnings, errors, parse_warnings;
    roi_scenario *a = NULL, *b = NULL;

    print_message("frozen link %s\n", stem);
    assert_non_null(link);
    assert_non_null(json);
    /* A printed link never ends in white space: a final newline (an editor's)
     * is not part of it. */
    while (len > 0 && (link[len - 1] == '\n' || link[len - 1] == '\r'))
        link[--len] = '\0';
    assert_true(len > 0);

    roi_diags_init(&warnings);
    roi_diags_init(&errors);
    assert_int_equal(roi_link_decode(link, len, &a, &warnings, &errors), ROI_OK);
    assert_int_equal(errors.count, 0);
    assert_non_null(a);

    roi_diags_init(&parse_warnings);
    assert_int_equal(roi_scenario_parse(json, json_len, &b, &errors, &parse_warnings), ROI_OK);
    assert_int_equal(errors.count, 0);
    assert_int_equal(parse_warnings.count, 0);
    assert_non_null(b);

    assert_same_scenario(a, b);

    /* The warnings: the same fields, in the same order. */
    {
        size_t i = 0;
        char *line = expected_warnings;
        while (line && *line) {
            char *end = strchr(line, '\n');
            assert_non_null(end); /* every line, the last too, ends in '\n' */
            *end = '\0';
            assert_true(i < warnings.count);
            assert_string_equal(warnings.items[i].field, line);
            i++;
            line = end + 1;
        }
        assert_int_equal(warnings.count, i);
    }

    roi_diags_free(&warnings);
    roi_diags_free(&errors);
    roi_diags_free(&parse_warnings);
    roi_scenario_free(a);
    roi_scenario_free(b);
    free(link);
    free(json);
    free(expected_warnings);
}

static void test_link_docs_links_still_decode_to_their_frozen_scenario(void **state)
{
    size_t count;
    char **stems = link_fixture_stems(&count);
    (void)state;
    assert_true(count > 0); /* an empty or missing directory tests nothing */
    for (size_t i = 0; i < count; i++) {
        check_frozen_link(stems[i]);
        free(stems[i]);
    }
    free(stems);
}

/* The 2026-12 cross-field rules in links: the offending value is dropped
 * with the scenario's own code, and what is left is valid. */
static void test_link_revision_rules_settle(void **state)
{
    static const struct {
        const char *link, *field, *code;
    } cases[] = {
        {"v=1&entry=leads&skip=leads", "funnel.skip", "skip_order"},
        {"v=1&entry=leads&skip=meetings&meet=0.5", "funnel.meeting_rate", "skip_rate"},
        {"v=1&entry=leads&skip=meetings&meet=1&r.meet=0.5:1", "uncertainty.ranges.funnel.meeting_rate", "skip_rate"},
        {"v=1&entry=leads&skip=meetings&model=per_meeting&pmeet=100", "costs.model", "needs_count"},
        {"v=1&entry=leads&skip=held&ihm=1&ihr=50", "costs.internal_hours_per_meeting", "needs_held"},
        {"v=1&entry=leads&skip=meetings&goal=meetings&gv=5", "goal.metric", "goal_stage"},
        {"v=1&c0.n=Emailing&c0.mo=3", "channels[0].schedule.months", "not_allowed"},
        {"v=1&c0.n=Emailing&c0.ramp=0.5", "channels[0].schedule.ramp", "not_allowed"},
        {"v=1&c0.n=Emailing&c0.goal=net", "channels[0].goal.metric", "not_allowed"},
        {"v=1&c0.n=Emailing&c0.setup=100", "channels[0].schedule.setup_cost", "not_allowed"},
        {"v=1&mo=2.5", "schedule.months", "link_whole"},
        {"v=1&ramp=0.5,2", "schedule.ramp", "link_ramp"},
        {"v=1&skip=demo", "funnel.skip", "link_skip"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        roi_diags w, errors;
        roi_scenario *s = decode(cases[i].link, &w);
        if (!has_code(&w, cases[i].field, cases[i].code)) {
            for (size_t k = 0; k < w.count; k++)
                print_error("%s: %s %s\n", cases[i].link, w.items[k].field, code_name(w.items[k].code));
        }
        assert_true(has_code(&w, cases[i].field, cases[i].code));
        roi_diags_init(&errors);
        assert_int_equal(roi_scenario_check(s, &errors), 0);
        roi_diags_free(&errors);
        roi_diags_free(&w);
        roi_scenario_free(s);
    }
}

/* ---- version 2 (issue 12) ------------------------------------------------ */

/* Each version-2 feature beside the version-1 link it means: both decode,
 * without a warning, to the same scenario. */
static const struct {
    const char *v2, *v1;
} V2_MEANS[] = {
    /* short keys, choices as digits */
    {"v=2&n=Campagne+RDV&e=3&b=4&q=50&w=0.25&d=6000&g=0.4&pm=120",
     "v=1&n=Campagne+RDV&entry=meetings&model=per_meeting&vol=50&close=0.25&deal=6000&margin=0.4&pmeet=120"},
    {"v=2&cu=USD&hz=24&tr=0.5&tl=4&o=2&h=100&k=0.5&a=0.5&l=0.4&m=0.3&s=0.8&p=0.6&w=0.2"
     "&ro=1&d=900&u=10&i=12&g=0.5&y=2&b=2&hc=30&hf=100&hr=40&bo=10&pc=1&pm=5&mb=1&pd=100"
     "&ff=50&ih=1&ir=40&cr=0.05",
     "v=1&cur=USD&hz=24&tr=0.5&tl=4&ops=2&hrs=100&talk=0.5&contact=0.5&lead=0.4&meet=0.3"
     "&show=0.8&opp=0.6&close=0.2&round=expected&deal=900&mrr=10&life=12&margin=0.5&cycle=2"
     "&model=hybrid&ihc=30&ihf=100&rate=40&bonus=10&pcall=1&pmeet=5&basis=held&pdeal=100"
     "&flat=50&ihm=1&ihr=40&comm=0.05"},
    {"v=2&e=2&x=3,4&mo=6&ra=0.4,0.7&su=500&gm=2&gv=1000&f=100:Fichier&f=5",
     "v=1&entry=leads&skip=meetings,held&mo=6&ramp=0.4,0.7&setup=500&goal=net&gv=1000"
     "&fix=100:Fichier&fix=5"},
    {"v=2&w=0.3&q=100&sp=0.3&rm=0.5&rs=0.1&r.w=0.1:0.5&r.q=80:120",
     "v=1&close=0.3&vol=100&spread=0.3&rmin=0.5&rshift=0.1&r.close=0.1:0.5&r.vol=80:120"},
    /* version-1 keys and choice names read in version 2 */
    {"v=2&entry=meetings&vol=50&model=flat&flat=90&e=deals", /* the last pair wins */
     "v=1&entry=deals&vol=50&model=flat&flat=90"},
    {"v=2&e=leads&x=meetings,4", "v=1&entry=leads&skip=meetings,held"},
    /* a channel starts from the row before it: not its name nor fixed costs */
    {"v=2&n=Main&e=3&q=50&d=6000&f=100:A&c=Emailing&q=20&c=Salon&e=1&c=",
     "v=1&n=Main&entry=meetings&vol=50&deal=6000&fix=100:A&c0.n=Emailing&c0.entry=meetings"
     "&c0.vol=20&c0.deal=6000&c1.n=Salon&c1.entry=contacts&c1.vol=20&c1.deal=6000"
     "&c2.entry=contacts&c2.vol=20&c2.deal=6000"},
    {"v=2&cu=USD&hz=24&c=A&c=B&cu=GBP&hz=12",
     "v=1&cur=USD&hz=24&c0.n=A&c0.cur=USD&c0.hz=24&c1.n=B&c1.cur=GBP"},
    /* skip passed on, and cleared by an empty x */
    {"v=2&e=2&x=3,4&c=A&c=B&x=",
     "v=1&entry=leads&skip=meetings,held&c0.n=A&c0.entry=leads&c0.skip=meetings,held"
     "&c1.n=B&c1.entry=leads"},
    /* what only the scenario holds goes to it wherever it stands; a campaign
     * key after c= goes to the channel */
    {"v=2&w=0.3&c=A&mo=3&sp=0.3&r.w=0.1:0.5&w=0.4&rm=0.2",
     "v=1&close=0.3&mo=3&spread=0.3&r.close=0.1:0.5&rmin=0.2&c0.n=A&c0.close=0.4"},
    {"v=2&n=Main&c=A&n=B", "v=1&n=Main&c0.n=B"},
    /* a whole URL, escapes in keys and values, v anywhere */
    {"https://calc.example/index.html?lang=fr#v=2&q=5&%63=Salon+%C3%A9t%C3%A9&q=6",
     "v=1&vol=5&c0.n=Salon+%C3%A9t%C3%A9&c0.vol=6"},
    {"q=5&e=1&v=2", "v=1&vol=5&entry=contacts"},
};

static void test_link_v2_reads_as_its_v1_equivalent(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof V2_MEANS / sizeof V2_MEANS[0]; i++) {
        roi_diags w1, w2;
        print_message("v2 case %u: %s\n", (unsigned)i, V2_MEANS[i].v2);
        roi_scenario *a = decode(V2_MEANS[i].v2, &w2);
        roi_scenario *b = decode(V2_MEANS[i].v1, &w1);
        for (size_t k = 0; k < w2.count; k++)
            print_error("%s: %s %s\n", V2_MEANS[i].v2, w2.items[k].field, code_name(w2.items[k].code));
        assert_int_equal(w2.count, 0);
        assert_int_equal(w1.count, 0);
        assert_same_scenario(a, b);
        /* and the encoder writes a link that reads back the same */
        char *link = encode(a);
        roi_diags w;
        roi_scenario *back = decode(link, &w);
        assert_int_equal(w.count, 0);
        assert_same_scenario(a, back);
        roi_scenario_free(back);
        roi_diags_free(&w);
        roi_free(link);
        roi_diags_free(&w1);
        roi_diags_free(&w2);
        roi_scenario_free(a);
        roi_scenario_free(b);
    }
}

/* Version 2 is as tolerant as version 1: a bad pair is dropped with its
 * warning, on the row it belongs to, and the good ones are kept. */
static const bad_case BAD_V2[] = {
    {"v=2&e=3&q=50&w=2", "funnel.close_rate", "link_range"},
    {"v=2&e=3&q=50&w=abc", "funnel.close_rate", "link_number"},
    {"v=2&e=3&q=50&b=9", "costs.model", "link_enum"},
    {"v=2&e=3&q=50&b=04", "costs.model", "link_enum"},
    {"v=2&e=3&q=50&b=per_lead", "costs.model", "link_enum"},
    {"v=2&e=3&q=50&ro=2", "funnel.rounding", "link_enum"},
    {"v=2&e=3&q=50&zz=1", "zz", "link_unknown_key"},
    {"v=2&e=3&q=50&c0.q=5", "c0.q", "link_unknown_key"}, /* v1 channel keys are v1's */
    {"v=2&e=3&q=50&c=A&w=2", "channels[0].funnel.close_rate", "link_range"},
    {"v=2&e=3&q=50&c=A&cu=eur", "channels[0].currency", "link_currency"},
    {"v=2&e=3&q=50&c=%C3", "channels[0].name", "link_text"},
    {"v=2&e=3&q=50&c=%ZZ", "c", "link_value"},
    {"v=2&e=3&q=50&x=7", "funnel.skip", "link_skip"},
    {"v=2&e=3&q=50&x=6", "funnel.skip", "link_skip"},
    {"v=2&e=3&q=50&x=4,4", "funnel.skip", "link_skip"},
    {"v=2&e=3&q=50&f=-1:A", "costs.fixed", "link_fixed_amount"},
    {"v=2&e=3&q=50&c=A&f=x:A", "channels[0].costs.fixed", "link_fixed_amount"},
    {"v=2&e=3&q=50&r.zz=1:2", "uncertainty.ranges", "link_range_field"},
    {"v=2&e=3&q=50&r.w=0.5", "uncertainty.ranges.funnel.close_rate", "link_bounds"},
    {"v=2&e=3&q=50&c=A&mo=2.5", "schedule.months", "link_whole"},
    {"v=2&e=3&q=50&ra=0.5,2", "schedule.ramp", "link_ramp"},
    {"v=2&e=3&q=50&sp=2", "uncertainty.spread", "link_range"},
    {"v=2&e=3&q=50&c", "", "link_pair"},
    /* cross-field rules settle as in version 1, on the channel too */
    {"v=2&e=3&q=50&c=A&e=2&x=3&m=0.5", "channels[0].funnel.meeting_rate", "skip_rate"},
    {"v=2&e=3&q=50&c=A&b=3&pc=2", "channels[0].costs.model", "needs_count"},
};

static void test_link_v2_drops_bad_pairs_and_keeps_good_ones(void **state)
{
    (void)state;
    check_bad_cases(BAD_V2, sizeof BAD_V2 / sizeof BAD_V2[0]);
}

/* 20 channels at most: a 21st "c=" is dropped with link_channel, and so is
 * every campaign pair of its section (not given to the 20th), while what only
 * the scenario holds is still read. */
static void test_link_v2_channels_past_the_last_are_dropped(void **state)
{
    char link[512] = "v=2&q=5";
    roi_diags w;
    (void)state;
    for (int i = 0; i <= ROI_MAX_CHANNELS; i++)
        strcat(link, "&c=");
    strcat(link, "&q=9&sp=0.5");
    roi_scenario *s = decode(link, &w);
    assert_int_equal(s->channel_count, ROI_MAX_CHANNELS);
    assert_close(s->channels[ROI_MAX_CHANNELS - 1].in.funnel.volume, 5, 0);
    assert_close(s->spread, 0.5, 0);
    assert_int_equal(w.count, 2);
    for (size_t i = 0; i < w.count; i++) {
        assert_string_equal(w.items[i].field, "channels");
        assert_string_equal(code_name(w.items[i].code), "link_channel");
        assert_close(param(&w.items[i], "max")->number, ROI_MAX_CHANNELS - 1, 0);
    }
    assert_string_equal(param(&w.items[0], "key")->text, "c");
    assert_string_equal(param(&w.items[1], "key")->text, "q");
    roi_diags_free(&w);
    roi_scenario_free(s);
}

/* Every field of the tables, set away from its default in the scenario and
 * in channels that alternate between it and the defaults (so a channel must
 * write a field back to its default), survives the round trip: no field of
 * roi_fields.c is left out of version 2. */
static void test_link_v2_round_trips_every_field(void **state)
{
    size_t n;
    (void)state;
    roi_scenario *s = roi_scenario_new();
    assert_non_null(s);
    roi_scenario_default(s);
    roi_campaign *m = &s->main;
    strcpy(m->name, "Main");
    strcpy(m->currency, "CHF");
    const roi_number_field *fields = roi_number_fields(&n);
    for (size_t i = 0; i < n; i++) {
        const roi_number_field *f = &fields[i];
        double v = f->whole ? 1 : f->max <= 1 ? 0.5 : 7;
        roi_number_set(&m->in, f, v);
    }
    m->in.funnel.entry = ROI_STAGE_CONTACTS;
    m->in.funnel.rounding = ROI_ROUND_EXPECTED;
    m->in.funnel.skip = 1u << ROI_STAGE_OPPORTUNITIES;
    m->in.funnel.rate[ROI_RATE_OPPORTUNITY] = 1;
    m->in.costs.model = ROI_MODEL_HYBRID;
    m->in.costs.meeting_basis = ROI_BASIS_HELD;
    m->in.goal.metric = ROI_GOAL_NET;
    m->in.schedule.ramp_count = 2;
    m->in.schedule.ramp[0] = 0.25;
    m->in.schedule.ramp[1] = 0.5;
    m->fixed_count = 1;
    m->fixed[0].amount = 12;
    strcpy(m->fixed[0].label, "Fichier & co");
    const roi_number_field *sfields = roi_scenario_number_fields(&n);
    for (size_t i = 0; i < n; i++)
        roi_number_set(s, &sfields[i], 0.5);
    s->reallocation_min_roi_given = true;
    s->ranges[ROI_U_CLOSE_RATE] = (roi_range){true, 0.25, 0.75};
    s->channel_count = 4;
    for (size_t c = 0; c < s->channel_count; c++) {
        roi_campaign *ch = &s->channels[c];
        roi_campaign_default(ch);
        if (c % 2 == 0) { /* like the scenario, less what a channel may not hold */
            memcpy(ch, m, sizeof *ch);
            snprintf(ch->name, sizeof ch->name, "Canal %u", (unsigned)c);
            roi_inputs def;
            roi_inputs_default(&def);
            ch->in.schedule = def.schedule;
            ch->in.goal = def.goal;
            ch->fixed_count = c; /* 0, then 2 */
        }
    }
    roi_diags errors;
    roi_diags_init(&errors);
    assert_int_equal(roi_scenario_check(s, &errors), 0);
    roi_diags_free(&errors);
    roi_free(assert_round_trip(s));
    roi_scenario_free(s);
}

/* Issue 12: a realistic 5-channel comparison (tests/fixtures/five-channels.json)
 * fits in 2 000 characters with the page's address; it did not in version 1,
 * whose link still opens the same scenario. */
static void test_link_v2_five_channels_fit_in_2000_characters(void **state)
{
    static const char address[] = "https://calc.example/index.html?lang=fr#";
    size_t len;
    roi_diags w;
    (void)state;
    char *json = test_read_file(ROI_FIXTURES "/five-channels.json", &len);
    roi_scenario *s = parse(json);
    char *link = encode(s);
    print_message("five-channels: %u characters with the address\n",
                  (unsigned)(strlen(address) + strlen(link)));
    assert_true(strlen(address) + strlen(link) <= 2000);
    roi_scenario *back = decode(link, &w);
    assert_int_equal(w.count, 0);
    assert_same_scenario(s, back);
    roi_diags_free(&w);
    roi_scenario_free(back);
    roi_free(link);
    roi_scenario_free(s);
    free(json);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_link_encodes_the_pay_per_meeting_example_short),
        cmocka_unit_test(test_link_round_trips_every_fixture),
        cmocka_unit_test(test_link_round_trips_channels_ranges_and_special_text),
        cmocka_unit_test(test_link_drops_bad_pairs_and_keeps_good_ones),
        cmocka_unit_test(test_link_warnings_name_the_key_and_what_is_needed),
        cmocka_unit_test(test_link_cross_field_problems_keep_the_scenario_code),
        cmocka_unit_test(test_link_reads_only_plain_decimals),
        cmocka_unit_test(test_link_refuses_another_version),
        cmocka_unit_test(test_link_encoder_leaves_out_what_decoding_supplies),
        cmocka_unit_test(test_link_encoder_writes_only_links_that_open),
        cmocka_unit_test(test_link_longest_scenario_is_measured_and_refused),
        cmocka_unit_test(test_link_truncated_link_keeps_the_complete_pairs),
        cmocka_unit_test(test_link_reads_a_whole_url),
        cmocka_unit_test(test_link_refuses_input_over_8_kib),
        cmocka_unit_test(test_link_json_faces),
        cmocka_unit_test(test_link_warning_paths_are_text),
        cmocka_unit_test(test_link_docs_links_still_decode_to_their_frozen_scenario),
        cmocka_unit_test(test_link_revision_rules_settle),
        cmocka_unit_test(test_link_v2_reads_as_its_v1_equivalent),
        cmocka_unit_test(test_link_v2_drops_bad_pairs_and_keeps_good_ones),
        cmocka_unit_test(test_link_v2_channels_past_the_last_are_dropped),
        cmocka_unit_test(test_link_v2_round_trips_every_field),
        cmocka_unit_test(test_link_v2_five_channels_fit_in_2000_characters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
