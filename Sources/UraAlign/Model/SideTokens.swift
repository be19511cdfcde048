/// The tokens of one side's sentences as ids of its distinct tokens, so that what the aligner
/// derives from a token (its fold, stem and anchor key) is worked out once per distinct token
/// rather than once per occurrence: news repeats its words.
struct SideTokens {
    /// The distinct tokens, by id, in the order they first occur.
    private(set) var distinct: [Token] = []
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
        lengths.reserveCapacity(sentenceCount)
        sentenceEnds.reserveCapacity(sentenceCount)
        var spans: [TokenSpan] = []
        for var sentence in sentences {
            let length = sentence.withUTF8 { utf8 in
                let scalars = Tokenizer.scan(utf8, into: &spans)
                for span in spans {
                    let (id, isNew) = interner.intern(utf8, span.bytes)
                    if isNew {
                        distinct.append(Token(text: Substring(interner.text(id)), isNumber: span.isNumber,
                                              isCapitalized: span.isCapitalized, isAcronym: span.isAcronym,
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

/// What the features of a side take from each distinct token of ``SideTokens``.
struct TokenFeatures {
    /// The folded word; nil for a number (numbers are not words for the lexicon).
    var folded: String?
    /// The stem the second pass induces a lexicon from (see ``DocumentFeatures/inductionStem``).
    var stem: String?
    /// The anchor key and kind, nil for no anchor.
    var anchor: (key: String, kind: AnchorKind)?

    /// The features of `token`, which is folded here (once: the tokens are distinct). Borrowed:
    /// an initialiser takes its arguments owned, so each token was copied (retained) to be read.
    init(_ token: borrowing Token, extractor: AnchorExtractor) {
        let folded = token.isNumber ? nil : WordFolder.fold(token.text)
        self.folded = folded
        if let folded, !token.isCapitalized && token.scalarCount >= 3 {
            stem = WordFolder.prefix(folded, DocumentFeatures.inductionStem)
        }
        anchor = extractor.anchorKey(token, folded: folded)
    }
}
