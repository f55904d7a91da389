/*
 * roi_qr.c - QR code encoder, byte mode (ISO/IEC 18004).
 *
 * Steps: choose the version; write the bit stream (mode, count, bytes,
 * terminator, padding) as data codewords; split them into blocks and append
 * each block's Reed-Solomon codewords; interleave; draw the function patterns;
 * place the codewords in the zigzag; try the eight masks and keep the one of
 * lowest penalty; write the format information.
 *
 * While building, a module byte holds DARK (bit 0) and FUNCTION (bit 1, a
 * module of a function pattern: no data, no mask); the flag is cleared at the
 * end.  Scratch holds the codewords: blocks (data then error correction) in
 * [0, total), the interleaved sequence in [total, 2 * total).
 */
#include "roi_qr.h"

#include <string.h>

enum { DARK = 1, FUNCTION = 2 };
enum { MIN_VERSION = 1, MAX_VERSION = 40, LEVELS = 4, MASKS = 8 };

/* Error-correction codewords per block, by level (L, M, Q, H) and version
 * (ISO/IEC 18004 table 9; index 0 unused). */
static const unsigned char ECC_PER_BLOCK[LEVELS][MAX_VERSION + 1] = {
    {0, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28,
     28, 28, 30, 30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26,
     26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28},
    {0, 13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30,
     28, 30, 30, 30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
    {0, 17, 28, 22, 16, 22, 28, 26, 26, 24, 28, 24, 28, 22, 24, 24, 30, 28, 28, 26, 28,
     30, 24, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30},
};

/* Error-correction blocks, same layout. */
static const unsigned char BLOCKS[LEVELS][MAX_VERSION + 1] = {
    {0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8,
     8, 9, 9, 10, 12, 12, 12, 13, 14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25},
    {0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16,
     17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49},
    {0, 1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20,
     23, 23, 25, 27, 29, 34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68},
    {0, 1, 1, 2, 4, 4, 4, 5, 6, 8, 8, 11, 11, 16, 16, 18, 16, 19, 21, 25, 25,
     25, 34, 30, 32, 35, 37, 40, 42, 45, 48, 51, 54, 57, 60, 63, 66, 70, 74, 77, 81},
};

/* The two bits of each level in the format information: L 01, M 00, Q 11, H 10. */
static const unsigned char LEVEL_BITS[LEVELS] = {1, 0, 3, 2};

/* ---- sizes and capacities ------------------------------------------------ */

static int side(int version)
{
    return 4 * version + 17;
}

/* Alignment pattern centres per axis: none for version 1, else v / 7 + 2. */
static int alignment_count(int version)
{
    return version == 1 ? 0 : version / 7 + 2;
}

/* Centre coordinates of the alignment patterns along one axis: 6, then the
 * others from size - 7 down, an even step apart, the first gap taking what is
 * left.  Version 32 is the standard's one exception (step 26, not 22). */
static int alignment_positions(int version, int pos[7])
{
    int n = alignment_count(version);
    if (n == 0)
        return 0;
    int last = side(version) - 7;
    int gaps = n - 1;
    int step = version == 32 ? 26 : (last - 6 + 2 * gaps - 1) / (2 * gaps) * 2;
    pos[0] = 6;
    for (int i = n - 1; i >= 1; i--)
        pos[i] = last - (n - 1 - i) * step;
    return n;
}

/* Modules left for codewords and remainder bits: all of them less the finders
 * with separators (3 x 64), format information and dark module (31), timing
 * patterns, alignment patterns (less their overlap with the timing patterns)
 * and version information (2 x 18). */
static int raw_data_modules(int version)
{
    int size = side(version), n = alignment_count(version);
    int count = size * size - 3 * 64 - 31 - 2 * (size - 16);
    if (n > 0)
        count -= 25 * (n * n - 3) - 2 * 5 * (n - 2);
    if (version >= 7)
        count -= 2 * 18;
    return count;
}

static int total_codewords(int version)
{
    return raw_data_modules(version) / 8;
}

static int data_codewords(int version, roi_qr_ecc ecc)
{
    return total_codewords(version) - ECC_PER_BLOCK[ecc][version] * BLOCKS[ecc][version];
}

/* Bits of the character count in byte mode. */
static int count_bits(int version)
{
    return version <= 9 ? 8 : 16;
}

static bool valid_level(roi_qr_ecc ecc)
{
    return (int)ecc >= ROI_QR_ECC_L && (int)ecc <= ROI_QR_ECC_H;
}

int roi_qr_capacity(int version, roi_qr_ecc ecc)
{
    if (version < MIN_VERSION || version > MAX_VERSION || !valid_level(ecc))
        return 0;
    return (data_codewords(version, ecc) * 8 - 4 - count_bits(version)) / 8;
}

/* The smallest version that holds len bytes at level ecc, 0 when none does. */
static int smallest_version(size_t len, roi_qr_ecc ecc)
{
    for (int v = MIN_VERSION; v <= MAX_VERSION; v++)
        if (len <= (size_t)roi_qr_capacity(v, ecc))
            return v;
    return 0;
}

/* ---- BCH codes of the format and version information --------------------- */

/* Remainder of value * x^degree divided by poly (of that degree), over GF(2). */
static unsigned long bch_remainder(unsigned long value, unsigned long poly, int degree)
{
    value <<= degree;
    for (int bit = 31; bit >= degree; bit--)
        if ((value >> bit) & 1u)
            value ^= poly << (bit - degree);
    return value;
}

int roi_qr_format_bits(roi_qr_ecc ecc, int mask)
{
    if (!valid_level(ecc) || mask < 0 || mask >= MASKS)
        return -1;
    unsigned long data = (unsigned long)(LEVEL_BITS[ecc] << 3 | mask);
    unsigned long word = data << 10 | bch_remainder(data, 0x537, 10);
    return (int)(word ^ 0x5412);
}

long roi_qr_version_bits(int version)
{
    if (version < 7 || version > MAX_VERSION)
        return -1;
    unsigned long data = (unsigned long)version;
    return (long)(data << 12 | bch_remainder(data, 0x1F25, 12));
}

/* ---- Reed-Solomon over GF(256) ------------------------------------------- */

/* Product in GF(256) modulo x^8 + x^4 + x^3 + x^2 + 1. */
static unsigned gf_mul(unsigned a, unsigned b)
{
    unsigned product = 0;
    for (; b != 0; b >>= 1) {
        if (b & 1u)
            product ^= a;
        a <<= 1;
        if (a & 0x100u)
            a ^= 0x11Du;
    }
    return product;
}

void roi_qr_rs_generator(int degree, unsigned char *gen)
{
    /* Multiplies the monic x^k + gen[0] x^(k-1) + ... + gen[k-1] by (x + root),
     * root = a^k, for k = 0..degree-1 (minus is plus in GF(2^8)). */
    unsigned root = 1;
    for (int k = 0; k < degree; k++) {
        for (int j = k; j >= 0; j--) {
            unsigned above = j > 0 ? gen[j - 1] : 1u;
            unsigned here = j < k ? gen[j] : 0u;
            gen[j] = (unsigned char)(here ^ gf_mul(root, above));
        }
        root = gf_mul(root, 2);
    }
}

void roi_qr_rs_remainder(const unsigned char *data, size_t len,
                         const unsigned char *gen, int degree, unsigned char *out)
{
    size_t n = (size_t)degree;
    memset(out, 0, n);
    for (size_t i = 0; i < len; i++) {
        unsigned factor = (unsigned)(data[i] ^ out[0]);
        memmove(out, out + 1, n - 1);
        out[n - 1] = 0;
        for (size_t j = 0; j < n; j++)
            out[j] = (unsigned char)(out[j] ^ gf_mul(gen[j], factor));
    }
}

/* ---- codewords ----------------------------------------------------------- */

typedef struct {
    unsigned char *bytes; /* zeroed beforehand */
    size_t bits;
} bit_writer;

static void put_bits(bit_writer *w, unsigned value, int count)
{
    for (int i = count - 1; i >= 0; i--, w->bits++)
        if ((value >> i) & 1u)
            w->bytes[w->bits / 8] = (unsigned char)(w->bytes[w->bits / 8] | 0x80u >> (w->bits % 8));
}

/* The data codewords: mode 0100, count, the bytes, a terminator of up to four
 * zeros, zeros to the byte boundary, then 0xEC 0x11 alternately. */
static void write_data(const unsigned char *data, size_t len, int version,
                       int capacity, unsigned char *out)
{
    bit_writer w = {out, 0};
    size_t limit = (size_t)capacity * 8;
    memset(out, 0, (size_t)capacity);
    put_bits(&w, 4, 4);
    put_bits(&w, (unsigned)len, count_bits(version));
    for (size_t i = 0; i < len; i++)
        put_bits(&w, data[i], 8);
    w.bits += limit - w.bits < 4 ? limit - w.bits : 4;
    w.bits = (w.bits + 7) / 8 * 8;
    for (unsigned pad = 0xEC; w.bits < limit; pad ^= 0xEC ^ 0x11)
        put_bits(&w, pad, 8);
}

/* Block layout of one version and level. */
typedef struct {
    int blocks, short_blocks; /* the short ones come first */
    int short_data;           /* data codewords of a short block; long: + 1 */
    int ecc;                  /* error-correction codewords per block */
    int total;                /* all codewords */
} layout;

static layout block_layout(int version, roi_qr_ecc ecc)
{
    layout l;
    l.total = total_codewords(version);
    l.blocks = BLOCKS[ecc][version];
    l.ecc = ECC_PER_BLOCK[ecc][version];
    l.short_blocks = l.blocks - l.total % l.blocks;
    l.short_data = l.total / l.blocks - l.ecc;
    return l;
}

static int block_data(const layout *l, int b)
{
    return l->short_data + (b < l->short_blocks ? 0 : 1);
}

/* Copies the data codewords (at data) into blocks at out, each followed by
 * its error-correction codewords. */
static void make_blocks(const layout *l, const unsigned char *data, unsigned char *out)
{
    unsigned char gen[30];
    roi_qr_rs_generator(l->ecc, gen);
    for (int b = 0; b < l->blocks; b++) {
        size_t n = (size_t)block_data(l, b);
        memcpy(out, data, n);
        roi_qr_rs_remainder(out, n, gen, l->ecc, out + n);
        data += n;
        out += n + (size_t)l->ecc;
    }
}

/* Offset of block b in the block area: short blocks first, then long ones. */
static int block_start(const layout *l, int b)
{
    int extra = b > l->short_blocks ? b - l->short_blocks : 0;
    return b * (l->short_data + l->ecc) + extra;
}

/* Interleaves: data codeword i of every block in turn, then error-correction
 * codeword i of every block in turn. */
static void interleave(const layout *l, const unsigned char *blocks, unsigned char *out)
{
    size_t k = 0;
    for (int i = 0; i <= l->short_data; i++)
        for (int b = 0; b < l->blocks; b++)
            if (i < block_data(l, b))
                out[k++] = blocks[block_start(l, b) + i];
    for (int i = 0; i < l->ecc; i++)
        for (int b = 0; b < l->blocks; b++)
            out[k++] = blocks[block_start(l, b) + block_data(l, b) + i];
}

/* ---- function patterns ---------------------------------------------------- */

static void set_function(unsigned char *m, int size, int row, int col, bool dark)
{
    m[row * size + col] = (unsigned char)(FUNCTION | (dark ? DARK : 0));
}

static int chebyshev(int dy, int dx)
{
    int ay = dy < 0 ? -dy : dy, ax = dx < 0 ? -dx : dx;
    return ay > ax ? ay : ax;
}

/* A finder pattern centred at (row, col) with its light separator. */
static void draw_finder(unsigned char *m, int size, int row, int col)
{
    for (int dy = -4; dy <= 4; dy++)
        for (int dx = -4; dx <= 4; dx++) {
            int r = row + dy, c = col + dx, d = chebyshev(dy, dx);
            if (r >= 0 && r < size && c >= 0 && c < size)
                set_function(m, size, r, c, d != 2 && d != 4);
        }
}

static void draw_alignments(unsigned char *m, int size, int version)
{
    int pos[7];
    int n = alignment_positions(version, pos);
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            if ((i == 0 && j == 0) || (i == 0 && j == n - 1) || (i == n - 1 && j == 0))
                continue; /* the corners of the finder patterns */
            for (int dy = -2; dy <= 2; dy++)
                for (int dx = -2; dx <= 2; dx++)
                    set_function(m, size, pos[i] + dy, pos[j] + dx, chebyshev(dy, dx) != 1);
        }
}

/* Both copies of the format information, and the dark module. */
static void draw_format(unsigned char *m, int size, int bits)
{
    for (int i = 0; i < 15; i++) {
        bool dark = (bits >> i) & 1;
        /* by the top-left finder: bits 0-7 down column 8, 8-14 leftwards along
         * row 8, both skipping the timing pattern */
        if (i < 6)
            set_function(m, size, i, 8, dark);
        else if (i < 8)
            set_function(m, size, i + 1, 8, dark);
        else if (i == 8)
            set_function(m, size, 8, 7, dark);
        else
            set_function(m, size, 8, 14 - i, dark);
        /* bits 0-7 leftwards along row 8 from the right edge, 8-14 down column 8
         * to the bottom edge */
        if (i < 8)
            set_function(m, size, 8, size - 1 - i, dark);
        else
            set_function(m, size, size - 15 + i, 8, dark);
    }
    set_function(m, size, size - 8, 8, true);
}

/* Both copies of the version information (versions 7 and up): bit i at row
 * i / 3, column size - 11 + i % 3 and transposed. */
static void draw_version(unsigned char *m, int size, int version)
{
    long bits = roi_qr_version_bits(version);
    if (bits < 0)
        return;
    for (int i = 0; i < 18; i++) {
        bool dark = (bits >> i) & 1;
        int a = size - 11 + i % 3, b = i / 3;
        set_function(m, size, b, a, dark);
        set_function(m, size, a, b, dark);
    }
}

static void draw_function_patterns(unsigned char *m, int size, int version)
{
    memset(m, 0, (size_t)size * (size_t)size);
    for (int i = 0; i < size; i++) {
        set_function(m, size, 6, i, i % 2 == 0);
        set_function(m, size, i, 6, i % 2 == 0);
    }
    draw_finder(m, size, 3, 3);
    draw_finder(m, size, 3, size - 4);
    draw_finder(m, size, size - 4, 3);
    draw_alignments(m, size, version);
    draw_format(m, size, 0); /* reserves the modules; written again at the end */
    draw_version(m, size, version);
}

/* ---- data placement and masking ------------------------------------------- */

/* Places the codewords bit by bit, most significant first, in two-module
 * columns from the right, upwards then downwards, skipping the vertical timing
 * pattern and the function modules.  Remainder bits stay light. */
static void place_codewords(unsigned char *m, int size, const unsigned char *cw, int count)
{
    long bit = 0, bits = (long)count * 8;
    for (int right = size - 1; right >= 1; right -= 2) {
        if (right == 6)
            right = 5;
        bool upward = ((right + 1) & 2) == 0;
        for (int k = 0; k < size; k++) {
            int row = upward ? size - 1 - k : k;
            for (int j = 0; j < 2; j++) {
                unsigned char *p = &m[row * size + right - j];
                if (*p & FUNCTION)
                    continue;
                if (bit < bits && (cw[bit / 8] >> (7 - bit % 8)) & 1)
                    *p = DARK;
                bit++;
            }
        }
    }
}

static bool mask_bit(int mask, int row, int col)
{
    switch (mask) {
    case 0: return (row + col) % 2 == 0;
    case 1: return row % 2 == 0;
    case 2: return col % 3 == 0;
    case 3: return (row + col) % 3 == 0;
    case 4: return (row / 2 + col / 3) % 2 == 0;
    case 5: return row * col % 2 + row * col % 3 == 0;
    case 6: return (row * col % 2 + row * col % 3) % 2 == 0;
    default: return ((row + col) % 2 + row * col % 3) % 2 == 0;
    }
}

/* XORs the mask into the data modules: applying it twice undoes it. */
static void apply_mask(unsigned char *m, int size, int mask)
{
    for (int r = 0; r < size; r++)
        for (int c = 0; c < size; c++)
            if (!(m[r * size + c] & FUNCTION) && mask_bit(mask, r, c))
                m[r * size + c] ^= DARK;
}

/* ---- penalty rules -------------------------------------------------------- */

static long run_penalty(int run)
{
    return run >= 5 ? run - 2 : 0; /* N1 = 3, plus 1 per module beyond 5 */
}

/* Rules 1 and 3 along one row or column (step 1 or size).  The finder-like
 * 1:1:3:1:1 pattern counts with four light modules on one side, the quiet zone
 * outside the symbol counting as light. */
static long line_penalty(const unsigned char *p, int step, int size)
{
    long score = 0;
    int run = 0;
    unsigned previous = 2, window = 0;
    for (int i = 0; i < size + 4; i++) {
        unsigned dark = i < size ? (unsigned)(p[i * step] & DARK) : 0u;
        if (i < size && dark == previous) {
            run++;
        } else if (i < size) {
            score += run_penalty(run);
            run = 1;
            previous = dark;
        }
        window = (window << 1 | dark) & 0x7FFu;
        /* 1011101 followed (0x5D0) or preceded (0x05D) by 0000 */
        if (window == 0x5D0u || window == 0x05Du)
            score += 40;
    }
    return score + run_penalty(run);
}

static long penalty(const unsigned char *m, int size)
{
    long score = 0;
    long dark = 0, total = (long)size * size;
    for (int i = 0; i < size; i++)
        score += line_penalty(m + i * size, 1, size) + line_penalty(m + i, size, size);
    for (int r = 0; r < size; r++)
        for (int c = 0; c < size; c++) {
            const unsigned char *p = &m[r * size + c];
            dark += *p & DARK;
            if (r + 1 < size && c + 1 < size) {
                int d = (p[0] & DARK) + (p[1] & DARK) + (p[size] & DARK) + (p[size + 1] & DARK);
                if (d == 0 || d == 4)
                    score += 3;
            }
        }
    /* N4: 10 per full 5 % step away from half dark */
    long deviation = 20 * dark - 10 * total;
    return score + 10 * ((deviation < 0 ? -deviation : deviation) / total);
}

static int best_mask(unsigned char *m, int size, roi_qr_ecc ecc)
{
    int best = 0;
    long lowest = -1;
    for (int mask = 0; mask < MASKS; mask++) {
        apply_mask(m, size, mask);
        draw_format(m, size, roi_qr_format_bits(ecc, mask));
        long score = penalty(m, size);
        apply_mask(m, size, mask);
        if (lowest < 0 || score < lowest) {
            lowest = score;
            best = mask;
        }
    }
    return best;
}

/* ---- encoding ------------------------------------------------------------- */

static roi_qr_ecc boosted(size_t len, int version, roi_qr_ecc ecc)
{
    while (ecc < ROI_QR_ECC_H && len <= (size_t)roi_qr_capacity(version, (roi_qr_ecc)(ecc + 1)))
        ecc = (roi_qr_ecc)(ecc + 1);
    return ecc;
}

roi_status roi_qr_encode_with(const unsigned char *data, size_t len,
                              const roi_qr_options *opt, unsigned char *modules,
                              unsigned char *scratch, roi_qr_info *info)
{
    if (!opt || !modules || !scratch || (!data && len > 0) || !valid_level(opt->ecc) ||
        opt->mask < ROI_QR_MASK_AUTO || opt->mask >= MASKS)
        return ROI_EINVALID;
    int version = smallest_version(len, opt->ecc);
    if (version == 0)
        return ROI_ETOOBIG;
    roi_qr_ecc ecc = opt->boost ? boosted(len, version, opt->ecc) : opt->ecc;
    int size = side(version);
    layout l = block_layout(version, ecc);
    unsigned char *sequence = scratch + l.total;
    write_data(data, len, version, data_codewords(version, ecc), sequence);
    make_blocks(&l, sequence, scratch);
    interleave(&l, scratch, sequence);

    draw_function_patterns(modules, size, version);
    place_codewords(modules, size, sequence, l.total);
    int mask = opt->mask >= 0 ? opt->mask : best_mask(modules, size, ecc);
    apply_mask(modules, size, mask);
    draw_format(modules, size, roi_qr_format_bits(ecc, mask));
    for (size_t i = 0; i < (size_t)size * (size_t)size; i++)
        modules[i] &= DARK;
    if (info) {
        info->size = size;
        info->version = version;
        info->ecc = ecc;
        info->mask = mask;
    }
    return ROI_OK;
}

roi_status roi_qr_encode(const unsigned char *data, size_t len, roi_qr_ecc ecc,
                         unsigned char *modules, unsigned char *scratch, int *size)
{
    roi_qr_options opt = {ecc, false, ROI_QR_MASK_AUTO};
    roi_qr_info info;
    if (!size)
        return ROI_EINVALID;
    roi_status st = roi_qr_encode_with(data, len, &opt, modules, scratch, &info);
    if (st == ROI_OK)
        *size = info.size;
    return st;
}

roi_status roi_qr_encode_link(const unsigned char *data, size_t len, int mask,
                              unsigned char *modules, unsigned char *scratch,
                              roi_qr_info *info)
{
    roi_qr_options opt = {ROI_QR_ECC_M, true, mask};
    roi_status st = roi_qr_encode_with(data, len, &opt, modules, scratch, info);
    if (st != ROI_ETOOBIG)
        return st;
    opt.ecc = ROI_QR_ECC_L;
    return roi_qr_encode_with(data, len, &opt, modules, scratch, info);
}
