/*
 * roi_qr.h - QR code symbols (ISO/IEC 18004, model 2), written for this project.
 *
 * Byte mode only, versions 1 to 40, the four error-correction levels, the
 * eight mask patterns chosen by the four penalty rules.  Enough to print a
 * scenario link of a few kilobytes.
 *
 * roi_qr.c is pure: no allocation, no I/O, no state; every buffer belongs to
 * the caller.  A matrix is one byte per module, row-major, 1 = dark,
 * 0 = light, without the quiet zone (a reader needs 4 light modules around it).
 * roi_qr_svg() and roi_qr_matrix_svg() live in the allocating layer
 * (roi_qr_svg.c).
 */
#ifndef ROI_QR_H
#define ROI_QR_H

#include "roi_calc.h"

#include <stdbool.h>
#include <stddef.h>

#define ROI_QR_MIN_SIZE 21            /* modules per side of version 1 */
#define ROI_QR_MAX_SIZE 177           /* modules per side of version 40 */
#define ROI_QR_BUFFER_LEN (ROI_QR_MAX_SIZE * ROI_QR_MAX_SIZE) /* one byte per module */
#define ROI_QR_MAX_CODEWORDS 3706     /* data + error correction, version 40 */
#define ROI_QR_SCRATCH_LEN (2 * ROI_QR_MAX_CODEWORDS)
#define ROI_QR_MAX_BYTES 2953         /* byte-mode capacity of version 40-L */
#define ROI_QR_QUIET 4                /* light modules a reader needs around */
#define ROI_QR_MASK_AUTO (-1)

/* Error-correction levels: about 7, 15, 25 and 30 % of codewords recoverable. */
typedef enum { ROI_QR_ECC_L, ROI_QR_ECC_M, ROI_QR_ECC_Q, ROI_QR_ECC_H } roi_qr_ecc;

typedef struct {
    roi_qr_ecc ecc; /* level asked for: the lowest one accepted */
    bool boost;     /* raise the level while the version stays the same */
    int mask;       /* 0..7 forces a mask pattern; ROI_QR_MASK_AUTO chooses */
} roi_qr_options;

/* What an encoding chose. */
typedef struct {
    int size;       /* modules per side, 21..177 (4 * version + 17) */
    int version;    /* 1..40 */
    roi_qr_ecc ecc; /* level used */
    int mask;       /* 0..7 */
} roi_qr_info;

/* Encodes len bytes of data (any bytes; UTF-8 text for a link) in byte mode
 * at the smallest version that holds them at exactly level ecc, with the mask
 * of lowest penalty.  modules: the caller's ROI_QR_BUFFER_LEN bytes, of which
 * the first *size * *size receive the matrix (1 = dark, 0 = light, row-major,
 * no quiet zone).  scratch: the caller's ROI_QR_SCRATCH_LEN bytes (or more),
 * its contents unspecified afterwards.  Returns ROI_OK and sets *size (21..177);
 * ROI_ETOOBIG when the data does not fit version 40 at that level (at most
 * roi_qr_capacity(40, ecc) bytes); ROI_EINVALID for a NULL buffer or a level
 * out of range.  Neither buffer is read before it is written. */
roi_status roi_qr_encode(const unsigned char *data, size_t len, roi_qr_ecc ecc,
                         unsigned char *modules, unsigned char *scratch, int *size);

/* Same with every choice: opt->ecc is the lowest level accepted (raised while
 * the version stays the same when opt->boost), opt->mask forces a mask (for
 * tests and comparisons) or is ROI_QR_MASK_AUTO.  *info (may be NULL) receives
 * what was chosen.  ROI_EINVALID also for a mask outside -1..7. */
roi_status roi_qr_encode_with(const unsigned char *data, size_t len,
                              const roi_qr_options *opt, unsigned char *modules,
                              unsigned char *scratch, roi_qr_info *info);

/* The project's choice for a link: level M, or L when the data is too long
 * for M at version 40, then raised while the version stays the same; mask as
 * in roi_qr_options (ROI_QR_MASK_AUTO normally).  Buffers, *info and results
 * as for roi_qr_encode_with; ROI_ETOOBIG over ROI_QR_MAX_BYTES. */
roi_status roi_qr_encode_link(const unsigned char *data, size_t len, int mask,
                              unsigned char *modules, unsigned char *scratch,
                              roi_qr_info *info);

/* Bytes that version (1..40) holds in byte mode at level ecc; 0 when either
 * is out of range.  (1, L) is 17, (40, L) is ROI_QR_MAX_BYTES. */
int roi_qr_capacity(int version, roi_qr_ecc ecc);

/* ---- building blocks, public so that tests can check them against the
 * standard's published values ---------------------------------------------- */

/* The 15-bit format information word (level and mask, BCH(15,5) code, XOR
 * 0x5412) as written in the symbol, bit 14 first; -1 when out of range. */
int roi_qr_format_bits(roi_qr_ecc ecc, int mask);

/* The 18-bit version information word (version, BCH(18,6) code) for versions
 * 7..40, bit 17 first; -1 otherwise (smaller versions carry none). */
long roi_qr_version_bits(int version);

/* The Reed-Solomon generator polynomial of the given degree (1..30), product of
 * (x - a^i) for i = 0..degree-1 over GF(256) modulo x^8+x^4+x^3+x^2+1 (0x11D).
 * gen (the caller's degree bytes) receives the coefficients of x^(degree-1)
 * down to x^0; the leading 1 is implied. */
void roi_qr_rs_generator(int degree, unsigned char *gen);

/* The error-correction codewords of len data codewords: the remainder of
 * data(x) * x^degree divided by the generator gen (from roi_qr_rs_generator).
 * out: the caller's degree bytes, highest coefficient first. */
void roi_qr_rs_remainder(const unsigned char *data, size_t len,
                         const unsigned char *gen, int degree, unsigned char *out);

/* ---- SVG (allocating layer, roi_qr_svg.c) ------------------------------------ */

/* SVG of the QR code of text (len bytes of UTF-8; no NUL needed), encoded by
 * roi_qr_encode_link: a white <rect> over the symbol and its 4-module quiet
 * zone, then one <path> of the dark modules (horizontal runs merged), viewBox
 * in modules, shape-rendering="crispEdges", no width or height (it takes the
 * size the page gives it).  The SVG holds numbers only, never text of the
 * input, so it can go into a page as it is.  Caller frees with roi_free.
 * NULL when text is NULL, longer than ROI_QR_MAX_BYTES, or out of memory. */
char *roi_qr_svg(const char *text, size_t len);

/* The same SVG for a matrix from roi_qr_encode (size modules per side, 21..177).
 * Caller frees with roi_free; NULL when out of memory or size is out of range. */
char *roi_qr_matrix_svg(const unsigned char *modules, int size);

#endif
