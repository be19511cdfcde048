// The ICU boundary of Ura. Only <stdint.h> types cross it: Swift modules that import Foundation
// must never see ICU's own headers (Foundation bundles a second ICU whose types clash).
#ifndef URA_ICU_H
#define URA_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// An ICU break iterator with the text it is iterating (the UTF-16 buffer is copied).
typedef struct ura_breaker ura_breaker;

enum {
    URA_BREAK_CHARACTER = 0,
    URA_BREAK_WORD = 1,
    URA_BREAK_LINE = 2,
    URA_BREAK_SENTENCE = 3,
};

/// Opens a break iterator of `kind` (URA_BREAK_*) for `locale` ("en", "sq", ...).
/// Returns NULL and sets `*error` (an ICU error code, > 0) on failure.
ura_breaker *ura_breaker_open(int32_t kind, const char *locale, int32_t *error);
void ura_breaker_close(ura_breaker *breaker);

/// Sets the text (UTF-16 code units). The iterator keeps its own copy.
void ura_breaker_set_text(ura_breaker *breaker, const uint16_t *text, int32_t length, int32_t *error);

/// The next boundary after the current one, in UTF-16 offsets; -1 when done.
int32_t ura_breaker_next(ura_breaker *breaker);

/// The rule status of the boundary last returned (word kinds: 0 none, 100 number, 200 letter, ...).
int32_t ura_breaker_rule_status(ura_breaker *breaker);

enum {
    URA_NORM_NFC = 0,
    URA_NORM_NFD = 1,
    URA_NORM_NFKC = 2,
};

/// Normalises `src` into `dest`. Returns the length needed; when it exceeds `capacity`,
/// `*error` is U_BUFFER_OVERFLOW_ERROR (15) and the caller retries with a larger buffer.
int32_t ura_normalize(int32_t form, const uint16_t *src, int32_t length,
                      uint16_t *dest, int32_t capacity, int32_t *error);

/// 1 when `src` is already in `form`, else 0.
int32_t ura_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *error);

/// Parses a date written in `locale` with the ICU pattern `pattern` (e.g. "d MMMM y"), leniently
/// and case-insensitively, starting at `*position` (UTF-16 offset) of `text`.
/// On success returns 1, sets year/month (1-12)/day and advances `*position` past the date.
/// Returns 0 when no date is there.
int32_t ura_date_parse(const char *locale, const uint16_t *pattern, int32_t pattern_length,
                       const uint16_t *text, int32_t length, int32_t *position,
                       int32_t *year, int32_t *month, int32_t *day, int32_t *error);

/// Names the most likely character set of `bytes` (e.g. "windows-1250", "ISO-8859-1") into
/// `name` (NUL-terminated) and returns ICU's confidence (0-100); -1 when nothing matched.
int32_t ura_detect_charset(const char *bytes, int32_t length, char *name, int32_t name_capacity);

/// ICU's short name of an error code ("U_BUFFER_OVERFLOW_ERROR"), for messages.
const char *ura_icu_error_name(int32_t error);

/// ICU's version, e.g. "72.1", for `ura --version` and reports.
const char *ura_icu_version(void);

#ifdef __cplusplus
}
#endif
#endif
