/*
 * roi_num.h - text <-> number conversions and the small text formatter the
 * core uses, so that it needs neither printf nor strtod from the C library.
 *
 * Why: the WebAssembly build carries its own C library; musl's printf and
 * strtod work in 128-bit long double, emulated in software, and weighed a
 * quarter of the module.  There, ROI_HOST_NUMBERS is defined and the host
 * provides roi_num_parse and roi_num_format_g (wasm/roi_wasm.c, with
 * JavaScript's exactly rounded conversions); natively they are strtod and
 * snprintf.  Both give the same bytes: the WebAssembly tests compare them
 * with the CLI's.
 */
#ifndef ROI_NUM_H
#define ROI_NUM_H

#include <stddef.h>

/* strtod on text that starts with a decimal number: [+-]digits[.digits]
 * [e[+-]digits] (no leading space, inf, nan or hexadecimal: every caller
 * checks the syntax first).  *end (when end is not NULL) is set past the
 * longest such prefix, to text when there is none (then 0 is returned).
 * Correctly rounded; overflow gives +-HUGE_VAL. */
double roi_num_parse(const char *text, char **end);

/* Writes value as snprintf(buf, 32, "%.*g", digits, value) would: digits
 * significant digits (1 to 17), rounded to nearest with ties to even, in
 * fixed or exponent form, trailing zeros removed.  value must be finite.
 * buf holds at least 32 bytes; returns the length written. */
int roi_num_format_g(double value, int digits, char *buf);

/* snprintf for the few conversions the core uses: %s, %.*s, %d, %u, %zu
 * and %%.  Writes at most size bytes including the terminating NUL (size > 0)
 * and returns the length the whole text would have, as snprintf does. */
int roi_fmt(char *out, size_t size, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
