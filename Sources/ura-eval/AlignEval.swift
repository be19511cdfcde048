import Foundation
import UraAlign
import UraCore

/// `ura-eval align DIR... [--presegmented|--gold-sentences] [--growth] [--length-only] [--no-lexicon] [--wide]`: strict bead F1 (paragraphs, sentences)
/// and dropped paragraphs found on each align-dev folder, the time and peak memory to align them
/// all in this process, and (with `--growth`) the time to align documents of 250 to 2,000
/// paragraphs built by concatenating the dev documents, to show the programme stays near-linear.
/// With `--dump=DIR`, every alignment is also written to DIR as JSON (`FOLDER/NAME.json`, and
/// `growth-SIZE.json`), so two builds of the aligner can be compared byte for byte.
struct AlignEval {
    let directories: [String]
    let presegmented: Bool
    /// Paragraphs from the `.txt` files, sentences from the `.sents` files (the gold sentences):
    /// the sentence alignment without segmentation differences.
    var goldSentences = false
    let growth: Bool
    /// The aligner's settings (ablations: `--length-only`, `--no-lexicon`, `--wide`).
    let parameters: AlignerParameters
    /// Where to write each alignment as JSON; nil to write none.
    var dumpDirectory: String?
    /// With `--rounds=N`: align the documents, already read, N more times and print the CPU time
    /// per round, so the aligner is timed without reading and segmenting.
    var rounds = 0

    func run() throws {
        let clock = ContinuousClock()
        var totalDocuments = 0
        let started = clock.now
        var all = (StrictScore(), StrictScore())
        for directory in directories {
            var paragraphs = StrictScore(), sentences = StrictScore()
            for name in try documents(directory) {
                let base = directory + "/" + name
                let text = try read(base)
                let gold = try GoldAlignment(path: base + ".gold.json")
                let alignment = Aligner(parameters: parameters).align(english: text.english, albanian: text.albanian)
                paragraphs.add(predicted: alignment.paragraphs, gold: gold.paragraphs)
                sentences.add(predicted: alignment.sentences, gold: gold.sentences)
                all.0.add(predicted: alignment.paragraphs, gold: gold.paragraphs)
                all.1.add(predicted: alignment.sentences, gold: gold.sentences)
                totalDocuments += 1
                try dump(alignment, as: URL(fileURLWithPath: directory).lastPathComponent + "/" + name)
            }
            print(line(URL(fileURLWithPath: directory).lastPathComponent, paragraphs, sentences))
        }
        if directories.count > 1 { print(line("all", all.0, all.1)) }
        let elapsed = clock.now - started
        print("aligned \(totalDocuments) documents (segmentation included) in \(format(elapsed)); peak memory \(peakMemoryMiB()) MiB")
        if rounds > 0 { try measureRounds() }
        if growth, let first = directories.first { try measureGrowth(first) }
    }

    /// The text of the document at `base` (its path without the extensions), as the options say.
    private func read(_ base: String) throws -> BilingualText {
        if presegmented {
            return try BilingualText.read(english: base + ".en.sents", albanian: base + ".sq.sents", presegmented: true)
        }
        if goldSentences { return try Self.goldSentences(base) }
        return try BilingualText.read(english: base + ".en.txt", albanian: base + ".sq.txt", presegmented: false)
    }

    /// The `.txt` paragraphs cut into the `.sents` lines (each paragraph is its lines joined by
    /// spaces, as the data set was built).
    static func goldSentences(_ base: String) throws -> BilingualText {
        func side(_ language: String) throws -> [[String]] {
            let paragraphs = Paragraphs.split(try TextInput.read("\(base).\(language).txt"))
            var lines = try TextInput.read("\(base).\(language).sents").split(separator: "\n").map(String.init).filter { !$0.isEmpty }[...]
            return try paragraphs.map { paragraph in
                let target = paragraph.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                var taken: [String] = []
                while taken.joined(separator: " ").count < target.count, let line = lines.popFirst() { taken.append(line) }
                guard taken.joined(separator: " ").split(separator: " ").joined(separator: " ") == target else {
                    throw UraError(.input, "paragraph is not a run of .sents lines: '\(target.prefix(40))'", file: base)
                }
                return taken
            }
        }
        return BilingualText(english: try side("en"), albanian: try side("sq"))
    }

    private func line(_ name: String, _ paragraphs: StrictScore, _ sentences: StrictScore) -> String {
        let para = presegmented ? "" : String(format: "paragraphs F1 %.4f drops %d/%d  ", paragraphs.f1, paragraphs.nullFound, paragraphs.goldNull)
        return name.padding(toLength: 12, withPad: " ", startingAt: 0)
            + para + String(format: "sentences F1 %.4f", sentences.f1)
    }

    private func documents(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".gold.json") }
            .map { String($0.dropLast(".gold.json".count)) }
            .sorted()
    }

    /// Aligns every document, already read, ``rounds`` times, and prints the user CPU time of a round.
    private func measureRounds() throws {
        var texts: [BilingualText] = []
        for directory in directories {
            for name in try documents(directory) {
                texts.append(try read(directory + "/" + name))
            }
        }
        let aligner = Aligner(parameters: parameters)
        let started = userSeconds()
        var beads = 0
        for _ in 0..<rounds {
            for text in texts { beads += aligner.align(english: text.english, albanian: text.albanian).sentences.count }
        }
        let perRound = (userSeconds() - started) / Double(rounds)
        print(String(format: "aligner alone: %.1f ms of user CPU per round of %d documents (%d rounds, %d sentence beads)",
                     perRound * 1000, texts.count, rounds, beads))
    }

    /// The user CPU time of this process so far, in seconds.
    private func userSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    }

    /// Aligns ever longer concatenations of the dev documents; time per paragraph should stay flat.
    private func measureGrowth(_ directory: String) throws {
        var english: [[String]] = [], albanian: [[String]] = []
        let names = try documents(directory)
        var round = 0
        while english.count < 2000 {
            for name in names {
                let base = directory + "/" + name
                let text = try BilingualText.read(english: base + ".en.txt", albanian: base + ".sq.txt", presegmented: false)
                english += text.english
                albanian += text.albanian
            }
            round += 1
        }
        let clock = ContinuousClock()
        var baseline: Double?
        for size in [250, 500, 1000, 2000] {
            let en = Array(english.prefix(size))
            let sqCount = Int(Double(albanian.count) * Double(size) / Double(english.count))
            let sq = Array(albanian.prefix(sqCount))
            let started = clock.now
            let alignment = Aligner(parameters: parameters).align(english: en, albanian: sq)
            let seconds = seconds(clock.now - started)
            try dump(alignment, as: "growth-\(size)")
            let perParagraph = seconds / Double(size)
            let relative = baseline.map { perParagraph / $0 } ?? 1
            if baseline == nil { baseline = perParagraph }
            print(String(format: "growth: %4d paragraphs in %.3f s, %.2f ms per paragraph (%.2f× the 250-paragraph rate)",
                         size, seconds, perParagraph * 1000, relative))
        }
    }

    /// Writes `alignment` to `name`.json under ``dumpDirectory``, if there is one.
    private func dump(_ alignment: Alignment, as name: String) throws {
        guard let dumpDirectory else { return }
        let url = URL(fileURLWithPath: dumpDirectory).appendingPathComponent(name + ".json")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AlignmentJSON.render(alignment).write(to: url, atomically: true, encoding: .utf8)
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private func format(_ duration: Duration) -> String { String(format: "%.2f s", seconds(duration)) }

    /// The process's peak resident memory (VmHWM), in MiB.
    private func peakMemoryMiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
            return kilobytes / 1024
        }
        return 0
    }
}
