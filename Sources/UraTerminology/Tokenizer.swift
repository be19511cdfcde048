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
    /// The words of `text`, in order: read scalar by scalar where that gives the same tokens
    /// (see ``ScalarTokenizer``), `Character` by `Character` otherwise.
    static func tokens(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { ScalarTokenizer.tokens($0) } ?? characterTokens(text)
    }

    /// The tokens of any text, read `Character` by `Character` (the reference the scalar path matches).
    static func characterTokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var start = 0
        var offset = 0
        func flush() {
            if !current.isEmpty { tokens.append(token(utf8: Array(current.utf8), start: start, end: offset)) }
            current = ""
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
            } else if isWordCharacter(character) {
                if current.isEmpty { start = offset }
                current.append(character)
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

    /// Whether a character other than a one-byte ASCII one belongs to a word.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character.unicodeScalars.first?.properties.generalCategory == .nonspacingMark
    }

    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The token of a word given as a UTF-8 array (see the buffer's overload).
    static func token(utf8 word: [UInt8], start: Int, end: Int) -> Token {
        word.withUnsafeBufferPointer { token(utf8: $0, start: start, end: end) }
    }

    /// The token of a word given as UTF-8: lowercased byte by byte when it holds ASCII and Latin-1
    /// letters only (most words of an English text and of an Albanian one), as ``token(_:start:end:)``
    /// would lowercase it; any other word goes through that function.
    static func token(utf8 word: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Token {
        latin1Token(word, start: start, end: end) ?? token(String(decoding: word, as: UTF8.self), start: start, end: end)
    }

    /// A word of ASCII and Latin-1 letters, digits and apostrophes (`qëndrimit`, `ÇËSHTJE`, `IOM's`):
    /// NFC already, lowercased byte by byte; nil for any other non-ASCII letter (and `ß`, `ÿ`).
    static func latin1Token(_ word: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Token? {
        // Most words of an English text are ASCII without a capital: their form is their bytes.
        if !word.contains(where: { $0 >= 0x80 || ($0 >= 0x41 && $0 <= 0x5A) }) {
            return Token(form: String(decoding: word, as: UTF8.self), isUppercase: false, start: start, end: end)
        }
        // `IOM's` is written in capitals too: look at the word without its possessive.
        let checked = hasPossessiveSuffix(word) ? word.count - 2 : word.count
        var hasCapital = false, hasUpper = false, hasLower = false
        var index = 0
        while index < word.count {
            let isCapital: Bool, isLowercase: Bool
            if word[index] >= 0x80 {
                // U+00C0–U+00FF are C3 80–BF; the capitals C3 80–9E lowercase to C3 A0–BE.
                guard word[index] == 0xC3, isLatin1Letter(word[index + 1]) else { return nil }
                isCapital = word[index + 1] < 0xA0
                isLowercase = !isCapital
                index += 1
            } else {
                isCapital = word[index] >= 0x41 && word[index] <= 0x5A
                isLowercase = word[index] >= 0x61 && word[index] <= 0x7A
            }
            hasCapital = hasCapital || isCapital
            if index < checked {
                hasUpper = hasUpper || isCapital
                hasLower = hasLower || isLowercase
            }
            index += 1
        }
        let form = hasCapital ? lowercasedLatin1(word) : String(decoding: word, as: UTF8.self)
        return Token(form: form, isUppercase: hasUpper && !hasLower, start: start, end: end)
    }

    /// `word` (ASCII and Latin-1 letters of C3) lowercased: a capital's last byte gains 0x20.
    private static func lowercasedLatin1(_ word: UnsafeBufferPointer<UInt8>) -> String {
        String(unsafeUninitializedCapacity: word.count) { buffer in
            var isSecondByte = false
            for (index, byte) in word.enumerated() {
                let isCapital = isSecondByte ? byte < 0xA0 : byte >= 0x41 && byte <= 0x5A
                buffer[index] = isCapital ? byte + 0x20 : byte
                isSecondByte = byte == 0xC3
            }
            return word.count
        }
    }

    /// Whether C3 `second` is a letter that lowercases to one letter of C3 (not `×`, `ß`, `÷`, `ÿ`).
    private static func isLatin1Letter(_ second: UInt8) -> Bool {
        second != 0x97 && second != 0x9F && second != 0xB7 && second != 0xBF
    }

    /// Whether UTF-8 `bytes` end with `'s`.
    static func hasPossessiveSuffix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 2 && bytes[bytes.count - 2] == UInt8(ascii: "'") && bytes[bytes.count - 1] == UInt8(ascii: "s")
    }

    /// Any other word: NFC and Unicode lowercasing.
    static func token(_ word: String, start: Int, end: Int) -> Token {
        // NFC, so a decomposed `ë` (e + U+0308) is the same word and Hunspell can encode it. Below
        // U+0300 (the combining marks) every character is NFC and none composes with the next.
        let normalized = word.unicodeScalars.allSatisfy { $0.value < 0x300 } ? word : word.precomposedStringWithCanonicalMapping
        // `IOM's` is written in capitals too: look at the word without its possessive.
        let checked = word.hasSuffix("'s") ? String(word.dropLast(2)) : word
        return Token(form: normalized.lowercased(), isUppercase: checked != checked.lowercased() && checked == checked.uppercased(),
                     start: start, end: end)
    }
}
