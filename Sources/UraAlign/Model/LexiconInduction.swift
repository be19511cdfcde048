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
    /// Stems are counted as integer ids numbered in alphabetical order over both sides, so the
    /// order of the ids is the order of the stems' text (which decides ties between equally good
    /// pairs), without hashing a string per co-occurrence.
    /// - Complexity: O(p · w² + s) for p pairs of sentences with w words and s stems.
    static func induce(document: DocumentFeatures, pairs: [(Int, Int)]) -> [LexiconPattern] {
        guard pairs.count >= 4 else { return [] }
        let (stems, enIDs, sqIDs) = jointStems(document.en.stems, document.sq.stems)
        let size = stems.count
        var countEn = [Int](repeating: 0, count: size), countSq = countEn
        for (e, s) in pairs {
            for rank in document.en.sentences[e].stems { countEn[enIDs[rank]] += 1 }
            for rank in document.sq.sentences[s].stems { countSq[sqIDs[rank]] += 1 }
        }
        // Words in half the sentences or more are function words: no evidence of position.
        let common = pairs.count / 2
        // Per English id, the Albanian id of each co-occurrence, grouped by English id.
        let partners = groupedPartners(document: document, pairs: pairs, enIDs: enIDs, sqIDs: sqIDs, size: size,
                                       countEn: countEn, countSq: countSq, common: common)
        var bestForSq = [(stem: Int, dice: Double)?](repeating: nil, count: size)
        var bestForEn = bestForSq
        // Co-occurrences of the English id at hand per Albanian id, and the Albanian ids counted,
        // in the order met; zeroed again after each English id.
        // In buffers: a write to an array checked that its storage was not shared, once per
        // co-occurrence.
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: size)
        counts.initialize(repeating: 0)
        let met = UnsafeMutableBufferPointer<Int>.allocate(capacity: size)
        defer {
            counts.deallocate()
            met.deallocate()
        }
        for a in 0..<size {
            var metCount = 0
            partners.ids.withUnsafeBufferPointer { ids in
                for index in partners.starts[a]..<partners.starts[a + 1] {
                    let b = ids[index]
                    if counts[b] == 0 {
                        met[metCount] = b
                        metCount += 1
                    }
                    counts[b] += 1
                }
            }
            for b in met[..<metCount] {
                let c = counts[b]
                counts[b] = 0
                guard c >= minimumCount, countEn[a] < common, countSq[b] < common else { continue }
                let d = 2 * Double(c) / Double(countEn[a] + countSq[b])
                guard d >= minimumDice else { continue }
                if Self.isBetter(stem: b, dice: d, than: bestForEn[a]) { bestForEn[a] = (b, d) }
                // The English ids come in order: the first of equally good ones wins.
                if d > bestForSq[b]?.dice ?? 0 { bestForSq[b] = (a, d) }
            }
        }
        return stems.indices.compactMap { a in
            guard let (b, _) = bestForEn[a], bestForSq[b]?.stem == a else { return nil }
            return LexiconPattern(key: "I:" + stems[a], english: [stems[a]], albanian: [[stems[b]]])
        }
    }

    /// Whether stem `stem` with Dice coefficient `dice` is a better partner than `best`: a higher
    /// coefficient, or as high and first in the order of the stems' text (the lesser id). The
    /// partners of an English stem are met in no particular order, so the order decides here.
    private static func isBetter(stem: Int, dice: Double, than best: (stem: Int, dice: Double)?) -> Bool {
        guard let best else { return true }
        return dice > best.dice || (dice == best.dice && stem < best.stem)
    }

    /// The Albanian stem of every pair of an English and an Albanian stem of each sentence pair of
    /// `pairs`, by English stem: those of English id a at `ids[starts[a]..<starts[a + 1]]`, in
    /// the order of the pairs. Pairs with a stem in `common` of the pairs or more on its side (by
    /// `countEn` and `countSq`) are left out, since ``induce(document:pairs:)`` never takes them.
    ///
    /// Put in place by counting (the ids are below `size`).
    /// - Complexity: O(n + size) for n co-occurrences.
    static func groupedPartners(document: DocumentFeatures, pairs: [(Int, Int)], enIDs: [Int], sqIDs: [Int],
                               size: Int, countEn: [Int], countSq: [Int], common: Int) -> (ids: [Int], starts: [Int]) {
        // Per sentence pair, its stems that are not common, as ids, one pair after another.
        var rareEn = FlatLists(), rareSq = FlatLists()
        var rare: [Int] = []
        for (e, s) in pairs {
            rare.removeAll(keepingCapacity: true)
            for rank in document.en.sentences[e].stems where countEn[enIDs[rank]] < common { rare.append(enIDs[rank]) }
            rareEn.append(rare)
            rare.removeAll(keepingCapacity: true)
            for rank in document.sq.sentences[s].stems where countSq[sqIDs[rank]] < common { rare.append(sqIDs[rank]) }
            rareSq.append(rare)
        }
        // Where the Albanian ids of each English id start: the running sum of how many there are.
        var starts = [Int](repeating: 0, count: size + 1)
        for pair in pairs.indices {
            let partners = rareSq.positions(of: pair).count
            for position in rareEn.positions(of: pair) { starts[rareEn.items[position] + 1] += partners }
        }
        for a in 0..<size { starts[a + 1] += starts[a] }
        var next = starts
        let ids = [Int](unsafeUninitializedCapacity: starts[size]) { joint, initialized in
            next.withUnsafeMutableBufferPointer { next in
                rareEn.items.withUnsafeBufferPointer { enItems in
                    rareSq.items.withUnsafeBufferPointer { sqItems in
                        for pair in pairs.indices {
                            let partners = rareSq.positions(of: pair)
                            for position in rareEn.positions(of: pair) {
                                let a = enItems[position]
                                for partner in partners {
                                    joint[next[a]] = sqItems[partner]
                                    next[a] += 1
                                }
                            }
                        }
                    }
                }
            }
            initialized = starts[size]
        }
        return (ids, starts)
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
