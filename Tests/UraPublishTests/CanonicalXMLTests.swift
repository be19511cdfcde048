import Foundation
import Testing
import UraCore
import UraTestSupport
import UraXML
@testable import UraPublish

@Suite struct CanonicalXMLTests {
    let schema: RelaxNGSchema

    init() throws {
        schema = try RelaxNGSchema(path: PublishFixtures.schema)
    }

    /// Scores are written as C's `%.3f` writes them, ties (exact halves, rounded to even) and all:
    /// every thousandth and the doubles right around it, exact halves, and values spread in between.
    @Test func scoresAreWrittenAsPrintfWritesThem() throws {
        var scores: [Double] = [0, 1, 0.0625, 0.0005, 0.0015, 0.1235, 0.9995, 0.5, 1e-300, 0.999_999_999]
        for thousandth in 0...1000 {
            let value = Double(thousandth) / 1000
            scores += [value, value.nextUp, value.nextDown, value + 0.0005, (value + 0.0005).nextUp, (value + 0.0005).nextDown]
        }
        // And 20,000 spread over [0, 1] (the golden ratio's multiples, so every run checks the same).
        for index in 0..<20_000 { scores.append((Double(index) * 0.618_033_988_749_895).truncatingRemainder(dividingBy: 1)) }
        for score in scores where (0...1).contains(score) {
            #expect(CanonicalXML.scoreText(score) == String(format: "%.3f", score), "\(score)")
        }
    }

    @Test func bilingualReleaseIsValidAndComplete() throws {
        let release = try Corpus(directory: Fixtures.corpus).load(PublishFixtures.bilingualID)
        let xml = CanonicalXML.document(for: release)
        try schema.validate(Array(xml.utf8), name: "release.xml")
        let root = try XMLParser.parse(Array(xml.utf8), file: "release.xml")
        #expect(root.namespace == CanonicalXML.namespace)
        #expect(root.attribute("id") == PublishFixtures.bilingualID)
        #expect(root.attribute("status") == "in-review")
        #expect(root.element("dateline")?.attribute("date") == "2018-11-05")
        #expect(root.element("dateline")?.attribute("place") == "Tirana")
        let texts = root.elements("text")
        #expect(texts.compactMap { $0.attribute("xml:lang") } == ["en", "sq"])
        #expect(texts[1].element("title")?.text.hasPrefix("Tryezë e rrumbullakët") == true)
        #expect(texts[1].element("p")?.attribute("id") == "sq-p1")
        #expect(texts[1].element("p")?.text.contains("“Mbështetje për hartimin") == true)
        #expect(root.element("alignment") == nil, "no alignment until the align step has run")
    }

    @Test func alignmentBecomesBeadsAndBadBeadsAreDropped() throws {
        var release = try Corpus(directory: Fixtures.corpus).load(PublishFixtures.bilingualID)
        release.alignment = Alignment(paragraphs: [Bead(en: [0], sq: [0], score: 0.93), Bead(en: [4], sq: [], score: 0.5)],
                                      sentences: [])
        let xml = CanonicalXML.document(for: release)
        try schema.validate(Array(xml.utf8), name: "aligned.xml")
        let beads = try XMLParser.parse(Array(xml.utf8), file: "aligned.xml").descendants("bead")
        #expect(beads.count == 1)
        #expect(beads.first?.attribute("en") == "en-p1")
        #expect(beads.first?.attribute("sq") == "sq-p1")
        #expect(beads.first?.attribute("score") == "0.930")
    }

    @Test func collectionIsNewestFirstAndValid() throws {
        let releases = try Corpus(directory: Fixtures.corpus).loadAll()
        let xml = CanonicalXML.collection(releases)
        try schema.validate(Array(xml.utf8), name: "collection.xml")
        let ids = try XMLParser.parse(Array(xml.utf8), file: "collection.xml").elements("release").compactMap { $0.attribute("id") }
        #expect(ids == [PublishFixtures.draftID, PublishFixtures.englishOnlyID, PublishFixtures.bilingualID])
    }

    @Test func hostileTitleRoundTrips() throws {
        let title = "Migrants <b>&</b> \"quotes\" & 'apostrophes' < >"
        let release = PressRelease(id: "2026-01-01-hostile", status: .approved,
                                   texts: [.english: .init(title: title, paragraphs: ["A <script>x</script> & *y*"])])
        let xml = CanonicalXML.document(for: release)
        try schema.validate(Array(xml.utf8), name: "hostile.xml")
        let root = try XMLParser.parse(Array(xml.utf8), file: "hostile.xml")
        #expect(root.element("text")?.element("title")?.text == title)
        #expect(root.element("text")?.element("p")?.text == "A <script>x</script> & y")
    }

    @Test func schemaRejectsWhatIsNotTheVocabulary() throws {
        let missingTitle = "<release xmlns='urn:x-ura:release:1' id='x' status='approved'><text xml:lang='en'><p id='en-p1'>a</p></text></release>"
        let error = try #require(throws: UraError.self) { try schema.validate(Array(missingTitle.utf8), name: "bad.xml") }
        #expect(error.file == "bad.xml")
        #expect(error.line == 1)
        let badStatus = "<release xmlns='urn:x-ura:release:1' id='x' status='published'/>"
        #expect(throws: UraError.self) { try schema.validate(Array(badStatus.utf8), name: "bad.xml") }
        #expect(throws: UraError.self) { try schema.validate(Array("<release/>".utf8), name: "bad.xml") }
    }
}
