import Foundation
import Testing
import UraCore
import UraICU
import UraTestSupport
@testable import UraPublish

/// Every output of the bundled corpus (two releases approved in memory) through the shared
/// validators, run as programs.
@Suite(.serialized) struct ValidatorTests {
    static let site: Result<(folder: String, files: [String]), any Error> = Result {
        let folder = try Fixtures.temporaryDirectory("ura-validate")
        let report = try Publisher.publish(try PublishFixtures.corpus(), options: PublishFixtures.options(out: folder + "/public"))
        return (folder + "/public", report.files)
    }

    func files(_ suffix: String) throws -> [String] {
        let site = try Self.site.get()
        return site.files.filter { $0.hasSuffix(suffix) }.map { site.folder + "/" + $0 }
    }

    func validate(_ tool: String, _ arguments: [String]) throws -> ProcessResult {
        try Run.program(Fixtures.validators + "/" + tool, arguments)
    }

    @Test func feedsPassValidateRSS() throws {
        let feeds = try files(".xml").filter { $0.contains("/feeds/") }
        #expect(feeds.count == 2)
        let result = try validate("validate-rss", feeds)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("rss: 0 errors"))
        #expect(!result.stdout.contains("bozo"))
    }

    @Test func aBrokenFeedFailsValidateRSS() throws {
        let feed = try #require(try files(".xml").first { $0.hasSuffix("feeds/sq.xml") })
        let broken = try String(contentsOfFile: feed, encoding: .utf8)
            .replacingOccurrences(of: "+0000</pubDate>", with: "</pubDate>")
            .replacingOccurrences(of: "Mon, ", with: "Hën, ")
        let folder = try Fixtures.temporaryDirectory("ura-bad-feed")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try broken.write(toFile: folder + "/sq.xml", atomically: true, encoding: .utf8)
        let result = try validate("validate-rss", [folder + "/sq.xml"])
        #expect(result.status != 0, "\(result.stdout)")
    }

    @Test func pagesPassValidateHTML() throws {
        let pages = try files(".html")
        #expect(pages.count == 10)
        let result = try validate("validate-html", pages)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("html: 0 errors, 0 warnings"), "\(result.stdout)")
    }

    @Test func printPassesValidateFO() throws {
        let print = try files(".fo")
        #expect(print.count == 2)
        let bilingual = try #require(print.first { $0.contains(PublishFixtures.bilingualID) })
        let englishOnly = try #require(print.first { $0.contains(PublishFixtures.englishOnlyID) })
        for (file, phrases) in [(bilingual, ["Tryezë e rrumbullakët", "Tiranë, 5 nëntor 2018", "Page 1 of 2"]),
                                (englishOnly, ["Kapshtica, 29 October 2019", "Page 1 of 1"])] {
            let result = try validate("validate-fo", phrases.flatMap { ["--expect", $0] } + [file])
            #expect(result.status == 0, "\(result.stdout)")
            #expect(result.stdout.contains("fo: 0 errors, 0 warnings"), "\(result.stdout)")
        }
    }

    @Test func aHostileTitlePassesEveryValidator() throws {
        let title = "Migrants <b>&</b> \"quoted\" & 'single'"
        let release = PressRelease(
            id: "2026-01-02-migrants-b-quoted", status: .approved,
            dateline: .init(place: "Tirana", date: CalendarDate(iso: "2026-01-02")),
            texts: [.english: .init(title: title, paragraphs: ["Body with <i>tags</i> & [a link](https://example.org/?a=1&b=2)."]),
                    .albanian: .init(title: "Migrantët <b>&</b> “në thonjëza”", paragraphs: ["Tekst me ç & <ë>."])])
        let folder = try Fixtures.temporaryDirectory("ura-hostile")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = try Publisher.publish([release], options: PublishFixtures.options(out: folder + "/public"))
        let paths = report.files.map { folder + "/public/" + $0 }
        let rss = try validate("validate-rss", paths.filter { $0.contains("/feeds/") })
        #expect(rss.status == 0, "\(rss.stdout)")
        let html = try validate("validate-html", paths.filter { $0.hasSuffix(".html") })
        #expect(html.status == 0, "\(html.stdout)")
        let fo = try validate("validate-fo", ["--expect", "Migrants <b>&</b> \"quoted\""] + paths.filter { $0.hasSuffix(".fo") })
        #expect(fo.status == 0, "\(fo.stdout)")
    }
}
