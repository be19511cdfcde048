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
    /// Stems are counted as integer ids numbered in alphabetical order, so walking the ids in
    /// order visits the stems in the order of their text (which decides ties between equally good
    /// pairs) without hashing a string per co-occurrence.
    /// - Complexity: O(p · w² · log(p · w²)) for p pairs of sentences with w words.
    static func induce(document: DocumentFeatures, pairs: [(Int, Int)]) -> [LexiconPattern] {
        guard pairs.count >= 4 else { return [] }
        var vocabulary = Set<String>()
        for (e, s) in pairs {
            vocabulary.formUnion(document.en.sentences[e].stems)
            vocabulary.formUnion(document.sq.sentences[s].stems)
        }
        let stems = vocabulary.sorted()
        let ids = Dictionary(uniqueKeysWithValues: stems.enumerated().map { ($0.element, $0.offset) })
        let size = stems.count
        var countEn = [Int](repeating: 0, count: size), countSq = countEn
        // Each co-occurrence as English id · size + Albanian id: sorted, equal pairs are adjacent
        // and come in the order (English stem, Albanian stem).
        var joint: [Int] = []
        for (e, s) in pairs {
            let enStems = document.en.sentences[e].stems.compactMap { ids[$0] }
            let sqStems = document.sq.sentences[s].stems.compactMap { ids[$0] }
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
}
