import Foundation
import UraAlign

/// `ura-eval`: measurements on development data, for closing notes and tuning. Not a test.
///
///     ura-eval segment DIR [--verbose]     sentence-boundary F1, Ura vs plain ICU
///     ura-eval throughput DIR [MB]         segmentation MB/s, Ura vs raw ICU, same input
///     ura-eval align DIR... [--presegmented|--gold-sentences] [--growth] [--length-only|--no-lexicon|--wide|--anchor-weight=W]
///                                          alignment F1, drops, time, memory, growth; ablations
let arguments = Array(CommandLine.arguments.dropFirst())
func usage() -> Never {
    FileHandle.standardError.write(Data("usage: ura-eval segment DIR [--verbose] | throughput DIR [MB] | align DIR... [--presegmented|--gold-sentences] [--growth] [--length-only|--no-lexicon|--wide|--anchor-weight=W]\n".utf8))
    exit(2)
}
guard let command = arguments.first else { usage() }
do {
    switch command {
    case "segment":
        guard arguments.count >= 2 else { usage() }
        try SegmentationEval(directory: arguments[1], verbose: arguments.contains("--verbose")).run()
    case "throughput":
        guard arguments.count >= 2 else { usage() }
        try ThroughputEval(directory: arguments[1], megabytes: arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20).run()
    case "align":
        let options = arguments.dropFirst().filter { $0.hasPrefix("--") }
        let directories = arguments.dropFirst().filter { !$0.hasPrefix("--") }
        guard !directories.isEmpty else { usage() }
        var parameters = AlignerParameters()
        if options.contains("--length-only") { parameters.anchorWeight = 0; parameters.induceLexicon = false }
        if options.contains("--no-lexicon") { parameters.induceLexicon = false }
        if options.contains("--wide") { parameters.wideBeads = true }
        if let weight = options.first(where: { $0.hasPrefix("--anchor-weight=") }), let value = Double(weight.dropFirst("--anchor-weight=".count)) {
            parameters.anchorWeight = value
        }
        var eval = AlignEval(directories: directories, presegmented: options.contains("--presegmented"),
                             growth: options.contains("--growth"), parameters: parameters)
        eval.goldSentences = options.contains("--gold-sentences")
        try eval.run()
    default:
        usage()
    }
} catch {
    FileHandle.standardError.write(Data("ura-eval: \(error)\n".utf8))
    exit(1)
}
