import UraICU

/// A compact binary form of ``PressRelease`` for the build cache: length-prefixed UTF-8 strings
/// and varints, written and read in one pass. JSON (Foundation's coder) costs a millisecond per
/// release each way, which is what an incremental build of thousands of releases cannot afford;
/// this form costs microseconds. Plugins still get JSON.
public enum ReleaseBinary {
    /// Bumped whenever the layout changes: a cache entry of another version is never decoded.
    static let version: UInt8 = 1

    /// A digest of the release's content: ``ContentDigest`` of its encoding. Equal digests mean
    /// equal releases; what review pages and site files are keyed on.
    public static func digest(_ release: PressRelease) -> String { ContentDigest.hex(encode(release)) }

    /// The release's bytes.
    public static func encode(_ release: PressRelease) -> [UInt8] {
        var writer = Writer()
        writer.byte(version)
        writer.string(release.id)
        writer.string(release.status.rawValue)
        writer.optional(release.dateline.date?.description)
        writer.bool(release.dateline.dateInferred)
        writer.optional(release.dateline.place)
        writer.count(release.texts.count)
        for language in release.languages {
            guard let text = release.texts[language] else { continue }
            writer.string(language.code)
            writer.string(text.title)
            writer.strings(text.paragraphs)
        }
        writer.count(release.sentences.count)
        for language in release.sentences.keys.sorted() {
            writer.string(language.code)
            let paragraphs = release.sentences[language] ?? []
            let sources = release.texts[language]?.paragraphs ?? []
            writer.count(paragraphs.count)
            for (index, sentences) in paragraphs.enumerated() {
                // Sentences are usually the paragraph cut at spaces: then their lengths suffice,
                // which halves the size of a snapshot.
                if index < sources.count, sentences.joined(separator: " ") == sources[index] {
                    writer.bool(true)
                    writer.count(sentences.count)
                    for sentence in sentences { writer.count(sentence.utf8.count) }
                } else {
                    writer.bool(false)
                    writer.strings(sentences)
                }
            }
        }
        writer.bool(release.alignment != nil)
        if let alignment = release.alignment {
            writer.beads(alignment.paragraphs)
            writer.beads(alignment.sentences)
        }
        writer.bool(release.findings != nil)
        if let findings = release.findings {
            writer.count(findings.count)
            for finding in findings {
                writer.string(finding.unit)
                writer.string(finding.rule)
                writer.string(finding.severity.rawValue)
                writer.string(finding.side)
                writer.optional(finding.term)
                writer.bool(finding.expected != nil)
                if let expected = finding.expected { writer.strings(expected) }
                writer.string(finding.message)
            }
        }
        writer.optional(release.provenance.source)
        writer.optional(release.provenance.approvedBy)
        writer.optional(release.provenance.approvedAt)
        writer.optional(release.provenance.overrideReason)
        writer.count(release.extraFrontMatter.count)
        for language in release.extraFrontMatter.keys.sorted() {
            writer.string(language.code)
            let pairs = release.extraFrontMatter[language] ?? []
            writer.count(pairs.count)
            for pair in pairs {
                writer.string(pair.key)
                writer.string(pair.value)
            }
        }
        return writer.bytes
    }

    /// The release in `bytes`, or nil when they are not a whole release of this version.
    public static func decode(_ bytes: [UInt8]) -> PressRelease? { decode(bytes[...]) }

    /// The release in `bytes`, a slice of a larger buffer (a snapshot entry after its own fields,
    /// in a bucket file read whole: decoded in place, no copy), or nil as ``decode(_:)-([UInt8])``.
    ///
    /// The bulk of a release (its paragraphs, sentences and alignment) is checked here but made
    /// into strings and arrays only when first read (``Deferred``): a build takes thousands of
    /// releases from its snapshot and reads of most of them only their titles, dates and findings.
    /// The check is the decoding's own (lengths, counts, sentence cuts on character boundaries),
    /// so the deferred decoding cannot fail on bytes this accepted (they are valid UTF-8, as
    /// ``encode(_:)`` writes them; a damaged entry could only decode to damaged text, as before).
    public static func decode(_ bytes: ArraySlice<UInt8>) -> PressRelease? {
        var reader = Reader(bytes: bytes)
        guard reader.byte() == version, let id = reader.string(),
              let status = reader.string().flatMap(PressRelease.Status.init(rawValue:)) else { return nil }
        var release = PressRelease(id: id, status: status, texts: [:])
        guard let date = reader.optional(), let inferred = reader.bool(), let place = reader.optional() else { return nil }
        release.dateline = .init(place: place, date: date.flatMap(CalendarDate.init(iso:)), dateInferred: inferred)
        guard let textCount = reader.count() else { return nil }
        // Each dictionary made at its size: thousands of releases per build, and growing one from
        // empty allocates it twice.
        release.texts.reserveCapacity(min(textCount, Language.allCases.count))
        // Where each language's paragraphs are, to check the sentence cuts against; by the
        // language's position (two local dictionaries cost a sixth of decoding a release).
        var paragraphRanges = [[Range<Int>]](repeating: [], count: Language.allCases.count)
        for _ in 0..<textCount {
            guard let language = reader.language(), let title = reader.string() else { return nil }
            let start = reader.position
            guard let ranges = reader.stringRanges() else { return nil }
            paragraphRanges[language.position] = ranges
            release.texts[language] = .init(title: title, deferredParagraphs: Deferred {
                var reader = Reader(bytes: bytes, position: start)
                return reader.strings() ?? []
            }, count: ranges.count)
        }
        let sentencesStart = reader.position
        guard let sentenceLanguages = reader.count() else { return nil }
        var sentenceCounts = [Int?](repeating: nil, count: Language.allCases.count)
        for _ in 0..<sentenceLanguages {
            guard let language = reader.language(), let count = reader.count() else { return nil }
            let sources = paragraphRanges[language.position]
            var sentences = 0
            for index in 0..<count {
                guard let derived = reader.bool() else { return nil }
                if derived {
                    guard index < sources.count, let pieces = reader.count(), pieces <= sources[index].count + 1,
                          reader.skipPieces(pieces, of: sources[index]) else { return nil }
                    sentences += pieces
                } else {
                    guard let ranges = reader.stringRanges() else { return nil }
                    sentences += ranges.count
                }
            }
            sentenceCounts[language.position] = sentences
        }
        if sentenceLanguages > 0 {
            release.knownSentenceCounts = sentenceCounts
            let texts = release.texts
            release.deferredSentences = Deferred {
                var reader = Reader(bytes: bytes, position: sentencesStart)
                return reader.sentences(of: texts) ?? [:]
            }
        }
        guard let hasAlignment = reader.bool() else { return nil }
        if hasAlignment {
            let start = reader.position
            guard reader.skipBeads(), reader.skipBeads() else { return nil }
            release.deferredAlignment = Deferred {
                var reader = Reader(bytes: bytes, position: start)
                guard let paragraphs = reader.beads(), let sentences = reader.beads() else { return nil }
                return Alignment(paragraphs: paragraphs, sentences: sentences)
            }
        }
        guard let hasFindings = reader.bool() else { return nil }
        if hasFindings {
            guard let count = reader.count() else { return nil }
            var findings: [Finding] = []
            for _ in 0..<count {
                guard let unit = reader.string(), let rule = reader.string(),
                      let severity = reader.string().flatMap(Finding.Severity.init(rawValue:)), let side = reader.string(),
                      let term = reader.optional(), let hasExpected = reader.bool() else { return nil }
                var expected: [String]?
                if hasExpected {
                    guard let list = reader.strings() else { return nil }
                    expected = list
                }
                guard let message = reader.string() else { return nil }
                findings.append(Finding(unit: unit, rule: rule, severity: severity, side: side, term: term, expected: expected, message: message))
            }
            release.findings = findings
        }
        guard let source = reader.optional(), let approvedBy = reader.optional(), let approvedAt = reader.optional(),
              let overrideReason = reader.optional() else { return nil }
        release.provenance = .init(source: source, approvedBy: approvedBy, approvedAt: approvedAt, overrideReason: overrideReason)
        guard let extraLanguages = reader.count() else { return nil }
        if extraLanguages > 0 { release.extraFrontMatter.reserveCapacity(min(extraLanguages, Language.allCases.count)) }
        for _ in 0..<extraLanguages {
            guard let language = reader.language(), let count = reader.count() else { return nil }
            var pairs: [(key: String, value: String)] = []
            pairs.reserveCapacity(min(count, reader.remaining))
            for _ in 0..<count {
                guard let key = reader.string(), let value = reader.string() else { return nil }
                pairs.append((key, value))
            }
            release.extraFrontMatter[language] = pairs
        }
        return reader.isAtEnd ? release : nil
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func byte(_ value: UInt8) { bytes.append(value) }
        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

        mutating func count(_ value: Int) {
            var rest = UInt64(value)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func string(_ value: String) {
            count(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }

        mutating func optional(_ value: String?) {
            bool(value != nil)
            if let value { string(value) }
        }

        mutating func strings(_ values: [String]) {
            count(values.count)
            for value in values { string(value) }
        }

        mutating func beads(_ values: [Bead]) {
            count(values.count)
            for bead in values {
                count(bead.en.count)
                for index in bead.en { count(index) }
                count(bead.sq.count)
                for index in bead.sq { count(index) }
                let bits = bead.score.bitPattern
                for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            }
        }
    }

    /// Reads what ``Writer`` wrote, from `bytes` (a whole array or a slice of one: positions are
    /// the slice's own indices).
    struct Reader {
        let bytes: ArraySlice<UInt8>
        var position: Int

        init(bytes: ArraySlice<UInt8>, position: Int? = nil) {
            self.bytes = bytes
            self.position = position ?? bytes.startIndex
        }

        init(bytes: [UInt8], position: Int = 0) {
            self.init(bytes: bytes[...], position: position)
        }

        var isAtEnd: Bool { position == bytes.endIndex }
        /// How many bytes are left: a bound on any count read next (each item takes a byte at least).
        var remaining: Int { bytes.endIndex - position }

        @inline(__always)
        mutating func byte() -> UInt8? {
            guard position < bytes.endIndex else { return nil }
            let value = bytes[position]
            position += 1
            return value
        }

        mutating func bool() -> Bool? {
            guard let value = byte(), value <= 1 else { return nil }
            return value == 1
        }

        mutating func count() -> Int? {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while let value = byte() {
                result |= UInt64(value & 0x7F) << shift
                if value < 0x80 { return result <= UInt64(Int.max) ? Int(result) : nil }
                shift += 7
                if shift > 63 { return nil }
            }
            return nil
        }

        mutating func string() -> String? {
            guard let length = count(), length <= bytes.endIndex - position else { return nil }
            defer { position += length }
            return String(decoding: bytes[position..<position + length], as: UTF8.self)
        }

        /// A language written as its code: the two codes ``encode(_:)`` writes recognised on the
        /// bytes, any other through ``Language/init(code:)``.
        mutating func language() -> Language? {
            guard let length = count(), length <= bytes.endIndex - position else { return nil }
            defer { position += length }
            if length == 2 {
                switch (bytes[position], bytes[position + 1]) {
                case (UInt8(ascii: "e"), UInt8(ascii: "n")): return .english
                case (UInt8(ascii: "s"), UInt8(ascii: "q")): return .albanian
                default: break
                }
            }
            return Language(code: String(decoding: bytes[position..<position + length], as: UTF8.self))
        }

        mutating func optional() -> String?? {
            guard let present = bool() else { return nil }
            guard present else { return .some(nil) }
            guard let value = string() else { return nil }
            return .some(value)
        }

        /// `count` pieces of `source` given by their UTF-8 lengths, each followed by one byte (the
        /// space ``encode(_:)`` found there): cut from the string itself, which is valid UTF-8
        /// already, so no piece is validated again (validation was half of decoding a snapshot).
        /// Nil when a length runs past the end or does not end on a Unicode scalar boundary.
        mutating func pieces(_ count: Int, of source: String) -> [String]? {
            let utf8 = source.utf8
            var start = utf8.startIndex
            var result: [String] = []
            result.reserveCapacity(count)
            for piece in 0..<count {
                guard let length = self.count(), let end = utf8.index(start, offsetBy: length, limitedBy: utf8.endIndex),
                      let from = String.Index(start, within: source.unicodeScalars),
                      let to = String.Index(end, within: source.unicodeScalars) else { return nil }
                result.append(String(source[from..<to]))
                if piece + 1 < count {
                    guard end < utf8.endIndex else { return nil }
                    start = utf8.index(after: end)
                }
            }
            return result
        }

        mutating func strings() -> [String]? {
            guard let count = count(), count <= bytes.endIndex - position else { return nil }
            var result: [String] = []
            result.reserveCapacity(count)
            for _ in 0..<count {
                guard let value = string() else { return nil }
                result.append(value)
            }
            return result
        }

        /// The positions of the strings ``strings()`` would read, skipped without making them.
        mutating func stringRanges() -> [Range<Int>]? {
            guard let count = count(), count <= bytes.endIndex - position else { return nil }
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(count)
            for _ in 0..<count {
                guard let length = self.count(), length <= bytes.endIndex - position else { return nil }
                ranges.append(position..<position + length)
                position += length
            }
            return ranges
        }

        /// Skips what ``pieces(_:of:)`` reads, checking it would succeed on the UTF-8 bytes of the
        /// source at `source` (a range of these bytes): every cut inside the source and on a
        /// character boundary (not before a continuation byte), a byte between two pieces.
        mutating func skipPieces(_ count: Int, of source: Range<Int>) -> Bool {
            func onBoundary(_ offset: Int) -> Bool {
                offset == source.count || bytes[source.lowerBound + offset] & 0xC0 != 0x80
            }
            var start = 0
            for piece in 0..<count {
                guard let length = self.count(), length <= source.count - start,
                      onBoundary(start), onBoundary(start + length) else { return false }
                let end = start + length
                if piece + 1 < count {
                    guard end < source.count else { return false }
                    start = end + 1
                }
            }
            return true
        }

        /// The sentences section of an encoding (``encode(_:)``), the derived sentences cut from
        /// the paragraphs of `texts`.
        mutating func sentences(of texts: [Language: PressRelease.Text]) -> [Language: [[String]]]? {
            guard let languages = count() else { return nil }
            var result: [Language: [[String]]] = [:]
            for _ in 0..<languages {
                guard let language = language(), let count = count() else { return nil }
                let sources = texts[language]?.paragraphs ?? []
                var paragraphs: [[String]] = []
                paragraphs.reserveCapacity(count)
                for index in 0..<count {
                    guard let derived = bool() else { return nil }
                    if derived {
                        guard index < sources.count, let pieces = self.count(), pieces <= sources[index].utf8.count + 1,
                              let sentences = self.pieces(pieces, of: sources[index]) else { return nil }
                        paragraphs.append(sentences)
                    } else {
                        guard let sentences = strings() else { return nil }
                        paragraphs.append(sentences)
                    }
                }
                result[language] = paragraphs
            }
            return result
        }

        /// Skips what ``beads()`` reads, with its checks.
        mutating func skipBeads() -> Bool {
            guard let beadCount = count(), beadCount <= bytes.endIndex - position else { return false }
            for _ in 0..<beadCount {
                for _ in 0..<2 {
                    guard let indexCount = count(), indexCount <= bytes.endIndex - position else { return false }
                    for _ in 0..<indexCount { guard count() != nil else { return false } }
                }
                guard position + 8 <= bytes.endIndex else { return false }
                position += 8
            }
            return true
        }

        mutating func beads() -> [Bead]? {
            guard let beadCount = count(), beadCount <= bytes.endIndex - position else { return nil }
            var result: [Bead] = []
            for _ in 0..<beadCount {
                guard let enCount = count(), enCount <= bytes.endIndex - position else { return nil }
                var en: [Int] = []
                for _ in 0..<enCount { guard let index = count() else { return nil }; en.append(index) }
                guard let sqCount = count(), sqCount <= bytes.endIndex - position else { return nil }
                var sq: [Int] = []
                for _ in 0..<sqCount { guard let index = count() else { return nil }; sq.append(index) }
                guard position + 8 <= bytes.endIndex else { return nil }
                var bits: UInt64 = 0
                for offset in 0..<8 { bits |= UInt64(bytes[position + offset]) << UInt64(8 * offset) }
                position += 8
                result.append(Bead(en: en, sq: sq, score: Double(bitPattern: bits)))
            }
            return result
        }
    }
}
