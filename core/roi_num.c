/*
 * roi_num.c - see roi_num.h.  No allocation, no global state.
 */
#include "roi_num.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef ROI_HOST_NUMBERS
double roi_num_parse(const char *text, char **end)
{
    return strtod(text, end);
}

int roi_num_format_g(double value, int digits, char *buf)
{
    return snprintf(buf, 32, "%.*g", digits, value);
}
#endif

/* Appends one character, counting it even when there is no room left. */
static void put(char *out, size_t size, size_t *o, char c)
{
    if (*o + 1 < size)
        out[*o] = c;
    (*o)++;
}

static void put_text(char *out, size_t size, size_t *o, const char *s, size_t max)
{
    for (size_t i = 0; i < max && s[i]; i++)
        put(out, size, o, s[i]);
}

static void put_unsigned(char *out, size_t size, size_t *o, unsigned long long v, bool minus)
{
    char digits[24];
    int n = 0;
    do {
        digits[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (minus)
        put(out, size, o, '-');
    while (n)
        put(out, size, o, digits[--n]);
}

int roi_fmt(char *out, size_t size, const char *fmt, ...)
{
    va_list ap;
    size_t o = 0;
    va_start(ap, fmt);
    for (const char *p = fmt; *p; p++) {
        if (*p != '%') {
            put(out, size, &o, *p);
            continue;
        }
        p++;
        if (*p == 's') {
            put_text(out, size, &o, va_arg(ap, const char *), (size_t)-1);
        } else if (p[0] == '.' && p[1] == '*' && p[2] == 's') {
            int max = va_arg(ap, int);
            put_text(out, size, &o, va_arg(ap, const char *), max < 0 ? (size_t)-1 : (size_t)max);
            p += 2;
        } else if (*p == 'd') {
            int v = va_arg(ap, int);
            unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
            put_unsigned(out, size, &o, mag, v < 0);
        } else if (*p == 'u') {
            put_unsigned(out, size, &o, va_arg(ap, unsigned), false);
        } else if (p[0] == 'z' && p[1] == 'u') {
            put_unsigned(out, size, &o, va_arg(ap, size_t), false);
            p++;
        } else if (*p == '%') {
            put(out, size, &o, '%');
        } else { /* not used by the core: stop rather than guess */
            break;
        }
    }
    va_end(ap);
    if (size > 0)
        out[o < size ? o : size - 1] = '\0';
    return (int)o;
}
