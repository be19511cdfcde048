import Foundation
import Testing
import UraTestSupport
@testable import UraCore

@Suite struct ReleaseJSONTests {
    @Test func roundTripsEveryField() throws {
        var release = try Corpus(directory: Fixtures.corpus).load("2018-11-05-roundtable-with-albanian-government-institutions-on-the")
        release.sentences[.english] = [["One.", "Two."]]
        release.alignment = Alignment(paragraphs: [Bead(en: [0], sq: [0], score: 0.9)], sentences: [Bead(en: [0, 1], sq: [0], score: 0.5)])
        release.findings = [Finding(unit: "p0", rule: "term-missing", severity: .error, side: "sq", term: "asylum seeker",
                                    expected: ["azilkërkues"], message: "missing")]
        release.provenance.approvedBy = "Press Office"
        let data = try release.jsonData()
        #expect(try PressRelease.fromJSON(data, source: "x") == release)
        // Deterministic: the same release gives the same bytes.
        #expect(try release.jsonData() == data)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"date\":\"2018-11-05\""))
        #expect(text.contains("\"place\":\"Tirana\""))
    }

    @Test func invalidJSONIsAClearError() throws {
        let missing = try #require(throws: UraError.self) { try PressRelease.fromJSON(Data("{\"texts\": {}}".utf8), source: "plugin output") }
        #expect(missing.description == "plugin output: invalid release JSON: 'id' is missing")
        #expect(throws: UraError.self) { try PressRelease.fromJSON(Data("not json".utf8), source: "x") }
        #expect(throws: UraError.self) {
            try PressRelease.fromJSON(Data("{\"id\": \"a\", \"texts\": {\"de\": {\"title\": \"x\", \"paragraphs\": []}}}".utf8), source: "x")
        }
    }
}

@Suite struct ReleaseBinaryTests {
    @Test func roundTripsEveryFieldAndRejectsDamage() throws {
        var release = try Corpus(directory: Fixtures.corpus).load("2018-11-05-roundtable-with-albanian-government-institutions-on-the")
        release.sentences[.albanian] = [["Një.", "Dy."], []]
        release.alignment = Alignment(paragraphs: [Bead(en: [0], sq: [0, 1], score: 0.875)], sentences: [Bead(en: [], sq: [2], score: 0)])
        release.findings = [Finding(unit: "p0", rule: "number-mismatch", severity: .warning, side: "sq", message: "5,700 ≠ 5.800"),
                            Finding(unit: "p1", rule: "term-missing", severity: .error, side: "sq", term: "asylum seeker",
                                    expected: ["azilkërkues", "kërkues azili"], message: "m")]
        release.dateline.dateInferred = true
        release.provenance.overrideReason = "urgent"
        let bytes = ReleaseBinary.encode(release)
        #expect(ReleaseBinary.decode(bytes) == release)
        #expect(ReleaseBinary.decode(Array(bytes.dropLast())) == nil)
        #expect(ReleaseBinary.decode(bytes + [0]) == nil)
        #expect(ReleaseBinary.decode([]) == nil)
        // Sentences that are the paragraph cut at spaces are stored as lengths, and come back.
        var derived = PressRelease(id: "d", texts: [.albanian: .init(title: "T", paragraphs: ["Tiranë, 5 Nëntor: Një. Dy „tre“.", "Katër"])])
        derived.sentences[.albanian] = [["Tiranë, 5 Nëntor: Një.", "Dy „tre“."], ["Katër"]]
        #expect(ReleaseBinary.decode(ReleaseBinary.encode(derived)) == derived)
        #expect(ReleaseBinary.encode(derived).count < ReleaseBinary.encode(release).count)
        // A piece may start inside a character (a combining mark after the space), and a
        // paragraph may be empty.
        var marked = PressRelease(id: "m", texts: [.english: .init(title: "T", paragraphs: ["One. \u{301}Two.", ""])])
        marked.sentences[.english] = [["One.", "\u{301}Two."], [""]]
        #expect(ReleaseBinary.decode(ReleaseBinary.encode(marked)) == marked)
    }

    @Test func bodiesAreDecodedWhenFirstReadAndOnce() throws {
        var release = PressRelease(id: "d", texts: [.albanian: .init(title: "Tiranë", paragraphs: ["Një. Dy „tre“.", "Katër"]),
                                                    .english: .init(title: "Tirana", paragraphs: ["One. Two."])])
        release.sentences = [.albanian: [["Një.", "Dy „tre“."], ["Katër"]], .english: [["One.", "Two."]]]
        release.alignment = Alignment(paragraphs: [Bead(en: [0], sq: [0, 1], score: 0.5)], sentences: [])
        let decoded = try #require(ReleaseBinary.decode(ReleaseBinary.encode(release)))
        // What a build reads of an unchanged release leaves its body encoded.
        #expect(decoded.title(in: .albanian) == "Tiranë" && decoded.languages == [.english, .albanian])
        #expect(decoded.texts[.albanian]?.paragraphCount == 2 && decoded.sentenceCount(in: .albanian) == 3)
        #expect(decoded.sentenceCount(in: .english) == 2)
        var albanianOnly = release
        albanianOnly.sentences[.english] = nil
        let decodedAlbanianOnly = try #require(ReleaseBinary.decode(ReleaseBinary.encode(albanianOnly)))
        #expect(decodedAlbanianOnly.sentenceCount(in: .english) == nil && decodedAlbanianOnly.sentenceCount(in: .albanian) == 3)
        #expect(Language.allCases.enumerated().allSatisfy { $0.offset == $0.element.position })
        #expect(!decoded.deferredSentences.isDecoded && !decoded.deferredAlignment.isDecoded)
        #expect(decoded.texts.values.allSatisfy { !$0.deferredParagraphs.isDecoded })
        // Copies share the decoding; a change stays in its copy.
        let copy = decoded
        #expect(copy.sentences == release.sentences && copy.alignment == release.alignment)
        #expect(decoded.deferredSentences.isDecoded && decoded.texts[.albanian]?.deferredParagraphs.isDecoded == true)
        var changed = decoded
        changed.sentences[.albanian]?[1] = ["Pesë"]
        changed.texts[.english]?.paragraphs.append("Three.")
        #expect(decoded == release && changed != release)
        #expect(changed.sentences[.albanian]?[1] == ["Pesë"] && decoded.sentences[.albanian]?[1] == ["Katër"])
        // Counts follow changes.
        changed.sentences[.english] = [["One."], ["Two.", "Three."], ["Four."]]
        #expect(changed.sentenceCount(in: .english) == 4 && changed.texts[.english]?.paragraphCount == 2)
    }

    @Test func aSentenceCutInsideACharacterIsRejectedBeforeDecoding() {
        /// A release whose one paragraph "ëa b" is cut into pieces of these UTF-8 lengths.
        func encoded(cuts: [Int]) -> [UInt8] {
            var writer = ReleaseBinary.Writer()
            writer.byte(ReleaseBinary.version)
            writer.string("cut")
            writer.string("draft")
            writer.optional(nil)
            writer.bool(false)
            writer.optional(nil)
            writer.count(1)
            writer.string("sq")
            writer.string("T")
            writer.strings(["ëa b"])
            writer.count(1)
            writer.string("sq")
            writer.count(1)
            writer.bool(true)
            writer.count(cuts.count)
            for cut in cuts { writer.count(cut) }
            writer.bool(false)
            writer.bool(false)
            for _ in 0..<4 { writer.optional(nil) }
            writer.count(0)
            return writer.bytes
        }
        #expect(ReleaseBinary.decode(encoded(cuts: [3, 1]))?.sentences == [.albanian: [["ëa", "b"]]])
        // "ë" is two bytes: a cut after the first is inside it.
        #expect(ReleaseBinary.decode(encoded(cuts: [1, 3])) == nil)
        #expect(ReleaseBinary.decode(encoded(cuts: [3, 2])) == nil)
    }
}
