import Foundation
import UraCore

/// Strict bead precision, recall and F1, as `score-align` computes them: a predicted bead counts
/// only if a gold bead has exactly the same English and Albanian indices; 1:0 and 0:1 beads are
/// included; counts are summed over documents before P, R and F1 (micro average).
public struct StrictScore: Sendable, Equatable {
    /// Predicted beads that are gold beads.
    public var truePositives = 0
    /// Predicted beads (distinct, non-empty).
    public var predicted = 0
    /// Gold beads (distinct, non-empty).
    public var gold = 0
    /// Gold 1:0 and 0:1 beads, and how many of them were predicted exactly (drops found).
    public var goldNull = 0
    public var nullFound = 0

    /// An empty tally.
    public init() {}

    /// Adds one document's beads.
    public mutating func add(predicted: [Bead], gold: [Bead]) {
        let key = { (bead: Bead) in BeadKey(en: bead.en, sq: bead.sq) }
        let predictedSet = Set(predicted.filter { !$0.en.isEmpty || !$0.sq.isEmpty }.map(key))
        let goldBeads = gold.filter { !$0.en.isEmpty || !$0.sq.isEmpty }
        let goldSet = Set(goldBeads.map(key))
        truePositives += predictedSet.intersection(goldSet).count
        self.predicted += predictedSet.count
        self.gold += goldSet.count
        for bead in goldBeads where bead.en.isEmpty || bead.sq.isEmpty {
            goldNull += 1
            if predictedSet.contains(key(bead)) { nullFound += 1 }
        }
    }

    /// P = tp / predicted; R = tp / gold; F1 their harmonic mean (0 when undefined).
    public var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
    public var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    private struct BeadKey: Hashable {
        var en: [Int]
        var sq: [Int]
    }
}

/// A gold alignment file of the align-dev set (`NAME.gold.json`): paragraph and sentence beads
/// without scores.
public struct GoldAlignment: Sendable {
    /// Gold paragraph beads (score 1).
    public var paragraphs: [Bead]
    /// Gold sentence beads (score 1).
    public var sentences: [Bead]

    private struct File: Decodable {
        struct GoldBead: Decodable {
            var en: [Int]
            var sq: [Int]
        }
        var paragraphs: [GoldBead]
        var sentences: [GoldBead]
    }

    /// Reads `path`.
    /// - Throws: ``UraError`` when the file cannot be read or is not a gold alignment.
    public init(path: String) throws(UraError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw UraError(.input, "cannot read the gold alignment", file: path)
        }
        do {
            let file = try JSONDecoder().decode(File.self, from: data)
            paragraphs = file.paragraphs.map { Bead(en: $0.en, sq: $0.sq, score: 1) }
            sentences = file.sentences.map { Bead(en: $0.en, sq: $0.sq, score: 1) }
        } catch {
            throw UraError(.input, "not a gold alignment: \(error)", file: path)
        }
    }
}
