import UraICU

/// One press release in one or both languages: the unit Ura ingests, aligns, checks, approves
/// and publishes.
public struct PressRelease: Sendable, Equatable {
    /// Where a release is in its life. Only ``approved`` releases are published.
    public enum Status: String, Sendable, Codable, CaseIterable {
        case draft
        case inReview = "in-review"
        case approved
    }

    /// Where the place and date of the release come from: the dateline that opens its first
    /// paragraph (`Tiranë, 5 Nëntor 2018:`).
    public struct Dateline: Sendable, Equatable {
        /// The place in its English form (`Tirana`, not `Tiranë`).
        public var place: String?
        public var date: CalendarDate?
        /// True when the year was not written and was taken from context.
        public var dateInferred: Bool

        public init(place: String? = nil, date: CalendarDate? = nil, dateInferred: Bool = false) {
            self.place = place
            self.date = date
            self.dateInferred = dateInferred
        }
    }

    /// The release's text in one language.
    public struct Text: Sendable, Equatable {
        public var title: String
        /// Paragraphs in order, each Markdown source without surrounding blank lines.
        public var paragraphs: [String] {
            get { deferredParagraphs.value }
            _modify {
                knownParagraphCount = nil
                yield &deferredParagraphs.value
            }
        }
        /// The paragraphs, decoded when first read when the text comes from a snapshot.
        var deferredParagraphs: Deferred<[String]>
        /// How many paragraphs there are, when known without decoding them.
        var knownParagraphCount: Int?

        /// How many paragraphs there are (without decoding paragraphs kept encoded).
        public var paragraphCount: Int { knownParagraphCount ?? paragraphs.count }

        public init(title: String, paragraphs: [String]) {
            self.init(title: title, deferredParagraphs: Deferred(paragraphs))
        }

        init(title: String, deferredParagraphs: Deferred<[String]>, count: Int? = nil) {
            self.title = title
            self.deferredParagraphs = deferredParagraphs
            self.knownParagraphCount = count
        }

        public static func == (lhs: Text, rhs: Text) -> Bool {
            lhs.title == rhs.title && lhs.paragraphs == rhs.paragraphs
        }
    }

    /// Who made the release what it is: its source and its approval.
    public struct Provenance: Sendable, Equatable {
        /// Where the text came from (a scraped page's file name, `hand-written`, ...).
        public var source: String?
        public var approvedBy: String?
        /// ISO 8601 timestamp of the approval.
        public var approvedAt: String?
        /// The reason given when approval overrode terminology errors.
        public var overrideReason: String?

        public init(source: String? = nil, approvedBy: String? = nil, approvedAt: String? = nil,
                    overrideReason: String? = nil) {
            self.source = source
            self.approvedBy = approvedBy
            self.approvedAt = approvedAt
            self.overrideReason = overrideReason
        }
    }

    /// Stable id, the bundle's folder name: `YYYY-MM-DD-slug`.
    public var id: String
    public var status: Status
    public var dateline: Dateline
    public var texts: [Language: Text]
    public var provenance: Provenance
    /// Sentences of each paragraph, per language, once the segment step has run.
    public var sentences: [Language: [[String]]] {
        get { deferredSentences.value }
        _modify {
            knownSentenceCounts = nil
            yield &deferredSentences.value
        }
    }
    /// The English–Albanian alignment, once the align step has run.
    public var alignment: Alignment? {
        get { deferredAlignment.value }
        _modify { yield &deferredAlignment.value }
    }
    /// The sentences and the alignment, decoded when first read when the release comes from a
    /// snapshot (their paragraphs too: ``Text``): a build reads them of the releases it
    /// processes or publishes again, not of the thousands it takes unchanged.
    var deferredSentences = Deferred<[Language: [[String]]]>([:])
    var deferredAlignment = Deferred<Alignment?>(nil)
    /// How many sentences there are per language (by ``Language/position``; nil for a language
    /// without sentences), when known without decoding them.
    var knownSentenceCounts: [Int?]?

    /// How many sentences the release has in `language` (nil before segmentation), without
    /// decoding sentences kept encoded.
    public func sentenceCount(in language: Language) -> Int? {
        if let known = knownSentenceCounts { return known[language.position] }
        return sentences[language]?.reduce(0) { $0 + $1.count }
    }
    /// Terminology findings, once the check step has run.
    public var findings: [Finding]?
    /// Front-matter keys Ura does not interpret, kept so a round trip loses nothing (Hugo's
    /// `tags`, `slug`, `aliases`, ...), per language. Values are YAML source text (`'In focus:
    /// x'`, `[a, b]`), written back as they are; ``frontMatterValue(_:in:)`` reads a scalar.
    public var extraFrontMatter: [Language: [(key: String, value: String)]]

    public init(id: String, status: Status = .draft, dateline: Dateline = Dateline(),
                texts: [Language: Text], provenance: Provenance = Provenance()) {
        self.id = id
        self.status = status
        self.dateline = dateline
        self.texts = texts
        self.provenance = provenance
        self.findings = nil
        self.extraFrontMatter = [:]
    }

    /// The string value of the extra front-matter key `key` in `language` (YAML quoting undone),
    /// nil when absent or not a single value.
    public func frontMatterValue(_ key: String, in language: Language) -> String? {
        extraFrontMatter[language]?.first { $0.key == key }.flatMap { FrontMatter.decodeScalar($0.value) }
    }

    /// The languages the release has, in a stable order (en, sq).
    public var languages: [Language] { texts.keys.sorted() }

    /// The title in `language`, falling back to the other language.
    public func title(in language: Language) -> String {
        texts[language]?.title ?? texts[language.other]?.title ?? id
    }

    public static func == (lhs: PressRelease, rhs: PressRelease) -> Bool {
        lhs.id == rhs.id && lhs.status == rhs.status && lhs.dateline == rhs.dateline
            && lhs.texts == rhs.texts && lhs.provenance == rhs.provenance
            && lhs.sentences == rhs.sentences && lhs.alignment == rhs.alignment
            && lhs.findings == rhs.findings
            && lhs.extraFrontMatter.mapValues { $0.map { "\($0.key)=\($0.value)" } }
                == rhs.extraFrontMatter.mapValues { $0.map { "\($0.key)=\($0.value)" } }
    }
}
