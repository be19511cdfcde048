import Testing
import UraTestSupport
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

    /// Texts the scalar path tokenizes gives what the `Character` path gives; texts it cannot
    /// take (combining marks, joiners, emoji, other scripts) go to the `Character` path whole.
    @Test func scalarPathEqualsCharacterPath() throws {
        var texts = ["Ç'KA ËSHTË? Ç'ka është", "naïve CAFÉ façade Ærø ÞORN straße ÿes µm ªb º", "x\u{00AD}y a×b c÷d",
                     "e\u{0308}shte", "UN\u{200D}IOM", "IOM \u{1F600} UN", "5\u{202F}700 – “quoted” ‘it’s’ €5",
                     "Ⅻ ⁱx ¹²", "Ἀθῆναι Київ", "\r\n\r\r\n\n", "’s 's' ''x", "ǅemal ǄEMAL Ǆemal"]
        for document in try Fixtures.alignDevDocuments() {
            for side in ["en", "sq"] { texts.append(try Fixtures.text("\(Fixtures.alignDev)/\(document).\(side).txt")) }
        }
        for text in texts { #expect(Tokenizer.tokens(text) == Tokenizer.characterTokens(text), "\(text.prefix(40))") }
    }

    /// Words lowercased byte by byte get what `lowercased()` gives, capitals judged alike.
    @Test func latin1WordsLowercaseAsUnicodeDoes() {
        for value in 0x30...0x2FF {
            let letter = String(Character(Unicode.Scalar(value)!))
            for word in ["a\(letter)", "A\(letter)", "\(letter)'s", "\(letter)\(letter)", "IOM\(letter)'s"] {
                #expect(Tokenizer.token(utf8: Array(word.utf8), start: 0, end: 2) == Tokenizer.token(word, start: 0, end: 2), "\(word)")
            }
        }
    }
}
