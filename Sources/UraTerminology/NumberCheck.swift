import UraCore

/// A number written in a text, with the values it can stand for.
struct WrittenNumber: Sendable, Equatable {
    /// As written (`5,700`, `12`).
    let text: String
    /// Canonical values under English and Albanian conventions (`5,700` → 5700 or 5.7), so
    /// `5,700` meets `5.700` and `1.5` meets `1,5`.
    let values: Set<String>
}

/// Compares the numbers of a source and its translation, whatever the locale's separators.
///
/// `5,700` = `5.700` = `5 700`, `1.5` = `1,5`, `5th` = `5` (`i 5-të`), `12%` = `12 %`, and a range
/// `2024-2030` = `2024–2030` (each end is a number). A small number written as a word on the other
/// side (`five`, `pesë`) counts as present.
enum NumberCheck {
    /// Numbers in `text`, in order.
    static func numbers(in text: String) -> [WrittenNumber] {
        var text = text
        // Every number opens with an ASCII digit: most texts without one need no Character array.
        guard text.withUTF8(containsASCIIDigit) else { return [] }
        // Where every scalar is a character of its own, scalars read as characters would, and
        // cost no grapheme segmentation. (`\r\n` becomes two, neither a digit, letter or separator.)
        if let scalars = text.withUTF8(ScalarTokenizer.scalarsIfCharacters) { return numbers(in: scalars) }
        return numbers(in: Array(text))
    }

    private static func containsASCIIDigit(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        utf8.contains { $0 &- 0x30 < 10 }
    }

    /// Numbers in a text given as its characters, in order.
    private static func numbers<C: NumberReadable>(in characters: [C]) -> [WrittenNumber] {
        var result: [WrittenNumber] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isASCIIDigit, index == 0 || !characters[index - 1].isLetter else {
                index += 1
                continue
            }
            var groups = [String(characters[index].character)]
            var separators: [Character] = []
            index += 1
            while index < characters.count {
                if characters[index].isASCIIDigit {
                    groups[groups.count - 1].append(characters[index].character)
                    index += 1
                } else if Self.separators.contains(characters[index].character), index + 1 < characters.count,
                          characters[index + 1].isASCIIDigit,
                          joinsGroup(characters[index].character, after: groups, at: index + 1, in: characters) {
                    separators.append(characters[index].character)
                    groups.append("")
                    index += 1
                } else {
                    break
                }
            }
            result.append(contentsOf: interpret(groups: groups, separators: separators))
        }
        return result
    }

    private static let separators: Set<Character> = [".", ",", ":", " ", "\u{00A0}", "\u{202F}"]

    /// A space joins digit groups only when it reads as a thousands separator (`5 700`), never
    /// between two separate numbers (`2018 500`).
    private static func joinsGroup<C: NumberReadable>(_ separator: Character, after groups: [String], at next: Int,
                                                      in characters: [C]) -> Bool {
        var digits = 0
        while next + digits < characters.count, characters[next + digits].isASCIIDigit { digits += 1 }
        if separator == ":" { return digits == 2 && groups.count == 1 }
        guard separator == " " else { return true }
        return digits == 3 && (groups.count > 1 || groups[0].count <= 3)
    }

    /// The readings of digit groups joined by separators.
    private static func interpret(groups: [String], separators: [Character]) -> [WrittenNumber] {
        var written = groups[0]
        for (separator, group) in zip(separators, groups.dropFirst()) { written += String(separator) + group }
        guard !separators.isEmpty else { return [WrittenNumber(text: written, values: [canonical(groups[0], nil)])] }
        var values: Set<String> = []
        // A clock time: `4.40 am` in English is `4:40` in Albanian.
        if separators.count == 1, groups[1].count == 2, let hour = Int(groups[0]), hour <= 24 {
            values.insert("\(hour):\(groups[1])")
            if separators[0] == ":" { return [WrittenNumber(text: written, values: values)] }
        }
        for decimalMark in [Character("."), ","] {
            if let value = reading(groups: groups, separators: separators, decimalMark: decimalMark) { values.insert(value) }
        }
        // No reading fits: a date or a list (`05.11.2018`), each group its own number.
        if values.isEmpty { return groups.map { WrittenNumber(text: $0, values: [canonical($0, nil)]) } }
        return [WrittenNumber(text: written, values: values)]
    }

    /// The value when `decimalMark` is the decimal separator and the others group thousands.
    private static func reading(groups: [String], separators: [Character], decimalMark: Character) -> String? {
        var integer = groups[0]
        var fraction: String?
        for (separator, group) in zip(separators, groups.dropFirst()) {
            if separator == decimalMark {
                guard fraction == nil else { return nil }
                fraction = group
            } else {
                guard fraction == nil, group.count == 3 else { return nil }
                integer += group
            }
        }
        return canonical(integer, fraction)
    }

    private static func canonical(_ integer: String, _ fraction: String?) -> String {
        var integer = String(integer.drop { $0 == "0" })
        if integer.isEmpty { integer = "0" }
        var fraction = fraction ?? ""
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? integer : integer + "." + fraction
    }

    /// Numbers one to twelve as words, per language.
    private static let words: [Language: [String: String]] = [
        .english: ["one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
                   "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"],
        .albanian: ["një": "1", "dy": "2", "tre": "3", "tri": "3", "katër": "4", "pesë": "5", "gjashtë": "6",
                    "shtatë": "7", "tetë": "8", "nëntë": "9", "dhjetë": "10", "njëmbëdhjetë": "11", "dymbëdhjetë": "12"],
    ]

    /// The value of `form` when it is a number written as a word (`five`, `pesë`).
    static func wordValue(_ form: String, language: Language) -> String? {
        words[language]?[form]
    }

    /// Values of numbers written as words in `text`.
    static func wordValues(_ text: TokenizedText) -> Set<String> {
        Set(text.words.compactMap(\.numberValue))
    }

    /// Numbers of `english` missing from `albanian` and numbers of `albanian` missing from `english`.
    static func mismatches(english: TokenizedText, albanian: TokenizedText) -> (missing: [WrittenNumber], extra: [WrittenNumber]) {
        let sourceNumbers = numbers(in: english.text), targetNumbers = numbers(in: albanian.text)
        // A side's values are needed only for the other side's numbers, and most units have none.
        let missing = sourceNumbers.isEmpty ? [] : absent(sourceNumbers, from: values(of: targetNumbers, in: albanian))
        let extra = targetNumbers.isEmpty ? [] : absent(targetNumbers, from: values(of: sourceNumbers, in: english))
        return (missing, extra)
    }

    /// The values of `numbers` and of the numbers `text` writes as words.
    private static func values(of numbers: [WrittenNumber], in text: TokenizedText) -> Set<String> {
        Set(numbers.flatMap(\.values)).union(wordValues(text))
    }

    /// Those of `numbers` with no value in `values`, each written form once.
    private static func absent(_ numbers: [WrittenNumber], from values: Set<String>) -> [WrittenNumber] {
        unique(numbers.filter { $0.values.isDisjoint(with: values) })
    }

    private static func unique(_ numbers: [WrittenNumber]) -> [WrittenNumber] {
        var seen: Set<String> = []
        return numbers.filter { seen.insert($0.text).inserted }
    }
}

/// A character as number reading sees it: a `Character`, or a scalar of a text in which every
/// scalar is a character of its own.
protocol NumberReadable {
    var isASCIIDigit: Bool { get }
    var isLetter: Bool { get }
    var character: Character { get }
}

extension Unicode.Scalar: NumberReadable {
    var isASCIIDigit: Bool { value >= 0x30 && value <= 0x39 }
    /// ASCII answered without a Unicode property look-up: of ASCII, only `A`–`Z` and `a`–`z` are letters.
    var isLetter: Bool { isASCII ? (value | 0x20) &- 0x61 < 26 : Character(self).isLetter }
    var character: Character { Character(self) }
}

extension Character: NumberReadable {
    var character: Character { self }

    /// Whether the character sorts between `0` and `9` (a digit, or one with a combining mark).
    var isASCIIDigit: Bool {
        // A one-byte character compares as its byte; others take the `Character` comparison.
        if utf8.count == 1, let ascii = asciiValue { return ascii >= 0x30 && ascii <= 0x39 }
        return ("0"..."9").contains(self)
    }
}
