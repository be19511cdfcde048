#include "ura_icu.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucsdet.h>
#include <unicode/ucal.h>
#include <unicode/udat.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>

struct ura_breaker {
    UBreakIterator *iterator;
    UChar *text;
};

ura_breaker *ura_breaker_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open((UBreakIteratorType)kind, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return NULL;
    }
    ura_breaker *breaker = calloc(1, sizeof *breaker);
    if (breaker == NULL) {
        ubrk_close(iterator);
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    *error = 0;
    return breaker;
}

void ura_breaker_close(ura_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker->text);
    free(breaker);
}

void ura_breaker_set_text(ura_breaker *breaker, const uint16_t *text, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UChar *copy = malloc(sizeof(UChar) * (size_t)(length > 0 ? length : 1));
    if (copy == NULL) {
        *error = U_MEMORY_ALLOCATION_ERROR;
        return;
    }
    if (length > 0) memcpy(copy, text, sizeof(UChar) * (size_t)length);
    ubrk_setText(breaker->iterator, copy, length, &status);
    free(breaker->text);
    breaker->text = copy;
    *error = U_FAILURE(status) ? status : 0;
}

int32_t ura_breaker_next(ura_breaker *breaker) {
    int32_t next = ubrk_next(breaker->iterator);
    return next == UBRK_DONE ? -1 : next;
}

int32_t ura_breaker_rule_status(ura_breaker *breaker) {
    return ubrk_getRuleStatus(breaker->iterator);
}

static const UNormalizer2 *normalizer_for(int32_t form, UErrorCode *status) {
    switch (form) {
    case URA_NORM_NFD: return unorm2_getNFDInstance(status);
    case URA_NORM_NFKC: return unorm2_getNFKCInstance(status);
    default: return unorm2_getNFCInstance(status);
    }
}

int32_t ura_normalize(int32_t form, const uint16_t *src, int32_t length,
                      uint16_t *dest, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = normalizer_for(form, &status);
    int32_t needed = 0;
    if (U_SUCCESS(status)) needed = unorm2_normalize(normalizer, src, length, dest, capacity, &status);
    *error = U_FAILURE(status) ? status : 0;
    return needed;
}

int32_t ura_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = normalizer_for(form, &status);
    UBool result = 0;
    if (U_SUCCESS(status)) result = unorm2_isNormalized(normalizer, src, length, &status);
    *error = U_FAILURE(status) ? status : 0;
    return result ? 1 : 0;
}

int32_t ura_date_parse(const char *locale, const uint16_t *pattern, int32_t pattern_length,
                       const uint16_t *text, int32_t length, int32_t *position,
                       int32_t *year, int32_t *month, int32_t *day, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UDateFormat *format = udat_open(UDAT_PATTERN, UDAT_PATTERN, locale, u"UTC", -1,
                                    pattern, pattern_length, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    udat_setLenient(format, 1);
    UCalendar *calendar = ucal_open(u"UTC", -1, locale, UCAL_GREGORIAN, &status);
    if (U_FAILURE(status)) {
        udat_close(format);
        *error = status;
        return 0;
    }
    ucal_clear(calendar);
    int32_t parse_position = *position;
    udat_parseCalendar(format, calendar, text, length, &parse_position, &status);
    int32_t found = 0;
    if (U_SUCCESS(status) && parse_position > *position) {
        *year = ucal_get(calendar, UCAL_YEAR, &status);
        *month = ucal_get(calendar, UCAL_MONTH, &status) + 1;
        *day = ucal_get(calendar, UCAL_DATE, &status);
        if (U_SUCCESS(status)) {
            *position = parse_position;
            found = 1;
        }
    }
    *error = (U_FAILURE(status) && status != U_PARSE_ERROR) ? status : 0;
    ucal_close(calendar);
    udat_close(format);
    return found;
}

int32_t ura_detect_charset(const char *bytes, int32_t length, char *name, int32_t name_capacity) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) return -1;
    ucsdet_setText(detector, bytes, length, &status);
    const UCharsetMatch *match = ucsdet_detect(detector, &status);
    int32_t confidence = -1;
    if (U_SUCCESS(status) && match != NULL) {
        const char *matched = ucsdet_getName(match, &status);
        confidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && matched != NULL && name_capacity > 0) {
            strncpy(name, matched, (size_t)name_capacity - 1);
            name[name_capacity - 1] = '\0';
        } else {
            confidence = -1;
        }
    }
    ucsdet_close(detector);
    return confidence;
}

const char *ura_icu_error_name(int32_t error) {
    return u_errorName((UErrorCode)error);
}

const char *ura_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo version;
    u_getVersion(version);
    u_versionToString(version, text);
    return text;
}
