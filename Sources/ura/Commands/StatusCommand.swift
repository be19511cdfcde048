import ArgumentParser
import UraCore
import UraPublish

/// `ura status`: the corpus's releases grouped by state.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List the releases of the corpus by state: approved, in-review, draft.")

    @Option(name: .long, help: "The corpus folder of release bundles.")
    var corpus: String = "corpus"

    func run() throws {
        try reportingErrors {
            let releases = try Corpus(directory: corpus).loadAll()
            writeOutput(StatusReport.lines(releases).joined(separator: "\n") + "\n")
        }
    }
}
