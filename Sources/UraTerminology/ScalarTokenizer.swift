/// The tokenizer's fast path: UTF-8 read scalar by scalar, without `Character` segmentation or a
/// `String` per word, for texts in which every scalar is a `Character` of its own (`\r\n` aside).
///
/// That holds when every scalar is below U+0300 (ASCII, Latin-1, Latin Extended) or in U+2000–U+20CF
/// (spaces, dashes, quotes, currency signs) other than the joiners U+200C/U+200D: none of these
/// extends or joins a neighbour into one grapheme cluster. Any other scalar (a combining mark, an
/// emoji, another script) sends the whole text to ``Tokenizer/characterTokens(_:)``.
enum ScalarTokenizer {
    /// How a scalar takes part in a word.
    enum Kind: UInt8 {
        case separator, word
        /// `'` or `’`: part of a word it follows (written `'`), otherwise a separator.
        case apostrophe
        /// Outside the fast path.
        case unsupported
    }

    /// The kinds of the scalars the fast path takes, classified as ``Tokenizer/characterTokens(_:)``
    /// classifies them (read once per text: a static's every use costs a `swift_once` call).
    private static let kinds = Kinds()

    private struct Kinds {
        static let punctuationBlock: Range<UInt32> = 0x2000..<0x20D0
        /// Kinds of U+0000–U+02FF.
        let latin: [Kind] = (0..<0x300).map(Kinds.kind)
        /// Kinds of U+2000–U+20CF.
        let punctuation: [Kind] = punctuationBlock.map(Kinds.kind)

        private static func kind(_ value: UInt32) -> Kind {
            guard value != 0x200C, value != 0x200D, let scalar = Unicode.Scalar(value) else { return .unsupported }
            if value < 0x80 {
                if Tokenizer.isASCIILetterOrDigit(UInt8(value)) { return .word }
                return value == UInt32(UInt8(ascii: "'")) ? .apostrophe : .separator
            }
            let character = Character(scalar)
            if Tokenizer.isWordCharacter(character) { return .word }
            return character == "’" ? .apostrophe : .separator
        }

        /// The kind of the scalar at `index` and how many bytes its character takes (`\r\n` is one
        /// character), or nil outside the fast path.
        @inline(__always)
        func scalar(at index: Int, in utf8: UnsafeBufferPointer<UInt8>) -> (Kind, Int)? {
            let lead = utf8[index]
            if lead < 0x80 {
                let isCRLF = lead == 0x0D && index + 1 < utf8.count && utf8[index + 1] == 0x0A
                return (latin[Int(lead)], isCRLF ? 2 : 1)
            }
            // Swift strings hold valid UTF-8, so continuation bytes follow the lead byte.
            if lead & 0xE0 == 0xC0 {
                let value = ScalarTokenizer.value(at: index, length: 2, in: utf8)
                return value < 0x300 ? (latin[Int(value)], 2) : nil
            }
            if lead & 0xF0 == 0xE0 {
                let value = ScalarTokenizer.value(at: index, length: 3, in: utf8)
                guard Self.punctuationBlock.contains(value) else { return nil }
                let kind = punctuation[Int(value - Self.punctuationBlock.lowerBound)]
                return kind == .unsupported ? nil : (kind, 3)
            }
            return nil
        }
    }

    /// The tokens of the UTF-8 text `utf8`, or nil when it holds a scalar outside the fast path.
    static func tokens(_ utf8: UnsafeBufferPointer<UInt8>) -> [Token]? {
        let kinds = Self.kinds
        var words = WordFinder(utf8)
        var index = 0, offset = 0
        while index < utf8.count {
            guard let (kind, length) = kinds.scalar(at: index, in: utf8) else { return nil }
            // Tests in order of frequency, cheaper than a jump on the kind.
            if kind == .word {
                words.continueWord(at: index, offset: offset)
            } else if kind == .apostrophe {
                words.addApostrophe(length: length)
            } else {
                words.endWord(at: index, offset: offset)
            }
            offset += 1
            index += length
        }
        words.endWord(at: utf8.count, offset: offset)
        return words.tokens
    }

    /// The scalars of the UTF-8 text `utf8` (as `Array(text.unicodeScalars)`) when every one is a
    /// `Character` of its own, `\r\n` aside: when the text takes the fast path. nil otherwise.
    static func scalarsIfCharacters(_ utf8: UnsafeBufferPointer<UInt8>) -> [Unicode.Scalar]? {
        let kinds = Self.kinds
        var isFastPath = true
        let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: utf8.count) { buffer, count in
            var index = 0
            while index < utf8.count {
                // Every ASCII byte is a scalar on the fast path (`\r\n` is two).
                if utf8[index] < 0x80 {
                    buffer[count] = Unicode.Scalar(utf8[index])
                    count += 1
                    index += 1
                    continue
                }
                guard let (_, length) = kinds.scalar(at: index, in: utf8),
                      let scalar = Unicode.Scalar(Self.value(at: index, length: length, in: utf8)) else {
                    isFastPath = false
                    return
                }
                buffer[count] = scalar
                count += 1
                index += length
            }
        }
        return isFastPath ? scalars : nil
    }

    /// The value of the two- or three-byte scalar at `index` (valid UTF-8, as Swift strings hold).
    fileprivate static func value(at index: Int, length: Int, in utf8: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let lead = utf8[index]
        if length == 2 { return UInt32(lead & 0x1F) << 6 | UInt32(utf8[index + 1] & 0x3F) }
        return UInt32(lead & 0x0F) << 12 | UInt32(utf8[index + 1] & 0x3F) << 6 | UInt32(utf8[index + 2] & 0x3F)
    }

    /// Finds the words of a UTF-8 text and turns each into a token where it ends. A word is a run
    /// of word and apostrophe scalars opening with a word scalar, so its bytes are a slice of the
    /// text, read in place unless a `’` in it must be written `'`.
    private struct WordFinder {
        private(set) var tokens: [Token] = []
        private let utf8: UnsafeBufferPointer<UInt8>
        /// Where the current word opens (byte index, character offset); nil between words.
        private var start: (index: Int, offset: Int)?
        private var hasCurlyApostrophe = false

        init(_ utf8: UnsafeBufferPointer<UInt8>) {
            self.utf8 = utf8
            // Words and the spaces after them average five bytes or more in English and Albanian.
            tokens.reserveCapacity(utf8.count / 4)
        }

        mutating func continueWord(at index: Int, offset: Int) {
            if start == nil {
                start = (index, offset)
                hasCurlyApostrophe = false
            }
        }

        /// An apostrophe belongs to the word it follows; before any word it is skipped.
        mutating func addApostrophe(length: Int) {
            if start != nil, length > 1 { hasCurlyApostrophe = true }
        }

        mutating func endWord(at index: Int, offset: Int) {
            guard let (startIndex, startOffset) = start else { return }
            let word = UnsafeBufferPointer(rebasing: utf8[startIndex..<index])
            tokens.append(hasCurlyApostrophe
                ? Tokenizer.token(utf8: Self.straightApostrophes(word), start: startOffset, end: offset)
                : Tokenizer.token(utf8: word, start: startOffset, end: offset))
            start = nil
        }

        /// `word` with each `’` (E2 80 99) written `'`.
        private static func straightApostrophes(_ word: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(word.count)
            var index = 0
            while index < word.count {
                if word[index] == 0xE2, word[index + 1] == 0x80, word[index + 2] == 0x99 {
                    bytes.append(UInt8(ascii: "'"))
                    index += 3
                } else {
                    bytes.append(word[index])
                    index += 1
                }
            }
            return bytes
        }
    }
}
