/*
 * fuzz_eval.c - the scenario evaluation from JSON text (roi_eval_json, what
 * `roi eval` and evaluateText run), on any bytes.
 *
 * Properties: the answer is strict JSON with finite numbers; "ok" is what
 * *valid says, with errors exactly when not ok; a scenario the evaluation
 * accepts is accepted by roi_scenario_parse too, passes roi_scenario_check
 * and survives the link round trip and the JSON round trip of its canonical
 * document (fuzz_common.h).
 */
#include "fuzz_common.h"

#include "roi_buf.h"
#include "roi_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    bool valid = false;
    char *answer = roi_eval_json(text, size, 0, &valid);
    cJSON *doc = fuzz_strict_json(answer);
    FUZZ_CHECK(fuzz_json_ok(doc) == valid, "\"ok\" is not what *valid says:\n%s", answer);
    fuzz_check_ok_shape(doc);
    cJSON_Delete(doc);
    roi_free(answer);

    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    roi_status st = roi_scenario_parse(text, size, &s, &errors, &warnings);
    FUZZ_CHECK((st == ROI_OK) == valid, "roi_scenario_parse (status %d) and roi_eval_json disagree",
               (int)st);
    if (st == ROI_OK) {
        char *json = fuzz_canonical(s);
        fuzz_link_round_trip(s, json);
        fuzz_json_round_trip(json);
        roi_free(json);
    }
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return 0;
}
