import Foundation
import Testing
import UraTestSupport
@testable import UraAlign

/// The shortcuts taken for speed give the answers of the slow paths they replace, on the words
/// and sentences of the development documents.
@Suite struct FeatureSpeedupTests {
    /// Every token of the align-dev texts, both languages.
    private func devTokens() throws -> [Token] {
        var tokens: [Token] = []
        for name in try Fixtures.alignDevDocuments() {
            for language in ["en", "sq"] {
                let text = try String(contentsOfFile: "\(Fixtures.alignDev)/\(name).\(language).txt", encoding: .utf8)
                tokens += Tokenizer.tokens(text)
            }
        }
        return tokens
    }

    @Test func asciiFoldIsFoundationsFold() throws {
        let tokens = try devTokens()
        #expect(tokens.count > 10_000)
        var ascii = 0
        for token in tokens {
            guard let fast = WordFolder.asciiFold(token.text) else { continue }
            ascii += 1
            #expect(fast == Tokenizer.fold(token.text), "'\(token.text)'")
        }
        #expect(ascii > tokens.count / 2)
        #expect(WordFolder.asciiFold("Tiranë") == nil)
        var folder = WordFolder()
        #expect(folder.fold("Tiranë") == "tirane")
        #expect(folder.fold("NATO") == "nato")
    }

    @Test func asciiClassesAreTheUnicodeProperties() {
        for value in UInt32(0)..<128 {
            let scalar = Unicode.Scalar(UInt8(value))
            #expect(Tokenizer.isLetter(scalar) == scalar.properties.isAlphabetic)
            #expect(Tokenizer.isUpper(scalar) == scalar.properties.isUppercase)
            #expect(Tokenizer.isDigit(scalar) == (scalar.properties.numericType == .decimal))
        }
    }

    @Test func sortedUnionIsTheSetUnion() {
        let lists = [[], [1], [1, 4, 9], [2, 4, 10, 11], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]
        for a in lists {
            for b in lists {
                #expect(CostModel.sortedUnion(a, b) == Set(a + b).sorted())
            }
        }
    }

    @Test func costCacheComputesEachBeadOnce() {
        let cache = CostCache()
        var computed = 0
        // Enough beads to make the table grow several times.
        for round in 0..<2 {
            for start in 0..<3000 {
                let value = cache.cost(en: start..<(start + 2), sq: (start + 1)..<(start + 1 + start % 3)) {
                    computed += 1
                    return start % 7 == 0 ? nil : Double(start)
                }
                #expect(value == (start % 7 == 0 ? nil : Double(start)), "round \(round)")
            }
        }
        #expect(computed == 3000)
    }
}
