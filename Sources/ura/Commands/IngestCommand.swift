import ArgumentParser
import UraCore
import UraIngest

/// `ura ingest PAGE... --into corpus/ | --json`: scraped pages into draft release bundles.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Turn scraped press-release pages into draft bundles (or print what they hold as JSON).",
        discussion: """
            Reads UTF-8 text pages, learns the site's navigation from what they share, and finds \
            the releases: news-list bullets, or a headline followed by a dateline. --into writes \
            one bundle per new release (status: draft) and leaves bundles already in the corpus \
            untouched; --json prints the releases and every dropped line with its reason. \
            Exit code 1 for an unreadable page or a page with no release: then nothing is written.
            """)

    @Argument(help: "The page files to read.")
    var pages: [String]

    @Option(name: .long, help: "The corpus folder to write new bundles into.")
    var into: String?

    @Flag(name: .long, help: "Print what was found as JSON (without --into, nothing is written).")
    var json = false

    func validate() throws {
        guard into != nil || json else { throw ValidationError("give --into FOLDER to write bundles, or --json to print them") }
        guard !pages.isEmpty else { throw ValidationError("give at least one page") }
    }

    func run() throws {
        try reportingErrors {
            let result = try Ingester().ingest(files: pages)
            if let into {
                let outcomes = try BundleWriter(corpus: Corpus(directory: into)).write(result)
                if !json {
                    for line in IngestSummary(result: result, outcomes: outcomes, corpus: into).lines { print(line) }
                }
            }
            if json { writeOutput(try result.json()) }
        }
    }
}
