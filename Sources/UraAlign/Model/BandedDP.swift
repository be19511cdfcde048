import Foundation

/// The shape of a bead: how many English and how many Albanian units it holds.
struct Shape: Hashable, Sendable {
    var en: Int
    var sq: Int

    static let one = Shape(en: 1, sq: 1)
    static let deletion = Shape(en: 1, sq: 0)
    static let insertion = Shape(en: 0, sq: 1)
    static let merge = Shape(en: 2, sq: 1)
    static let split = Shape(en: 1, sq: 2)

    /// True for 1:0 and 0:1.
    var isNull: Bool { en == 0 || sq == 0 }
}

/// Bead shapes and their prior costs (negative log probabilities), looked up by size without a
/// search: the programmes ask for a prior with every bead they price.
struct ShapePriors {
    /// The shapes, in the order given.
    let shapes: [Shape]
    /// Prior cost and place in `shapes` per shape, at `en * stride + sq`; nil for a shape not given.
    private let costs: [Double?], places: [Int?]
    private let stride: Int

    /// The shapes of `priors` with the cost -log(p) of their probability p (the first, if a shape
    /// is given twice).
    init(_ priors: [(Shape, Double)]) {
        shapes = priors.map(\.0)
        stride = (priors.map { max($0.0.en, $0.0.sq) }.max() ?? 0) + 1
        var costs = [Double?](repeating: nil, count: stride * stride)
        var places = [Int?](repeating: nil, count: stride * stride)
        for (place, (shape, probability)) in priors.enumerated().reversed() {
            costs[shape.en * stride + shape.sq] = -log(probability)
            places[shape.en * stride + shape.sq] = place
        }
        self.costs = costs
        self.places = places
    }

    /// The place in ``shapes`` of the shape of `en` and `sq` units (the first, if given twice).
    @inline(__always) func place(en: Int, sq: Int) -> Int? {
        en < stride && sq < stride ? places[en * stride + sq] : nil
    }

    /// The prior cost of a bead of `en` and `sq` units, nil when no shape has those sizes.
    @inline(__always) func cost(en: Int, sq: Int) -> Double? {
        en < stride && sq < stride ? costs[en * stride + sq] : nil
    }
}

/// One bead of a dynamic-programme path: where it starts on each side and its shape.
struct PathStep: Equatable {
    var en: Int
    var sq: Int
    var shape: Shape
    var cost: Double
}

/// Reusable tables of ``BandedDP`` searches, so that the thousands of small programmes of a run
/// (one per paragraph bead) do not allocate their own.
///
/// One per nesting level: a search's cost function may run a search of its own, which must use
/// another workspace. (Reusing one that is in use is safe, only slower: it gives a fresh table.)
final class DPWorkspace {
    fileprivate var table = BandedDP.Table()

    init() {}

    /// The table, left empty here until ``give(_:)`` returns it.
    fileprivate func take() -> BandedDP.Table {
        let taken = table
        table = BandedDP.Table()
        return taken
    }

    fileprivate func give(_ table: BandedDP.Table) { self.table = table }
}

/// A minimum-cost monotone alignment of two sequences, searched in a band around the diagonal.
///
/// Cell (i, j) holds the cheapest way to align the first i English units with the first j
/// Albanian units. Only cells within `halfWidth` of the proportional diagonal j = i·m/n are
/// filled; when the best path comes near the band's edge, the band is doubled and the search
/// repeated (as hunalign and Moore's aligner do), so the answer is the unbanded optimum in
/// practice while the work stays proportional to the length.
///
/// - Complexity: O((n + m) · w · s) cost evaluations for band half-width w and s shapes; w starts
///   small and doubles only when the path touches the band, so near-linear in n + m.
enum BandedDP {
    /// The cheapest path from (0, 0) to (n, m).
    /// - Parameters:
    ///   - workspace: tables to reuse (see ``DPWorkspace``).
    ///   - cost: the cost of a bead of `shape` starting at English unit `i` and Albanian unit `j`,
    ///     or `nil` when that bead is not allowed.
    ///   - bound: a lower bound of `cost` for the same bead, cheap to work out (`+infinity` for a bead
    ///     `cost` refuses), so that a bead that cannot be a cell's best is never priced; nil to
    ///     price every bead. The path is the same either way (see
    ///     ``Table/Band/relaxCheapestFirst(_:_:shapes:cost:bound:)``).
    static func align(n: Int, m: Int, shapes: [Shape], initialHalfWidth: Int, workspace: DPWorkspace = DPWorkspace(),
                      cost: (Int, Int, Shape) -> Double?, bound: ((Int, Int, Shape) -> Double)? = nil) -> [PathStep] {
        var table = workspace.take()
        defer { workspace.give(table) }
        guard table.widenedSearch(n: n, m: m, shapes: shapes, initialHalfWidth: initialHalfWidth, cost: cost, bound: bound) else { return [] }
        return table.path(n: n, m: m, shapes: shapes)
    }

    /// The total cost of the path ``align(n:m:shapes:initialHalfWidth:workspace:cost:)`` returns
    /// (the sum of its steps' costs, in order, to the bit), without building the path; 0 when
    /// there is none.
    static func pathCost(n: Int, m: Int, shapes: [Shape], initialHalfWidth: Int, workspace: DPWorkspace,
                         cost: (Int, Int, Shape) -> Double?) -> Double {
        var table = workspace.take()
        defer { workspace.give(table) }
        guard table.widenedSearch(n: n, m: m, shapes: shapes, initialHalfWidth: initialHalfWidth, cost: cost) else { return 0 }
        // Each cell's best is its predecessor's plus the step's cost: the path's sum, in order.
        return table.best[table.cell(n, m)]
    }

    /// Whether a search of `n` by `m` units starting with `initialHalfWidth` fills every cell from
    /// the first band on (so it is the unbanded programme): when the band is at least `m` wide.
    static func coversAll(n: Int, m: Int, initialHalfWidth: Int) -> Bool {
        n > 0 && m <= firstHalfWidth(initialHalfWidth)
    }

    /// The half-width of the first band of a search asked to start with `initialHalfWidth`.
    private static func firstHalfWidth(_ initialHalfWidth: Int) -> Int { max(4, initialHalfWidth) }

    /// The cells of one banded search.
    struct Table {
        /// Row i covers j in lo[i]...hi[i]; its cells start at offset[i].
        var lo: [Int] = [], hi: [Int] = [], offset: [Int] = []
        /// Per cell: the cheapest cost to reach it, the shape index of its last step (-1: none),
        /// and that step's cost.
        var best: [Double] = [], back: [Int8] = [], stepCost: [Double] = []

        @inline(__always) func cell(_ i: Int, _ j: Int) -> Int { offset[i] + j - lo[i] }

        /// Searches bands of doubling width until the best path keeps off the band's edge (or the
        /// band covers everything). Returns whether (n, m) was reached.
        mutating func widenedSearch(n: Int, m: Int, shapes: [Shape], initialHalfWidth: Int,
                                    cost: (Int, Int, Shape) -> Double?, bound: ((Int, Int, Shape) -> Double)? = nil) -> Bool {
            var halfWidth = BandedDP.firstHalfWidth(initialHalfWidth)
            while true {
                fill(n: n, m: m, shapes: shapes, halfWidth: halfWidth, cost: cost, bound: bound)
                // An unreachable end (every bead refused) is a band too narrow to pass: widen it.
                let (reached, touched) = trace(n: n, m: m, shapes: shapes)
                if (reached && !touched) || halfWidth >= max(n, m) { return reached }
                halfWidth *= 2
            }
        }

        /// One banded search; the band always contains (0, 0) and (n, m).
        private mutating func fill(n: Int, m: Int, shapes: [Shape], halfWidth: Int, cost: (Int, Int, Shape) -> Double?,
                                   bound: ((Int, Int, Shape) -> Double)?) {
            lo.removeAll(keepingCapacity: true)
            hi.removeAll(keepingCapacity: true)
            offset.removeAll(keepingCapacity: true)
            offset.append(0)
            for i in 0...n {
                let center = n == 0 ? 0 : (i * m + n / 2) / n
                let low = i == 0 ? 0 : max(0, center - halfWidth)
                let high = i == n ? m : min(m, center + halfWidth)
                lo.append(low)
                hi.append(high)
                offset.append(offset[i] + (high - low + 1))
            }
            let cells = offset[n + 1]
            Self.reset(&best, to: .infinity, count: cells)
            Self.reset(&back, to: -1, count: cells)
            Self.reset(&stepCost, to: 0, count: cells)
            best[0] = 0
            // The cells through buffers for the whole search: each read of an array checked its
            // bounds and each write that its storage was not shared, per shape of every cell.
            lo.withUnsafeBufferPointer { lo in
                hi.withUnsafeBufferPointer { hi in
                    offset.withUnsafeBufferPointer { offset in
                        best.withUnsafeMutableBufferPointer { best in
                            back.withUnsafeMutableBufferPointer { back in
                                stepCost.withUnsafeMutableBufferPointer { stepCost in
                                    let band = Band(lo: lo, hi: hi, offset: offset, best: best, back: back, stepCost: stepCost)
                                    for i in 0...n {
                                        for j in lo[i]...hi[i] {
                                            if i == 0 && j == 0 { continue }
                                            if let bound {
                                                band.relaxCheapestFirst(i, j, shapes: shapes, cost: cost, bound: bound)
                                            } else {
                                                band.relaxInOrder(i, j, shapes: shapes, cost: cost)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        /// The arrays of a ``Table`` as buffers, while ``Table/fill(n:m:shapes:halfWidth:cost:bound:)``
        /// holds them: valid only inside that call.
        private struct Band {
            let lo: UnsafeBufferPointer<Int>, hi: UnsafeBufferPointer<Int>, offset: UnsafeBufferPointer<Int>
            let best: UnsafeMutableBufferPointer<Double>, back: UnsafeMutableBufferPointer<Int8>
            let stepCost: UnsafeMutableBufferPointer<Double>

            @inline(__always) func cell(_ i: Int, _ j: Int) -> Int { offset[i] + j - lo[i] }

            /// The cell a bead of `shape` ending at (i, j) starts from, if it lies in the band.
            @inline(__always) func predecessor(_ i: Int, _ j: Int, _ shape: Shape) -> Int? {
                let pi = i - shape.en, pj = j - shape.sq
                guard pi >= 0, pj >= 0, pj >= lo[pi], pj <= hi[pi] else { return nil }
                return offset[pi] + pj - lo[pi]
            }

            /// Cell (i, j)'s best from beads of each shape in turn: the first cheapest wins.
            func relaxInOrder(_ i: Int, _ j: Int, shapes: [Shape], cost: (Int, Int, Shape) -> Double?) {
                let cell = cell(i, j)
                for (index, shape) in shapes.enumerated() {
                    guard let from = predecessor(i, j, shape) else { continue }
                    let previous = best[from]
                    guard previous < .infinity, let c = cost(i - shape.en, j - shape.sq, shape) else { continue }
                    offer(previous + c, step: c, shape: index, to: cell)
                }
            }

            /// What ``relaxInOrder(_:_:shapes:cost:)`` finds, pricing the beads in the order of their
            /// lower bounds and leaving out those whose bound is above a price already found.
            ///
            /// A bead left out costs strictly more than the cell's best, so it could neither win nor
            /// tie; the beads priced are then offered in shape order, so ties go as they did. The
            /// comparison allows for the rounding of the bound and of the costs (`boundSlack`).
            func relaxCheapestFirst(_ i: Int, _ j: Int, shapes: [Shape], cost: (Int, Int, Shape) -> Double?,
                                    bound: (Int, Int, Shape) -> Double) {
                // Per shape, on the stack (a cell's few shapes): its predecessor cell (-1 when none),
                // the least its bead could total (then +infinity once priced), and its price.
                withUnsafeTemporaryAllocation(of: ShapeCandidate.self, capacity: shapes.count) { candidates in
                    for (index, shape) in shapes.enumerated() {
                        var candidate = ShapeCandidate(from: -1, lowest: .infinity, price: nil)
                        if let from = predecessor(i, j, shape), best[from] < .infinity {
                            candidate.from = from
                            candidate.lowest = best[from] + bound(i - shape.en, j - shape.sq, shape)
                        }
                        candidates.initializeElement(at: index, to: candidate)
                    }
                    var cheapest = Double.infinity
                    while let index = Self.indexOfLeast(candidates) {
                        let lowest = candidates[index].lowest
                        if lowest - Table.boundSlack * (1 + abs(lowest) + abs(cheapest)) > cheapest { break }
                        candidates[index].lowest = .infinity
                        let shape = shapes[index]
                        guard let c = cost(i - shape.en, j - shape.sq, shape) else { continue }
                        candidates[index].price = c
                        cheapest = min(cheapest, best[candidates[index].from] + c)
                    }
                    let cell = cell(i, j)
                    for index in candidates.indices {
                        guard let c = candidates[index].price else { continue }
                        offer(best[candidates[index].from] + c, step: c, shape: index, to: cell)
                    }
                }
            }

            /// One shape's bead into the cell being relaxed cheapest first.
            private struct ShapeCandidate {
                /// The cell the bead starts from; -1 when it is outside the band or unreached.
                var from: Int
                /// The least the bead could total, then +infinity once priced.
                var lowest: Double
                /// The bead's cost, once priced (nil when it is not allowed or not priced).
                var price: Double?
            }

            /// The index of the candidate with the least finite `lowest` (the first, if several are
            /// least); nil when none is finite. A loop of its own: `min(by:)` with a closure cost more
            /// than the comparisons.
            @inline(__always) private static func indexOfLeast(_ candidates: UnsafeMutableBufferPointer<ShapeCandidate>) -> Int? {
                var least: Int?
                var leastValue = Double.infinity
                for index in candidates.indices where candidates[index].lowest < leastValue {
                    least = index
                    leastValue = candidates[index].lowest
                }
                return least
            }

            /// Makes a bead of shape `index` costing `step` and totalling `total` the best of `cell`
            /// if it is cheaper than the best so far.
            @inline(__always) func offer(_ total: Double, step: Double, shape index: Int, to cell: Int) {
                if total < best[cell] {
                    best[cell] = total
                    back[cell] = Int8(index)
                    stepCost[cell] = step
                }
            }
        }

        /// Relative slack of a bound against a price: far above the rounding error of sums of a
        /// few thousand costs, far below any difference between real alternatives.
        static let boundSlack = 1e-9

        /// `count` copies of `value` in `array`, reusing its storage.
        private static func reset<T>(_ array: inout [T], to value: T, count: Int) {
            array.removeAll(keepingCapacity: true)
            array.append(contentsOf: repeatElement(value, count: count))
        }

        /// Follows the best path back from (n, m): whether it reaches (0, 0), and whether it runs
        /// along the band's edge.
        private func trace(n: Int, m: Int, shapes: [Shape]) -> (reached: Bool, touched: Bool) {
            var touched = false
            var i = n, j = m
            while i > 0 || j > 0 {
                let index = Int(back[cell(i, j)])
                guard index >= 0 else { return (false, true) }
                if (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m) { touched = true }
                i -= shapes[index].en
                j -= shapes[index].sq
            }
            return (true, touched)
        }

        /// The best path to (n, m), which must be reached.
        func path(n: Int, m: Int, shapes: [Shape]) -> [PathStep] {
            var path: [PathStep] = []
            // No more steps than units: one allocation, not one per doubling.
            path.reserveCapacity(n + m)
            var i = n, j = m
            while i > 0 || j > 0 {
                let cell = cell(i, j)
                let shape = shapes[Int(back[cell])]
                path.append(PathStep(en: i - shape.en, sq: j - shape.sq, shape: shape, cost: stepCost[cell]))
                i -= shape.en
                j -= shape.sq
            }
            return path.reversed()
        }
    }
}
