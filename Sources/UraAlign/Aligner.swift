import Foundation
import UraCore

/// Settings of the aligner. The defaults are what Ura uses; the probabilities are the bead
/// frequencies of real bilingual news (paragraphs: 1:1 three in four, merges and splits one in
/// six, drops one in eleven); lengths and anchor recalls are re-estimated on each document.
public struct AlignerParameters: Sendable {
    /// Weight of anchor evidence against length evidence (1 = as the model says).
    public var anchorWeight = 1.0
    /// Induce a translation lexicon from the first pass and align again with it (hunalign's
    /// second pass).
    public var induceLexicon = true
    /// A bilingual lexicon to use as anchors (e.g. the migration glossary).
    public var lexicon: BilingualLexicon?
    /// Also try 2:2, 1:3 and 3:1 paragraph beads.
    public var wideBeads = false
    /// Cost of pairing a heading with a paragraph of several sentences.
    public var headingPenalty = 8.0
    /// Prior Albanian characters per English character (measured on news).
    public var ratioPrior = 1.14
    /// Prior variance of the Albanian length per English character (measured on news).
    public var variancePrior = 2.2
    /// Prior recall of number, name, cognate and lexicon anchors.
    public var recallPrior = [0.9, 0.6, 0.15, 0.5]

    public init() {}

    /// Align a text without paragraphs (each side one paragraph of many sentences) sentence by
    /// sentence, with sentence-level priors: set by the aligner, not by callers.
    var sentenceMode = false

    /// Prior of a run of untranslated sentences in sentence mode: that of one sentence.
    let runPrior = 0.04

    /// Paragraph bead shapes and their prior probabilities.
    var paragraphShapes: [(Shape, Double)] {
        if sentenceMode {
            // Whole paragraphs go missing (several sentences in a row); sentences are rarely
            // merged or split by a translator.
            // A dropped paragraph takes a run of sentences with it: a run of up to four costs what
            // one sentence does, so drops are not scattered.
            var shapes: [(Shape, Double)] = [(.one, 0.9), (.merge, 0.01), (.split, 0.01)]
            for run in 1...4 {
                shapes += [(Shape(en: run, sq: 0), runPrior), (Shape(en: 0, sq: run), runPrior)]
            }
            return shapes
        }
        var shapes: [(Shape, Double)] = [(.one, 0.75), (.deletion, 0.045), (.insertion, 0.045), (.merge, 0.08), (.split, 0.08)]
        if wideBeads {
            shapes += [(Shape(en: 2, sq: 2), 0.002), (Shape(en: 1, sq: 3), 0.002), (Shape(en: 3, sq: 1), 0.002)]
        }
        return shapes
    }

    /// Sentence bead shapes inside an aligned paragraph bead: almost always 1:1; the rest are
    /// segmentation differences and the odd sentence left out.
    var sentenceShapes: [(Shape, Double)] {
        [(.one, 0.97), (.deletion, 0.005), (.insertion, 0.005), (.merge, 0.01), (.split, 0.01)]
    }
}

/// Aligns the paragraphs and sentences of an English text and its Albanian translation.
///
/// A dynamic programme over paragraph beads (1:1, 1:0, 0:1, 2:1, 1:2) whose cost for aligned
/// paragraphs is the cost of the best sentence alignment inside them (sentence lengths, numbers,
/// names and lexicon pairs), so paragraph decisions rest on sentence-level evidence. Two passes:
/// the first estimates the document's length variance, anchor recalls and a lexicon of word
/// pairs that co-occur in aligned sentences; the second aligns with them.
public struct Aligner: Sendable {
    public var parameters: AlignerParameters

    public init(parameters: AlignerParameters = AlignerParameters()) {
        self.parameters = parameters
    }

    /// Aligns `english` and `albanian`, each given as the sentences of each paragraph.
    ///
    /// Every paragraph and sentence of each side is in exactly one bead, in document order;
    /// sentence indices count sentences across the whole document.
    /// - Complexity: near-linear in the number of paragraphs (banded search, see ``BandedDP``),
    ///   times the square of the sentences per paragraph.
    public func align(english: [[String]], albanian: [[String]]) -> Alignment {
        let sentenceCounts = (english.joined().count, albanian.joined().count)
        if english.count == 1 && albanian.count == 1 && max(sentenceCounts.0, sentenceCounts.1) > 3 {
            // No paragraphs to go by (a presegmented file without blank lines): every sentence
            // is a unit of the main programme.
            var sentenceParameters = parameters
            sentenceParameters.sentenceMode = true
            let inner = Aligner(parameters: sentenceParameters)
                .alignUnits(english: english[0].map { [$0] }, albanian: albanian[0].map { [$0] })
            let score = inner.paragraphs.isEmpty ? 1 : inner.paragraphs.reduce(0) { $0 + $1.score } / Double(inner.paragraphs.count)
            // A run of untranslated sentences is one bead per sentence in the result.
            let sentences = inner.paragraphs.flatMap { bead in
                bead.en.isEmpty || bead.sq.isEmpty
                    ? bead.en.map { Bead(en: [$0], sq: [], score: bead.score) } + bead.sq.map { Bead(en: [], sq: [$0], score: bead.score) }
                    : [bead]
            }
            return Alignment(paragraphs: [Bead(en: [0], sq: [0], score: AlignmentRun.rounded(score))], sentences: sentences)
        }
        return alignUnits(english: english, albanian: albanian)
    }

    /// The two-pass alignment of paragraphs of sentences.
    func alignUnits(english: [[String]], albanian: [[String]]) -> Alignment {
        var document = DocumentFeatures(english: english, albanian: albanian)
        if let lexicon = parameters.lexicon {
            document.addLexicon(LexiconMatcher(lexicon.patterns))
        }
        // Second pass: what the first alignment says about this document. The first pass's run
        // is gone by now, so the lexicon anchors are added to the document in place, not to a copy.
        let (estimate, induced) = firstPass(document)
        if let induced { document.addLexicon(LexiconMatcher(induced)) }
        let run = AlignmentRun(document: document, parameters: parameters, ratio: estimate.ratio,
                               variance: estimate.variance, recall: estimate.recall)
        return run.alignment(run.paragraphPath())
    }

    /// The first pass over `document`, with the priors: its estimates, and the lexicon induced
    /// from it (nil when ``AlignerParameters/induceLexicon`` is off).
    private func firstPass(_ document: DocumentFeatures) -> (Estimate, [LexiconPattern]?) {
        let run = AlignmentRun(document: document, parameters: parameters, ratio: parameters.ratioPrior,
                               variance: parameters.variancePrior, recall: parameters.recallPrior)
        let pairs = run.sentencePairs(run.paragraphPath())
        let induced = parameters.induceLexicon ? LexiconInduction.induce(document: document, pairs: pairs) : nil
        return (Estimate(run: run, pairs: pairs), induced)
    }
}

/// Per-document estimates from a first alignment, shrunk towards the priors so a short
/// document cannot run away with them.
struct Estimate {
    var ratio: Double
    var variance: Double
    var recall: [Double]

    /// Pseudo-counts of the priors.
    static let priorWeight = 10.0

    init(run: AlignmentRun, pairs: [(Int, Int)]) {
        let parameters = run.model.parameters
        let document = run.document
        let k = Self.priorWeight
        // The ratio first: pooled over the pairs, with the prior worth k average sentences.
        var totalX = 0.0, totalY = 0.0
        for (e, s) in pairs {
            totalX += document.en.sentences[e].length
            totalY += document.sq.sentences[s].length
        }
        let priorLength = k * 120
        ratio = (priorLength * parameters.ratioPrior + totalY) / (priorLength + totalX)
        var sum = 0.0
        for (e, s) in pairs {
            let x = max(1, document.en.sentences[e].length), y = document.sq.sentences[s].length
            let delta = y - ratio * x
            sum += delta * delta / x
        }
        variance = (k * parameters.variancePrior + sum) / (k + Double(pairs.count))
        var hits = [Double](repeating: 0, count: AnchorKind.allCases.count), seen = hits
        for (e, s) in pairs {
            let other = document.sq.sentences[s].anchors
            for id in document.en.sentences[e].anchors {
                let kind = document.table.kinds[id].rawValue
                seen[kind] += 1
                if other.contains(id) { hits[kind] += 1 }
            }
        }
        recall = parameters.recallPrior.indices.map { kind in
            let prior = parameters.recallPrior[kind]
            return min(0.97, max(0.05, (prior * k + hits[kind]) / (k + seen[kind])))
        }
    }
}
