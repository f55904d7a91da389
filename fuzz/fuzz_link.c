/*
 * fuzz_link.c - the link decoder, on any bytes.
 *
 * Properties: an input over ROI_LINK_MAX bytes is refused with link_too_long;
 * a refusal (another version) comes with its error and no scenario; anything
 * else decodes (tolerantly) to a scenario that passes roi_scenario_check and
 * survives the link round trip (fuzz_common.h: encode, decode, the same
 * canonical document, encode again, the same bytes; the encoder writes
 * version 2, so a version-1 link's scenario crosses versions).  The JSON answer
 * (roi_scenario_answer_json, all that roi_link_decode_json adds to the
 * decoder: what `roi link decode` and decodeLink print) is strict JSON with
 * finite numbers, "ok" as the decoder's status said, the decoded scenario's
 * canonical document and as many warnings or errors as the decoder gave.
 *
 * The JSON round trip of the canonical document is fuzz_eval's: here it would
 * take a third of each run.
 */
#include "fuzz_common.h"

#include "roi_json.h"
#include "roi_link.h"

#include <string.h>

static const char OK_HEAD[] = "{\"ok\":true,\"scenario\":";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    roi_diags warnings, errors;
    roi_scenario *s = NULL;
    char *json = NULL;
    roi_diags_init(&warnings);
    roi_diags_init(&errors);

    roi_status st = roi_link_decode(text, size, &s, &warnings, &errors);
    if (size > ROI_LINK_MAX)
        FUZZ_CHECK(st == ROI_ETOOBIG, "%zu bytes not refused (status %d)", size, (int)st);
    if (st == ROI_OK) {
        FUZZ_CHECK(s != NULL && errors.count == 0, "ROI_OK without a scenario, or with errors");
        json = fuzz_canonical(s);
        fuzz_link_round_trip(s, json);
    } else {
        FUZZ_CHECK(st != ROI_ENOMEM, "out of memory");
        FUZZ_CHECK(s == NULL && errors.count > 0, "refused (status %d) without an error", (int)st);
    }

    bool valid = false;
    char *answer = roi_scenario_answer_json(st, s, &errors, &warnings, 0, &valid);
    cJSON *doc = fuzz_strict_json(answer);
    FUZZ_CHECK(fuzz_json_ok(doc) == valid && valid == (st == ROI_OK),
               "the JSON answer disagrees with the decoder (status %d):\n%s", (int)st, answer);
    fuzz_check_ok_shape(doc);
    const roi_diags *listed = valid ? &warnings : &errors;
    int expected = (int)(listed->count + (listed->dropped ? 1 : 0));
    int got = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, valid ? "warnings" : "errors"));
    FUZZ_CHECK(got == expected, "the JSON answer lists %d problems, the decoder %d:\n%s", got,
               expected, answer);
    if (valid) {
        size_t head = sizeof OK_HEAD - 1, n = strlen(json);
        FUZZ_CHECK(strncmp(answer, OK_HEAD, head) == 0 && strncmp(answer + head, json, n) == 0 &&
                       strncmp(answer + head + n, ",\"warnings\":", 12) == 0,
                   "the JSON answer's scenario is not the decoded one's:\n%s\n%s", answer, json);
    }
    cJSON_Delete(doc);
    roi_free(answer);

    roi_free(json);
    roi_scenario_free(s);
    roi_diags_free(&warnings);
    roi_diags_free(&errors);
    return 0;
}
