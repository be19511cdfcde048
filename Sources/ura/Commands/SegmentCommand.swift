import ArgumentParser
import UraCore
import UraText

/// `ura segment --lang en|sq [FILE|-]`: one sentence per line, a blank line between paragraphs.
struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split paragraphs (separated by blank lines) into sentences, one per line.",
        discussion: """
            Reads UTF-8 text (a BOM and CRLF line ends are accepted) and prints each paragraph's \
            sentences on their own lines, with one blank line between paragraphs: as many \
            paragraphs come out as went in. Exit code 1 for unreadable input.
            """)

    @Option(name: .long, help: "The language of the text: en or sq.")
    var lang: String

    @Argument(help: "The file to read; '-' or nothing reads standard input.")
    var file: String = "-"

    func validate() throws {
        guard Language(code: lang) != nil else {
            throw ValidationError("--lang must be 'en' or 'sq', not '\(lang)'")
        }
    }

    func run() throws {
        try reportingErrors {
            guard let language = Language(code: lang) else { return }
            let text = try TextInput.read(file)
            let segmenter = try SentenceSegmenter(language: language)
            var output = ""
            for (index, paragraph) in Paragraphs.split(text).enumerated() {
                if index > 0 { output += "\n" }
                for sentence in try segmenter.sentences(in: paragraph) {
                    output += sentence
                    output += "\n"
                }
            }
            writeOutput(output)
        }
    }
}
