extension String {
    /// The string escaped for XML or HTML text content: `&`, `<`, `>`.
    /// Characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return) are
    /// dropped, so the output always parses.
    public var xmlEscaped: String { escapeXML(self, quotes: false) }

    /// The string escaped for a double- or single-quoted XML or HTML attribute value.
    public var xmlAttributeEscaped: String { escapeXML(self, quotes: true) }
}

/// Escapes on UTF-8 bytes: every byte that needs work is ASCII (`&<>"'`, C0 controls) or starts
/// U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`), so multi-byte text is copied as it is. Most text has
/// nothing to escape and comes back unchanged, without a copy; the pages of a build escape
/// megabytes, so this is on the hot path of publishing and review.
private func escapeXML(_ text: String, quotes: Bool) -> String {
    var text = text
    let escaped = text.withUTF8 { bytes -> String? in
        guard let first = bytes.firstIndex(where: { needsWork($0, quotes: quotes) }) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        output.append(contentsOf: bytes[..<first])
        var index = first
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): output.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) // &amp;
            case UInt8(ascii: "<"): output.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B]) // &lt;
            case UInt8(ascii: ">"): output.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
            case UInt8(ascii: "\"") where quotes: output.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]) // &quot;
            case UInt8(ascii: "'") where quotes: output.append(contentsOf: [0x26, 0x61, 0x70, 0x6F, 0x73, 0x3B]) // &apos;
            case 0x09, 0x0A, 0x0D: output.append(byte)
            case ..<0x20: break
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                index += 2 // U+FFFE, U+FFFF: not characters
            default: output.append(byte)
            }
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
    return escaped ?? text
}

@inline(__always)
private func needsWork(_ byte: UInt8, quotes: Bool) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), 0xEF: return true
    case UInt8(ascii: "\""), UInt8(ascii: "'"): return quotes
    case 0x09, 0x0A, 0x0D: return false
    default: return byte < 0x20
    }
}
