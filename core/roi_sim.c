/*
 * roi_sim.c - Monte Carlo simulation; see roi_sim.h for the contract.
 */
#include "roi_sim.h"

#include <math.h>
#include <string.h>

/* ---- generator: splitmix64 to seed, xoshiro256** to draw ------------------ */

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

void roi_rng_seed(roi_rng *rng, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        rng->s[i] = splitmix64(&x);
}

static uint64_t xoshiro256ss(roi_rng *rng)
{
    uint64_t *s = rng->s;
    uint64_t result = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double roi_rng_uniform(roi_rng *rng)
{
    return (double)(xoshiro256ss(rng) >> 11) * 0x1.0p-53;
}

double roi_triangular(double low, double mode, double high, double u)
{
    double width = high - low;
    if (u * width < mode - low)
        return low + sqrt(u * width * (mode - low));
    return high - sqrt((1 - u) * width * (high - mode));
}

/* ---- statistics ----------------------------------------------------------- */

/* Quickselect with a three-way partition: puts the k-th smallest of a[lo..hi)
 * at a[k], smaller values before it and larger after, in expected linear
 * time, in place (many samples share a value under floor rounding, which the
 * three-way split handles without degrading). */
static void swap_d(double *a, size_t i, size_t j)
{
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
}

static void select_kth(double *a, size_t lo, size_t hi, size_t k)
{
    while (hi - lo > 1) {
        /* Median of three as the pivot: deterministic, no generator needed. */
        size_t mid = lo + (hi - lo) / 2;
        double x = a[lo], y = a[mid], z = a[hi - 1];
        double pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
        size_t lt = lo, i = lo, gt = hi; /* [lo,lt) < pivot, [lt,i) == pivot, [gt,hi) > pivot */
        while (i < gt) {
            if (a[i] < pivot)
                swap_d(a, lt++, i++);
            else if (a[i] > pivot)
                swap_d(a, i, --gt);
            else
                i++;
        }
        if (k < lt)
            hi = lt;
        else if (k >= gt)
            lo = gt;
        else
            return;
    }
}

/* Nearest rank: the smallest value with at least p % of the samples at or
 * below it; its index in sorted order. */
static size_t rank_index(size_t n, unsigned p)
{
    size_t rank = (p * n + 99) / 100;
    return rank ? rank - 1 : 0;
}

static void stats_of(double *values, size_t n, roi_sim_stats *st)
{
    if (n == 0) {
        st->p10 = st->p50 = st->p90 = st->mean = ROI_NULL;
        return;
    }
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += values[i];
    /* Each selection leaves larger values to the right, so the next one only
     * searches what is left: three passes, linear in n overall. */
    size_t k10 = rank_index(n, 10), k50 = rank_index(n, 50), k90 = rank_index(n, 90);
    select_kth(values, 0, n, k10);
    select_kth(values, k10, n, k50);
    select_kth(values, k50, n, k90);
    st->p10 = values[k10];
    st->p50 = values[k50];
    st->p90 = values[k90];
    st->mean = sum / (double)n;
}

static void histogram(const double *values, size_t n, roi_sim_result *out)
{
    double lo = values[0], hi = values[0];
    for (size_t i = 1; i < n; i++) {
        lo = values[i] < lo ? values[i] : lo;
        hi = values[i] > hi ? values[i] : hi;
    }
    /* Equal nets (or nets a few units of the last place apart) get a span
     * around their middle: +-1 for ordinary amounts, wider where 1 is below
     * the precision of a double (2^53 and up), so that the edges stay finite
     * and strictly increasing and no bin width is 0. */
    double mid = lo / 2 + hi / 2;
    if (!(hi - lo > fabs(mid) * 1e-12)) {
        double w = fmax(1.0, fabs(mid) * 1e-9);
        lo = mid - w;
        hi = mid + w;
    }
    for (int i = 0; i <= ROI_SIM_BINS; i++)
        out->edges[i] = lo + (hi - lo) * (double)i / ROI_SIM_BINS;
    memset(out->counts, 0, sizeof out->counts);
    for (size_t i = 0; i < n; i++) {
        double pos = (values[i] - lo) / (hi - lo) * ROI_SIM_BINS;
        size_t bin = pos <= 0 ? 0 : (size_t)pos;
        out->counts[bin < ROI_SIM_BINS ? bin : ROI_SIM_BINS - 1]++;
    }
}

/* ---- one campaign ----------------------------------------------------------- */

typedef struct {
    size_t count;
    roi_uncertain field[ROI_U_COUNT];
    double low[ROI_U_COUNT], mode[ROI_U_COUNT], high[ROI_U_COUNT];
} ranged_fields;

static void collect_ranges(const roi_inputs *in, double spread,
                           const roi_range *ranges, ranged_fields *rf)
{
    rf->count = 0;
    for (int u = 0; u < ROI_U_COUNT; u++) {
        double lo, hi;
        if (!roi_campaign_range(in, spread, ranges, (roi_uncertain)u, &lo, &hi))
            continue;
        size_t k = rf->count++;
        rf->field[k] = (roi_uncertain)u;
        rf->low[k] = lo;
        rf->high[k] = hi;
        rf->mode[k] = roi_uncertain_get(in, (roi_uncertain)u);
    }
}

static roi_status simulate_campaign(const roi_campaign *c, const ranged_fields *rf,
                                    size_t samples, roi_rng *rng, double *net_buf,
                                    double *roi_buf, roi_sim_outcome *out)
{
    double fixed = roi_campaign_fixed_total(c);
    size_t losses = 0, defined = 0;
    roi_inputs in = c->in;
    for (size_t i = 0; i < samples; i++) {
        for (size_t k = 0; k < rf->count; k++)
            roi_uncertain_set(&in, rf->field[k],
                              roi_triangular(rf->low[k], rf->mode[k], rf->high[k],
                                             roi_rng_uniform(rng)));
        roi_figures f;
        if (roi_headline_compute(&in, fixed, &f) != ROI_OK)
            return ROI_EINVALID;
        net_buf[i] = f.net;
        losses += f.net < 0;
        if (!roi_is_null(f.roi))
            roi_buf[defined++] = f.roi;
    }
    out->p_loss = (double)losses / (double)samples;
    out->roi_defined = defined;
    stats_of(roi_buf, defined, &out->roi);
    stats_of(net_buf, samples, &out->net);
    return ROI_OK;
}

roi_status roi_simulate(const roi_scenario *s, size_t samples, uint64_t seed,
                        double *net_buf, double *roi_buf, roi_sim_result *out)
{
    if (samples < 1 || samples > ROI_SIM_MAX_SAMPLES)
        return ROI_ETOOBIG;
    memset(out, 0, sizeof *out); /* unused channel slots too: results compare bytewise */
    roi_rng rng;
    roi_rng_seed(&rng, seed);
    ranged_fields rf;
    collect_ranges(&s->main.in, s->spread, s->ranges, &rf);
    out->samples = samples;
    out->seed = seed;
    out->ranged = rf.count;
    if (simulate_campaign(&s->main, &rf, samples, &rng, net_buf, roi_buf, &out->main) != ROI_OK)
        return ROI_EINVALID;
    histogram(net_buf, samples, out);
    size_t channels = s->channel_count < ROI_MAX_CHANNELS ? s->channel_count : ROI_MAX_CHANNELS;
    for (size_t i = 0; i < channels; i++) {
        /* Each channel draws from its own stream, so adding a channel never
         * changes the numbers of the scenario or of the channels before it. */
        roi_rng_seed(&rng, seed ^ (0x9e3779b97f4a7c15u * (uint64_t)(i + 1)));
        collect_ranges(&s->channels[i].in, s->spread, NULL, &rf);
        if (simulate_campaign(&s->channels[i], &rf, samples, &rng, net_buf, roi_buf,
                              &out->channels[i]) != ROI_OK)
            return ROI_EINVALID;
    }
    out->channel_count = channels;
    return ROI_OK;
}
