/*
 * roi_json.h - the scenario and result documents as JSON (METHODOLOGY 2 and 4).
 *
 * Ownership: every function that returns a pointer hands it to the caller;
 * free strings with roi_free() and scenarios with roi_scenario_free().
 */
#ifndef ROI_JSON_H
#define ROI_JSON_H

#include "roi_buf.h"
#include "roi_calc.h"
#include "roi_diag.h"
#include "roi_sim.h"

#define ROI_MAX_INPUT (1024 * 1024) /* bytes of a scenario document */
#define ROI_MAX_DEPTH 32            /* nesting of arrays and objects */

/* Output options: 0 for compact JSON, ROI_JSON_PRETTY for two-space indents. */
#define ROI_JSON_PRETTY 1

/* A zeroed scenario with the defaults set; NULL when out of memory. */
roi_scenario *roi_scenario_new(void);
void roi_scenario_free(roi_scenario *s);

/* Reads and validates a scenario document of len bytes (need not be
 * NUL-terminated).  Every problem goes to errors (field path, code, params
 * and message: docs/ERRORS.md) and every unknown key to warnings.  A string
 * holding a NUL character (\u0000) is refused: C text would end there.  Returns ROI_OK and a new scenario in *out
 * when there is no error; otherwise *out is NULL and errors says why. */
roi_status roi_scenario_parse(const char *text, size_t len, roi_scenario **out,
                              roi_diags *errors, roi_diags *warnings);

/* Checks a scenario struct against every rule of section 2 that a struct can
 * break (value ranges, text lengths, model needs, uncertainty bounds), adding
 * one error per problem.  Returns the number of errors added. */
size_t roi_scenario_check(const roi_scenario *s, roi_diags *errors);

/* Writes the scenario back as a canonical document (every field, defaults
 * included).  NULL when out of memory. */
char *roi_scenario_to_json(const roi_scenario *s, int options);

/* Writes the result document of a scenario roi_evaluate() accepted. */
char *roi_result_to_json(const roi_scenario *s, const roi_result *r,
                         const roi_diags *warnings, int options);

/* Writes { "ok": false, "errors": [...], "warnings": [...] }. */
char *roi_errors_to_json(const roi_diags *errors, const roi_diags *warnings,
                         int options);

/* The answer of a scenario just read (parsed or decoded from a link) with
 * status st: {"ok": true, "scenario": <the canonical document>, "warnings":
 * [...]} when st is ROI_OK (*valid true), the error document otherwise; NULL
 * when out of memory.  Shared by roi_canonical_json and the link decoder's
 * JSON face. */
char *roi_scenario_answer_json(roi_status st, const roi_scenario *s,
                               const roi_diags *errors, const roi_diags *warnings,
                               int options, bool *valid);

/* Scenario text in, its canonical document out (every field, defaults
 * included, unknown keys dropped with a warning): the answer above, or the
 * error document when the scenario is invalid (*valid false).  Unlike a
 * link's round trip it works for a scenario of any size.  NULL only when out
 * of memory. */
char *roi_canonical_json(const char *text, size_t len, int options, bool *valid);

/* The whole job: scenario text in, result document out.  *valid is set to
 * true when the scenario was valid (the document has "ok": true).  Returns
 * NULL only when out of memory. */
char *roi_eval_json(const char *text, size_t len, int options, bool *valid);

/* Writes the simulation document (ok, samples, seed, fields, p_loss, roi and
 * net percentiles, histogram of net, channels) of a roi_simulate() result. */
char *roi_sim_to_json(const roi_scenario *s, const roi_sim_result *r,
                      const roi_diags *warnings, int options);

/* Scenario text in, simulation document out: samples (a whole number,
 * 1 .. 1 000 000) and seed (a whole number, 0 .. 2^53 - 1) are checked with
 * the scenario, every problem reported at once.  Returns NULL only when out
 * of memory; *valid as for roi_eval_json. */
char *roi_simulate_json(const char *text, size_t len, double samples, double seed,
                        int options, bool *valid);

/* The field list of the scenario document (roi fields, fields() in roi.js):
 * {"version": 1, "fields": [...]}, one entry per field in canonical document
 * order, generated from the tables of roi_fields.h and the defaults of
 * roi_scenario_default(), so that no interface writes a default, a bound or an
 * enum name again.  Every entry has path, kind (rate, money, count, months,
 * hours, multiple, goal, text, enum, list), key (short link key; "c<i>." is
 * the prefix of channel i's keys), unit (null for text, enum and list), scope
 * ("campaign": also inside a channel; "scenario": top level only), default and
 * nullable (true when null is a value of its own; default_from then names
 * the field null stands for).  Numbers add min, max, min_exclusive and whole;
 * enums add values; texts add max_chars (and pattern); lists add min_items,
 * max_items and item (the description of one value; a channel's item holds
 * every field of scope "campaign").  uncertainty.ranges.<field> names the key
 * <field> inside the ranges object.  Amounts are in the scenario's currency,
 * rates are fractions.  The caller frees the text with roi_free(); NULL when
 * out of memory.  options: 0 or ROI_JSON_PRETTY. */
char *roi_fields_json(int options);

#endif
