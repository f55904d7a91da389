/*
 * test_num.c - the core's own text formatter (roi_fmt) against the C
 * library's snprintf, and the number conversions it uses natively.
 */
#include "test_util.h"

#include "roi_num.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

/* Each case formats with both and compares text and return value, at a
 * generous size and at sizes that cut the text. */
static void test_num_fmt_matches_snprintf(void **state)
{
    (void)state;
    static const size_t sizes[] = {64, 1, 2, 5, 9};
    for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
        size_t n = sizes[i];
        char mine[64], libc[64];
#define SAME(...)                                                           \
    do {                                                                    \
        memset(mine, 'x', sizeof mine);                                     \
        memset(libc, 'x', sizeof libc);                                     \
        int a = roi_fmt(mine, n, __VA_ARGS__);                              \
        int b = snprintf(libc, n, __VA_ARGS__);                             \
        assert_int_equal(a, b);                                             \
        assert_memory_equal(mine, libc, n);                                 \
    } while (0)
        SAME("%s%s", "channels[1].", "funnel.volume");
        SAME("%s[%zu]", "channels", (size_t)12345);
        SAME("c%u.", 7u);
        SAME("%d|%d|%d", 0, -42, INT_MIN);
        SAME("%d", INT_MAX);
        SAME("%.*s", 3, "abcdef");
        SAME("%.*s!", 10, "ab");
        SAME("100%% %s", "sûr");
        SAME("%s", "");
        SAME("plain text");
#undef SAME
    }
}

/* The native conversions are the C library's: a round trip of values that
 * need 15, 16 and 17 digits. */
static void test_num_format_g_round_trips(void **state)
{
    (void)state;
    static const double values[] = {0.1, 1.0 / 3, 2.0 / 3 * 1e300, 5e-324,
                                    1.7976931348623157e308, -123456.789, 1000000000000000.25};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        char buf[32], want[32];
        int n = roi_num_format_g(values[i], 17, buf);
        snprintf(want, sizeof want, "%.17g", values[i]);
        assert_string_equal(buf, want);
        assert_int_equal(n, (int)strlen(want));
        char *end = NULL;
        assert_true(roi_num_parse(buf, &end) == values[i]);
        assert_ptr_equal(end, buf + n);
    }
}

static void test_num_parse_stops_at_the_longest_number(void **state)
{
    (void)state;
    static const struct { const char *text; double value; size_t used; } cases[] = {
        {"1e5e3", 1e5, 3}, {"1e", 1, 1}, {"1e+", 1, 1}, {"-", 0, 0},
        {"--1", 0, 0}, {".5", 0.5, 2}, {"1.", 1, 2}, {"-0.25x", -0.25, 5},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char *end = NULL;
        assert_true(roi_num_parse(cases[i].text, &end) == cases[i].value);
        assert_int_equal((size_t)(end - cases[i].text), cases[i].used);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_num_fmt_matches_snprintf),
        cmocka_unit_test(test_num_format_g_round_trips),
        cmocka_unit_test(test_num_parse_stops_at_the_longest_number),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
