import Testing
import UraCore
@testable import UraTerminology

@Suite struct MorphologyTests {
    /// Whether two word forms of `language` share a match key.
    static func meet(_ language: Language) -> (String, String) -> Bool {
        let morphology = Morphology.shared(language)
        return { !morphology.keys($0).isDisjoint(with: morphology.keys($1)) }
    }

    @Test func hunspellStemsAlbanianAndEnglishWhenInstalled() throws {
        let albanian = try #require(Hunspell(name: "sq_AL"), "install myspell-sq (make test does)")
        #expect(albanian.stems("qeverisjen").contains("qeverisje"))
        #expect(albanian.stems("migrantëve").isEmpty)  // Hunspell does not know `migrant`: Ura's rules do.
        let english = try #require(Hunspell(name: "en_US"), "install hunspell-en-us (make test does)")
        #expect(english.stems("countries").contains("country"))
        #expect(Hunspell(name: "xx_XX") == nil)
    }

    @Test func albanianKeysMeetAcrossInflection() {
        let meet = Self.meet(.albanian)
        #expect(meet("qeverisja", "qeverisjes"))
        #expect(meet("migrant", "migrantëve"))
        #expect(meet("leje", "lejet"))
        #expect(meet("kufirit", "kufijve"))
        #expect(!meet("azil", "azilkërkues"))
        #expect(!meet("migrant", "migracion"))
        #expect(!meet("migrant", "emigrant"))
    }

    @Test func englishDerivationsStayApart() {
        let meet = Self.meet(.english)
        #expect(meet("permit", "permits"))
        #expect(meet("country", "countries"))
        #expect(meet("migrant", "migrants'"))
        #expect(meet("child", "children"))
        #expect(!meet("application", "applied"))
        #expect(!meet("foreigner", "foreign"))
        #expect(!meet("readmission", "admission"))
    }
}
