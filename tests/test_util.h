/*
 * test_util.h - helpers shared by the cmocka test programs.
 */
#ifndef ROI_TEST_UTIL_H
#define ROI_TEST_UTIL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cjson/cJSON.h>

#include "roi_calc.h"

/* |actual - expected| <= tol * max(1, |expected|): absolute near zero,
 * relative for money.  cmocka 1.1.5 has no double assert of its own. */
#define assert_close(actual, expected, tol) \
    test_assert_close((actual), (expected), (tol), #actual, __FILE__, __LINE__)
void test_assert_close(double actual, double expected, double tol,
                       const char *what, const char *file, int line);

/* Reads a whole file; the caller frees.  Fails the test when unreadable. */
char *test_read_file(const char *path, size_t *len);

/* Evaluates a JSON text with roi_eval_json and parses the result document.
 * The caller frees with cJSON_Delete. */
cJSON *test_eval_text(const char *text, bool *valid);
/* Same for len bytes of text (a text holding NUL bytes, or one not ended). */
cJSON *test_eval_text_len(const char *text, size_t len, bool *valid);
/* Same for tests/fixtures/<name>. */
cJSON *test_eval_fixture(const char *name, bool *valid);

/* The node at a path such as "breakeven.max_price" or "comparison[1].rank";
 * NULL when absent. */
const cJSON *test_path(const cJSON *root, const char *path);

/* The number at path (fails when absent or not a number). */
#define assert_json_number(root, path, expected, tol) \
    test_assert_json_number((root), (path), (expected), (tol), __FILE__, __LINE__)
void test_assert_json_number(const cJSON *root, const char *path, double expected,
                             double tol, const char *file, int line);
#define assert_json_null(root, path) \
    test_assert_json_null((root), (path), __FILE__, __LINE__)
void test_assert_json_null(const cJSON *root, const char *path, const char *file,
                           int line);

/* True when the errors (or warnings) array of a result names this field. */
bool test_has_diag(const cJSON *doc, const char *list, const char *field);

/* The first entry of the errors (or warnings) array that names this field
 * with this code; NULL when there is none.  Its params are then at
 * "params.<name>" for test_path and assert_json_number. */
const cJSON *test_diag(const cJSON *doc, const char *list, const char *field,
                       const char *code);

/* ---- the roi command line, for test_cli and test_qr ------------------------ */

/* A scratch directory for a test program's files and the CLI's output:
 * test_tmp_setup and test_tmp_teardown are a cmocka group's setup and
 * teardown; test_tmp_dir holds its path in between. */
extern char test_tmp_dir[64];
int test_tmp_setup(void **state);
int test_tmp_teardown(void **state);

/* What `roi <args>` did: exit status and both streams (freed by
 * test_run_free). */
typedef struct {
    int status;
    char *out;
    char *err;
} test_run_result;

/* Runs ROI_CLI with args through the shell, in test_tmp_dir, so args may
 * hold a redirection and name files there. */
test_run_result test_run_cli(const char *args);
void test_run_free(test_run_result *r);

/* One table row: args after the command's prefix, the exit status, and a
 * text each stream must contain (NULL: that stream must be empty). */
typedef struct {
    const char *args;
    int status;
    const char *stdout_has;
    const char *stderr_has;
} test_cli_case;

/* Runs `roi <prefix> <args>` for each case and checks status and streams. */
void test_cli_cases(const char *prefix, const test_cli_case *cases, size_t count);

/* The pay-per-meeting worked example as inputs (defaults first): 50 booked
 * meetings, 25 % close, 6 000 a deal, 40 % margin, 120 a booked meeting. */
void test_pay_per_meeting(roi_inputs *in);

#endif
