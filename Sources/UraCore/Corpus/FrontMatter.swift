import Yams

/// The YAML front matter of a Markdown page and the body after it, as Hugo reads them:
/// the file starts with a `---` line, the YAML ends at the next `---` line.
public struct FrontMatter: Sendable {
    /// Keys in file order with their values as YAML scalars or serialised YAML (for nested values).
    public var entries: [(key: String, value: String, line: Int)]
    /// The Markdown body after the closing `---`.
    public var body: String
    /// 1-based line of the body's first line in the file.
    public var bodyLine: Int

    /// The value of `key`, if present.
    public func value(_ key: String) -> String? { entries.first { $0.key == key }?.value }

    /// The line of `key`, or of the front matter's first line.
    public func line(of key: String) -> Int { entries.first { $0.key == key }?.line ?? 1 }

    /// Splits `text` into front matter and body. `file` is used in messages.
    public static func parse(_ text: String, file: String) throws(UraError) -> FrontMatter {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingWhitespace() == "---" else {
            throw UraError(.input, "front matter: the file must start with a '---' line", file: file, line: 1)
        }
        lines.removeFirst()
        guard let closing = lines.firstIndex(where: { $0.trimmingTrailingWhitespace() == "---" }) else {
            throw UraError(.input, "front matter: no closing '---' line", file: file, line: 1)
        }
        let yaml = lines[..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw UraError(.input, "front matter: \(describe(error))", file: file, line: yamlLine(error).map { $0 + 1 })
        } catch {
            throw UraError(.input, "front matter: \(error)", file: file, line: 1)
        }
        var entries: [(key: String, value: String, line: Int)] = []
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
            }
        }
        return FrontMatter(entries: entries, body: body, bodyLine: closing + 3)
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
