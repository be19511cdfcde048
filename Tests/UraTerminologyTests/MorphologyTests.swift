import Testing
import UraCore
@testable import UraTerminology
import UraTestSupport

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

    /// The suffix rules test endings on bytes for words of scalars below U+0300: on every word of
    /// align-dev and every ending the rules use, that says what `hasSuffix` says.
    @Test func byteEndingsAgreeWithHasSuffixOnRealWords() throws {
        let endings = Morphology.albanianSuffixesAndFolded + ["ies", "es", "s", "ss", "us"]
        #expect(endings.allSatisfy(TextInput.isBelowCombiningMarks))
        var words = Set<String>()
        for document in try Fixtures.alignDevDocuments() {
            for language in ["en", "sq"] {
                let text = try TextInput.read("\(Fixtures.alignDev)/\(document).\(language).txt").lowercased()
                words.formUnion(text.split { !$0.isLetter }.map(String.init))
            }
        }
        let simple = words.filter(TextInput.isBelowCombiningMarks)
        #expect(simple.count > 5_000 && simple.count * 100 > words.count * 99)
        for word in simple {
            for ending in endings {
                #expect(Morphology.bytesEnd(Array(word.utf8), with: Array(ending.utf8)) == word.hasSuffix(ending), "\(word) \(ending)")
            }
            // The Albanian rules cut on bytes: the bases the plain character operations give.
            var plain: Set<String> = []
            for suffix in Morphology.albanianSuffixesAndFolded where word.hasSuffix(suffix) && word.count - suffix.count >= 3 {
                plain.insert(String(word.dropLast(suffix.count)))
            }
            #expect(Morphology.albanianRuleBases(word, simple: true) == plain, "\(word)")
            #expect(Morphology.albanianRuleBases(word, simple: false) == plain, "\(word)")
        }
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
