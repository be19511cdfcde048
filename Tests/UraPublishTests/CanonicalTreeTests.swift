import Foundation
import Testing
import UraCore
import UraICU
import UraTestSupport
import UraXML
@testable import UraPublish

/// The subset reader of Ura's own XML (ParsedDocument's `canonical: true`) builds the tree
/// libxml2's parser builds, and leaves what it does not know to the parser.
@Suite struct CanonicalTreeTests {
    /// Releases with every kind of content a canonical document holds: the bundled corpus, each
    /// align-dev document as a bilingual release with paragraph beads, and one with markup,
    /// escapes and characters that need care.
    static func releases() throws -> [PressRelease] {
        var releases = try PublishFixtures.corpus()
        for (number, document) in try Fixtures.alignDevDocuments().enumerated() {
            var texts: [Language: PressRelease.Text] = [:]
            for language in Language.allCases {
                let paragraphs = Paragraphs.split(try TextInput.read("\(Fixtures.alignDev)/\(document).\(language.code).txt"))
                texts[language] = .init(title: paragraphs.first ?? document, paragraphs: Array(paragraphs.dropFirst()))
            }
            var release = PressRelease(id: "2020-01-\(String(format: "%02d", number % 28 + 1))-\(document)", status: .approved,
                                       dateline: .init(place: "Tirana", date: CalendarDate(year: 2020, month: 1, day: 1)), texts: texts)
            let count = min(texts[.english]?.paragraphs.count ?? 0, texts[.albanian]?.paragraphs.count ?? 0)
            release.alignment = Alignment(paragraphs: (0..<count).map { Bead(en: [$0], sq: [$0], score: 1 / Double($0 + 3)) }, sentences: [])
            releases.append(release)
        }
        releases.append(PressRelease(id: "2021-02-03-marks", status: .approved, dateline: .init(place: "Durrës \"Port\" & <Bay>"), texts: [
            .english: .init(title: "Tom & Jerry's \"<quotes>\" ]]> here", paragraphs: [
                "*Emphasis*, **strong**, `code` and [a link](https://example.org/?a=1&b=2).", "Tabs\tand   spaces, ‘curly’ – dashes … ✓ 👩‍⚕️",
            ]),
            .albanian: .init(title: "Çështje të “migrimit”", paragraphs: ["Ëndrra e një vendi: një paragraf.", "Dy > një & tre < katër."]),
        ]))
        return releases
    }

    @Test func readsEveryCanonicalDocumentAsTheParserDoes() throws {
        let releases = try Self.releases()
        var documents = releases.map { CanonicalXML.documentBytes(for: $0) }
        documents.append(Array(CanonicalXML.collectionParts(entries: releases.map { CanonicalXML.collectionEntryBytes($0)[...] }).joined()))
        documents.append(Array(CanonicalXML.collectionParts(entries: releases.map { CanonicalXML.collectionEntryBytes($0, summary: true)[...] }).joined()))
        #expect(documents.count > 40)
        for bytes in documents {
            let fast = try ParsedDocument(bytes, name: "xml/release.xml", canonical: true)
            let parsed = try ParsedDocument(bytes, name: "xml/release.xml")
            #expect(fast.readAsCanonical && !parsed.readAsCanonical)
            #expect(fast.serialized() == parsed.serialized(), "\(String(decoding: bytes.prefix(200), as: UTF8.self))")
        }
    }

    /// The pages made from a tree the subset reader built are those made from the parsed one.
    @Test func transformsOfBothTreesAreTheSame() throws {
        let html = try Stylesheet(path: PublishFixtures.stylesheets + "/html.xsl")
        let print = try Stylesheet(path: PublishFixtures.stylesheets + "/print.xsl")
        for release in try Self.releases().prefix(12) {
            let bytes = CanonicalXML.documentBytes(for: release)
            let fast = try ParsedDocument(bytes, name: "xml/\(release.id).xml", canonical: true)
            let parsed = try ParsedDocument(bytes, name: "xml/\(release.id).xml")
            for (stylesheet, view) in [(html, "release"), (html, "bilingual"), (print, "print")] {
                let parameters = [(name: "view", value: view), (name: "lang", value: view == "release" ? "sq" : "")]
                #expect(try stylesheet.apply(to: fast, parameterPairs: parameters) == stylesheet.apply(to: parsed, parameterPairs: parameters))
            }
        }
    }

    /// What the subset does not hold goes to libxml2, whose tree (or error) it is.
    @Test func leavesAnythingElseToTheParser() throws {
        let outside = [
            "<?xml version=\"1.0\"?>\n<r/>", "<r><!-- note --></r>", "<r><![CDATA[x]]></r>", "<r>&#169;</r>", "<r>a\r\nb</r>",
            "<r xmlns:p=\"urn:p\"><p:x/></r>", "<r a='1'/>", "<!DOCTYPE r>\n<r/>", "<r><?pi x?></r>", "<r xml:id=\"x\"/>", "<rë/>",
        ]
        for text in outside {
            let fast = try ParsedDocument(Array(text.utf8), name: "x.xml", canonical: true)
            #expect(!fast.readAsCanonical, "\(text)")
            #expect(fast.serialized() == (try ParsedDocument(Array(text.utf8), name: "x.xml")).serialized())
        }
        for broken in ["<r><a></r>", "<r a=\"<\"/>", "<r a=\"1\" a=\"2\"/>", "<r>]]></r>", "<r>&nbsp;</r>", "<r/><s/>", "<r>"] {
            let error = try #require(throws: UraError.self) { try ParsedDocument(Array(broken.utf8), name: "broken.xml", canonical: true) }
            #expect(error.file == "broken.xml" && error.line == 1, "\(broken)")
        }
    }
}
