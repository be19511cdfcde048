import Foundation
import UraCore

/// Character n-gram profiles of English and Albanian, and a naive Bayes classifier over them.
///
/// A profile holds, per language, the counts of its most frequent character n-grams (orders
/// 1...4, see ``NGramText``) and the total count per order. A text is scored per language by
/// the sum of the log probabilities of its n-grams (add-half smoothing), so long paragraphs are
/// decided by thousands of small pieces of evidence and short titles still by dozens.
///
/// The shipped profile (``LanguageProfile/standard``) is built from the align-dev set
/// (NTREX-128, CC BY-SA 4.0) by `ura-eval langid-profile`; Albanian text is counted both as
/// written and with its diacritics removed, so `te nje here` still reads as Albanian.
public struct LanguageProfile: Sendable {
    /// Counts per n-gram: `[english, albanian]`.
    let counts: [String: [Int]]
    /// Total n-gram count per language and order (index 0 = order 1).
    let totals: [[Int]]
    /// Distinct n-grams per order across both languages (smoothing denominator).
    let vocabulary: [Int]

    /// The two languages in the order of the count columns.
    static let columns: [Language] = [.english, .albanian]

    init(counts: [String: [Int]], totals: [[Int]]) {
        self.counts = counts
        self.totals = totals
        var vocabulary = [Int](repeating: 0, count: NGramText.maximumOrder)
        for gram in counts.keys { vocabulary[gram.count - 1] += 1 }
        self.vocabulary = vocabulary.map { max($0, 1) }
    }

    /// The result of identifying a text's language.
    public struct Guess: Sendable, Equatable {
        public var language: Language
        /// Mean log-probability advantage per n-gram of the winner: 0 is a coin toss, above
        /// ~0.1 is a clear decision.
        public var margin: Double
    }

    /// The language of `text`, or nil when it has no letters.
    public func identify(_ text: String) -> Guess? {
        let grams = NGramText.grams(NGramText.normalize(text))
        guard !grams.isEmpty else { return nil }
        var scores = [Double](repeating: 0, count: Self.columns.count)
        var total = 0
        for (gram, occurrences) in grams {
            let order = gram.count - 1
            let row = counts[gram]
            for column in scores.indices {
                let count = Double(row?[column] ?? 0) + 0.5
                let denominator = Double(totals[column][order]) + 0.5 * Double(vocabulary[order])
                scores[column] += Double(occurrences) * log(count / denominator)
            }
            total += occurrences
        }
        let best = scores[0] >= scores[1] ? 0 : 1
        return Guess(language: Self.columns[best], margin: abs(scores[0] - scores[1]) / Double(total))
    }

    /// The profile shipped with Ura (see ``LanguageProfileData``).
    public static let standard: LanguageProfile = {
        (try? LanguageProfile(tsv: LanguageProfileData.tsv)) ?? LanguageProfile(counts: [:], totals: [[1, 1, 1, 1], [1, 1, 1, 1]])
    }()
}
