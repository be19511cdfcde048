import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraPublish

/// `ura approve`, `ura status` and `ura publish` as a user runs them, on a copy of the corpus.
@Suite struct CommandTests {
    let folder: String
    let corpus: String

    init() throws {
        folder = try Fixtures.temporaryDirectory("ura-cli")
        corpus = folder + "/corpus"
        try FileManager.default.copyItem(atPath: Fixtures.corpus, toPath: corpus)
    }

    func ura(_ arguments: [String]) throws -> ProcessResult {
        try Run.program(Run.uraPath, arguments, directory: Fixtures.packageRoot, environment: ["SOURCE_DATE_EPOCH": "1763913600"])
    }

    @Test func approveRecordsWhoAndWhenInBothFiles() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try ura(["approve", PublishFixtures.bilingualID, "--by", "Ana Hoxha", "--corpus", corpus])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(PublishFixtures.bilingualID): approved by Ana Hoxha at 2025-11-23T16:00:00Z\n")
        for language in ["en", "sq"] {
            let text = try Fixtures.text("\(corpus)/\(PublishFixtures.bilingualID)/index.\(language).md")
            #expect(text.contains("status: approved\ndraft: false\n"))
            #expect(text.contains("approved_by: Ana Hoxha\napproved_at: 2025-11-23T16:00:00Z\n"))
        }
        #expect(try Fixtures.text("\(corpus)/\(PublishFixtures.bilingualID)/index.sq.md").contains("title_note:"), "unknown keys kept")
        let status = try ura(["status", "--corpus", corpus])
        #expect(status.stdout.hasPrefix("approved (1)\n  \(PublishFixtures.bilingualID)  en sq  by Ana Hoxha at 2025-11-23T16:00:00Z\nin-review (0)\ndraft (2)\n"))
    }

    @Test func approveFailsClearly() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let unknown = try ura(["approve", "2099-01-01-nothing", "--by", "Ana", "--corpus", corpus])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "ura: \(corpus): no release '2099-01-01-nothing' in the corpus\n")
        let noName = try ura(["approve", PublishFixtures.bilingualID, "--by", " ", "--corpus", corpus])
        #expect(noName.status == 2)
        let badEpoch = try Run.program(Run.uraPath, ["approve", PublishFixtures.bilingualID, "--by", "Ana", "--corpus", corpus],
                                       environment: ["SOURCE_DATE_EPOCH": "soon"])
        #expect(badEpoch.status == 2)
        #expect(badEpoch.stderr.contains("SOURCE_DATE_EPOCH"))
    }

    @Test func publishWritesTheSiteOfApprovedReleasesOnly() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try ura(["approve", PublishFixtures.englishOnlyID, "--by", "Ana", "--corpus", corpus])
        let result = try ura(["publish", "--corpus", corpus, "--out", folder + "/public/", "--base-url", "https://press.example.org"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("published 1 release: 9 files in \(folder)/.public."))
        #expect(result.stdout.contains("\(PublishFixtures.englishOnlyID): English only (no Albanian text)"))
        let feed = try Fixtures.text(folder + "/public/feeds/en.xml")
        #expect(feed.contains("Kapshtica") && !feed.contains("Roundtable"))
        #expect(feed.contains("<lastBuildDate>Sun, 23 Nov 2025 16:00:00 +0000</lastBuildDate>"), "SOURCE_DATE_EPOCH is the build date")
    }

    @Test func publishReportsABrokenStylesheetOnOneLine() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let xslt = try PublishFixtures.stylesheetCopy()
        defer { try? FileManager.default.removeItem(atPath: xslt) }
        try "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n<oops>\n</xsl:stylesheet>\n"
            .write(toFile: xslt + "/broken.xsl", atomically: true, encoding: .utf8)
        let result = try ura(["publish", "--corpus", corpus, "--out", folder + "/public", "--xslt", xslt])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("ura: \(xslt)/broken.xsl:3: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder + "/public"))
    }

    @Test(.enabled(if: PublishFixtures.fopInstalled, "needs Apache FOP (validate-fo installs it)"))
    func publishRendersPDFWithFOP() throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try ura(["approve", PublishFixtures.bilingualID, "--by", "Ana", "--corpus", corpus])
        let result = try ura(["publish", "--corpus", corpus, "--out", folder + "/public", "--pdf"])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/public/print/\(PublishFixtures.bilingualID).pdf"))
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder + "/public/print")).contains { $0.hasSuffix(".tmp") })
        // Same input, same PDF bytes: the build date is FOP's creation date.
        let again = try ura(["publish", "--corpus", corpus, "--out", folder + "/again", "--pdf"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/again/print/\(PublishFixtures.bilingualID).pdf")) == pdf)
    }

    @Test func publishStepRunsInAPipeline() async throws {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let step = try PublishStep.make(["out": folder + "/site", "xslt": PublishFixtures.stylesheets, "build-date": "0"])
        var context = PipelineContext(releases: try PublishFixtures.corpus(approving: [PublishFixtures.bilingualID]))
        try await Pipeline(steps: [step]).run(&context)
        #expect(context.messages.first?.hasPrefix("published 1 release: 12 files") == true)
        #expect(try Fixtures.text(folder + "/site/feeds/sq.xml").contains("<lastBuildDate>Thu, 01 Jan 1970 00:00:00 +0000</lastBuildDate>"))
        #expect(throws: UraError.self) { try PublishStep.make(["build-date": "tomorrow"]) }
    }
}
