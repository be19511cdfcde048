/// A bead of an alignment: which English units and which Albanian units translate each other.
/// 1:0 and 0:1 beads are untranslated units; 2:1 and 1:2 are merges and splits.
public struct Bead: Sendable, Equatable, Hashable, Codable {
    /// 0-based indices of English units, consecutive, in order.
    public var en: [Int]
    /// 0-based indices of Albanian units, consecutive, in order.
    public var sq: [Int]
    /// Confidence in 0...1.
    public var score: Double

    public init(en: [Int], sq: [Int], score: Double) {
        self.en = en
        self.sq = sq
        self.score = score
    }

    /// The bead's shape, e.g. `1:1`, `2:1`, `1:0`.
    public var shape: String { "\(en.count):\(sq.count)" }
}

/// The alignment of a bilingual document: paragraph beads and sentence beads, in document order.
/// Sentence indices count sentences across the whole document.
public struct Alignment: Sendable, Equatable, Codable {
    public var paragraphs: [Bead]
    public var sentences: [Bead]

    public init(paragraphs: [Bead], sentences: [Bead]) {
        self.paragraphs = paragraphs
        self.sentences = sentences
    }
}
