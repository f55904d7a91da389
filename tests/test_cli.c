/*
 * test_cli.c - the roi command line: exit codes, streams, help and version.
 */
#include "test_util.h"

#include "roi_calc.h"
#include "roi_diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const test_cli_case CASES[] = {
    {"canonical " ROI_FIXTURES "/pay-per-meeting.json", 0, "\"scenario\":{\"version\":1", NULL},
    {"canonical - < /dev/null", 1, "\"code\":\"empty\"", NULL},
    {"--help", 0, "Usage: roi", NULL},
    {"-h", 0, "eval FILE", NULL},
    {"eval --help", 0, "Exit status", NULL},
    {"--version", 0, ROI_VERSION, NULL},
    {"", 2, NULL, "Usage: roi"},
    {"frobnicate", 2, NULL, "unknown command"},
    {"eval", 2, NULL, "missing FILE"},
    {"eval a.json b.json", 2, NULL, "unexpected argument"},
    {"eval --colour a.json", 2, NULL, "unexpected argument"},
    {"eval /nonexistent/scenario.json", 2, NULL, "cannot open"},
    {"eval /", 2, NULL, "cannot read"},
    {"eval " ROI_FIXTURES "/pay-per-meeting.json", 0, "\"roi\":3.8,", NULL},
    {"eval --pretty " ROI_FIXTURES "/pay-per-meeting.json", 0, "\"roi\": 3.8,", NULL},
    {"eval - < " ROI_FIXTURES "/lead-generation.json", 0, "\"roi\":1.4,", NULL},
    {"eval " ROI_FIXTURES "/invalid/many-errors.json", 1, "\"ok\":false", NULL},
    {"eval - < /dev/null", 1, "\"code\":\"empty\",\"params\":{},\"message\":\"the document is empty", NULL},
    {"simulate --help", 0, "--samples N", NULL},
    {"simulate " ROI_FIXTURES "/pay-per-meeting.json", 0, "\"samples\":10000,\"seed\":1,", NULL},
    {"simulate --samples 500 --seed 7 - < " ROI_FIXTURES "/pay-per-meeting.json", 0,
     "\"samples\":500,\"seed\":7,", NULL},
    {"simulate --samples 1000001 " ROI_FIXTURES "/pay-per-meeting.json", 1,
     "\"field\":\"samples\",\"code\":\"whole_range\",\"params\":{\"min\":1,\"max\":1000000,\"got\":1000001}",
     NULL},
    {"simulate --seed 1.5 " ROI_FIXTURES "/pay-per-meeting.json", 1,
     "\"field\":\"seed\",\"code\":\"whole_range\",\"params\":{\"min\":0,\"max\":9007199254740991,\"got\":1.5}",
     NULL},
    {"--help", 0, "  codes ", NULL},
    {"codes", 0, "{\"code\":\"range\",\"params\":[\"min\",\"max\",\"got\"],"
     "\"message\":\"must be between {min} and {max} (got {got})\"}", NULL},
    {"codes --help", 0, "Usage: roi", NULL},
    {"codes extra", 2, NULL, "unexpected argument"},
    {"simulate --samples many " ROI_FIXTURES "/pay-per-meeting.json", 2, NULL, "--samples needs a number"},
    {"simulate --seed", 2, NULL, "--seed needs a number"},
    {"eval --samples 5 " ROI_FIXTURES "/pay-per-meeting.json", 2, NULL, "unexpected argument"},
    {"link encode " ROI_FIXTURES "/pay-per-meeting.json", 0, "v=2&n=Campagne", NULL},
    {"link decode 'v=3&vol=1'", 1, NULL, "format version 3; this calculator reads versions 1 to 2"},
    {"link decode 'v=2&q=16'", 0, "\"volume\":16,", NULL},
    {"link decode 'v=1&vol=0x10'", 0, "\"volume\":0,", "link key \"vol\" is not a plain decimal"},
    {"link decode 'vol=16'", 0, "\"volume\":16,", NULL},
};

/* roi fields: the field list, valid JSON, compact and pretty alike. */
static void test_cli_fields_prints_valid_json(void **state)
{
    static const test_cli_case cases[] = {
        {"fields --help", 0, "Usage: roi fields", NULL},
        {"--help", 0, "fields ", NULL},
        {"fields x.json", 2, NULL, "unexpected argument"},
        {"fields --pretty", 0, "\"path\": \"funnel.close_rate\"", NULL},
    };
    (void)state;
    test_cli_cases("", cases, sizeof cases / sizeof cases[0]);
    test_run_result r = test_run_cli("fields");
    test_run_result p = test_run_cli("fields --pretty");
    assert_int_equal(r.status, 0);
    assert_int_equal(p.status, 0);
    assert_string_equal(r.err, "");
    cJSON *doc = cJSON_Parse(r.out), *pretty = cJSON_Parse(p.out);
    assert_non_null(doc);
    assert_true(cJSON_Compare(doc, pretty, true));
    const cJSON *fields = cJSON_GetObjectItem(doc, "fields");
    assert_true(cJSON_IsArray(fields));
    assert_true(cJSON_GetArraySize(fields) > 50);
    /* One line of compact JSON, ended by a line break. */
    assert_non_null(strchr(r.out, '\n'));
    assert_int_equal(strchr(r.out, '\n') - r.out, (long)strlen(r.out) - 1);
    cJSON_Delete(doc);
    cJSON_Delete(pretty);
    test_run_free(&r);
    test_run_free(&p);
}

static void test_cli_exit_codes_and_streams(void **state)
{
    (void)state;
    test_cli_cases("", CASES, sizeof CASES / sizeof CASES[0]);
}

static void write_file(const char *path, const char *text, size_t repeat)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    for (size_t i = 0; i < repeat; i++)
        fputs(text, f);
    fclose(f);
}

static void test_cli_invalid_json_prints_errors_on_stdout(void **state)
{
    char path[128], args[256];
    (void)state;
    snprintf(path, sizeof path, "%s/broken.json", test_tmp_dir);
    write_file(path, "{\"funnel\": {\"close_rate\": 0.25,}", 1);
    snprintf(args, sizeof args, "eval %s", path);
    test_run_result r = test_run_cli(args);
    assert_int_equal(r.status, 1);
    cJSON *doc = cJSON_Parse(r.out);
    assert_non_null(doc);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(doc, "ok")));
    const cJSON *e = test_diag(doc, "errors", "", "json");
    assert_non_null(e);
    assert_json_number(e, "params.line", 1, 0);
    assert_json_number(e, "params.column", 32, 0);
    assert_non_null(strstr(r.out, "malformed JSON at line 1"));
    assert_null(cJSON_GetObjectItem(doc, "roi"));
    cJSON_Delete(doc);
    test_run_free(&r);
}

static void test_cli_input_over_one_mebibyte_is_refused(void **state)
{
    char path[128], args[256];
    (void)state;
    snprintf(path, sizeof path, "%s/big.json", test_tmp_dir);
    /* 1 MiB of spaces then a valid document: only the size is wrong. */
    write_file(path, "                                ", 32768);
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    fputs("{}", f);
    fclose(f);
    snprintf(args, sizeof args, "eval %s", path);
    test_run_result r = test_run_cli(args);
    assert_int_equal(r.status, 1);
    cJSON *doc = cJSON_Parse(r.out);
    const cJSON *e = test_diag(doc, "errors", "", "too_big");
    assert_non_null(e);
    /* The CLI reads one byte past the limit: enough to know it is over. */
    assert_json_number(e, "params.bytes", 1024 * 1024 + 1, 0);
    assert_json_number(e, "params.max", 1024 * 1024, 0);
    assert_non_null(strstr(r.out, "over the limit of 1048576 bytes"));
    cJSON_Delete(doc);
    test_run_free(&r);
}

/* roi codes prints the core's table, every row, as JSON. */
static void test_cli_codes_prints_the_table(void **state)
{
    size_t count;
    const roi_code_info *table = roi_code_table(&count);
    (void)state;
    test_run_result r = test_run_cli("codes");
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    cJSON *doc = cJSON_Parse(r.out);
    assert_non_null(doc);
    assert_int_equal(cJSON_GetArraySize(doc), (int)count);
    for (size_t c = 0; c < count; c++) {
        const cJSON *code = cJSON_GetObjectItem(cJSON_GetArrayItem(doc, (int)c), "code");
        assert_true(cJSON_IsString(code));
        assert_string_equal(code->valuestring, table[c].name);
    }
    cJSON_Delete(doc);
    test_run_free(&r);
}

/* A valid scenario whose link would pass 8 KiB: the error document on
 * standard output, exit 1, never a link that cannot be opened. */
static void test_cli_link_encode_refuses_a_link_too_long(void **state)
{
    char path[128], args[256], label[200] = "";
    (void)state;
    for (int i = 0; i < 80; i++)
        strcat(label, "\xC3\xA9");
    snprintf(path, sizeof path, "%s/long.json", test_tmp_dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("{\"channels\": [", f);
    for (int c = 0; c < 20; c++) {
        fprintf(f, "%s{\"name\": \"%s\", \"costs\": {\"fixed\": [", c ? "," : "", label);
        for (int i = 0; i < 10; i++)
            fprintf(f, "%s{\"label\": \"%s\", \"amount\": 1}", i ? "," : "", label);
        fputs("]}}", f);
    }
    fputs("]}", f);
    fclose(f);
    snprintf(args, sizeof args, "link encode %s", path);
    test_run_result r = test_run_cli(args);
    assert_int_equal(r.status, 1);
    cJSON *doc = cJSON_Parse(r.out);
    assert_non_null(doc);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(doc, "ok")));
    assert_string_equal(cJSON_GetStringValue(test_path(doc, "errors[0].code")), "link_too_long");
    assert_json_number(doc, "errors[0].params.max", 8192, 0);
    assert_true(test_path(doc, "errors[0].params.bytes")->valuedouble > 8192);
    assert_null(strstr(r.out, "v=2&"));
    cJSON_Delete(doc);
    test_run_free(&r);
}

static void test_cli_every_example_is_valid_json(void **state)
{
    static const char *const examples[] = {
        "call-campaign-revenue.json", "hourly-revenue-subscription.json",
        "lead-generation.json", "pay-per-meeting.json"};
    (void)state;
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        char args[512];
        snprintf(args, sizeof args, "eval %s/%s", ROI_FIXTURES, examples[i]);
        test_run_result r = test_run_cli(args);
        assert_int_equal(r.status, 0);
        cJSON *doc = cJSON_Parse(r.out);
        assert_non_null(doc);
        assert_true(cJSON_IsTrue(cJSON_GetObjectItem(doc, "ok")));
        assert_null(strstr(r.out, "nan"));
        assert_null(strstr(r.out, "inf"));
        cJSON_Delete(doc);
        test_run_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_exit_codes_and_streams),
        cmocka_unit_test(test_cli_invalid_json_prints_errors_on_stdout),
        cmocka_unit_test(test_cli_input_over_one_mebibyte_is_refused),
        cmocka_unit_test(test_cli_link_encode_refuses_a_link_too_long),
        cmocka_unit_test(test_cli_every_example_is_valid_json),
        cmocka_unit_test(test_cli_fields_prints_valid_json),
        cmocka_unit_test(test_cli_codes_prints_the_table),
    };
    return cmocka_run_group_tests(tests, test_tmp_setup, test_tmp_teardown);
}
