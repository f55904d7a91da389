/*
 * fuzz_link.c - the link decoder, on any bytes.
 *
 * Properties: an input over ROI_LINK_MAX bytes is refused with link_too_long;
 * a refusal (another version, two that differ) comes with its error and no
 * scenario; anything else decodes (tolerantly) to a scenario that passes
 * roi_scenario_check and survives the link round trip (fuzz_common.h:
 * encode, decode, the same canonical document, encode again, the same bytes;
 * the encoder writes version 2, so a version-1 link's scenario crosses
 * versions).  The JSON answer (roi_scenario_answer_json, all that
 * roi_link_decode_json adds to the decoder: what `roi link decode` and
 * decodeLink print) is strict JSON with finite numbers, and exactly
 * {"ok":true,"scenario":<canonical document>,"warnings":<the decoder's>} or
 * {"ok":false,"errors":<the decoder's>,"warnings":<the decoder's>}; the
 * round trip compares against the canonical document the answer holds.
 *
 * The JSON round trip of the canonical document is fuzz_eval's, and the
 * answer is checked by a grammar walk rather than a cJSON tree: both would
 * take a third of each run here.
 */
#include "fuzz_common.h"

#include "roi_buf.h"
#include "roi_json.h"
#include "roi_link.h"

#include <string.h>

/* The diagnostics as the answer lists them (roi_diags_to_json). */
static char *listed(const roi_diags *d)
{
    roi_buf b;
    roi_buf_init(&b);
    roi_diags_to_json(&b, d);
    char *out = roi_buf_finish(&b);
    FUZZ_CHECK(out != NULL, "out of memory");
    return out;
}

/* True when text starts with prefix; *rest then points past it. */
static bool eat(const char **text, const char *prefix)
{
    size_t n = strlen(prefix);
    if (strncmp(*text, prefix, n) != 0)
        return false;
    *text += n;
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    roi_diags warnings, errors;
    roi_scenario *s = NULL;
    roi_diags_init(&warnings);
    roi_diags_init(&errors);

    roi_status st = roi_link_decode(text, size, &s, &warnings, &errors);
    if (size > ROI_LINK_MAX)
        FUZZ_CHECK(st == ROI_ETOOBIG, "%zu bytes not refused (status %d)", size, (int)st);
    FUZZ_CHECK(st != ROI_ENOMEM, "out of memory");
    if (st == ROI_OK)
        FUZZ_CHECK(s != NULL && errors.count == 0, "ROI_OK without a scenario, or with errors");
    else
        FUZZ_CHECK(s == NULL && errors.count > 0, "refused (status %d) without an error", (int)st);

    bool valid = false;
    char *answer = roi_scenario_answer_json(st, s, &errors, &warnings, 0, &valid);
    FUZZ_CHECK(answer != NULL && valid == (st == ROI_OK),
               "the JSON answer (valid: %d) disagrees with the decoder (status %d)", (int)valid,
               (int)st);
    fuzz_strict_json_text(answer);

    char *w = listed(&warnings);
    size_t n = strlen(answer), wn = strlen(w);
    const char *p = answer;
    if (valid) {
        /* {"ok":true,"scenario":X,"warnings":W} */
        static const char tail[] = ",\"warnings\":";
        size_t end = n - 1 - wn - (sizeof tail - 1);
        FUZZ_CHECK(n > wn + sizeof tail && eat(&p, "{\"ok\":true,\"scenario\":") &&
                       (size_t)(p - answer) < end && strncmp(answer + end, tail, sizeof tail - 1) == 0 &&
                       memcmp(answer + n - 1 - wn, w, wn) == 0 && answer[n - 1] == '}',
                   "the JSON answer is not {ok, scenario, the decoder's warnings}:\n%s\n%s", answer, w);
        answer[end] = '\0'; /* p: the canonical document the answer holds */
        fuzz_check_scenario(s);
        fuzz_link_round_trip(s, p);
    } else {
        /* {"ok":false,"errors":E,"warnings":W} */
        char *e = listed(&errors);
        FUZZ_CHECK(eat(&p, "{\"ok\":false,\"errors\":") && eat(&p, e) && eat(&p, ",\"warnings\":") &&
                       eat(&p, w) && strcmp(p, "}") == 0,
                   "the JSON answer is not {ok, the decoder's errors and warnings}:\n%s", answer);
        roi_free(e);
    }
    roi_free(w);
    roi_free(answer);

    roi_scenario_free(s);
    roi_diags_free(&warnings);
    roi_diags_free(&errors);
    return 0;
}
