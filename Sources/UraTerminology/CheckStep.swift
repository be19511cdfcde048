import UraCore

/// The `check` pipeline step: checks every release against the glossaries and records the
/// findings in ``PressRelease/findings``, which the approval step reads.
///
/// Options: `glossary`, comma-separated paths (default `glossaries/migration.tbx`).
public enum CheckStep {
    public static let name = "check"
    public static let defaultGlossary = "glossaries/migration.tbx"

    /// Builds the step, loading the glossaries once.
    /// - Throws: ``UraError`` when a glossary cannot be used.
    @Sendable public static func make(options: [String: String]) throws -> PipelineStep {
        let paths = (options["glossary"] ?? defaultGlossary).split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        let checker = TerminologyChecker(glossary: try Glossary.load(paths))
        return PipelineStep(name: name, summary: "Check terminology", body: .perRelease { release, _ in
            release.findings = checker.check(UnitReader.units(of: release))
        })
    }
}
