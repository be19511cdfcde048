/// What the aligner knows about one sentence.
struct SentenceFeatures {
    /// Length in Unicode scalars.
    var length: Double
    /// Anchor ids, sorted and unique.
    var anchors: [Int]
    /// Folded words in order (numbers left out), for lexicon look-up.
    var words: [String]
    /// Folded lower-case words of at least three letters cut to ``DocumentFeatures/inductionStem``
    /// letters, unique: what the second pass induces a lexicon from. As places in the side's
    /// ``SideFeatures/stems``, ascending, so in the order of their text.
    var stems: [Int]
}

/// The distinct stems of a side in the order of their text, so that a sentence's stems sort as
/// integers.
struct StemOrder {
    /// The distinct stems, in the order of their text (of equal stems, the first given).
    let sorted: [String]
    /// Per stem given: its place in `sorted`; nil where none was given.
    let ranks: [Int?]

    /// Sorts `stems` once, with their positions, so equal stems come together without hashing.
    /// - Complexity: O(n log n) comparisons for n stems.
    init(_ stems: [String?]) {
        self.init(ShortKeyList(stems.map { $0.map(ShortKey.text) }))
    }

    /// The same of stems given as short keys, compared by their packed keys when every stem has one
    /// of at most five bytes.
    /// - Complexity: O(n log n) comparisons for n stems.
    init(_ stems: ShortKeyList) {
        var sorted: [String] = []
        var ranks = [Int?](repeating: nil, count: stems.count)
        if let keyed = Self.packedOrder(stems) {
            // Equal stems have equal keys: compared as integers, not as strings.
            var lastKey: UInt64?
            for value in keyed {
                let index = Int(value & Self.positionMask), key = value & ~Self.positionMask
                if key != lastKey { sorted.append(PackedBytes.string(key)) }
                lastKey = key
                ranks[index] = sorted.count - 1
            }
        } else {
            let stems = (0..<stems.count).map { stems[$0]?.text }
            for index in Self.textOrder(stems) {
                guard let stem = stems[index] else { continue }
                if sorted.last != stem { sorted.append(stem) }
                ranks[index] = sorted.count - 1
            }
        }
        self.sorted = sorted
        self.ranks = ranks
    }

    /// The positions of the stems given, by stem and then position.
    private static func textOrder(_ stems: [String?]) -> [Int] {
        stems.indices.filter { stems[$0] != nil }.sorted { (stems[$0] ?? "", $0) < (stems[$1] ?? "", $1) }
    }

    /// ``textOrder(_:)`` by integers instead of strings, as each stem's key (``PackedBytes``) with
    /// its position in the low bits; nil unless every stem is at most five ASCII bytes (the usual
    /// case: stems are five letters).
    private static func packedOrder(_ stems: ShortKeyList) -> [UInt64]? {
        guard stems.count <= Int(positionMask), stems.texts.isEmpty else { return nil }
        var keyed: [UInt64] = []
        keyed.reserveCapacity(stems.count)
        for (position, key) in stems.packed.enumerated() where key != 0 {
            // Five bytes leave the low three of the key zero: room for the position, which also
            // breaks ties between equal stems as the text order does.
            guard key & positionMask == 0 else { return nil }
            keyed.append(key | UInt64(position))
        }
        keyed.sort()
        return keyed
    }

    /// The low three bytes of a packed stem of at most five bytes.
    private static let positionMask: UInt64 = 0xFF_FFFF
}

/// What the aligner knows about one paragraph.
struct ParagraphFeatures {
    /// The paragraph's sentences, as indices into the side's sentence list.
    var sentences: Range<Int>
    /// A one-sentence paragraph without final punctuation: a headline, sub-heading or caption.
    /// Headings are never merged with or split from other paragraphs.
    var isHeading: Bool
}

/// One language side of a document.
struct SideFeatures {
    var sentences: [SentenceFeatures] = []
    var paragraphs: [ParagraphFeatures] = []
    /// The distinct stems of the sentences, in the order of their text.
    var stems: [String] = []

    var totalLength: Double { sentences.reduce(0) { $0 + $1.length } }
}

/// Both sides of a document, with their anchors interned in one table.
struct DocumentFeatures {
    /// Letters kept of a word when inducing a lexicon: a crude stem that joins `peshkaqen`,
    /// `peshkaqeni` and `peshkaqenit`.
    static let inductionStem = 5

    var en = SideFeatures()
    var sq = SideFeatures()
    var table: AnchorTable

    /// Anchor ids a sentence adds to the table, about: what the table is sized for.
    static let anchorsPerSentence = 4

    /// - Parameters:
    ///   - english, albanian: sentences of each paragraph, per side.
    /// - Complexity: O(n) in the length of the text.
    init(english: [[String]], albanian: [[String]]) {
        table = AnchorTable(capacity: (english.joined().count + albanian.joined().count) * Self.anchorsPerSentence)
        en = Self.side(english, table: &table)
        sq = Self.side(albanian, table: &table)
    }

    private static func side(_ paragraphs: [[String]], table: inout AnchorTable) -> SideFeatures {
        let tokens = SideTokens(paragraphs.joined())
        let extractor = AnchorExtractor(side: tokens)
        // Per distinct token, one list per feature, of integers where it can be: a list of
        // strings or enums is freed element by element, which cost more than filling it.
        var folds: [String?] = [], anchorKinds: [AnchorKind?] = []
        var stems = ShortKeyList(capacity: tokens.classes.count), anchorKeys = ShortKeyList(capacity: tokens.classes.count)
        folds.reserveCapacity(tokens.classes.count)
        anchorKinds.reserveCapacity(tokens.classes.count)
        for id in tokens.classes.indices {
            let features = TokenFeatures(bytesOf: id, in: tokens, extractor: extractor)
                ?? TokenFeatures(tokens.token(id), extractor: extractor)
            folds.append(features.folded)
            stems.append(features.stem)
            anchorKeys.append(features.anchor?.key)
            anchorKinds.append(features.anchor?.kind)
        }
        let stemOrder = StemOrder(stems)
        let stemRanks = stemOrder.ranks
        // Anchor ids are given out in the order the keys first occur, as the sentences are read.
        var anchorIDs = [Int?](repeating: nil, count: tokens.classes.count)
        var side = SideFeatures()
        side.stems = stemOrder.sorted
        side.sentences.reserveCapacity(tokens.count)
        side.paragraphs.reserveCapacity(paragraphs.count)
        for paragraph in paragraphs {
            let start = side.sentences.count
            for _ in paragraph {
                let index = side.sentences.count
                let ids = tokens.tokens(ofSentence: index)
                var words: [String] = [], ranks: [Int] = [], anchors: [Int] = []
                words.reserveCapacity(ids.count)
                ranks.reserveCapacity(ids.count)
                anchors.reserveCapacity(ids.count)
                for id in ids {
                    if let folded = folds[id] { words.append(folded) }
                    if let rank = stemRanks[id] { ranks.append(rank) }
                    if anchorIDs[id] == nil, let kind = anchorKinds[id] {
                        let packed = anchorKeys.packed[id]
                        anchorIDs[id] = packed != 0 ? table.id(packed: packed, kind) : table.id(anchorKeys[id]?.text ?? "", kind)
                    }
                    if let anchor = anchorIDs[id] { anchors.append(anchor) }
                }
                Self.sortUnique(&anchors)
                Self.sortUnique(&ranks)
                side.sentences.append(SentenceFeatures(
                    length: Double(tokens.lengths[index]), anchors: anchors, words: words, stems: ranks))
            }
            side.paragraphs.append(ParagraphFeatures(
                sentences: start..<side.sentences.count,
                isHeading: paragraph.count == 1 && !Self.endsSentence(paragraph[0])))
        }
        return side
    }

    /// Sorts `values` in place and drops repeats.
    private static func sortUnique(_ values: inout [Int]) {
        insertionSort(&values)
        var kept = 0
        // By index: iterating the array itself would hold a copy, and the first write would
        // then copy the storage.
        for index in values.indices where kept == 0 || values[kept - 1] != values[index] {
            values[kept] = values[index]
            kept += 1
        }
        values.removeLast(values.count - kept)
    }

    /// Sorts `values` in place: by insertion for the short lists of a sentence, which the
    /// library's sort spends more on setting up than on sorting.
    private static func insertionSort(_ values: inout [Int]) {
        guard values.count <= 32 else { return values.sort() }
        for end in values.indices.dropFirst() {
            let value = values[end]
            var place = end
            while place > 0 && values[place - 1] > value {
                values[place] = values[place - 1]
                place -= 1
            }
            values[place] = value
        }
    }

    /// Adds the entries of `matcher` found in each sentence as lexicon anchors.
    mutating func addLexicon(_ matcher: LexiconMatcher) {
        guard !matcher.isEmpty else { return }
        Self.addLexicon(matcher, to: &en, english: true, table: &table)
        Self.addLexicon(matcher, to: &sq, english: false, table: &table)
    }

    /// Adds the entries of `matcher` found in each sentence of `side` (English when `english`) as
    /// lexicon anchors of `table`: in place, so a side that is not shared is not copied.
    private static func addLexicon(_ matcher: LexiconMatcher, to side: inout SideFeatures, english: Bool,
                                   table: inout AnchorTable) {
        for index in side.sentences.indices {
            let keys = matcher.keys(in: side.sentences[index].words, english: english)
            guard !keys.isEmpty else { continue }
            var ids = keys.map { table.id($0, .lexicon) }
            sortUnique(&ids)
            side.sentences[index].anchors = CostModel.sortedUnion(side.sentences[index].anchors, ids)
        }
    }

    /// Whether `sentence` ends with `. ! ? … : ;`, optionally followed by closing quotes or brackets.
    static func endsSentence(_ sentence: String) -> Bool {
        for scalar in sentence.unicodeScalars.reversed() {
            if scalar.properties.isWhitespace { continue }
            if closing.contains(scalar) { continue }
            return final.contains(scalar)
        }
        return false
    }

    private static let final: Set<Unicode.Scalar> = [".", "!", "?", "…", ":", ";"]
    private static let closing: Set<Unicode.Scalar> = ["\"", "'", ")", "]", "»", "”", "’", "“", "«"]
}
