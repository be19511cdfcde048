// The libxml2/libxslt boundary of Ura. Only <stdint.h>/<stddef.h> types and C strings cross it:
// libxml2's headers pull in ICU, which clashes with Foundation's bundled ICU in Swift.
#ifndef URA_XML_H
#define URA_XML_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Initialises libxml2, libxslt and EXSLT once per process (safe to call repeatedly).
void ura_xml_initialize(void);

/// Frees a buffer or string returned by this shim.
void ura_xml_free(void *pointer);

/// libxml2's and libxslt's versions, e.g. "2.9.14 / 1.1.35".
const char *ura_xml_versions(void);

// MARK: Reading XML

/// A pull reader over one XML document held in memory. Parsing never touches the network, never
/// loads a DTD and never substitutes entities; a document that declares entities is refused.
typedef struct ura_xml_reader ura_xml_reader;

enum {
    URA_XML_END = 0,          ///< end of document
    URA_XML_ELEMENT = 1,      ///< start tag (check ura_xml_reader_is_empty for <x/>)
    URA_XML_TEXT = 3,         ///< text or CDATA or significant whitespace
    URA_XML_END_ELEMENT = 15, ///< end tag
    URA_XML_ERROR = -1,       ///< a parse error: see ura_xml_reader_error
};

/// Opens a reader over `length` bytes; `url` names the document in messages.
ura_xml_reader *ura_xml_reader_open(const char *bytes, size_t length, const char *url);
void ura_xml_reader_close(ura_xml_reader *reader);

/// Advances to the next element start, element end or text node (comments, processing
/// instructions and insignificant whitespace are skipped). Returns a URA_XML_* kind.
int32_t ura_xml_reader_next(ura_xml_reader *reader);

/// The current node's qualified name ("xml:lang", "tbx"); valid until the next call.
const char *ura_xml_reader_name(ura_xml_reader *reader);
/// The current node's namespace URI, or NULL.
const char *ura_xml_reader_namespace(ura_xml_reader *reader);
/// The current text node's content; valid until the next call.
const char *ura_xml_reader_value(ura_xml_reader *reader);
/// 1 when the current element is written <x/>.
int32_t ura_xml_reader_is_empty(ura_xml_reader *reader);
/// The current node's line number in the input.
int32_t ura_xml_reader_line(ura_xml_reader *reader);
/// Number of attributes of the current element, and the name/value of attribute `index`
/// (namespace declarations are not counted). Strings valid until the next call.
int32_t ura_xml_reader_attribute_count(ura_xml_reader *reader);
const char *ura_xml_reader_attribute_name(ura_xml_reader *reader, int32_t index);
const char *ura_xml_reader_attribute_value(ura_xml_reader *reader, int32_t index);
/// The first error met ("line 14: Opening and ending tag mismatch ..."), or NULL.
const char *ura_xml_reader_error(ura_xml_reader *reader);
/// The line of the first error, or 0.
int32_t ura_xml_reader_error_line(ura_xml_reader *reader);

// MARK: XSLT

/// A compiled stylesheet, reusable across documents and threads (libxslt stylesheets are
/// read-only once compiled).
typedef struct ura_stylesheet ura_stylesheet;

/// Compiles the stylesheet at `path`. On failure returns NULL and sets `*error` to a message
/// with the line number (free it with ura_xml_free).
ura_stylesheet *ura_xslt_compile(const char *path, char **error);
void ura_xslt_free(ura_stylesheet *stylesheet);

/// The stylesheet's declared output method ("xml", "html", "text") and media type, or NULL.
const char *ura_xslt_output_method(ura_stylesheet *stylesheet);

/// Transforms the XML document (`length` bytes, parsed as by ura_xml_reader_open) with
/// `params`: NULL-terminated name, value, name, value... where values are plain strings (passed
/// to the stylesheet as strings, never evaluated as XPath). The transform may not write files,
/// create directories or use the network;
/// `document()` may read local files only below `read_root` (NULL: no file reads at all).
/// Returns 0 and the serialised result in `*output`/`*output_length` (free with ura_xml_free),
/// or -1 and a message in `*error`.
int32_t ura_xslt_apply(ura_stylesheet *stylesheet, const char *bytes, size_t length,
                       const char *url, const char *const *params, const char *read_root,
                       char **output, size_t *output_length, char **error);

/// An XML document parsed once (as by ura_xml_reader_open; a document declaring entities is
/// refused) for several transforms. Use it from one thread at a time: libxslt stores
/// document-order numbers in it on first use.
typedef struct ura_xml_document ura_xml_document;

/// Parses `length` bytes; on failure returns NULL and sets `*error` (free with ura_xml_free).
ura_xml_document *ura_xml_document_parse(const char *bytes, size_t length, const char *url, char **error);
void ura_xml_document_free(ura_xml_document *document);

/// ura_xml_document_parse for XML Ura wrote itself (valid UTF-8, from Swift strings): read by a
/// reader of the subset Ura writes, which builds the same tree in less than half the time, or parsed
/// by libxml2 when the bytes leave that subset.
ura_xml_document *ura_xml_document_parse_canonical(const char *bytes, size_t length, const char *url, char **error);

/// 1 when the document was read by the subset reader, 0 when libxml2 parsed it.
int32_t ura_xml_document_is_canonical(const ura_xml_document *document);

/// The document serialised by libxml2 (UTF-8), to compare trees; free with ura_xml_free.
int32_t ura_xml_document_serialize(const ura_xml_document *document, char **output, size_t *output_length);

/// ura_xslt_apply over a parsed document, which is left for the next transform.
int32_t ura_xslt_apply_document(ura_stylesheet *stylesheet, ura_xml_document *document, const char *const *params,
                                const char *read_root, char **output, size_t *output_length, char **error);

// MARK: RELAX NG

/// A compiled RELAX NG schema (XML syntax), reusable across documents.
typedef struct ura_relaxng ura_relaxng;

/// Compiles the RELAX NG schema at `path`. On failure returns NULL and sets `*error` to a
/// message with the line number (free it with ura_xml_free).
ura_relaxng *ura_relaxng_compile(const char *path, char **error);
void ura_relaxng_free(ura_relaxng *schema);

/// Validates the XML document (`length` bytes, parsed as by ura_xml_reader_open; `url` names it
/// in messages) against `schema`. Returns 0 when valid, -1 with the first problem in `*error`
/// ("line 12: Element text has extra content: p", free with ura_xml_free).
int32_t ura_relaxng_validate(ura_relaxng *schema, const char *bytes, size_t length, const char *url,
                             char **error);

#ifdef __cplusplus
}
#endif
#endif
