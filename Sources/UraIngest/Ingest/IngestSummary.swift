import UraCore

/// The lines `ura ingest --into` prints: one per release (created or already there) and a tally
/// of dropped lines by reason.
public struct IngestSummary {
    public let lines: [String]

    public init(result: IngestResult, outcomes: [BundleWriter.Outcome], corpus: String) {
        var lines: [String] = []
        let folder = corpus.hasSuffix("/") ? String(corpus.dropLast()) : corpus
        for (ingested, outcome) in zip(result.releases, outcomes) {
            let languages = ingested.release.languages.map(\.code).joined(separator: "+")
            switch outcome {
            case .created(let id): lines.append("created \(folder)/\(id) (\(languages))")
            case .exists(let id): lines.append("exists  \(folder)/\(id): left untouched")
            }
        }
        var reasons: [String: Int] = [:]
        for line in result.dropped { reasons[line.reason.rawValue, default: 0] += 1 }
        let created = outcomes.filter { if case .created = $0 { true } else { false } }.count
        let tally = reasons.keys.sorted().map { "\($0) \(reasons[$0] ?? 0)" }.joined(separator: ", ")
        lines.append("\(result.releases.count) releases from \(result.pages.count) pages: \(created) created, "
            + "\(result.releases.count - created) already in the corpus; \(result.dropped.count) lines dropped"
            + (tally.isEmpty ? "" : " (\(tally))"))
        self.lines = lines
    }
}
