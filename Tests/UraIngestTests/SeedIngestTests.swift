import Foundation
import Testing
import UraCore
import UraICU
@testable import UraIngest
import UraTestSupport

/// The five real pages in `../shared/seeds`, ingested together as `ura ingest seeds/*` does.
@Suite struct SeedIngestTests {
    static let seedFiles: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.sorted().map { Fixtures.seeds + "/" + $0 }
    }()

    static func seed(_ prefix: String) throws -> String {
        try #require(seedFiles.first { $0.hasSuffix(".txt") && ($0 as NSString).lastPathComponent.hasPrefix(prefix) })
    }

    static func ingestAll() throws -> IngestResult { try Ingester().ingest(files: seedFiles) }

    static func releases(_ result: IngestResult, from prefix: String) throws -> [IngestedRelease] {
        let file = try seed(prefix)
        return result.releases.filter { $0.file == file }
    }

    /// Every non-blank line of every page is in exactly one release or dropped with a reason.
    static func expectNothingLost(_ result: IngestResult, files: [String]) throws {
        for file in files {
            let text = try Fixtures.text(file)
            let nonBlank = Set(text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { !$0.element.allSatisfy(\.isWhitespace) }.map { $0.offset + 1 })
            let used = result.releases.filter { $0.file == file }.flatMap(\.lines)
            let dropped = result.dropped.filter { $0.file == file }.map(\.line)
            #expect(Set(used).count == used.count, "a line used twice in \(file)")
            #expect(Set(used).isDisjoint(with: dropped), "a line both used and dropped in \(file)")
            #expect(Set(used).union(dropped) == nonBlank, "lines lost in \(file): \(nonBlank.subtracting(used).subtracting(dropped).sorted())")
        }
    }

    @Test func nothingIsSilentlyLostTogetherOrPageByPage() throws {
        #expect(Self.seedFiles.count == 5)
        try Self.expectNothingLost(try Self.ingestAll(), files: Self.seedFiles)
        for file in Self.seedFiles {
            try Self.expectNothingLost(try Ingester().ingest(files: [file]), files: [file])
        }
    }

    @Test func newsListBulletsAreSeparateReleases() throws {
        let result = try Self.ingestAll()
        let items = try Self.releases(result, from: "000")
        #expect(items.map { $0.titles.values.first ?? "" } == [
            "Regional Support to Protection-Sensitive Migration Management in the Western Balkans and Turkey",
            "Assisted Voluntary Return and Reintegration (AVRR)",
            "Connect Albania mechanism supports the Diaspora Chamber of Commerce",
            "Albania Diaspora community the best bridge builders for the economic growth of Albania",
            "New Registration and Temporary Accommodation Centre for Migrants in Albania",
            "Albania Diaspora community the best bridge builders for the economic growth of Albania",
            "Engaging the Scientific Albanian Diaspora",
            "Communication and community awareness raising for assistance to vulnerable migrants",
            "Dita Botërore kundër Trafikimit të Qenieve Njerëzore",
        ])
        let kapshtica = try #require(items.first { $0.release.dateline.place == "Kapshtica" })
        #expect(kapshtica.release.id == "2019-10-29-new-registration-and-temporary-accommodation-centre-for")
        #expect(kapshtica.kicker[.english] == "Migrants having access to essential services")
        #expect(kapshtica.complete)

        let milan = try #require(items.first { $0.release.dateline.place == "Milan" })
        #expect(milan.release.dateline.date?.description == "2019-10-21")
        #expect(!milan.complete, "the Milan item is cut off after 'members in Italy to'")
        #expect(milan.paragraphs[.english]?.last?.hasSuffix("members in Italy to") == true)
        #expect(items.filter { !$0.complete }.count == 2, "Milan and the title-only Diaspora Chamber item")

        let albanian = try #require(items.last)
        #expect(albanian.release.languages == [.albanian])
        #expect(albanian.release.dateline.place == "Geneva")
        #expect(albanian.release.dateline.date?.description == "2019-07-30")
        #expect(albanian.paragraphs[.albanian]?.count == 2)

        let undated = items.filter { $0.release.dateline.date == nil }
        #expect(undated.count == 6)
        #expect(undated.allSatisfy { $0.release.id.hasPrefix("undated-") })

        let dropped = result.dropped.filter { $0.file.hasSuffix("000_e01c01d1273744f3.txt") }
        #expect(dropped.map(\.reason) == [.pageHeading, .note, .duplicate])
        #expect(dropped.map(\.text) == ["Latest News on Migration", "[Albanian further below]", "Engaging the Scientific Albanian Diaspora"])
    }

    @Test func articlePagesLoseTheirNavigation() throws {
        let result = try Self.ingestAll()
        for prefix in ["001", "002"] {
            let file = try Self.seed(prefix)
            let dropped = result.dropped.filter { $0.file == file }
            #expect(dropped.count == 15)
            #expect(dropped.allSatisfy { $0.reason == .navigation })
            #expect(dropped.map(\.line) == Array(1...15))
            #expect(dropped.contains { $0.text.hasPrefix("WHO WE AREThe International Organization") })
            #expect(try Self.releases(result, from: prefix).count == 1)
        }
        let march = try #require(try Self.releases(result, from: "001").first)
        #expect(march.release.dateline.date?.description == "2024-03-01")
        #expect(march.dateIsMonth)
        #expect(march.release.dateline.place == nil)
        #expect(march.paragraphs[.english]?.count == 10)
        #expect(march.paragraphs[.english]?.first?.hasPrefix("Throughout March 2024, IOM") == true)

        let visit = try #require(try Self.releases(result, from: "002").first)
        #expect(visit.release.id == "2024-06-18-migration-governance-and-afghan-resettlement-highlights-from")
        #expect(visit.release.dateline.place == "Albania")
        #expect(!visit.release.dateline.dateInferred)
        #expect(visit.paragraphs[.english]?.count == 7)
        #expect(visit.complete)
    }

    @Test func bilingualPageIsOneReleaseWithBothLanguages() throws {
        let result = try Self.ingestAll()
        let releases = try Self.releases(result, from: "003")
        #expect(releases.count == 1)
        let roundtable = try #require(releases.first)
        #expect(roundtable.release.id == "2018-11-05-roundtable-with-albanian-government-institutions-on-the")
        #expect(roundtable.release.languages == [.english, .albanian])
        #expect(roundtable.release.dateline.place == "Tirana")
        #expect(roundtable.paragraphs[.english]?.first?.hasPrefix("Tirana 5 November 2018:") == true)
        #expect(roundtable.paragraphs[.albanian]?.first?.hasPrefix("Tiranë, 5 Nëntor 2018:") == true)
        // The page has no Albanian title: none is reported, one is derived for the bundle.
        #expect(roundtable.titles[.albanian] == nil)
        #expect(roundtable.derivedTitles == [.albanian])
        #expect(roundtable.release.texts[.albanian]?.title.hasPrefix("Zyra e IOM në Shqipëri") == true)
        // The site's blurb before the title is boilerplate: other pages of the run repeat it.
        let dropped = result.dropped.filter { $0.file == roundtable.file }
        #expect(dropped.map(\.reason) == [.boilerplate, .boilerplate])
        // Alone, the page cannot tell boilerplate; the blurb is still dropped, as before the release.
        let alone = try Ingester().ingest(files: [roundtable.file])
        #expect(alone.dropped.map(\.reason) == [.beforeRelease, .beforeRelease])
    }

    @Test func yearlessDatelineTakesItsYearFromContext() throws {
        let releases = try Self.releases(try Self.ingestAll(), from: "004")
        let anniversary = try #require(releases.first)
        #expect(releases.count == 1)
        #expect(anniversary.release.dateline.date?.description == "2024-12-18")
        #expect(anniversary.release.dateline.dateInferred)
        #expect(anniversary.release.dateline.place == "Tirana")
        #expect(anniversary.paragraphs[.english]?.count == 7)
        // The contact line lost its address: the release is not complete.
        #expect(!anniversary.complete)
        #expect(anniversary.paragraphs[.english]?.last == "For more information, please contact Marinela Gremi at")
    }

    @Test func idsAreThoseOfTheHandMadeBundles() throws {
        let ids = Set(try Self.ingestAll().releases.map(\.release.id))
        let corpus = try Corpus(directory: Fixtures.corpus).releaseIDs()
        #expect(corpus.count == 3)
        #expect(Set(corpus).isSubset(of: ids))
        #expect(ids.count == 13)
    }

    @Test func jsonHasTheContractFields() throws {
        let data = Data(try Self.ingestAll().json().utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let releases = try #require(object["releases"] as? [[String: Any]])
        let dropped = try #require(object["dropped"] as? [[String: Any]])
        #expect(releases.count == 13)
        #expect(dropped.count == 35)
        for release in releases {
            for key in ["id", "languages", "title", "date", "place", "paragraphs", "complete"] {
                #expect(release.keys.contains(key), "missing \(key)")
            }
        }
        let roundtable = try #require(releases.first { ($0["id"] as? String)?.hasPrefix("2018-11-05") == true })
        #expect(roundtable["languages"] as? [String] == ["en", "sq"])
        #expect((roundtable["title"] as? [String: String])?.keys.sorted() == ["en"])
        #expect(roundtable["date"] as? String == "2018-11-05")
        let undated = try #require(releases.first { ($0["id"] as? String)?.hasPrefix("undated-") == true })
        #expect(undated["date"] is NSNull)
        #expect(undated["place"] is NSNull)
        #expect(dropped.allSatisfy { $0["reason"] is String && $0["line"] is Int && $0["file"] is String })
        // Same pages, same bytes.
        #expect(try Self.ingestAll().json() == String(decoding: data, as: UTF8.self))
    }
}
