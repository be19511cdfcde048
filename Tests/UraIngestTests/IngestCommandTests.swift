import Foundation
import Testing
import UraCore
@testable import UraIngest
import UraTestSupport

/// `ura ingest` run as a user runs it, on a copy of the bundled corpus.
@Suite struct IngestCommandTests {
    /// A copy of `corpus/` in a fresh temporary folder.
    static func corpusCopy() throws -> (root: String, corpus: String) {
        let root = try Fixtures.temporaryDirectory("ura-ingest")
        try FileManager.default.copyItem(atPath: Fixtures.corpus, toPath: root + "/corpus")
        return (root, root + "/corpus")
    }

    /// Every file below `folder` (hidden ones too) with its contents.
    static func snapshot(_ folder: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
            files[path] = isDirectory.boolValue ? Data() : FileManager.default.contents(atPath: folder + "/" + path)
        }
        return files
    }

    @Test func writesNewBundlesOnceAndLeavesExistingOnesUntouched() throws {
        let (root, corpus) = try Self.corpusCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = try Self.snapshot(corpus)
        let first = try Run.ura(["ingest"] + SeedIngestTests.seedFiles + ["--into", corpus])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("13 releases from 5 pages: 10 created, 3 already in the corpus; 35 lines dropped"))
        #expect(first.stdout.contains("exists  \(corpus)/2018-11-05-roundtable-with-albanian-government-institutions-on-the: left untouched"))
        let after = try Self.snapshot(corpus)
        // The hand-made bundles are byte for byte what they were.
        for (path, data) in before { #expect(after[path] == data, "\(path) changed") }
        #expect(try Corpus(directory: corpus).releaseIDs().count == 13)
        #expect(!after.keys.contains { $0.hasPrefix(".") }, "a staging folder was left behind")

        let bundle = try Corpus(directory: corpus).load("2019-10-21-albania-diaspora-community-the-best-bridge-builders-for-the")
        #expect(bundle.status == .draft)
        #expect(bundle.dateline.place == "Milan")
        #expect(bundle.provenance.source == "seeds/000_e01c01d1273744f3.txt")
        #expect(bundle.extraFrontMatter[.english]?.contains { $0.key == "complete" && $0.value == "false" } == true)

        let second = try Run.ura(["ingest"] + SeedIngestTests.seedFiles + ["--into", corpus])
        #expect(second.status == 0)
        #expect(second.stdout.contains("13 releases from 5 pages: 0 created, 13 already in the corpus"))
        #expect(try Self.snapshot(corpus) == after, "re-ingesting changed the corpus")
    }

    @Test func jsonDoesNotWrite() throws {
        let (root, corpus) = try Self.corpusCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try Run.ura(["ingest", try SeedIngestTests.seed("003"), "--json"], directory: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"languages\" : [\n        \"en\",\n        \"sq\"\n      ]"))
        #expect(try Corpus(directory: corpus).releaseIDs().count == 3)
        let usage = try Run.ura(["ingest", try SeedIngestTests.seed("003")])
        #expect(usage.status != 0 && usage.status != 1)
        #expect(usage.stderr.contains("--into"))
    }

    @Test func badPagesAreOneLineErrorsAndNothingIsWritten() throws {
        let (root, corpus) = try Self.corpusCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let albanian = "Titulli\nTiranë, 5 Nëntor 2018: Zyra e IOM në Shqipëri organizoi sot një tryezë të rrumbullakët.\n"
        let windows1250 = Array(albanian.unicodeScalars.map { $0 == "ë" ? UInt8(0xEB) : UInt8(truncatingIfNeeded: $0.value) })
        let cases: [(String, Data, String)] = [
            ("cp1250.txt", Data(windows1250), "not valid UTF-8"),
            ("page.html", Data("<!DOCTYPE html>\n<html><body><p>Tirana 5 November 2018: text.</p></body></html>\n".utf8), "an HTML page"),
            ("binary.bin", Data([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0x41, 0x42]), "a binary file"),
            ("random.bin", Data((0..<600).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }), "binary"),
            ("list.txt", Data("Shopping list\nmilk\neggs\n".utf8), "no release found"),
            ("empty.txt", Data(), "file is empty"),
        ]
        let before = try Self.snapshot(corpus)
        for (name, bytes, expected) in cases {
            let path = root + "/" + name
            _ = FileManager.default.createFile(atPath: path, contents: bytes)
            // The bad page last: the good pages before it must not be written either.
            let result = try Run.ura(["ingest", try SeedIngestTests.seed("000"), path, "--into", corpus])
            #expect(result.status == 1, "\(name)")
            #expect(result.stdout.isEmpty, "\(name)")
            #expect(result.stderr.hasPrefix("ura: \(path)"), "\(name): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(name)")
            #expect(try Self.snapshot(corpus) == before, "\(name): the corpus changed")
        }
        let cp1250 = try Run.ura(["ingest", root + "/cp1250.txt", "--json"])
        #expect(cp1250.stderr.contains("iconv -f "), "\(cp1250.stderr)")
        #expect(cp1250.stderr.contains(" -t utf-8 '\(root)/cp1250.txt'"))
    }

    @Test func ingestStepFillsTheCorpusFromTheInbox() async throws {
        let (root, corpus) = try Self.corpusCopy()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let inbox = root + "/inbox"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        for file in SeedIngestTests.seedFiles {
            try FileManager.default.copyItem(atPath: file, toPath: inbox + "/" + (file as NSString).lastPathComponent)
        }
        let source = Corpus(directory: corpus)
        var context = PipelineContext(corpus: source, releases: try source.loadAll())
        let pipeline = Pipeline(steps: [try IngestStep.make([:])])
        try await pipeline.run(&context)
        #expect(context.releases.count == 13)
        #expect(context.releases.map(\.id) == context.releases.map(\.id).sorted())
        #expect(context.messages.last?.hasPrefix("ingest: 13 releases from 5 pages: 10 created, 3 already in the corpus") == true)
        #expect(try source.releaseIDs().count == 13)
        // Again: nothing new.
        var again = PipelineContext(corpus: source, releases: try source.loadAll())
        try await pipeline.run(&again)
        #expect(again.releases.count == 13)
        #expect(again.messages.last?.contains("0 created, 13 already in the corpus") == true)
        // A missing inbox is an error naming it.
        let missing = Pipeline(steps: [try IngestStep.make(["inbox": root + "/nowhere"])])
        await #expect(throws: PipelineError.self) { try await missing.run(&again) }
    }

    @Test func navigationIsLearnedFromThePagesNotFromAList() throws {
        // Another site: other menu words, in Albanian; nothing of the seeds' phrases.
        let menu = "Kreu\nKreu\nLajme\nRreth nesh\nKontakt\n"
        let first = menu + "Hapet qendra e re në Vlorë\nVlorë, 3 Mars 2021: Qendra e re u hap sot për qytetarët e Vlorës.\nNdiqni ne\n"
        let second = menu + "Takim në Korçë për migrimin\nKorçë, 9 prill 2022: Takimi u zhvillua me autoritetet vendore.\nNdiqni ne\n"
        let result = try Ingester().ingest(pages: [("site/a.txt", first), ("site/b.txt", second)])
        #expect(result.releases.map(\.release.id) == ["2021-03-03-hapet-qendra-e-re-ne-vlore", "2022-04-09-takim-ne-korce-per-migrimin"])
        #expect(result.releases.map { $0.release.dateline.place } == ["Vlora", "Korca"])
        #expect(result.releases.allSatisfy { $0.release.languages == [.albanian] })
        let navigation = result.dropped.filter { $0.reason == .navigation }.map(\.text)
        #expect(navigation == ["Kreu", "Kreu", "Lajme", "Rreth nesh", "Kontakt", "Ndiqni ne", "Kreu", "Kreu", "Lajme", "Rreth nesh", "Kontakt", "Ndiqni ne"])
        // A short line that appears once and stands alone is not navigation: it stays in its release.
        let single = try Ingester().ingest(pages: [("site/c.txt", "Titulli\nVlorë, 3 Mars 2021: Qendra u hap.\nFaleminderit\n")])
        #expect(single.dropped.isEmpty)
        #expect(single.releases.first?.paragraphs[.albanian]?.last == "Faleminderit")
    }
}
