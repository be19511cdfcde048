import Foundation
import UraCore
import UraICU
import UraText

/// Sentence-boundary F1 on an align-dev folder: boundaries inside paragraphs of `*.en.txt` /
/// `*.sq.txt` against the gold `*.sents`, for Ura's segmenter and for plain ICU.
struct SegmentationEval {
    struct Counts {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        var f1: Double { 2 * precision * recall / max(1e-9, precision + recall) }
    }

    let directory: String
    let verbose: Bool

    func run() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".gold.json") }.map { String($0.dropLast(".gold.json".count)) }.sorted()
        print("segmentation: \(cases.count) documents in \(directory)")
        for language in Language.allCases {
            let ura = try SentenceSegmenter(language: language)
            let icu = try BreakIterator(.sentence, locale: language.code)
            var uraCounts = Counts(), icuCounts = Counts()
            for name in cases {
                let goldPath = "\(directory)/\(name).gold.json"
                guard let gold = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: goldPath))) as? [String: Any],
                      let paragraphSentences = gold["\(language.code)_paragraph_sentences"] as? [[Int]] else {
                    throw UraError(.input, "no '\(language.code)_paragraph_sentences' in the gold file", file: goldPath)
                }
                let sentences = try String(contentsOfFile: "\(directory)/\(name).\(language.code).sents", encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let paragraphs = Paragraphs.split(try String(contentsOfFile: "\(directory)/\(name).\(language.code).txt", encoding: .utf8))
                for (index, paragraph) in paragraphs.enumerated() {
                    let goldSentences = paragraphSentences[index].map { sentences[$0] }
                    let goldCuts = Self.cuts(goldSentences)
                    let uraSentences = try ura.sentences(in: paragraph)
                    let icuSentences = try icu.segments(of: paragraph).map(\.trimmed).filter { !$0.isEmpty }
                    Self.score(Self.cuts(uraSentences), goldCuts, into: &uraCounts)
                    Self.score(Self.cuts(icuSentences), goldCuts, into: &icuCounts)
                    if verbose && Self.cuts(uraSentences) != goldCuts {
                        print("--- \(name).\(language.code) paragraph \(index)")
                        print("gold: " + goldSentences.joined(separator: " ⏎ "))
                        print("ura:  " + uraSentences.joined(separator: " ⏎ "))
                    }
                }
            }
            print(String(format: "  %@: ura F1 %.4f (P %.4f R %.4f; tp %d fp %d fn %d)   plain ICU F1 %.4f (P %.4f R %.4f)",
                         language.code, uraCounts.f1, uraCounts.precision, uraCounts.recall,
                         uraCounts.truePositives, uraCounts.falsePositives, uraCounts.falseNegatives,
                         icuCounts.f1, icuCounts.precision, icuCounts.recall))
        }
    }

    /// Boundaries inside a paragraph as counts of non-space characters before each boundary.
    static func cuts(_ sentences: [String]) -> Set<Int> {
        var result = Set<Int>()
        var total = 0
        for sentence in sentences.dropLast() {
            total += sentence.unicodeScalars.filter { !$0.properties.isWhitespace }.count
            result.insert(total)
        }
        return result
    }

    static func score(_ predicted: Set<Int>, _ gold: Set<Int>, into counts: inout Counts) {
        counts.truePositives += predicted.intersection(gold).count
        counts.falsePositives += predicted.subtracting(gold).count
        counts.falseNegatives += gold.subtracting(predicted).count
    }
}
