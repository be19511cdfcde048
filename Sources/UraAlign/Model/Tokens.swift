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
            if scalar.properties.numericType == .decimal {
                let start = index
                var end = scalars.index(after: index)
                while end < scalars.endIndex {
                    let next = scalars[end]
                    if next.properties.numericType == .decimal {
                        end = scalars.index(after: end)
                    } else if next == "." || next == "," || next == ":" {
                        let after = scalars.index(after: end)
                        guard after < scalars.endIndex, scalars[after].properties.numericType == .decimal else { break }
                        end = after
                    } else {
                        break
                    }
                }
                result.append(Token(text: Substring(scalars[start..<end]), isNumber: true, isCapitalized: false, isAcronym: false))
                index = end
            } else if scalar.properties.isAlphabetic {
                let start = index
                var end = index
                var upper = 0, letters = 0
                while end < scalars.endIndex, scalars[end].properties.isAlphabetic {
                    letters += 1
                    if scalars[end].properties.isUppercase { upper += 1 }
                    end = scalars.index(after: end)
                }
                result.append(Token(text: Substring(scalars[start..<end]), isNumber: false,
                                    isCapitalized: scalar.properties.isUppercase,
                                    isAcronym: letters >= 2 && upper == letters))
                index = end
            } else {
                index = scalars.index(after: index)
            }
        }
        return result
    }

    /// Lower case without diacritics (`Tiranë` → `tirane`), so names compare across the languages.
    static func fold(_ word: some StringProtocol) -> String {
        String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
