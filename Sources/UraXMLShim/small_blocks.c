// libxml2's memory functions (xmlMemSetup) with a per-thread cache of small freed blocks.
//
// A transform allocates and frees tens of thousands of small blocks (nodes, attributes, strings,
// XPath objects), most of them freed together with the result tree. glibc's tcache keeps only 7
// blocks of a size per thread, so most of those frees and the next transform's allocations go
// through the arena (_int_free, _int_malloc, malloc_consolidate), about a quarter of the CPU of
// a transform. Here every block carries a 16-byte header naming its size class; a freed block of
// at most max_small bytes goes onto the freeing thread's list for its class (up to
// cached_per_class blocks), and the next allocation of that class on that thread takes it back.
// Larger blocks, and small ones beyond the limit, go to malloc and free as before.
//
// Threads: the lists are thread-local, so no locks. A block may be freed on another thread than
// the one that allocated it (all blocks come from malloc, so that is fine); it then joins the
// freeing thread's list. When a thread ends, its lists go back to free().

#include "small_blocks.h"

#include <libxml/xmlmemory.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    header_size = 16,                 // keeps blocks 16-byte aligned, as malloc's are
    class_step = 16,                  // class c holds blocks of c * 16 bytes (c = 1...max_class)
    max_class = 15,
    max_small = max_class * class_step,
    cached_per_class = 1024,          // at most ~2 MB cached per thread
};

/// The header's tag: a size class (1...max_class), or large_tag | size for a block from malloc.
static const size_t large_tag = (size_t)1 << 63;

typedef struct free_block {
    struct free_block *next;
} free_block;

typedef struct {
    free_block *head[max_class + 1];
    unsigned count[max_class + 1];
    int registered; // the thread-exit destructor knows this cache
    int closed;     // the thread is ending: free blocks straight away
} block_cache;

static __thread block_cache cache;
static pthread_key_t cache_key;

static void release_cache(void *value) {
    block_cache *ending = value;
    ending->closed = 1;
    for (int c = 1; c <= max_class; c++) {
        while (ending->head[c] != NULL) {
            free_block *block = ending->head[c];
            ending->head[c] = block->next;
            free((char *)block - header_size);
        }
        ending->count[c] = 0;
    }
}

static inline size_t size_class(size_t size) {
    if (size == 0) return 1;
    return size <= max_small ? (size + class_step - 1) / class_step : 0;
}

static inline size_t *header(void *pointer) { return (size_t *)((char *)pointer - header_size); }

static void *small_malloc(size_t size) {
    size_t c = size_class(size);
    if (c != 0 && cache.head[c] != NULL) {
        free_block *block = cache.head[c];
        cache.head[c] = block->next;
        cache.count[c]--;
        return block;
    }
    if (c == 0 && size > SIZE_MAX - header_size) return NULL;
    char *raw = malloc((c != 0 ? c * class_step : size) + header_size);
    if (raw == NULL) return NULL;
    *(size_t *)raw = c != 0 ? c : (size | large_tag);
    return raw + header_size;
}

static void small_free(void *pointer) {
    if (pointer == NULL) return;
    size_t tag = *header(pointer);
    if (tag <= max_class && !cache.closed && cache.count[tag] < cached_per_class) {
        if (!cache.registered) {
            cache.registered = 1;
            pthread_setspecific(cache_key, &cache);
        }
        free_block *block = pointer;
        block->next = cache.head[tag];
        cache.head[tag] = block;
        cache.count[tag]++;
        return;
    }
    free(header(pointer));
}

static void *small_realloc(void *pointer, size_t size) {
    if (pointer == NULL) return small_malloc(size);
    size_t tag = *header(pointer);
    size_t c = size_class(size);
    if (tag > max_class && c == 0) {
        // Large stays large: let realloc move or grow it in place.
        if (size > SIZE_MAX - header_size) return NULL;
        char *raw = realloc(header(pointer), size + header_size);
        if (raw == NULL) return NULL;
        *(size_t *)raw = size | large_tag;
        return raw + header_size;
    }
    if (tag == c) return pointer;
    size_t capacity = tag <= max_class ? tag * class_step : (tag & ~large_tag);
    void *copy = small_malloc(size);
    if (copy == NULL) return NULL;
    memcpy(copy, pointer, capacity < size ? capacity : size);
    small_free(pointer);
    return copy;
}

static char *small_strdup(const char *text) {
    size_t length = strlen(text) + 1;
    char *copy = small_malloc(length);
    if (copy != NULL) memcpy(copy, text, length);
    return copy;
}

void ura_small_blocks_install(void) {
    if (pthread_key_create(&cache_key, release_cache) != 0) return; // keep malloc and free
    xmlMemSetup(small_free, small_malloc, small_realloc, small_strdup);
}
