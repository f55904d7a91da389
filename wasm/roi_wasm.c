/*
 * roi_wasm.c - the WebAssembly face of the core: JSON text in, JSON text out.
 *
 * Every function returns a string allocated in the module's heap; the caller
 * (wasm/roi.js) copies it out and hands it back to roi_wasm_free().  This is
 * the only file that includes emscripten.h.  Built twice: the full engine,
 * and with ROI_WASM_LITE the widget's (evaluation and links only).
 */
#include <emscripten.h>

#include "roi_json.h"
#include "roi_link.h"
#include "roi_num.h"
#include "roi_qr.h"

#include <string.h>

/* ---- numbers: the host's exact conversions (roi_num.h) ----
 * wasm/roi_host.js implements these two with JavaScript's exactly rounded
 * conversions, so the module carries neither musl's strtod nor its printf. */
extern double roi_host_parse(const char *text, int *used);
extern int roi_host_format_g(double value, int digits, char *buf);

double roi_num_parse(const char *text, char **end)
{
    int used = 0;
    double v = roi_host_parse(text, &used);
    if (end)
        *end = (char *)text + used;
    return v;
}

int roi_num_format_g(double value, int digits, char *buf)
{
    return roi_host_format_g(value, digits, buf);
}

/* Evaluates a scenario document of len bytes; returns the result document
 * ({"ok": true, ...} or {"ok": false, "errors": ...}), NULL when out of memory. */
EMSCRIPTEN_KEEPALIVE char *roi_wasm_evaluate(const char *json, size_t len)
{
    bool valid;
    return roi_eval_json(json, len, 0, &valid);
}

EMSCRIPTEN_KEEPALIVE void roi_wasm_free(char *p)
{
    roi_free(p);
}

/* The library version; static storage, not to be freed. */
EMSCRIPTEN_KEEPALIVE const char *roi_wasm_version(void)
{
    return ROI_VERSION;
}

/* Encodes a scenario document as a link fragment:
 * {"ok":true,"link":"v=1&...","warnings":[...]} or the error document (the
 * scenario's errors, or link_too_long when '#' + link would pass 8 KiB). */
EMSCRIPTEN_KEEPALIVE char *roi_wasm_link_encode(const char *json, size_t len)
{
    bool valid;
    return roi_link_encode_json(json, len, &valid);
}

/* Decodes a link fragment (or URL): {"ok":true,"scenario":{...},
 * "warnings":[...]} or {"ok":false,"errors":[...]} for a refused link. */
EMSCRIPTEN_KEEPALIVE char *roi_wasm_link_decode(const char *link, size_t len)
{
    bool valid;
    return roi_link_decode_json(link, len, &valid);
}

#ifndef ROI_WASM_LITE /* the full engine only: the widget's lite one stops here */

/* Monte Carlo simulation of a scenario document: samples and seed are
 * doubles so that JavaScript numbers pass unchanged and the core checks them
 * (whole, in range) with the scenario.  Returns the simulation document or
 * the error document; NULL when out of memory. */
EMSCRIPTEN_KEEPALIVE char *roi_wasm_simulate(const char *json, size_t len,
                                             double samples, double seed)
{
    bool valid;
    return roi_simulate_json(json, len, samples, seed, 0, &valid);
}

/* SVG of the QR code of a link (len bytes of UTF-8): numbers only, safe to
 * show as an image.  NULL when the text is over roi_wasm_qr_max() bytes or
 * out of memory (roi.js tells the two apart by the length). */
EMSCRIPTEN_KEEPALIVE char *roi_wasm_qr_svg(const char *text, size_t len)
{
    return roi_qr_svg(text, len);
}

/* Bytes of the longest text a QR code holds (version 40, level L). */
EMSCRIPTEN_KEEPALIVE int roi_wasm_qr_max(void)
{
    return ROI_QR_MAX_BYTES;
}

/* ---- fields ---- */

/* The canonical document of a scenario of len bytes (roi_canonical_json):
 * {"ok":true,"scenario":{...},"warnings":[...]} or the error document. */
EMSCRIPTEN_KEEPALIVE char *roi_wasm_canonical(const char *json, size_t len)
{
    bool valid;
    return roi_canonical_json(json, len, 0, &valid);
}

/* The field list of the scenario document (roi_fields_json): compact JSON,
 * byte-identical to `roi fields` without its final line break.  Caller frees
 * it with roi_wasm_free(); NULL when out of memory. */
EMSCRIPTEN_KEEPALIVE char *roi_wasm_fields(void)
{
    return roi_fields_json(0);
}

/* The table of error and warning codes as JSON: [{"code", "params": [...],
 * "message"}...] (docs/ERRORS.md), to translate errors from code and params.
 * Free with roi_wasm_free(); NULL when out of memory. */
EMSCRIPTEN_KEEPALIVE char *roi_wasm_codes(void)
{
    return roi_code_table_json();
}

#endif /* ROI_WASM_LITE */
