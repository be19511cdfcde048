extension String {
    /// The string escaped for XML or HTML text content: `&`, `<`, `>`.
    /// Characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return) are
    /// dropped, so the output always parses.
    public var xmlEscaped: String { escapeXML(self, quotes: false) }

    /// The string escaped for a double- or single-quoted XML or HTML attribute value.
    public var xmlAttributeEscaped: String { escapeXML(self, quotes: true) }
}

extension Array where Element == UInt8 {
    /// Appends the UTF-8 of `text` escaped as ``Swift/String/xmlEscaped`` (with `quotes`, as
    /// ``Swift/String/xmlAttributeEscaped``) returns it, without making the escaped string: a
    /// document built as bytes escapes megabytes of text.
    public mutating func appendXMLEscaped(_ text: String, quotes: Bool = false) {
        var text = text
        text.withUTF8 { bytes in
            guard let first = firstNeedingWork(bytes, quotes: quotes) else {
                append(contentsOf: bytes)
                return
            }
            appendEscaped(bytes, from: first, quotes: quotes)
        }
    }

    /// Appends `bytes[..<first]` as they are, then the rest escaped: `first` is the first byte
    /// that needs work.
    fileprivate mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int, quotes: Bool) {
        append(contentsOf: bytes[..<first])
        var index = first
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
            case UInt8(ascii: "<"): append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
            case UInt8(ascii: ">"): append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
            case UInt8(ascii: "\"") where quotes: append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
            case UInt8(ascii: "'") where quotes: append(contentsOf: [0x26, 0x61, 0x70, 0x6F, 0x73, 0x3B]) // &apos;
            case 0x09, 0x0A, 0x0D: append(byte)
            case ..<0x20: break
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                index += 2 // U+FFFE, U+FFFF: not characters
            default: append(byte)
            }
            index += 1
        }
    }
}

/// Escapes on UTF-8 bytes: every byte that needs work is ASCII (`&<>"'`, C0 controls) or starts
/// U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`), so multi-byte text is copied as it is. Most text has
/// nothing to escape and comes back unchanged, without a copy; the pages of a build escape
/// megabytes, so this is on the hot path of publishing and review.
private func escapeXML(_ text: String, quotes: Bool) -> String {
    var text = text
    let escaped = text.withUTF8 { bytes -> String? in
        guard let first = firstNeedingWork(bytes, quotes: quotes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        output.appendEscaped(bytes, from: first, quotes: quotes)
        return String(decoding: output, as: UTF8.self)
    }
    return escaped ?? text
}

/// What each byte needs: 0 nothing, 1 escaping or dropping (`&<>`, C0 controls other than tab,
/// newline and carriage return, and `EF`, which may start U+FFFE/U+FFFF), 2 escaping in
/// attribute values only (`"'`).
private let byteClasses: [UInt8] = (0...255).map { byte -> UInt8 in
    switch byte {
    case 0x26, 0x3C, 0x3E, 0xEF: return 1
    case 0x22, 0x27: return 2
    case 0x09, 0x0A, 0x0D: return 0
    case ..<0x20: return 1
    default: return 0
    }
}

/// The index of the first byte of `bytes` that needs escaping (or dropping), if any: one table
/// look-up per byte, as megabytes of text go through here.
private func firstNeedingWork(_ bytes: UnsafeBufferPointer<UInt8>, quotes: Bool) -> Int? {
    let mask: UInt8 = quotes ? 3 : 1
    return byteClasses.withUnsafeBufferPointer { table in
        for index in bytes.indices where table[Int(bytes[index])] & mask != 0 { return index }
        return nil
    }
}
