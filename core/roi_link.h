/*
 * roi_link.h - a scenario as the fragment of a shareable link.
 *
 * Format (version 1): key=value pairs joined by '&', e.g.
 *   v=1&n=Campagne+RDV&entry=meetings&vol=50&close=0.25&deal=6000&margin=0.4
 * Keys are the short names of roi_fields.c; only fields that differ from their
 * default are written; numbers in shortest round-trip form; text is
 * percent-encoded UTF-8 with '+' for a space.  Channels use a "c<i>." prefix
 * (c0.n=Emailing&c0.vol=2000), fixed costs repeat "fix=<amount>:<label>",
 * ranges are "r.<key>=<low>:<high>".  The README lists every key.
 *
 * Ownership: returned strings and scenarios belong to the caller (roi_free,
 * roi_scenario_free).
 */
#ifndef ROI_LINK_H
#define ROI_LINK_H

#include "roi_calc.h"
#include "roi_diag.h"

#define ROI_LINK_VERSION 1
#define ROI_LINK_MAX 8192 /* bytes of a link accepted by the decoder */

/* Encodes a scenario (one that roi_scenario_check accepts) as a fragment,
 * without the leading '#'.  NULL when out of memory. */
char *roi_link_encode(const roi_scenario *s);

/* Decodes a fragment.  text may be a whole URL (only what follows '#' is
 * read) or the fragment with or without '#'.  Tolerant: a bad pair is dropped
 * with a warning naming it, every good one is kept, and the scenario always
 * passes roi_scenario_check.  Returns ROI_ETOOBIG (error in errors, *out NULL)
 * for input over ROI_LINK_MAX bytes, ROI_ENOMEM, or ROI_OK with *out set. */
roi_status roi_link_decode(const char *text, size_t len, roi_scenario **out,
                           roi_diags *warnings, roi_diags *errors);

/* JSON faces for the CLI and the wasm shim.
 * encode: scenario JSON in; {"ok":true,"link":"...","warnings":[...]} or the
 * error document out.  decode: link text in; {"ok":true,"scenario":{...},
 * "warnings":[...]} or {"ok":false,"errors":[...]} out.  *valid tells which.
 * NULL only when out of memory. */
char *roi_link_encode_json(const char *json, size_t len, bool *valid);
char *roi_link_decode_json(const char *link, size_t len, bool *valid);

#endif
