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
        let tmx = bilingual + ".tmx"
        for (validator, file) in [("validate-html", bilingual + ".html"), ("validate-html", root + "/review/index.html"),
                                  ("validate-tmx", tmx)] {
            let check = try Run.program(Fixtures.validators + "/" + validator, [file])
            #expect(check.status == 0, "\(validator) \(file): \(check.stdout)")
        }
        // One review page per release: the alignment, then the terminology findings; no folders.
        let page = try Fixtures.text(bilingual + ".html")
        let terminology = try #require(page.range(of: "<section id=\"terminology\">"))
        #expect(page.range(of: "class=\"bead")?.lowerBound ?? page.endIndex < terminology.lowerBound)
        #expect(page[terminology.lowerBound...].contains("<h2>Terminology check</h2>"))
        let entries = try FileManager.default.contentsOfDirectory(atPath: root + "/review")
        #expect(entries.allSatisfy { $0.hasSuffix(".html") || $0.hasSuffix(".tmx") || $0 == ".digests" })
        // A release without alignment (English only) gets its findings page alone.
        let englishOnly = try Fixtures.text(root + "/review/2019-10-29-new-registration-and-temporary-accommodation-centre-for.html")
        #expect(englishOnly.contains("single-language") && !englishOnly.contains("class=\"bead"))
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
        #expect(thirdSummary["files_written"] as? Int == 3)
        #expect(try Fixtures.text(bilingual + ".html").contains("IOM will publish the report in December."))
        // Nothing is approved in the bundled corpus: the site has no release page.
        #expect(!FileManager.default.fileExists(atPath: root + "/public/en/2018-11-05-roundtable-with-albanian-government-institutions-on-the.html"))
    }

    @Test func anUpdatedReviewIndexIsTheIndexOfAFreshReview() throws {
        let (root, config) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corpus = Corpus(directory: root + "/corpus")
        let id = "2019-10-29-new-registration-and-temporary-accommodation-centre-for"
        var titled = try corpus.load(id)
        titled.texts[.english]?.title = #"A centre in Tirana\Durrës for "new" arrivals"#
        try corpus.write(titled)
        #expect(try Run.ura(["build", "--config", config]).status == 0)
        // Another release edited: the rows of the others come from `.digests`.
        var edited = try corpus.load("2018-11-05-roundtable-with-albanian-government-institutions-on-the")
        edited.texts[.english]?.paragraphs.append("IOM will publish the report in December.")
        try corpus.write(edited)
        #expect(try Run.ura(["build", "--config", config]).status == 0)
        #expect(try Fixtures.text(root + "/review/.digests").contains("\t<tr><td>\(id)</td>"))
        let fresh = root + "/fresh.yaml"
        try """
            corpus: corpus
            output: fresh-public
            review: fresh-review
            cache: ""
            xslt: \(Fixtures.packageRoot)/xslt
            glossaries: [\(Fixtures.packageRoot)/glossaries/migration.tbx]
            """.write(toFile: fresh, atomically: true, encoding: .utf8)
        #expect(try Run.ura(["build", "--config", fresh]).status == 0)
        let updated = try Fixtures.text(root + "/review/index.html")
        #expect(updated == (try Fixtures.text(root + "/fresh-review/index.html")))
        #expect(updated.contains("A centre in Tirana&#92;Durrës for "))
    }

    /// A review page deleted by hand comes back on the next build, though its release did not
    /// change (the folder is listed once per build for the pages it has).
    @Test func aDeletedReviewPageIsWrittenAgain() throws {
        let (root, config) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Run.ura(["build", "--config", config]).status == 0)
        let page = root + "/review/2019-10-29-new-registration-and-temporary-accommodation-centre-for.html"
        let original = try Fixtures.text(page)
        try FileManager.default.removeItem(atPath: page)
        #expect(try Run.ura(["build", "--config", config]).status == 0)
        #expect(try Fixtures.text(page) == original)
    }

    @Test func aDamagedRowInDigestsIsMadeAgain() throws {
        let (root, config) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Run.ura(["build", "--config", config]).status == 0)
        let good = try Fixtures.text(root + "/review/index.html")
        // A byte that is not UTF-8 in the middle of one release's row, the digest left as it was.
        let path = root + "/review/.digests"
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let marker = Array("\t<tr><td>2019-10-29-new-registration".utf8)
        let at = try #require((0...(bytes.count - marker.count)).first { Array(bytes[$0..<($0 + marker.count)]) == marker })
        bytes.insert(0xFF, at: at + marker.count)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try Run.ura(["build", "--config", config]).status == 0)
        #expect(try Fixtures.text(root + "/review/index.html") == good)
        #expect(TextInput.isValidUTF8(Array("Tiranë, Durrës".utf8)[...]))
        #expect(!TextInput.isValidUTF8([0x54, 0xFF, 0x41][...]))
    }

    @Test func anIndexRowIsOneLineWhateverTheTitle() {
        let release = PressRelease(id: "2024-01-01-x", texts: [.english: .init(title: "Tirana\\Durrës\tnew\nline", paragraphs: ["P."])])
        let row = ReviewStep.row(release, flagged: 0, findings: [])
        #expect(!row.contains("\n") && !row.contains("\t") && !row.contains("\\"))
        #expect(row.contains("<td>Tirana&#92;Durrës&#9;new&#10;line</td>"))
    }

    @Test func theEarlierLayoutsFoldersGo() throws {
        let (root, config) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try Run.ura(["build", "--config", config]).status == 0)
        // As an earlier Ura left it: a folder per release, and digests of that layout.
        let id = "2018-11-05-roundtable-with-albanian-government-institutions-on-the"
        try FileManager.default.createDirectory(atPath: "\(root)/review/\(id)", withIntermediateDirectories: true)
        try "old".write(toFile: "\(root)/review/\(id)/alignment.html", atomically: true, encoding: .utf8)
        let digests = try Fixtures.text(root + "/review/.digests").split(separator: "\n").map { "review-1-digest " + $0.split(separator: " ")[1] }
        try (digests.joined(separator: "\n") + "\n").write(toFile: root + "/review/.digests", atomically: true, encoding: .utf8)
        #expect(try Run.ura(["build", "--config", config]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: "\(root)/review/\(id)"))
        #expect(FileManager.default.fileExists(atPath: "\(root)/review/\(id).html"))
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

/// A build killed at any moment leaves the previous site whole and the caches usable: the next
/// build succeeds and equals a clean build.
@Suite struct KilledBuildTests {
    @Test func killingABuildLeavesThePreviousSiteAndAConsistentCache() throws {
        let root = try Fixtures.temporaryDirectory("ura-kill")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let corpus = Corpus(directory: root + "/corpus")
        for var release in try Corpus(directory: Fixtures.corpus).loadAll() {
            release.status = .approved
            release.provenance.approvedBy = "Test"
            release.provenance.approvedAt = "2024-01-01T00:00:00Z"
            try corpus.write(release)
        }
        func config(_ name: String, cache: String) throws -> String {
            let path = root + "/\(name).yaml"
            try """
                corpus: corpus
                output: \(name)-public
                review: \(name)-review
                cache: "\(cache)"
                xslt: \(Fixtures.packageRoot)/xslt
                glossaries: [\(Fixtures.packageRoot)/glossaries/migration.tbx]
                """.write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        let main = try config("main", cache: "cache")
        #expect(try Run.ura(["build", "--config", main, "--quiet"]).status == 0)
        let before = try tree(root + "/main-public")
        #expect(!before.isEmpty)

        // Edit a release, then kill builds at several moments.
        var edited = try corpus.load("2019-10-29-new-registration-and-temporary-accommodation-centre-for")
        edited.texts[.english]?.paragraphs.append("The centre has 120 beds.")
        try corpus.write(edited)
        for delay in [0.02, 0.08, 0.15, 0.25, 0.4] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Run.uraPath)
            process.arguments = ["build", "--config", main, "--quiet"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Whatever the moment, the site is a whole generation: the old one or the new one.
            let site = try tree(root + "/main-public")
            #expect(site.keys.sorted() == before.keys.sorted(), "after a kill at \(delay) s")
            #expect(site["feeds/en.xml"].map { !$0.isEmpty } == true)
        }
        let finished = try Run.ura(["build", "--config", main, "--quiet"])
        #expect(finished.status == 0, "\(finished.stderr)")
        let clean = try Run.ura(["build", "--config", try config("clean", cache: ""), "--quiet"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(try tree(root + "/main-public") == tree(root + "/clean-public"))
        #expect(try tree(root + "/main-public")["en/2019-10-29-new-registration-and-temporary-accommodation-centre-for.html"]?
            .contains("The centre has 120 beds.") == true)
    }

    /// Every file below `folder` (following the site link) by path, as text.
    private func tree(_ folder: String) throws -> [String: String] {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: folder)).map {
            $0.hasPrefix("/") ? $0 : (folder as NSString).deletingLastPathComponent + "/" + $0
        } ?? folder
        var result: [String: String] = [:]
        for path in FileManager.default.enumerator(atPath: target)?.allObjects as? [String] ?? [] {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try String(contentsOfFile: target + "/" + path, encoding: .utf8)
            }
        }
        return result
    }
}
