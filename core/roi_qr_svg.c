/*
 * roi_qr_svg.c - a QR code as SVG (the allocating side of roi_qr.h).
 *
 * One white <rect> for the symbol and its quiet zone, then one black <path>:
 * each horizontal run of dark modules is a 1-module-high rectangle
 * "h<n>v1h-<n>z", reached by a move relative to the previous one.  Only
 * numbers come from the data, so the result is safe to insert in a page.
 */
#include "roi_qr.h"
#include "roi_num.h"

#include "roi_buf.h"

#include <stdio.h>
#include <stdlib.h>

static void put_int(roi_buf *b, int value)
{
    char text[16];
    int n = roi_fmt(text, sizeof text, "%d", value);
    roi_buf_append(b, text, (size_t)n);
}

/* "m<dx> <dy>h<n>v1h-<n>z" (or "M" for the first run). */
static void put_run(roi_buf *b, bool first, int dx, int dy, int n)
{
    roi_buf_putc(b, first ? 'M' : 'm');
    put_int(b, dx);
    roi_buf_putc(b, ' ');
    put_int(b, dy);
    roi_buf_putc(b, 'h');
    put_int(b, n);
    roi_buf_puts(b, "v1h-");
    put_int(b, n);
    roi_buf_putc(b, 'z');
}

/* The runs of dark modules, row by row, shifted by the quiet zone. */
static void put_runs(roi_buf *b, const unsigned char *modules, int size)
{
    int x0 = 0, y0 = 0; /* start of the previous run: where "z" leaves the pen */
    bool first = true;
    for (int y = 0; y < size; y++)
        for (int x = 0; x < size;) {
            if (!modules[y * size + x]) {
                x++;
                continue;
            }
            int n = 1;
            while (x + n < size && modules[y * size + x + n])
                n++;
            int px = x + ROI_QR_QUIET, py = y + ROI_QR_QUIET;
            put_run(b, first, px - x0, py - y0, n);
            first = false;
            x0 = px;
            y0 = py;
            x += n;
        }
}

char *roi_qr_matrix_svg(const unsigned char *modules, int size)
{
    if (!modules || size < ROI_QR_MIN_SIZE || size > ROI_QR_MAX_SIZE)
        return NULL;
    int side = size + 2 * ROI_QR_QUIET;
    roi_buf b;
    roi_buf_init(&b);
    roi_buf_puts(&b, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ");
    put_int(&b, side);
    roi_buf_putc(&b, ' ');
    put_int(&b, side);
    roi_buf_puts(&b, "\" shape-rendering=\"crispEdges\"><rect width=\"");
    put_int(&b, side);
    roi_buf_puts(&b, "\" height=\"");
    put_int(&b, side);
    roi_buf_puts(&b, "\" fill=\"#fff\"/><path fill=\"#000\" d=\"");
    put_runs(&b, modules, size);
    roi_buf_puts(&b, "\"/></svg>");
    return roi_buf_finish(&b);
}

char *roi_qr_svg(const char *text, size_t len)
{
    if (!text || len > ROI_QR_MAX_BYTES)
        return NULL;
    unsigned char *modules = malloc(ROI_QR_BUFFER_LEN + ROI_QR_SCRATCH_LEN);
    if (!modules)
        return NULL;
    roi_qr_info info;
    char *svg = NULL;
    if (roi_qr_encode_link((const unsigned char *)text, len, ROI_QR_MASK_AUTO, modules,
                           modules + ROI_QR_BUFFER_LEN, &info) == ROI_OK)
        svg = roi_qr_matrix_svg(modules, info.size);
    free(modules);
    return svg;
}
