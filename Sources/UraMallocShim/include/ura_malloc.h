#ifndef URA_MALLOC_H
#define URA_MALLOC_H

/// Tunes glibc's allocator for a build (see ura_malloc.c); returns 1 when every setting took.
/// A no-op returning 0 on other C libraries.
int ura_malloc_tune_for_builds(void);

// `ura build` also asks for huge pages where the kernel gives them on request, from a
// constructor in ura_malloc.c that runs before the program starts (nothing to call).

#endif
