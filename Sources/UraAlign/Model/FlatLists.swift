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
        CostModel.forEachInUnion(a, b) { items.append($0) }
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
