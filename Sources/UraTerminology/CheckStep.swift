import Synchronization
import UraCore

/// The `check` pipeline step: checks every release against the glossaries and records the
/// findings in ``PressRelease/findings``, which the approval step reads.
///
/// Options: `glossary`, comma-separated paths (default `glossaries/migration.tbx`).
public enum CheckStep {
    public static let name = "check"
    public static let defaultGlossary = "glossaries/migration.tbx"

    /// Builds the step, loading the glossaries once. The checker itself (its term indexes, and
    /// with them Hunspell's dictionaries, a tenth of a second to load) is made when the first
    /// release is checked: a rebuild in which every release comes from the cache never needs it.
    /// - Throws: ``UraError`` when a glossary cannot be used.
    @Sendable public static func make(options: [String: String]) throws -> PipelineStep {
        let paths = (options["glossary"] ?? defaultGlossary).split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty }
        let checker = LazyChecker(glossary: try Glossary.load(paths))
        return PipelineStep(name: name, summary: "Check terminology", warmUp: { _ = checker.value }, body: .perRelease { release, _ in
            release.findings = Self.findings(checker.value.check(UnitReader.units(of: release)), of: release)
        })
    }

    /// A checker made on first use, once, whichever thread asks first.
    private final class LazyChecker: Sendable {
        private let glossary: Glossary
        private let checker = Mutex<TerminologyChecker?>(nil)

        init(glossary: Glossary) { self.glossary = glossary }

        var value: TerminologyChecker {
            checker.withLock { checker in
                if let checker { return checker }
                let made = TerminologyChecker(glossary: glossary)
                checker = made
                return made
            }
        }
    }

    /// The findings of a release: as the checker gives them, except that a release written in
    /// one language only (published in that language; see the publishing step) gets one
    /// `single-language` warning instead of an `untranslated` error per paragraph. Its text is
    /// still checked (a deprecated English term is still reported).
    static func findings(_ findings: [Finding], of release: PressRelease) -> [Finding] {
        guard release.languages.count == 1, let present = release.languages.first else { return findings }
        let missingSide = present.other
        var kept = findings.filter { !(["untranslated", "source-missing"].contains($0.rule)) }
        kept.insert(Finding(unit: "release", rule: "single-language", severity: .warning, side: missingSide.code,
                            message: "The release has no \(missingSide.name) text; it is published in \(present.name) only."), at: 0)
        return kept
    }
}
