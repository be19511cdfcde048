import Yams

/// The YAML front matter of a Markdown page and the body after it, as Hugo reads them:
/// the file starts with a `---` line, the YAML ends at the next `---` line.
public struct FrontMatter: Sendable {
    /// Keys in file order with their values as YAML scalars or serialised YAML (for nested values).
    public var entries: [(key: String, value: String, line: Int)]
    /// Each key's value as YAML source text (`'In focus: x'`, `[a, b]`), to write back unchanged.
    public var sources: [String: String]
    /// The Markdown body after the closing `---`.
    public var body: String
    /// 1-based line of the body's first line in the file.
    public var bodyLine: Int

    /// The value of `key`, if present.
    public func value(_ key: String) -> String? { entries.first { $0.key == key }?.value }

    /// The line of `key`, or of the front matter's first line.
    public func line(of key: String) -> Int { entries.first { $0.key == key }?.line ?? 1 }

    /// Splits `text` into front matter and body. `file` is used in messages.
    ///
    /// Front matter made only of `key: value` lines with plain or quoted scalars (what Ura writes)
    /// is read directly; anything else (lists, nested maps, block scalars) goes through Yams.
    public static func parse(_ text: String, file: String) throws(UraError) -> FrontMatter {
        try parse(text, file: file, allowFastPath: true)
    }

    static func parse(_ text: String, file: String, allowFastPath: Bool) throws(UraError) -> FrontMatter {
        guard let (yaml, body, yamlLines) = split(text) else {
            let opens = text.utf8.starts(with: "---".utf8)
            throw UraError(.input, opens ? "front matter: no closing '---' line" : "front matter: the file must start with a '---' line",
                           file: file, line: 1)
        }
        if allowFastPath, let simple = simpleEntries(yaml) {
            return FrontMatter(entries: simple.map { ($0.key, $0.value, $0.line) },
                               sources: Dictionary(simple.map { ($0.key, $0.source) }, uniquingKeysWith: { first, _ in first }),
                               body: String(body), bodyLine: yamlLines + 3)
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: String(yaml))
        } catch let error as YamlError {
            throw UraError(.input, "front matter: \(describe(error))", file: file, line: yamlLine(error).map { $0 + 1 })
        } catch {
            throw UraError(.input, "front matter: \(error)", file: file, line: 1)
        }
        var entries: [(key: String, value: String, line: Int)] = []
        var sources: [String: String] = [:]
        if let node {
            guard let mapping = node.mapping else {
                throw UraError(.input, "front matter: expected 'key: value' lines", file: file, line: 2)
            }
            for (key, value) in mapping {
                guard let name = key.string else {
                    throw UraError(.input, "front matter: a key is not a plain name", file: file, line: (key.mark?.line ?? 0) + 1)
                }
                let rendered: String
                if let scalar = value.scalar {
                    rendered = scalar.string
                } else {
                    rendered = ((try? Yams.serialize(node: value)) ?? "").trimmingTrailingWhitespace()
                }
                entries.append((name, rendered, (key.mark?.line ?? 0) + 1))
                sources[name] = ((try? Yams.serialize(node: value, allowUnicode: true)) ?? rendered).trimmingTrailingWhitespace()
            }
        }
        return FrontMatter(entries: entries, sources: sources, body: String(body), bodyLine: yamlLines + 3)
    }

    /// The YAML between the `---` lines, the body after them, and the number of YAML lines; nil
    /// when the file does not open with `---` or never closes it.
    private static func split(_ text: String) -> (yaml: Substring, body: Substring, lines: Int)? {
        let utf8 = text.utf8
        var lines: [Range<String.Index>] = []
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            lines.append(start..<end)
            if lines.count > 1, isFence(text[start..<end]) {
                let yamlEnd = lines.count >= 3 ? lines[lines.count - 2].upperBound : lines[0].upperBound
                let yamlStart = lines.count >= 3 ? lines[1].lowerBound : yamlEnd
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return (text[yamlStart..<yamlEnd], text[bodyStart...], lines.count - 2)
            }
            if lines.count == 1, !isFence(text[start..<end]) { return nil }
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        return nil
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.utf8.starts(with: "---".utf8) && line.utf8.dropFirst(3).allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }

    /// Entries of front matter whose every line is `key: scalar` (plain, 'single' or "double"
    /// quoted), or nil when any line needs a real YAML parser.
    static func simpleEntries(_ yaml: Substring) -> [(key: String, value: String, line: Int, source: String)]? {
        var entries: [(key: String, value: String, line: Int, source: String)] = []
        var seen = Set<String>()
        // Lines cut on UTF-8 bytes: splitting by Character walks every grapheme of every title.
        let utf8 = yaml.utf8
        var start = utf8.startIndex, number = 0
        while true {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let bytes = utf8[start..<end]
            switch asciiLineEntry(bytes) ?? characterLineEntry(Substring(bytes)) {
            case .blank: break
            case .notSimple: return nil
            case .entry(let key, let source):
                guard !seen.contains(key), let value = scalar(source) else { return nil }
                seen.insert(key)
                entries.append((key, value, number + 2, String(source)))
            }
            guard end < utf8.endIndex else { return entries }
            start = utf8.index(after: end)
            number += 1
        }
    }

    /// What one line of front matter holds for ``simpleEntries(_:)``.
    private enum LineEntry {
        /// An empty or comment line.
        case blank
        /// `key: ` and the value's source text.
        case entry(key: String, source: Substring)
        /// Not a `key: value` line this reader knows.
        case notSimple
    }

    /// A line read on its bytes, as ``characterLineEntry(_:)`` reads it by Character; nil when
    /// they could differ, which is only where a non-ASCII character touches what is compared (a
    /// space trimmed after one, which a few scripts' characters take in; one right after the
    /// spaces before the value, which may be a mark joining the last space): every front matter
    /// line Ura writes is read here, each Character test costing more than reading the file.
    private static func asciiLineEntry(_ line: Substring.UTF8View) -> LineEntry? {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        func isLetter(_ byte: UInt8) -> Bool { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) }
        func isKeyByte(_ byte: UInt8) -> Bool {
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        var end = line.endIndex
        while end > line.startIndex, isSpace(line[line.index(before: end)]) { end = line.index(before: end) }
        guard end > line.startIndex else { return .blank }
        if end < line.endIndex, line[line.index(before: end)] >= 0x80 { return nil }
        // The first character: ASCII, so a whole Character (a mark after it makes the key not simple).
        guard line[line.startIndex] < 0x80 else { return nil }
        let first = line[line.startIndex]
        if first == UInt8(ascii: "#") {
            let next = line.index(after: line.startIndex)
            return next < end && line[next] >= 0x80 ? nil : .blank
        }
        // A key of ASCII letters, digits, '_' and '-' is the same in bytes and in Characters, and
        // so is the colon after it when a space follows. Any other key is not simple either way.
        guard let colon = line[..<end].firstIndex(of: UInt8(ascii: ":")) else { return .notSimple }
        let key = line[line.startIndex..<colon]
        guard isLetter(first) || first == UInt8(ascii: "_"), key.allSatisfy(isKeyByte) else { return .notSimple }
        var start = line.index(after: colon)
        guard start < end, line[start] == 0x20 else { return .notSimple }
        while start < end, line[start] == 0x20 { start = line.index(after: start) }
        guard start < end, line[start] < 0x80 else { return nil }
        return .entry(key: String(Substring(key)), source: Substring(line[start..<end]))
    }

    /// A line read by Character (any line ``asciiLineEntry(_:)`` leaves). Only YAML's white space
    /// (spaces, tabs) and a carriage return end a line: a no-break space is part of the value.
    private static func characterLineEntry(_ line: Substring) -> LineEntry {
        var end = line.endIndex
        while end > line.startIndex, [" ", "\t", "\r"].contains(line[line.index(before: end)]) { end = line.index(before: end) }
        let trimmed = line[..<end]
        if trimmed.isEmpty || trimmed.hasPrefix("#") { return .blank }
        guard let colon = trimmed.firstIndex(of: ":") else { return .notSimple }
        let key = trimmed[..<colon]
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") })
        else { return .notSimple }
        let rest = trimmed[trimmed.index(after: colon)...]
        guard rest.first == " " else { return .notSimple }
        return .entry(key: String(key), source: rest.drop { $0 == " " })
    }

    /// The string a YAML scalar's source text stands for (`'It''s'` → `It's`); nil when the
    /// text is not a scalar (a list, a mapping).
    public static func decodeScalar(_ source: String) -> String? {
        if let value = scalar(source[...]) { return value }
        return (try? Yams.compose(yaml: source))??.scalar?.string
    }

    /// The bytes a plain YAML scalar may not start with: indicators, quotes, `#` and `-`.
    private static let plainIndicators = Set("[]{}!&*|>%@`#,?:-\"'".utf8)

    /// A one-line YAML scalar, or nil when it is anything more.
    private static func scalar(_ text: Substring) -> String? {
        guard let first = text.first else { return nil }
        // Quoted scalars are read on UTF-8 bytes (quotes and backslashes are ASCII, never part of
        // another character's bytes), copying the runs between them: titles are long, and going
        // Character by Character cost more than reading the file. Anything unusual is Yams's.
        let utf8 = text.utf8
        if first == "'" {
            guard utf8.count >= 2, utf8.last == UInt8(ascii: "'") else { return nil }
            let inner = utf8.dropFirst().dropLast()
            var result = ""
            var run = inner.startIndex, index = inner.startIndex
            while index < inner.endIndex {
                guard inner[index] == UInt8(ascii: "'") else {
                    index = inner.index(after: index)
                    continue
                }
                let next = inner.index(after: index)
                guard next < inner.endIndex, inner[next] == UInt8(ascii: "'") else { return nil }
                result += Substring(inner[run...index])
                index = inner.index(after: next)
                run = index
            }
            return result + Substring(inner[run..<inner.endIndex])
        }
        if first == "\"" {
            guard utf8.count >= 2, utf8.last == UInt8(ascii: "\"") else { return nil }
            let inner = utf8.dropFirst().dropLast()
            var result = ""
            var run = inner.startIndex, index = inner.startIndex
            while index < inner.endIndex {
                let byte = inner[index]
                if byte == UInt8(ascii: "\"") { return nil }
                guard byte == UInt8(ascii: "\\") else {
                    index = inner.index(after: index)
                    continue
                }
                result += Substring(inner[run..<index])
                let next = inner.index(after: index)
                guard next < inner.endIndex else { return nil }
                switch inner[next] {
                case UInt8(ascii: "\""): result += "\""
                case UInt8(ascii: "\\"): result += "\\"
                case UInt8(ascii: "/"): result += "/"
                case UInt8(ascii: "n"): result += "\n"
                case UInt8(ascii: "t"): result += "\t"
                default: return nil // rarer escapes: leave them to Yams
                }
                index = inner.index(after: next)
                run = index
            }
            return result + Substring(inner[run..<inner.endIndex])
        }
        // Plain scalars: refuse anything with YAML meaning (indicators, comments, inner ": "),
        // looked for in one pass over the bytes. A byte test refuses a little more than a
        // Character test would (an indicator with a mark on it), and what is refused goes to Yams.
        var previous: UInt8 = 0
        for byte in utf8 {
            if (previous == UInt8(ascii: ":") && byte == UInt8(ascii: " ")) || (previous == UInt8(ascii: " ") && byte == UInt8(ascii: "#")) {
                return nil
            }
            previous = byte
        }
        if plainIndicators.contains(utf8[utf8.startIndex]) || previous == UInt8(ascii: ":")
            || text == "~" || text == "null" || text == "Null" || text == "NULL" {
            return nil
        }
        return String(text)
    }

    /// Renders front matter and body. Values are quoted by Yams where YAML needs it.
    public static func render(_ entries: [(key: String, value: String)], rawKeys: Set<String> = [],
                              body: String) -> String {
        var pairs: [(Node, Node)] = []
        for (key, value) in entries {
            if rawKeys.contains(key), let node = try? Yams.compose(yaml: value) {
                pairs.append((Node(key), node))
            } else {
                pairs.append((Node(key), Node(value)))
            }
        }
        let yaml = (try? Yams.serialize(node: Node.mapping(Node.Mapping(pairs)), width: -1, allowUnicode: true)) ?? ""
        return "---\n" + yaml + "---\n\n" + body
    }

    private static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        default:
            return nil
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)".replacingNewlines()
        }
    }
}

extension Substring {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String { self[...].trimmingTrailingWhitespace() }

    /// The string without leading and trailing white space (spaces, tabs, newlines).
    public var trimmed: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}
