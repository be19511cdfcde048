#include "ura_hunspell.h"
#include <hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ura_hunspell {
    Hunhandle *handle;
};

ura_hunspell *ura_hunspell_open(const char *aff, const char *dic) {
    // Hunspell_create does not report a missing file, so check readability first.
    FILE *probe = fopen(aff, "rb");
    if (!probe) return NULL;
    fclose(probe);
    probe = fopen(dic, "rb");
    if (!probe) return NULL;
    fclose(probe);
    Hunhandle *handle = Hunspell_create(aff, dic);
    if (!handle) return NULL;
    ura_hunspell *result = malloc(sizeof(ura_hunspell));
    if (!result) {
        Hunspell_destroy(handle);
        return NULL;
    }
    result->handle = handle;
    return result;
}

void ura_hunspell_close(ura_hunspell *handle) {
    if (!handle) return;
    Hunspell_destroy(handle->handle);
    free(handle);
}

const char *ura_hunspell_encoding(ura_hunspell *handle) {
    return Hunspell_get_dic_encoding(handle->handle);
}

int32_t ura_hunspell_stems(ura_hunspell *handle, const char *word, char *out, size_t capacity) {
    if (capacity == 0) return -1;
    out[0] = '\0';
    char **list = NULL;
    int count = Hunspell_stem(handle->handle, &list, word);
    size_t used = 0;
    int32_t written = 0;
    for (int index = 0; index < count; index++) {
        size_t length = strlen(list[index]);
        if (used + length + 2 > capacity) {
            Hunspell_free_list(handle->handle, &list, count);
            return -1;
        }
        memcpy(out + used, list[index], length);
        used += length;
        out[used++] = '\n';
        written++;
    }
    out[used] = '\0';
    if (list) Hunspell_free_list(handle->handle, &list, count);
    return written;
}
