import Foundation
import Testing
import UraTestSupport
@testable import UraAlign

/// The paragraph programme skips beads by a lower bound of their cost: the bound holds, and the
/// path is the one found by pricing every bead, on the development documents.
@Suite struct PruningTests {
    /// The first pass's run of each align-dev document.
    private func devRuns() throws -> [AlignmentRun] {
        let parameters = AlignerParameters()
        return try Fixtures.alignDevDocuments().map { name in
            let base = Fixtures.alignDev + "/" + name
            let text = try BilingualText.read(english: base + ".en.txt", albanian: base + ".sq.txt", presegmented: false)
            return AlignmentRun(document: DocumentFeatures(english: text.english, albanian: text.albanian), parameters: parameters,
                                ratio: parameters.ratioPrior, variance: parameters.variancePrior, recall: parameters.recallPrior)
        }
    }

    /// The sentences of paragraphs `range` of `side`.
    private func sentences(_ range: Range<Int>, _ side: SideFeatures) -> Range<Int> {
        side.paragraphs[range.lowerBound].sentences.lowerBound..<side.paragraphs[range.upperBound - 1].sentences.upperBound
    }

    @Test func boundIsBelowEverySentenceAlignmentCost() throws {
        var checked = 0
        for run in try devRuns() {
            let document = run.document
            let bound = try #require(SentencePathBound(model: run.model, document: document, priors: ShapePriors(AlignerParameters().sentenceShapes)))
            for shape in [Shape.one, .merge, .split] {
                for i in 0..<max(0, document.en.paragraphs.count - shape.en + 1) {
                    for j in 0..<max(0, document.sq.paragraphs.count - shape.sq + 1) {
                        let en = sentences(i..<(i + shape.en), document.en), sq = sentences(j..<(j + shape.sq), document.sq)
                        let least = bound.least(en: en, sq: sq), cost = run.sentencePathCost(en: en, sq: sq)
                        #expect(least <= cost, "\(en) \(sq): bound \(least) above cost \(cost)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 2000)
    }

    /// Paragraph beads price their sentences without the band's bookkeeping when the band would
    /// cover everything: the cost is still that of the banded programme's path, to the bit.
    @Test func sentencePathCostIsThatOfTheBandedPath() throws {
        var full = 0
        for run in try devRuns() {
            let document = run.document
            for shape in [Shape.one, .merge, .split] {
                for i in 0..<max(0, document.en.paragraphs.count - shape.en + 1) {
                    for j in 0..<max(0, document.sq.paragraphs.count - shape.sq + 1) {
                        let en = sentences(i..<(i + shape.en), document.en), sq = sentences(j..<(j + shape.sq), document.sq)
                        #expect(run.sentencePathCost(en: en, sq: sq) == run.sentencePath(en: en, sq: sq).cost, "\(en) \(sq)")
                        if BandedDP.coversAll(n: en.count, m: sq.count, initialHalfWidth: 8) { full += 1 }
                    }
                }
            }
        }
        #expect(full > 2000)
    }

    /// A paragraph bead's sentence programme starts from the cells kept from the 1:1 bead of its
    /// first paragraphs (``SentenceCorners``), in whichever order the beads of a place are priced:
    /// the cost is still that of the banded programme's path, to the bit.
    @Test func sentenceCornersGiveTheCostsOfTheWholeProgramme() throws {
        var checked = 0
        for (index, run) in try devRuns().enumerated() {
            let document = run.document
            // Half the documents price the 1:1 bead of a place first, half last.
            let shapes: [Shape] = index.isMultiple(of: 2)
                ? [.one, .merge, .split, Shape(en: 2, sq: 2)] : [.split, .merge, Shape(en: 2, sq: 2), .one]
            for i in document.en.paragraphs.indices {
                for j in document.sq.paragraphs.indices {
                    for shape in shapes where i + shape.en <= document.en.paragraphs.count && j + shape.sq <= document.sq.paragraphs.count {
                        let en = sentences(i..<(i + shape.en), document.en), sq = sentences(j..<(j + shape.sq), document.sq)
                        #expect(run.sentencePathCost(paragraphs: i..<(i + shape.en), j..<(j + shape.sq))
                                == run.sentencePath(en: en, sq: sq).cost, "\(en) \(sq)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 5000)
    }

    @Test func prunedPathIsThePathOfEveryBeadPriced() throws {
        let shapes = AlignerParameters().paragraphShapes.map(\.0)
        for run in try devRuns() {
            let n = run.document.en.paragraphs.count, m = run.document.sq.paragraphs.count
            let pruned = run.paragraphPath()
            let full = BandedDP.align(n: n, m: m, shapes: shapes, initialHalfWidth: 8) { i, j, shape in
                run.paragraphCost(en: i..<(i + shape.en), sq: j..<(j + shape.sq))
            }
            #expect(pruned == full)
        }
    }
}
