extension String {
    /// The string escaped for XML or HTML text content: `&`, `<`, `>`.
    /// Characters XML 1.0 forbids (C0 controls other than tab, newline, carriage return) are
    /// dropped, so the output always parses.
    public var xmlEscaped: String { escapeXML(self, quotes: false) }

    /// The string escaped for a double- or single-quoted XML or HTML attribute value.
    public var xmlAttributeEscaped: String { escapeXML(self, quotes: true) }
}

private func escapeXML(_ text: String, quotes: Bool) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"" where quotes: result += "&quot;"
        case "'" where quotes: result += "&apos;"
        case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
        case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: continue
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result
}
