import Foundation
import Testing
@testable import UraIngest
import UraCore
import UraICU

/// Datelines in the shapes the seed pages use, and some they do not.
@Suite struct DatelineTests {
    struct Case: Sendable, CustomStringConvertible {
        let text: String
        let place: String?
        let date: String?
        let hasYear: Bool
        var description: String { text }
    }

    static let cases: [Case] = [
        Case(text: "Tirana 5 November 2018: IOM Albania in cooperation", place: "Tirana", date: "2018-11-05", hasYear: true),
        Case(text: "Tiranë, 5 Nëntor 2018: Zyra e IOM në Shqipëri", place: "Tiranë", date: "2018-11-05", hasYear: true),
        Case(text: "Tiranë, 5 nëntor 2018: zyra", place: "Tiranë", date: "2018-11-05", hasYear: true),
        Case(text: "Tirane, 5 Nentor 2018: Zyra e IOM ne Shqiperi", place: "Tirane", date: "2018-11-05", hasYear: true),
        Case(text: "Kapshtica, October 29, 2019:\u{00A0}Having the rights", place: "Kapshtica", date: "2019-10-29", hasYear: true),
        Case(text: "Milan, October 21, 2019: IOM Diaspora Programme", place: "Milan", date: "2019-10-21", hasYear: true),
        Case(text: "18 December, Tirana, Albania – The International Organization", place: "Tirana", date: "--12-18", hasYear: false),
        Case(text: "Albania, 18-19 June 2024 – Laura Lungarotti", place: "Albania", date: "2024-06-18", hasYear: true),
        Case(text: "Gjenevë, 30 Korrik 2019: — Pamje që mbeten", place: "Gjenevë", date: "2019-07-30", hasYear: true),
        Case(text: "Shkodër, 3 dhjetor 2020: Në qytet", place: "Shkodër", date: "2020-12-03", hasYear: true),
        Case(text: "Throughout March 2024, IOM has been actively engaged", place: nil, date: "2024-03-01", hasYear: true),
    ]

    @Test(arguments: cases) func readsDateline(_ example: Case) throws {
        let found = try #require(DatelineParser().parse(example.text))
        if example.place != nil { #expect(found.writtenPlace == example.place) }
        #expect((found.year != nil) == example.hasYear)
        let date = found.date(year: found.year).map(\.description) ?? String(format: "--%02d-%02d", found.month, found.day)
        #expect(date == example.date)
    }

    @Test func sentencesWithDatesAreNotDatelines() {
        for text in [
            "On March 12, we had the pleasure of welcoming representatives of the Canadian Embassy in Italy.",
            "Information sessions were organized on 28-30 August 2019 in Gjirokastra Region: communities near Kakavija.",
            "The centre was opened on October 29, 2019 in Kapshtica, Albania, close to the Border Crossing Point.",
            "Mesazh nga António Vitorino, Drejtor i Përgjithshëm",
        ] {
            #expect(DatelineParser().parse(text) == nil, "\(text)")
        }
    }

    @Test func placesInEnglish() {
        let albanian: [(String, String)] = [
            ("Tiranë", "Tirana"), ("Tirane", "Tirana"), ("Gjenevë", "Geneva"), ("Shkodër", "Shkodra"), ("Shkodra", "Shkodra"),
            ("Gjirokastër", "Gjirokastra"), ("Korçë", "Korca"), ("Vlorë", "Vlora"), ("Durrës", "Durres"), ("Bruksel", "Brussels"),
            ("Kapshticë", "Kapshtica"), ("Shqipëri", "Albania"),
        ]
        for (written, english) in albanian {
            #expect(PlaceNames.english(written, language: .albanian) == english, "\(written)")
        }
        #expect(PlaceNames.english("Milan", language: .english) == "Milan")
        #expect(PlaceNames.english("Kapshtica", language: .english) == "Kapshtica")
    }

    @Test func missingYearIsInferredAndMarked() throws {
        let page = """
            Opening of the new centre in Durrës

            12 March, Durrës – The centre opened today. It continues the 2021 programme and prepares for 2023.
            """
        let result = try Ingester().ingest(pages: [("inbox/page.txt", page)])
        let release = try #require(result.releases.first)
        #expect(release.release.dateline.date?.description == "2021-03-12")
        #expect(release.release.dateline.dateInferred)
        #expect(release.release.dateline.place == "Durres", "the table knows Durrës, even in an English dateline")
        let bundle = Corpus.render(release.release, language: .english, text: try #require(release.release.texts[.english]))
        #expect(bundle.contains("date_inferred: true\n"))
    }

    @Test func missingYearComesFromThePagesReleasesNotItsNavigation() throws {
        let page = """
            - 2030 Agenda
            - 2030 Agenda
              • Workshop on return
                18 December, Tirana, Albania – The workshop gathered partners.
              • Centre opened
                Kapshtica, October 29, 2019: The centre opened today.
            """
        let result = try Ingester().ingest(pages: [("inbox/list.txt", page)])
        let workshop = try #require(result.releases.first)
        #expect(workshop.release.dateline.date?.description == "2019-12-18")
        #expect(workshop.release.dateline.dateInferred)
        #expect(result.releases.last?.release.dateline.dateInferred == false)
        #expect(result.dropped.map(\.reason) == [.navigation, .navigation])
    }
}
