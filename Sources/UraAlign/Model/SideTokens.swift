/// The tokens of one side's sentences as ids of its distinct tokens, so that what the aligner
/// derives from a token (its fold, stem and anchor key) is worked out once per distinct token
/// rather than once per occurrence: news repeats its words.
struct SideTokens {
    /// The class and length of each distinct token, by id, in the order they first occur: their
    /// text stays in the interner, made into a string only when asked for (see ``token(_:)``).
    private(set) var classes: [TokenClass] = []
    /// The token ids of all sentences, one sentence after another.
    private var ids: [Int] = []
    /// Where each sentence's ids end in `ids`.
    private var sentenceEnds: [Int] = []
    /// The length of each sentence in Unicode scalars.
    private(set) var lengths: [Int] = []
    /// The distinct tokens' bytes, to find a token by.
    private var interner = TokenInterner()

    /// - Complexity: O(n) in the length of the text.
    init(_ sentences: some Sequence<String>) {
        // Sized up front from the text (a token every five bytes or so), so the lists seldom grow.
        var sentenceCount = 0, byteCount = 0
        for sentence in sentences {
            sentenceCount += 1
            byteCount += sentence.utf8.count
        }
        ids.reserveCapacity(byteCount / 5)
        // Most tokens of a side are distinct, and take most of its bytes.
        interner.reserveCapacity(tokens: byteCount / 8, bytes: byteCount)
        classes.reserveCapacity(byteCount / 8)
        lengths.reserveCapacity(sentenceCount)
        sentenceEnds.reserveCapacity(sentenceCount)
        var spans: [TokenSpan] = []
        for var sentence in sentences {
            let length = sentence.withUTF8 { utf8 in
                let scalars = Tokenizer.scan(utf8, into: &spans)
                for span in spans {
                    let (id, isNew) = interner.intern(utf8, span.bytes)
                    if isNew {
                        classes.append(TokenClass(isNumber: span.isNumber, isCapitalized: span.isCapitalized,
                                                  isAcronym: span.isAcronym,
                                                  scalarCount: Token.scalarCount(utf8[span.bytes])))
                    }
                    ids.append(id)
                }
                return scalars
            }
            lengths.append(length)
            sentenceEnds.append(ids.count)
        }
    }

    /// The distinct tokens, by id, in the order they first occur.
    var distinct: [Token] { classes.indices.map(token) }

    /// Distinct token `id`, its text made here.
    func token(_ id: Int) -> Token {
        let token = classes[id]
        return Token(text: Substring(interner.text(id)), isNumber: token.isNumber, isCapitalized: token.isCapitalized,
                     isAcronym: token.isAcronym, scalarCount: token.scalarCount)
    }

    /// The text of distinct token `id`.
    func text(ofToken id: Int) -> String { interner.text(id) }

    /// The id of the distinct token whose bytes are `utf8`, if there is one.
    func id(ofBytes utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        interner.id(of: utf8)
    }

    /// The id of the distinct token whose bytes are those of `text`, if there is one.
    func id(ofBytesOf text: String) -> Int? {
        var text = text
        return text.withUTF8 { interner.id(of: $0) }
    }

    /// `body` of the UTF-8 bytes of distinct token `id`.
    func withBytes<Result>(ofToken id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        interner.withBytes(of: id, body)
    }

    /// The number of sentences.
    var count: Int { lengths.count }

    /// The token ids of sentence `index`, in order.
    func tokens(ofSentence index: Int) -> ArraySlice<Int> {
        ids[(index == 0 ? 0 : sentenceEnds[index - 1])..<sentenceEnds[index]]
    }
}

/// What ``Token`` says of a token besides its text: its class and length.
struct TokenClass {
    var isNumber: Bool
    var isCapitalized: Bool
    var isAcronym: Bool
    /// The number of Unicode scalars of the text.
    var scalarCount: Int
}

/// Short ASCII text as its ``PackedBytes`` key, which is made without a string and hashes and
/// compares faster; any other text as itself.
enum ShortKey {
    case packed(UInt64)
    case text(String)

    /// The text.
    var text: String {
        switch self {
        case .packed(let key): PackedBytes.string(key)
        case .text(let text): text
        }
    }

    /// The ``PackedBytes`` key of the text, nil when it has none.
    var packed: UInt64? {
        switch self {
        case .packed(let key): key
        case .text(let text): PackedBytes.key(text)
        }
    }
}

/// Optional short keys by position: the packed keys in a list of integers (0 for none), the keys
/// that do not pack aside, so that the list is read and freed without touching strings.
struct ShortKeyList {
    /// Per position: its key packed, or 0 for no key or one in `texts`.
    private(set) var packed: [UInt64] = []
    /// The keys that do not pack (and the empty text, whose packed key is 0), by position.
    private(set) var texts: [Int: String] = [:]

    /// An empty list with room for `capacity` keys.
    init(capacity: Int) {
        packed.reserveCapacity(capacity)
    }

    /// The keys of `keys`, in order.
    init(_ keys: [ShortKey?]) {
        self.init(capacity: keys.count)
        for key in keys { append(key) }
    }

    /// The number of positions.
    var count: Int { packed.count }

    /// Adds `key` at the end.
    @inline(__always)
    mutating func append(_ key: ShortKey?) {
        switch key {
        case nil:
            packed.append(0)
        case .packed(let value) where value != 0:
            packed.append(value)
        case .some(let key):
            appendText(key.text)
        }
    }

    /// Adds the key of `text` at the end.
    private mutating func appendText(_ text: String) {
        // Any text that packs is held packed, as the packed key is what every reader asks of it.
        let value = PackedBytes.key(text) ?? 0
        packed.append(value)
        if value == 0 { texts[packed.count - 1] = text }
    }

    /// The key at `position`.
    subscript(position: Int) -> ShortKey? {
        if packed[position] != 0 { return .packed(packed[position]) }
        return texts[position].map(ShortKey.text)
    }
}

/// What the features of a side take from each distinct token of ``SideTokens``.
struct TokenFeatures {
    /// The folded word; nil for a number (numbers are not words for the lexicon).
    var folded: String?
    /// The stem the second pass induces a lexicon from (see ``DocumentFeatures/inductionStem``).
    var stem: ShortKey?
    /// The anchor key and kind, nil for no anchor.
    var anchor: (key: ShortKey, kind: AnchorKind)?

    /// The features of `token`, which is folded here (once: the tokens are distinct). Borrowed:
    /// an initialiser takes its arguments owned, so each token was copied (retained) to be read.
    init(_ token: borrowing Token, extractor: AnchorExtractor) {
        let folded = token.isNumber ? nil : WordFolder.fold(token.text)
        self.folded = folded
        if let folded, !token.isCapitalized && token.scalarCount >= 3 {
            stem = .text(WordFolder.prefix(folded, DocumentFeatures.inductionStem))
        }
        anchor = extractor.anchorKey(token, folded: folded).map { (.text($0.key), $0.kind) }
    }

    /// The features of distinct token `id` of `side` worked out on its bytes, when they settle
    /// them: what ``init(_:extractor:)`` gives, with the stem and anchor key packed; nil for a
    /// number that is not ASCII, a word ``WordFolder/latinFold(utf8:)`` does not fold, and a
    /// capitalised word that is not ASCII (its name test reads its Unicode lower case).
    ///
    /// A word that folds so is letters each folded to one ASCII byte, so a prefix of characters
    /// of its fold is one of bytes; an ASCII word's lower case is its fold; and an ASCII number's
    /// key is its digits (``AnchorExtractor/numberKey(_:)``).
    init?(bytesOf id: Int, in side: SideTokens, extractor: AnchorExtractor) {
        let token = side.classes[id]
        let features = side.withBytes(ofToken: id) { bytes -> TokenFeatures? in
            if token.isNumber {
                guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
                return TokenFeatures(folded: nil, stem: nil, anchor: (Self.numberKey(bytes), .number))
            }
            guard let folded = WordFolder.latinFold(utf8: bytes) else { return nil }
            var lowerCase = folded
            return lowerCase.withUTF8 { lower -> TokenFeatures? in
                guard !token.isCapitalized || lower.count == bytes.count else { return nil }
                var features = TokenFeatures(folded: folded, stem: nil, anchor: nil)
                if !token.isCapitalized && token.scalarCount >= 3 {
                    features.stem = .packed(PackedBytes.key(lower, prefix: DocumentFeatures.inductionStem))
                }
                if token.isCapitalized, token.scalarCount >= 2,
                   token.isAcronym || !extractor.vocabulary.contains(ascii: lower) {
                    features.anchor = (.packed(PackedBytes.key(lower, prefix: AnchorExtractor.namePrefix, after: "@")), .name)
                } else if !token.isCapitalized, token.scalarCount >= AnchorExtractor.cognatePrefix + 1 {
                    features.anchor = (.packed(PackedBytes.key(lower, prefix: AnchorExtractor.cognatePrefix, after: "~")),
                                       .cognate)
                }
                return features
            }
        }
        guard let features else { return nil }
        self = features
    }

    private init(folded: String?, stem: ShortKey?, anchor: (key: ShortKey, kind: AnchorKind)?) {
        self.folded = folded
        self.stem = stem
        self.anchor = anchor
    }

    /// ``AnchorExtractor/numberKey(_:)`` of the ASCII number `bytes`: `#` and its digits without
    /// leading zeros (one kept), packed when that is at most eight bytes.
    private static func numberKey(_ bytes: UnsafeBufferPointer<UInt8>) -> ShortKey {
        var digits = bytes.filter { (0x30...0x39).contains($0) }
        let zeros = digits.prefix { $0 == 0x30 }.count
        digits.removeFirst(min(zeros, max(0, digits.count - 1)))
        guard digits.count < 8 else { return .text("#" + String(decoding: digits, as: UTF8.self)) }
        var key = UInt64(UInt8(ascii: "#"))
        for digit in digits { key = key << 8 | UInt64(digit) }
        return .packed(key << (8 * (7 - digits.count)))
    }
}
