import ArgumentParser
import UraAlign
import UraCore
import UraPipeline
import UraText
import UraTerminology

/// `ura check FILE... --glossary G [--glossary G2] [--format text|json|html]`: terminology and
/// consistency findings for TMX files, XLIFF 2 files and corpus bundles.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations against migration glossaries (TBX or TSV).",
        discussion: """
            FILE is a TMX file (each tu is a unit, named by its tuid), an XLIFF 2 file (each unit), \
            a corpus bundle folder (the title and each paragraph bead) or a corpus folder. Rules: \
            term-missing, term-deprecated, diacritics, number-mismatch, untranslated, \
            source-missing, target-identical. Exit code 0 when no finding is an error, 1 when one \
            is, 2 when an input or glossary cannot be used.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, html
    }

    @Argument(help: "TMX files, XLIFF 2 files or corpus bundle folders.")
    var files: [String]

    @Option(name: .long, help: "A glossary (TBX, or TSV en<TAB>sq<TAB>note); repeat for several.")
    var glossary: [String] = [CheckStep.defaultGlossary]

    @Option(name: .long, help: "Output format: text, json or html.")
    var format: Format = .text

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("name at least one TMX, XLIFF or bundle to check") }
    }

    func run() throws {
        var hasErrors = false
        try reportingErrors {
            do {
                let glossary = try Glossary.load(self.glossary)
                for warning in glossary.warnings { printError("warning: \(warning)") }
                var units: [TranslationUnit] = []
                // A bundle is segmented and aligned first, so its units are paragraph beads.
                for file in files {
                    units.append(contentsOf: try UnitReader.units(at: file) {
                        try StandardSteps.process($0, through: [SegmentStep.name, AlignStep.name])
                    })
                }
                let findings = TerminologyChecker(glossary: glossary).check(units)
                switch format {
                case .text: writeOutput(FindingsReport.text(findings))
                case .json: writeOutput(FindingsReport.json(findings))
                case .html: writeOutput(FindingsReport.html(findings, units: units))
                }
                hasErrors = findings.contains { $0.severity == .error }
            } catch let error as UraError where error.kind == .input {
                // For `check`, exit 1 means "the translation has errors"; unusable input is 2.
                printError(error.description)
                throw ExitCode(2)
            }
        }
        if hasErrors { throw ExitCode(1) }
    }
}
