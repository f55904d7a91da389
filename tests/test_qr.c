/*
 * test_qr.c - the QR encoder: versions and capacities, function patterns,
 * format and version information, Reed-Solomon, masks, levels and the SVG.
 * Whether a reader gets the bytes back is the job of qr_decode.cmake (zbar).
 */
#include "test_util.h"

#include "roi_buf.h"
#include "roi_qr.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char modules[ROI_QR_BUFFER_LEN];
static unsigned char scratch[ROI_QR_SCRATCH_LEN];

/* n bytes of a link-like text (the same n always gives the same bytes). */
static unsigned char *make_text(size_t n)
{
    static const char base[] = "https://calc.example/#v=1&n=Campagne+RDV&vol=50&close=0.25";
    unsigned char *text = malloc(n + 1);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        text[i] = (unsigned char)base[i % (sizeof base - 1)];
    text[n] = '\0';
    return text;
}

static roi_qr_info encode(const unsigned char *data, size_t len, roi_qr_ecc ecc,
                          bool boost, int mask)
{
    roi_qr_options opt = {ecc, boost, mask};
    roi_qr_info info;
    assert_int_equal(roi_qr_encode_with(data, len, &opt, modules, scratch, &info), ROI_OK);
    assert_int_equal(info.size, 4 * info.version + 17);
    return info;
}

static int at(const roi_qr_info *info, int row, int col)
{
    return modules[row * info->size + col];
}

/* ---- versions and capacities ------------------------------------------------ */

typedef struct {
    size_t len;
    roi_qr_ecc ecc;
    int version; /* 0: ROI_ETOOBIG */
} version_case;

static const version_case VERSION_CASES[] = {
    {0, ROI_QR_ECC_L, 1},      {17, ROI_QR_ECC_L, 1},    {18, ROI_QR_ECC_L, 2},
    {14, ROI_QR_ECC_M, 1},     {15, ROI_QR_ECC_M, 2},    {11, ROI_QR_ECC_Q, 1},
    {12, ROI_QR_ECC_Q, 2},     {7, ROI_QR_ECC_H, 1},     {8, ROI_QR_ECC_H, 2},
    {230, ROI_QR_ECC_L, 9},    {231, ROI_QR_ECC_L, 10},  /* count field 8 -> 16 bits */
    {157, ROI_QR_ECC_M, 9},    {1000, ROI_QR_ECC_L, 22}, {2500, ROI_QR_ECC_L, 37},
    {2953, ROI_QR_ECC_L, 40},  {2954, ROI_QR_ECC_L, 0},  {2331, ROI_QR_ECC_M, 40},
    {2332, ROI_QR_ECC_M, 0},   {1663, ROI_QR_ECC_Q, 40}, {1664, ROI_QR_ECC_Q, 0},
    {1273, ROI_QR_ECC_H, 40},  {1274, ROI_QR_ECC_H, 0},
};

static void test_qr_chooses_the_smallest_version(void **state)
{
    unsigned char *text = make_text(3000);
    (void)state;
    for (size_t i = 0; i < sizeof VERSION_CASES / sizeof VERSION_CASES[0]; i++) {
        const version_case *c = &VERSION_CASES[i];
        int size = 0;
        roi_status st = roi_qr_encode(text, c->len, c->ecc, modules, scratch, &size);
        if (c->version == 0) {
            assert_int_equal(st, ROI_ETOOBIG);
        } else {
            assert_int_equal(st, ROI_OK);
            if (size != 4 * c->version + 17)
                fail_msg("%zu bytes at level %d: size %d, expected version %d", c->len,
                         (int)c->ecc, size, c->version);
        }
    }
    free(text);
}

/* ISO/IEC 18004 table 7, byte mode, a row every few versions. */
static void test_qr_capacity_matches_the_standard_table(void **state)
{
    static const struct { int version, cap[4]; } rows[] = {
        {1, {17, 14, 11, 7}},        {2, {32, 26, 20, 14}},       {6, {134, 106, 74, 58}},
        {7, {154, 122, 86, 64}},     {9, {230, 180, 130, 98}},    {10, {271, 213, 151, 119}},
        {15, {520, 412, 292, 220}},  {20, {858, 666, 482, 382}},  {27, {1465, 1125, 805, 625}},
        {32, {1952, 1538, 1112, 842}}, {36, {2431, 1911, 1351, 1051}},
        {40, {2953, 2331, 1663, 1273}},
    };
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        for (int e = 0; e < 4; e++)
            assert_int_equal(roi_qr_capacity(rows[i].version, (roi_qr_ecc)e), rows[i].cap[e]);
    assert_int_equal(roi_qr_capacity(40, ROI_QR_ECC_L), ROI_QR_MAX_BYTES);
    assert_int_equal(roi_qr_capacity(0, ROI_QR_ECC_L), 0);
    assert_int_equal(roi_qr_capacity(41, ROI_QR_ECC_L), 0);
    assert_int_equal(roi_qr_capacity(1, (roi_qr_ecc)4), 0);
}

static void test_qr_boost_raises_the_level_within_the_version(void **state)
{
    static const unsigned char one[] = "a";
    unsigned char *text = make_text(20);
    (void)state;
    roi_qr_info info = encode(one, 1, ROI_QR_ECC_L, true, ROI_QR_MASK_AUTO);
    assert_int_equal(info.version, 1);
    assert_int_equal(info.ecc, ROI_QR_ECC_H);
    info = encode(one, 1, ROI_QR_ECC_L, false, ROI_QR_MASK_AUTO);
    assert_int_equal(info.ecc, ROI_QR_ECC_L);
    /* 20 bytes: version 2 at L (32); M holds 26, Q 20, H 14 there. */
    info = encode(text, 20, ROI_QR_ECC_L, true, ROI_QR_MASK_AUTO);
    assert_int_equal(info.version, 2);
    assert_int_equal(info.ecc, ROI_QR_ECC_Q);
    /* The link default: M, then L past M's capacity, boosted either way. */
    assert_int_equal(roi_qr_encode_link(text, 20, ROI_QR_MASK_AUTO, modules, scratch, &info),
                     ROI_OK);
    assert_int_equal(info.version, 2);
    assert_int_equal(info.ecc, ROI_QR_ECC_Q);
    free(text);
    text = make_text(2500);
    assert_int_equal(roi_qr_encode_link(text, 2500, 3, modules, scratch, &info), ROI_OK);
    assert_int_equal(info.version, 37);
    assert_int_equal(info.ecc, ROI_QR_ECC_L);
    assert_int_equal(info.mask, 3);
    assert_int_equal(roi_qr_encode_link(text, 2331, ROI_QR_MASK_AUTO, modules, scratch, &info),
                     ROI_OK);
    assert_int_equal(info.ecc, ROI_QR_ECC_M);
    assert_int_equal(info.version, 40);
    free(text);
    text = make_text(ROI_QR_MAX_BYTES + 1);
    assert_int_equal(roi_qr_encode_link(text, ROI_QR_MAX_BYTES + 1, ROI_QR_MASK_AUTO, modules,
                                        scratch, &info),
                     ROI_ETOOBIG);
    free(text);
}

static void test_qr_rejects_bad_arguments(void **state)
{
    static const unsigned char data[] = "x";
    roi_qr_options opt = {ROI_QR_ECC_M, false, ROI_QR_MASK_AUTO};
    int size = 0;
    (void)state;
    assert_int_equal(roi_qr_encode(data, 1, ROI_QR_ECC_M, NULL, scratch, &size), ROI_EINVALID);
    assert_int_equal(roi_qr_encode(data, 1, ROI_QR_ECC_M, modules, NULL, &size), ROI_EINVALID);
    assert_int_equal(roi_qr_encode(data, 1, ROI_QR_ECC_M, modules, scratch, NULL), ROI_EINVALID);
    assert_int_equal(roi_qr_encode(NULL, 1, ROI_QR_ECC_M, modules, scratch, &size), ROI_EINVALID);
    assert_int_equal(roi_qr_encode(data, 1, (roi_qr_ecc)4, modules, scratch, &size), ROI_EINVALID);
    assert_int_equal(roi_qr_encode_with(data, 1, NULL, modules, scratch, NULL), ROI_EINVALID);
    opt.mask = 8;
    assert_int_equal(roi_qr_encode_with(data, 1, &opt, modules, scratch, NULL), ROI_EINVALID);
    opt.mask = -2;
    assert_int_equal(roi_qr_encode_with(data, 1, &opt, modules, scratch, NULL), ROI_EINVALID);
    /* Empty data is a valid (version 1) symbol. */
    assert_int_equal(roi_qr_encode(NULL, 0, ROI_QR_ECC_H, modules, scratch, &size), ROI_OK);
    assert_int_equal(size, 21);
}

/* ---- function patterns ------------------------------------------------------ */

/* The 7x7 finder at (row, col) and the light separator around it. */
static void assert_finder(const roi_qr_info *info, int row, int col)
{
    for (int dy = -1; dy <= 7; dy++)
        for (int dx = -1; dx <= 7; dx++) {
            int r = row + dy, c = col + dx;
            if (r < 0 || c < 0 || r >= info->size || c >= info->size)
                continue;
            bool ring = dy == 0 || dy == 6 || dx == 0 || dx == 6;
            bool centre = dy >= 2 && dy <= 4 && dx >= 2 && dx <= 4;
            bool inside = dy >= 0 && dy <= 6 && dx >= 0 && dx <= 6;
            int expected = inside && (ring || centre);
            if (at(info, r, c) != expected)
                fail_msg("version %d: module (%d, %d) of the finder at (%d, %d) is %d",
                         info->version, r, c, row, col, at(info, r, c));
        }
}

/* A 5x5 alignment pattern centred at (row, col). */
static void assert_alignment(const roi_qr_info *info, int row, int col)
{
    for (int dy = -2; dy <= 2; dy++)
        for (int dx = -2; dx <= 2; dx++) {
            int ring1 = (dy == -1 || dy == 1 || dx == -1 || dx == 1) &&
                        dy >= -1 && dy <= 1 && dx >= -1 && dx <= 1;
            assert_int_equal(at(info, row + dy, col + dx), !ring1);
        }
}

static void test_qr_draws_finder_timing_and_alignment_patterns(void **state)
{
    static const size_t lengths[] = {1, 20, 150, 400, 1300, 2953};
    unsigned char *text = make_text(3000);
    (void)state;
    for (size_t i = 0; i < sizeof lengths / sizeof lengths[0]; i++) {
        for (int mask = 0; mask < 8; mask += 3) {
            roi_qr_info info = encode(text, lengths[i], ROI_QR_ECC_L, false, mask);
            int n = info.size;
            assert_finder(&info, 0, 0);
            assert_finder(&info, 0, n - 7);
            assert_finder(&info, n - 7, 0);
            for (int k = 8; k < n - 8; k++) {
                assert_int_equal(at(&info, 6, k), k % 2 == 0);
                assert_int_equal(at(&info, k, 6), k % 2 == 0);
            }
            assert_int_equal(at(&info, n - 8, 8), 1); /* the dark module */
            if (info.version > 1)
                assert_alignment(&info, n - 7, n - 7);
        }
    }
    free(text);
}

/* The version 32 exception: centres 6, 34, 60, 86, 112, 138 (not 22 apart). */
static void test_qr_places_version_32_alignment_patterns(void **state)
{
    static const int centres[] = {6, 34, 60, 86, 112, 138};
    unsigned char *text = make_text(1900);
    (void)state;
    roi_qr_info info = encode(text, 1900, ROI_QR_ECC_L, false, 0);
    assert_int_equal(info.version, 32);
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 6; j++)
            if (!((i == 0 && j == 0) || (i == 0 && j == 5) || (i == 5 && j == 0)))
                assert_alignment(&info, centres[i], centres[j]);
    free(text);
}

/* ---- format and version information ---------------------------------------- */

/* The 32 format words of the standard (annex C), level L M Q H, masks 0..7. */
static const char *const FORMAT_WORDS[4][8] = {
    {"111011111000100", "111001011110011", "111110110101010", "111100010011101",
     "110011000101111", "110001100011000", "110110001000001", "110100101110110"},
    {"101010000010010", "101000100100101", "101111001111100", "101101101001011",
     "100010111111001", "100000011001110", "100111110010111", "100101010100000"},
    {"011010101011111", "011000001101000", "011111100110001", "011101000000110",
     "010010010110100", "010000110000011", "010111011011010", "010101111101101"},
    {"001011010001001", "001001110111110", "001110011100111", "001100111010000",
     "000011101100010", "000001001010101", "000110100001100", "000100000111011"},
};

static int parse_bits(const char *s)
{
    int v = 0;
    for (; *s; s++)
        v = v * 2 + (*s - '0');
    return v;
}

static void test_qr_format_bits_match_the_standard(void **state)
{
    (void)state;
    for (int e = 0; e < 4; e++)
        for (int m = 0; m < 8; m++)
            assert_int_equal(roi_qr_format_bits((roi_qr_ecc)e, m), parse_bits(FORMAT_WORDS[e][m]));
    assert_int_equal(roi_qr_format_bits(ROI_QR_ECC_L, 8), -1);
    assert_int_equal(roi_qr_format_bits((roi_qr_ecc)4, 0), -1);
}

/* The two copies of the format word as the symbol holds them, bit 14 first. */
static void read_format(const roi_qr_info *info, int *first, int *second)
{
    static const int top_left[15][2] = {
        {8, 0}, {8, 1}, {8, 2}, {8, 3}, {8, 4}, {8, 5}, {8, 7}, {8, 8},
        {7, 8}, {5, 8}, {4, 8}, {3, 8}, {2, 8}, {1, 8}, {0, 8}};
    int n = info->size;
    *first = *second = 0;
    for (int i = 0; i < 15; i++) {
        *first = *first * 2 + at(info, top_left[i][0], top_left[i][1]);
        /* bits 14..8 up column 8 from the bottom, 7..0 along row 8 to the right */
        int bit = i < 7 ? at(info, n - 1 - i, 8) : at(info, 8, n - 15 + i);
        *second = *second * 2 + bit;
    }
}

static void test_qr_writes_the_format_of_the_level_and_mask_used(void **state)
{
    unsigned char *text = make_text(300);
    (void)state;
    for (int e = 0; e < 4; e++)
        for (int m = 0; m < 8; m++) {
            roi_qr_info info = encode(text, 30 + (size_t)(e * 8 + m) * 8, (roi_qr_ecc)e, false, m);
            int first, second;
            assert_int_equal(info.mask, m);
            assert_int_equal(info.ecc, e);
            read_format(&info, &first, &second);
            assert_int_equal(first, parse_bits(FORMAT_WORDS[e][m]));
            assert_int_equal(second, first);
        }
    free(text);
}

static void test_qr_version_bits_match_the_standard(void **state)
{
    /* annex D: 7, 8, 21, 40 */
    static const struct { int version; const char *bits; } rows[] = {
        {7, "000111110010010100"}, {8, "001000010110111100"},
        {21, "010101011010000011"}, {40, "101000110001101001"}};
    unsigned char *text = make_text(3000);
    (void)state;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        long expected = parse_bits(rows[i].bits);
        assert_int_equal(roi_qr_version_bits(rows[i].version), expected);
        /* In the symbol: bit k at row k / 3, column size - 11 + k % 3, and transposed. */
        roi_qr_info info = encode(text, (size_t)roi_qr_capacity(rows[i].version, ROI_QR_ECC_L),
                                  ROI_QR_ECC_L, false, ROI_QR_MASK_AUTO);
        assert_int_equal(info.version, rows[i].version);
        for (int k = 0; k < 18; k++) {
            int a = info.size - 11 + k % 3, b = k / 3;
            assert_int_equal(at(&info, b, a), (expected >> k) & 1);
            assert_int_equal(at(&info, a, b), (expected >> k) & 1);
        }
    }
    assert_int_equal(roi_qr_version_bits(6), -1);
    assert_int_equal(roi_qr_version_bits(41), -1);
    free(text);
}

/* ---- Reed-Solomon ------------------------------------------------------------ */

static void test_qr_reed_solomon_matches_known_vectors(void **state)
{
    /* Degree 7: a^87, a^229, a^146, a^149, a^238, a^102, a^21 as integers. */
    static const unsigned char gen7[] = {127, 122, 154, 164, 11, 68, 117};
    /* 1-M "01234567" of ISO/IEC 18004 annex I, and the 1-M "HELLO WORLD" of
     * the usual tutorials: 16 data codewords, 10 error-correction codewords. */
    static const struct { unsigned char data[16], ecc[10]; } vectors[] = {
        {{0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11,
          0xEC, 0x11},
         {0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55}},
        {{32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17},
         {196, 35, 39, 119, 235, 215, 231, 226, 93, 23}},
    };
    unsigned char gen[30], out[30];
    (void)state;
    roi_qr_rs_generator(7, gen);
    assert_memory_equal(gen, gen7, 7);
    roi_qr_rs_generator(10, gen);
    for (size_t i = 0; i < sizeof vectors / sizeof vectors[0]; i++) {
        roi_qr_rs_remainder(vectors[i].data, 16, gen, 10, out);
        assert_memory_equal(out, vectors[i].ecc, 10);
    }
    /* A codeword (data then remainder) leaves no remainder. */
    unsigned char word[26];
    memcpy(word, vectors[0].data, 16);
    memcpy(word + 16, vectors[0].ecc, 10);
    roi_qr_rs_remainder(word, 26, gen, 10, out);
    for (int i = 0; i < 10; i++)
        assert_int_equal(out[i], 0);
}

/* ---- an independent encoder ------------------------------------------------- */

/* Matrices made by another implementation (python3-qrcode 7.4 from Debian, byte
 * mode, version, level and mask forced; '#' dark): ours must be identical,
 * padding codewords and remainder bits included, which a reader would not
 * notice.  Version 7-Q has short and long blocks and version information. */
static const char *const KNOWN_V1_M_MASK2[] = {
        "#######..#..#.#######",
        "#.....#.......#.....#",
        "#.###.#.#####.#.###.#",
        "#.###.#.##.##.#.###.#",
        "#.###.#.#####.#.###.#",
        "#.....#.#...#.#.....#",
        "#######.#.#.#.#######",
        "........#####........",
        "#.#####.....#.#####..",
        ".#.###...##.#..###...",
        "...#####...#.##..#.#.",
        "...#...####....#.##.#",
        "..#..##.#.##....#.#..",
        "........#.#######..#.",
        "#######.....#.#..###.",
        "#.....#.##.####...#..",
        "#.###.#.###.#..#....#",
        "#.###.#.#...#..##.#..",
        "#.###.#.####.#....#..",
        "#.....#..##.....###..",
        "#######.#..#.#.#...#.",
};

static const char *const KNOWN_V7_Q_MASK5[] = {
        "#######.#.######...#.###.####.#..#..#.#######",
        "#.....#.#.##...###...#.##.#......#.#..#.....#",
        "#.###.#...#...#..#..#......####..#.#..#.###.#",
        "#.###.#..##..#.####.#.#.###.#...##.##.#.###.#",
        "#.###.#..#...###.########...#.#...###.#.###.#",
        "#.....#..##.#.##....#...##...#........#.....#",
        "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
        ".........##...###..##...##..#..###.#.........",
        ".#....####...##...#######.##.#.#.##..#.....##",
        ".##.##..#.######.....#...##..###.######.##..#",
        "...#..##.###.......##.##..#..##########....#.",
        "...###.##..#.##....#..####..#...###.###.####.",
        ".#.######...##..##.#.#####..#.#.####..#.#....",
        "#..##...#.######..#.##.###..###....###...#.##",
        "#.##.##..#.###....##..##.##....#..#.###..#.#.",
        "#.#..#......##..##.#.###.#....#....#.#.#.####",
        "#..#.###.#..#...........#.##.#...###.#.#...#.",
        ".....#.##.#......#.#####...#####....##.#.##.#",
        "..##.#######.########...#..###..##........#.#",
        ".#.....#####.#..#.....#####..#.###..#.###.##.",
        "##.######.##.###..#.#####.#.#..#....#####....",
        ".####...#.##.##.....#...##...#.#..###...#..#.",
        "#####.#.#.###..##..##.#.#...#.#..####.#.#.#..",
        "..###...##.#.....#.##...#..##.#.##..#...###.#",
        ".##.#####..#.....##.######.##.#.#...#####..##",
        "#..###.#.###.#.##.#.##....##.#####..##.#....#",
        "....#.#...#....#............#..####.#..##.##.",
        "#.####....#####.##...##.####.#.#.#####..###..",
        "#.#..###.##.#.....###.####...##.....##.##..#.",
        "..#....#...#...#.......#..###.#.##..##.#..#.#",
        "##..####.#.####.#.#.#.###.#.#...##.####.#...#",
        "..#.....###.#.#..##.#.#.####..#.#..#.##..###.",
        "...####...#..#.##......#.##....#..#..#.##..#.",
        "#.##...#.......#.#.##.#.#.#.###.###..#######.",
        "....#.#......#.#.#.###..#.....########....#..",
        ".####....#####..##..##..#...##.#####..#..##.#",
        "#..##.#.#....#....############..#.#######....",
        "........#....##..##.#...####.###....#...##..#",
        "#######.#.#...#..####.#.##.#...#..#.#.#.#.##.",
        "#.....#..#..##.##..##...###..##..#..#...#.#..",
        "#.###.#...#..##.##.######.#..###..#.######.##",
        "#.###.#...##..#..##..######...#.#......#####.",
        "#.###.#.........##....#.###......#..###.##..#",
        "#.....#.##.###.#.#..##.#.###..#.###.##...##..",
        "#######...##.######..#.....#.##...#.###....#.",
};

static void assert_matrix(const char *const *rows, const roi_qr_info *info)
{
    for (int r = 0; r < info->size; r++)
        for (int c = 0; c < info->size; c++)
            if (at(info, r, c) != (rows[r][c] == '#'))
                fail_msg("version %d: module (%d, %d) differs", info->version, r, c);
}

static void test_qr_matches_an_independent_encoder(void **state)
{
    static const char v1[] = "ROI calc";
    static const char v7[] =
        "https://calc.example/#v=1&n=Campagne+RDV&entry=meetings&vol=50&close=0.25&deal=60";
    (void)state;
    roi_qr_info info = encode((const unsigned char *)v1, strlen(v1), ROI_QR_ECC_M, false, 2);
    assert_int_equal(info.version, 1);
    assert_matrix(KNOWN_V1_M_MASK2, &info);
    info = encode((const unsigned char *)v7, strlen(v7), ROI_QR_ECC_Q, false, 5);
    assert_int_equal(info.version, 7);
    assert_matrix(KNOWN_V7_Q_MASK5, &info);
}

/* ---- masks, determinism -------------------------------------------------------- */

/* The eight mask conditions of ISO/IEC 18004 table 10 (i row, j column),
 * written out again here. */
static bool standard_mask(int k, int i, int j)
{
    switch (k) {
    case 0: return (i + j) % 2 == 0;
    case 1: return i % 2 == 0;
    case 2: return j % 3 == 0;
    case 3: return (i + j) % 3 == 0;
    case 4: return (i / 2 + j / 3) % 2 == 0;
    case 5: return (i * j) % 2 + (i * j) % 3 == 0;
    case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0;
    default: return ((i * j) % 3 + (i + j) % 2) % 2 == 0;
    }
}

/* Encodings of the same data with mask 0 and mask k differ exactly where one
 * of the two conditions holds in every data module (remainder bits included),
 * nowhere in the function patterns; the format information may differ. */
static void test_qr_masks_flip_only_data_modules(void **state)
{
    static unsigned char first[ROI_QR_BUFFER_LEN];
    unsigned char *text = make_text(100);
    (void)state;
    roi_qr_info a = encode(text, 100, ROI_QR_ECC_M, false, 0);
    assert_int_equal(a.version, 6); /* one alignment pattern, at (34, 34) */
    memcpy(first, modules, (size_t)(a.size * a.size));
    int n = a.size;
    for (int k = 1; k < 8; k++) {
        encode(text, 100, ROI_QR_ECC_M, false, k);
        for (int r = 0; r < n; r++)
            for (int c = 0; c < n; c++) {
                bool format = (r == 8 && (c <= 8 || c >= n - 8)) ||
                              (c == 8 && (r <= 8 || r >= n - 8));
                bool function = (r <= 8 && c <= 8) || (r <= 8 && c >= n - 8) ||
                                (r >= n - 8 && c <= 8) || r == 6 || c == 6 ||
                                (r >= 32 && r <= 36 && c >= 32 && c <= 36);
                int diff = first[r * n + c] ^ modules[r * n + c];
                int expected = function ? 0 : standard_mask(0, r, c) != standard_mask(k, r, c);
                if (!format && diff != expected)
                    fail_msg("mask %d: module (%d, %d) differs by %d from mask 0", k, r, c, diff);
            }
    }
    free(text);
}

static void test_qr_is_deterministic_and_reads_no_stale_buffer(void **state)
{
    static unsigned char first[ROI_QR_BUFFER_LEN];
    unsigned char *text = make_text(500);
    int size = 0, again = 0;
    (void)state;
    memset(modules, 0xA5, sizeof modules);
    memset(scratch, 0x5A, sizeof scratch);
    assert_int_equal(roi_qr_encode(text, 500, ROI_QR_ECC_Q, modules, scratch, &size), ROI_OK);
    memcpy(first, modules, (size_t)(size * size));
    memset(modules, 0xFF, sizeof modules);
    memset(scratch, 0xFF, sizeof scratch);
    assert_int_equal(roi_qr_encode(text, 500, ROI_QR_ECC_Q, modules, scratch, &again), ROI_OK);
    assert_int_equal(again, size);
    assert_memory_equal(first, modules, (size_t)(size * size));
    for (int i = 0; i < size * size; i++)
        assert_true(modules[i] <= 1);
    free(text);
}

/* The automatic mask is one of the eight, and about half the modules are dark. */
static void test_qr_chooses_a_balanced_mask(void **state)
{
    unsigned char *text = make_text(2953);
    (void)state;
    for (size_t len = 1; len <= 2953; len = len * 3 + 7) {
        roi_qr_info info = encode(text, len, ROI_QR_ECC_L, false, ROI_QR_MASK_AUTO);
        assert_in_range(info.mask, 0, 7);
        long dark = 0;
        for (int i = 0; i < info.size * info.size; i++)
            dark += modules[i];
        long pct = dark * 100 / (info.size * info.size);
        assert_in_range(pct, 40, 60);
    }
    free(text);
}

/* ---- SVG ------------------------------------------------------------------------- */

static long read_int(const char **p)
{
    char *end;
    long v = strtol(*p, &end, 10);
    assert_true(end != *p);
    *p = end;
    return v;
}

/* Paints the runs of the SVG path ("M/m x y h n v1 h-n z") into grid (side x
 * side modules, quiet zone included). */
static void paint_path(const char *d, unsigned char *grid, int side)
{
    long x = 0, y = 0;
    while (*d != '"') {
        char cmd = *d++;
        assert_true(cmd == 'M' || cmd == 'm');
        long dx = read_int(&d);
        assert_int_equal(*d++, ' ');
        long dy = read_int(&d);
        x = cmd == 'M' ? dx : x + dx;
        y = cmd == 'M' ? dy : y + dy;
        assert_int_equal(*d++, 'h');
        long n = read_int(&d);
        assert_true(strncmp(d, "v1h-", 4) == 0);
        d += 4;
        assert_int_equal(read_int(&d), n);
        assert_int_equal(*d++, 'z');
        assert_true(x >= 0 && y >= 0 && x + n <= side && y < side);
        for (long k = 0; k < n; k++) {
            assert_int_equal(grid[y * side + x + k], 0); /* runs never overlap */
            grid[y * side + x + k] = 1;
        }
    }
}

static void test_qr_svg_draws_exactly_the_dark_modules(void **state)
{
    static const char link[] =
        "https://calc.example/index.html#v=1&n=Campagne+factur%C3%A9e+au+rendez-vous"
        "&entry=meetings&model=per_meeting&vol=50&close=0.25&deal=6000&margin=0.4&pmeet=120";
    static unsigned char grid[ROI_QR_BUFFER_LEN];
    char head[256];
    roi_qr_info info;
    (void)state;
    char *svg = roi_qr_svg(link, strlen(link));
    assert_non_null(svg);
    assert_int_equal(roi_qr_encode_link((const unsigned char *)link, strlen(link),
                                        ROI_QR_MASK_AUTO, modules, scratch, &info),
                     ROI_OK);
    int side = info.size + 8;
    snprintf(head, sizeof head,
             "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
             "shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
             "<path fill=\"#000\" d=\"", side, side, side, side);
    assert_true(strncmp(svg, head, strlen(head)) == 0);
    assert_non_null(strstr(svg, "\"/></svg>"));
    assert_null(strstr(strstr(svg, "<path") + 1, "<path")); /* one path */
    memset(grid, 0, sizeof grid);
    paint_path(svg + strlen(head), grid, side);
    for (int r = 0; r < side; r++)
        for (int c = 0; c < side; c++) {
            int inside = r >= 4 && c >= 4 && r < side - 4 && c < side - 4;
            int expected = inside ? modules[(r - 4) * info.size + c - 4] : 0;
            assert_int_equal(grid[r * side + c], expected);
        }
    roi_free(svg);
}

static void test_qr_svg_holds_no_text_of_the_input(void **state)
{
    static const char evil[] = "\"/><script>alert('x')</script><a href=\"javascript:x\">&amp;";
    (void)state;
    char *svg = roi_qr_svg(evil, strlen(evil));
    assert_non_null(svg);
    /* Only the fixed markup, digits and path commands. */
    const char *d = strstr(svg, " d=\"") + 4;
    for (const char *p = d; *p != '"'; p++)
        assert_non_null(strchr("0123456789 -Mmhvz", *p));
    assert_null(strstr(svg, "script"));
    assert_null(strstr(svg, "alert"));
    assert_null(strstr(svg, "&"));
    assert_int_equal(strstr(d, "\"/></svg>")[9], '\0');
    roi_free(svg);
}

static void test_qr_svg_refuses_what_does_not_fit(void **state)
{
    unsigned char *text = make_text(ROI_QR_MAX_BYTES + 1);
    (void)state;
    assert_null(roi_qr_svg((const char *)text, ROI_QR_MAX_BYTES + 1));
    assert_null(roi_qr_svg(NULL, 0));
    char *svg = roi_qr_svg((const char *)text, ROI_QR_MAX_BYTES);
    assert_non_null(svg);
    assert_non_null(strstr(svg, "viewBox=\"0 0 185 185\""));
    roi_free(svg);
    svg = roi_qr_svg("", 0);
    assert_non_null(strstr(svg, "viewBox=\"0 0 29 29\""));
    roi_free(svg);
    assert_null(roi_qr_matrix_svg(modules, 20));
    assert_null(roi_qr_matrix_svg(modules, 178));
    assert_null(roi_qr_matrix_svg(NULL, 21));
    free(text);
}

/* ---- the command line: roi link qr ---------------------------------------------- */

static void write_text(const char *name, size_t n, const char *suffix)
{
    char path[128];
    unsigned char *text = make_text(n);
    snprintf(path, sizeof path, "%s/%s", test_tmp_dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, n, f);
    fputs(suffix, f);
    fclose(f);
    free(text);
}

static const test_cli_case CLI_CASES[] = {
    {"https://example.com/", 0, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 33 33\"", NULL},
    {"--pbm https://example.com/", 0, "P1\n132 132\n", NULL},
    {"--ecc H --mask 3 --pbm abc", 0, "P1\n116 116\n", NULL},
    {"--ecc L - < /dev/null", 0, "viewBox=\"0 0 29 29\"", NULL},
    {"- < max.txt", 0, "viewBox=\"0 0 185 185\"", NULL},
    {"--ecc H - < h-max.txt", 0, "viewBox=\"0 0 185 185\"", NULL},
    {"--help", 0, "roi link qr [--pbm]", NULL},
    {"- < over.txt", 1, NULL, "2954 bytes do not fit a QR code (at most 2953 at level L)"},
    {"--ecc H - < h-over.txt", 1, NULL, "(at most 1273 at level H)"},
    {"", 2, NULL, "roi link qr: missing STRING"},
    {"--ecc X abc", 2, NULL, "--ecc needs L, M, Q or H"},
    {"--ecc LM abc", 2, NULL, "--ecc needs L, M, Q or H"},
    {"--ecc", 2, NULL, "--ecc needs L, M, Q or H"},
    {"--mask 8 abc", 2, NULL, "--mask needs a number from 0 to 7"},
    {"--mask 1.5 abc", 2, NULL, "--mask needs a number from 0 to 7"},
    {"--pretty abc", 2, NULL, "unexpected argument '--pretty'"},
    {"abc def", 2, NULL, "unexpected argument 'def'"},
    {"- < /", 2, NULL, "roi: cannot read -"},
};

static void test_qr_cli_exit_codes_and_streams(void **state)
{
    (void)state;
    write_text("max.txt", ROI_QR_MAX_BYTES, "\n"); /* the line break is dropped */
    write_text("over.txt", ROI_QR_MAX_BYTES + 1, "");
    write_text("h-max.txt", 1273, "\r\n");
    write_text("h-over.txt", 1274, "");
    test_cli_cases("link qr", CLI_CASES, sizeof CLI_CASES / sizeof CLI_CASES[0]);
}

/* The CLI prints what roi_qr_svg makes, and --pbm the same modules. */
static void test_qr_cli_prints_the_library_symbol(void **state)
{
    static const char link[] = "https://calc.example/#v=1&vol=50";
    roi_qr_info info;
    char args[128];
    (void)state;
    snprintf(args, sizeof args, "link qr '%s'", link);
    test_run_result r = test_run_cli(args);
    assert_int_equal(r.status, 0);
    const char *out = r.out;
    char *svg = roi_qr_svg(link, strlen(link));
    assert_int_equal(strlen(out), strlen(svg) + 1);
    assert_memory_equal(out, svg, strlen(svg));
    assert_int_equal(out[strlen(svg)], '\n');
    roi_free(svg);
    test_run_free(&r);

    snprintf(args, sizeof args, "link qr --pbm '%s'", link);
    r = test_run_cli(args);
    assert_int_equal(r.status, 0);
    out = r.out;
    assert_int_equal(roi_qr_encode_link((const unsigned char *)link, strlen(link),
                                        ROI_QR_MASK_AUTO, modules, scratch, &info),
                     ROI_OK);
    int pixels = (info.size + 8) * 4, n = 0;
    const char *p = out;
    assert_int_equal(sscanf(p, "P1 %d %d%n", &pixels, &pixels, &n), 2);
    assert_int_equal(pixels, (info.size + 8) * 4);
    p += n;
    for (int y = 0; y < pixels; y++)
        for (int x = 0; x < pixels; x++) {
            while (*p == '\n' || *p == ' ')
                p++;
            int row = y / 4 - 4, col = x / 4 - 4;
            int dark = row >= 0 && col >= 0 && row < info.size && col < info.size &&
                       modules[row * info.size + col];
            assert_int_equal(*p++, dark ? '1' : '0');
        }
    assert_string_equal(p, "\n");
    /* lines of at most 70 characters, as the format asks */
    for (const char *line = out; *line; line = strchr(line, '\n') + 1)
        assert_true(strchr(line, '\n') - line <= 70);
    test_run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_qr_chooses_the_smallest_version),
        cmocka_unit_test(test_qr_capacity_matches_the_standard_table),
        cmocka_unit_test(test_qr_boost_raises_the_level_within_the_version),
        cmocka_unit_test(test_qr_rejects_bad_arguments),
        cmocka_unit_test(test_qr_draws_finder_timing_and_alignment_patterns),
        cmocka_unit_test(test_qr_places_version_32_alignment_patterns),
        cmocka_unit_test(test_qr_format_bits_match_the_standard),
        cmocka_unit_test(test_qr_writes_the_format_of_the_level_and_mask_used),
        cmocka_unit_test(test_qr_version_bits_match_the_standard),
        cmocka_unit_test(test_qr_reed_solomon_matches_known_vectors),
        cmocka_unit_test(test_qr_matches_an_independent_encoder),
        cmocka_unit_test(test_qr_masks_flip_only_data_modules),
        cmocka_unit_test(test_qr_is_deterministic_and_reads_no_stale_buffer),
        cmocka_unit_test(test_qr_chooses_a_balanced_mask),
        cmocka_unit_test(test_qr_svg_draws_exactly_the_dark_modules),
        cmocka_unit_test(test_qr_svg_holds_no_text_of_the_input),
        cmocka_unit_test(test_qr_svg_refuses_what_does_not_fit),
        cmocka_unit_test(test_qr_cli_exit_codes_and_streams),
        cmocka_unit_test(test_qr_cli_prints_the_library_symbol),
    };
    return cmocka_run_group_tests(tests, test_tmp_setup, test_tmp_teardown);
}
