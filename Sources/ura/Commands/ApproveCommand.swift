import ArgumentParser
import UraCore
import UraPipeline
import UraPublish
import UraTerminology

/// `ura approve RELEASE --by NAME [--override REASON]`: runs the check before approval and
/// records who approved the release and when.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a release after the terminology check, recording who and when.",
        discussion: """
            Sets 'status: approved', 'approved_by' and 'approved_at' (SOURCE_DATE_EPOCH when set, \
            else now, UTC) in both files of the bundle. Error findings of the terminology check \
            refuse approval (exit 1) unless --override gives a reason, which is recorded as \
            'override'. Approving an approved release changes nothing.
            """)

    @Argument(help: "The release id (its bundle folder name).")
    var release: String

    @Option(name: .long, help: "Who approves it.")
    var by: String

    @Option(name: .long, help: "Approve despite terminology errors, for this reason (recorded).")
    var override: String?

    @Option(name: .long, help: "The corpus folder of release bundles.")
    var corpus: String = "corpus"

    @Option(name: .long, help: "A glossary for the terminology check (TBX or TSV); repeat for several.")
    var glossary: [String] = [CheckStep.defaultGlossary]

    func run() throws {
        try reportingErrors {
            let source = Corpus(directory: corpus)
            guard try source.releaseIDs().contains(release) else {
                throw UraError(.input, "no release '\(release)' in the corpus", file: corpus)
            }
            let timestamp = BuildClock.iso8601(try BuildClock.now())
            let outcome = try Approval.approve(try source.load(release), by: by, overrideReason: override,
                                               at: timestamp, gate: StandardSteps.approvalGate(glossaries: glossary))
            for finding in outcome.findings {
                print("\(finding.severity.rawValue): \(finding.unit) (\(finding.side)) \(finding.rule): \(finding.message)")
            }
            if outcome.alreadyApproved {
                let who = outcome.release.provenance.approvedBy.map { " by \($0)" } ?? ""
                let when = outcome.release.provenance.approvedAt.map { " at \($0)" } ?? ""
                print("\(release): already approved\(who)\(when); nothing changed")
                return
            }
            try source.write(outcome.release)
            var line = "\(release): approved by \(outcome.release.provenance.approvedBy ?? by) at \(timestamp)"
            if outcome.overridden { line += " (terminology errors overridden: \(outcome.release.provenance.overrideReason ?? ""))" }
            if override != nil && !outcome.overridden { line += " (no terminology errors: --override not needed, not recorded)" }
            print(line)
            for language in Language.allCases where outcome.release.texts[language] == nil {
                print("note: no \(language.name) text; it is published in \(language.other.name) only")
            }
        }
    }

}
