#ifndef URA_HUNSPELL_H
#define URA_HUNSPELL_H
// Ura's Hunspell boundary. Only <stdint.h>/<stddef.h> types cross it, so Swift modules that
// import Foundation never see a C library header (see shared docs/STYLE.md).
#include <stddef.h>
#include <stdint.h>

/// An opaque Hunspell dictionary handle.
typedef struct ura_hunspell ura_hunspell;

/// Opens the dictionary `aff`/`dic` (paths). NULL when either file cannot be read.
ura_hunspell *ura_hunspell_open(const char *aff, const char *dic);
/// Frees the dictionary.
void ura_hunspell_close(ura_hunspell *handle);
/// The dictionary's character set as declared by its SET line (e.g. "ISO8859-1", "UTF-8").
const char *ura_hunspell_encoding(ura_hunspell *handle);
/// Stems `word` (NUL-terminated, in the dictionary's encoding) into `out` as stems separated by
/// '\n' and NUL-terminated. Returns the number of stems written, or -1 when `capacity` is too small.
int32_t ura_hunspell_stems(ura_hunspell *handle, const char *word, char *out, size_t capacity);

#endif
