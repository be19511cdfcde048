import ArgumentParser
import Foundation
import UraAlign
import UraCore

/// `ura align EN SQ [--format json|tmx|html|text] [--presegmented] [-o FILE]`.
struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align the paragraphs and sentences of an English text and its Albanian translation.",
        discussion: """
            EN and SQ are UTF-8 text files whose paragraphs are separated by blank lines, or EN \
            is a corpus bundle folder (index.en.md + index.sq.md) and SQ is left out. Sentences \
            are split with Ura's segmenter, or taken one per line with --presegmented. Formats: \
            json (beads with 0-based indices and a confidence, for tools), tmx (TMX 1.4b, one \
            unit per aligned sentence bead), html (the translator's review page), text (a \
            summary with the flagged beads; the default on a terminal, json otherwise). \
            Exit code 1 for input that cannot be aligned.
            """)

    @Argument(help: "The English text file, or a corpus bundle folder.")
    var english: String

    @Argument(help: "The Albanian text file (left out for a bundle folder).")
    var albanian: String?

    @Option(name: .long, help: "Output format: json, tmx, html or text (default: from the -o file's extension, else text on a terminal and json otherwise).")
    var format: AlignmentFormat?

    @Flag(name: .long, help: "Each non-empty line is one sentence; blank lines separate paragraphs.")
    var presegmented = false

    @Option(name: [.customShort("o"), .long], help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    @Option(name: .long, help: "A bilingual lexicon to use as anchors: TSV lines 'English<TAB>Albanian[; Albanian...]'.")
    var lexicon: String?

    func run() throws {
        try reportingErrors {
            let text = try BilingualText.read(english: english, albanian: albanian, presegmented: presegmented)
            if let warning = text.languageWarning { printError(warning) }
            var parameters = AlignerParameters()
            if let lexicon { parameters.lexicon = try BilingualLexicon.readTSV(lexicon) }
            let alignment = Aligner(parameters: parameters).align(english: text.english, albanian: text.albanian)
            let chosen = format ?? output.flatMap(AlignmentFormat.init(fileName:))
                ?? (isatty(STDOUT_FILENO) == 1 && output == nil ? .text : .json)
            let rendered = chosen.render(alignment, text: text, names: (english, albanian ?? english))
            if let output {
                try AtomicFile.write(rendered, to: output)
            } else {
                writeOutput(rendered)
            }
        }
    }
}

extension AlignmentFormat: ExpressibleByArgument {}
