import UraCore
import UraXML

/// The inline Markdown Ura understands in a paragraph, turned into canonical XML inline markup.
///
/// A deliberately small subset, so every output format can render all of it:
/// - `*emphasis*` / `_emphasis_` → `<em>`, `**strong**` / `__strong__` → `<strong>`
/// - `` `code` `` → `<code>`
/// - `[text](https://…)` → `<a href="…">`; only `http`, `https` and `mailto` targets become links
///   (anything else, such as `javascript:`, keeps its text and loses the link)
/// - `\*` and other backslash escapes of ASCII punctuation → the character itself
/// - line breaks inside a paragraph → one space
///
/// Everything else is text, escaped for XML: `<b>` in a paragraph is the four characters, never
/// markup. Press releases use little inline markup; a full CommonMark parser (Ink, swift-markdown)
/// would bring block syntax Ura does not publish and HTML pass-through it must not publish.
public enum InlineMarkdown {
    /// One piece of inline content.
    public indirect enum Node: Sendable, Equatable {
        /// Plain text, unescaped.
        case text(String)
        /// `*…*` or `_…_`.
        case emphasis([Node])
        /// `**…**` or `__…__`.
        case strong([Node])
        /// `` `…` ``, its text verbatim.
        case code(String)
        /// `[…](href)` with an `http`, `https` or `mailto` target.
        case link(href: String, [Node])
    }

    /// Nesting deeper than this is kept as text: hostile input cannot exhaust the stack.
    static let maximumDepth = 8

    /// Parses `source` (one paragraph).
    public static func parse(_ source: String) -> [Node] {
        let characters = Array(source.map { $0.isNewline ? " " : $0 })
        return merged(Scanner(characters: characters).nodes(from: 0, to: characters.count, depth: 0))
    }

    /// `source` as canonical XML inline content (escaped text, `<em>`, `<strong>`, `<code>`, `<a>`).
    public static func xml(_ source: String) -> String {
        isPlain(source) ? source.xmlEscaped : render(parse(source))
    }

    /// Appends ``xml(_:)`` of `source` to `output` as UTF-8 (a plain paragraph is escaped straight
    /// into it).
    static func appendXML(_ source: String, to output: inout [UInt8]) {
        if isPlain(source) { output.appendXMLEscaped(source) } else { output.append(contentsOf: render(parse(source)).utf8) }
    }

    /// The plain text of `source`, markup removed.
    public static func plainText(_ source: String) -> String { isPlain(source) ? source : text(of: parse(source)) }

    /// True when `source` holds nothing the parser treats specially (no `*`, `_`, `` ` ``, `[`,
    /// `\\`, and no line break of any kind): it parses to one text node equal to itself, so the
    /// parse can be skipped. Most paragraphs of a press release are plain.
    static func isPlain(_ source: String) -> Bool {
        source.utf8.withContiguousStorageIfAvailable(isPlain) ?? Array(source.utf8).withUnsafeBufferPointer(isPlain)
    }

    /// What each byte means to ``isPlain(_:)``: 0 nothing, 1 not plain (`*`, `_`, `` ` ``, `[`,
    /// `\\`, line feed, vertical tab, form feed, carriage return), 2 not plain when it ends a line
    /// break character (`85` of U+0085, `A8`/`A9` of U+2028/U+2029).
    private static let plainClasses: [UInt8] = (0...255).map { byte -> UInt8 in
        switch byte {
        case 0x2A, 0x5F, 0x60, 0x5B, 0x5C, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0x85, 0xA8, 0xA9: return 2
        default: return 0
        }
    }

    /// One table look-up per byte: every paragraph of a build goes through here.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        plainClasses.withUnsafeBufferPointer { table in
            for index in bytes.indices where table[Int(bytes[index])] != 0 {
                switch bytes[index] {
                case 0x85: if index >= 1 && bytes[index - 1] == 0xC2 { return false } // U+0085 NEXT LINE
                case 0xA8, 0xA9: // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
                    if index >= 2 && bytes[index - 1] == 0x80 && bytes[index - 2] == 0xE2 { return false }
                default: return false
                }
            }
            return true
        }
    }

    static func render(_ nodes: [Node]) -> String {
        var output = ""
        for node in nodes {
            switch node {
            case .text(let text): output += text.xmlEscaped
            case .emphasis(let inner): output += "<em>" + render(inner) + "</em>"
            case .strong(let inner): output += "<strong>" + render(inner) + "</strong>"
            case .code(let text): output += "<code>" + text.xmlEscaped + "</code>"
            case .link(let href, let inner): output += "<a href=\"\(href.xmlAttributeEscaped)\">" + render(inner) + "</a>"
            }
        }
        return output
    }

    static func text(of nodes: [Node]) -> String {
        nodes.map { node in
            switch node {
            case .text(let text), .code(let text): text
            case .emphasis(let inner), .strong(let inner), .link(_, let inner): text(of: inner)
            }
        }.joined()
    }

    /// Adjacent text nodes joined, so equal input always gives the same tree.
    static func merged(_ nodes: [Node]) -> [Node] {
        var result: [Node] = []
        for node in nodes {
            if case .text(let next) = node, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(node)
            }
        }
        return result
    }

    /// Schemes a link may point to.
    static let linkSchemes = ["http://", "https://", "mailto:"]
}

/// A left-to-right scanner: each construct looks for its closing delimiter and parses what is
/// between recursively (bounded by ``InlineMarkdown/maximumDepth``).
private struct Scanner {
    typealias Node = InlineMarkdown.Node
    let characters: [Character]

    func nodes(from start: Int, to end: Int, depth: Int) -> [Node] {
        var nodes: [Node] = []
        var text = ""
        var index = start
        func flush() {
            if !text.isEmpty { nodes.append(.text(text)) }
            text = ""
        }
        while index < end {
            let character = characters[index]
            if character == "\\", index + 1 < end, characters[index + 1].isASCII, characters[index + 1].isPunctuation || characters[index + 1].isSymbol {
                text.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "`", let close = closing("`", after: index + 1, before: end) {
                flush()
                nodes.append(.code(String(characters[(index + 1)..<close]).trimmed))
                index = close + 1
                continue
            }
            if depth < InlineMarkdown.maximumDepth {
                if character == "[", let (textEnd, urlEnd, href) = link(at: index, end: end) {
                    flush()
                    let inner = InlineMarkdown.merged(self.nodes(from: index + 1, to: textEnd, depth: depth + 1))
                    if InlineMarkdown.linkSchemes.contains(where: { href.lowercased().hasPrefix($0) }) {
                        nodes.append(.link(href: href, inner))
                    } else {
                        nodes.append(contentsOf: inner)
                    }
                    index = urlEnd + 1
                    continue
                }
                if character == "*" || character == "_" {
                    let double = index + 1 < end && characters[index + 1] == character
                    let width = double ? 2 : 1
                    if opens(at: index, width: width, end: end),
                       let close = closingDelimiter(character, width: width, after: index + width, end: end) {
                        flush()
                        let inner = InlineMarkdown.merged(self.nodes(from: index + width, to: close, depth: depth + 1))
                        nodes.append(double ? .strong(inner) : .emphasis(inner))
                        index = close + width
                        continue
                    }
                }
            }
            text.append(character)
            index += 1
        }
        flush()
        return nodes
    }

    /// The index of the next `delimiter` in `start..<end`.
    private func closing(_ delimiter: Character, after start: Int, before end: Int) -> Int? {
        var index = start
        while index < end {
            if characters[index] == delimiter { return index }
            index += 1
        }
        return nil
    }

    /// The `)` that closes a link target, counting nested parentheses (`…/Tirana_(city))`).
    private func closingParenthesis(after start: Int, before end: Int) -> Int? {
        var depth = 0
        for index in start..<max(start, end) {
            switch characters[index] {
            case "(": depth += 1
            case ")":
                if depth == 0 { return index }
                depth -= 1
            default: break
            }
        }
        return nil
    }

    /// `[text](url)` starting at `start`: the index of `]`, of `)`, and the URL.
    private func link(at start: Int, end: Int) -> (Int, Int, String)? {
        var depth = 0
        var index = start + 1
        while index < end {
            switch characters[index] {
            case "\\": index += 1
            case "[": depth += 1
            case "]":
                if depth == 0 {
                    guard index + 1 < end, characters[index + 1] == "(",
                          let close = closingParenthesis(after: index + 2, before: end) else { return nil }
                    let href = String(characters[(index + 2)..<close]).trimmed
                    guard !href.isEmpty, !href.contains(" ") else { return nil }
                    return (index, close, href)
                }
                depth -= 1
            default: break
            }
            index += 1
        }
        return nil
    }

    /// A delimiter run opens emphasis when a non-space follows it; `_` also needs no letter or
    /// digit before it (CommonMark's rule, so `snake_case_names` stay text).
    private func opens(at index: Int, width: Int, end: Int) -> Bool {
        let after = index + width
        guard after < end, !characters[after].isWhitespace, characters[after] != characters[index] else { return false }
        if characters[index] == "_", index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber { return false }
        return true
    }

    /// The start of the closing run of `width` × `delimiter`: preceded by a non-space, and for
    /// `_` not followed by a letter or digit.
    private func closingDelimiter(_ delimiter: Character, width: Int, after start: Int, end: Int) -> Int? {
        var index = start + 1
        while index + width <= end {
            if characters[index] == "\\" { index += 2; continue }
            if (0..<width).allSatisfy({ characters[index + $0] == delimiter }),
               !characters[index - 1].isWhitespace,
               index + width >= end || characters[index + width] != delimiter || width == 2,
               delimiter != "_" || index + width >= end || !(characters[index + width].isLetter || characters[index + width].isNumber) {
                return index
            }
            index += 1
        }
        return nil
    }
}
