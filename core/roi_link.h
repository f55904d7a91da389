/*
 * roi_link.h - a scenario as the fragment of a shareable link.
 *
 * Format (version 1): key=value pairs joined by '&', e.g.
 *   v=1&n=Campagne+RDV&entry=meetings&vol=50&close=0.25&deal=6000&margin=0.4
 * Keys are the short names of roi_fields.c; only fields that differ from their
 * default are written; numbers are plain decimals (optional '-', digits,
 * optional '.' and digits, optional e/E, optional '-' and digits), written in
 * shortest round-trip form; text is percent-encoded UTF-8 with '+' for a
 * space.  Channels use a "c<i>." prefix (c0.n=Emailing&c0.vol=2000), fixed
 * costs repeat "fix=<amount>:<label>", ranges are "r.<key>=<low>:<high>".
 * "v" is the format version: a link without it is version 1; a link naming
 * another version is refused, not misread.  The README lists every key.
 *
 * Ownership: returned strings and scenarios belong to the caller (roi_free,
 * roi_scenario_free).
 */
#ifndef ROI_LINK_H
#define ROI_LINK_H

#include "roi_calc.h"
#include "roi_diag.h"

#define ROI_LINK_VERSION 2 /* the version the encoder writes; the decoder reads 1 and 2 */
#define ROI_LINK_MAX 8192 /* bytes of a link, as given to the decoder */

/* Encodes a scenario (one that roi_scenario_check accepts) as a fragment,
 * without the leading '#', into *out (the caller frees it with roi_free).
 * Every link it writes opens: '#' + fragment is at most ROI_LINK_MAX bytes.
 * Returns ROI_OK with *out set; ROI_ETOOBIG with *out NULL and, when errors
 * is not NULL, a link_too_long error ({"bytes": length of '#' + fragment,
 * "max": ROI_LINK_MAX}) for a scenario whose link would be longer (long
 * names and labels in many channels); ROI_ENOMEM with *out NULL. */
roi_status roi_link_encode(const roi_scenario *s, char **out, roi_diags *errors);

/* Decodes a fragment.  text may be a whole URL (only what follows '#' is
 * read) or the fragment with or without '#'.  The "v" pairs are read first
 * and choose the decoder; there is one, for version 1 (also a link with no
 * v).  Tolerant within a version: a bad pair is dropped with a coded warning
 * naming it, every good one is kept, and the scenario always passes
 * roi_scenario_check.  Returns, with *out NULL and the error in errors:
 * ROI_ETOOBIG (link_too_long) for input over ROI_LINK_MAX bytes, the whole
 * text counted; ROI_EINVALID (link_version, field "version") for a v other
 * than 1.  ROI_ENOMEM, or ROI_OK with *out set. */
roi_status roi_link_decode(const char *text, size_t len, roi_scenario **out,
                           roi_diags *warnings, roi_diags *errors);

/* JSON faces for the CLI and the wasm shim.
 * encode: scenario JSON in; {"ok":true,"link":"...","warnings":[...]} or the
 * error document out (the scenario's errors, or link_too_long).  decode: link text in; {"ok":true,"scenario":{...},
 * "warnings":[...]} or {"ok":false,"errors":[...]} out.  *valid tells which.
 * NULL only when out of memory. */
char *roi_link_encode_json(const char *json, size_t len, bool *valid);
char *roi_link_decode_json(const char *link, size_t len, bool *valid);

#endif
