import Foundation
import UraAlign

/// `ura-eval`: measurements on development data, for closing notes and tuning. Not a test.
///
///     ura-eval segment DIR [--verbose]     sentence-boundary F1, Ura vs plain ICU
///     ura-eval throughput DIR [MB]         segmentation MB/s, Ura vs raw ICU, same input
///     ura-eval langid DIR [--write-profile FILE]  language-ID accuracy (leave-one-document-out);
///                                          with --write-profile, generates the shipped profile
///     ura-eval publish CORPUS XSLT [ROUNDS] XSLT transforms/s, in process vs xsltproc per document
///     ura-eval terms TESTSET [ALIGN-DEV] [--glossary G] [--verbose]
///                                          terminology P/R per rule; time to check align-dev
///     ura-eval align DIR... [--presegmented|--gold-sentences] [--growth] [--length-only|--no-lexicon|--wide|--anchor-weight=W] [--dump=DIR] [--rounds=N]
///                                          alignment F1, drops, time, memory, growth; ablations
let arguments = Array(CommandLine.arguments.dropFirst())
func usage() -> Never {
    FileHandle.standardError.write(Data("""
        usage: ura-eval segment DIR [--verbose] | throughput DIR [MB] | langid DIR [--write-profile FILE]
             | publish CORPUS XSLT [ROUNDS] | terms TESTSET [ALIGN-DEV] [--glossary G] [--verbose]
             | align DIR... [--presegmented|--gold-sentences] [--growth] [--length-only|--no-lexicon|--wide|--anchor-weight=W] [--dump=DIR] [--rounds=N]

        """.utf8))
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
    case "langid":
        guard arguments.count >= 2 else { usage() }
        let eval = LanguageIDEval(directory: arguments[1])
        if let flag = arguments.firstIndex(of: "--write-profile"), flag + 1 < arguments.count {
            try eval.writeProfile(to: arguments[flag + 1])
        } else {
            try eval.run()
        }
    case "publish":
        guard arguments.count >= 3 else { usage() }
        try PublishEval(corpus: arguments[1], stylesheets: arguments[2], rounds: arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20).run()
    case "terms":
        let glossaryIndex = arguments.firstIndex(of: "--glossary")
        let glossary = glossaryIndex.flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil } ?? "glossaries/migration.tbx"
        let positional = arguments.enumerated().filter { !$0.element.hasPrefix("--") && $0.offset != (glossaryIndex ?? -2) + 1 }.map(\.element)
        guard positional.count >= 2 else { usage() }
        try TermsEval(testSet: positional[1], alignDev: positional.count > 2 ? positional[2] : nil,
                      glossary: glossary, verbose: arguments.contains("--verbose")).run()
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
        eval.rounds = options.first { $0.hasPrefix("--rounds=") }.flatMap { Int($0.dropFirst("--rounds=".count)) } ?? 0
        eval.dumpDirectory = options.first { $0.hasPrefix("--dump=") }.map { String($0.dropFirst("--dump=".count)) }
        try eval.run()
    default:
        usage()
    }
} catch {
    FileHandle.standardError.write(Data("ura-eval: \(error)\n".utf8))
    exit(1)
}
