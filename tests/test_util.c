#define _POSIX_C_SOURCE 200809L /* mkdtemp */
#include "test_util.h"

#include "roi_json.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

void test_assert_close(double actual, double expected, double tol,
                       const char *what, const char *file, int line)
{
    double scale = fabs(expected) > 1 ? fabs(expected) : 1;
    if (!(fabs(actual - expected) <= tol * scale)) {
        print_error("%s = %.17g, expected %.17g (tolerance %g)\n", what, actual,
                    expected, tol);
        _fail(file, line);
    }
}

char *test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        print_error("cannot open %s\n", path);
        fail();
    }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)size + 1);
    assert_non_null(buf);
    *len = fread(buf, 1, (size_t)size, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

cJSON *test_eval_text(const char *text, bool *valid)
{
    return test_eval_text_len(text, strlen(text), valid);
}

cJSON *test_eval_text_len(const char *text, size_t len, bool *valid)
{
    char *out = roi_eval_json(text, len, 0, valid);
    assert_non_null(out);
    cJSON *doc = cJSON_Parse(out);
    if (!doc)
        print_error("result is not JSON: %s\n", out);
    assert_non_null(doc);
    roi_free(out);
    return doc;
}

cJSON *test_eval_fixture(const char *name, bool *valid)
{
    char path[512];
    size_t len;
    snprintf(path, sizeof path, "%s/%s", ROI_FIXTURES, name);
    char *text = test_read_file(path, &len);
    cJSON *doc = test_eval_text(text, valid);
    free(text);
    return doc;
}

const cJSON *test_path(const cJSON *node, const char *path)
{
    char key[128];
    const char *p = path;
    while (node && *p) {
        size_t n = strcspn(p, ".[");
        if (n > 0) {
            memcpy(key, p, n);
            key[n] = '\0';
            node = cJSON_GetObjectItemCaseSensitive(node, key);
            p += n;
        }
        if (*p == '[') {
            node = cJSON_GetArrayItem(node, atoi(p + 1));
            p = strchr(p, ']') + 1;
        }
        if (*p == '.')
            p++;
    }
    return node;
}

void test_assert_json_number(const cJSON *root, const char *path, double expected,
                             double tol, const char *file, int line)
{
    const cJSON *node = test_path(root, path);
    if (!cJSON_IsNumber(node)) {
        print_error("%s is not a number\n", path);
        _fail(file, line);
    }
    test_assert_close(node->valuedouble, expected, tol, path, file, line);
}

void test_assert_json_null(const cJSON *root, const char *path, const char *file,
                           int line)
{
    const cJSON *node = test_path(root, path);
    if (!cJSON_IsNull(node)) {
        print_error("%s is %s, expected null\n", path, node ? "not null" : "absent");
        _fail(file, line);
    }
}

bool test_has_diag(const cJSON *doc, const char *list, const char *field)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, list)) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(item, "field");
        if (cJSON_IsString(f) && strcmp(f->valuestring, field) == 0)
            return true;
    }
    return false;
}

const cJSON *test_diag(const cJSON *doc, const char *list, const char *field,
                       const char *code)
{
    const cJSON *item;
    cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(doc, list)) {
        const cJSON *f = cJSON_GetObjectItemCaseSensitive(item, "field");
        const cJSON *c = cJSON_GetObjectItemCaseSensitive(item, "code");
        if (cJSON_IsString(f) && strcmp(f->valuestring, field) == 0 &&
            cJSON_IsString(c) && strcmp(c->valuestring, code) == 0)
            return item;
    }
    return NULL;
}

char test_tmp_dir[64];

int test_tmp_setup(void **state)
{
    (void)state;
    snprintf(test_tmp_dir, sizeof test_tmp_dir, "/tmp/roi_test_XXXXXX");
    return mkdtemp(test_tmp_dir) ? 0 : -1;
}

int test_tmp_teardown(void **state)
{
    char cmd[128];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_tmp_dir);
    return system(cmd) == 0 ? 0 : -1;
}

test_run_result test_run_cli(const char *args)
{
    char cmd[2048], out_path[128], err_path[128];
    size_t len;
    test_run_result r;
    snprintf(out_path, sizeof out_path, "%s/out", test_tmp_dir);
    snprintf(err_path, sizeof err_path, "%s/err", test_tmp_dir);
    snprintf(cmd, sizeof cmd, "cd %s && %s %s >%s 2>%s", test_tmp_dir, ROI_CLI, args,
             out_path, err_path);
    int status = system(cmd);
    assert_true(WIFEXITED(status));
    r.status = WEXITSTATUS(status);
    r.out = test_read_file(out_path, &len);
    r.err = test_read_file(err_path, &len);
    return r;
}

void test_run_free(test_run_result *r)
{
    free(r->out);
    free(r->err);
}

void test_cli_cases(const char *prefix, const test_cli_case *cases, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const test_cli_case *c = &cases[i];
        char args[1024];
        snprintf(args, sizeof args, "%s%s%s", prefix, *prefix ? " " : "", c->args);
        test_run_result r = test_run_cli(args);
        if (r.status != c->status)
            fail_msg("roi %s: exit %d, expected %d (%s)", args, r.status, c->status, r.err);
        if (c->stdout_has)
            assert_non_null(strstr(r.out, c->stdout_has));
        else
            assert_string_equal(r.out, "");
        if (c->stderr_has)
            assert_non_null(strstr(r.err, c->stderr_has));
        else
            assert_string_equal(r.err, "");
        test_run_free(&r);
    }
}

void test_pay_per_meeting(roi_inputs *in)
{
    roi_inputs_default(in);
    in->funnel.entry = ROI_STAGE_MEETINGS;
    in->funnel.volume = 50;
    in->funnel.rate[ROI_RATE_CLOSE] = 0.25;
    in->value.deal_value = 6000;
    in->value.margin_rate = 0.4;
    in->costs.model = ROI_MODEL_PER_MEETING;
    in->costs.per_meeting = 120;
}
