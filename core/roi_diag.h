/*
 * roi_diag.h - the list of problems found in a document: each names the field
 * path it is about ("channels[1].value.margin_rate"), a stable code from one
 * table ("range"), the parameters that code's message uses ({"min": 0,
 * "max": 1, "got": 2}) and the English message rendered from the code's
 * template.  Interfaces translate from code and params; none parses a message.
 */
#ifndef ROI_DIAG_H
#define ROI_DIAG_H

#include "roi_buf.h"

#include <stdbool.h>
#include <stddef.h>

#define ROI_DIAG_FIELD_SIZE 128
#define ROI_DIAG_MESSAGE_SIZE 256
#define ROI_DIAG_PARAMS 4        /* parameters of one problem, at most */
#define ROI_DIAG_TEXT_SIZE 128   /* bytes of a text parameter, NUL included: room
                                  * for a list of allowed names */
/* Past this many, one closing entry (code "more") counts the rest: a hostile
 * 1 MiB document full of unknown keys must not produce a megabyte of warnings. */
#define ROI_DIAG_MAX 100

/* Every code the core can emit.  The names, parameters and English templates
 * are in the table of roi_diag.c (roi_code_table); docs/ERRORS.md documents
 * each one, and a test checks that the two agree. */
typedef enum {
    ROI_CODE_MORE,          /* the closing "and N more not listed" entry */
    /* ---- documents (JSON layer) ---- */
    ROI_CODE_TOO_BIG,       /* bytes max */
    ROI_CODE_EMPTY,
    ROI_CODE_DEPTH,         /* max */
    ROI_CODE_JSON,          /* line column */
    ROI_CODE_TRAILING,      /* line column */
    ROI_CODE_NUL_CHAR,      /* line column */
    ROI_CODE_NOT_OBJECT,    /* got */
    ROI_CODE_INTERNAL,
    /* ---- scenario fields ---- */
    ROI_CODE_TYPE,          /* expected got */
    ROI_CODE_NOT_FINITE,
    ROI_CODE_RANGE,         /* min max got */
    ROI_CODE_RANGE_ABOVE,   /* min max got: min itself excluded */
    ROI_CODE_ENUM,          /* value allowed */
    ROI_CODE_NO_VALUE,
    ROI_CODE_TEXT,
    ROI_CODE_TOO_LONG,      /* max got */
    ROI_CODE_CURRENCY,      /* got */
    ROI_CODE_CURRENCY_DIFFERS, /* currency */
    ROI_CODE_VERSION,       /* got supported */
    ROI_CODE_TOO_MANY,      /* max got */
    ROI_CODE_UNKNOWN_KEY,
    ROI_CODE_NOT_ALLOWED,
    ROI_CODE_PAIR,
    ROI_CODE_RANGE_BOUNDS,  /* min max low high */
    ROI_CODE_RANGE_ORDER,   /* low high value */
    ROI_CODE_NEEDS_COUNT,   /* model unit entry stage */
    ROI_CODE_NEEDS_HELD,    /* entry */
    ROI_CODE_DUPLICATE,     /* value */
    ROI_CODE_SKIP_ORDER,    /* entry */
    ROI_CODE_SKIP_RATE,     /* stage */
    ROI_CODE_GOAL_STAGE,    /* stage */
    /* ---- link codec ---- */
    ROI_CODE_LINK_TOO_LONG,      /* bytes max */
    ROI_CODE_LINK_VERSION,       /* got supported */
    ROI_CODE_LINK_PAIR,          /* part */
    ROI_CODE_LINK_VALUE,         /* key */
    ROI_CODE_LINK_UNKNOWN_KEY,   /* key */
    ROI_CODE_LINK_NUMBER,        /* key */
    ROI_CODE_LINK_RANGE,         /* key min max */
    ROI_CODE_LINK_RANGE_ABOVE,   /* key min max */
    ROI_CODE_LINK_WHOLE,         /* key min max */
    ROI_CODE_LINK_TEXT,          /* key */
    ROI_CODE_LINK_TEXT_TOO_LONG, /* key max */
    ROI_CODE_LINK_CURRENCY,      /* key */
    ROI_CODE_LINK_ENUM,          /* key got allowed */
    ROI_CODE_LINK_CHANNEL,       /* key max */
    ROI_CODE_LINK_TOO_MANY,      /* key max */
    ROI_CODE_LINK_FIXED_AMOUNT,  /* key min max */
    ROI_CODE_LINK_FIXED_LABEL,   /* key max */
    ROI_CODE_LINK_RANGE_FIELD,   /* key */
    ROI_CODE_LINK_BOUNDS,        /* key */
    ROI_CODE_LINK_SKIP,          /* key allowed */
    ROI_CODE_LINK_RAMP,          /* key max */
    /* ---- simulation options ---- */
    ROI_CODE_WHOLE_RANGE,   /* min max got */
    ROI_CODE_COUNT
} roi_code;

/* One row of the code table. */
typedef struct {
    const char *name;     /* stable identifier, e.g. "range" */
    const char *params;   /* parameter names in order, space-separated: "min max got" */
    const char *message;  /* English template; "{min}" stands for parameter min */
} roi_code_info;

/* The code table, indexed by roi_code; *count receives ROI_CODE_COUNT.  Static:
 * the caller owns nothing. */
const roi_code_info *roi_code_table(size_t *count);

/* A parameter as given at the call site: text when text is not NULL,
 * otherwise number.  Build them with ROI_NUM and ROI_TXT. */
typedef struct {
    const char *name;
    const char *text;
    double number;
} roi_arg;

#define ROI_NUM(n, v) ((roi_arg){(n), NULL, (double)(v)})
#define ROI_TXT(n, s) ((roi_arg){(n), (s), 0.0})

/* A stored parameter: text is copied (cut on a character boundary, broken
 * UTF-8 and control characters shown as '?'). */
typedef struct {
    const char *name;     /* static: the name from the call site */
    bool is_text;
    double number;
    char text[ROI_DIAG_TEXT_SIZE];
} roi_param;

typedef struct {
    char field[ROI_DIAG_FIELD_SIZE];
    roi_code code;
    size_t param_count;
    roi_param params[ROI_DIAG_PARAMS];
    char message[ROI_DIAG_MESSAGE_SIZE];
} roi_diag;

typedef struct {
    roi_diag *items;
    size_t count, cap;
    size_t dropped;   /* problems past ROI_DIAG_MAX, counted but not stored */
    bool failed;      /* an allocation failed: the list is incomplete */
} roi_diags;

void roi_diags_init(roi_diags *d);

/* Adds a problem with a code and its parameters (nargs of them, in the order
 * of the code's table row, with the same names: checked by assert).  The
 * message is rendered from the code's template, parameters substituted
 * literally.  field and text parameters are copied. */
void roi_diags_emit(roi_diags *d, const char *field, roi_code code,
                    const roi_arg *args, size_t nargs);

/* roi_diags_emit with the arguments written inline:
 *   ROI_DIAG(errors, path, ROI_CODE_RANGE, ROI_NUM("min", 0), ROI_NUM("max", 1), ROI_NUM("got", v));
 * ROI_DIAG0 for a code without parameters. */
#define ROI_DIAG(d, field, code, ...)                                        \
    roi_diags_emit((d), (field), (code), (const roi_arg[]){__VA_ARGS__},     \
                   sizeof((const roi_arg[]){__VA_ARGS__}) / sizeof(roi_arg))
#define ROI_DIAG0(d, field, code) roi_diags_emit((d), (field), (code), NULL, 0)

/* Copies a problem (code, params, message) under another field path, e.g. a
 * scenario error reported as a link warning. */
void roi_diags_copy(roi_diags *d, const char *field, const roi_diag *from);

/* Problems found, stored or not. */
size_t roi_diags_total(const roi_diags *d);

/* Appends the list as a JSON array of {"field", "code", "params", "message"},
 * with the closing {"code": "more", "params": {"count": N}} entry when some
 * were dropped.  d may be NULL (an empty list). */
void roi_diags_to_json(roi_buf *b, const roi_diags *d);

void roi_diags_free(roi_diags *d);

/* The code table as JSON, for interfaces that translate:
 * [{"code": "range", "params": ["min", "max", "got"], "message": "must be
 * between {min} and {max} (got {got})"}, ...], in roi_code order.  The caller
 * frees it with roi_free(); NULL when out of memory. */
char *roi_code_table_json(void);

#endif
