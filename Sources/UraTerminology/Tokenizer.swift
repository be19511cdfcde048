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
        var start = 0
        var offset = 0
        func flush() {
            if !current.isEmpty {
                // NFC, so a decomposed `ë` (e + U+0308) is the same word and Hunspell can encode it.
                let lowercase = current.precomposedStringWithCanonicalMapping.lowercased()
                // `IOM's` is written in capitals too: look at the word without its possessive.
                let word = current.hasSuffix("'s") ? String(current.dropLast(2)) : current
                tokens.append(Token(form: lowercase, isUppercase: word != word.lowercased() && word == word.uppercased(),
                                    start: start, end: offset))
            }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || character.unicodeScalars.first?.properties.generalCategory == .nonspacingMark {
                if current.isEmpty { start = offset }
                current.append(character)
            } else if (character == "'" || character == "’"), !current.isEmpty {
                current.append("'")
            } else {
                flush()
            }
            offset += 1
        }
        flush()
        return tokens
    }
}
