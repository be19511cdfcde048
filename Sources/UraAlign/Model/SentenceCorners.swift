/// The cells of the sentence programme of the 1:1 paragraph bead at each place of one run, kept
/// for the other beads from that place.
///
/// The sentence programme of a paragraph bead fills cell (r, c) from the beads that end there,
/// which all start at or after the bead's first sentences. So the programme of the 2:1 bead from
/// paragraphs (i, j) begins with the whole programme of the 1:1 bead from (i, j) (its first rows),
/// and that of the 1:2 bead with it too (its first columns): the same cells, from the same bead
/// costs in the same order, so the same values to the bit. The paragraph programme prices the
/// three beads of a place one after another, and copying the shared corner saves about half the
/// cells of each 2:1 and 1:2 bead (and all of a 1:1 bead priced after one of them).
///
/// For the full programme only (``AlignmentRun`` uses it when the band covers every cell), and
/// for documents small enough for a ``DenseCostTable`` of sentence beads.
final class SentenceCorners {
    /// Per place (English paragraph i, Albanian paragraph j) at `i * sqParagraphs + j`: where its
    /// corner starts in `cells`, -1 until it is kept. Memory of the store's own, as in
    /// ``DenseCostTable``: an array's write checked that its storage was not shared.
    private let starts: UnsafeMutableBufferPointer<Int>
    /// The corners, one after another, each row by row, in the first `count` cells; doubled when full.
    private var cells: UnsafeMutableBufferPointer<Double>
    private var count = 0
    private let sqParagraphs: Int

    /// Room for the corners of `enParagraphs` by `sqParagraphs` places; nil when there would be
    /// more places than ``DenseCostTable/limit``.
    init?(enParagraphs: Int, sqParagraphs: Int) {
        let (places, overflow) = enParagraphs.multipliedReportingOverflow(by: sqParagraphs)
        guard !overflow, places <= DenseCostTable.limit else { return nil }
        starts = .allocate(capacity: places)
        starts.initialize(repeating: -1)
        cells = .allocate(capacity: 1024)
        self.sqParagraphs = sqParagraphs
    }

    deinit {
        starts.deallocate()
        cells.deallocate()
    }

    /// Where the corner of place (`en`, `sq`) starts in ``cells``, if it is kept.
    @inline(__always) func start(en: Int, sq: Int) -> Int? {
        let start = starts[en * sqParagraphs + sq]
        return start < 0 ? nil : start
    }

    /// The kept cells (see ``start(en:sq:)``): valid until the next ``keep(en:sq:rows:columns:of:width:)``.
    @inline(__always) var keptCells: UnsafeBufferPointer<Double> { UnsafeBufferPointer(rebasing: cells[..<count]) }

    /// Keeps as the corner of place (`en`, `sq`) the first `rows` + 1 rows and `columns` + 1
    /// columns of the programme `table`, whose rows are `width` cells long.
    func keep(en: Int, sq: Int, rows: Int, columns: Int, of table: UnsafeMutableBufferPointer<Double>, width: Int) {
        let size = (rows + 1) * (columns + 1)
        if count + size > cells.count {
            let larger = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(2 * cells.count, count + size))
            _ = larger.initialize(fromContentsOf: cells[..<count])
            cells.deallocate()
            cells = larger
        }
        starts[en * sqParagraphs + sq] = count
        for row in 0...rows {
            for column in 0...columns {
                cells[count] = table[row * width + column]
                count += 1
            }
        }
    }
}
