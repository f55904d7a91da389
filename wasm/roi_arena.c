/*
 * roi_arena.c - the WebAssembly engines' allocator (-sMALLOC=none): a bump
 * arena that starts over when nothing is left allocated.
 *
 * Every call into the module has the same life: wasm/roi_bind.js
 * allocates the input text, the core allocates as it works (cJSON trees,
 * growing buffers, the output text) and frees all but the output, then
 * roi_bind.js frees the input and the output.  So the heap is empty between
 * calls, and an allocator need never reuse a block within a call: it hands
 * out memory from a pointer that only moves up, counts the blocks still
 * live, and moves the pointer back to the start when that count falls to
 * zero.  A call's peak is the sum of all it allocated, freed or not (a
 * buffer grown by doubling where it cannot grow in place leaves its old
 * copies behind until the call ends): a few times its input and output.
 *
 * This replaces emmalloc, to keep the page's and the widget's loads small
 * (1.0 KB gzipped less for the full module, 1.2 KB for the widget's;
 * issues 10 and 11).  A simulation's
 * largest buffers are its samples (two doubles each), freed when it ends.
 * The core's results do not depend on the allocator (tests/wasm compares
 * both modules with the CLI, byte for byte, and checks the arena starts over).
 * State: the arena's three words below, the module's only globals.
 */
#include <emscripten/heap.h>

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Each block is preceded by its size, and starts on a 16-byte boundary
 * (max_align_t's alignment in wasm32). */
#define ROI_ARENA_ALIGN 16u
#define ROI_ARENA_HEAD ROI_ARENA_ALIGN

static uintptr_t arena_base; /* the first block's header, once started */
static uintptr_t arena_top;  /* the next free byte */
static size_t arena_live;    /* blocks allocated and not yet freed */

/* p rounded up to the next 16-byte boundary. */
static uintptr_t align_up(uintptr_t p)
{
    return (p + (ROI_ARENA_ALIGN - 1u)) & ~(uintptr_t)(ROI_ARENA_ALIGN - 1u);
}

/* The memory from the linker's end of data (__heap_base) up, once. */
extern size_t __heap_base;

static void arena_start(void)
{
    if (!arena_base)
        arena_base = arena_top = align_up((uintptr_t)&__heap_base);
}

/* Grows the module's memory to hold at least end bytes; 0 when it cannot.
 * emscripten_resize_heap() also renews the loader's views of the memory
 * (roi_post.js's heap()). */
static int arena_reserve(uintptr_t end)
{
    return end <= emscripten_get_heap_size() || emscripten_resize_heap(end);
}

/* The C library's four, for the core, cJSON and wasm/roi_bind.js (which
 * copies each call's input in with malloc and frees it and the output).
 * malloc: size bytes on a 16-byte boundary, NULL when the memory cannot
 * grow; the caller frees it with free(). */
void *malloc(size_t size)
{
    arena_start();
    if (size > SIZE_MAX - 2u * ROI_ARENA_ALIGN)
        return NULL;
    uintptr_t head = arena_top;
    uintptr_t block = head + ROI_ARENA_HEAD;
    uintptr_t next = align_up(block + size);
    if (next < block || !arena_reserve(next))
        return NULL;
    *(size_t *)head = size;
    arena_top = next;
    arena_live++;
    return (void *)block;
}

/* free: one block fewer; the last one starts the arena over.  A free with
 * nothing live (a stray or double free) changes nothing, rather than
 * wrapping the count so that the arena never starts over again. */
void free(void *p)
{
    if (!p || !arena_live)
        return;
    if (--arena_live == 0)
        arena_top = arena_base; /* nothing left: start over */
}

/* calloc: n items of size bytes, zeroed; NULL on overflow or no memory. */
void *calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

/* realloc: p resized to size bytes, its content kept up to the smaller
 * size; the last block in place, any other one copied to a new block.
 * NULL (p still valid) when the memory cannot grow. */
void *realloc(void *p, size_t size)
{
    if (!p)
        return malloc(size);
    uintptr_t block = (uintptr_t)p;
    size_t *head = (size_t *)(block - ROI_ARENA_HEAD);
    size_t old = *head;
    /* The last block grows (or shrinks) where it is. */
    if (align_up(block + old) == arena_top && size <= SIZE_MAX - 2u * ROI_ARENA_ALIGN) {
        uintptr_t next = align_up(block + size);
        if (next < block || !arena_reserve(next))
            return NULL;
        *head = size;
        arena_top = next;
        return p;
    }
    void *q = malloc(size);
    if (!q)
        return NULL;
    memcpy(q, p, old < size ? old : size);
    free(p);
    return q;
}
