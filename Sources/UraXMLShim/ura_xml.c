#include "ura_xml.h"
#include "canonical_tree.h"
#include "small_blocks.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlsave.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

// Options for every document Ura parses: never the network, never a DTD, never substitute
// entities; CDATA becomes plain text.
static const int safe_parse_options = XML_PARSE_NONET | XML_PARSE_NOCDATA;
static const int unsafe_parse_options =
    XML_PARSE_NOENT | XML_PARSE_DTDLOAD | XML_PARSE_DTDATTR | XML_PARSE_DTDVALID | XML_PARSE_XINCLUDE;

static char *copy_string(const char *text) {
    if (text == NULL) return NULL;
    size_t length = strlen(text);
    char *copy = malloc(length + 1);
    if (copy != NULL) memcpy(copy, text, length + 1);
    return copy;
}

static char *format_string(const char *format, ...) {
    va_list args;
    va_start(args, format);
    char buffer[1024];
    vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    return copy_string(buffer);
}

/// 1 when the document declares entities (internal or external): Ura refuses such documents
/// rather than deciding which expansions are safe.
static int declares_entities(xmlDocPtr doc) {
    if (doc == NULL) return 0;
    if (doc->intSubset != NULL && doc->intSubset->entities != NULL) return 1;
    if (doc->extSubset != NULL && doc->extSubset->entities != NULL) return 1;
    return 0;
}

// MARK: Errors, collected per operation

/// The first error of one operation, with its line.
typedef struct {
    char message[1024];
    int line;
    int count;
} error_sink;

static void sink_structured(void *context, xmlErrorPtr error) {
    error_sink *sink = context;
    if (sink == NULL || error == NULL || error->level < XML_ERR_ERROR) return;
    if (sink->count++ > 0) return;
    sink->line = error->line;
    const char *text = error->message ? error->message : "unknown error";
    if (error->line > 0)
        snprintf(sink->message, sizeof sink->message, "line %d: %s", error->line, text);
    else
        snprintf(sink->message, sizeof sink->message, "%s", text);
    size_t length = strlen(sink->message);
    while (length > 0 && (sink->message[length - 1] == '\n' || sink->message[length - 1] == ' '))
        sink->message[--length] = '\0';
}

static void sink_generic(void *context, const char *format, ...) {
    error_sink *sink = context;
    if (sink == NULL) return;
    char buffer[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(buffer, sizeof buffer, format, args);
    va_end(args);
    // libxslt reports one error over several calls ("XPath error : ...", "runtime error: file
    // x line 3 element value-of"); keep them all, one line, so the line number is not lost.
    size_t used = strlen(sink->message);
    for (const char *p = buffer; *p != '\0' && used + 3 < sizeof sink->message; p++) {
        if (*p == '\n') {
            if (used > 0 && sink->message[used - 1] != ' ') {
                sink->message[used++] = ';';
                sink->message[used++] = ' ';
            }
        } else {
            sink->message[used++] = *p;
        }
    }
    sink->message[used] = '\0';
    sink->count++;
}

static char *sink_message(error_sink *sink, const char *fallback) {
    size_t length = strlen(sink->message);
    while (length > 0 && (sink->message[length - 1] == '\n' || sink->message[length - 1] == ' ' ||
                          sink->message[length - 1] == ';'))
        sink->message[--length] = '\0';
    return copy_string(length > 0 ? sink->message : fallback);
}

// MARK: Initialisation

static xsltDocLoaderFunc default_loader = NULL;

/// Loads documents for document(), xsl:import and xsl:include with Ura's safe options and
/// refuses any that declare entities.
static xmlDocPtr safe_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *context,
                             xsltLoadType type) {
    options = (options & ~unsafe_parse_options) | safe_parse_options;
    xmlDocPtr doc = default_loader(uri, dict, options, context, type);
    if (declares_entities(doc)) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

static pthread_once_t initialize_once = PTHREAD_ONCE_INIT;

static void initialize(void) {
    // First of all: libxml2 must allocate nothing before its memory functions are set.
    ura_small_blocks_install();
    xmlInitParser();
    exsltRegisterAll();
    default_loader = xsltDocDefaultLoader;
    xsltSetLoaderFunc(safe_loader);
    // Never fetch anything over the network, whatever asks for it.
    xmlSubstituteEntitiesDefault(0);
}

void ura_xml_initialize(void) { pthread_once(&initialize_once, initialize); }

void ura_xml_free(void *pointer) { free(pointer); }

const char *ura_xml_versions(void) {
    static char text[64];
    snprintf(text, sizeof text, "%s / %s", xmlParserVersion, xsltEngineVersion);
    return text;
}

// MARK: Reader

struct ura_xml_reader {
    xmlTextReaderPtr reader;
    error_sink errors;
    int attribute_count;
    char **attribute_names;
    char **attribute_values;
    int checked_entities;
};

static void reader_errors(void *context, xmlErrorPtr error) { sink_structured(context, error); }

ura_xml_reader *ura_xml_reader_open(const char *bytes, size_t length, const char *url) {
    ura_xml_initialize();
    ura_xml_reader *reader = calloc(1, sizeof *reader);
    if (reader == NULL) return NULL;
    if (length > INT32_MAX) {
        snprintf(reader->errors.message, sizeof reader->errors.message, "document larger than 2 GiB");
        reader->errors.count = 1;
        return reader;
    }
    reader->reader = xmlReaderForMemory(bytes, (int)length, url, NULL, safe_parse_options);
    if (reader->reader == NULL) {
        snprintf(reader->errors.message, sizeof reader->errors.message, "cannot create an XML reader");
        reader->errors.count = 1;
        return reader;
    }
    xmlTextReaderSetStructuredErrorHandler(reader->reader, reader_errors, &reader->errors);
    return reader;
}

static void clear_attributes(ura_xml_reader *reader) {
    for (int i = 0; i < reader->attribute_count; i++) {
        free(reader->attribute_names[i]);
        free(reader->attribute_values[i]);
    }
    free(reader->attribute_names);
    free(reader->attribute_values);
    reader->attribute_names = NULL;
    reader->attribute_values = NULL;
    reader->attribute_count = 0;
}

void ura_xml_reader_close(ura_xml_reader *reader) {
    if (reader == NULL) return;
    clear_attributes(reader);
    if (reader->reader != NULL) xmlFreeTextReader(reader->reader);
    free(reader);
}

static void load_attributes(ura_xml_reader *reader) {
    int total = xmlTextReaderAttributeCount(reader->reader);
    if (total <= 0) return;
    reader->attribute_names = calloc((size_t)total, sizeof(char *));
    reader->attribute_values = calloc((size_t)total, sizeof(char *));
    if (reader->attribute_names == NULL || reader->attribute_values == NULL) return;
    int count = 0;
    if (xmlTextReaderMoveToFirstAttribute(reader->reader) == 1) {
        do {
            if (xmlTextReaderIsNamespaceDecl(reader->reader) == 1) continue;
            if (count >= total) break;
            reader->attribute_names[count] = copy_string((const char *)xmlTextReaderConstName(reader->reader));
            reader->attribute_values[count] = copy_string((const char *)xmlTextReaderConstValue(reader->reader));
            count++;
        } while (xmlTextReaderMoveToNextAttribute(reader->reader) == 1);
        xmlTextReaderMoveToElement(reader->reader);
    }
    reader->attribute_count = count;
}

int32_t ura_xml_reader_next(ura_xml_reader *reader) {
    if (reader->reader == NULL || reader->errors.count > 0) return URA_XML_ERROR;
    clear_attributes(reader);
    for (;;) {
        int status = xmlTextReaderRead(reader->reader);
        if (reader->errors.count > 0 || status < 0) {
            if (reader->errors.count == 0) {
                snprintf(reader->errors.message, sizeof reader->errors.message, "malformed XML");
                reader->errors.count = 1;
            }
            return URA_XML_ERROR;
        }
        if (status == 0) return URA_XML_END;
        int type = xmlTextReaderNodeType(reader->reader);
        if (!reader->checked_entities && type != XML_READER_TYPE_DOCUMENT_TYPE) {
            reader->checked_entities = 1;
            if (declares_entities(xmlTextReaderCurrentDoc(reader->reader))) {
                reader->errors.line = xmlTextReaderGetParserLineNumber(reader->reader);
                snprintf(reader->errors.message, sizeof reader->errors.message,
                         "line %d: the document declares entities (<!ENTITY>), which Ura never expands",
                         reader->errors.line);
                reader->errors.count = 1;
                return URA_XML_ERROR;
            }
        }
        switch (type) {
        case XML_READER_TYPE_ELEMENT:
            load_attributes(reader);
            return URA_XML_ELEMENT;
        case XML_READER_TYPE_END_ELEMENT:
            return URA_XML_END_ELEMENT;
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
            return URA_XML_TEXT;
        case XML_READER_TYPE_ENTITY_REFERENCE:
            reader->errors.line = xmlTextReaderGetParserLineNumber(reader->reader);
            snprintf(reader->errors.message, sizeof reader->errors.message,
                     "line %d: entity reference '&%s;' is not expanded", reader->errors.line,
                     (const char *)xmlTextReaderConstName(reader->reader));
            reader->errors.count = 1;
            return URA_XML_ERROR;
        default:
            continue;
        }
    }
}

const char *ura_xml_reader_name(ura_xml_reader *reader) {
    return (const char *)xmlTextReaderConstName(reader->reader);
}

const char *ura_xml_reader_namespace(ura_xml_reader *reader) {
    return (const char *)xmlTextReaderConstNamespaceUri(reader->reader);
}

const char *ura_xml_reader_value(ura_xml_reader *reader) {
    return (const char *)xmlTextReaderConstValue(reader->reader);
}

int32_t ura_xml_reader_is_empty(ura_xml_reader *reader) {
    return xmlTextReaderIsEmptyElement(reader->reader) == 1 ? 1 : 0;
}

int32_t ura_xml_reader_line(ura_xml_reader *reader) {
    // The node's own line: the parser's line is already past a short element (<a/>\n</b>).
    xmlNodePtr node = xmlTextReaderCurrentNode(reader->reader);
    long line = node != NULL ? xmlGetLineNo(node) : -1;
    return line > 0 && line <= INT32_MAX ? (int32_t)line : xmlTextReaderGetParserLineNumber(reader->reader);
}

int32_t ura_xml_reader_attribute_count(ura_xml_reader *reader) { return reader->attribute_count; }

const char *ura_xml_reader_attribute_name(ura_xml_reader *reader, int32_t index) {
    return (index >= 0 && index < reader->attribute_count) ? reader->attribute_names[index] : NULL;
}

const char *ura_xml_reader_attribute_value(ura_xml_reader *reader, int32_t index) {
    return (index >= 0 && index < reader->attribute_count) ? reader->attribute_values[index] : NULL;
}

const char *ura_xml_reader_error(ura_xml_reader *reader) {
    return reader->errors.count > 0 ? reader->errors.message : NULL;
}

int32_t ura_xml_reader_error_line(ura_xml_reader *reader) { return reader->errors.line; }

// MARK: XSLT

struct ura_stylesheet {
    xsltStylesheetPtr stylesheet;
};

static pthread_mutex_t compile_lock = PTHREAD_MUTEX_INITIALIZER;

ura_stylesheet *ura_xslt_compile(const char *path, char **error) {
    ura_xml_initialize();
    // libxslt reports compile errors through a process-wide handler: one compile at a time.
    pthread_mutex_lock(&compile_lock);
    error_sink sink = {{0}, 0, 0};
    xmlSetStructuredErrorFunc(&sink, sink_structured);
    xsltSetGenericErrorFunc(&sink, sink_generic);
    xmlDocPtr doc = xmlReadFile(path, NULL, safe_parse_options);
    xsltStylesheetPtr stylesheet = NULL;
    if (doc != NULL && declares_entities(doc)) {
        xmlFreeDoc(doc);
        doc = NULL;
        snprintf(sink.message, sizeof sink.message,
                 "the stylesheet declares entities (<!ENTITY>), which Ura never expands");
    }
    if (doc != NULL) {
        stylesheet = xsltParseStylesheetDoc(doc); // takes ownership of doc on success
        if (stylesheet == NULL) xmlFreeDoc(doc);
        else if (stylesheet->errors > 0) {
            xsltFreeStylesheet(stylesheet);
            stylesheet = NULL;
        }
    }
    xmlSetStructuredErrorFunc(NULL, NULL);
    xsltSetGenericErrorFunc(NULL, NULL);
    pthread_mutex_unlock(&compile_lock);
    if (stylesheet == NULL) {
        *error = sink_message(&sink, "the stylesheet could not be compiled");
        return NULL;
    }
    ura_stylesheet *result = calloc(1, sizeof *result);
    if (result == NULL) {
        xsltFreeStylesheet(stylesheet);
        *error = copy_string("out of memory");
        return NULL;
    }
    result->stylesheet = stylesheet;
    return result;
}

void ura_xslt_free(ura_stylesheet *stylesheet) {
    if (stylesheet == NULL) return;
    xsltFreeStylesheet(stylesheet->stylesheet);
    free(stylesheet);
}

const char *ura_xslt_output_method(ura_stylesheet *stylesheet) {
    return (const char *)stylesheet->stylesheet->method;
}

/// Allows document() to read a local file only below the transform's read root.
static int check_read_file(xsltSecurityPrefsPtr prefs, xsltTransformContextPtr context, const char *value) {
    (void)prefs;
    const char *root = context ? context->_private : NULL;
    if (root == NULL || value == NULL) return 0;
    const char *path = value;
    if (strncmp(path, "file://", 7) == 0) path += 7;
    if (strstr(path, "..") != NULL) return 0;
    size_t root_length = strlen(root);
    return strncmp(path, root, root_length) == 0 ? 1 : 0;
}

struct ura_xml_document {
    xmlDocPtr doc;
    int32_t canonical; // read by ura_canonical_tree, not by libxml2's parser
};

ura_xml_document *ura_xml_document_parse(const char *bytes, size_t length, const char *url, char **error) {
    ura_xml_initialize();
    error_sink sink = {{0}, 0, 0};
    xmlSetStructuredErrorFunc(&sink, sink_structured);
    ura_xml_document *document = NULL;
    xmlDocPtr input = NULL;
    if (length > INT32_MAX) {
        snprintf(sink.message, sizeof sink.message, "document larger than 2 GiB");
    } else if ((input = xmlReadMemory(bytes, (int)length, url, NULL, safe_parse_options)) != NULL) {
        if (declares_entities(input)) {
            snprintf(sink.message, sizeof sink.message,
                     "the document declares entities (<!ENTITY>), which Ura never expands");
        } else if ((document = malloc(sizeof *document)) != NULL) {
            document->doc = input;
            document->canonical = 0;
            input = NULL;
        }
    }
    if (document == NULL) *error = sink_message(&sink, "the document could not be parsed");
    if (input != NULL) xmlFreeDoc(input);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return document;
}

ura_xml_document *ura_xml_document_parse_canonical(const char *bytes, size_t length, const char *url, char **error) {
    ura_xml_initialize();
    xmlDocPtr tree = ura_canonical_tree(bytes, length, url);
    if (tree == NULL) return ura_xml_document_parse(bytes, length, url, error);
    ura_xml_document *document = malloc(sizeof *document);
    if (document == NULL) {
        xmlFreeDoc(tree);
        *error = copy_string("out of memory");
        return NULL;
    }
    document->doc = tree;
    document->canonical = 1;
    return document;
}

int32_t ura_xml_document_is_canonical(const ura_xml_document *document) { return document->canonical; }

int32_t ura_xml_document_serialize(const ura_xml_document *document, char **output, size_t *output_length) {
    xmlChar *buffer = NULL;
    int length = 0;
    xmlDocDumpMemoryEnc(document->doc, &buffer, &length, "UTF-8");
    if (buffer == NULL) return -1;
    *output = malloc((size_t)length + 1);
    if (*output != NULL) {
        memcpy(*output, buffer, (size_t)length + 1);
        *output_length = (size_t)length;
    }
    xmlFree(buffer);
    return *output != NULL ? 0 : -1;
}

void ura_xml_document_free(ura_xml_document *document) {
    if (document == NULL) return;
    xmlFreeDoc(document->doc);
    free(document);
}

/// The transform of an already parsed `input` (left as it is, apart from the document-order
/// numbers libxslt stores in it on first use).
static int32_t apply_parsed(ura_stylesheet *stylesheet, xmlDocPtr input, error_sink *sink,
                            const char *const *params, const char *read_root, char **output, size_t *output_length) {
    int32_t status = -1;
    xmlDocPtr result = NULL;
    xsltTransformContextPtr context = xsltNewTransformContext(stylesheet->stylesheet, input);
    xsltSecurityPrefsPtr prefs = xsltNewSecurityPrefs();
    if (context == NULL || prefs == NULL) goto done;
    context->_private = (void *)read_root;
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_FILE, check_read_file);
    if (xsltSetCtxtSecurityPrefs(prefs, context) != 0) goto done;
    xsltSetTransformErrorFunc(context, sink, sink_generic);
    // The values are strings, not XPath expressions: registered as they are, nothing to compile
    // and evaluate per parameter and transform.
    if (params != NULL && xsltQuoteUserParams(context, (const char **)params) != 0) {
        if (sink->message[0] == '\0') snprintf(sink->message, sizeof sink->message, "bad stylesheet parameters");
        goto done;
    }

    result = xsltApplyStylesheetUser(stylesheet->stylesheet, input, NULL, NULL, NULL, context);
    if (result == NULL || context->state == XSLT_STATE_ERROR || context->state == XSLT_STATE_STOPPED) {
        if (sink->message[0] == '\0')
            snprintf(sink->message, sizeof sink->message, "the transformation failed");
        goto done;
    }
    xmlChar *buffer = NULL;
    int buffer_length = 0;
    if (xsltSaveResultToString(&buffer, &buffer_length, result, stylesheet->stylesheet) != 0) {
        snprintf(sink->message, sizeof sink->message, "the result could not be serialised");
        goto done;
    }
    // xsltSaveResultToString leaves buffer NULL for an empty result.
    *output = malloc((size_t)buffer_length + 1);
    if (*output != NULL) {
        if (buffer_length > 0) memcpy(*output, buffer, (size_t)buffer_length);
        (*output)[buffer_length] = '\0';
        *output_length = (size_t)buffer_length;
        status = 0;
    }
    if (buffer != NULL) xmlFree(buffer);

done:
    if (result != NULL) xmlFreeDoc(result);
    if (context != NULL) xsltFreeTransformContext(context);
    if (prefs != NULL) xsltFreeSecurityPrefs(prefs);
    return status;
}

int32_t ura_xslt_apply_document(ura_stylesheet *stylesheet, ura_xml_document *document, const char *const *params,
                                const char *read_root, char **output, size_t *output_length, char **error) {
    ura_xml_initialize();
    *output = NULL;
    *output_length = 0;
    error_sink sink = {{0}, 0, 0};
    xmlSetStructuredErrorFunc(&sink, sink_structured);
    int32_t status = apply_parsed(stylesheet, document->doc, &sink, params, read_root, output, output_length);
    if (status != 0) *error = sink_message(&sink, "the transformation failed");
    xmlSetStructuredErrorFunc(NULL, NULL);
    return status;
}

int32_t ura_xslt_apply(ura_stylesheet *stylesheet, const char *bytes, size_t length,
                       const char *url, const char *const *params, const char *read_root,
                       char **output, size_t *output_length, char **error) {
    ura_xml_document *document = ura_xml_document_parse(bytes, length, url, error);
    if (document == NULL) {
        *output = NULL;
        *output_length = 0;
        return -1;
    }
    int32_t status = ura_xslt_apply_document(stylesheet, document, params, read_root, output, output_length, error);
    ura_xml_document_free(document);
    return status;
}

// MARK: RELAX NG

struct ura_relaxng {
    xmlRelaxNGPtr schema;
};

ura_relaxng *ura_relaxng_compile(const char *path, char **error) {
    ura_xml_initialize();
    error_sink sink = {{0}, 0, 0};
    xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt(path);
    if (parser == NULL) {
        *error = copy_string("cannot read the schema");
        return NULL;
    }
    xmlRelaxNGSetParserStructuredErrors(parser, sink_structured, &sink);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(parser);
    xmlRelaxNGFreeParserCtxt(parser);
    if (schema == NULL) {
        *error = sink_message(&sink, "the schema could not be compiled");
        return NULL;
    }
    ura_relaxng *result = calloc(1, sizeof *result);
    if (result == NULL) {
        xmlRelaxNGFree(schema);
        *error = copy_string("out of memory");
        return NULL;
    }
    result->schema = schema;
    return result;
}

void ura_relaxng_free(ura_relaxng *schema) {
    if (schema == NULL) return;
    xmlRelaxNGFree(schema->schema);
    free(schema);
}

int32_t ura_relaxng_validate(ura_relaxng *schema, const char *bytes, size_t length, const char *url,
                             char **error) {
    ura_xml_initialize();
    error_sink sink = {{0}, 0, 0};
    int32_t status = -1;
    xmlDocPtr doc = NULL;
    xmlRelaxNGValidCtxtPtr validator = NULL;
    // Per-thread handler for the parse; the validation context gets its own.
    xmlSetStructuredErrorFunc(&sink, sink_structured);
    if (length > INT32_MAX) {
        snprintf(sink.message, sizeof sink.message, "document larger than 2 GiB");
        goto done;
    }
    doc = xmlReadMemory(bytes, (int)length, url, NULL, safe_parse_options);
    if (doc == NULL) goto done;
    if (declares_entities(doc)) {
        snprintf(sink.message, sizeof sink.message,
                 "the document declares entities (<!ENTITY>), which Ura never expands");
        goto done;
    }
    validator = xmlRelaxNGNewValidCtxt(schema->schema);
    if (validator == NULL) {
        snprintf(sink.message, sizeof sink.message, "cannot create a RELAX NG validator");
        goto done;
    }
    xmlRelaxNGSetValidStructuredErrors(validator, sink_structured, &sink);
    if (xmlRelaxNGValidateDoc(validator, doc) == 0) status = 0;
    else if (sink.message[0] == '\0')
        snprintf(sink.message, sizeof sink.message, "the document does not match the schema");

done:
    if (status != 0) *error = sink_message(&sink, "the document could not be validated");
    if (validator != NULL) xmlRelaxNGFreeValidCtxt(validator);
    if (doc != NULL) xmlFreeDoc(doc);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return status;
}
