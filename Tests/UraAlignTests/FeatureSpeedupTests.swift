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

    @Test func latinFoldIsFoundationsFold() throws {
        let tokens = try devTokens()
        #expect(tokens.count > 10_000)
        var fast = 0, accented = 0
        for token in tokens {
            guard let folded = WordFolder.latinFold(token.text) else { continue }
            fast += 1
            if !token.text.utf8.allSatisfy({ $0 < 0x80 }) { accented += 1 }
            #expect(folded == Tokenizer.fold(token.text), "'\(token.text)'")
        }
        #expect(fast > tokens.count * 9 / 10)
        #expect(accented > 1000)
        // Every letter of the table, in the middle of a word and in capitals.
        for value in UInt32(0xC0)...0x17F {
            let word = "ab\(Character(Unicode.Scalar(value)!))cd"
            for text in [word, word.uppercased()] {
                guard let folded = WordFolder.latinFold(Substring(text)) else { continue }
                #expect(folded == Tokenizer.fold(text), "'\(text)'")
            }
        }
        #expect(WordFolder.latinFold("Tiranë") == "tirane")
        #expect(WordFolder.latinFold("Æble") == nil)
        var folder = WordFolder()
        #expect(folder.fold("Tiranë") == "tirane")
        #expect(folder.fold("NATO") == "nato")
    }

    @Test func prefixAndCountAreTheCharacters() throws {
        for token in try devTokens() {
            let folded = Tokenizer.fold(token.text)
            for count in [2, 3, 4, 5] {
                #expect(WordFolder.prefix(folded, count) == String(folded.prefix(count)), "'\(folded)'")
                #expect(WordFolder.characterCount(folded, exceeds: count) == (folded.count > count), "'\(folded)'")
            }
        }
        #expect(WordFolder.prefix("e\u{301}e\u{301}e\u{301}", 2) == "e\u{301}e\u{301}")
        #expect(WordFolder.prefix("abe\u{301}", 3) == "abe\u{301}")
        #expect(!WordFolder.characterCount("abe\u{301}", exceeds: 3))
    }

    @Test func numberKeyIsTheDigitsWithoutLeadingZeros() throws {
        let numbers = try devTokens().filter(\.isNumber) + Tokenizer.tokens("0 000 007 0,5 5.700 1:30 ٣٤")
        #expect(numbers.count > 300)
        for number in numbers {
            var digits = String(number.text.unicodeScalars.filter { $0.properties.numericType == .decimal }.map(Character.init))
            while digits.count > 1 && digits.hasPrefix("0") { digits.removeFirst() }
            #expect(AnchorExtractor.numberKey(number.text) == "#" + digits, "'\(number.text)'")
        }
    }

    @Test func asciiAndLatinClassesAreTheUnicodeProperties() throws {
        for value in UInt32(0)..<0x300 {
            let scalar = try #require(Unicode.Scalar(value))
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

    @Test func denseCostTableComputesEachBeadOnce() throws {
        let table = try #require(DenseCostTable(enCount: 40, sqCount: 30, shapeCount: 5))
        var computed = 0
        for round in 0..<2 {
            for en in 0...40 {
                for sq in 0...30 {
                    for shape in 0..<5 {
                        let expected = Double(en * 1000 + sq * 10 + shape)
                        let value = table.cost(en: en, sq: sq, shape: shape) {
                            computed += 1
                            return expected
                        }
                        #expect(value == expected, "round \(round)")
                    }
                }
            }
        }
        #expect(computed == 41 * 31 * 5)
        #expect(DenseCostTable(enCount: 5000, sqCount: 5000, shapeCount: 5) == nil)
    }

    /// Sentence bead costs kept in the dense table are the cost model's, on the dev documents.
    @Test func sentenceCostsAreTheModels() throws {
        let parameters = AlignerParameters()
        let priors = ShapePriors(parameters.sentenceShapes)
        for name in try Fixtures.alignDevDocuments().prefix(10) {
            let base = Fixtures.alignDev + "/" + name
            let text = try BilingualText.read(english: base + ".en.txt", albanian: base + ".sq.txt", presegmented: false)
            let document = DocumentFeatures(english: text.english, albanian: text.albanian)
            let run = AlignmentRun(document: document, parameters: parameters, ratio: parameters.ratioPrior,
                                   variance: parameters.variancePrior, recall: parameters.recallPrior)
            for _ in 0..<2 {
                for e in 0..<document.en.sentences.count {
                    for s in 0..<document.sq.sentences.count {
                        for shape in priors.shapes where e + shape.en <= document.en.sentences.count && s + shape.sq <= document.sq.sentences.count {
                            let en = e..<(e + shape.en), sq = s..<(s + shape.sq)
                            let expected = try #require(priors.cost(en: shape.en, sq: shape.sq)) + run.model.sentenceEvidence(en: en, sq: sq)
                            #expect(run.sentenceCost(en: en, sq: sq) == expected, "\(name) \(en) \(sq)")
                        }
                    }
                }
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

    @Test func vocabularyOfASideIsTheSetOfItsWords() throws {
        // Dev words, and words whose strings are equal though their bytes are not.
        let sentences = try Fixtures.alignDevDocuments().prefix(5).map {
            try String(contentsOfFile: "\(Fixtures.alignDev)/\($0).sq.txt", encoding: .utf8)
        } + ["Shqipëria dhe shqipëria, shqipe\u{308}ri, Москва и москва, café, Ωmega ωmega"]
        let side = SideTokens(sentences)
        let fast = Vocabulary(side: side), slow = Vocabulary(side.distinct)
        var queries = side.distinct.map { $0.text.lowercased() }
        queries += ["shqipëria", "shqipe\u{308}ria", "москва", "cafe\u{301}", "ωmega", "Ωmega", "dhe", "nope"]
        for word in queries {
            #expect(fast.contains(word) == slow.contains(word), "'\(word)'")
        }
        #expect(fast.contains("cafe\u{301}") && fast.contains("shqipe\u{308}ria") && !fast.contains("nope"))
    }

    @Test func anchorTableGivesIDsInOrderOfFirstUse() {
        var table = AnchorTable()
        let keys = ["@trum", "~minut", "#5700", "@tira", "L:irregul migrati", "@trum", "#5700", "@tiranë", "~minut"]
        let ids = keys.map { table.id($0, .name) }
        #expect(ids == [0, 1, 2, 3, 4, 0, 2, 5, 1])
        #expect(table.existing("L:irregul migrati") == 4 && table.existing("@tiranë") == 5 && table.existing("@x") == nil)
    }

    @Test func markedPrefixIsTheMarkAndThePrefix() throws {
        for token in try devTokens() {
            let folded = Tokenizer.fold(token.text)
            for count in [4, 5] {
                #expect(WordFolder.prefix(folded, count, after: "~") == "~" + String(folded.prefix(count)), "'\(folded)'")
            }
        }
    }

    @Test func packedKeyTableHoldsWhatADictionaryHolds() {
        var table = PackedKeyTable<Int>(), dictionary: [UInt64: Int] = [:]
        // Enough keys to make the table grow several times, the empty text's key 0 among them.
        for round in 0..<3 {
            for number in 0..<2000 {
                let key = UInt64(number * number) << 20
                table.insert(key, number + round)
                dictionary[key] = number + round
            }
        }
        for number in 0..<4000 {
            let key = UInt64(number * number) << 20
            #expect(table.value(key) == dictionary[key], "\(number)")
        }
        #expect(table.value(1) == nil)
    }

    /// The sentences of every align-dev document, per side.
    private func devSides() throws -> [[String]] {
        var sides: [[String]] = []
        for name in try Fixtures.alignDevDocuments() {
            for language in ["en", "sq"] {
                let text = try String(contentsOfFile: "\(Fixtures.alignDev)/\(name).\(language).txt", encoding: .utf8)
                sides.append(text.split(separator: "\n").map(String.init))
            }
        }
        return sides
    }

    @Test func byteFeaturesOfATokenAreItsFeatures() throws {
        var fast = 0, slow = 0, names = 0, numbers = 0
        for sentences in try devSides() {
            let side = SideTokens(sentences)
            let extractor = AnchorExtractor(side: side)
            #expect(side.distinct.count == side.classes.count)
            for id in side.classes.indices {
                let plain = TokenFeatures(side.token(id), extractor: extractor)
                guard let bytes = TokenFeatures(bytesOf: id, in: side, extractor: extractor) else {
                    slow += 1
                    continue
                }
                fast += 1
                let text = side.text(ofToken: id)
                #expect(bytes.folded == plain.folded, "'\(text)'")
                #expect(bytes.stem?.text == plain.stem?.text, "'\(text)'")
                #expect(bytes.stem?.packed == plain.stem.flatMap { PackedBytes.key($0.text) }, "'\(text)'")
                #expect(bytes.anchor?.key.text == plain.anchor?.key.text && bytes.anchor?.kind == plain.anchor?.kind, "'\(text)'")
                if bytes.anchor?.kind == .name { names += 1 }
                if bytes.anchor?.kind == .number { numbers += 1 }
            }
        }
        #expect(fast > 10_000 && slow > 100 && names > 500 && numbers > 200, "\(fast) \(slow) \(names) \(numbers)")
    }

    @Test func shortKeysIntern() throws {
        var byText = AnchorTable(), byKey = AnchorTable()
        var stems: [String?] = [], keys: [ShortKey?] = []
        for token in try devTokens() {
            let folded = Tokenizer.fold(token.text)
            let key = WordFolder.prefix(folded, 4, after: "@")
            let short = PackedBytes.key(key).map(ShortKey.packed) ?? .text(key)
            #expect(short.text == key)
            #expect(byText.id(key, .name) == byKey.id(short, .name), "'\(key)'")
            let stem = token.isNumber ? nil : WordFolder.prefix(folded, 5)
            stems.append(stem)
            keys.append(stem.map { PackedBytes.key($0).map(ShortKey.packed) ?? .text($0) })
        }
        let plain = StemOrder(stems), short = StemOrder(ShortKeyList(keys))
        #expect(plain.sorted == short.sorted && plain.ranks == short.ranks)
        #expect(plain.sorted.count > 1000)
        let list = ShortKeyList(keys)
        #expect(list.count == keys.count && (0..<list.count).allSatisfy { list[$0]?.text == keys[$0]?.text })
    }
}
