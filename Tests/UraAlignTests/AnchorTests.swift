import Testing
@testable import UraAlign

/// Anchors that survive translation, on words from the development documents.
@Suite struct AnchorTests {
    private func key(_ word: String) -> String {
        let token = Tokenizer.tokens(word)[0]
        return token.isNumber ? AnchorExtractor.numberKey(token.text) : AnchorExtractor.nameKey(token.text)
    }

    @Test func numbersMatchAcrossLocales() {
        #expect(key("5,700") == key("5.700"))
        #expect(key("1.5") == key("1,5"))
        #expect(key("5.30pm") == key("5:30"))
        #expect(key("2018") != key("2019"))
    }

    @Test func namesMatchDespiteAlbanianCaseEndings() {
        #expect(key("Trump") == key("Trumpit"))
        #expect(key("NATO-s") == key("NATO"))
        #expect(key("Tiranë") == key("Tirana"))
        #expect(key("BE") != key("EU"))
    }

    @Test func sentenceInitialWordsAreNotNames() throws {
        let sentences = ["The attack occurred near the beach.", "Trump said the attack was terrible."].map(Tokenizer.tokens)
        let extractor = AnchorExtractor(sentences: sentences)
        var table = AnchorTable()
        let first = extractor.anchors(sentences[0], table: &table), second = extractor.anchors(sentences[1], table: &table)
        #expect(first.filter { table.kinds[$0] == .name }.isEmpty)
        #expect(second.filter { table.kinds[$0] == .name } == [try #require(table.existing("@trum"))])
        // Long lower-case words are cognate candidates: `attack` here, `atak` in Albanian would not match.
        #expect(table.existing("~attac") != nil)
    }

    @Test func headingsAreOneSentenceWithoutFinalPunctuation() {
        let document = DocumentFeatures(
            english: [["Shark injures 13-year-old on lobster dive in California"], ["The attack occurred just before 7 a.m."],
                      ["\"I yelled at everyone to get out of the water!\""]],
            albanian: [["Peshkaqeni plagos 13-vjeçarin"]])
        #expect(document.en.paragraphs.map(\.isHeading) == [true, false, false])
        #expect(document.sq.paragraphs[0].isHeading)
    }

    @Test func lexiconMatchesInflectedForms() {
        let lexicon = BilingualLexicon(["irregular migration": ["migracion i parregullt"]])
        let matcher = LexiconMatcher(lexicon.patterns)
        let english = Tokenizer.tokens("Irregular migrations rose.").map { Tokenizer.fold($0.text) }
        let albanian = Tokenizer.tokens("Rritja e migracionit të parregullt.").map { Tokenizer.fold($0.text) }
        #expect(matcher.keys(in: english, english: true) == ["L:irregul migrati"])
        #expect(matcher.keys(in: albanian, english: false) == ["L:irregul migrati"])
    }
}
