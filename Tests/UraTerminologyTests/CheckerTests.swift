import Testing
import UraCore
import UraTerminology
import UraTestSupport

@Suite struct CheckerTests {
    static let checker: TerminologyChecker = {
        // Tests run from the package root or elsewhere: load by absolute path.
        (try? Glossary.load(GlossaryTests.migration)).map(TerminologyChecker.init) ?? TerminologyChecker(glossary: Glossary())
    }()

    func rules(_ english: String, _ albanian: String) -> [String] {
        Self.checker.check(TranslationUnit(id: "u1", english: english, albanian: albanian)).map(\.rule)
    }

    @Test(arguments: [
        // The issue's own examples: the term and its inflected forms.
        ("Migration governance matters.", "Qeverisja e migracionit ka rëndësi."),
        ("They discussed migration governance.", "Ata diskutuan qeverisjen e migracionit."),
        ("The challenges of migration governance.", "Sfidat e qeverisjes së migracionit."),
        ("Help for irregular migrants.", "Ndihmë për migrantët e parregullt."),
        ("Irregular migrants were given aid.", "Migrantëve të parregullt iu dha ndihmë."),
        ("A residence permit.", "Leja e qëndrimit."),
        ("Residence permits.", "Lejet e qëndrimit."),
        ("Her residence permit.", "Leja e saj e qëndrimit."),
        ("The asylum seeker's file.", "Dosja e azilkërkuesit."),
        ("ASYLUM SEEKERS", "AZILKËRKUESIT"),
        ("Foreigners' rights", "Të drejtat e të huajve"),
        ("The asylum-seeker", "Azilkërkuesi"),
        ("Remittances rose.", "Remitancat u rritën."),
        ("Asylum seekers (decomposed ë)", "Azilke\u{0308}rkuesit"),
    ])
    func inflectedEquivalentsAreFound(english: String, albanian: String) {
        #expect(rules(english, albanian) == [], "\(english) / \(albanian)")
    }

    @Test func missingTermNamesWhatWasExpected() throws {
        let findings = Self.checker.check(TranslationUnit(id: "u12", english: "Asylum seekers arrived.", albanian: "Kërkuesit e strehimit mbërritën."))
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding == Finding(unit: "u12", rule: "term-missing", severity: .error, side: "sq", term: "asylum seeker",
                                   expected: ["azilkërkues", "kërkues azili"], message: finding.message))
        #expect(finding.message.contains("'Asylum seekers'"))
    }

    @Test func longRunsOfArticlesNeitherCrashNorMatch() {
        let articles = Array(repeating: "e", count: 50_000).joined(separator: " ")
        #expect(rules("A residence permit.", "Leja \(articles) qëndrimit.") == ["term-missing"])
    }

    @Test func partialMatchesAreNotTerms() {
        // "residence" alone is not "residence permit"; "Kim Jong Un" is not the UN; "foreign" is not "foreigner".
        #expect(rules("The residence of the ambassador.", "Rezidenca e ambasadorit.") == [])
        #expect(rules("Kim Jong Un met the press.", "Kim Jong Un takoi shtypin.") == [])
        #expect(rules("Foreign ministers met.", "Ministrat e jashtëm u takuan.") == [])
        #expect(rules("He applied for asylum.", "Ai aplikoi për azil.") == [])
    }

    @Test func deprecatedTermsAreReportedWithTheirSide() {
        let english = Self.checker.check(TranslationUnit(id: "u", english: "Illegal migrants were returned.", albanian: "Migrantët e parregullt u kthyen."))
        #expect(english.map(\.rule) == ["term-deprecated"])
        #expect(english.first?.side == "en")
        #expect(english.first?.severity == .warning)
        let albanian = Self.checker.check(TranslationUnit(id: "u", english: "Irregular migration rose.", albanian: "Migracioni i paligjshëm u rrit."))
        #expect(albanian.map(\.rule) == ["term-deprecated"])
        #expect(albanian.first?.side == "sq")
        #expect(albanian.first?.expected == ["migracion i parregullt", "migrim i parregullt"])
    }

    @Test func missingDiacriticsAreNotMissingTerms() {
        #expect(rules("The International Organization for Migration", "Organizata Nderkombetare per Migracionin") == ["diacritics"])
        #expect(rules("Asylum seekers", "Azilkerkuesit") == ["diacritics"])
    }

    @Test func unconfirmedTermsGiveWarnings() {
        let findings = Self.checker.check(TranslationUnit(id: "u", english: "An immigrant arrived.", albanian: "Një emigrant mbërriti."))
        #expect(findings.map(\.rule) == ["term-missing"])
        #expect(findings.first?.severity == .warning)
    }

    @Test func untranslatedAndIdenticalText() {
        #expect(rules("IOM works on diaspora policy.", "") == ["untranslated"])
        #expect(rules("", "Një paragraf.") == ["source-missing"])
        #expect(rules("The meeting was held in Tirana today.", "The meeting was held in Tirana today.") == ["target-identical"])
        #expect(rules("IOM Development Fund", "IOM Development Fund") == [])
        #expect(rules("The meeting was held in Tirana today with our partners.", "The meeting were held in Tirana with the partners.") == ["untranslated"])
        #expect(rules("The office of IOM in Tirana opened.", "Zyra e IOM në Tiranë u hap (IOM Office in Tirana).") == [])
    }

    @Test func releaseUnitsPairParagraphsByIndexWithoutAnAlignment() throws {
        let corpus = Corpus(directory: Fixtures.corpus)
        let release = try corpus.load("2018-11-05-roundtable-with-albanian-government-institutions-on-the")
        let units = UnitReader.units(of: release)
        #expect(units.first?.id == "title")
        #expect(units.dropFirst().map(\.id) == (1...units.count - 1).map { "p\($0)" })
        var aligned = release
        aligned.alignment = Alignment(paragraphs: [Bead(en: [0], sq: [0], score: 1)], sentences: [])
        #expect(UnitReader.units(of: aligned).map(\.id) == ["title", "p1"])
    }
}
