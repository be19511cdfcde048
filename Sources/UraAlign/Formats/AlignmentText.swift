import UraCore

/// The terminal summary: counts by bead type, then every flagged paragraph bead (untranslated,
/// merged or split, or of low confidence) with the start of its text.
public enum AlignmentText {
    /// Beads scoring below this are flagged for review: on align-dev about 1 bead in 100, holding
    /// half of the wrong ones.
    public static let lowConfidence = 0.9

    /// The summary of `alignment` of `text`.
    public static func render(_ alignment: Alignment, text: BilingualText) -> String {
        let paragraphs = alignment.paragraphs
        let untranslatedEn = paragraphs.filter { $0.sq.isEmpty }.count
        let untranslatedSq = paragraphs.filter { $0.en.isEmpty }.count
        let joined = paragraphs.filter { $0.en.count + $0.sq.count > 2 && !$0.en.isEmpty && !$0.sq.isEmpty }.count
        let low = paragraphs.filter { $0.score < lowConfidence }.count
        var out = "\(text.english.count) English and \(counted(text.albanian.count, "Albanian paragraph")) in "
        out += "\(counted(paragraphs.count, "bead")); \(counted(alignment.sentences.count, "sentence bead"))\n"
        out += "untranslated: \(untranslatedEn) English, \(untranslatedSq) Albanian; merged or split: \(joined); low confidence: \(low)\n"
        for bead in paragraphs {
            guard let flag = flag(bead) else { continue }
            out += "\n\(flag) en \(describe(bead.en)) ↔ sq \(describe(bead.sq)) (confidence \(AlignmentJSON.format(bead.score)))\n"
            if let first = bead.en.first { out += "  en: \(excerpt(text.english[first]))\n" }
            if let first = bead.sq.first { out += "  sq: \(excerpt(text.albanian[first]))\n" }
        }
        return out
    }

    /// Why a bead needs a translator's look, or nil.
    static func flag(_ bead: Bead) -> String? {
        if bead.sq.isEmpty { return "UNTRANSLATED (English only)" }
        if bead.en.isEmpty { return "UNTRANSLATED (Albanian only)" }
        if bead.en.count > 1 { return "MERGED (\(bead.shape))" }
        if bead.sq.count > 1 { return "SPLIT (\(bead.shape))" }
        if bead.score < lowConfidence { return "LOW CONFIDENCE" }
        return nil
    }

    /// `¶3` or `¶3–4` (1-based for people), `–` when empty.
    static func describe(_ indices: [Int]) -> String {
        guard let first = indices.first, let last = indices.last else { return "–" }
        return first == last ? "¶\(first + 1)" : "¶\(first + 1)–\(last + 1)"
    }

    static func excerpt(_ sentences: [String]) -> String {
        let text = sentences.joined(separator: " ")
        return text.count <= 90 ? text : String(text.prefix(87)) + "…"
    }
}
