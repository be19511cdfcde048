#ifndef URA_MALLOC_H
#define URA_MALLOC_H

/// Tunes glibc's allocator for a build (see ura_malloc.c); returns 1 when every setting took.
/// A no-op returning 0 on other C libraries.
int ura_malloc_tune_for_builds(void);

/// Where the kernel gives transparent huge pages only on request, executes this program again
/// (`argv`, from /proc/self/exe) with glibc's tunable glibc.malloc.hugetlb=1, which makes the
/// allocator request them; in that second process, puts GLIBC_TUNABLES back as it was and
/// returns 1. Returns 0 when it does nothing: other kernels' settings or C libraries,
/// URA_NO_HUGE_PAGES set, a hugetlb tunable the user set, or no way to execute again.
/// Called for `ura build` by a constructor of this library, before the program's own start;
/// public for tests and other front ends, which must call it before any thread starts.
int ura_malloc_prefer_huge_pages(char **argv);

#endif
