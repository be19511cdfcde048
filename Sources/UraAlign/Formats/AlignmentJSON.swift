import UraCore

/// The machine format read by `score-align`:
/// `{"paragraphs": [{"en": [0], "sq": [0], "score": 0.97}, ...], "sentences": [...]}`.
public enum AlignmentJSON {
    /// The alignment as JSON, one bead per line, keys in a fixed order (same input → same bytes).
    public static func render(_ alignment: Alignment) -> String {
        "{\n\"paragraphs\": [\n" + beads(alignment.paragraphs) + "],\n\"sentences\": [\n" + beads(alignment.sentences) + "]\n}\n"
    }

    private static func beads(_ beads: [Bead]) -> String {
        beads.enumerated().map { index, bead in
            let en = bead.en.map(String.init).joined(separator: ", "), sq = bead.sq.map(String.init).joined(separator: ", ")
            return "  {\"en\": [\(en)], \"sq\": [\(sq)], \"score\": \(format(bead.score))}" + (index + 1 < beads.count ? ",\n" : "\n")
        }.joined()
    }

    /// A score with at most three decimals, no exponent.
    static func format(_ score: Double) -> String {
        let thousandths = Int((score * 1000).rounded())
        let whole = thousandths / 1000, rest = thousandths % 1000
        if rest == 0 { return "\(whole).0" }
        var digits = String(rest)
        while digits.count < 3 { digits = "0" + digits }
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
