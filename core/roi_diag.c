/*
 * roi_diag.c - list of field problems.
 */
#include "roi_diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void roi_diags_init(roi_diags *d)
{
    d->items = NULL;
    d->count = d->cap = d->dropped = 0;
    d->failed = false;
}

void roi_diags_add(roi_diags *d, const char *field, const char *fmt, ...)
{
    if (d->count >= ROI_DIAG_MAX) {
        d->dropped++;
        return;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        roi_diag *items = realloc(d->items, cap * sizeof *items);
        if (!items) {
            d->failed = true;
            d->dropped++;
            return;
        }
        d->items = items;
        d->cap = cap;
    }
    roi_diag *item = &d->items[d->count++];
    snprintf(item->field, sizeof item->field, "%s", field);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(item->message, sizeof item->message, fmt, ap);
    va_end(ap);
}

size_t roi_diags_total(const roi_diags *d)
{
    return d->count + d->dropped;
}

void roi_diags_free(roi_diags *d)
{
    free(d->items);
    roi_diags_init(d);
}
