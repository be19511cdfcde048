internal import UraXMLShim
import UraCore

/// An XML element read into Swift values: name, attributes in document order, children, line.
public struct XMLElement: Sendable, Equatable {
    public var name: String
    public var attributes: [(name: String, value: String)]
    public var children: [XMLNode]
    /// 1-based line of the start tag.
    public var line: Int
    /// The element's namespace URI, if it is in one.
    public var namespace: String?

    public init(name: String, attributes: [(name: String, value: String)] = [], children: [XMLNode] = [], line: Int = 0,
                namespace: String? = nil) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
        self.namespace = namespace
    }

    /// The value of attribute `name` (qualified, e.g. `xml:lang`).
    public func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The name without its namespace prefix (`tbx:term` → `term`).
    public var localName: String {
        // Found on the bytes: looked up for every element a reader walks past (a glossary's
        // tree, thousands of times), where splitting made an array each time.
        guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
        return String(name[name.utf8.index(after: colon)...])
    }

    /// Child elements, optionally only those with local name `name`.
    public func elements(_ name: String? = nil) -> [XMLElement] {
        children.compactMap {
            if case .element(let element) = $0, name == nil || element.localName == name { return element }
            return nil
        }
    }

    /// The first child element with local name `name`.
    public func element(_ name: String) -> XMLElement? { elements(name).first }

    /// All text inside the element, in document order (inline markup dropped).
    public var text: String {
        var result = ""
        var stack: [XMLNode] = children.reversed()
        while let node = stack.popLast() {
            switch node {
            case .text(let text): result += text
            case .element(let element): stack.append(contentsOf: element.children.reversed())
            }
        }
        return result
    }

    /// Every descendant element with local name `name`, in document order (iterative walk).
    public func descendants(_ name: String) -> [XMLElement] {
        var result: [XMLElement] = []
        var stack: [XMLElement] = elements().reversed()
        while let element = stack.popLast() {
            if element.localName == name { result.append(element) }
            stack.append(contentsOf: element.elements().reversed())
        }
        return result
    }

    public static func == (lhs: XMLElement, rhs: XMLElement) -> Bool {
        lhs.name == rhs.name && lhs.line == rhs.line && lhs.namespace == rhs.namespace && lhs.children == rhs.children
            && lhs.attributes.map { "\($0.name)=\($0.value)" } == rhs.attributes.map { "\($0.name)=\($0.value)" }
    }
}

/// A node of an ``XMLElement``'s content.
public enum XMLNode: Sendable, Equatable {
    case element(XMLElement)
    case text(String)
}

/// Parses XML with libxml2 under Ura's rules: no network, no DTD loading, no entity expansion; a
/// document that declares entities is refused. Errors name the file and line.
public enum XMLParser {
    /// The root element of the document in `bytes`; `file` names it in messages.
    /// The tree is built iteratively, so deep nesting cannot overflow the stack.
    public static func parse(_ bytes: [UInt8], file: String) throws(UraError) -> XMLElement {
        guard !bytes.isEmpty else { throw UraError(.input, "empty file, not XML", file: file) }
        let reader: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { ura_xml_reader_open($0.baseAddress, $0.count, file) }
        }
        guard let reader else { throw UraError(.internal, "cannot create an XML reader", file: file) }
        defer { ura_xml_reader_close(reader) }

        var stack: [XMLElement] = []
        var root: XMLElement?
        func close() {
            guard let finished = stack.popLast() else { return }
            if stack.isEmpty { root = finished } else { stack[stack.count - 1].children.append(.element(finished)) }
        }
        loop: while true {
            switch ura_xml_reader_next(reader) {
            case 1: // element
                let name = String(cString: ura_xml_reader_name(reader))
                var attributes: [(name: String, value: String)] = []
                for index in 0..<ura_xml_reader_attribute_count(reader) {
                    guard let attributeName = ura_xml_reader_attribute_name(reader, index),
                          let value = ura_xml_reader_attribute_value(reader, index) else { continue }
                    attributes.append((String(cString: attributeName), String(cString: value)))
                }
                let namespace = ura_xml_reader_namespace(reader).map { String(cString: $0) }
                stack.append(XMLElement(name: name, attributes: attributes, line: Int(ura_xml_reader_line(reader)),
                                        namespace: namespace))
                if ura_xml_reader_is_empty(reader) == 1 { close() }
            case 15: // end element
                close()
            case 3: // text
                if !stack.isEmpty, let value = ura_xml_reader_value(reader) {
                    stack[stack.count - 1].children.append(.text(String(cString: value)))
                }
            case 0:
                break loop
            default:
                let message = ura_xml_reader_error(reader).map { String(cString: $0) } ?? "malformed XML"
                let line = Int(ura_xml_reader_error_line(reader))
                throw UraError(.input, Self.stripLinePrefix(message), file: file, line: line > 0 ? line : nil)
            }
        }
        guard let root else { throw UraError(.input, "no root element", file: file) }
        return root
    }

    /// The message without the shim's "line N: " prefix (the line goes into the error's location).
    private static func stripLinePrefix(_ message: String) -> String {
        guard message.hasPrefix("line "), let colon = message.firstIndex(of: ":") else { return message }
        return String(message[message.index(after: colon)...]).trimmed
    }
}
