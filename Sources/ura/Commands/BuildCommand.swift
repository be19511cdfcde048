import ArgumentParser
import UraCore
import UraPipeline

/// `ura build`: runs the pipeline over the corpus and prints a summary.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run the pipeline over every release of the corpus and print a summary.")

    @Option(name: .long, help: "The corpus folder of release bundles.")
    var corpus: String = "corpus"

    @Option(name: .long, parsing: .upToNextOption, help: "The steps to run, in order (default: all built-in steps).")
    var steps: [String] = []

    @Flag(name: .long, help: "Print only errors.")
    var quiet = false

    func run() throws {
        try reportingErrors {
            let registry = StandardSteps.registry()
            let pipeline = try registry.pipeline(steps.isEmpty ? StandardSteps.defaultOrder : steps)
            let source = Corpus(directory: corpus)
            var context = PipelineContext(corpus: source, releases: try source.loadAll())
            try pipeline.run(&context) { line in if !quiet { print(line) } }
            if !quiet {
                for line in context.messages { print(line) }
                for line in BuildSummary(context).lines { print(line) }
            }
        }
    }
}
