/// What the aligner knows about one sentence.
struct SentenceFeatures {
    /// Length in Unicode scalars.
    var length: Double
    /// Anchor ids, sorted and unique.
    var anchors: [Int]
    /// Folded words in order (numbers left out), for lexicon look-up.
    var words: [String]
    /// Folded lower-case words of at least three letters cut to ``DocumentFeatures/inductionStem``
    /// letters, unique: what the second pass induces a lexicon from.
    var stems: [String]
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

    var totalLength: Double { sentences.reduce(0) { $0 + $1.length } }
}

/// Both sides of a document, with their anchors interned in one table.
struct DocumentFeatures {
    /// Letters kept of a word when inducing a lexicon: a crude stem that joins `peshkaqen`,
    /// `peshkaqeni` and `peshkaqenit`.
    static let inductionStem = 5

    var en = SideFeatures()
    var sq = SideFeatures()
    var table = AnchorTable()

    /// - Parameters:
    ///   - english, albanian: sentences of each paragraph, per side.
    /// - Complexity: O(n) in the length of the text.
    init(english: [[String]], albanian: [[String]]) {
        en = Self.side(english, table: &table)
        sq = Self.side(albanian, table: &table)
    }

    private static func side(_ paragraphs: [[String]], table: inout AnchorTable) -> SideFeatures {
        let tokens = paragraphs.map { $0.map(Tokenizer.tokens) }
        let extractor = AnchorExtractor(sentences: tokens.flatMap { $0 })
        var side = SideFeatures()
        var folder = WordFolder()
        for (paragraph, sentenceTokens) in zip(paragraphs, tokens) {
            let start = side.sentences.count
            for (sentence, words) in zip(paragraph, sentenceTokens) {
                let folded = words.filter { !$0.isNumber }.map { folder.fold($0.text) }
                var stems = Set<String>()
                for word in words where !word.isNumber && !word.isCapitalized && word.text.unicodeScalars.count >= 3 {
                    stems.insert(String(folder.fold(word.text).prefix(inductionStem)))
                }
                side.sentences.append(SentenceFeatures(
                    length: Double(sentence.unicodeScalars.count),
                    anchors: extractor.anchors(words, table: &table, folder: &folder),
                    words: folded, stems: stems.sorted()))
            }
            let range = start..<side.sentences.count
            side.paragraphs.append(ParagraphFeatures(
                sentences: range,
                isHeading: paragraph.count == 1 && !Self.endsSentence(paragraph[0])))
        }
        return side
    }

    /// Adds the entries of `matcher` found in each sentence as lexicon anchors.
    mutating func addLexicon(_ matcher: LexiconMatcher) {
        guard !matcher.isEmpty else { return }
        for english in [true, false] {
            var side = english ? en : sq
            for index in side.sentences.indices {
                let keys = matcher.keys(in: side.sentences[index].words, english: english)
                guard !keys.isEmpty else { continue }
                var anchors = Set(side.sentences[index].anchors)
                for key in keys { anchors.insert(table.id(key, .lexicon)) }
                side.sentences[index].anchors = anchors.sorted()
            }
            if english { en = side } else { sq = side }
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
