import Foundation
import UraCore
import UraICU

/// `ura bench`: builds generated corpora of N bilingual releases and reports, per N, the full
/// and incremental build times, time per step, releases per second and peak memory, with the
/// growth ratio between sizes and, when `hugo` is installed, Hugo's time on the same bundles
/// measured in the same run. Builds run as child processes so each one's peak memory is its own.
public struct Benchmark: Sendable {
    /// The align-dev folder whose documents are cycled into releases.
    public var source: String
    /// Where corpora and outputs go (reused across runs: generation is skipped when present).
    public var workDirectory: String
    /// The `ura` executable to measure.
    public var ura: String
    /// The stylesheet folder the builds publish with.
    public var stylesheets: String
    /// The glossary the builds check with.
    public var glossary: String
    /// Whether to run Hugo on the same bundles when it is installed.
    public var compareWithHugo: Bool

    public init(source: String, workDirectory: String, ura: String, stylesheets: String, glossary: String,
                compareWithHugo: Bool = true) {
        self.glossary = glossary
        self.source = source
        self.workDirectory = workDirectory
        self.ura = ura
        self.stylesheets = stylesheets
        self.compareWithHugo = compareWithHugo
    }

    /// One size's measurements.
    public struct Measurement: Sendable {
        public var releases: Int
        public var fullSeconds: Double
        public var incrementalSeconds: Double
        public var peakMemoryMiB: Double
        public var steps: [(name: String, seconds: Double)]
        /// Whether the incremental build wrote the same files as a clean build (nil: not checked).
        public var incrementalMatchesClean: Bool?
        public var hugoSeconds: Double?
        public var hugoPeakMemoryMiB: Double?
        /// Every full build's seconds, in the order run (the table shows their median).
        public var fullRuns: [Double] = []
        /// Every incremental build's seconds, in the order run (the table shows their median).
        public var incrementalRuns: [Double] = []
        /// Every Hugo run's seconds, in the order run.
        public var hugoRuns: [Double] = []
    }

    // MARK: Corpus generation

    /// Writes `count` approved bilingual releases into `directory`: the align-dev documents in
    /// turn, each with a new date (one day apart from 2001-01-01) and so a new id; the first
    /// paragraph is the title. Returns the ids.
    public func generateCorpus(count: Int, into directory: String) throws -> [String] {
        var documents: [(en: [String], sq: [String])] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: source).filter { $0.hasSuffix(".en.txt") }.sorted()
        for name in names {
            let stem = String(name.dropLast(".en.txt".count))
            let en = Paragraphs.split(try TextInput.read("\(source)/\(stem).en.txt"))
            let sq = Paragraphs.split(try TextInput.read("\(source)/\(stem).sq.txt"))
            if en.count >= 2, sq.count >= 2 { documents.append((en, sq)) }
        }
        guard !documents.isEmpty else { throw UraError(.input, "no documents to generate releases from", file: source) }
        let corpus = Corpus(directory: directory)
        var ids: [String] = []
        var day = CalendarDate(year: 2001, month: 1, day: 1)
        for index in 0..<count {
            let document = documents[index % documents.count]
            var release = PressRelease(
                id: "", status: .approved, dateline: .init(place: "Tirana", date: day),
                texts: [.english: .init(title: document.en[0], paragraphs: Array(document.en.dropFirst())),
                        .albanian: .init(title: document.sq[0], paragraphs: Array(document.sq.dropFirst()))],
                provenance: .init(source: "bench: align-dev (NTREX-128, CC BY-SA 4.0)", approvedBy: "bench", approvedAt: "2001-01-01T00:00:00Z"))
            release.id = ReleaseID.make(date: day, title: document.en[0])
            try corpus.write(release)
            ids.append(release.id)
            day = day.next()
        }
        return ids
    }

    // MARK: Measuring

    /// Measures every size in `sizes`, in order.
    ///
    /// Every build starts from nothing (no cache, no previous site): the outputs of an earlier
    /// run are deleted first, for every size, then written back (`sync`), and the run waits
    /// ``settleSeconds`` before measuring. Why: on ext4 without a journal (this project's disks)
    /// creating a file skips every inode freed in the last 60 seconds (`RECENTCY_MIN` in
    /// `fs/ext4/ialloc.c`), or 360 when the inode table's block is dirty, which the build's own
    /// new files make it: one look-up each, from the start of the block group, for every new
    /// file. A build within six minutes of deleting 30,000 files spends seconds in the kernel
    /// (measured: 2.8 s of system time in a full build 66 s after a deletion, 0.4 s in the next
    /// one); that is the harness's deletion, not the build's work, and it falls on Ura and Hugo
    /// alike. Every measured build (Ura's and Hugo's) starts after a `sync`, so that it is not
    /// charged with writing back what the build before it wrote (ext4 allocates a file's blocks
    /// when it writes it back, seconds after a full build of 12,000 files has ended).
    /// The time a file costs to create still varies from run to run on these disks (seen:
    /// 0.03 to 0.3 ms), so each size is built ``rounds(_:)`` times by Ura and by Hugo in turn,
    /// each round into new folders, and the table reports the medians (and every run beside them).
    public func run(sizes: [Int], log: (String) -> Void) throws -> [Measurement] {
        var deleted = 0
        for size in sizes {
            let base = "\(workDirectory)/n\(size)"
            for name in (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? [] where name != "corpus" {
                try? FileManager.default.removeItem(atPath: base + "/" + name)
                deleted += 1
            }
        }
        if deleted > 0 {
            log("removed the outputs of an earlier run; waiting \(Int(Self.settleSeconds)) s for the file system to settle")
            sync()
            Thread.sleep(forTimeInterval: Self.settleSeconds)
        }
        var results: [Measurement] = []
        for size in sizes {
            let base = "\(workDirectory)/n\(size)"
            let corpus = base + "/corpus"
            if (try? Corpus(directory: corpus).releaseIDs().count) != size {
                try? FileManager.default.removeItem(atPath: corpus)
                log("generating \(size) releases in \(corpus)")
                _ = try generateCorpus(count: size, into: corpus)
            }
            // Full builds, Ura and Hugo in turn, each into folders of its own (nothing is deleted
            // between them: see above): the median of each is what the table shows.
            var fulls: [BuildRun] = [], hugos: [ChildProcess.Outcome] = []
            var config = ""
            for round in 1...rounds(size) {
                config = try writeConfiguration(base: base, round: round, corpus: corpus, cache: true)
                log("n=\(size): full build \(round)/\(rounds(size))")
                sync()
                fulls.append(try build(config))
                if compareWithHugo, ExternalStep.resolve("hugo") != nil {
                    log("n=\(size): hugo \(round)/\(rounds(size))")
                    sync()
                    hugos.append(try runHugo(corpus: corpus, base: base, round: round))
                }
            }
            // Change one release, as a press officer editing a typo would, and build the last
            // round's site again: five times, each edit another sentence, the median reported
            // (an incremental build takes a few tenths of a second, and the disk's moods are as
            // large).
            let ids = try Corpus(directory: corpus).releaseIDs()
            let edited = Corpus(directory: corpus).filePath(ids[ids.count / 2], .english)
            let original = try TextInput.read(edited)
            var incrementals: [BuildRun] = []
            for edit in 1...Self.incrementalRounds {
                try AtomicFile.write(original + "\nOne more sentence for the incremental build (edit \(edit)).\n", to: edited)
                log("n=\(size): incremental build \(edit)/\(Self.incrementalRounds) (1 release changed)")
                sync()
                incrementals.append(try build(config))
            }
            let incremental = incrementals.sorted { $0.seconds < $1.seconds }[incrementals.count / 2]
            var matches: Bool?
            if size <= 2_000 {
                let clean = try writeConfiguration(base: base, round: 0, corpus: corpus, cache: false)
                _ = try build(clean)
                matches = try treeDigest("\(base)/r\(rounds(size))/public") == treeDigest("\(base)/r0/public")
            }
            try AtomicFile.write(original, to: edited)

            let full = fulls.sorted { $0.seconds < $1.seconds }[fulls.count / 2]
            var measurement = Measurement(releases: size, fullSeconds: full.seconds, incrementalSeconds: incremental.seconds,
                                          peakMemoryMiB: fulls.map(\.peakMemoryMiB).max() ?? 0, steps: full.steps,
                                          incrementalMatchesClean: matches)
            measurement.fullRuns = fulls.map(\.seconds)
            measurement.incrementalRuns = incrementals.map(\.seconds)
            if !hugos.isEmpty {
                let hugo = hugos.sorted { $0.seconds < $1.seconds }[hugos.count / 2]
                measurement.hugoSeconds = hugo.seconds
                measurement.hugoPeakMemoryMiB = hugos.map(\.peakMemoryMiB).max()
                measurement.hugoRuns = hugos.map(\.seconds)
            }
            results.append(measurement)
        }
        return results
    }

    /// How long a run waits after deleting an earlier run's outputs (see ``run(sizes:log:)``).
    static let settleSeconds = 365.0

    /// Incremental builds per size, each after another edit of the same release.
    static let incrementalRounds = 5

    /// Full builds per size (Ura and Hugo each, in turn): five up to 2,000 releases, one above.
    /// The machine's speed moves by a fifth within the hour, and the three rounds of a run spread
    /// by a third: five in turn make the medians of Ura and Hugo less apart in time.
    func rounds(_ size: Int) -> Int { size <= 2_000 ? 5 : 1 }

    /// The configuration of round `round` (its own site, review and cache folders below
    /// `base/r<round>`); round 0, without a cache, is the clean build an incremental one is
    /// compared with.
    private func writeConfiguration(base: String, round: Int, corpus: String, cache: Bool) throws -> String {
        let folder = "\(base)/r\(round)"
        let path = folder + "/ura.yaml"
        try AtomicFile.write("""
            corpus: \(corpus)
            output: \(folder)/public
            review: \(folder)/review
            cache: \(cache ? "\(folder)/cache" : "\"\"")
            xslt: \(stylesheets)
            glossaries: [\(glossary)]

            """, to: path)
        return path
    }

    private struct BuildRun {
        var seconds: Double
        var peakMemoryMiB: Double
        var steps: [(name: String, seconds: Double)]
    }

    private func build(_ config: String) throws -> BuildRun {
        let outcome = try ChildProcess.run(ura, ["build", "--config", config, "--json"])
        guard outcome.status == 0 || outcome.status == 1,
              let json = try? JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any] else {
            throw UraError(.internal, "ura build failed (\(outcome.status)): \(outcome.stderr.split(separator: "\n").first ?? "")")
        }
        let steps = (json["steps"] as? [[String: Any]] ?? []).map { ($0["name"] as? String ?? "?", $0["seconds"] as? Double ?? 0) }
        return BuildRun(seconds: outcome.seconds, peakMemoryMiB: outcome.peakMemoryMiB, steps: steps)
    }

    /// Builds the same bundles with Hugo: a minimal bilingual site (en, sq) with a page template,
    /// a list template and the default RSS feed per language.
    private func runHugo(corpus: String, base: String, round: Int) throws -> ChildProcess.Outcome {
        let site = "\(base)/r\(round)/hugo"
        try AtomicFile.write("""
            baseURL = "https://press.example.org/"
            title = "Press releases"
            contentDir = "\(corpus)"
            publishDir = "\(base)/r\(round)/hugo-public"
            defaultContentLanguage = "en"
            disableKinds = ["taxonomy", "term"]
            [languages.en]
            weight = 1
            [languages.sq]
            weight = 2
            """, to: site + "/hugo.toml")
        try AtomicFile.write("<!DOCTYPE html><html lang=\"{{ .Lang }}\"><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1><p>{{ .Date.Format \"2006-01-02\" }}</p>{{ .Content }}</body></html>\n",
                             to: site + "/layouts/_default/single.html")
        try AtomicFile.write("<!DOCTYPE html><html lang=\"{{ .Lang }}\"><head><title>{{ .Title }}</title></head><body><ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n",
                             to: site + "/layouts/_default/list.html")
        let outcome = try ChildProcess.run("hugo", ["--quiet", "--source", site])
        guard outcome.status == 0 else { throw UraError(.internal, "hugo failed: \(outcome.stderr.prefix(300))") }
        return outcome
    }

    /// A digest of every file below `directory` (names and contents), following the published
    /// site's symlink if it is one.
    func treeDigest(_ directory: String) throws -> String {
        let root = (try? FileManager.default.destinationOfSymbolicLink(atPath: directory)).map {
            $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent($0).path
        } ?? directory
        guard let files = FileManager.default.enumerator(atPath: root)?.allObjects as? [String] else { return "" }
        var hasher = SHA256()
        for file in files.sorted() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + file, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            hasher.update(field: file)
            hasher.update(FileManager.default.contents(atPath: root + "/" + file) ?? Data())
        }
        return hasher.hexDigest()
    }

    /// The report as text lines.
    public static func report(_ results: [Measurement]) -> [String] {
        var lines = ["releases  full(s)  rel/s   incr(s)  incr/full  peak MiB  hugo(s)  ura/hugo  incr=clean"]
        for result in results {
            let hugo = result.hugoSeconds.map { String(format: "%7.2f  %8.2f", $0, result.fullSeconds / $0) } ?? "      -         -"
            let same = result.incrementalMatchesClean.map { $0 ? "yes" : "NO" } ?? "-"
            lines.append(String(format: "%8d  %7.2f  %6.0f  %7.2f  %8.1f%%  %8.0f  %@  %@", result.releases, result.fullSeconds,
                                Double(result.releases) / result.fullSeconds, result.incrementalSeconds,
                                100 * result.incrementalSeconds / result.fullSeconds, result.peakMemoryMiB, hugo, same))
        }
        for result in results {
            lines.append("n=\(result.releases) steps: " + result.steps.map { String(format: "%@ %.2f s", $0.name, $0.seconds) }.joined(separator: ", "))
            func runs(_ seconds: [Double]) -> String { seconds.map { String(format: "%.2f", $0) }.joined(separator: " ") }
            var line = "n=\(result.releases) full builds (s): ura \(runs(result.fullRuns))"
            if !result.hugoRuns.isEmpty {
                line += ", hugo \(runs(result.hugoRuns))" + String(format: "; hugo peak %.0f MiB", result.hugoPeakMemoryMiB ?? 0)
            }
            if !result.incrementalRuns.isEmpty { line += "; incremental \(runs(result.incrementalRuns))" }
            lines.append(line)
        }
        for (smaller, larger) in zip(results, results.dropFirst()) {
            lines.append(String(format: "growth %d → %d releases (×%.0f): time ×%.2f, memory ×%.2f", smaller.releases, larger.releases,
                                Double(larger.releases) / Double(smaller.releases), larger.fullSeconds / smaller.fullSeconds,
                                larger.peakMemoryMiB / smaller.peakMemoryMiB))
        }
        return lines
    }
}

extension CalendarDate {
    /// The next calendar day.
    func next() -> CalendarDate {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if day < lengths[month - 1] { return CalendarDate(year: year, month: month, day: day + 1) }
        if month < 12 { return CalendarDate(year: year, month: month + 1, day: 1) }
        return CalendarDate(year: year + 1, month: 1, day: 1)
    }
}
