/// Memoised costs of the sentence beads of one run in one array, by English sentence, Albanian
/// sentence and shape: a look-up is an index, not a hash. For documents small enough (news has a
/// few dozen sentences a side); a larger one uses ``CostCache``.
final class DenseCostTable {
    /// The costs, NaN where not yet computed: memory of the table's own, written in place (an
    /// array's write checked that its storage was not shared, about as dear as the look-up).
    /// Only ``cost(en:sq:shape:compute:)`` touches them, and never while `compute` runs.
    private let costs: UnsafeMutableBufferPointer<Double>
    private let rowLength: Int, shapeCount: Int

    /// The most costs a table holds (2 MiB).
    static let limit = 1 << 18

    /// A table for beads starting at English sentences 0...`enCount` and Albanian sentences
    /// 0...`sqCount`, of `shapeCount` shapes; nil when it would hold more than ``limit`` costs.
    init?(enCount: Int, sqCount: Int, shapeCount: Int) {
        let (cells, overflow) = (enCount + 1).multipliedReportingOverflow(by: (sqCount + 1) * shapeCount)
        guard !overflow, cells <= Self.limit else { return nil }
        costs = .allocate(capacity: cells)
        costs.initialize(repeating: .nan)
        rowLength = (sqCount + 1) * shapeCount
        self.shapeCount = shapeCount
    }

    deinit {
        costs.deallocate()
    }

    /// The cost of the bead of shape number `shape` starting at English sentence `en` and
    /// Albanian sentence `sq`, computed by `compute` the first time.
    @inline(__always) func cost(en: Int, sq: Int, shape: Int, compute: () -> Double) -> Double {
        cost(at: place(en: en, sq: sq, shape: shape), compute: compute)
    }

    /// Where the cost of the bead of shape number `shape` starting at English sentence `en` and
    /// Albanian sentence `sq` is kept: linear in each, so a programme that walks the beads in
    /// order can step from one place to the next by adding.
    @inline(__always) func place(en: Int, sq: Int, shape: Int) -> Int {
        en * rowLength + sq * shapeCount + shape
    }

    /// The cost kept at `index` (a ``place(en:sq:shape:)``), computed by `compute` the first time.
    @inline(__always) func cost(at index: Int, compute: () -> Double) -> Double {
        precondition(costs.indices.contains(index), "bead outside the dense cost table")
        let known = costs[index]
        if !known.isNaN { return known }
        let value = compute()
        costs[index] = value
        return value
    }
}
