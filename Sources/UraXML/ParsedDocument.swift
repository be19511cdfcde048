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
    /// - Throws: ``UraError`` with the document and line of the first problem.
    public init(_ bytes: [UInt8], name: String) throws(UraError) {
        var message: UnsafeMutablePointer<CChar>?
        let handle = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { ura_xml_document_parse($0.baseAddress, $0.count, name, &message) }
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
}
