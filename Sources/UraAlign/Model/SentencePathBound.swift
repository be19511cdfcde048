/// A lower bound of the cost of the best sentence alignment of the sentences of an aligned
/// paragraph bead, about a hundred times cheaper to work out than the alignment: what lets the
/// paragraph programme skip beads that cannot be a cell's best (see ``BandedDP``).
///
/// Each side is bounded on its own, and the larger bound is taken. On the English side every
/// sentence is in a bead alone or with its neighbour; such a bead costs at least its prior, the
/// least length cost of its English length (``CostModel/leastLengthCost(_:)``), and its anchor
/// evidence with every English anchor that the Albanian side of the paragraph bead lacks counted
/// as missed, every one it has counted as found, and the Albanian anchors left out (a missed
/// anchor never lowers the cost). Beads without English sentences cost more than nothing and are
/// left out. The Albanian side is the mirror image, with the shortest English sentence's length.
/// The least split of each side into beads is a small programme over its sentences.
///
/// Costs can be negative (shared anchors), so the bound is not simply zero.
final class SentencePathBound {
    private let english: SideBound, albanian: SideBound
    /// Per English sentence, the least length cost of a bead holding it.
    private let enLeastLength: [Double]
    /// Per anchor id, whether it occurs on the English side (`enMarks`) or the Albanian side
    /// (`sqMarks`) of the paragraph bead being bounded: equal to `generation` when it does. Only
    /// ``least(en:sq:)`` touches them, one call at a time, so accesses cannot overlap and are not
    /// checked at run time.
    @exclusivity(unchecked) private var enMarks: [Int]
    @exclusivity(unchecked) private var sqMarks: [Int]
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
        enMarks = [Int](repeating: 0, count: found.count)
        sqMarks = enMarks
    }

    /// Whether the bound holds with beads of `shape`: 1:0, 0:1, or one or two sentences on each side.
    private static func isBounded(_ shape: Shape) -> Bool {
        shape == .deletion || shape == .insertion || ((1...2).contains(shape.en) && (1...2).contains(shape.sq))
    }

    /// A lower bound of ``AlignmentRun/sentencePathCost(en:sq:)`` for English sentences `en` and
    /// Albanian sentences `sq` (neither empty).
    /// - Complexity: O(s + a) for s sentences and a anchors in them.
    func least(en: Range<Int>, sq: Range<Int>) -> Double {
        generation += 1
        english.mark(en, in: &enMarks, generation)
        albanian.mark(sq, in: &sqMarks, generation)
        var shortest = Double.infinity
        for index in en { shortest = min(shortest, enLeastLength[index]) }
        return max(english.least(en, length: 0, otherMarks: sqMarks, generation),
                   albanian.least(sq, length: shortest, otherMarks: enMarks, generation))
    }
}

/// One side's part of ``SentencePathBound``: the least cost of each sentence alone or with its
/// neighbour, apart from anchors found or missed.
private struct SideBound {
    /// The anchors of each sentence and of each sentence and the next together (see
    /// ``CostModel/neighbourAnchors(_:)``).
    let anchors: FlatLists
    /// Per sentence: the least prior (and length cost, on the English side) of a bead with it
    /// alone on this side, of one with it and the next, and of one with nothing on the other side.
    let alone: [Double], pair: [Double], dropped: [Double]
    /// Per anchor id: the least anchor cost when it may be on both sides of a bead, and the cost
    /// when it is only on this one.
    let matched: [Double], missed: [Double]

    init(anchors: FlatLists, alone: [Double], pair: [Double], dropped: [Double],
         found: [Double], missed: [Double]) {
        self.anchors = anchors
        (self.alone, self.pair, self.dropped, self.missed) = (alone, pair, dropped, missed)
        matched = zip(found, missed).map { min($0, $1) }
    }

    /// Sets `marks` to `generation` for the anchors of `range`.
    func mark(_ range: Range<Int>, in marks: inout [Int], _ generation: Int) {
        marks.withUnsafeMutableBufferPointer { marks in
            anchors.items.withUnsafeBufferPointer { items in
                for index in range {
                    for position in anchors.positions(of: 2 * index) { marks[items[position]] = generation }
                }
            }
        }
    }

    /// The least split of `range` into beads of one or two sentences, each bead also paying
    /// `length` when it has a partner; anchors are found when `otherMarks` has them.
    func least(_ range: Range<Int>, length: Double, otherMarks: [Int], _ generation: Int) -> Double {
        otherMarks.withUnsafeBufferPointer { marks in
            matched.withUnsafeBufferPointer { matched in
                missed.withUnsafeBufferPointer { missed in
                    anchors.items.withUnsafeBufferPointer { items in
                        /// The least anchor cost of list `list` of `anchors` against `marks`.
                        func anchorCost(_ list: Int) -> Double {
                            var cost = 0.0
                            for position in anchors.positions(of: list) {
                                let id = items[position]
                                cost += marks[id] == generation ? matched[id] : missed[id]
                            }
                            return cost
                        }
                        var beforeLast = 0.0, last = 0.0
                        for index in range {
                            let aloneCost = alone[index] + length + anchorCost(2 * index)
                            var next = last + min(dropped[index], aloneCost)
                            if index > range.lowerBound {
                                next = min(next, beforeLast + pair[index - 1] + length + anchorCost(2 * index - 1))
                            }
                            (beforeLast, last) = (last, next)
                        }
                        return last
                    }
                }
            }
        }
    }
}
