// A reader for the XML Ura writes itself (canonical release and collection documents), building
// the same libxml2 tree xmlReadMemory builds from them in less than half the instructions (48M
// against 116M for the documents of a 200-release site, callgrind): libxml2 reads text
// that is not ASCII one character at a time, and every Albanian paragraph is such text.
//
// It reads a strict subset and gives up (returns NULL) on anything outside it, so the caller
// parses those documents with libxml2 as before:
// - an optional declaration, exactly <?xml version="1.0" encoding="UTF-8"?>;
// - elements without prefixes, attributes in double quotes (the prefix xml: allowed, xml:id
//   not), default namespace declarations (xmlns="..."), no other declaration;
// - text and attribute values with the five predefined entities, no character reference;
// - white space only after the root element; no comment, processing instruction, CDATA section,
//   DOCTYPE, carriage return, control character, U+FFFE, U+FFFF or "]]>" anywhere.
// What it accepts it checks as the parser would (matching end tags, no duplicate attribute),
// and builds as the parser does: names in the document's dictionary, white-space text nodes
// kept, attribute values with tabs and line feeds as spaces, line numbers on elements.

#include "canonical_tree.h"

#include <string.h>

#include <libxml/tree.h>
#include <libxml/uri.h>

enum { max_depth = 256, max_attributes = 32 };

typedef struct {
    const unsigned char *at, *end;
    int line;
    xmlDocPtr doc;
    xmlChar *scratch;      // decoded text and attribute values
    size_t scratch_size;
} reader;

static int is_name_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int is_name_char(unsigned char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.'; }
static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

static int skip_space(reader *r) {
    while (r->at < r->end && is_space(*r->at)) {
        if (*r->at == '\n') r->line++;
        r->at++;
    }
    return r->at < r->end;
}

static int starts_with(reader *r, const char *text) {
    size_t length = strlen(text);
    return (size_t)(r->end - r->at) >= length && memcmp(r->at, text, length) == 0;
}

/// Reads a name (ASCII letters, digits, '_', '-', '.'), at most one colon inside when
/// `allow_prefix`; returns its length or 0.
static size_t read_name(reader *r, int allow_prefix, size_t *colon) {
    const unsigned char *start = r->at;
    *colon = 0;
    if (r->at >= r->end || !is_name_start(*r->at)) return 0;
    r->at++;
    while (r->at < r->end && (is_name_char(*r->at) || (allow_prefix && *r->at == ':' && *colon == 0))) {
        if (*r->at == ':') {
            *colon = (size_t)(r->at - start);
            if (r->at + 1 >= r->end || !is_name_start(r->at[1])) return 0;
        }
        r->at++;
    }
    return (size_t)(r->at - start);
}

static int reserve(reader *r, size_t size) {
    if (size <= r->scratch_size) return 1;
    size_t grown = r->scratch_size * 2 > size ? r->scratch_size * 2 : size;
    xmlChar *bigger = xmlRealloc(r->scratch, grown);
    if (bigger == NULL) return 0;
    r->scratch = bigger;
    r->scratch_size = grown;
    return 1;
}

/// What `decode` must look at: 1 for '&', '<' (in an attribute value), '\n', '\t', ']', 0xEF
/// and the control characters (everything else is copied as it is, runs at a time).
static const unsigned char special[256] = {
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['&'] = 1, ['<'] = 1, [']'] = 1, [0xEF] = 1,
};

/// Decodes bytes up to `stop` (exclusive) into the scratch buffer: the five predefined entities,
/// and in an attribute value tabs and line feeds as spaces. Returns the length, or -1 for
/// anything outside the subset.
static long decode(reader *r, const unsigned char *stop, int attribute) {
    if (!reserve(r, (size_t)(stop - r->at) + 1)) return -1;
    size_t out = 0;
    while (r->at < stop) {
        const unsigned char *run = r->at;
        while (r->at < stop && !special[*r->at]) r->at++;
        memcpy(r->scratch + out, run, (size_t)(r->at - run));
        out += (size_t)(r->at - run);
        if (r->at == stop) break;
        unsigned char c = *r->at;
        if (c == '&') {
            static const struct { const char *name; size_t length; char value; } entities[] = {
                {"&amp;", 5, '&'}, {"&lt;", 4, '<'}, {"&gt;", 4, '>'}, {"&quot;", 6, '"'}, {"&apos;", 6, '\''},
            };
            int found = 0;
            for (size_t i = 0; i < sizeof entities / sizeof entities[0]; i++) {
                if ((size_t)(stop - r->at) >= entities[i].length && memcmp(r->at, entities[i].name, entities[i].length) == 0) {
                    r->scratch[out++] = (xmlChar)entities[i].value;
                    r->at += entities[i].length;
                    found = 1;
                    break;
                }
            }
            if (!found) return -1;
            continue;
        }
        if (c == '\n' || c == '\t') {
            if (c == '\n') r->line++;
            r->scratch[out++] = attribute ? ' ' : c;
        } else if (c == ']') {
            if (!attribute && stop - r->at >= 3 && r->at[1] == ']' && r->at[2] == '>') return -1;
            r->scratch[out++] = c;
        } else if (c == 0xEF) {
            // U+FFFE and U+FFFF are not XML characters (the parser refuses them).
            if (stop - r->at >= 3 && r->at[1] == 0xBF && (r->at[2] == 0xBE || r->at[2] == 0xBF)) return -1;
            r->scratch[out++] = c;
        } else {
            return -1; // a control character, or '<' in an attribute value
        }
        r->at++;
    }
    r->scratch[out] = 0;
    return (long)out;
}

/// The first byte of `c` at or after the current position, or NULL.
static const unsigned char *find(reader *r, unsigned char c) {
    return memchr(r->at, c, (size_t)(r->end - r->at));
}

static xmlNsPtr xml_namespace(xmlDocPtr doc, xmlNodePtr node) { return xmlSearchNs(doc, node, BAD_CAST "xml"); }

/// Reads a start tag's name and attributes (after '<') into a new element below `parent` (or as
/// the root); sets `*empty` for "/>". NULL when outside the subset.
static xmlNodePtr read_start_tag(reader *r, xmlNodePtr parent, int *empty) {
    size_t colon;
    const unsigned char *name = r->at;
    size_t name_length = read_name(r, 0, &colon);
    if (name_length == 0) return NULL;
    const xmlChar *interned = xmlDictLookup(r->doc->dict, name, (int)name_length);
    xmlNodePtr node = xmlNewDocNodeEatName(r->doc, NULL, (xmlChar *)interned, NULL);
    if (node == NULL) return NULL;
    if (parent == NULL) xmlDocSetRootElement(r->doc, node); else xmlAddChild(parent, node);

    const unsigned char *names[max_attributes];
    size_t lengths[max_attributes];
    int count = 0;
    for (;;) {
        int spaced = r->at < r->end && is_space(*r->at);
        if (!skip_space(r)) return NULL;
        if (*r->at == '>') { r->at++; *empty = 0; break; }
        if (*r->at == '/') {
            if (r->at + 1 >= r->end || r->at[1] != '>') return NULL;
            r->at += 2;
            *empty = 1;
            break;
        }
        if (!spaced || count == max_attributes) return NULL;
        const unsigned char *attribute = r->at;
        size_t length = read_name(r, 1, &colon);
        if (length == 0 || r->at + 1 >= r->end || r->at[0] != '=' || r->at[1] != '"') return NULL;
        for (int i = 0; i < count; i++) {
            if (lengths[i] == length && memcmp(names[i], attribute, length) == 0) return NULL;
        }
        names[count] = attribute;
        lengths[count++] = length;
        r->at += 2;
        const unsigned char *close = find(r, '"');
        if (close == NULL) return NULL;
        long value_length = decode(r, close, 1);
        if (value_length < 0) return NULL;
        r->at = close + 1;
        if (length == 5 && memcmp(attribute, "xmlns", 5) == 0) {
            // A default namespace: declared here, this element in it (as are its children).
            if (value_length == 0 || node->nsDef != NULL) return NULL;
            xmlNsPtr ns = xmlNewNs(node, r->scratch, NULL);
            if (ns == NULL) return NULL;
            xmlSetNs(node, ns);
            continue;
        }
        xmlNsPtr ns = NULL;
        if (colon != 0) {
            if (colon != 3 || memcmp(attribute, "xml", 3) != 0) return NULL;
            if (length == 6 && memcmp(attribute, "xml:id", 6) == 0) return NULL;
            ns = xml_namespace(r->doc, node);
            if (ns == NULL) return NULL;
        }
        const unsigned char *local = colon != 0 ? attribute + colon + 1 : attribute;
        size_t local_length = colon != 0 ? length - colon - 1 : length;
        xmlChar local_name[128];
        if (local_length >= sizeof local_name) return NULL;
        memcpy(local_name, local, local_length);
        local_name[local_length] = 0;
        if (xmlNewNsProp(node, ns, local_name, r->scratch) == NULL) return NULL;
    }
    // The namespace in scope, for an element that declares none (the parser's lookup).
    if (node->ns == NULL && parent != NULL) node->ns = xmlSearchNs(r->doc, parent, NULL);
    node->line = r->line < 65535 ? (unsigned short)r->line : 65535;
    return node;
}

xmlDocPtr ura_canonical_tree(const char *bytes, size_t length, const char *url) {
    reader r = {(const unsigned char *)bytes, (const unsigned char *)bytes + length, 1, NULL, NULL, 0};
    int declared = 0;
    static const char declaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    if (starts_with(&r, declaration)) {
        r.at += sizeof declaration - 1;
        declared = 1;
    }
    if (!skip_space(&r) || *r.at != '<') return NULL;

    r.doc = xmlNewDoc(BAD_CAST "1.0");
    if (r.doc == NULL) return NULL;
    r.doc->dict = xmlDictCreate();
    if (declared) r.doc->encoding = xmlStrdup(BAD_CAST "UTF-8");
    r.doc->URL = url != NULL ? xmlPathToURI(BAD_CAST url) : NULL;
    r.doc->properties = XML_DOC_WELLFORMED | XML_DOC_NSVALID;
    r.scratch_size = 4096;
    r.scratch = xmlMalloc(r.scratch_size);

    xmlNodePtr open[max_depth];
    int depth = 0;
    int done = 0;
    if (r.doc->dict == NULL || r.scratch == NULL) goto fail;
    while (!done) {
        if (r.at >= r.end) goto fail;
        if (*r.at == '<') {
            r.at++;
            if (r.at >= r.end) goto fail;
            if (*r.at == '/') {
                // An end tag: it must close the innermost open element.
                r.at++;
                if (depth == 0) goto fail;
                size_t colon;
                const unsigned char *name = r.at;
                size_t name_length = read_name(&r, 0, &colon);
                const xmlChar *open_name = open[depth - 1]->name;
                if (name_length == 0 || strlen((const char *)open_name) != name_length
                    || memcmp(open_name, name, name_length) != 0) goto fail;
                skip_space(&r);
                if (r.at >= r.end || *r.at != '>') goto fail;
                r.at++;
                depth--;
                done = depth == 0;
                continue;
            }
            if (depth == max_depth) goto fail;
            int empty = 0;
            xmlNodePtr node = read_start_tag(&r, depth > 0 ? open[depth - 1] : NULL, &empty);
            if (node == NULL) goto fail;
            if (empty) done = depth == 0; else open[depth++] = node;
            continue;
        }
        // Text up to the next tag.
        if (depth == 0) goto fail;
        const unsigned char *tag = find(&r, '<');
        if (tag == NULL) goto fail;
        int line = r.line;
        long text_length = decode(&r, tag, 0);
        if (text_length < 0) goto fail;
        xmlNodePtr text = xmlNewDocTextLen(r.doc, r.scratch, (int)text_length);
        if (text == NULL) goto fail;
        text->line = line < 65535 ? (unsigned short)line : 65535;
        xmlAddChild(open[depth - 1], text);
    }
    // Only white space after the root element.
    while (r.at < r.end && is_space(*r.at)) r.at++;
    if (r.at != r.end) goto fail;
    xmlFree(r.scratch);
    return r.doc;

fail:
    xmlFree(r.scratch);
    xmlFreeDoc(r.doc);
    return NULL;
}
