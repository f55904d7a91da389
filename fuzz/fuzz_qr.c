/*
 * fuzz_qr.c - the QR encoder (core/roi_qr.c) on any bytes, read back by an
 * independent decoder: zbar, the library behind the zbarimg the ctest
 * qr_decode_* tests run.
 *
 * Input: one byte of options, then the data.  The options byte c (its top
 * bit ignored) is chosen so that a printable character says it:
 * - c >= 0x60 (` a..z { | } ~): the project's link path, roi_qr_encode_link
 *   (level M, or L past M's capacity, boosted), with mask c - 0x60 for
 *   ` a..g and the automatic mask for h..z and after;
 * - otherwise roi_qr_encode_with at level c & 3 (L M Q H), boosted when
 *   c & 4, with the automatic mask for c >= 0x40 (@ A..Z [ \ ] ^ _) and mask
 *   (c >> 3) & 7 below (digits: 6 and 7, space to '/': 4 and 5).
 *
 * Properties:
 * - refused (ROI_ETOOBIG) exactly when the data passes version 40's capacity
 *   at the level asked (ISO/IEC 18004 table 7, written out below, not the
 *   core's formula);
 * - the smallest version that holds the data, size 4v + 17; the level asked,
 *   or with boost the highest that still fits that version; a forced mask kept;
 * - the function patterns where the standard puts them: finders and
 *   separators, timing patterns, alignment patterns (table E.1), the dark
 *   module, both copies of the format information and (v >= 7) of the version
 *   information, equal to the core's BCH words; every module 0 or 1;
 * - the automatic mask's symbol is the one of that mask forced;
 * - zbar reads the symbol (drawn 2 pixels a module with its quiet zone) back
 *   to exactly the data, empty data included;
 * - roi_qr_matrix_svg draws it.
 */
#include "fuzz_common.h"

#include "roi_buf.h"
#include "roi_qr.h"

#include <stdlib.h>
#include <string.h>
#include <zbar.h>

/* Byte-mode capacities of versions 1..40 per level (ISO/IEC 18004 table 7). */
static const int CAPACITY[4][40] = {
    {17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
     929, 1003, 1091, 1171, 1273, 1367, 1465, 1528, 1628, 1732, 1840, 1952, 2068, 2188, 2303, 2431,
     2563, 2699, 2809, 2953},
    {14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666,
     711, 779, 857, 911, 997, 1059, 1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911,
     1989, 2099, 2213, 2331},
    {11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482,
     509, 565, 611, 661, 715, 751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423,
     1499, 1579, 1663},
    {7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382,
     403, 439, 461, 511, 535, 593, 625, 658, 698, 742, 790, 842, 898, 958, 983, 1051, 1093, 1139,
     1219, 1273}};

/* Alignment pattern centres per axis, versions 2..40 (ISO/IEC 18004 table E.1). */
static const unsigned char ALIGNMENT[41][8] = {
    [2] = {6, 18}, [3] = {6, 22}, [4] = {6, 26}, [5] = {6, 30}, [6] = {6, 34},
    [7] = {6, 22, 38}, [8] = {6, 24, 42}, [9] = {6, 26, 46}, [10] = {6, 28, 50},
    [11] = {6, 30, 54}, [12] = {6, 32, 58}, [13] = {6, 34, 62},
    [14] = {6, 26, 46, 66}, [15] = {6, 26, 48, 70}, [16] = {6, 26, 50, 74},
    [17] = {6, 30, 54, 78}, [18] = {6, 30, 56, 82}, [19] = {6, 30, 58, 86},
    [20] = {6, 34, 62, 90}, [21] = {6, 28, 50, 72, 94}, [22] = {6, 26, 50, 74, 98},
    [23] = {6, 30, 54, 78, 102}, [24] = {6, 28, 54, 80, 106}, [25] = {6, 32, 58, 84, 110},
    [26] = {6, 30, 58, 86, 114}, [27] = {6, 34, 62, 90, 118},
    [28] = {6, 26, 50, 74, 98, 122}, [29] = {6, 30, 54, 78, 102, 126},
    [30] = {6, 26, 52, 78, 104, 130}, [31] = {6, 30, 56, 82, 108, 134},
    [32] = {6, 34, 60, 86, 112, 138}, [33] = {6, 30, 58, 86, 114, 142},
    [34] = {6, 34, 62, 90, 118, 146}, [35] = {6, 30, 54, 78, 102, 126, 150},
    [36] = {6, 24, 50, 76, 102, 128, 154}, [37] = {6, 28, 54, 80, 106, 132, 158},
    [38] = {6, 32, 58, 84, 110, 136, 162}, [39] = {6, 26, 54, 82, 110, 138, 166},
    [40] = {6, 30, 58, 86, 114, 142, 170}};

#define SCALE 2 /* pixels per module in the image zbar reads */

static unsigned char modules[ROI_QR_BUFFER_LEN], again[ROI_QR_BUFFER_LEN];
static unsigned char scratch[ROI_QR_SCRATCH_LEN];
static unsigned char image[(ROI_QR_MAX_SIZE + 2 * ROI_QR_QUIET) * SCALE *
                           (ROI_QR_MAX_SIZE + 2 * ROI_QR_QUIET) * SCALE];

static int smallest_version(size_t len, int level)
{
    for (int v = 1; v <= 40; v++)
        if (len <= (size_t)CAPACITY[level][v - 1])
            return v;
    return 0;
}

/* The module at column x, row y. */
static int at(int size, int x, int y)
{
    return modules[y * size + x];
}

static int max_abs(int a, int b)
{
    a = abs(a);
    b = abs(b);
    return a > b ? a : b;
}

static void check_function_patterns(const roi_qr_info *info)
{
    int size = info->size, v = info->version;
    for (int i = 0; i < size * size; i++)
        FUZZ_CHECK(modules[i] <= 1, "module %d is %d", i, modules[i]);

    /* Finder patterns with their separators: dark at Chebyshev distance 0, 1
     * and 3 from the centre, light at 2 and 4. */
    static const int centre[3][2] = {{3, 3}, {-4, 3}, {3, -4}};
    for (int f = 0; f < 3; f++) {
        int cx = centre[f][0] < 0 ? size + centre[f][0] : centre[f][0];
        int cy = centre[f][1] < 0 ? size + centre[f][1] : centre[f][1];
        for (int dy = -4; dy <= 4; dy++)
            for (int dx = -4; dx <= 4; dx++) {
                int x = cx + dx, y = cy + dy, d = max_abs(dx, dy);
                if (x < 0 || y < 0 || x >= size || y >= size)
                    continue;
                FUZZ_CHECK(at(size, x, y) == (d != 2 && d != 4), "finder %d at (%d, %d)", f, x, y);
            }
    }
    /* Timing patterns: dark on even positions, between the separators. */
    for (int i = 8; i < size - 8; i++) {
        FUZZ_CHECK(at(size, i, 6) == (i % 2 == 0), "timing row at %d", i);
        FUZZ_CHECK(at(size, 6, i) == (i % 2 == 0), "timing column at %d", i);
    }
    /* Alignment patterns, except where a finder stands. */
    const unsigned char *pos = ALIGNMENT[v];
    int n = 0;
    while (n < 8 && pos[n])
        n++;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if ((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0))
                continue;
            for (int dy = -2; dy <= 2; dy++)
                for (int dx = -2; dx <= 2; dx++)
                    FUZZ_CHECK(at(size, pos[i] + dx, pos[j] + dy) == (max_abs(dx, dy) != 1),
                               "alignment pattern at (%d, %d)", pos[i], pos[j]);
        }
    FUZZ_CHECK(n == 0 || pos[n - 1] == size - 7, "alignment table and size disagree");
    FUZZ_CHECK(at(size, 8, size - 8) == 1, "the dark module is light");

    /* Format information, both copies, bit i of the 15-bit word. */
    int format = roi_qr_format_bits(info->ecc, info->mask);
    FUZZ_CHECK(format >= 0, "no format word for level %d mask %d", (int)info->ecc, info->mask);
    for (int i = 0; i < 15; i++) {
        int bit = (format >> i) & 1;
        int x1 = i <= 5 ? 8 : i == 6 ? 8 : i == 7 ? 8 : i == 8 ? 7 : 14 - i;
        int y1 = i <= 5 ? i : i == 6 ? 7 : 8;
        int x2 = i < 8 ? size - 1 - i : 8;
        int y2 = i < 8 ? 8 : size - 15 + i;
        FUZZ_CHECK(at(size, x1, y1) == bit && at(size, x2, y2) == bit, "format bit %d", i);
    }
    /* Version information (v >= 7), both copies, bit i of the 18-bit word. */
    if (v >= 7) {
        long word = roi_qr_version_bits(v);
        FUZZ_CHECK(word >= 0, "no version word for %d", v);
        for (int i = 0; i < 18; i++) {
            int bit = (int)((word >> i) & 1), a = size - 11 + i % 3, b = i / 3;
            FUZZ_CHECK(at(size, a, b) == bit && at(size, b, a) == bit, "version bit %d", i);
        }
    }
}

/* zbar reads the symbol back to exactly data. */
static void check_read_back(const unsigned char *data, size_t len, const roi_qr_info *info)
{
    /* A scanner per run: one kept across runs holds memory between them,
     * which sends libFuzzer looking for a leak (an LSan scan) after every run. */
    zbar_image_scanner_t *scanner = zbar_image_scanner_create();
    zbar_image_scanner_set_config(scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
    zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
    zbar_image_scanner_set_config(scanner, ZBAR_QRCODE, ZBAR_CFG_BINARY, 1);
    int size = info->size, w = (size + 2 * ROI_QR_QUIET) * SCALE;
    for (int y = 0; y < w; y++)
        for (int x = 0; x < w; x++) {
            int mx = x / SCALE - ROI_QR_QUIET, my = y / SCALE - ROI_QR_QUIET;
            bool dark = mx >= 0 && my >= 0 && mx < size && my < size && at(size, mx, my);
            image[y * w + x] = dark ? 0 : 255;
        }
    zbar_image_t *img = zbar_image_create();
    zbar_image_set_format(img, zbar_fourcc('Y', '8', '0', '0'));
    zbar_image_set_size(img, (unsigned)w, (unsigned)w);
    zbar_image_set_data(img, image, (unsigned long)w * (unsigned long)w, NULL);
    int found = zbar_scan_image(scanner, img);
    const zbar_symbol_t *sym = zbar_image_first_symbol(img);
    FUZZ_CHECK(found == 1 && sym && zbar_symbol_get_type(sym) == ZBAR_QRCODE,
               "zbar found %d symbols (version %d, level %d, mask %d, %zu bytes)", found,
               info->version, (int)info->ecc, info->mask, len);
    size_t got = zbar_symbol_get_data_length(sym);
    FUZZ_CHECK(got == len && memcmp(zbar_symbol_get_data(sym), data, len) == 0,
               "zbar read %zu other bytes of %zu (version %d, level %d, mask %d)", got, len,
               info->version, (int)info->ecc, info->mask);
    zbar_image_destroy(img);
    zbar_image_scanner_destroy(scanner);
}

int LLVMFuzzerTestOneInput(const uint8_t *input, size_t size)
{
    if (size == 0)
        return 0;
    unsigned c = input[0] & 0x7Fu;
    const unsigned char *data = input + 1;
    size_t len = size - 1;
    bool link = c >= 0x60;
    int mask = link ? (c < 0x68 ? (int)(c - 0x60) : ROI_QR_MASK_AUTO)
                    : (c >= 0x40 ? ROI_QR_MASK_AUTO : (int)(c >> 3 & 7));
    roi_qr_options opt = {(roi_qr_ecc)(c & 3), (c & 4) != 0, mask};
    if (link) {
        opt.ecc = len <= (size_t)CAPACITY[ROI_QR_ECC_M][39] ? ROI_QR_ECC_M : ROI_QR_ECC_L;
        opt.boost = true;
    }

    for (int level = 0; level < 4; level++)
        for (int v = 1; v <= 40; v++)
            FUZZ_CHECK(roi_qr_capacity(v, (roi_qr_ecc)level) == CAPACITY[level][v - 1],
                       "capacity of version %d level %d", v, level);

    roi_qr_info info = {0, 0, ROI_QR_ECC_L, 0};
    roi_status st = link ? roi_qr_encode_link(data, len, mask, modules, scratch, &info)
                         : roi_qr_encode_with(data, len, &opt, modules, scratch, &info);
    int version = smallest_version(len, (int)opt.ecc);
    if (version == 0) {
        FUZZ_CHECK(st == ROI_ETOOBIG, "%zu bytes at level %d not refused (status %d)", len,
                   (int)opt.ecc, (int)st);
        return 0;
    }
    FUZZ_CHECK(st == ROI_OK, "%zu bytes at level %d refused (status %d)", len, (int)opt.ecc,
               (int)st);
    FUZZ_CHECK(info.version == version && info.size == 4 * version + 17,
               "version %d size %d for %zu bytes at level %d (smallest: %d)", info.version,
               info.size, len, (int)opt.ecc, version);
    FUZZ_CHECK(info.ecc >= opt.ecc && info.ecc <= ROI_QR_ECC_H, "level %d asked %d",
               (int)info.ecc, (int)opt.ecc);
    if (!opt.boost)
        FUZZ_CHECK(info.ecc == opt.ecc, "level %d raised without boost", (int)info.ecc);
    else if (info.ecc < ROI_QR_ECC_H)
        FUZZ_CHECK(len > (size_t)CAPACITY[info.ecc + 1][version - 1],
                   "level %d not boosted though %d fits", (int)info.ecc, (int)info.ecc + 1);
    FUZZ_CHECK(info.mask >= 0 && info.mask <= 7 && (mask < 0 || info.mask == mask),
               "mask %d (asked %d)", info.mask, mask);

    check_function_patterns(&info);

    if (mask < 0) {
        roi_qr_options forced = {info.ecc, false, info.mask};
        roi_qr_info info2;
        memcpy(again, modules, (size_t)(info.size * info.size));
        FUZZ_CHECK(roi_qr_encode_with(data, len, &forced, modules, scratch, &info2) == ROI_OK &&
                       info2.version == info.version && info2.ecc == info.ecc &&
                       memcmp(again, modules, (size_t)(info.size * info.size)) == 0,
                   "the automatic mask %d differs from the same mask forced", info.mask);
    }

    check_read_back(data, len, &info);

    char *svg = roi_qr_matrix_svg(modules, info.size);
    FUZZ_CHECK(svg && strncmp(svg, "<svg", 4) == 0, "no SVG");
    roi_free(svg);
    return 0;
}
