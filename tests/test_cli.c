/*
 * test_cli.c - the roi command line: exit codes, streams, help and version.
 */
#define _POSIX_C_SOURCE 200809L
#include "test_util.h"

#include "roi_calc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct {
    int status;
    char *out;
    char *err;
} run_result;

static char tmp_dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/roi_cli_test_XXXXXX");
    return mkdtemp(tmp_dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp_dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Runs `roi <args>` through the shell (args may hold a redirection). */
static run_result run(const char *args)
{
    char cmd[2048], out_path[128], err_path[128];
    size_t len;
    run_result r;
    snprintf(out_path, sizeof out_path, "%s/out", tmp_dir);
    snprintf(err_path, sizeof err_path, "%s/err", tmp_dir);
    snprintf(cmd, sizeof cmd, "%s %s >%s 2>%s", ROI_CLI, args, out_path, err_path);
    int status = system(cmd);
    assert_true(WIFEXITED(status));
    r.status = WEXITSTATUS(status);
    r.out = test_read_file(out_path, &len);
    r.err = test_read_file(err_path, &len);
    return r;
}

static void run_free(run_result *r)
{
    free(r->out);
    free(r->err);
}

typedef struct {
    const char *args;
    int status;
    const char *stdout_has;  /* NULL: stdout must be empty */
    const char *stderr_has;  /* NULL: stderr must be empty */
} cli_case;

static const cli_case CASES[] = {
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
    {"eval - < /dev/null", 1, "the document is empty", NULL},
    {"simulate --help", 0, "--samples N", NULL},
    {"simulate " ROI_FIXTURES "/pay-per-meeting.json", 0, "\"samples\":10000,\"seed\":1,", NULL},
    {"simulate --samples 500 --seed 7 - < " ROI_FIXTURES "/pay-per-meeting.json", 0,
     "\"samples\":500,\"seed\":7,", NULL},
    {"simulate --samples 1000001 " ROI_FIXTURES "/pay-per-meeting.json", 1,
     "\"field\":\"samples\"", NULL},
    {"simulate --seed 1.5 " ROI_FIXTURES "/pay-per-meeting.json", 1, "\"field\":\"seed\"", NULL},
    {"simulate --samples many " ROI_FIXTURES "/pay-per-meeting.json", 2, NULL, "--samples needs a number"},
    {"simulate --seed", 2, NULL, "--seed needs a number"},
    {"eval --samples 5 " ROI_FIXTURES "/pay-per-meeting.json", 2, NULL, "unexpected argument"},
};

static void test_cli_exit_codes_and_streams(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++) {
        const cli_case *c = &CASES[i];
        run_result r = run(c->args);
        if (r.status != c->status)
            print_error("roi %s: exit %d, expected %d\n", c->args, r.status, c->status);
        assert_int_equal(r.status, c->status);
        if (c->stdout_has)
            assert_non_null(strstr(r.out, c->stdout_has));
        else
            assert_string_equal(r.out, "");
        if (c->stderr_has)
            assert_non_null(strstr(r.err, c->stderr_has));
        else
            assert_string_equal(r.err, "");
        run_free(&r);
    }
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
    snprintf(path, sizeof path, "%s/broken.json", tmp_dir);
    write_file(path, "{\"funnel\": {\"close_rate\": 0.25,}", 1);
    snprintf(args, sizeof args, "eval %s", path);
    run_result r = run(args);
    assert_int_equal(r.status, 1);
    cJSON *doc = cJSON_Parse(r.out);
    assert_non_null(doc);
    assert_true(cJSON_IsFalse(cJSON_GetObjectItem(doc, "ok")));
    assert_non_null(strstr(r.out, "malformed JSON at line 1"));
    assert_null(cJSON_GetObjectItem(doc, "roi"));
    cJSON_Delete(doc);
    run_free(&r);
}

static void test_cli_input_over_one_mebibyte_is_refused(void **state)
{
    char path[128], args[256];
    (void)state;
    snprintf(path, sizeof path, "%s/big.json", tmp_dir);
    /* 1 MiB of spaces then a valid document: only the size is wrong. */
    write_file(path, "                                ", 32768);
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    fputs("{}", f);
    fclose(f);
    snprintf(args, sizeof args, "eval %s", path);
    run_result r = run(args);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "over the limit of 1 MiB"));
    run_free(&r);
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
        run_result r = run(args);
        assert_int_equal(r.status, 0);
        cJSON *doc = cJSON_Parse(r.out);
        assert_non_null(doc);
        assert_true(cJSON_IsTrue(cJSON_GetObjectItem(doc, "ok")));
        assert_null(strstr(r.out, "nan"));
        assert_null(strstr(r.out, "inf"));
        cJSON_Delete(doc);
        run_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cli_exit_codes_and_streams),
        cmocka_unit_test(test_cli_invalid_json_prints_errors_on_stdout),
        cmocka_unit_test(test_cli_input_over_one_mebibyte_is_refused),
        cmocka_unit_test(test_cli_every_example_is_valid_json),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
