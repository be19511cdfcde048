import Testing
import UraCore
@testable import UraTerminology

@Suite struct NumberCheckTests {
    func mismatches(_ english: String, _ albanian: String) -> [String] {
        CheckerTests.checker.check(TranslationUnit(id: "n", english: english, albanian: albanian))
            .filter { $0.rule == "number-mismatch" }.compactMap(\.term)
    }

    @Test(arguments: [
        ("5,700 people", "5.700 persona"), ("1.5 million", "1,5 milion"), ("the 5th meeting", "takimi i 5-të"),
        ("12% of them", "12 % e tyre"), ("2024-2030", "2024–2030"), ("10,000 people", "10 000 persona"),
        ("1,234,567 euros", "1.234.567 euro"), ("at 4.40 am", "në orën 4:40"), ("three days", "tri ditë"),
        ("for 3 days", "për tri ditë"), ("on 05.11.2018", "më 05.11.2018"), ("Target 10.7", "Objektivi 10.7"),
    ])
    func sameNumbersInEitherLocale(english: String, albanian: String) {
        #expect(mismatches(english, albanian) == [], "\(english) / \(albanian)")
    }

    @Test func differentNumbersAreReportedBothWays() {
        #expect(mismatches("5,700 migrants", "5.800 migrantë") == ["5,700", "5.800"])
        #expect(mismatches("from 2024 to 2030", "nga 2024 deri në 2031") == ["2030", "2031"])
        #expect(mismatches("1.5 percent", "15 për qind") == ["1.5", "15"])
        #expect(mismatches("in 2018 500 people", "në 2018 500 persona") == [])
    }

    /// Texts read scalar by scalar give the numbers the `Character` path gives (a combining mark
    /// anywhere sends a text to that path).
    @Test func scalarReadingEqualsCharacterReading() {
        for text in ["5,700 and 1.5\r\n12 4.40 am x2 2024-2030", "5\u{00A0}700 5\u{202F}700 05.11.2018 10:30", "é5 Ë12 ç7,5 µ3"] {
            #expect(NumberCheck.numbers(in: text) == NumberCheck.numbers(in: text + " e\u{0308}"), "\(text)")
        }
    }
}
