/*
 * roi_sim.h - Monte Carlo simulation of a scenario (METHODOLOGY 3,
 * "Simulation"): every ranged field drawn from a triangular distribution
 * (low, mode = base, high), the campaign computed for each sample.
 *
 * Deterministic and portable: the generator is xoshiro256** seeded through
 * splitmix64 (both from their authors' published descriptions), draws happen
 * in canonical field order, and the arithmetic uses only +, -, *, / and sqrt,
 * which IEEE 754 rounds the same way natively and in WebAssembly.  The same
 * scenario, sample count and seed give the same bytes everywhere.
 *
 * No allocation: the caller lends the sample buffers.
 */
#ifndef ROI_SIM_H
#define ROI_SIM_H

#include "roi_calc.h"

#include <stdint.h>

#define ROI_SIM_DEFAULT_SAMPLES 10000
#define ROI_SIM_MAX_SAMPLES 1000000
#define ROI_SIM_MAX_SEED 9007199254740991.0 /* 2^53 - 1: exact in JSON */
#define ROI_SIM_BINS 30

/* Nearest-rank percentiles and the mean of one quantity over the samples;
 * all ROI_NULL when no sample defines it. */
typedef struct {
    double p10, p50, p90, mean;
} roi_sim_stats;

/* One campaign's outcome over the samples. */
typedef struct {
    double p_loss;       /* share of samples with net < 0 */
    size_t roi_defined;  /* samples whose ROI is defined (cost > 0) */
    roi_sim_stats roi;   /* fraction */
    roi_sim_stats net;   /* currency */
} roi_sim_outcome;

typedef struct {
    size_t samples;
    uint64_t seed;
    size_t ranged;                        /* ranged fields of the scenario */
    roi_sim_outcome main;
    /* Histogram of the scenario's net: bin i counts lo_i <= net < lo_{i+1}
     * (the last bin includes its upper edge).  When every sample has the
     * same net the edges span net - w .. net + w, w = max(1, |net| * 1e-9):
     * always finite and strictly increasing. */
    double edges[ROI_SIM_BINS + 1];
    size_t counts[ROI_SIM_BINS];
    size_t channel_count;
    roi_sim_outcome channels[ROI_MAX_CHANNELS];
} roi_sim_result;

/* A deterministic generator of uniform doubles in [0, 1). */
typedef struct {
    uint64_t s[4];
} roi_rng;

/* Seeds *rng from one 64-bit seed (splitmix64 expands it to the state). */
void roi_rng_seed(roi_rng *rng, uint64_t seed);

/* Next uniform double in [0, 1), 53 random bits. */
double roi_rng_uniform(roi_rng *rng);

/* Inverse CDF of the triangular distribution (low, mode, high) at u in
 * [0, 1); low < high, low <= mode <= high. */
double roi_triangular(double low, double mode, double high, double u);

/* Simulates samples (1 .. ROI_SIM_MAX_SAMPLES) draws of the scenario and of
 * each channel (the channels get the scenario's spread, not its explicit
 * ranges).  net_buf and roi_buf are caller-owned arrays of `samples` doubles,
 * used as scratch space.  *s must have passed validation.  Returns
 * ROI_ETOOBIG for a sample count out of range, ROI_EINVALID for a scenario
 * the core cannot compute. */
roi_status roi_simulate(const roi_scenario *s, size_t samples, uint64_t seed,
                        double *net_buf, double *roi_buf, roi_sim_result *out);

#endif
