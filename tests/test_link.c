/*
 * test_link.c - scenario links: encoding, decoding, tolerance, limits.
 */
#include "test_util.h"

#include "roi_json.h"
#include "roi_link.h"

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

static bool warned(const roi_diags *w, const char *field)
{
    for (size_t i = 0; i < w->count; i++)
        if (strcmp(w->items[i].field, field) == 0)
            return true;
    return false;
}

/* Canonical JSON of a scenario: equal strings mean equal scenarios. */
static void assert_same_scenario(const roi_scenario *a, const roi_scenario *b)
{
    char *ja = roi_scenario_to_json(a, 0), *jb = roi_scenario_to_json(b, 0);
    assert_string_equal(ja, jb);
    roi_free(ja);
    roi_free(jb);
}

static void test_link_encodes_the_pay_per_meeting_example_short(void **state)
{
    size_t len;
    (void)state;
    char *json = test_read_file(ROI_FIXTURES "/pay-per-meeting.json", &len);
    roi_scenario *s = parse(json);
    char *link = roi_link_encode(s);
    assert_string_equal(link,
                        "v=1&n=Campagne+factur%C3%A9e+au+rendez-vous&entry=meetings"
                        "&model=per_meeting&vol=50&close=0.25&deal=6000&margin=0.4&pmeet=120");
    assert_true(strlen(link) <= 160);
    roi_free(link);
    roi_scenario_free(s);
    free(json);
}

static void test_link_round_trips_every_fixture(void **state)
{
    static const char *const files[] = {
        "call-campaign-revenue.json", "hourly-revenue-subscription.json",
        "lead-generation.json", "pay-per-meeting.json"};
    (void)state;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[512];
        size_t len;
        roi_diags w;
        snprintf(path, sizeof path, "%s/%s", ROI_FIXTURES, files[i]);
        char *json = test_read_file(path, &len);
        roi_scenario *s = parse(json);
        char *link = roi_link_encode(s);
        roi_scenario *back = decode(link, &w);
        assert_int_equal(w.count, 0);
        assert_same_scenario(s, back);
        roi_diags_free(&w);
        roi_free(link);
        roi_scenario_free(s);
        roi_scenario_free(back);
        free(json);
    }
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
    char *link = roi_link_encode(s);
    /* No character that the format or a URL gives a meaning stays raw. */
    assert_null(strchr(link, '#'));
    assert_null(strchr(link, ' '));
    assert_null(strchr(link, '"'));
    assert_null(strchr(link, '<'));
    assert_non_null(strstr(link, "deal=1000000000000&"));
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
} bad_case;

static const bad_case BAD[] = {
    {"v=1&entry=meetings&vol=50&close=abc", "funnel.close_rate"},
    {"v=1&entry=meetings&vol=50&close=", "funnel.close_rate"},
    {"v=1&entry=meetings&vol=50&close=1e999", "funnel.close_rate"},
    {"v=1&entry=meetings&vol=50&talk=0", "time.talk_share"},
    {"v=1&entry=meetings&vol=50&colour=blue", "colour"},
    {"v=1&entry=meetings&vol=50&round=up", "funnel.rounding"},
    {"v=1&entry=meetings&vol=50&cur=eur", "currency"},
    {"v=1&entry=meetings&vol=50&n=%ZZ", "n"},
    {"v=1&entry=meetings&vol=50&n=%C3", "name"},
    {"v=1&entry=meetings&vol=50&c99.vol=1", "channels"},
    {"v=1&entry=meetings&vol=50&c0.close=2", "channels[0].funnel.close_rate"},
    {"v=1&entry=meetings&vol=50&r.close=0.5", "uncertainty.ranges.funnel.close_rate"},
    {"v=1&entry=meetings&vol=50&r.pmeet=1:2", "uncertainty.ranges"},
    {"v=1&entry=meetings&vol=50&fix=-3:Files", "costs.fixed"},
    {"v=1&entry=meetings&vol=50&model=per_call&pcall=1", "costs.model"},
    {"v=1&entry=meetings&vol=50&spread=2", "uncertainty.spread"},
    {"v=1&entry=meetings&vol=50&rmin=-1", "reallocation.min_roi"},
    {"v=2&entry=meetings&vol=50", "version"},
    {"v=1&entry=meetings&vol=50&&garbage", ""},
};

static void test_link_drops_bad_pairs_and_keeps_good_ones(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        roi_diags w, errors;
        roi_scenario *s = decode(BAD[i].link, &w);
        if (!warned(&w, BAD[i].warned_field))
            print_error("%s: no warning on '%s'\n", BAD[i].link, BAD[i].warned_field);
        assert_true(warned(&w, BAD[i].warned_field));
        assert_int_equal(s->main.in.funnel.entry, ROI_STAGE_MEETINGS);
        assert_close(s->main.in.funnel.volume, 50, 0);
        roi_diags_init(&errors);
        assert_int_equal(roi_scenario_check(s, &errors), 0);
        roi_diags_free(&errors);
        roi_diags_free(&w);
        roi_scenario_free(s);
    }
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
    assert_non_null(strstr(errors.items[0].message, "over the limit"));
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

static void test_link_json_faces(void **state)
{
    static const char json[] = "{\"funnel\": {\"entry\": \"deals\", \"volume\": 2}, \"foo\": 1}";
    bool valid = false;
    (void)state;
    char *enc = roi_link_encode_json(json, strlen(json), &valid);
    assert_true(valid);
    assert_string_equal(enc, "{\"ok\":true,\"link\":\"v=1&entry=deals&vol=2\",\"warnings\":"
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


/* ---- links printed in the docs, frozen (issue 9) ---------------------------
 * tests/fixtures/links/NN-name.link holds a link exactly as README.md or
 * docs/ show it (see the README there); NN-name.json the scenario the decoder
 * gave for it when it was frozen; NN-name.warnings, when the decode warned,
 * the field of each warning in order, one per line (an empty line for a piece
 * that names no field).  Both sides go through today's canonical writer, so a
 * field added later with its default does not break the comparison, while any
 * change in what an old link means does. */
#include <dirent.h>

#define LINK_FIXTURES ROI_FIXTURES "/links"

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The NN-name stems of the .link files, sorted; the caller frees. */
static char **link_fixture_stems(size_t *count)
{
    DIR *dir = opendir(LINK_FIXTURES);
    char **stems = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    assert_non_null(dir);
    while ((e = readdir(dir)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len <= 5 || strcmp(e->d_name + len - 5, ".link") != 0)
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 16;
            stems = realloc(stems, cap * sizeof *stems);
            assert_non_null(stems);
        }
        stems[n] = malloc(len - 4);
        assert_non_null(stems[n]);
        memcpy(stems[n], e->d_name, len - 5);
        stems[n][len - 5] = '\0';
        n++;
    }
    closedir(dir);
    if (n > 0)
        qsort(stems, n, sizeof *stems, compare_names);
    *count = n;
    return stems;
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_link_encodes_the_pay_per_meeting_example_short),
        cmocka_unit_test(test_link_round_trips_every_fixture),
        cmocka_unit_test(test_link_round_trips_channels_ranges_and_special_text),
        cmocka_unit_test(test_link_drops_bad_pairs_and_keeps_good_ones),
        cmocka_unit_test(test_link_truncated_link_keeps_the_complete_pairs),
        cmocka_unit_test(test_link_reads_a_whole_url),
        cmocka_unit_test(test_link_refuses_input_over_8_kib),
        cmocka_unit_test(test_link_json_faces),
        cmocka_unit_test(test_link_docs_links_still_decode_to_their_frozen_scenario),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
