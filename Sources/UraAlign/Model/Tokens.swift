import Foundation

/// A word or number of a sentence, as the anchor extractor sees it.
struct Token {
    /// The token as written.
    let text: Substring
    /// True for a run of digits (with inner `.` or `,` separators).
    var isNumber: Bool
    /// True when the first letter is upper case.
    var isCapitalized: Bool
    /// True when every letter is upper case and there are at least two (`NATO`, `BE`).
    var isAcronym: Bool

    /// The number of Unicode scalars of the text.
    let scalarCount: Int

    /// A token of `text`, whose scalars are counted here.
    init(text: Substring, isNumber: Bool, isCapitalized: Bool, isAcronym: Bool) {
        self.init(text: text, isNumber: isNumber, isCapitalized: isCapitalized, isAcronym: isAcronym,
                  scalarCount: Self.scalarCount(text.utf8))
    }

    /// A token of `text`, which has `scalarCount` Unicode scalars.
    init(text: Substring, isNumber: Bool, isCapitalized: Bool, isAcronym: Bool, scalarCount: Int) {
        self.text = text
        self.isNumber = isNumber
        self.isCapitalized = isCapitalized
        self.isAcronym = isAcronym
        self.scalarCount = scalarCount
    }

    /// The number of Unicode scalars of the UTF-8 text `utf8`: its lead bytes.
    static func scalarCount(_ utf8: some Sequence<UInt8>) -> Int {
        utf8.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
    }
}

/// Where a token lies in the UTF-8 bytes of its text, and its class (see ``Token``).
struct TokenSpan {
    var bytes: Range<Int>
    var isNumber: Bool
    var isCapitalized: Bool
    var isAcronym: Bool
}

/// Splits text into letter runs and number runs; everything else separates tokens.
enum Tokenizer {
    /// The tokens of `text`, in order. Numbers keep inner separators (`5,700`, `1.5`); a hyphen
    /// or apostrophe ends a word, so `NATO-s` and `Beacon's` give `NATO` and `Beacon`.
    /// - Complexity: O(n) in the length of `text`.
    static func tokens(_ text: String) -> [Token] {
        var text = text
        var spans: [TokenSpan] = []
        _ = text.withUTF8 { scan($0, into: &spans) }
        let utf8 = text.utf8
        return spans.map { span in
            let start = utf8.index(utf8.startIndex, offsetBy: span.bytes.lowerBound)
            let end = utf8.index(start, offsetBy: span.bytes.count)
            return Token(text: text[start..<end], isNumber: span.isNumber, isCapitalized: span.isCapitalized, isAcronym: span.isAcronym)
        }
    }

    /// The tokens of the UTF-8 text `utf8` (valid UTF-8, as a `String` holds), in order, in
    /// `spans` (emptied first): what ``tokens(_:)`` finds, without making a string per token.
    /// - Returns: the number of Unicode scalars of the text.
    @discardableResult
    static func scan(_ utf8: UnsafeBufferPointer<UInt8>, into spans: inout [TokenSpan]) -> Int {
        spans.removeAll(keepingCapacity: true)
        var scalarCount = 0
        var index = 0
        while index < utf8.count {
            let (scalar, length) = decode(utf8, at: index)
            if Self.isDigit(scalar) {
                let start = index
                var end = index + length
                while end < utf8.count {
                    let (next, nextLength) = decode(utf8, at: end)
                    if Self.isDigit(next) {
                        end += nextLength
                    } else if next == "." || next == "," || next == ":" {
                        let after = end + 1
                        guard after < utf8.count, Self.isDigit(decode(utf8, at: after).scalar) else { break }
                        end = after
                    } else {
                        break
                    }
                }
                spans.append(TokenSpan(bytes: start..<end, isNumber: true, isCapitalized: false, isAcronym: false))
                index = end
            } else if Self.isLetter(scalar) {
                let start = index
                var end = index
                var upper = 0, letters = 0
                while end < utf8.count {
                    let byte = utf8[end]
                    if byte < 0x80 {
                        // An ASCII byte is a scalar of its own: no decoding, no table.
                        guard let isUpper = asciiLetterCase(byte) else { break }
                        letters += 1
                        if isUpper { upper += 1 }
                        end += 1
                        continue
                    }
                    let (next, nextLength) = decode(utf8, at: end)
                    guard Self.isLetter(next) else { break }
                    letters += 1
                    if Self.isUpper(next) { upper += 1 }
                    end += nextLength
                }
                spans.append(TokenSpan(bytes: start..<end, isNumber: false, isCapitalized: Self.isUpper(scalar),
                                       isAcronym: letters >= 2 && upper == letters))
                index = end
            } else {
                index += length
            }
        }
        for byte in utf8 where byte & 0xC0 != 0x80 { scalarCount += 1 }
        return scalarCount
    }

    /// The scalar whose UTF-8 encoding starts at `index` of valid UTF-8 `utf8`, and its length.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = UInt32(utf8[index])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        var value = lead & (0x7F >> UInt32(length))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    // Character classes with an ASCII fast path and a table for the Latin letters: Unicode
    // property look-ups dominate tokenising otherwise, and most letters of both languages are
    // ASCII or Latin (`ë`, `ç`). Same answers as the properties.

    @inline(__always) static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? (0x30...0x39).contains(scalar.value) : scalar.properties.numericType == .decimal
    }

    @inline(__always) static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value) }
        if latin.contains(scalar.value) { return latinClasses[Int(scalar.value - latin.lowerBound)] & letterClass != 0 }
        return scalar.properties.isAlphabetic
    }

    /// For an ASCII letter, whether it is upper case; nil for any other ASCII byte: what
    /// ``isLetter(_:)`` and ``isUpper(_:)`` say of it.
    @inline(__always) private static func asciiLetterCase(_ byte: UInt8) -> Bool? {
        switch byte {
        case 0x41...0x5A: true
        case 0x61...0x7A: false
        default: nil
        }
    }

    @inline(__always) static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (0x41...0x5A).contains(scalar.value) }
        if latin.contains(scalar.value) { return latinClasses[Int(scalar.value - latin.lowerBound)] & upperClass != 0 }
        return scalar.properties.isUppercase
    }

    /// Latin-1 Supplement to Latin Extended-B, whose classes ``latinClasses`` holds.
    private static let latin: Range<UInt32> = 0x80..<0x250
    private static let letterClass: UInt8 = 1, upperClass: UInt8 = 2

    /// Per scalar of ``latin``: whether it is alphabetic and upper case, read off its properties once.
    private static let latinClasses: [UInt8] = latin.map { value in
        guard let properties = Unicode.Scalar(value)?.properties else { return 0 }
        return (properties.isAlphabetic ? letterClass : 0) | (properties.isUppercase ? upperClass : 0)
    }

    /// Lower case without diacritics (`Tiranë` → `tirane`), so names compare across the languages.
    static func fold(_ word: some StringProtocol) -> String {
        String(word).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}

/// The distinct tokens of a text, told apart by their UTF-8 bytes and numbered from 0 in the
/// order they first occur: an open-addressing table, so a repeated word costs a hash of its bytes
/// and no string.
struct TokenInterner {
    /// The bytes of every distinct token, one after another; token `id` ends at `ends[id]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Slots: -1 when empty, else a token id.
    private var slots = [Int](repeating: -1, count: 1 << 10)

    /// The number of distinct tokens.
    var count: Int { ends.count }

    /// Makes room for about `tokens` distinct tokens of `bytes` bytes in all, so the lists seldom grow.
    mutating func reserveCapacity(tokens: Int, bytes: Int) {
        self.bytes.reserveCapacity(bytes)
        ends.reserveCapacity(tokens)
        hashes.reserveCapacity(tokens)
    }

    /// The id of the token `utf8[range]`, and whether this is its first occurrence.
    mutating func intern(_ utf8: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (id: Int, isNew: Bool) {
        let token = UnsafeBufferPointer(rebasing: utf8[range])
        let hash = Self.hash(token)
        let (slot, found) = find(token, hash: hash)
        if let found { return (found, false) }
        let id = ends.count
        bytes.append(contentsOf: token)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = id
        if 2 * ends.count > slots.count { grow() }
        return (id, true)
    }

    /// The id of the token of bytes `token`, nil when it has not been interned.
    func id(of token: UnsafeBufferPointer<UInt8>) -> Int? {
        find(token, hash: Self.hash(token)).id
    }

    /// The slot of `token`, whose hash is `hash`, and its id; or the empty slot where it would go.
    private func find(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, id: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            if hashes[slots[slot]] == hash && equals(slots[slot], token) { return (slot, slots[slot]) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// `body` of the bytes of token `id`.
    func withBytes<Result>(of id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start(id)..<ends[id]])) }
    }

    /// The text of token `id`.
    func text(_ id: Int) -> String {
        String(decoding: bytes[start(id)..<ends[id]], as: UTF8.self)
    }

    private func start(_ id: Int) -> Int { id == 0 ? 0 : ends[id - 1] }

    private func equals(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = start(id)
        guard ends[id] - start == token.count else { return false }
        for offset in 0..<token.count where bytes[start + offset] != token[offset] { return false }
        return true
    }

    /// FNV-1a, with its high bits folded down so that the slot's low bits depend on all of them.
    private static func hash(_ token: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ (hash >> 29)
    }

    private mutating func grow() {
        slots = [Int](repeating: -1, count: 2 * slots.count)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = id
        }
    }
}

/// ``Tokenizer/fold(_:)`` remembered per distinct word: folding goes through Foundation and is
/// the dearest part of reading a document, and news repeats its words.
struct WordFolder {
    private var folded: [Substring: String] = [:]

    /// `Tokenizer.fold(word)`, computed once per distinct word.
    mutating func fold(_ word: Substring) -> String {
        if let known = folded[word] { return known }
        let result = Self.fold(word)
        folded[word] = result
        return result
    }

    /// `Tokenizer.fold(word)`, not remembered: for a word folded once.
    static func fold(_ word: Substring) -> String {
        latinFold(word) ?? Tokenizer.fold(word)
    }

    /// The fold of a word of ASCII letters and digits and of the Latin letters Foundation folds to
    /// one ASCII letter (`ë`, `Ç`, `é`...), letter by letter, without a round trip through
    /// Foundation; nil for any other word.
    static func latinFold(_ word: Substring) -> String? {
        var word = word
        // Lower-case ASCII letters and digits fold to themselves: the word as it is, not a copy.
        if word.withUTF8({ $0.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) } }) { return String(word) }
        return word.withUTF8(latinFold(utf8:))
    }

    /// ``latinFold(_:)`` of the word of valid UTF-8 `utf8`, always made as a new string. Each
    /// scalar folds to one ASCII byte, so the fold has as many bytes as `utf8` just when `utf8`
    /// is ASCII.
    static func latinFold(utf8: UnsafeBufferPointer<UInt8>) -> String? {
        var fits = true
        let folded = String(unsafeUninitializedCapacity: utf8.count) { buffer in
            var count = 0, index = 0
            while index < utf8.count {
                let lead = utf8[index]
                let byte: UInt8?
                if lead < 0x80 {
                    byte = asciiFold(lead)
                    index += 1
                } else if (0xC3...0xC5).contains(lead), index + 1 < utf8.count {
                    // Two bytes: U+00C0...U+017F.
                    let value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F)
                    byte = latinFolds[Int(value - latinLetters.lowerBound)]
                    index += 2
                } else {
                    byte = nil
                }
                guard let byte else {
                    fits = false
                    return 0
                }
                buffer[count] = byte
                count += 1
            }
            return count
        }
        return fits ? folded : nil
    }

    /// The fold of an ASCII letter or digit; nil for any other byte.
    @inline(__always) private static func asciiFold(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x41...0x5A: byte + 0x20
        case 0x61...0x7A, 0x30...0x39: byte
        default: nil
        }
    }

    /// Latin-1 Supplement and Latin Extended-A: the accented letters of Albanian and of the names
    /// in the news.
    private static let latinLetters: ClosedRange<UInt32> = 0xC0...0x17F

    /// Per scalar of ``latinLetters``: what Foundation folds it to when that is one ASCII letter,
    /// else nil. Asked of Foundation once, so the fast fold gives Foundation's answers.
    private static let latinFolds: [UInt8?] = latinLetters.map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let folded = Array(Tokenizer.fold(String(Character(scalar))).utf8)
        guard folded.count == 1, (0x61...0x7A).contains(folded[0]) else { return nil }
        return folded[0]
    }

    /// `String(text.prefix(count))` (a prefix of `count` characters), with a shortcut for text
    /// whose first `count` characters are its first `count` bytes (see ``startsWithBytes(_:_:)``).
    static func prefix(_ text: String, _ count: Int) -> String {
        if text.utf8.count <= count { return text }
        return bytePrefix(text, count, after: nil) ?? String(text.prefix(count))
    }

    /// `mark` followed by ``prefix(_:_:)`` of `text`, made as one string: an anchor key (`~minut`).
    static func prefix(_ text: String, _ count: Int, after mark: Unicode.Scalar) -> String {
        bytePrefix(text, count, after: UInt8(ascii: mark)) ?? String(mark) + prefix(text, count)
    }

    /// The first `count` bytes of `text`, after `mark` if given, when ``startsWithBytes(_:_:)``
    /// says they are its first `count` characters; nil otherwise.
    private static func bytePrefix(_ text: String, _ count: Int, after mark: UInt8?) -> String? {
        let prefix = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard startsWithBytes(bytes, count) else { return nil }
            return String(unsafeUninitializedCapacity: count + 1) { buffer in
                var length = 0
                if let mark {
                    buffer[0] = mark
                    length = 1
                }
                for byte in bytes[..<count] {
                    buffer[length] = byte
                    length += 1
                }
                return length
            }
        }
        return prefix ?? nil
    }

    /// `text.count > count`, with the same shortcut.
    static func characterCount(_ text: String, exceeds count: Int) -> Bool {
        if text.utf8.count <= count { return false }
        return startsWithBytes(text, count) || text.count > count
    }

    /// Whether `text` has more than `count` bytes and its first `count` + 1 are ASCII other than
    /// CR: then each of the first `count` bytes is a character, and more characters follow.
    private static func startsWithBytes(_ text: String, _ count: Int) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { startsWithBytes($0, count) } ?? false
    }

    /// ``startsWithBytes(_:_:)`` of the text of UTF-8 `bytes`.
    private static func startsWithBytes(_ bytes: UnsafeBufferPointer<UInt8>, _ count: Int) -> Bool {
        guard bytes.count > count else { return false }
        for byte in bytes[...count] where byte >= 0x80 || byte == 0x0D { return false }
        return true
    }
}

/// Short ASCII text as an integer: its bytes from the most significant down, zero-padded, so
/// that the integers compare as the strings do and are equal when the strings are.
enum PackedBytes {
    /// The key of `text`; nil for text longer than eight bytes or with a byte outside 1...127.
    static func key(_ text: String) -> UInt64? {
        let key = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            guard bytes.count <= 8 else { return nil }
            return pack(bytes)
        }
        return key ?? nil
    }

    /// The key of `mark` (if given) followed by the first `count` of the ASCII bytes `bytes` (all
    /// of them when fewer), at most eight in all.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, prefix count: Int, after mark: Unicode.Scalar? = nil) -> UInt64 {
        var key: UInt64 = 0, length = 0
        if let mark {
            key = UInt64(mark.value)
            length = 1
        }
        for index in 0..<min(count, bytes.count) {
            key = key << 8 | UInt64(bytes[index])
            length += 1
        }
        return key << (8 * (8 - length))
    }

    /// The text whose key is `key`: its bytes down to the first zero.
    static func string(_ key: UInt64) -> String {
        String(unsafeUninitializedCapacity: 8) { buffer in
            var count = 0, rest = key
            while rest != 0 {
                buffer[count] = UInt8(truncatingIfNeeded: rest >> 56)
                count += 1
                rest <<= 8
            }
            return count
        }
    }

    /// `bytes` (at most eight) packed, or nil if one is outside 1...127.
    @inline(__always) private static func pack(_ bytes: some Collection<UInt8>) -> UInt64? {
        var key: UInt64 = 0
        for byte in bytes {
            guard (1...0x7F).contains(byte) else { return nil }
            key = key << 8 | UInt64(byte)
        }
        return key << (8 * (8 - bytes.count))
    }

    /// The key of `WordFolder.prefix(text, count)` (`count` at most 7), read off the bytes when
    /// they settle it: text of up to `count` ASCII bytes, or whose first `count` + 1 bytes are
    /// ASCII other than CR; else nil.
    static func prefixKey(_ text: String, _ count: Int) -> UInt64? {
        let key = text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            // The byte after the prefix must be ASCII too, so it starts a character of its own.
            let checked = bytes.prefix(count + 1)
            guard !checked.contains(0x0D), let key = pack(checked) else { return nil }
            // Packed once: the prefix's key is the checked bytes' key without the byte after it.
            return checked.count > count ? key & ~(0xFF << UInt64(8 * (7 - count))) : key
        }
        return key ?? nil
    }
}
