/// Induces a translation lexicon from a first alignment of the document itself, as hunalign's
/// second pass does: word stems that keep turning up together in aligned sentences, and
/// rarely apart, are taken as translations of each other.
enum LexiconInduction {
    /// Minimum number of aligned sentence pairs a word pair must share.
    static let minimumCount = 2
    /// Minimum Dice coefficient 2·c(e,s) / (c(e) + c(s)).
    static let minimumDice = 0.7

    /// Mutually best pairs of stems over the 1:1 sentence pairs `pairs` (English, Albanian).
    ///
    /// Stems are counted as integer ids numbered in alphabetical order over both sides, so walking
    /// the ids in order visits the stems in the order of their text (which decides ties between
    /// equally good pairs) without hashing a string per co-occurrence.
    /// - Complexity: O(p · w² · log(p · w²)) for p pairs of sentences with w words.
    static func induce(document: DocumentFeatures, pairs: [(Int, Int)]) -> [LexiconPattern] {
        guard pairs.count >= 4 else { return [] }
        let (stems, enIDs, sqIDs) = jointStems(document.en.stems, document.sq.stems)
        let size = stems.count
        var countEn = [Int](repeating: 0, count: size), countSq = countEn
        // Each co-occurrence as English id · size + Albanian id: sorted, equal pairs are adjacent
        // and come in the order (English stem, Albanian stem).
        var joint: [Int] = []
        for (e, s) in pairs {
            let enStems = document.en.sentences[e].stems.map { enIDs[$0] }
            let sqStems = document.sq.sentences[s].stems.map { sqIDs[$0] }
            for a in enStems { countEn[a] += 1 }
            for b in sqStems { countSq[b] += 1 }
            for a in enStems { for b in sqStems { joint.append(a * size + b) } }
        }
        joint.sort()
        // Words in half the sentences or more are function words: no evidence of position.
        let common = pairs.count / 2
        var bestForSq = [(stem: Int, dice: Double)?](repeating: nil, count: size)
        var bestForEn = bestForSq
        var index = 0
        while index < joint.count {
            let pair = joint[index]
            var end = index + 1
            while end < joint.count && joint[end] == pair { end += 1 }
            let a = pair / size, b = pair % size, c = end - index
            index = end
            guard countEn[a] < common, c >= minimumCount, countSq[b] < common else { continue }
            let d = 2 * Double(c) / Double(countEn[a] + countSq[b])
            guard d >= minimumDice else { continue }
            if d > bestForEn[a]?.dice ?? 0 { bestForEn[a] = (b, d) }
            if d > bestForSq[b]?.dice ?? 0 { bestForSq[b] = (a, d) }
        }
        return stems.indices.compactMap { a in
            guard let (b, _) = bestForEn[a], bestForSq[b]?.stem == a else { return nil }
            return LexiconPattern(key: "I:" + stems[a], english: [stems[a]], albanian: [[stems[b]]])
        }
    }

    /// The stems of both sides (each sorted and unique) merged in text order, and the place of
    /// each side's stems in the merged list.
    /// - Complexity: O(e + s) comparisons.
    static func jointStems(_ en: [String], _ sq: [String]) -> (stems: [String], en: [Int], sq: [Int]) {
        var stems: [String] = [], enIDs: [Int] = [], sqIDs: [Int] = []
        stems.reserveCapacity(en.count + sq.count)
        var i = 0, j = 0
        while i < en.count || j < sq.count {
            if j == sq.count || (i < en.count && en[i] < sq[j]) {
                enIDs.append(stems.count)
                stems.append(en[i])
                i += 1
            } else if i == en.count || sq[j] < en[i] {
                sqIDs.append(stems.count)
                stems.append(sq[j])
                j += 1
            } else {
                enIDs.append(stems.count)
                sqIDs.append(stems.count)
                stems.append(en[i])
                i += 1
                j += 1
            }
        }
        return (stems, enIDs, sqIDs)
    }
}
