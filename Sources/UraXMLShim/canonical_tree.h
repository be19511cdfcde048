#ifndef URA_CANONICAL_TREE_H
#define URA_CANONICAL_TREE_H

#include <stddef.h>
#include <libxml/tree.h>

/// The tree xmlReadMemory (with Ura's options) builds from `length` bytes of XML in the subset Ura
/// writes (see canonical_tree.c), or NULL when the bytes leave that subset (parse them with
/// libxml2 then). The bytes must be valid UTF-8 (they come from Swift strings): this reader does
/// not check. `url` names the document, as for xmlReadMemory.
xmlDocPtr ura_canonical_tree(const char *bytes, size_t length, const char *url);

#endif
