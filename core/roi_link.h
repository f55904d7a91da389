/*
 * roi_link.h - a scenario as the fragment of a shareable link.
 *
 * key=value pairs joined by '&'; only what differs from its default is
 * written; numbers are plain decimals (optional '-', digits, optional '.' and
 * digits, optional e/E, optional '-' and digits), written in shortest
 * round-trip form; text is percent-encoded UTF-8 with '+' for a space.  "v"
 * is the format version; the README lists every key of both versions.
 *
 * Version 2 (what the encoder writes since issue 12):
 *   v=2&n=Campagne+RDV&e=3&b=4&q=50&w=0.25&d=6000&g=0.4&pm=120&c=Emailing&e=1&q=2000
 * short keys (1-2 characters), choices as their index (e=3: meetings), fixed
 * costs "f=<amount>:<label>", ranges "r.<key>=<low>:<high>"; "c=<name>"
 * starts the next channel, which starts from the row before it (the
 * scenario for the first; not its name, fixed costs or scenario-only fields)
 * and lists only what differs.  Every version-1 key and choice name is read
 * too.
 *
 * Version 1 (the encoder until issue 12; a link without v is version 1):
 *   v=1&n=Campagne+RDV&entry=meetings&vol=50&close=0.25&deal=6000&margin=0.4
 * the keys of roi_fields.c, channels as "c<i>." prefixes (c0.n=Emailing),
 * fixed costs "fix=<amount>:<label>", ranges "r.<key>=<low>:<high>".  Old
 * links decode exactly as they always did (tests/fixtures/links/).
 *
 * A link naming another version is refused, not misread.
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

/* Encodes a scenario (one that roi_scenario_check accepts) as a version-2
 * fragment, without the leading '#', into *out (the caller frees it with
 * roi_free).  Every link it writes opens: '#' + fragment is at most
 * ROI_LINK_MAX bytes.  Returns ROI_OK with *out set; ROI_ETOOBIG with *out
 * NULL and, when errors is not NULL, a link_too_long error ({"bytes": length
 * of '#' + fragment, "max": ROI_LINK_MAX}) for a scenario whose link would be
 * longer (long names and labels in many channels); ROI_ENOMEM with *out NULL. */
roi_status roi_link_encode(const roi_scenario *s, char **out, roi_diags *errors);

/* Decodes a fragment.  text may be a whole URL (only what follows '#' is
 * read) or the fragment with or without '#'.  The "v" pairs are read first
 * and choose the decoder: version 1 (also a link with no v) or 2.  Tolerant
 * within a version: a bad pair is dropped with a coded warning naming it,
 * every good one is kept, and the scenario always passes roi_scenario_check.
 * Returns, with *out NULL and the error in errors: ROI_ETOOBIG
 * (link_too_long) for input over ROI_LINK_MAX bytes, the whole text counted;
 * ROI_EINVALID (link_version, field "version", "supported": ROI_LINK_VERSION)
 * for a v other than 1 or 2, or two v that differ.  ROI_ENOMEM, or ROI_OK
 * with *out set. */
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
