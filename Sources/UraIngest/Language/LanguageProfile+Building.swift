import Foundation
import UraCore

extension LanguageProfile {
    /// N-gram counts of one document, per language, before pruning: the unit that
    /// leave-one-document-out evaluation adds up and subtracts.
    public struct Counts: Sendable {
        /// Counts per n-gram: `[english, albanian]`.
        var grams: [String: [Int]] = [:]

        public init() {}

        /// Adds `text` in `language`; with `withStrippedCopy`, also the text without diacritics
        /// (so the profile knows how Albanian looks typed on an English keyboard).
        public mutating func add(_ text: String, language: Language, withStrippedCopy: Bool = true) {
            guard let column = LanguageProfile.columns.firstIndex(of: language) else { return }
            var variants = [NGramText.normalize(text)]
            if withStrippedCopy {
                let stripped = NGramText.normalize(text, fold: true)
                if stripped != variants[0] { variants.append(stripped) }
            }
            for variant in variants {
                for (gram, count) in NGramText.grams(variant) {
                    grams[gram, default: [0, 0]][column] += count
                }
            }
        }

        /// The counts of `self` and `other` together.
        public func adding(_ other: Counts) -> Counts { combined(other, sign: 1) }

        /// The counts of `self` without those of `other` (a document held out).
        public func subtracting(_ other: Counts) -> Counts { combined(other, sign: -1) }

        private func combined(_ other: Counts, sign: Int) -> Counts {
            var result = self
            for (gram, row) in other.grams {
                var current = result.grams[gram] ?? [0, 0]
                for column in current.indices { current[column] += sign * row[column] }
                result.grams[gram] = current.allSatisfy { $0 == 0 } ? nil : current
            }
            return result
        }
    }

    /// A profile from `counts`, keeping per language and order the `keep` most frequent n-grams
    /// (ties broken alphabetically, so the same counts always give the same profile).
    public init(counts: Counts, keep: Int) {
        var totals = [[Int]](repeating: [Int](repeating: 0, count: NGramText.maximumOrder), count: Self.columns.count)
        for (gram, row) in counts.grams {
            for column in row.indices { totals[column][gram.count - 1] += row[column] }
        }
        var kept = Set<String>()
        for column in Self.columns.indices {
            for order in 1...NGramText.maximumOrder {
                let candidates = counts.grams.filter { $0.key.count == order && $0.value[column] > 0 }
                    .sorted { ($0.value[column], $1.key) > ($1.value[column], $0.key) }
                for (gram, _) in candidates.prefix(keep) { kept.insert(gram) }
            }
        }
        self.init(counts: counts.grams.filter { kept.contains($0.key) }, totals: totals)
    }

    /// Reads the tab-separated form written by ``tsv``.
    init(tsv: String) throws(UraError) {
        var counts: [String: [Int]] = [:]
        var totals: [[Int]] = []
        for (index, line) in tsv.split(separator: "\n").enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.first == "#totals" {
                let numbers = fields.dropFirst().compactMap { Int($0) }
                guard numbers.count == NGramText.maximumOrder else {
                    throw UraError(.internal, "language profile: bad totals", line: index + 1)
                }
                totals.append(numbers)
                continue
            }
            guard fields.count == 3, let english = Int(fields[1]), let albanian = Int(fields[2]) else {
                throw UraError(.internal, "language profile: bad line", line: index + 1)
            }
            counts[String(fields[0]).replacingOccurrences(of: "_", with: " ")] = [english, albanian]
        }
        guard totals.count == Self.columns.count else {
            throw UraError(.internal, "language profile: totals missing")
        }
        self.init(counts: counts, totals: totals)
    }

    /// The profile as text: `#totals` lines (English, then Albanian), then one line per n-gram,
    /// sorted, with `_` for a space: `_të_\t3\t5012`.
    public var tsv: String {
        var lines = totals.map { "#totals\t" + $0.map(String.init).joined(separator: "\t") }
        for gram in counts.keys.sorted() {
            guard let row = counts[gram] else { continue }
            lines.append(gram.replacingOccurrences(of: " ", with: "_") + "\t\(row[0])\t\(row[1])")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
