/*
 * roi_buf.c - growable byte string.
 */
#include "roi_buf.h"

#include "roi_fields.h"

#include <stdlib.h>
#include <string.h>

void roi_buf_init(roi_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

static bool reserve(roi_buf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *data = realloc(b->data, cap);
    if (!data) {
        b->failed = true;
        return false;
    }
    b->data = data;
    b->cap = cap;
    return true;
}

void roi_buf_append(roi_buf *b, const char *s, size_t n)
{
    if (!reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void roi_buf_puts(roi_buf *b, const char *s)
{
    roi_buf_append(b, s, strlen(s));
}

void roi_buf_putc(roi_buf *b, char c)
{
    roi_buf_append(b, &c, 1);
}

void roi_buf_number(roi_buf *b, double value)
{
    char text[32];
    int n = roi_format_number(value, text);
    roi_buf_append(b, text, (size_t)n);
}

void roi_buf_json_string(roi_buf *b, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    roi_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        const char *esc = NULL;
        switch (*p) {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        default: break;
        }
        if (esc) {
            roi_buf_puts(b, esc);
        } else if (*p < 0x20 || *p == 0x7f) {
            char u[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
            roi_buf_append(b, u, sizeof u);
        } else {
            roi_buf_putc(b, (char)*p);
        }
    }
    roi_buf_putc(b, '"');
}

char *roi_buf_finish(roi_buf *b)
{
    char *out = NULL;
    if (!b->failed && reserve(b, 0))
        out = b->data;
    else
        free(b->data);
    roi_buf_init(b);
    return out;
}

void roi_buf_free(roi_buf *b)
{
    free(b->data);
    roi_buf_init(b);
}

void roi_free(void *p)
{
    free(p);
}
