import UraCore
import UraICU

/// Reads a page file as text, refusing what is not a scraped text page with a one-line reason:
/// another encoding (with the `iconv` command that converts it), an HTML page (Ura reads the
/// text of a page, not its markup), a binary file.
enum PageReader {
    /// The decoded, NFC-normalised text of the page at `path`.
    static func read(_ path: String) throws(UraError) -> String {
        let bytes = try TextInput.readBytes(path)
        return try decode(bytes, name: path)
    }

    /// Decodes `bytes` of the page called `name`.
    static func decode(_ bytes: [UInt8], name: String) throws(UraError) -> String {
        // Control bytes mean a binary file; checked before decoding so that random bytes are
        // not reported as text in some exotic encoding. UTF-16 (with its BOM) is left to TextInput.
        let isUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !isUTF16, let offset = bytes.firstIndex(where: { $0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0) }) {
            let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw UraError(.input, "contains control bytes: a binary file, not a text page", file: name, line: line, byteOffset: offset)
        }
        let text: String
        do throws(UraError) {
            text = try TextInput.decode(bytes, name: name)
        } catch {
            guard error.message.hasPrefix("not valid UTF-8") else { throw error }
            var failure = error
            let guess = CharsetDetector.guess(bytes).flatMap { $0.confidence >= 10 && $0.name.uppercased() != "UTF-8" ? $0.name : nil }
            let encoding = guess ?? "windows-1250"
            failure.message = "not valid UTF-8 (\(guess == nil ? "perhaps" : "it looks like") \(encoding)); convert it first: "
                + "iconv -f \(encoding) -t utf-8 '\(name)' > '\(name).utf8.txt'"
            throw failure
        }
        if let line = controlCharacterLine(text) {
            throw UraError(.input, "contains control characters: a binary file, not a text page", file: name, line: line)
        }
        if isHTML(text) {
            throw UraError(.input, "an HTML page: Ura ingests a page's text, not its markup; save it as text first "
                + "(e.g. 'lynx -dump -nolist page.html > page.txt')", file: name, line: 1)
        }
        return text
    }

    /// True for markup: the page opens with a tag and names an HTML element a text page would not.
    static func isHTML(_ text: String) -> Bool {
        let start = text.drop { $0.isWhitespace }
        guard start.first == "<" else { return false }
        let head = start.prefix(4096).lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<div", "<p>", "<meta", "<title"].contains { head.contains($0) }
    }

    /// The line of the first C0 control character other than tab, line feed and form feed.
    static func controlCharacterLine(_ text: String) -> Int? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; continue }
            if scalar.value < 0x20 && scalar != "\t" && scalar != "\u{0C}" { return line }
            if scalar.value == 0x7F { return line }
        }
        return nil
    }
}
