/// Induces a translation lexicon from a first alignment of the document itself, as hunalign's
/// second pass does: word stems that keep turning up together in aligned sentences, and
/// rarely apart, are taken as translations of each other.
enum LexiconInduction {
    /// Minimum number of aligned sentence pairs a word pair must share.
    static let minimumCount = 2
    /// Minimum Dice coefficient 2·c(e,s) / (c(e) + c(s)).
    static let minimumDice = 0.7

    /// Mutually best pairs of stems over the 1:1 sentence pairs `pairs` (English, Albanian).
    /// - Complexity: O(p · w²) for p pairs of sentences with w words.
    static func induce(document: DocumentFeatures, pairs: [(Int, Int)]) -> [LexiconPattern] {
        guard pairs.count >= 4 else { return [] }
        var countEn: [String: Int] = [:], countSq: [String: Int] = [:], joint: [String: [String: Int]] = [:]
        for (e, s) in pairs {
            let enStems = document.en.sentences[e].stems, sqStems = document.sq.sentences[s].stems
            for stem in enStems { countEn[stem, default: 0] += 1 }
            for stem in sqStems { countSq[stem, default: 0] += 1 }
            for a in enStems { for b in sqStems { joint[a, default: [:]][b, default: 0] += 1 } }
        }
        // Words in half the sentences or more are function words: no evidence of position.
        let common = pairs.count / 2
        func dice(_ a: String, _ b: String, _ c: Int) -> Double {
            2 * Double(c) / Double((countEn[a] ?? 0) + (countSq[b] ?? 0))
        }
        var bestForSq: [String: (String, Double)] = [:]
        var bestForEn: [String: (String, Double)] = [:]
        for a in joint.keys.sorted() where (countEn[a] ?? 0) < common {
            for (b, c) in joint[a, default: [:]].sorted(by: { $0.key < $1.key }) where c >= minimumCount && (countSq[b] ?? 0) < common {
                let d = dice(a, b, c)
                guard d >= minimumDice else { continue }
                if d > bestForEn[a]?.1 ?? 0 { bestForEn[a] = (b, d) }
                if d > bestForSq[b]?.1 ?? 0 { bestForSq[b] = (a, d) }
            }
        }
        return bestForEn.keys.sorted().compactMap { a in
            guard let (b, _) = bestForEn[a], bestForSq[b]?.0 == a else { return nil }
            return LexiconPattern(key: "I:" + a, english: [a], albanian: [[b]])
        }
    }
}
