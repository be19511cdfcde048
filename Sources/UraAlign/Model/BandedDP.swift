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

/// One bead of a dynamic-programme path: where it starts on each side and its shape.
struct PathStep: Equatable {
    var en: Int
    var sq: Int
    var shape: Shape
    var cost: Double
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
    ///   - cost: the cost of a bead of `shape` starting at English unit `i` and Albanian unit `j`,
    ///     or `nil` when that bead is not allowed.
    static func align(n: Int, m: Int, shapes: [Shape], initialHalfWidth: Int,
                      cost: (Int, Int, Shape) -> Double?) -> [PathStep] {
        var halfWidth = max(4, initialHalfWidth)
        while true {
            let (path, touched) = search(n: n, m: m, shapes: shapes, halfWidth: halfWidth, cost: cost)
            if !touched || halfWidth >= max(n, m) { return path }
            halfWidth *= 2
        }
    }

    /// One banded search. Returns the path and whether it ran along the band's edge.
    private static func search(n: Int, m: Int, shapes: [Shape], halfWidth: Int,
                               cost: (Int, Int, Shape) -> Double?) -> ([PathStep], Bool) {
        // Row i covers j in lo[i]...hi[i]; the band always contains (0, 0) and (n, m).
        var lo = [Int](repeating: 0, count: n + 1), hi = [Int](repeating: 0, count: n + 1)
        var offset = [Int](repeating: 0, count: n + 2)
        for i in 0...n {
            let center = n == 0 ? 0 : (i * m + n / 2) / n
            lo[i] = max(0, center - halfWidth)
            hi[i] = min(m, center + halfWidth)
            if i == 0 { lo[i] = 0 }
            if i == n { hi[i] = m }
            offset[i + 1] = offset[i] + (hi[i] - lo[i] + 1)
        }
        let cells = offset[n + 1]
        var best = [Double](repeating: .infinity, count: cells)
        var back = [Int8](repeating: -1, count: cells)
        var stepCost = [Double](repeating: 0, count: cells)
        best[0] = 0
        for i in 0...n {
            for j in lo[i]...hi[i] {
                let cell = offset[i] + j - lo[i]
                if i == 0 && j == 0 { continue }
                for (index, shape) in shapes.enumerated() {
                    let pi = i - shape.en, pj = j - shape.sq
                    guard pi >= 0, pj >= 0, pj >= lo[pi], pj <= hi[pi] else { continue }
                    let previous = best[offset[pi] + pj - lo[pi]]
                    guard previous < .infinity, let c = cost(pi, pj, shape) else { continue }
                    if previous + c < best[cell] {
                        best[cell] = previous + c
                        back[cell] = Int8(index)
                        stepCost[cell] = c
                    }
                }
            }
        }
        var path: [PathStep] = []
        var touched = false
        var i = n, j = m
        while i > 0 || j > 0 {
            let cell = offset[i] + j - lo[i]
            let index = Int(back[cell])
            guard index >= 0 else { break }
            if (j == lo[i] && lo[i] > 0) || (j == hi[i] && hi[i] < m) { touched = true }
            let shape = shapes[index]
            path.append(PathStep(en: i - shape.en, sq: j - shape.sq, shape: shape, cost: stepCost[cell]))
            i -= shape.en
            j -= shape.sq
        }
        // An unreachable end (every bead refused) is a band too narrow to pass: widen it.
        if i > 0 || j > 0 { return ([], true) }
        return (path.reversed(), touched)
    }
}
