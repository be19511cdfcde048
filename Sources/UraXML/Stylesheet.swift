import Foundation
internal import UraXMLShim
import UraCore

/// A compiled XSLT 1.0 stylesheet (libxslt, with EXSLT), reusable across documents and threads.
///
/// Every transform runs with security preferences that forbid writing files, creating folders
/// and any network access; `document()` may read only files below `readRoot`. Input documents are
/// parsed without DTD loading, network or entity expansion.
public final class Stylesheet: @unchecked Sendable {
    // @unchecked: a compiled libxslt stylesheet is read-only after compilation and libxslt
    // documents it as shareable between concurrent transforms; nothing here mutates it.
    private let handle: OpaquePointer
    /// The file it was compiled from.
    public let path: String

    /// Compiles the stylesheet at `path`; a syntax error names the file and line.
    public init(path: String) throws(UraError) {
        var message: UnsafeMutablePointer<CChar>?
        guard let handle = ura_xslt_compile(path, &message) else {
            let text = message.map { String(cString: $0) } ?? "cannot compile the stylesheet"
            ura_xml_free(message)
            throw Self.error(text, file: path)
        }
        self.handle = handle
        self.path = path
    }

    deinit { ura_xslt_free(handle) }

    /// The declared `xsl:output` method (`xml`, `html`, `text`), if any.
    public var outputMethod: String? {
        ura_xslt_output_method(handle).map { String(cString: $0) }
    }

    /// Transforms `document` (XML bytes; `name` names it in messages) with string `parameters`.
    /// - Parameter readRoot: the folder `document()` may read below; nil forbids all file reads.
    public func apply(to document: [UInt8], name: String, parameters: [String: String] = [:],
                      readRoot: String? = nil) throws(UraError) -> [UInt8] {
        try run(name: name, parameters: Self.pairs(parameters)) { params, output, outputLength, message in
            document.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    ura_xslt_apply(handle, chars.baseAddress, chars.count, name, params, readRoot, &output, &outputLength, &message)
                }
            }
        }
    }

    /// Transforms a document parsed once for several transforms (see ``ParsedDocument``).
    public func apply(to document: ParsedDocument, parameters: [String: String] = [:],
                      readRoot: String? = nil) throws(UraError) -> [UInt8] {
        try apply(to: document, parameterPairs: Self.pairs(parameters), readRoot: readRoot)
    }

    /// ``apply(to:parameters:readRoot:)`` with the parameters as name/value pairs: a build runs
    /// thousands of transforms, and a dictionary per transform to build and sort costs more than
    /// handing the pairs over.
    public func apply(to document: ParsedDocument, parameterPairs: [(name: String, value: String)],
                      readRoot: String? = nil) throws(UraError) -> [UInt8] {
        try run(name: document.name, parameters: parameterPairs) { params, output, outputLength, message in
            ura_xslt_apply_document(handle, document.handle, params, readRoot, &output, &outputLength, &message)
        }
    }

    /// `parameters` as pairs in name order.
    private static func pairs(_ parameters: [String: String]) -> [(name: String, value: String)] {
        parameters.keys.sorted().map { ($0, parameters[$0] ?? "") }
    }

    /// Calls `transform` with the parameters as a C array and collects its output or error.
    private func run(name: String, parameters: [(name: String, value: String)],
                     _ transform: (UnsafePointer<UnsafePointer<CChar>?>?, inout UnsafeMutablePointer<CChar>?, inout Int,
                                   inout UnsafeMutablePointer<CChar>?) -> Int32) throws(UraError) -> [UInt8] {
        // Name, value, name, value... as C strings in one buffer; values go as plain strings (the
        // shim registers them as strings, not XPath).
        var strings: [CChar] = []
        var starts: [Int] = []
        for (name, value) in parameters {
            for text in [name, value] {
                starts.append(strings.count)
                for byte in text.utf8 { strings.append(CChar(bitPattern: byte)) }
                strings.append(0)
            }
        }
        return try strings.withUnsafeBufferPointer { buffer throws(UraError) -> [UInt8] in
            let pointers = starts.map { Optional(buffer.baseAddress! + $0) } + [nil]
            return try pointers.withUnsafeBufferPointer { params throws(UraError) -> [UInt8] in
                try collect(name: name) { transform(params.baseAddress, &$0, &$1, &$2) }
            }
        }
    }

    /// Calls `transform` and turns its output or error into the result.
    private func collect(name: String, _ transform: (inout UnsafeMutablePointer<CChar>?, inout Int,
                                                     inout UnsafeMutablePointer<CChar>?) -> Int32) throws(UraError) -> [UInt8] {
        var output: UnsafeMutablePointer<CChar>?
        var outputLength = 0
        var message: UnsafeMutablePointer<CChar>?
        let status = transform(&output, &outputLength, &message)
        defer {
            ura_xml_free(output)
            ura_xml_free(message)
        }
        guard status == 0, let output else {
            let text = message.map { String(cString: $0) } ?? "the transformation failed"
            throw ShimMessage.runtimeError(text, stylesheet: path, document: name)
        }
        return output.withMemoryRebound(to: UInt8.self, capacity: outputLength) {
            Array(UnsafeBufferPointer(start: $0, count: outputLength))
        }
    }

    /// libxml2/libxslt versions, e.g. "20914 / 10135".
    public static var libraryVersions: String { String(cString: ura_xml_versions()) }

    private static func error(_ text: String, file: String) -> UraError {
        ShimMessage.error(text, file: file)
    }
}
