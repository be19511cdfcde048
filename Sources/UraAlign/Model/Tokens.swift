import Foundation

/// A word or number of a sentence, as the anchor extractor sees it.
struct Token {
    /// The token as written.
    var text: Substring
    /// True for a run of digits (with inner `.` or `,` separators).
    var isNumber: Bool
    /// True when the first letter is upper case.
    var isCapitalized: Bool
    /// True when every letter is upper case and there are at least two (`NATO`, `BE`).
    var isAcronym: Bool
}

/// Splits text into letter runs and number runs; everything else separates tokens.
enum Tokenizer {
    /// The tokens of `text`, in order. Numbers keep inner separators (`5,700`, `1.5`); a hyphen
    /// or apostrophe ends a word, so `NATO-s` and `Beacon's` give `NATO` and `Beacon`.
    /// - Complexity: O(n) in the length of `text`.
    static func tokens(_ text: String) -> [Token] {
        var result: [Token] = []
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if Self.isDigit(scalar) {
                let start = index
                var end = scalars.index(after: index)
                while end < scalars.endIndex {
                    let next = scalars[end]
                    if Self.isDigit(next) {
                        end = scalars.index(after: end)
                    } else if next == "." || next == "," || next == ":" {
                        let after = scalars.index(after: end)
                        guard after < scalars.endIndex, Self.isDigit(scalars[after]) else { break }
                        end = after
                    } else {
                        break
                    }
                }
                result.append(Token(text: Substring(scalars[start..<end]), isNumber: true, isCapitalized: false, isAcronym: false))
                index = end
            } else if Self.isLetter(scalar) {
                let start = index
                var end = index
                var upper = 0, letters = 0
                while end < scalars.endIndex, Self.isLetter(scalars[end]) {
                    letters += 1
                    if Self.isUpper(scalars[end]) { upper += 1 }
                    end = scalars.index(after: end)
                }
                result.append(Token(text: Substring(scalars[start..<end]), isNumber: false,
                                    isCapitalized: Self.isUpper(scalar),
                                    isAcronym: letters >= 2 && upper == letters))
                index = end
            } else {
                index = scalars.index(after: index)
            }
        }
        return result
    }

    // Character classes with an ASCII fast path: Unicode property look-ups dominate tokenising
    // otherwise, and most letters of both languages are ASCII. Same answers as the properties.

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) : scalar.properties.isAlphabetic
    }

    @inline(__always) static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
    }

    /// Lower case without diacritics (`Tiranë` → `tirane`), so names compare across the languages.
    static func fold(_ word: some StringProtocol) -> String {
        String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// ``Tokenizer/fold(_:)`` remembered per distinct word: folding goes through Foundation and is
/// the dearest part of reading a document, and news repeats its words.
struct WordFolder {
    private var folded: [Substring: String] = [:]

    /// `Tokenizer.fold(word)`, computed once per distinct word.
    mutating func fold(_ word: Substring) -> String {
        if let known = folded[word] { return known }
        let result = Self.asciiFold(word) ?? Tokenizer.fold(word)
        folded[word] = result
        return result
    }

    /// The fold of a word of ASCII letters and digits (lower case: there are no diacritics to
    /// strip), without a round trip through Foundation; nil for any other word.
    static func asciiFold(_ word: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        for byte in word.utf8 {
            switch byte {
            case 0x41...0x5A: bytes.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: bytes.append(byte)
            default: return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
