/*
 * roi_diag.h - the list of problems found in a document: each names the field
 * path it is about ("channels[1].value.margin_rate") and says what is wrong.
 */
#ifndef ROI_DIAG_H
#define ROI_DIAG_H

#include <stdbool.h>
#include <stddef.h>

#define ROI_DIAG_FIELD_SIZE 128
#define ROI_DIAG_MESSAGE_SIZE 256
/* Past this many, one closing entry counts the rest: a hostile 1 MiB document
 * full of unknown keys must not produce a megabyte of warnings. */
#define ROI_DIAG_MAX 100

typedef struct {
    char field[ROI_DIAG_FIELD_SIZE];
    char message[ROI_DIAG_MESSAGE_SIZE];
} roi_diag;

typedef struct {
    roi_diag *items;
    size_t count, cap;
    size_t dropped;   /* problems past ROI_DIAG_MAX, counted but not stored */
    bool failed;      /* an allocation failed: the list is incomplete */
} roi_diags;

void roi_diags_init(roi_diags *d);
/* Adds a problem; field and message are copied (and cut to fit). */
void roi_diags_add(roi_diags *d, const char *field, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* Problems found, stored or not. */
size_t roi_diags_total(const roi_diags *d);
void roi_diags_free(roi_diags *d);

#endif
