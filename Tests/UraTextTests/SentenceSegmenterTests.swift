import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraText

@Suite struct SentenceSegmenterTests {
    let english = try! SentenceSegmenter(language: .english)
    let albanian = try! SentenceSegmenter(language: .albanian)

    @Test func keepsAbbreviationsWithInnerDots() throws {
        #expect(try english.sentences(in: "On March 5th, Ms. Alma Jani met the Ambassador of Germany, H.E. Mr. Karl Bergner. The talks went well.")
                == ["On March 5th, Ms. Alma Jani met the Ambassador of Germany, H.E. Mr. Karl Bergner.", "The talks went well."])
        #expect(try albanian.sentences(in: "Z. Hasani tha p.sh. se puna vazhdon. Znj. Jani u pajtua etj. Më pas u larguan.")
                == ["Z. Hasani tha p.sh. se puna vazhdon.", "Znj. Jani u pajtua etj.", "Më pas u larguan."])
    }

    @Test func dottedAcronymsEndSentencesOnlyBeforeSentenceOpeners() throws {
        #expect(try english.sentences(in: "The airline and the U.S. Navy said the plane landed short. It sank.")
                == ["The airline and the U.S. Navy said the plane landed short.", "It sank."])
        #expect(try english.sentences(in: "Troops left the U.S. The war was over.")
                == ["Troops left the U.S.", "The war was over."])
    }

    @Test func numbersInBothLocalesDoNotBreak() throws {
        #expect(try english.sentences(in: "IOM supported over 5,700 Afghan nationals, 1.5 times more. Then 12% left.")
                == ["IOM supported over 5,700 Afghan nationals, 1.5 times more.", "Then 12% left."])
        #expect(try albanian.sentences(in: "IOM mbështeti mbi 5.700 afganë, 1,5 herë më shumë. Pastaj 12 % u larguan.")
                == ["IOM mbështeti mbi 5.700 afganë, 1,5 herë më shumë.", "Pastaj 12 % u larguan."])
    }

    @Test func datelinesStayWithTheirSentence() throws {
        let sentences = try albanian.sentences(in: "Tiranë, 5 Nëntor 2018: Zyra e IOM në Shqipëri organizoi sot një tryezë. Kjo tryezë organizohet në kuadër të projektit.")
        #expect(sentences.count == 2)
        #expect(sentences[0].hasPrefix("Tiranë, 5 Nëntor 2018: Zyra"))
    }

    @Test func quotesInEveryStyle() throws {
        #expect(try albanian.sentences(in: "„Kjo është e rëndësishme“, tha ai. “Po”, u përgjigj ajo. Pse? e pyeti ai.")
                == ["„Kjo është e rëndësishme“, tha ai.", "“Po”, u përgjigj ajo.", "Pse? e pyeti ai."])
        #expect(try english.sentences(in: "\"We need a deal.\" He left. 'Really?' she asked.")
                == ["\"We need a deal.\"", "He left.", "'Really?' she asked."])
    }

    @Test func headingsWithoutFinalPunctuationAreOneSentence() throws {
        #expect(try english.sentences(in: "Migration Governance and Afghan Resettlement") == ["Migration Governance and Afghan Resettlement"])
        #expect(try albanian.sentences(in: "Dita Botërore kundër Trafikimit të Qenieve Njerëzore")
                == ["Dita Botërore kundër Trafikimit të Qenieve Njerëzore"])
    }

    @Test func findsBreaksICUMisses() throws {
        // A full stop and a number: ICU's rule SB8 keeps "…West". 41-vjeçari" together.
        #expect(try albanian.sentences(in: "Ai shkroi: \"I njohur si Kanye West\". 41-vjeçari West është i njohur.")
                == ["Ai shkroi: \"I njohur si Kanye West\".", "41-vjeçari West është i njohur."])
        #expect(try english.sentences(in: "It ended.Then it began.") == ["It ended.", "Then it began."])
    }

    @Test func softLineBreaksAndNFC() throws {
        #expect(try albanian.sentences(in: "Tirane\u{0308} \n  është\tkryeqyteti.") == ["Tiranë është kryeqyteti."])
    }

    /// The bar: sentence-boundary F1 ≥ 0.99 on align-dev for both languages, well above
    /// plain ICU. Every boundary inside every paragraph counts.
    @Test(arguments: Language.allCases)
    func boundaryF1OnAlignDevIsAtLeast099(language: Language) throws {
        let segmenter = try SentenceSegmenter(language: language)
        var truePositives = 0, predicted = 0, gold = 0
        for name in try Fixtures.alignDevDocuments() {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(Fixtures.alignDev)/\(name).gold.json"))) as! [String: Any]
            let groups = json["\(language.code)_paragraph_sentences"] as! [[Int]]
            let lines = try Fixtures.text("\(Fixtures.alignDev)/\(name).\(language.code).sents").components(separatedBy: "\n")
            let paragraphs = Paragraphs.split(try Fixtures.text("\(Fixtures.alignDev)/\(name).\(language.code).txt"))
            #expect(paragraphs.count == groups.count)
            for (paragraph, group) in zip(paragraphs, groups) {
                let goldCuts = cuts(group.map { lines[$0] })
                let ours = cuts(try segmenter.sentences(in: paragraph))
                truePositives += ours.intersection(goldCuts).count
                predicted += ours.count
                gold += goldCuts.count
            }
        }
        let precision = Double(truePositives) / Double(predicted)
        let recall = Double(truePositives) / Double(gold)
        let f1 = 2 * precision * recall / (precision + recall)
        #expect(gold > 300)
        #expect(f1 >= 0.99, "F1 \(f1) for \(language.code)")
    }

    /// Boundaries as counts of non-space characters before them.
    private func cuts(_ sentences: [String]) -> Set<Int> {
        var total = 0
        var result = Set<Int>()
        for sentence in sentences.dropLast() {
            total += sentence.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            result.insert(total)
        }
        return result
    }

    @Test func segmentingTheCorpusKeepsEveryParagraph() throws {
        for release in try Corpus(directory: Fixtures.corpus).loadAll() {
            for language in release.languages {
                let paragraphs = release.texts[language]!.paragraphs
                let segmented = try SentenceSegmenter(language: language).segment(paragraphs: paragraphs)
                #expect(segmented.count == paragraphs.count)
                #expect(segmented.allSatisfy { !$0.isEmpty })
                // Nothing lost: the sentences hold every non-space character of the paragraph.
                let before = paragraphs.joined().unicodeScalars.filter { !$0.properties.isWhitespace }.count
                let after = segmented.joined().joined().unicodeScalars.filter { !$0.properties.isWhitespace }.count
                #expect(before == after)
            }
        }
    }

    /// The one-pass transcoding gives what ICU got before it: the string's UTF-16 view, white
    /// space runs made one space and trimmed, on every paragraph of align-dev and on characters
    /// of every UTF-8 length (an emoji is a surrogate pair; a no-break space is white space).
    @Test func collapsedUTF16IsTheUTF16ViewWithWhiteSpaceCollapsed() throws {
        func reference(_ text: String) -> [UInt16] {
            var result: [UInt16] = [], pendingSpace = false
            for unit in text.utf16 {
                if SentenceSegmenter.isWhitespace(unit) { pendingSpace = !result.isEmpty; continue }
                if pendingSpace { result.append(0x20) }
                pendingSpace = false
                result.append(unit)
            }
            return result
        }
        var texts = [" \t Tiranë,\u{00A0} 5 nëntor\n2018 — 👩‍⚕️ ok.  ", "", "   ", "𝄞", "a\u{2028}b\u{3000}"]
        for document in try Fixtures.alignDevDocuments() {
            for language in ["en", "sq"] {
                texts += try TextInput.read("\(Fixtures.alignDev)/\(document).\(language).txt").split(separator: "\n\n").map(String.init)
            }
        }
        #expect(texts.count > 100)
        for text in texts { #expect(SentenceSegmenter.collapsedUTF16(text) == reference(text), "\(text)") }
    }

    @Test func hugeParagraphWithStrayBracketIsFullySegmented() throws {
        // 4 MB in one paragraph, with a stray "(" that must not swallow the text.
        let sentence = "The centre (opened on 29 October 2019 in Kapshtica. It helps migrants. "
        let text = String(repeating: sentence, count: 4_000_000 / sentence.utf8.count)
        let sentences = try english.sentences(in: text)
        #expect(sentences.count >= 2 * (4_000_000 / sentence.utf8.count) - 1)
    }
}
