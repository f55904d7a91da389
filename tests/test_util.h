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

#endif
