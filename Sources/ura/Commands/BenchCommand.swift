import ArgumentParser
import Foundation
import UraPipeline

/// `ura bench`: measures `ura build` on generated corpora (not a test; see Benchmark).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure full and incremental builds on generated corpora of N releases (and Hugo, if installed).")

    @Option(name: .long, parsing: .upToNextOption, help: "Corpus sizes to measure.")
    var sizes: [Int] = [200, 2_000, 20_000]

    @Option(name: .long, help: "The align-dev folder the releases are generated from.")
    var source: String = "../shared/data/align-dev"

    @Option(name: .long, help: "Where generated corpora and outputs go (kept between runs).")
    var work: String = ".build/bench"

    @Option(name: .long, help: "The stylesheet folder to publish with.")
    var xslt: String = "xslt"

    @Option(name: .long, help: "The glossary to check with.")
    var glossary: String = "glossaries/migration.tbx"

    @Flag(name: .long, help: "Do not run Hugo even when it is installed.")
    var noHugo = false

    func run() throws {
        try reportingErrors {
            let work = URL(fileURLWithPath: work).standardizedFileURL.path
            let ura = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
            let bench = Benchmark(source: URL(fileURLWithPath: source).standardizedFileURL.path, workDirectory: work,
                                  ura: ura, stylesheets: URL(fileURLWithPath: xslt).standardizedFileURL.path,
                                  glossary: URL(fileURLWithPath: glossary).standardizedFileURL.path,
                                  compareWithHugo: !noHugo)
            let results = try bench.run(sizes: sizes) { FileHandle.standardError.write(Data("bench: \($0)\n".utf8)) }
            for line in Benchmark.report(results) { print(line) }
        }
    }
}
