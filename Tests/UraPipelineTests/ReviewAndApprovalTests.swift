import Foundation
import Testing
import UraCore
import UraICU
import UraTestSupport
@testable import UraPipeline

/// The whole pipeline on a copy of the bundled corpus: review material, the approval gate, and a
/// build whose publish step puts approved releases only on the site.
@Suite struct ReviewAndApprovalTests {
    /// A copy of the corpus with a configuration pointing into the same temporary folder.
    private func workspace() throws -> (root: String, config: String) {
        let root = try Fixtures.temporaryDirectory("ura-build")
        let corpus = Corpus(directory: root + "/corpus")
        for release in try Corpus(directory: Fixtures.corpus).loadAll() { try corpus.write(release) }
        let config = root + "/ura.yaml"
        try """
            corpus: corpus
            output: public
            review: review
            cache: cache
            xslt: \(Fixtures.packageRoot)/xslt
            glossaries: [\(Fixtures.packageRoot)/glossaries/migration.tbx]
            """.write(toFile: config, atomically: true, encoding: .utf8)
        return (root, config)
    }

    @Test func buildWritesReviewMaterialThatValidates() throws {
        let (root, config) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Run.ura(["build", "--config", config])
        #expect(result.status == 0, "\(result.stderr)")
        let bilingual = root + "/review/2018-11-05-roundtable-with-albanian-government-institutions-on-the"
        let tmx = bilingual + "/2018-11-05-roundtable-with-albanian-government-institutions-on-the.tmx"
        for (validator, file) in [("validate-html", bilingual + "/alignment.html"), ("validate-html", bilingual + "/qa.html"),
                                  ("validate-html", root + "/review/index.html"), ("validate-tmx", tmx)] {
            let check = try Run.program(Fixtures.validators + "/" + validator, [file])
            #expect(check.status == 0, "\(validator) \(file): \(check.stdout)")
        }
        // The TMX pairs the four sentences of the one bilingual paragraph.
        #expect(try Fixtures.text(tmx).components(separatedBy: "<tu ").count - 1 == 4)
        let index = try Fixtures.text(root + "/review/index.html")
        #expect(index.contains("2019-10-29-new-registration-and-temporary-accommodation-centre-for"))
        // A rebuild rewrites only the review index; an edited release gets its files again.
        let again = try Run.ura(["build", "--config", config, "--json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(summary["files_written"] as? Int == 1)
        let corpus = Corpus(directory: root + "/corpus")
        var edited = try corpus.load("2018-11-05-roundtable-with-albanian-government-institutions-on-the")
        edited.texts[.english]?.paragraphs.append("IOM will publish the report in December.")
        try corpus.write(edited)
        let third = try Run.ura(["build", "--config", config, "--json"])
        let thirdSummary = try #require(try JSONSerialization.jsonObject(with: Data(third.stdout.utf8)) as? [String: Any])
        #expect(thirdSummary["files_written"] as? Int == 4)
        #expect(try Fixtures.text(bilingual + "/alignment.html").contains("IOM will publish the report in December."))
        // Nothing is approved in the bundled corpus: the site has no release page.
        #expect(!FileManager.default.fileExists(atPath: root + "/public/en/2018-11-05-roundtable-with-albanian-government-institutions-on-the.html"))
    }

    @Test func approvalIsGatedByTheTerminologyCheckAndThenPublished() throws {
        let (root, config) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corpus = Corpus(directory: root + "/corpus")
        // A release whose Albanian side uses a deprecated term ("migrant i paligjshëm").
        let id = "2024-02-01-irregular-migrants"
        try corpus.write(PressRelease(id: id, status: .inReview, dateline: .init(place: "Tirana", date: .init(year: 2024, month: 2, day: 1)),
            texts: [.english: .init(title: "Irregular migrants", paragraphs: ["IOM assisted 40 irregular migrants in Kapshtica."]),
                    .albanian: .init(title: "Migrantët e parregullt", paragraphs: ["IOM ndihmoi 40 migrantë të paligjshëm në Kapshticë."])]))
        let environment = ["SOURCE_DATE_EPOCH": "1706745600"]
        let refused = try Run.program(Run.uraPath, ["approve", id, "--by", "Ana", "--corpus", root + "/corpus",
                                                    "--glossary", Fixtures.packageRoot + "/glossaries/migration.tbx"], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("deprecated term 'migrantë të paligjshëm'"), "\(refused.stderr)")
        #expect(try corpus.load(id).status == .inReview)

        let overridden = try Run.program(Run.uraPath, ["approve", id, "--by", "Ana", "--override", "quoting a minister",
                                                       "--corpus", root + "/corpus",
                                                       "--glossary", Fixtures.packageRoot + "/glossaries/migration.tbx"], environment: environment)
        #expect(overridden.status == 0, "\(overridden.stderr)")
        let approved = try corpus.load(id)
        #expect(approved.status == .approved)
        #expect(approved.provenance.overrideReason == "quoting a minister")

        let built = try Run.ura(["build", "--config", config])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: root + "/public/sq/\(id).html"))
        #expect(try Fixtures.text(root + "/public/feeds/sq.xml").contains("Migrantët e parregullt"))
        // Drafts and releases in review stay off the site.
        #expect(!(try Fixtures.text(root + "/public/feeds/en.xml")).contains("Roundtable"))
    }
}
