/// A lower bound of the cost of the best sentence alignment of the sentences of an aligned
/// paragraph bead, about a hundred times cheaper to work out than the alignment: what lets the
/// paragraph programme skip beads that cannot be a cell's best (see ``BandedDP``).
///
/// Each side is bounded on its own, and the larger bound is taken. On the English side every
/// sentence is in a bead alone or with its neighbour; such a bead costs at least its prior, the
/// least length cost of its English length (``CostModel/leastLengthCost(_:)``), and its anchor
/// evidence with every English anchor missed and the Albanian anchors left out (a missed anchor
/// never lowers the cost). Beads without English sentences cost more than nothing and are left
/// out. The least split of the sentences into beads is a small programme over per-sentence sums
/// taken once per run. An anchor that the Albanian side of the paragraph bead also has may be
/// found instead, which saves at most the difference once per bead that holds it: so the bound
/// subtracts that saving once for each English sentence that has the anchor. The Albanian side is
/// the mirror image, with the shortest English sentence's length.
///
/// Costs can be negative (shared anchors), so the bound is not simply zero.
final class SentencePathBound {
    private let english: SideBound, albanian: SideBound
    /// Per English sentence, the least length cost of a bead holding it.
    private let enLeastLength: [Double]
    /// The English sentences of the last two paragraph beads bounded, with what the bound takes
    /// from them alone: the paragraph programme asks for beads of a row in turn, and their English
    /// sides alternate between two ranges (the 1:1 and 1:2 beads' paragraph, the 2:1 beads' two).
    private var marked: (MarkedSentences, MarkedSentences)
    /// Per anchor id, whether it has been met among the Albanian side's anchors of the paragraph
    /// bead being bounded (equal to `generation` when it has). Memory of the bound's own, written
    /// in place: as an array, each call checked its storage was not shared. Only
    /// ``least(en:sq:)`` touches it, one call at a time.
    private let sqMarks: UnsafeMutableBufferPointer<Int>
    private var generation = 0

    /// The bound for the costs of `model` on `document`, with sentence bead priors `priors`; nil
    /// when the bound does not hold for them: shapes other than 1:0, 0:1 and those of one or two
    /// sentences a side, no 1:0 or no 0:1 shape (a sentence programme could then fail to end), or
    /// a negative anchor weight.
    init?(model: CostModel, document: DocumentFeatures, priors: ShapePriors) {
        let shapes = priors.shapes
        guard model.parameters.anchorWeight >= 0, shapes.allSatisfy(Self.isBounded),
              shapes.contains(.deletion), shapes.contains(.insertion) else { return nil }
        /// The least prior of the shapes with `units` units on one side (English when `english`)
        /// and some on the other.
        func leastPrior(_ units: Int, english: Bool) -> Double {
            var least = Double.infinity
            for shape in shapes {
                let (side, other) = english ? (shape.en, shape.sq) : (shape.sq, shape.en)
                guard side == units, other > 0, let prior = priors.cost(en: shape.en, sq: shape.sq) else { continue }
                least = min(least, prior)
            }
            return least
        }
        let weight = 0.5 * model.parameters.anchorWeight
        let found = zip(model.enHit, model.sqHit).map { -weight * ($0 + $1) }
        let enLengths = document.en.sentences.map(\.length), sqLengths = document.sq.sentences.map(\.length)
        enLeastLength = enLengths.map(model.leastLengthCost)
        let enAlone = leastPrior(1, english: true), enPair = leastPrior(2, english: true)
        let deletion = priors.cost(en: 1, sq: 0) ?? .infinity
        english = SideBound(
            anchors: model.enAnchors,
            alone: enLeastLength.map { enAlone + $0 },
            pair: enLengths.indices.dropLast().map { enPair + model.leastLengthCost(enLengths[$0] + enLengths[$0 + 1]) },
            dropped: enLengths.map { _ in deletion },
            found: found, missed: model.enMiss.map { -weight * $0 })
        let sqAlone = leastPrior(1, english: false), sqPair = leastPrior(2, english: false)
        let insertion = priors.cost(en: 0, sq: 1) ?? .infinity
        albanian = SideBound(
            anchors: model.sqAnchors,
            alone: sqLengths.map { _ in sqAlone }, pair: sqLengths.indices.dropLast().map { _ in sqPair },
            dropped: sqLengths.map { insertion + model.unexplainedCost($0) },
            found: found, missed: model.sqMiss.map { -weight * $0 })
        marked = (MarkedSentences(anchors: found.count), MarkedSentences(anchors: found.count))
        sqMarks = Self.zeroed(found.count)
    }

    deinit {
        sqMarks.deallocate()
        marked.0.deallocate()
        marked.1.deallocate()
    }

    /// `count` zeros in memory of their own.
    fileprivate static func zeroed(_ count: Int) -> UnsafeMutableBufferPointer<Int> {
        let buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
        buffer.initialize(repeating: 0)
        return buffer
    }

    /// Whether the bound holds with beads of `shape`: 1:0, 0:1, or one or two sentences on each side.
    private static func isBounded(_ shape: Shape) -> Bool {
        shape == .deletion || shape == .insertion || ((1...2).contains(shape.en) && (1...2).contains(shape.sq))
    }

    /// A lower bound of ``AlignmentRun/sentencePathCost(en:sq:)`` for English sentences `en` and
    /// Albanian sentences `sq` (neither empty).
    /// - Complexity: O(s + a) for s sentences and a anchors in them, each anchor read once.
    func least(en: Range<Int>, sq: Range<Int>) -> Double {
        generation += 1
        // The English side's marks, reused when one of the last two beads had the same sentences.
        if marked.0.sentences != en {
            if marked.1.sentences != en {
                marked.1.mark(en, english: english, leastLength: enLeastLength, generation: generation)
            }
            marked = (marked.1, marked.0)
        }
        let en = marked.0
        let saved = albanian.savings(sq, english: english, enMarks: en.marks, enGeneration: en.generation,
                                     enCounts: en.counts, met: sqMarks, generation)
        return max(en.leastWithAllMissed + saved.english,
                   albanian.leastWithAllMissed(sq, length: en.shortest) + saved.albanian)
    }
}

/// English sentences of a paragraph bead as ``SentencePathBound`` marks them: per anchor id,
/// whether the sentences have it (`marks`, equal to `generation` when they do) and in how many
/// (`counts`), with what the bound takes from the English side alone.
private struct MarkedSentences {
    /// The sentences marked; empty until some are.
    private(set) var sentences: Range<Int> = 0..<0
    let marks: UnsafeMutableBufferPointer<Int>
    let counts: UnsafeMutableBufferPointer<Int>
    private(set) var generation = 0
    /// The least length cost of a bead holding the shortest of the sentences.
    private(set) var shortest = Double.infinity
    /// ``SideBound/leastWithAllMissed(_:length:)`` of the sentences, with no length.
    private(set) var leastWithAllMissed = 0.0

    /// Room for anchor ids below `anchors`.
    init(anchors: Int) {
        marks = SentencePathBound.zeroed(anchors)
        counts = SentencePathBound.zeroed(anchors)
    }

    func deallocate() {
        marks.deallocate()
        counts.deallocate()
    }

    /// Marks `sentences` of `english`, whose least length costs are `leastLength`, as `generation`
    /// (a number no marking has used).
    mutating func mark(_ sentences: Range<Int>, english: SideBound, leastLength: [Double], generation: Int) {
        self.sentences = sentences
        self.generation = generation
        english.count(sentences, in: marks, counts, generation)
        shortest = .infinity
        for index in sentences { shortest = min(shortest, leastLength[index]) }
        leastWithAllMissed = english.leastWithAllMissed(sentences, length: 0)
    }
}

/// One side's part of ``SentencePathBound``: the least cost of each sentence alone or with its
/// neighbour with its anchors missed, and what finding each anchor could save.
private struct SideBound {
    /// The anchors of each sentence and of each sentence and the next together (see
    /// ``CostModel/neighbourAnchors(_:)``).
    let anchors: FlatLists
    /// Per sentence: the least cost of a bead with nothing on the other side.
    let dropped: [Double]
    /// Per sentence: the least prior (and length cost, on the English side) of a bead with it
    /// alone on this side, and of one with it and the next, with the anchor cost of their
    /// anchors all missed.
    let aloneAllMissed: [Double], pairAllMissed: [Double]
    /// Per anchor id: the least its cost can be less its cost when missed (at most 0).
    let saving: [Double]

    /// - Parameters:
    ///   - alone, pair: per sentence, the least prior (and length cost) of a bead with it alone on
    ///     this side and of one with it and the next, without anchors.
    ///   - found, missed: per anchor id, its cost when the other side has it and when it does not.
    init(anchors: FlatLists, alone: [Double], pair: [Double], dropped: [Double],
         found: [Double], missed: [Double]) {
        self.anchors = anchors
        self.dropped = dropped
        /// The sum of the `missed` costs of list `list` of `anchors`.
        func missedCost(_ list: Int) -> Double {
            anchors.positions(of: list).reduce(0) { $0 + missed[anchors.items[$1]] }
        }
        aloneAllMissed = alone.indices.map { alone[$0] + missedCost(2 * $0) }
        pairAllMissed = pair.indices.map { pair[$0] + missedCost(2 * $0 + 1) }
        saving = zip(found, missed).map { min($0, $1) - $1 }
    }

    /// Sets `marks` to `generation` for the anchors of `range`, and `counts` to the number of
    /// sentences of `range` that have each.
    func count(_ range: Range<Int>, in marks: UnsafeMutableBufferPointer<Int>, _ counts: UnsafeMutableBufferPointer<Int>,
               _ generation: Int) {
        anchors.items.withUnsafeBufferPointer { items in
            for index in range {
                for position in anchors.positions(of: 2 * index) {
                    let id = items[position]
                    if marks[id] == generation {
                        counts[id] += 1
                    } else {
                        marks[id] = generation
                        counts[id] = 1
                    }
                }
            }
        }
    }

    /// The most that finding the anchors which sentences `range` of this (the Albanian) side share
    /// with the English sentences marked `enGeneration` in `enMarks` could save each side's bound:
    /// on this side, an anchor's `saving` per sentence of `range` that has it; on the English
    /// side, its `english` saving as many times as `enCounts` says. `met` marks the shared anchors
    /// as they are met, with `generation`.
    func savings(_ range: Range<Int>, english: SideBound, enMarks: UnsafeMutableBufferPointer<Int>, enGeneration: Int,
                 enCounts: UnsafeMutableBufferPointer<Int>, met: UnsafeMutableBufferPointer<Int>,
                 _ generation: Int) -> (english: Double, albanian: Double) {
        var enSaved = 0.0, sqSaved = 0.0
        english.saving.withUnsafeBufferPointer { enSaving in
            saving.withUnsafeBufferPointer { sqSaving in
                anchors.items.withUnsafeBufferPointer { items in
                    for index in range {
                        for position in anchors.positions(of: 2 * index) {
                            let id = items[position]
                            guard enMarks[id] == enGeneration else { continue }
                            sqSaved += sqSaving[id]
                            if met[id] != generation {
                                met[id] = generation
                                enSaved += Double(enCounts[id]) * enSaving[id]
                            }
                        }
                    }
                }
            }
        }
        return (enSaved, sqSaved)
    }

    /// The least split of `range` into beads of one or two sentences, each bead also paying
    /// `length` when it has a partner, with every anchor missed.
    func leastWithAllMissed(_ range: Range<Int>, length: Double) -> Double {
        var beforeLast = 0.0, last = 0.0
        for index in range {
            var next = last + min(dropped[index], aloneAllMissed[index] + length)
            if index > range.lowerBound {
                next = min(next, beforeLast + pairAllMissed[index - 1] + length)
            }
            (beforeLast, last) = (last, next)
        }
        return last
    }
}
