/*
 * fuzz_sim.c - the Monte Carlo simulation from JSON text (roi_simulate_json,
 * what `roi simulate` and simulateText run).
 *
 * Input: a first line "<samples> <seed>" (read with strtod, so anything goes:
 * fractions, negatives, 1e300, nan), then the scenario document.  Without a
 * newline in the first 64 bytes the whole input is the document, with 16
 * samples and seed 1.  A sample count the core accepts (1 .. 1 000 000) is
 * brought down to 1 .. FUZZ_SIM_MAX_SAMPLES to keep each run fast; anything
 * else goes through as it is, to the core's own check.
 *
 * Properties: strict JSON with finite numbers; "ok" as *valid says; the same
 * bytes from a second run; for a valid answer, the sample count and seed
 * asked, histogram counts summing to the samples, 31 strictly increasing
 * edges, p_loss in [0, 1], p10 <= p50 <= p90 for roi and net, the net's
 * percentiles and mean inside the histogram's span, each channel's too.
 */
#include "fuzz_common.h"

#include "roi_json.h"
#include "roi_sim.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_SIM_MAX_SAMPLES 64

static double number(const cJSON *obj, const char *key)
{
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
    FUZZ_CHECK(cJSON_IsNumber(item) || cJSON_IsNull(item), "%s is neither a number nor null", key);
    return cJSON_IsNumber(item) ? item->valuedouble : NAN;
}

/* p10 <= p50 <= p90; the percentiles and the mean between the histogram's
 * first and last edges when lo/hi are given (not NaN), with room for rounding
 * (the last edge is computed as lo + (hi - lo), the mean as a sum over n). */
static void check_stats(const cJSON *outcome, const char *key, double lo, double hi)
{
    const cJSON *st = cJSON_GetObjectItemCaseSensitive(outcome, key);
    FUZZ_CHECK(cJSON_IsObject(st), "no %s statistics", key);
    double p10 = number(st, "p10"), p50 = number(st, "p50"), p90 = number(st, "p90"),
           mean = number(st, "mean");
    if (isnan(p10)) {
        FUZZ_CHECK(isnan(p50) && isnan(p90) && isnan(mean), "%s: partly null statistics", key);
        return;
    }
    FUZZ_CHECK(p10 <= p50 && p50 <= p90, "%s: p10 %.17g p50 %.17g p90 %.17g", key, p10, p50, p90);
    if (!isnan(lo)) {
        double slack = 1e-9 * fmax(1.0, fmax(fabs(lo), fabs(hi)));
        FUZZ_CHECK(p10 >= lo - slack && p90 <= hi + slack,
                   "%s: percentiles outside [%.17g, %.17g]", key, lo, hi);
        FUZZ_CHECK(mean >= lo - slack && mean <= hi + slack,
                   "%s: mean %.17g outside [%.17g, %.17g]", key, mean, lo, hi);
    }
}

static void check_outcome(const cJSON *outcome, double lo, double hi)
{
    double p_loss = number(outcome, "p_loss");
    FUZZ_CHECK(p_loss >= 0 && p_loss <= 1, "p_loss %.17g", p_loss);
    check_stats(outcome, "roi", NAN, NAN);
    check_stats(outcome, "net", lo, hi);
}

static void check_answer(const cJSON *doc, double samples, double seed)
{
    FUZZ_CHECK(number(doc, "samples") == samples, "samples %g, asked %g", number(doc, "samples"),
               samples);
    FUZZ_CHECK(number(doc, "seed") == seed, "seed %.17g, asked %.17g", number(doc, "seed"), seed);

    const cJSON *hist = cJSON_GetObjectItemCaseSensitive(doc, "histogram");
    const cJSON *edges = cJSON_GetObjectItemCaseSensitive(hist, "edges");
    const cJSON *counts = cJSON_GetObjectItemCaseSensitive(hist, "counts");
    FUZZ_CHECK(cJSON_GetArraySize(edges) == ROI_SIM_BINS + 1 &&
                   cJSON_GetArraySize(counts) == ROI_SIM_BINS,
               "histogram of %d edges and %d counts", cJSON_GetArraySize(edges),
               cJSON_GetArraySize(counts));
    double previous = -INFINITY, total = 0;
    const cJSON *e;
    cJSON_ArrayForEach(e, edges) {
        FUZZ_CHECK(cJSON_IsNumber(e) && e->valuedouble > previous, "edges not increasing");
        previous = e->valuedouble;
    }
    cJSON_ArrayForEach(e, counts) {
        FUZZ_CHECK(cJSON_IsNumber(e) && e->valuedouble >= 0 && e->valuedouble == floor(e->valuedouble),
                   "a count is not a whole number");
        total += e->valuedouble;
    }
    FUZZ_CHECK(total == samples, "histogram counts %g samples of %g", total, samples);

    double lo = cJSON_GetArrayItem(edges, 0)->valuedouble;
    double hi = cJSON_GetArrayItem(edges, ROI_SIM_BINS)->valuedouble;
    check_outcome(doc, lo, hi);
    const cJSON *channel;
    cJSON_ArrayForEach(channel, cJSON_GetObjectItemCaseSensitive(doc, "channels"))
        check_outcome(channel, NAN, NAN);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    double samples = 16, seed = 1;
    const char *nl = memchr(text, '\n', size < 64 ? size : 64);
    if (nl) {
        char head[65];
        size_t n = (size_t)(nl - text);
        memcpy(head, text, n);
        head[n] = 0;
        char *end;
        samples = strtod(head, &end);
        seed = strtod(end, NULL);
        if (samples >= 1 && samples <= ROI_SIM_MAX_SAMPLES && samples == floor(samples))
            samples = 1 + fmod(samples - 1, FUZZ_SIM_MAX_SAMPLES);
        size -= n + 1;
        text = nl + 1;
    }

    bool valid = false;
    char *answer = roi_simulate_json(text, size, samples, seed, 0, &valid);
    cJSON *doc = fuzz_strict_json(answer);
    FUZZ_CHECK(fuzz_json_ok(doc) == valid, "\"ok\" is not what *valid says:\n%s", answer);
    fuzz_check_ok_shape(doc);
    if (valid)
        check_answer(doc, samples, seed);

    bool again_valid = false;
    char *again = roi_simulate_json(text, size, samples, seed, 0, &again_valid);
    FUZZ_CHECK(again && again_valid == valid && strcmp(answer, again) == 0,
               "a second run gave other bytes:\n%s\n%s", answer, again ? again : "(null)");

    roi_free(again);
    cJSON_Delete(doc);
    roi_free(answer);
    return 0;
}
