import Testing
@testable import UraICU

@Suite struct ICUTests {
    @Test func wordBoundariesMarkLettersAndNumbers() throws {
        let iterator = try BreakIterator(.word, locale: "sq")
        let text = "Tiranë, 5.700 migrantë"
        let units = Array(text.utf16)
        let boundaries = try iterator.boundaries(in: units)
        var words: [String] = []
        var start = 0
        for boundary in boundaries {
            if boundary.status != 0 { words.append(String(decoding: units[start..<boundary.offset], as: UTF16.self)) }
            start = boundary.offset
        }
        #expect(words == ["Tiranë", "5.700", "migrantë"])
    }

    @Test func plainICUBreaksAfterAbbreviationsWithInnerDots() throws {
        // The reason Ura corrects ICU (STYLE.md, point 8): ICU 72 splits after "H.E." and "z.".
        let iterator = try BreakIterator(.sentence, locale: "en")
        #expect(try iterator.segments(of: "They met H.E. Mr. Karl Bergner. It went well.").first == "They met H.E. ")
    }

    @Test func normalizesToNFC() throws {
        let decomposed = "Tirane\u{0308}"
        let composed = try Normalizer.normalize(decomposed)
        #expect(composed.unicodeScalars.count == 6)
        #expect(composed.unicodeScalars.last == "ë")
        #expect(try Normalizer.normalize("çështje", to: .nfd).unicodeScalars.count == 9)
    }

    @Test func parsesAlbanianAndEnglishDates() throws {
        let albanian = DateParser(locale: "sq", pattern: "d MMMM y")
        let text = "Tiranë, 5 Nëntor 2018: Zyra"
        let start = Array("Tiranë, ".utf16).count
        let parsed = try #require(try albanian.parse(text, from: start))
        #expect(parsed.date == CalendarDate(year: 2018, month: 11, day: 5))
        #expect(Array(text.utf16)[parsed.end] == UInt16(UInt8(ascii: ":")))
        #expect(try albanian.parse("30 korrik 2019")?.date.description == "2019-07-30")
        let english = DateParser(locale: "en", pattern: "MMMM d, y")
        #expect(try english.parse("October 29, 2019: Having")?.date.description == "2019-10-29")
        #expect(try english.parse("no date here") == nil)
    }

    @Test func readsISODatesOnlyWhenWhole() {
        #expect(CalendarDate(iso: "2018-11-05") == CalendarDate(year: 2018, month: 11, day: 5))
        #expect(CalendarDate(iso: "2019-10-29T08:30:00Z") == CalendarDate(year: 2019, month: 10, day: 29))
        #expect(CalendarDate(iso: "2018-13-05") == nil)
        #expect(CalendarDate(iso: "2018-11-32") == nil)
        #expect(CalendarDate(iso: "2018-11-5") == nil)
        #expect(CalendarDate(iso: "2018/11/05") == nil)
        #expect(CalendarDate(iso: "") == nil)
        // A combining mark on the last digit makes it another character: not a date.
        #expect(CalendarDate(iso: "2018-11-05\u{301}") == nil)
        // Non-ASCII after the date is not part of it.
        #expect(CalendarDate(iso: "2018-11-05 në Tiranë") == CalendarDate(year: 2018, month: 11, day: 5))
    }

    @Test func namesLegacyEncodings() throws {
        // "Përshëndetje nga Tiranë, çështje" in windows-1250 bytes.
        let bytes: [UInt8] = Array("P".utf8) + [0xEB] + Array("rsh".utf8) + [0xEB] + Array("ndetje nga Tiran".utf8) + [0xEB]
            + Array(", ".utf8) + [0xE7] + Array("".utf8) + [0xEB] + Array("shtje dhe m".utf8) + [0xEB] + Array(" shum".utf8) + [0xEB]
        let guess = try #require(CharsetDetector.guess(bytes))
        #expect(guess.name.hasPrefix("ISO-8859") || guess.name.hasPrefix("windows-125"))
    }

    @Test func transcodesUTF16IncludingSurrogatePairs() {
        let text = "ë ç “quote” 😀 end"
        #expect(String(utf16Units: ArraySlice(Array(text.utf16))) == text)
        #expect(String(utf16Units: ArraySlice([0xD800, 0x41])) == "\u{FFFD}A")
    }
}
