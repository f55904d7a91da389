/*
 * roi_buf.h - a growable byte string (after Redis's sds, without the tricks).
 *
 * A failed allocation does not abort: the buffer remembers it (failed = true),
 * further appends do nothing, and roi_buf_finish() returns NULL.  That keeps
 * every writer a straight line with one check at the end.
 */
#ifndef ROI_BUF_H
#define ROI_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *data;      /* NUL-terminated while not failed */
    size_t len, cap;
    bool failed;
} roi_buf;

/* An empty buffer; allocates nothing until the first append. */
void roi_buf_init(roi_buf *b);
void roi_buf_append(roi_buf *b, const char *s, size_t n);
void roi_buf_puts(roi_buf *b, const char *s);
void roi_buf_putc(roi_buf *b, char c);
/* Appends a number in shortest round-trip form, or null (roi_format_number). */
void roi_buf_number(roi_buf *b, double value);
/* Appends s as a JSON string literal, quotes included. */
void roi_buf_json_string(roi_buf *b, const char *s);
/* Hands the string over to the caller (free with roi_free), or NULL after a
 * failed allocation; the buffer is left empty either way. */
char *roi_buf_finish(roi_buf *b);
/* Drops the contents. */
void roi_buf_free(roi_buf *b);

/* Frees any string this library returned. */
void roi_free(void *p);

#endif
