/*
 * roi - command-line front end of the ROI calculator.
 *
 * Exit codes: 0 valid scenario, 1 invalid scenario (the JSON with its errors
 * still goes to standard output), 2 usage or I/O error (message on stderr).
 */
#include "roi_json.h"
#include "roi_link.h"
#include "roi_qr.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_USAGE = 2 };

static const char USAGE[] =
    "Usage: roi <command> [options]\n"
    "\n"
    "ROI calculator for B2B outbound calling and lead generation.\n"
    "\n"
    "Commands:\n"
    "  eval FILE|-         evaluate a scenario document (JSON) and print the result\n"
    "  simulate FILE|-     Monte Carlo risk of a scenario: loss probability, P10/P50/P90\n"
    "  link encode FILE|-  print the shareable link fragment of a scenario\n"
    "  link decode STRING  print the scenario a link fragment (or URL) holds\n"
    "  link qr STRING      print a link (or any text) as a QR code, SVG or PBM\n"
    "  canonical FILE|-    print a scenario document with every field written out\n"
    "                      (defaults included, unknown keys dropped with a warning)\n"
    "  fields              print every scenario field (path, kind, default, bounds,\n"
    "                      values, link key, unit, scope) as JSON\n"
    "  codes               print the table of error and warning codes as JSON:\n"
    "                      [{\"code\", \"params\": [...], \"message\"}...] (docs/ERRORS.md)\n"
    "\n"
    "Options:\n"
    "  -h, --help          show this help (roi eval --help, roi simulate --help,\n"
    "                      roi link --help)\n"
    "  -V, --version       print the version\n";

static const char CANONICAL_USAGE[] =
    "Usage: roi canonical [--pretty] FILE|-\n"
    "\n"
    "Reads a scenario document (JSON, at most 1 MiB; - reads standard input),\n"
    "validates it and prints {\"ok\": true, \"scenario\": {...}, \"warnings\": [...]}\n"
    "with every field of the scenario written out, defaults included: the same\n"
    "document a link decodes to, for a scenario of any size.\n"
    "\n"
    "Exit status: 0 valid scenario, 1 invalid scenario (the error document, as\n"
    "roi eval prints it), 2 usage or I/O error.\n";

static const char EVAL_USAGE[] =
    "Usage: roi eval [--pretty] FILE|-\n"
    "\n"
    "Reads a scenario document (JSON, at most 1 MiB; - reads standard input),\n"
    "validates it and prints the result document as JSON on standard output:\n"
    "hourly revenue, ROI on margin, break-even, LTV, scenarios, sensitivity,\n"
    "billing models and channel comparison.  Undefined quantities are null.\n"
    "\n"
    "Options:\n"
    "  --pretty         indent the JSON\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 valid scenario, 1 invalid scenario (the printed JSON has\n"
    "\"ok\": false and lists every error with its field path), 2 usage or I/O error.\n";

static const char SIMULATE_USAGE[] =
    "Usage: roi simulate [--samples N] [--seed S] [--pretty] FILE|-\n"
    "\n"
    "Draws N samples of the scenario, every ranged field (uncertainty.spread and\n"
    "uncertainty.ranges) from a triangular distribution (low, base, high), and\n"
    "prints as JSON: p_loss (share of samples with a loss), the P10/P50/P90 and\n"
    "mean of ROI and net, a 30-bin histogram of net, and the same figures for\n"
    "each channel.  The same scenario, N and S give the same bytes on every\n"
    "machine and in the browser.\n"
    "\n"
    "Options:\n"
    "  --samples N      number of samples, 1 to 1000000 (default 10000)\n"
    "  --seed S         seed of the generator, 0 to 2^53-1 (default 1)\n"
    "  --pretty         indent the JSON\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 done, 1 invalid scenario, sample count or seed (the JSON has\n"
    "\"ok\": false), 2 usage or I/O error.\n";

static const char LINK_USAGE[] =
    "Usage: roi link encode [--pretty] FILE|-\n"
    "       roi link decode [--pretty] STRING|-\n"
    "       roi link qr [--pbm] [--ecc L|M|Q|H] [--mask N] STRING|-\n"
    "\n"
    "encode reads a scenario document (JSON) and prints its link fragment, format\n"
    "version 2: short key=value pairs (v=2&e=3&q=50&w=0.25...) to put after '#'.\n"
    "Fields equal to their default are left out, and so are a channel's fields\n"
    "equal to the row before it.  An invalid scenario, or one whose link would\n"
    "pass 8 KiB with its '#' (long names and labels in many channels), prints\n"
    "the error document (as roi eval does) and exits 1.\n"
    "\n"
    "decode reads a fragment, with or without '#', or a whole URL (- reads it from\n"
    "standard input), and prints the scenario it holds as JSON.  Decoding is\n"
    "tolerant: a bad or unknown pair is dropped with a warning on standard error\n"
    "and every good one is kept.  Links of format version 1 (v=1, or no v) and 2\n"
    "are read; a link over 8 KiB, or of another format version, is refused\n"
    "(exit 1).\n"
    "\n"
    "qr prints STRING (- reads it from standard input, without the final line\n"
    "break) as a QR code in byte mode: an SVG with a 4-module quiet zone, or with\n"
    "--pbm a plain PBM image (P1) at 4 pixels per module.  At most 2953 bytes\n"
    "(level L), 2331 (M), 1663 (Q), 1273 (H); a longer text is refused (exit 1).\n"
    "\n"
    "Options of qr:\n"
    "  --pbm            print a PBM image instead of SVG\n"
    "  --ecc L|M|Q|H    error-correction level (default: M, or L for a text too\n"
    "                   long for M, raised while the symbol keeps its size)\n"
    "  --mask N         use mask pattern N (0-7) instead of the best one\n"
    "\n"
    "Exit status: 0 done, 1 invalid scenario or link or text refused, 2 usage or\n"
    "I/O error.\n";

static const char FIELDS_USAGE[] =
    "Usage: roi fields [--pretty]\n"
    "\n"
    "Prints as JSON every field of the scenario document, in canonical order:\n"
    "path, kind (rate, money, count, months, hours, multiple, goal, text, enum,\n"
    "list), link key, unit, scope (campaign or scenario-only), default, and its\n"
    "rule: min, max, min_exclusive and whole for numbers, values for enums,\n"
    "max_chars for texts, min_items, max_items and item for lists.  It comes\n"
    "from the core's field tables: interfaces build their forms from it.\n"
    "\n"
    "Options:\n"
    "  --pretty         indent the JSON\n"
    "  -h, --help       show this help\n";

/* Reads at most limit + 1 bytes: enough to tell the core the input is too big
 * without holding a huge file in memory. */
static char *read_input(const char *path, size_t limit, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    char *buf = NULL;
    if (!f) {
        fprintf(stderr, "roi: cannot open %s: %s\n", path, strerror(errno));
        return NULL;
    }
    buf = malloc(limit + 2);
    if (!buf) {
        fprintf(stderr, "roi: out of memory\n");
        goto done;
    }
    *len = fread(buf, 1, limit + 1, f);
    if (ferror(f)) {
        fprintf(stderr, "roi: cannot read %s: %s\n", path, strerror(errno));
        free(buf);
        buf = NULL;
        goto done;
    }
    buf[*len] = '\0';
done:
    if (f != stdin)
        fclose(f);
    return buf;
}

/* The arguments every subcommand takes: --help, --pretty and one operand. */
typedef struct {
    const char *operand;
    int options;
    bool sim;            /* accept --samples and --seed */
    double samples, seed;
    bool qr;             /* accept --pbm, --ecc and --mask instead of --pretty */
    bool pbm;
    int ecc;             /* roi_qr_ecc, or -1 for the link default */
    int mask;            /* 0..7, or ROI_QR_MASK_AUTO */
} args;

/* Reads the number after an option; false when it is missing or not a number. */
static bool option_number(int argc, char **argv, int *i, double *out)
{
    if (*i + 1 >= argc)
        return false;
    char *end = NULL;
    const char *text = argv[++*i];
    errno = 0;
    *out = strtod(text, &end);
    return end != text && *end == '\0' && errno == 0;
}

/* Reads the level after --ecc (L, M, Q or H); false when missing or wrong. */
static bool option_level(int argc, char **argv, int *i, int *out)
{
    static const char levels[] = "LMQH";
    if (*i + 1 >= argc)
        return false;
    const char *text = argv[++*i];
    const char *p = text[0] != '\0' && text[1] == '\0' ? strchr(levels, text[0]) : NULL;
    if (!p)
        return false;
    *out = (int)(p - levels);
    return true;
}

/* Reads the mask number after --mask (0 to 7). */
static bool option_mask(int argc, char **argv, int *i, int *out)
{
    double n;
    if (!option_number(argc, argv, i, &n) || !(n >= 0 && n <= 7) || n != (int)n)
        return false;
    *out = (int)n;
    return true;
}

/* Returns -1 when parsed, otherwise the exit code to return at once. */
static int parse_args(const char *name, const char *usage, const char *what,
                      int argc, char **argv, args *a)
{
    a->operand = NULL;
    a->options = 0;
    a->samples = ROI_SIM_DEFAULT_SAMPLES;
    a->seed = 1;
    a->pbm = false;
    a->ecc = -1;
    a->mask = ROI_QR_MASK_AUTO;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return EXIT_VALID;
        } else if (a->sim && (strcmp(argv[i], "--samples") == 0 || strcmp(argv[i], "--seed") == 0)) {
            const char *opt = argv[i];
            if (!option_number(argc, argv, &i, strcmp(opt, "--seed") == 0 ? &a->seed : &a->samples)) {
                fprintf(stderr, "%s: %s needs a number\n%s", name, opt, usage);
                return EXIT_USAGE;
            }
        } else if (a->qr && strcmp(argv[i], "--pbm") == 0) {
            a->pbm = true;
        } else if (a->qr && strcmp(argv[i], "--ecc") == 0) {
            if (!option_level(argc, argv, &i, &a->ecc)) {
                fprintf(stderr, "%s: --ecc needs L, M, Q or H\n%s", name, usage);
                return EXIT_USAGE;
            }
        } else if (a->qr && strcmp(argv[i], "--mask") == 0) {
            if (!option_mask(argc, argv, &i, &a->mask)) {
                fprintf(stderr, "%s: --mask needs a number from 0 to 7\n%s", name, usage);
                return EXIT_USAGE;
            }
        } else if (!a->qr && strcmp(argv[i], "--pretty") == 0) {
            a->options |= ROI_JSON_PRETTY;
        } else if (a->operand == NULL && (argv[i][0] != '-' || strcmp(argv[i], "-") == 0)) {
            a->operand = argv[i];
        } else {
            fprintf(stderr, "%s: unexpected argument '%s'\n%s", name, argv[i], usage);
            return EXIT_USAGE;
        }
    }
    if (!a->operand) {
        fprintf(stderr, "%s: missing %s (use - for standard input)\n%s", name, what, usage);
        return EXIT_USAGE;
    }
    return -1;
}

/* Flushes standard output; exit code from `valid`, or 2 when it failed. */
static int flush_output(bool valid)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "roi: cannot write the result: %s\n", strerror(errno));
        return EXIT_USAGE;
    }
    return valid ? EXIT_VALID : EXIT_INVALID;
}

/* Prints a document the core made and frees it; exit code from `valid`. */
static int emit(char *out, int options, bool valid)
{
    if (!out) {
        fprintf(stderr, "roi: out of memory\n");
        return EXIT_USAGE;
    }
    fputs(out, stdout);
    if (!(options & ROI_JSON_PRETTY))
        fputc('\n', stdout);
    roi_free(out);
    return flush_output(valid);
}

/* eval and simulate: read a scenario document, print the core's answer. */
typedef enum { JOB_EVAL, JOB_SIMULATE, JOB_CANONICAL } job;

static int run_scenario_command(const char *name, const char *usage, job what,
                                int argc, char **argv)
{
    bool sim = what == JOB_SIMULATE;
    args a = {.sim = sim};
    int code = parse_args(name, usage, "FILE", argc, argv, &a);
    if (code >= 0)
        return code;
    size_t len = 0;
    char *text = read_input(a.operand, ROI_MAX_INPUT, &len);
    if (!text)
        return EXIT_USAGE;
    bool valid = false;
    char *out = what == JOB_SIMULATE
                    ? roi_simulate_json(text, len, a.samples, a.seed, a.options, &valid)
                : what == JOB_CANONICAL ? roi_canonical_json(text, len, a.options, &valid)
                                        : roi_eval_json(text, len, a.options, &valid);
    free(text);
    return emit(out, a.options, valid);
}

static int link_encode(const args *a)
{
    size_t len = 0;
    char *text = read_input(a->operand, ROI_MAX_INPUT, &len);
    if (!text)
        return EXIT_USAGE;
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    roi_status st = roi_scenario_parse(text, len, &s, &errors, &warnings);
    free(text);
    int code;
    char *link = NULL;
    if (st == ROI_OK)
        st = roi_link_encode(s, &link, &errors);
    if (st == ROI_OK) {
        for (size_t i = 0; i < warnings.count; i++)
            fprintf(stderr, "roi: warning: %s: %s\n", warnings.items[i].field,
                    warnings.items[i].message);
        code = emit(link, 0, true);
    } else if (st == ROI_ENOMEM) {
        code = emit(NULL, 0, false);
    } else {
        code = emit(roi_errors_to_json(&errors, &warnings, a->options), a->options, false);
    }
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return code;
}

static int link_decode(const args *a)
{
    size_t len = strlen(a->operand);
    char *text = NULL;
    if (strcmp(a->operand, "-") == 0) {
        text = read_input("-", ROI_LINK_MAX, &len);
        if (!text)
            return EXIT_USAGE;
        while (len > 0 && strchr("\r\n", text[len - 1]))
            len--;
    }
    roi_diags errors, warnings;
    roi_scenario *s = NULL;
    roi_diags_init(&errors);
    roi_diags_init(&warnings);
    roi_status st = roi_link_decode(text ? text : a->operand, len, &s, &warnings, &errors);
    free(text);
    for (size_t i = 0; i < warnings.count; i++)
        fprintf(stderr, "roi: warning: %s: %s\n", warnings.items[i].field,
                warnings.items[i].message);
    int code;
    if (st == ROI_OK) {
        code = emit(roi_scenario_to_json(s, a->options), a->options, true);
    } else if (st == ROI_ENOMEM) {
        code = emit(NULL, 0, false);
    } else {
        for (size_t i = 0; i < errors.count; i++)
            fprintf(stderr, "roi link decode: %s\n", errors.items[i].message);
        code = EXIT_INVALID;
    }
    roi_scenario_free(s);
    roi_diags_free(&errors);
    roi_diags_free(&warnings);
    return code;
}

/* Plain PBM (P1): the symbol with its quiet zone, 4 pixels per module, lines
 * of at most 64 digits as the format asks (70 at most). */
static void print_pbm(const unsigned char *modules, int size)
{
    enum { SCALE = 4, LINE = 64 };
    int pixels = (size + 2 * ROI_QR_QUIET) * SCALE;
    printf("P1\n%d %d\n", pixels, pixels);
    for (int y = 0; y < pixels; y++) {
        int row = y / SCALE - ROI_QR_QUIET;
        for (int x = 0; x < pixels; x++) {
            int col = x / SCALE - ROI_QR_QUIET;
            bool dark = row >= 0 && row < size && col >= 0 && col < size &&
                        modules[row * size + col];
            putchar(dark ? '1' : '0');
            if (x % LINE == LINE - 1 || x == pixels - 1)
                putchar('\n');
        }
    }
}

/* Encodes with the link default, or exactly the level --ecc names. */
static roi_status qr_encode(const args *a, const char *text, size_t len,
                            unsigned char *modules, roi_qr_info *info)
{
    const unsigned char *data = (const unsigned char *)text;
    unsigned char *scratch = modules + ROI_QR_BUFFER_LEN;
    if (a->ecc < 0)
        return roi_qr_encode_link(data, len, a->mask, modules, scratch, info);
    roi_qr_options opt = {(roi_qr_ecc)a->ecc, false, a->mask};
    return roi_qr_encode_with(data, len, &opt, modules, scratch, info);
}

static int link_qr(const args *a)
{
    size_t len = strlen(a->operand);
    char *text = NULL;
    if (strcmp(a->operand, "-") == 0) {
        text = read_input("-", ROI_QR_MAX_BYTES + 2, &len);
        if (!text)
            return EXIT_USAGE;
        while (len > 0 && strchr("\r\n", text[len - 1]))
            len--;
    }
    unsigned char *modules = malloc(ROI_QR_BUFFER_LEN + ROI_QR_SCRATCH_LEN);
    roi_qr_info info;
    roi_status st = modules ? qr_encode(a, text ? text : a->operand, len, modules, &info)
                            : ROI_ENOMEM;
    free(text);
    int code;
    if (st == ROI_ETOOBIG) {
        int level = a->ecc < 0 ? ROI_QR_ECC_L : a->ecc;
        fprintf(stderr, "roi link qr: %zu bytes do not fit a QR code (at most %d at level %c)\n",
                len, roi_qr_capacity(40, (roi_qr_ecc)level), "LMQH"[level]);
        code = EXIT_INVALID;
    } else if (st != ROI_OK) {
        code = emit(NULL, 0, false);
    } else if (a->pbm) {
        print_pbm(modules, info.size);
        code = flush_output(true);
    } else {
        code = emit(roi_qr_matrix_svg(modules, info.size), 0, true);
    }
    free(modules);
    return code;
}

static int cmd_link(int argc, char **argv)
{
    if (argc < 1 || strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "--help") == 0) {
        fputs(LINK_USAGE, argc < 1 ? stderr : stdout);
        return argc < 1 ? EXIT_USAGE : EXIT_VALID;
    }
    bool encode = strcmp(argv[0], "encode") == 0, qr = strcmp(argv[0], "qr") == 0;
    if (!encode && !qr && strcmp(argv[0], "decode") != 0) {
        fprintf(stderr, "roi link: unknown subcommand '%s'\n%s", argv[0], LINK_USAGE);
        return EXIT_USAGE;
    }
    args a = {.qr = qr};
    int code = parse_args(encode ? "roi link encode" : qr ? "roi link qr" : "roi link decode",
                          LINK_USAGE, encode ? "FILE" : "STRING", argc - 1, argv + 1, &a);
    if (code >= 0)
        return code;
    return encode ? link_encode(&a) : qr ? link_qr(&a) : link_decode(&a);
}

/* ---- roi fields ---- */
static int cmd_fields(int argc, char **argv)
{
    int options = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(FIELDS_USAGE, stdout);
            return EXIT_VALID;
        } else if (strcmp(argv[i], "--pretty") == 0) {
            options |= ROI_JSON_PRETTY;
        } else {
            fprintf(stderr, "roi fields: unexpected argument '%s'\n%s", argv[i], FIELDS_USAGE);
            return EXIT_USAGE;
        }
    }
    return emit(roi_fields_json(options), options, true);
}

/* The code table errors and warnings use, for interfaces that translate. */
static int cmd_codes(int argc, char **argv)
{
    if (argc > 0 && (strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "--help") == 0)) {
        fputs(USAGE, stdout);
        return EXIT_VALID;
    }
    if (argc > 0) {
        fprintf(stderr, "roi codes: unexpected argument '%s'\n%s", argv[0], USAGE);
        return EXIT_USAGE;
    }
    return emit(roi_code_table_json(), 0, true);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(USAGE, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "help") == 0) {
        fputs(USAGE, stdout);
        return EXIT_VALID;
    }
    if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
        printf("roi %s (scenario format %d)\n", ROI_VERSION, ROI_FORMAT_VERSION);
        return EXIT_VALID;
    }
    if (strcmp(cmd, "eval") == 0)
        return run_scenario_command("roi eval", EVAL_USAGE, JOB_EVAL, argc - 2, argv + 2);
    if (strcmp(cmd, "simulate") == 0)
        return run_scenario_command("roi simulate", SIMULATE_USAGE, JOB_SIMULATE, argc - 2, argv + 2);
    if (strcmp(cmd, "canonical") == 0)
        return run_scenario_command("roi canonical", CANONICAL_USAGE, JOB_CANONICAL, argc - 2,
                                    argv + 2);
    if (strcmp(cmd, "link") == 0)
        return cmd_link(argc - 2, argv + 2);
    if (strcmp(cmd, "fields") == 0)
        return cmd_fields(argc - 2, argv + 2);
    if (strcmp(cmd, "codes") == 0)
        return cmd_codes(argc - 2, argv + 2);
    fprintf(stderr, "roi: unknown command '%s'\n%s", cmd, USAGE);
    return EXIT_USAGE;
}
