import Foundation

/// A word of a text: its lowercase form and where it is (in `Character` offsets), so matches can
/// be reported and highlighted.
struct Token: Sendable, Equatable {
    /// Lowercase form, possessive `'s` kept (the morphology removes it).
    var form: String
    /// True when the word is written in capitals (`UN`, `IOM`; also every word of a heading).
    var isUppercase: Bool
    /// Character offset of the first character in the text.
    var start: Int
    /// Character offset just past the last character.
    var end: Int
}

/// Splits text into words (NFC, lowercase): runs of letters and digits. Hyphens and slashes separate words, so
/// `asylum-seeker` matches `asylum seeker`; an apostrophe inside or after a word belongs to it
/// (`IOM's`, `migrants'`), so the morphology can strip the possessive.
enum Tokenizer {
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        // Whether `current` holds ASCII only: such a word needs no normalisation and is
        // lowercased byte by byte (most words of an English text and many of an Albanian one).
        var currentIsASCII = true
        var start = 0
        var offset = 0
        func flush() {
            if !current.isEmpty {
                tokens.append(currentIsASCII ? asciiToken(current, start: start, end: offset)
                                             : token(current, start: start, end: offset))
            }
            current = ""
            currentIsASCII = true
        }
        for character in text {
            // A one-byte character is one ASCII scalar (`\r\n` is one character of two bytes):
            // classified without Unicode property look-ups, with the same outcome.
            if character.utf8.count == 1, let ascii = character.asciiValue {
                if isASCIILetterOrDigit(ascii) {
                    if current.isEmpty { start = offset }
                    current.append(character)
                } else if ascii == UInt8(ascii: "'"), !current.isEmpty {
                    current.append("'")
                } else {
                    flush()
                }
            } else if character.isLetter || character.isNumber || character.unicodeScalars.first?.properties.generalCategory == .nonspacingMark {
                if current.isEmpty { start = offset }
                current.append(character)
                currentIsASCII = false
            } else if character == "’", !current.isEmpty {
                current.append("'")
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        return tokens
    }

    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// A word of ASCII letters, digits and apostrophes: NFC already, lowercased byte by byte.
    private static func asciiToken(_ word: String, start: Int, end: Int) -> Token {
        var bytes = Array(word.utf8)
        // `IOM's` is written in capitals too: look at the word without its possessive.
        let checked = word.hasSuffix("'s") ? bytes.count - 2 : bytes.count
        var hasUpper = false, hasLower = false
        for index in bytes.indices {
            let byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A {
                if index < checked { hasUpper = true }
                bytes[index] = byte + 0x20
            } else if byte >= 0x61 && byte <= 0x7A, index < checked {
                hasLower = true
            }
        }
        return Token(form: String(decoding: bytes, as: UTF8.self), isUppercase: hasUpper && !hasLower, start: start, end: end)
    }

    /// Any other word: NFC and Unicode lowercasing.
    private static func token(_ word: String, start: Int, end: Int) -> Token {
        // NFC, so a decomposed `ë` (e + U+0308) is the same word and Hunspell can encode it. Below
        // U+0300 (the combining marks) every character is NFC and none composes with the next.
        let normalized = word.unicodeScalars.allSatisfy { $0.value < 0x300 } ? word : word.precomposedStringWithCanonicalMapping
        // `IOM's` is written in capitals too: look at the word without its possessive.
        let checked = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
        return Token(form: normalized.lowercased(), isUppercase: checked != checked.lowercased() && checked == checked.uppercased(),
                     start: start, end: end)
    }
}
