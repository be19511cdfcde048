import UraCore

/// `ura status`: the releases of a corpus grouped by state, most advanced first.
public enum StatusReport {
    /// Lines for a terminal:
    ///
    ///     approved (1)
    ///       2018-11-05-roundtable…  en sq  by Ana at 2026-11-23T18:00:00Z
    ///     in-review (0)
    ///     draft (2)
    ///       2019-10-29-new-registration…  en
    public static func lines(_ releases: [PressRelease]) -> [String] {
        var lines: [String] = []
        for status in [PressRelease.Status.approved, .inReview, .draft] {
            let group = releases.filter { $0.status == status }.sorted { $0.id < $1.id }
            lines.append("\(status.rawValue) (\(group.count))")
            for release in group {
                var line = "  \(release.id)  \(release.languages.map(\.code).joined(separator: " "))"
                if status == .approved, let by = release.provenance.approvedBy {
                    line += "  by \(by)"
                    if let at = release.provenance.approvedAt { line += " at \(at)" }
                    if let reason = release.provenance.overrideReason { line += " (override: \(reason))" }
                }
                lines.append(line)
            }
        }
        return lines
    }
}
