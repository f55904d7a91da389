/*
 * roi_bench - throughput of the core on the pay-per-meeting example.
 *
 * Prints evaluations per second of the computation alone (struct in, struct
 * out) and of the full JSON round trip (parse, validate, compute, print),
 * each against the target, and their ratio measured in the same run.
 * A benchmark, not a test: the machines are shared and noisy.
 */
#define _POSIX_C_SOURCE 200809L
#include "roi_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(ROI_MAX_INPUT + 1);
    if (buf) {
        *len = fread(buf, 1, ROI_MAX_INPUT, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

/* Runs fn in batches until `seconds` have passed; returns calls per second. */
typedef int (*bench_fn)(void *ctx);
static double rate(bench_fn fn, void *ctx, double seconds, long *sink)
{
    long calls = 0;
    double start = now(), elapsed;
    do {
        for (int i = 0; i < 1000; i++)
            *sink += fn(ctx);
        calls += 1000;
        elapsed = now() - start;
    } while (elapsed < seconds);
    return (double)calls / elapsed;
}

typedef struct {
    const roi_scenario *s;
    roi_result *r;
    const char *text;
    size_t len;
} bench_ctx;

static int compute_once(void *p)
{
    bench_ctx *c = p;
    return roi_evaluate(c->s, c->r) == ROI_OK ? 1 : 0;
}

static int round_trip_once(void *p)
{
    bench_ctx *c = p;
    bool valid;
    char *out = roi_eval_json(c->text, c->len, 0, &valid);
    int ok = out && valid;
    roi_free(out);
    return ok;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* roi_bench --simulate N FILE: median wall time, in ms, of 7 runs of the
 * whole simulation job (parse, validate, N samples, print), as wasm's
 * simulateText does it; bench/sim.bench.mjs compares the two. */
static int simulate_ms(double samples, const char *path)
{
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text)
        return 1;
    double times[7];
    for (int i = 0; i < 7; i++) {
        bool valid = false;
        double start = now();
        char *out = roi_simulate_json(text, len, samples, 1, 0, &valid);
        times[i] = (now() - start) * 1000;
        roi_free(out);
        if (!valid) {
            free(text);
            return 1;
        }
    }
    qsort(times, 7, sizeof times[0], compare_doubles);
    printf("%.3f\n", times[3]);
    free(text);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--simulate") == 0)
        return simulate_ms(atof(argv[2]), argv[3]);
    const char *path = argc > 1 ? argv[1] : "tests/fixtures/pay-per-meeting.json";
    double seconds = argc > 2 ? atof(argv[2]) : 1.0;
    size_t len = 0;
    char *text = read_all(path, &len);
    roi_scenario *s = NULL;
    roi_result *r = malloc(sizeof *r);
    roi_diags errors, warnings;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    int status = 1;
    if (!text || !r || roi_scenario_parse(text, len, &s, &errors, &warnings) != ROI_OK) {
        fprintf(stderr, "roi_bench: cannot read a valid scenario from %s\n", path);
        goto done;
    }
    bench_ctx ctx = {s, r, text, len};
    long sink = 0;
    double compute = rate(compute_once, &ctx, seconds, &sink);
    double round_trip = rate(round_trip_once, &ctx, seconds, &sink);
    printf("scenario: %s\n", path);
    printf("compute (struct in, struct out):        %10.0f evaluations/s  (%.1fx the 200000/s aim)\n",
           compute, compute / 200000.0);
    printf("JSON round trip (parse..print):         %10.0f evaluations/s  (%.1fx the 5000/s aim)\n",
           round_trip, round_trip / 5000.0);
    printf("one JSON round trip costs %.1f computations\n", compute / round_trip);
    status = sink > 0 ? 0 : 1;
done:
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    free(r);
    free(text);
    return status;
}
