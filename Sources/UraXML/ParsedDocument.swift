internal import UraXMLShim
import UraCore

/// An XML document parsed once, to run several stylesheets over it without parsing it again
/// (a large collection document costs more to parse than to transform).
///
/// Parsed as ``Stylesheet/apply(to:name:parameters:readRoot:)`` parses: no DTD, no network, no
/// entity expansion; a document declaring entities is refused. Not for concurrent use: libxslt
/// stores document-order numbers in the tree on first use, so one thread at a time.
public final class ParsedDocument {
    let handle: OpaquePointer
    /// The document's name in messages.
    public let name: String

    /// Parses `bytes`; `name` names the document in messages.
    ///
    /// `canonical`: the bytes are XML Ura wrote itself from strings (a release's or the
    /// collection's canonical document), read by a reader of the subset Ura writes that builds
    /// the tree libxml2's parser builds in less than half the time (libxml2 reads text that is not
    /// ASCII a character at a time); bytes outside that subset are parsed by libxml2 all the same.
    /// - Throws: ``UraError`` with the document and line of the first problem.
    public init(_ bytes: [UInt8], name: String, canonical: Bool = false) throws(UraError) {
        var message: UnsafeMutablePointer<CChar>?
        let handle = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) {
                canonical ? ura_xml_document_parse_canonical($0.baseAddress, $0.count, name, &message)
                    : ura_xml_document_parse($0.baseAddress, $0.count, name, &message)
            }
        }
        guard let handle else {
            let text = message.map { String(cString: $0) } ?? "the document could not be parsed"
            ura_xml_free(message)
            throw ShimMessage.error(text, file: name)
        }
        self.handle = handle
        self.name = name
    }

    deinit { ura_xml_document_free(handle) }

    /// True when the subset reader built the tree (see ``init(_:name:canonical:)``), false when
    /// libxml2 parsed it.
    public var readAsCanonical: Bool { ura_xml_document_is_canonical(handle) != 0 }

    /// The tree serialised by libxml2, to compare two trees.
    public func serialized() -> [UInt8] {
        var output: UnsafeMutablePointer<CChar>?
        var length = 0
        guard ura_xml_document_serialize(handle, &output, &length) == 0, let output else { return [] }
        defer { ura_xml_free(output) }
        return output.withMemoryRebound(to: UInt8.self, capacity: length) { Array(UnsafeBufferPointer(start: $0, count: length)) }
    }
}
