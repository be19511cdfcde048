import Testing
@testable import UraIngest
import UraCore
import UraTestSupport

/// Pages that give a release in English and then in Albanian under its own title.
@Suite struct BilingualPageTests {
    @Test func translatedArticleUnderItsOwnTitleIsOneRelease() throws {
        let page = """
            Roundtable on the legal framework of immigration
            Tirana 5 November 2018: IOM Albania organized today a round table on migration.
            It was useful.
            Tryezë e rrumbullakët për kuadrin ligjor të migracionit
            Tiranë, 5 Nëntor 2018: IOM Shqipëri organizoi sot një tryezë për migracionin.
            Ishte e dobishme.
            """
        let result = try Ingester().ingest(pages: [("inbox/bilingual.txt", page)])
        #expect(result.releases.count == 1)
        let release = try #require(result.releases.first)
        #expect(release.release.id == "2018-11-05-roundtable-on-the-legal-framework-of-immigration")
        #expect(release.titles == [.english: "Roundtable on the legal framework of immigration",
                                   .albanian: "Tryezë e rrumbullakët për kuadrin ligjor të migracionit"])
        #expect(release.derivedTitles.isEmpty)
        #expect(release.paragraphs[.english] == ["Tirana 5 November 2018: IOM Albania organized today a round table on migration.", "It was useful."])
        #expect(release.paragraphs[.albanian] == ["Tiranë, 5 Nëntor 2018: IOM Shqipëri organizoi sot një tryezë për migracionin.", "Ishte e dobishme."])
        #expect(release.lines == Array(1...6))
    }

    @Test func twoArticlesOfOneDayInOneLanguageStayApart() throws {
        let page = """
            First meeting on migration
            Tirana 5 November 2018: IOM met the ministry.
            Second meeting on return
            Tirana 5 November 2018: IOM met the municipality.
            """
        let result = try Ingester().ingest(pages: [("inbox/two.txt", page)])
        #expect(result.releases.map(\.release.id) == ["2018-11-05-first-meeting-on-migration", "2018-11-05-second-meeting-on-return"])
    }

    @Test func newsItemWithTranslatedTitle() throws {
        let page = "  • Seminar on return\n\n    Tirana, 3 May 2021: The seminar was held today with partners.\n\n"
            + "    Seminar mbi kthimin dhe riintegrimin\n\n    Tiranë, 3 Maj 2021: Seminari u mbajt sot me partnerët.\n"
        let result = try Ingester().ingest(pages: [("inbox/list.txt", page)])
        let release = try #require(result.releases.first)
        #expect(result.releases.count == 1)
        #expect(release.titles[.albanian] == "Seminar mbi kthimin dhe riintegrimin")
        #expect(release.release.languages == [.english, .albanian])
        #expect(release.release.dateline.place == "Tirana")
        #expect(release.lines == [1, 3, 5, 7])
    }
}
