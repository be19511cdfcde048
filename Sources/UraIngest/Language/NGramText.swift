import UraCore
import UraICU

/// The text form the language profiles are built on and compared with: lower case, letters only
/// (anything else is a word gap), one space between words and one at each end, so that n-grams
/// see word beginnings and endings (` të `, `ing `).
enum NGramText {
    /// The longest n-gram the profiles keep.
    static let maximumOrder = 4

    /// `text` reduced to lower-case letter runs separated by single spaces, padded with spaces.
    /// - Parameter fold: also drop diacritics (`ë` → `e`, `ç` → `c`).
    static func normalize(_ text: String, fold: Bool = false) -> [Character] {
        let source = fold ? Diacritics.strip(text) : text
        var result: [Character] = [" "]
        for character in source.lowercased() {
            if character.isLetter {
                result.append(character)
            } else if result.last != " " {
                result.append(" ")
            }
        }
        if result.last != " " { result.append(" ") }
        return result
    }

    /// Every n-gram of orders 1...``maximumOrder`` in `characters`, with how often it occurs.
    /// Unigrams and bigrams that are only a space carry no information and are skipped.
    static func grams(_ characters: [Character]) -> [String: Int] {
        var counts: [String: Int] = [:]
        for order in 1...maximumOrder where characters.count >= order {
            for start in 0...(characters.count - order) {
                let gram = String(characters[start..<(start + order)])
                if gram == " " { continue }
                counts[gram, default: 0] += 1
            }
        }
        return counts
    }
}

/// Removing diacritics, as people do when typing Albanian without an Albanian keyboard.
public enum Diacritics {
    /// `text` with its combining marks removed (`Nëntor` → `Nentor`, `Korçë` → `Korce`).
    public static func strip(_ text: String) -> String {
        let decomposed = (try? Normalizer.normalize(text, to: .nfd)) ?? text
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars where scalar.properties.generalCategory != .nonspacingMark {
            scalars.append(scalar)
        }
        return (try? Normalizer.normalize(String(scalars), to: .nfc)) ?? String(scalars)
    }
}
