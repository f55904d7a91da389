/*
 * fuzz_common.h - the properties the harnesses of fuzz/ share.
 *
 * A broken property is reported on standard error and abort()s, which
 * libFuzzer records as a crash (with the input that caused it) like any
 * sanitizer report.
 */
#ifndef ROI_FUZZ_COMMON_H
#define ROI_FUZZ_COMMON_H

#include "roi_calc.h"

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* libFuzzer's entry point (no header declares it). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* abort()s with the message when cond is false. */
#define FUZZ_CHECK(cond, ...) \
    ((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__))
void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...);

/* text (NUL-terminated) is one strict JSON document (RFC 8259) written as
 * the core writes: valid UTF-8, no raw control character in a string, every
 * number in the grammar of RFC 8259 and finite, nothing after the value but
 * white space.  Returns the parsed tree (the caller deletes it); abort()s
 * otherwise. */
cJSON *fuzz_strict_json(const char *text);

/* The same checks without building a tree (a grammar walk; no allocation):
 * for the link harness, which only needs to know the answer is strict. */
void fuzz_strict_json_text(const char *text);

/* The boolean "ok" of a document, which must be there. */
bool fuzz_json_ok(const cJSON *doc);

/* A document with "ok": false has a non-empty "errors" list; with "ok": true
 * it has no "errors" member. */
void fuzz_check_ok_shape(const cJSON *doc);

/* An accepted scenario passes roi_scenario_check. */
void fuzz_check_scenario(const roi_scenario *s);

/* The same, then the scenario's canonical document (compact; the caller frees
 * it with roi_free). */
char *fuzz_canonical(const roi_scenario *s);

/* The link round trip of an accepted scenario s whose canonical document is
 * json: encode, decode (ROI_OK, no warning), the same canonical document,
 * encode again: the same bytes; or a refusal with link_too_long when '#' and
 * the fragment would pass ROI_LINK_MAX. */
void fuzz_link_round_trip(const roi_scenario *s, const char *json);

/* The JSON round trip of a canonical document: read back, accepted with no
 * unknown key, it writes the same canonical document.  Warnings about the
 * scenario itself (a channel in another currency) may come back: they are
 * advice, nothing was lost. */
void fuzz_json_round_trip(const char *json);

#endif
