import ArgumentParser
import Foundation
import UraCore
import UraPipeline

/// `ura build`: runs the whole pipeline over the corpus, as configured in `ura.yaml`.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run the pipeline over every release of the corpus (configured in ura.yaml).",
        discussion: """
            Without ura.yaml, works on corpus/ and writes public/. Results of per-release steps \
            are cached in .ura-cache/ by content, so a rebuild redoes only what changed. Exit \
            code 1 when a release failed (the others still build; nothing is published).
            """)

    @Option(name: .long, help: "The configuration file (default: ura.yaml when it exists).")
    var config: String?

    @Option(name: .long, help: "The corpus folder (overrides the configuration).")
    var corpus: String?

    @Option(name: .long, help: "The output folder (overrides the configuration).")
    var out: String?

    @Option(name: .long, help: "The review folder for translators (overrides the configuration).")
    var review: String?

    @Flag(name: .long, help: "Also render the print outputs to PDF with Apache FOP.")
    var pdf = false

    @Option(name: .long, parsing: .upToNextOption, help: "The steps to run, in order (overrides the configuration).")
    var steps: [String] = []

    @Option(name: .long, help: "Releases processed at once (default: one per core).")
    var jobs: Int?

    @Flag(name: .long, help: "Do not read or write the cache.")
    var noCache = false

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    @Flag(name: .long, help: "Print a machine-readable summary as JSON on standard output.")
    var json = false

    func run() async throws {
        try await reportingErrorsAsync {
            var configuration = try BuildConfiguration.load(config ?? "ura.yaml", required: config != nil)
            if let corpus { configuration.corpus = corpus }
            if let out { configuration.output = out }
            if let review { configuration.review = review }
            if pdf { configuration.options["publish", default: [:]]["pdf"] = "true" }
            if !steps.isEmpty { configuration.steps = steps }
            if let jobs { configuration.jobs = jobs }
            if noCache { configuration.cache = nil }
            let display = ProgressDisplay(quiet: quiet || json)
            let result = try await BuildJob(configuration: configuration).run { display.handle($0) }
            for failure in result.context.failures { printError(failure.description) }
            if json {
                let data = try JSONSerialization.data(withJSONObject: result.json(), options: [.sortedKeys, .prettyPrinted])
                writeOutput(String(decoding: data, as: UTF8.self) + "\n")
            } else if !quiet {
                for line in result.context.messages { print(line) }
                for line in BuildSummary(result.context).lines { print(line) }
                print(String(format: "built in %.2f s", result.seconds))
            }
            // The process ends here: freeing thousands of releases one by one would only delay it
            // (a hundredth of a second of an incremental build), so the result is kept.
            keepUntilExit(result)
            var trace = PhaseTrace()
            trace.mark("build.command")
            if !result.context.failures.isEmpty { throw ExitCode(1) }
        }
    }
}

/// Keeps `value` alive until the process exits, so its memory is returned by the exit rather than
/// freed piece by piece (what compilers do with their syntax trees).
private func keepUntilExit<Value>(_ value: Value) {
    _ = Unmanaged.passRetained(Box(value))
}

/// A reference to a value, so it can be retained on its own.
private final class Box<Value> {
    let value: Value
    init(_ value: Value) { self.value = value }
}
