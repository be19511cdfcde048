import Testing
@testable import UraTerminology

/// The tokenizer's ASCII fast path gives what the Unicode path gives: forms, capitals, offsets.
@Suite struct TokenizerTests {
    func summary(_ text: String) -> [String] {
        Tokenizer.tokens(text).map { "\($0.form)\($0.isUppercase ? "^" : "")@\($0.start)-\($0.end)" }
    }

    @Test func asciiWordsKeepCapitalsPossessivesAndOffsets() {
        #expect(summary("IOM's UN, Migrants' asylum-seeker 5,700") ==
                ["iom's^@0-5", "un^@6-8", "migrants'@10-19", "asylum@20-26", "seeker@27-33", "5@34-35", "700@36-39"])
        #expect(summary("IOM'S x2 A1") == ["iom's^@0-5", "x2@6-8", "a1^@9-11"])
    }

    @Test func crlfIsOneCharacter() {
        #expect(summary("UN\r\nIOM") == ["un^@0-2", "iom^@3-6"])
    }

    @Test func nonASCIIWordsAreNormalisedAndLowercased() {
        #expect(summary("AZILKËRKUESIT Azilke\u{0308}rkuesit çka UN’s") ==
                ["azilkërkuesit^@0-13", "azilkërkuesit@14-27", "çka@28-31", "un's^@32-36"])
    }
}
