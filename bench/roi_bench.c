/*
 * roi_bench - throughput of the core on the pay-per-meeting example.
 *
 * Prints evaluations per second of the computation alone (struct in, struct
 * out) and of the full JSON round trip (parse, validate, compute, print),
 * each against the target, and their ratio measured in the same run.
 * roi_bench --latency: microseconds per evaluation with a 60-month schedule
 * and with a goal (the 2026-12 features), against the 50 us aim.
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

/* ---- latency of the 2026-12 features ---- */

/* roi_bench --latency [FIXTURES [SECONDS]]: microseconds per evaluation,
 * computation alone (roi_evaluate) and the full JSON round trip
 * (roi_eval_json on the scenario's canonical text), of in-house-ramp-up.json
 * with schedule.months set to 60 (the longest projection a campaign may ask
 * for) and of goal-net-result.json (the planner), against the 50 us aim.
 * FIXTURES defaults to tests/fixtures, SECONDS (per figure) to 1. */
static int latency(const char *dir, double seconds)
{
    static const struct {
        const char *file;
        double months;   /* schedule.months to set, or -1 to keep the file's */
        const char *what;
    } cases[] = {
        {"in-house-ramp-up.json", 60, "in-house-ramp-up, schedule.months = 60"},
        {"goal-net-result.json", -1, "goal-net-result (goal: net 50000)"},
    };
    const double aim_us = 50;
    int status = 0;
    printf("one evaluation, in us (aim: under %.0f us), %.1f s per figure:\n", aim_us, seconds);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512];
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s", dir, cases[i].file);
        char *text = read_all(path, &len), *canon = NULL;
        roi_scenario *s = NULL, *check = NULL;
        roi_result *r = malloc(sizeof *r);
        roi_diags errors, warnings;
        roi_diags_init(&errors);
        roi_diags_init(&warnings);
        if (!text || !r || roi_scenario_parse(text, len, &s, &errors, &warnings) != ROI_OK) {
            fprintf(stderr, "roi_bench: cannot read a valid scenario from %s\n", path);
            status = 1;
            goto next;
        }
        if (cases[i].months >= 0)
            s->main.in.schedule.months = cases[i].months;
        /* The round trip reads the modified scenario as a page would send it. */
        canon = roi_scenario_to_json(s, 0);
        if (!canon || roi_scenario_parse(canon, strlen(canon), &check, &errors, &warnings) != ROI_OK ||
            roi_evaluate(s, r) != ROI_OK) {
            fprintf(stderr, "roi_bench: %s does not evaluate\n", cases[i].what);
            status = 1;
            goto next;
        }
        bench_ctx ctx = {s, r, canon, strlen(canon)};
        long sink = 0;
        double compute_us = 1e6 / rate(compute_once, &ctx, seconds, &sink);
        double trip_us = 1e6 / rate(round_trip_once, &ctx, seconds, &sink);
        printf("  %-42s compute %8.2f us (%5.2fx the aim)   JSON round trip %8.2f us (%5.2fx the aim)\n",
               cases[i].what, compute_us, compute_us / aim_us, trip_us, trip_us / aim_us);
        if (r->schedule.present)
            printf("  %-42s (%zu months of series)\n", "", r->schedule.count);
        if (sink <= 0)
            status = 1;
    next:
        roi_free(canon);
        roi_scenario_free(s);
        roi_scenario_free(check);
        roi_diags_free(&errors);
        roi_diags_free(&warnings);
        free(r);
        free(text);
    }
    return status;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--simulate") == 0)
        return simulate_ms(atof(argv[2]), argv[3]);
    if (argc >= 2 && strcmp(argv[1], "--latency") == 0)
        return latency(argc > 2 ? argv[2] : "tests/fixtures", argc > 3 ? atof(argv[3]) : 1.0);
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
