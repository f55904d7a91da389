/*
 * fuzz_link.c - the link decoder, on any bytes.
 *
 * Properties: an input over ROI_LINK_MAX bytes is refused with link_too_long;
 * a version other than 1 is refused; anything else decodes (tolerantly) to a
 * scenario that passes roi_scenario_check and survives the link and JSON
 * round trips (fuzz_common.h); the JSON face answers strict JSON with finite
 * numbers, "ok" as the decoder's status said.
 */
#include "fuzz_common.h"

#include "roi_json.h"
#include "roi_link.h"

#include <string.h>

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
    if (st == ROI_OK) {
        FUZZ_CHECK(s != NULL && errors.count == 0, "ROI_OK without a scenario, or with errors");
        fuzz_link_round_trip(s);
        fuzz_json_round_trip(s);
    } else {
        FUZZ_CHECK(st != ROI_ENOMEM, "out of memory");
        FUZZ_CHECK(s == NULL && errors.count > 0, "refused (status %d) without an error", (int)st);
    }

    bool valid = false;
    char *answer = roi_link_decode_json(text, size, &valid);
    cJSON *doc = fuzz_strict_json(answer);
    FUZZ_CHECK(fuzz_json_ok(doc) == valid && valid == (st == ROI_OK),
               "the JSON face disagrees with the decoder (status %d):\n%s", (int)st, answer);
    fuzz_check_ok_shape(doc);
    if (valid) {
        /* Its scenario is the canonical document of the decoded one. */
        const cJSON *got = cJSON_GetObjectItemCaseSensitive(doc, "scenario");
        char *expected = roi_scenario_to_json(s, 0);
        cJSON *want = cJSON_Parse(expected);
        FUZZ_CHECK(want && cJSON_Compare(got, want, true),
                   "the JSON face's scenario differs from the decoded one:\n%s\n%s", answer,
                   expected);
        cJSON_Delete(want);
        roi_free(expected);
    }
    cJSON_Delete(doc);
    roi_free(answer);

    roi_scenario_free(s);
    roi_diags_free(&warnings);
    roi_diags_free(&errors);
    return 0;
}
