import Foundation
import UraCore

/// One pass of the aligner over one document with fixed costs.
///
/// A class: the dynamic programmes call back into it for every cell, and each closure that
/// captured a struct copied (retained and released) all of its arrays.
final class AlignmentRun {
    let document: DocumentFeatures
    let model: CostModel
    /// Paragraph bead shapes with their prior costs.
    private let paragraphPriors: ShapePriors
    private var paragraphShapes: [Shape] { paragraphPriors.shapes }
    /// Sentence bead shapes with their prior costs.
    private let sentencePriors: ShapePriors
    private var sentenceShapes: [Shape] { sentencePriors.shapes }
    /// The sentence shapes that have a prior, in the order of ``sentenceShapes``, each with its
    /// prior and its place in ``denseSentenceCosts`` (those of the first shape of its sizes, as
    /// ``ShapePriors`` gives): what the full sentence programme tries at each cell.
    private let pricedSentenceShapes: [PricedShape]
    /// Paragraph bead costs already computed: the confidence windows ask for the same beads as
    /// the programme, and each costs a sentence alignment. In one array when the document is
    /// small enough (`denseParagraphCosts`, with a bead not allowed kept as +infinity, which no
    /// allowed bead costs), else hashed.
    private let cache: CostCache
    private let denseParagraphCosts: DenseCostTable?
    /// Sentence bead costs already computed: paragraph beads that overlap (1:1, 2:1 and 1:2 from
    /// the same place) align the same sentences again. In one array when the document is small
    /// enough (`denseSentenceCosts`), else hashed.
    private let sentenceCache: CostCache
    private let denseSentenceCosts: DenseCostTable?
    /// The cells of the full sentence programmes of 1:1 paragraph beads, for the beads from the
    /// same place (see ``SentenceCorners``); nil when the sentence costs are hashed.
    private let sentenceCorners: SentenceCorners?
    /// Tables of the paragraph programmes, and of the sentence programmes run inside them.
    private let paragraphWorkspace = DPWorkspace(), sentenceWorkspace = DPWorkspace()
    /// Which paragraphs are headings, per side: asked for with every paragraph bead.
    private let enHeadings: [Bool], sqHeadings: [Bool]
    /// Lower bounds of sentence alignment costs, so the paragraph programme prices fewer beads.
    private let sentenceBound: SentencePathBound?
    /// Lower bounds of paragraph bead costs already worked out: the confidence windows ask for
    /// them again. In one array when the document is small enough, as the costs are.
    private let boundCache: CostCache
    private let denseParagraphBounds: DenseCostTable?

    init(document: DocumentFeatures, parameters: AlignerParameters, ratio: Double, variance: Double, recall: [Double]) {
        self.document = document
        // Each unit starts beads of a few shapes with the units of the other side near it.
        paragraphPriors = ShapePriors(parameters.paragraphShapes)
        let paragraphUnits = (en: document.en.paragraphs.count, sq: document.sq.paragraphs.count)
        denseParagraphCosts = DenseCostTable(enCount: paragraphUnits.en, sqCount: paragraphUnits.sq,
                                             shapeCount: paragraphPriors.shapes.count)
        denseParagraphBounds = DenseCostTable(enCount: paragraphUnits.en, sqCount: paragraphUnits.sq,
                                              shapeCount: paragraphPriors.shapes.count)
        let hashedBeads = denseParagraphCosts == nil ? Self.beadsPerUnit * (paragraphUnits.en + paragraphUnits.sq) : 0
        cache = CostCache(expected: hashedBeads)
        denseSentenceCosts = DenseCostTable(enCount: document.en.sentences.count, sqCount: document.sq.sentences.count,
                                            shapeCount: parameters.sentenceShapes.count)
        sentenceCorners = denseSentenceCosts == nil ? nil
            : SentenceCorners(enParagraphs: paragraphUnits.en, sqParagraphs: paragraphUnits.sq)
        sentenceCache = CostCache(expected: denseSentenceCosts == nil
                                  ? Self.beadsPerUnit * (document.en.sentences.count + document.sq.sentences.count) : 0)
        boundCache = CostCache(expected: denseParagraphBounds == nil ? hashedBeads : 0)
        model = CostModel(document: document, parameters: parameters, ratio: ratio, variance: variance, recall: recall)
        let sentencePriors = ShapePriors(parameters.sentenceShapes)
        self.sentencePriors = sentencePriors
        pricedSentenceShapes = sentencePriors.shapes.compactMap { shape in
            guard let prior = sentencePriors.cost(en: shape.en, sq: shape.sq),
                  let place = sentencePriors.place(en: shape.en, sq: shape.sq) else { return nil }
            return PricedShape(shape: shape, prior: prior, place: place)
        }
        sentenceBound = SentencePathBound(model: model, document: document, priors: sentencePriors)
        enHeadings = document.en.paragraphs.map(\.isHeading)
        sqHeadings = document.sq.paragraphs.map(\.isHeading)
    }

    /// Beads whose cost a run asks for, per unit of the document, about: what the caches are
    /// sized for so they seldom grow.
    static let beadsPerUnit = 24

    // MARK: Paragraphs

    /// The cheapest paragraph path.
    /// - Complexity: near-linear in the number of paragraphs (see ``BandedDP``).
    func paragraphPath() -> [PathStep] {
        BandedDP.align(n: document.en.paragraphs.count, m: document.sq.paragraphs.count,
                       shapes: paragraphShapes, initialHalfWidth: 8, workspace: paragraphWorkspace) { i, j, shape in
            paragraphCost(en: i..<(i + shape.en), sq: j..<(j + shape.sq))
        } bound: { i, j, shape in
            self.leastParagraphCost(en: i..<(i + shape.en), sq: j..<(j + shape.sq))
        }
    }

    /// The cost of a paragraph bead, or nil when it is not allowed (a heading merged or split).
    func paragraphCost(en: Range<Int>, sq: Range<Int>) -> Double? {
        if let denseParagraphCosts, let place = paragraphPriors.place(en: en.count, sq: sq.count) {
            let cost = denseParagraphCosts.cost(en: en.lowerBound, sq: sq.lowerBound, shape: place) {
                computeParagraphCost(en: en, sq: sq) ?? .infinity
            }
            return cost < .infinity ? cost : nil
        }
        return cache.cost(en: en, sq: sq) { computeParagraphCost(en: en, sq: sq) }
    }

    private func computeParagraphCost(en: Range<Int>, sq: Range<Int>) -> Double? {
        guard let fixed = fixedParagraphCost(en: en, sq: sq) else { return nil }
        if en.isEmpty || sq.isEmpty {
            return fixed + model.sentenceEvidence(en: sentences(of: en, in: document.en), sq: sentences(of: sq, in: document.sq))
        }
        return fixed + sentencePathCost(paragraphs: en, sq)
    }

    /// What a paragraph bead costs whatever its sentences: its prior and any heading penalty; nil
    /// when it is not allowed.
    private func fixedParagraphCost(en: Range<Int>, sq: Range<Int>) -> Double? {
        let shape = Shape(en: en.count, sq: sq.count)
        guard let prior = paragraphPriors.cost(en: shape.en, sq: shape.sq) else { return nil }
        let headingEn = Self.containsHeading(en, enHeadings), headingSq = Self.containsHeading(sq, sqHeadings)
        if shape.isNull {
            // A run of untranslated units (sentence mode) is one lost paragraph: never a heading
            // and its text together.
            if en.count + sq.count > 1 && (headingEn || headingSq) { return nil }
            return prior
        }
        var cost = prior
        if headingEn || headingSq {
            if en.count + sq.count > 2 { return nil }
            // A heading translates a heading: one sentence for one sentence.
            let enSentences = sentences(of: en, in: document.en), sqSentences = sentences(of: sq, in: document.sq)
            if enSentences.count != 1 || sqSentences.count != 1 { cost += model.parameters.headingPenalty }
        }
        return cost
    }

    /// Whether one of `paragraphs` is a heading, by `headings` (one flag per paragraph).
    @inline(__always) private static func containsHeading(_ paragraphs: Range<Int>, _ headings: [Bool]) -> Bool {
        for index in paragraphs where headings[index] { return true }
        return false
    }

    /// A lower bound of ``paragraphCost(en:sq:)`` (+infinity for a bead not allowed), cheap to
    /// work out: the cost itself for a bead with no sentence alignment, else the fixed cost and a
    /// bound of the sentence alignment's (see ``SentencePathBound``).
    private func leastParagraphCost(en: Range<Int>, sq: Range<Int>) -> Double {
        if en.isEmpty || sq.isEmpty { return paragraphCost(en: en, sq: sq) ?? .infinity }
        if let denseParagraphBounds, let place = paragraphPriors.place(en: en.count, sq: sq.count) {
            return denseParagraphBounds.cost(en: en.lowerBound, sq: sq.lowerBound, shape: place) {
                computeLeastParagraphCost(en: en, sq: sq)
            }
        }
        return boundCache.cost(en: en, sq: sq) { computeLeastParagraphCost(en: en, sq: sq) } ?? -.infinity
    }

    private func computeLeastParagraphCost(en: Range<Int>, sq: Range<Int>) -> Double {
        guard let fixed = fixedParagraphCost(en: en, sq: sq) else { return .infinity }
        guard let sentenceBound else { return -.infinity }
        return fixed + sentenceBound.least(en: sentences(of: en, in: document.en), sq: sentences(of: sq, in: document.sq))
    }

    private func sentences(of paragraphs: Range<Int>, in side: SideFeatures) -> Range<Int> {
        guard let first = paragraphs.first, let last = paragraphs.last else { return 0..<0 }
        return side.paragraphs[first].sentences.lowerBound..<side.paragraphs[last].sentences.upperBound
    }

    // MARK: Sentences

    /// The cheapest sentence alignment of English sentences `en` with Albanian sentences `sq`
    /// (the sentences of one paragraph bead), with absolute indices.
    /// - Complexity: O(n · m) for the n and m sentences of a paragraph bead of news (a few
    ///   each); near-linear for a long one, since the band starts narrow.
    func sentencePath(en: Range<Int>, sq: Range<Int>) -> (cost: Double, path: [PathStep]) {
        let path = BandedDP.align(n: en.count, m: sq.count, shapes: sentenceShapes,
                                  initialHalfWidth: Self.sentenceHalfWidth(en, sq), workspace: sentenceWorkspace) { i, j, shape in
            sentenceCost(en: en, sq: sq, at: i, j, shape)
        }
        let absolute = path.map { PathStep(en: $0.en + en.lowerBound, sq: $0.sq + sq.lowerBound, shape: $0.shape, cost: $0.cost) }
        return (path.reduce(0) { $0 + $1.cost }, absolute)
    }

    /// The cost of ``sentencePath(en:sq:)``, to the bit, without building the path: what a
    /// paragraph bead costs.
    func sentencePathCost(en: Range<Int>, sq: Range<Int>) -> Double {
        if BandedDP.coversAll(n: en.count, m: sq.count, initialHalfWidth: Self.sentenceHalfWidth(en, sq)) {
            return fullSentencePathCost(en: en, sq: sq)
        }
        return BandedDP.pathCost(n: en.count, m: sq.count, shapes: sentenceShapes,
                                 initialHalfWidth: Self.sentenceHalfWidth(en, sq), workspace: sentenceWorkspace) { i, j, shape in
            sentenceCost(en: en, sq: sq, at: i, j, shape)
        }
    }

    /// ``sentencePathCost(en:sq:)`` of the sentences of English paragraphs `en` and Albanian
    /// paragraphs `sq` (neither empty), to the bit; the full programme starts from the cells of
    /// the 1:1 bead of their first paragraphs when those are kept, and keeps them when not (see
    /// ``SentenceCorners``).
    func sentencePathCost(paragraphs en: Range<Int>, _ sq: Range<Int>) -> Double {
        let enSentences = sentences(of: en, in: document.en), sqSentences = sentences(of: sq, in: document.sq)
        guard let denseSentenceCosts, let sentenceCorners,
              BandedDP.coversAll(n: enSentences.count, m: sqSentences.count,
                                 initialHalfWidth: Self.sentenceHalfWidth(enSentences, sqSentences)) else {
            return sentencePathCost(en: enSentences, sq: sqSentences)
        }
        let corner = Corner(en: en.lowerBound, sq: sq.lowerBound,
                            rows: document.en.paragraphs[en.lowerBound].sentences.count,
                            columns: document.sq.paragraphs[sq.lowerBound].sentences.count)
        // A corner of one sentence a side (every unit in sentence mode) is three cells: cheaper
        // worked out than kept and copied.
        return fullSentencePathCost(en: enSentences, sq: sqSentences, dense: denseSentenceCosts,
                                    corner: corner.rows * corner.columns > 1 ? (corner, sentenceCorners) : nil)
    }

    /// ``sentencePathCost(en:sq:)`` when the band covers every cell (paragraphs of up to eight
    /// sentences): the same programme, cell by cell and shape by shape, without the band's
    /// bookkeeping or the back pointers, which a cost does not need.
    private func fullSentencePathCost(en: Range<Int>, sq: Range<Int>) -> Double {
        if let denseSentenceCosts { return fullSentencePathCost(en: en, sq: sq, dense: denseSentenceCosts, corner: nil) }
        let n = en.count, m = sq.count, width = m + 1
        // Shapes without a prior are never a bead: left out once here rather than per cell.
        return pricedSentenceShapes.withUnsafeBufferPointer { shapes in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: (n + 1) * width) { best in
                best.initialize(repeating: .infinity)
                best[0] = 0
                for i in 0...n {
                    for j in 0...m where i > 0 || j > 0 {
                        var cell = Double.infinity
                        for priced in shapes {
                            let pi = i - priced.shape.en, pj = j - priced.shape.sq
                            guard pi >= 0, pj >= 0 else { continue }
                            let previous = best[pi * width + pj]
                            guard previous < .infinity else { continue }
                            let c = sentenceCost(priced, en: en.lowerBound + pi, sq: sq.lowerBound + pj)
                            if previous + c < cell { cell = previous + c }
                        }
                        best[i * width + j] = cell
                    }
                }
                // An end no path reaches costs 0, as in ``BandedDP/pathCost``.
                return best[n * width + m] < .infinity ? best[n * width + m] : 0
            }
        }
    }

    /// ``fullSentencePathCost(en:sq:)`` with the sentence bead costs in `dense`: the same cells,
    /// shapes and sums, with each shape's step back in the programme's cells and in the table
    /// worked out once per bead rather than once per cell, and each cell's place in the table
    /// reached by adding rather than multiplying. With a `corner`, the cells of its 1:1 bead are
    /// copied from `corners` if kept there, and kept there if not.
    private func fullSentencePathCost(en: Range<Int>, sq: Range<Int>, dense: DenseCostTable,
                                      corner: (Corner, SentenceCorners)?) -> Double {
        let n = en.count, m = sq.count, width = m + 1
        let enStride = dense.place(en: 1, sq: 0, shape: 0), sqStride = dense.place(en: 0, sq: 1, shape: 0)
        return withUnsafeTemporaryAllocation(of: DenseStep.self, capacity: pricedSentenceShapes.count) { steps in
            for (index, priced) in pricedSentenceShapes.enumerated() {
                steps.initializeElement(at: index, to: DenseStep(
                    en: priced.shape.en, sq: priced.shape.sq, prior: priced.prior,
                    cells: priced.shape.en * width + priced.shape.sq,
                    places: priced.shape.en * enStride + priced.shape.sq * sqStride - priced.place))
            }
            let steps = UnsafeBufferPointer(steps)
            // Every cell is written before a later one reads it (its predecessors come first in
            // row order), so only the start needs a value up front.
            return withUnsafeTemporaryAllocation(of: Double.self, capacity: (n + 1) * width) { best in
                // Cells (i, j) with i <= filled.rows and j <= filled.columns are copied from the corner.
                var filled = (rows: -1, columns: -1)
                if let (corner, corners) = corner, let start = corners.start(en: corner.en, sq: corner.sq) {
                    let cells = corners.keptCells
                    var from = start
                    for row in 0...corner.rows {
                        for column in 0...corner.columns {
                            best[row * width + column] = cells[from]
                            from += 1
                        }
                    }
                    filled = (corner.rows, corner.columns)
                }
                best[0] = 0
                for i in 0...n {
                    let first = i <= filled.rows ? filled.columns + 1 : 0
                    guard first <= m else { continue }
                    var place = dense.place(en: en.lowerBound + i, sq: sq.lowerBound + first, shape: 0)
                    var cellIndex = i * width + first
                    for j in first...m {
                        defer {
                            place += sqStride
                            cellIndex += 1
                        }
                        if i == 0 && j == 0 { continue }
                        var cell = Double.infinity
                        for step in steps where i >= step.en && j >= step.sq {
                            let previous = best[cellIndex - step.cells]
                            guard previous < .infinity else { continue }
                            let c = dense.cost(at: place - step.places) {
                                let first = (en: en.lowerBound + i - step.en, sq: sq.lowerBound + j - step.sq)
                                return step.prior + model.sentenceEvidence(en: first.en..<(first.en + step.en),
                                                                           sq: first.sq..<(first.sq + step.sq))
                            }
                            if previous + c < cell { cell = previous + c }
                        }
                        best[cellIndex] = cell
                    }
                }
                if let (corner, corners) = corner, filled.rows < 0 {
                    corners.keep(en: corner.en, sq: corner.sq, rows: corner.rows, columns: corner.columns, of: best, width: width)
                }
                // An end no path reaches costs 0, as in ``BandedDP/pathCost``.
                return best[n * width + m] < .infinity ? best[n * width + m] : 0
            }
        }
    }

    /// The band a sentence programme starts with: wide enough for the difference in counts.
    private static func sentenceHalfWidth(_ en: Range<Int>, _ sq: Range<Int>) -> Int {
        8 + abs(en.count - sq.count)
    }

    /// The cost of the sentence bead of `shape` starting `i` sentences into `en` and `j` into `sq`.
    @inline(__always)
    private func sentenceCost(en: Range<Int>, sq: Range<Int>, at i: Int, _ j: Int, _ shape: Shape) -> Double? {
        sentenceCost(en: (en.lowerBound + i)..<(en.lowerBound + i + shape.en),
                     sq: (sq.lowerBound + j)..<(sq.lowerBound + j + shape.sq))
    }

    /// ``sentenceCost(en:sq:)`` of the bead of `priced` starting at English sentence `en` and
    /// Albanian sentence `sq`, with the shape's prior and place looked up once per run
    /// (``pricedSentenceShapes``) rather than per bead.
    @inline(__always)
    private func sentenceCost(_ priced: PricedShape, en: Int, sq: Int) -> Double {
        let enRange = en..<(en + priced.shape.en), sqRange = sq..<(sq + priced.shape.sq)
        if let denseSentenceCosts {
            return denseSentenceCosts.cost(en: en, sq: sq, shape: priced.place) {
                priced.prior + model.sentenceEvidence(en: enRange, sq: sqRange)
            }
        }
        // A bead with a prior is allowed: the cache holds its cost.
        let cost = sentenceCache.cost(en: enRange, sq: sqRange) { priced.prior + model.sentenceEvidence(en: enRange, sq: sqRange) }
        return cost ?? .infinity
    }

    @inline(__always)
    func sentenceCost(en: Range<Int>, sq: Range<Int>) -> Double? {
        guard let prior = sentencePriors.cost(en: en.count, sq: sq.count) else { return nil }
        if let denseSentenceCosts, let shape = sentencePriors.place(en: en.count, sq: sq.count) {
            return denseSentenceCosts.cost(en: en.lowerBound, sq: sq.lowerBound, shape: shape) {
                prior + model.sentenceEvidence(en: en, sq: sq)
            }
        }
        return sentenceCache.cost(en: en, sq: sq) { prior + model.sentenceEvidence(en: en, sq: sq) }
    }

    /// The 1:1 sentence pairs (English, Albanian index) of the aligned paragraph beads of `path`:
    /// what the second pass learns from.
    func sentencePairs(_ path: [PathStep]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        for step in path where !step.shape.isNull {
            let en = sentences(of: step.en..<(step.en + step.shape.en), in: document.en)
            let sq = sentences(of: step.sq..<(step.sq + step.shape.sq), in: document.sq)
            for bead in sentencePath(en: en, sq: sq).path where bead.shape == .one {
                pairs.append((bead.en, bead.sq))
            }
        }
        return pairs
    }

    // MARK: Result

    /// The alignment for paragraph path `path`: paragraph beads with confidences, and the
    /// sentence beads inside them (sentences of 1:0 and 0:1 paragraphs become 1:0 and 0:1).
    func alignment(_ path: [PathStep]) -> Alignment {
        var paragraphs: [Bead] = []
        var sentenceBeads: [Bead] = []
        for (index, step) in path.enumerated() {
            let enRange = step.en..<(step.en + step.shape.en), sqRange = step.sq..<(step.sq + step.shape.sq)
            let score = paragraphConfidence(path, at: index)
            paragraphs.append(Bead(en: Array(enRange), sq: Array(sqRange), score: score))
            let en = sentences(of: enRange, in: document.en), sq = sentences(of: sqRange, in: document.sq)
            if step.shape.isNull {
                for sentence in en { sentenceBeads.append(Bead(en: [sentence], sq: [], score: score)) }
                for sentence in sq { sentenceBeads.append(Bead(en: [], sq: [sentence], score: score)) }
                continue
            }
            let inner = sentencePath(en: en, sq: sq).path
            for (position, bead) in inner.enumerated() {
                sentenceBeads.append(Bead(en: Array(bead.en..<(bead.en + bead.shape.en)),
                                          sq: Array(bead.sq..<(bead.sq + bead.shape.sq)),
                                          score: sentenceConfidence(inner, at: position)))
            }
        }
        return Alignment(paragraphs: paragraphs, sentences: sentenceBeads)
    }

    /// How sure the aligner is of paragraph bead `index` of `path`, in 0...1: the odds of the
    /// chosen alignment of its neighbourhood (two beads either side) against the best alignment
    /// of the same units that does not contain this bead (a drop moved, a merge undone, ...).
    func paragraphConfidence(_ path: [PathStep], at index: Int) -> Double {
        confidence(path, at: index, shapes: paragraphShapes, workspace: paragraphWorkspace) { en, sq in
            paragraphCost(en: en, sq: sq)
        } bound: { en, sq in
            self.leastParagraphCost(en: en, sq: sq)
        }
    }

    /// The same for a sentence bead inside one paragraph bead.
    func sentenceConfidence(_ path: [PathStep], at index: Int) -> Double {
        confidence(path, at: index, shapes: sentenceShapes, workspace: sentenceWorkspace) { en, sq in sentenceCost(en: en, sq: sq) }
    }

    /// Neighbouring beads either side that the alternatives may rearrange.
    static let confidenceWindow = 2

    /// - Complexity: O(w²) bead costs for a window of w units.
    /// - Parameter bound: a lower bound of `cost` (see ``BandedDP``), or nil.
    private func confidence(_ path: [PathStep], at index: Int, shapes: [Shape], workspace: DPWorkspace,
                            cost: (Range<Int>, Range<Int>) -> Double?,
                            bound: ((Range<Int>, Range<Int>) -> Double)? = nil) -> Double {
        let low = max(0, index - Self.confidenceWindow), high = min(path.count - 1, index + Self.confidenceWindow)
        let first = path[low], last = path[high], bead = path[index]
        let current = path[low...high].reduce(0) { $0 + $1.cost }
        let n = last.en + last.shape.en - first.en, m = last.sq + last.shape.sq - first.sq
        /// The units of the bead of `shape` at (i, j) of the window; nil for the bead in doubt.
        func units(_ i: Int, _ j: Int, _ shape: Shape) -> (en: Range<Int>, sq: Range<Int>)? {
            let en = first.en + i, sq = first.sq + j
            if en == bead.en && sq == bead.sq && shape == bead.shape { return nil }
            return (en..<(en + shape.en), sq..<(sq + shape.sq))
        }
        let boundInWindow = bound.map { bound in
            { (i: Int, j: Int, shape: Shape) in units(i, j, shape).map { bound($0.en, $0.sq) } ?? .infinity }
        }
        let alternative = BandedDP.align(n: n, m: m, shapes: shapes, initialHalfWidth: max(n, m), workspace: workspace,
                                         cost: { i, j, shape in units(i, j, shape).flatMap { cost($0.en, $0.sq) } },
                                         bound: boundInWindow)
        // No other way to align these units (one unit on each side, say): nothing to doubt.
        guard !alternative.isEmpty else { return 1 }
        return Self.logistic(alternative.reduce(0) { $0 + $1.cost } - current)
    }

    /// 1 / (1 + e^-x), rounded to three decimals so output is stable and short.
    static func logistic(_ x: Double) -> Double {
        rounded(1 / (1 + exp(-max(-50, min(50, x)))))
    }

    /// `value` rounded to three decimals.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// A priced shape as ``AlignmentRun/fullSentencePathCost(en:sq:dense:)`` steps back by it: how
/// many cells of the programme and places of the ``DenseCostTable`` lie between a bead's end
/// and its start.
private struct DenseStep {
    /// The shape's units on each side.
    var en: Int, sq: Int
    /// The shape's prior cost.
    var prior: Double
    var cells: Int
    var places: Int
}

/// The 1:1 paragraph bead whose sentence programme a larger bead's begins with: its paragraphs,
/// and their sentence counts (the rows and columns of its cells past the first).
private struct Corner {
    var en: Int, sq: Int
    var rows: Int, columns: Int
}

/// A bead shape with its prior cost and its place among the shapes of a ``DenseCostTable``.
private struct PricedShape {
    var shape: Shape
    var prior: Double
    var place: Int
}
