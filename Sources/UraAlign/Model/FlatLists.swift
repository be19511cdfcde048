/// Lists of integers in one array: list i is `items[ends[i - 1]..<ends[i]]`, so reading one does
/// not retain an array of its own.
struct FlatLists {
    private(set) var items: [Int] = []
    private var ends: [Int] = []

    /// Adds `list` after the others.
    mutating func append(_ list: [Int]) {
        items.append(contentsOf: list)
        ends.append(items.count)
    }

    /// Adds the union of the sorted lists of unique ids `a` and `b`, sorted, after the others
    /// (``CostModel/sortedUnion(_:_:)`` without an array of its own).
    mutating func appendUnion(_ a: [Int], _ b: [Int]) {
        // Merged on the stack and appended at once: an append per id checked the storage each time.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: a.count + b.count) { union in
            var count = 0
            CostModel.forEachInUnion(a, b) { id in
                union.initializeElement(at: count, to: id)
                count += 1
            }
            items.append(contentsOf: union[..<count])
        }
        ends.append(items.count)
    }

    /// Room for `lists` lists of `items` items in all.
    mutating func reserveCapacity(lists: Int, items count: Int) {
        ends.reserveCapacity(lists)
        items.reserveCapacity(count)
    }

    /// The positions in `items` of list `index`.
    @inline(__always) func positions(of index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }
}
