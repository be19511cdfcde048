internal import UraXMLShim
import UraCore

/// A compiled RELAX NG schema (XML syntax, libxml2's validator), reusable across documents.
///
/// Documents are parsed under Ura's rules (no network, no DTD, no entity expansion) before they
/// are validated, so validating untrusted XML is as safe as parsing it.
public final class RelaxNGSchema: @unchecked Sendable {
    // @unchecked: libxml2 only reads a compiled schema; each validation gets its own context.
    private let handle: OpaquePointer
    /// The file it was compiled from.
    public let path: String

    /// Compiles the schema at `path`; a broken schema names the file and line.
    public init(path: String) throws(UraError) {
        var message: UnsafeMutablePointer<CChar>?
        guard let handle = ura_relaxng_compile(path, &message) else {
            let text = message.map { String(cString: $0) } ?? "cannot compile the schema"
            ura_xml_free(message)
            throw ShimMessage.error(text, file: path)
        }
        self.handle = handle
        self.path = path
    }

    deinit { ura_relaxng_free(handle) }

    /// Checks `document` (XML bytes; `name` names it in messages) against the schema.
    /// - Throws: the first problem, with its line in `name`.
    public func validate(_ document: [UInt8], name: String) throws(UraError) {
        var message: UnsafeMutablePointer<CChar>?
        let status = document.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                ura_relaxng_validate(handle, chars.baseAddress, chars.count, name, &message)
            }
        }
        defer { ura_xml_free(message) }
        guard status == 0 else {
            let text = message.map { String(cString: $0) } ?? "the document does not match the schema"
            throw ShimMessage.error("\(text) (schema '\(path)')", file: name)
        }
    }
}
