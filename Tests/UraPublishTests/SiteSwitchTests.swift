import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraPublish

@Suite struct SiteSwitchTests {
    @Test func publishingSwitchesALinkToACompleteGeneration() throws {
        let folder = try Fixtures.temporaryDirectory("ura-site")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/public/"
        let first = try Publisher.publish(try PublishFixtures.corpus(), options: PublishFixtures.options(out: out))
        let link = folder + "/public"
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: link)
        #expect(target.hasPrefix(".public.") && first.generation.hasSuffix(target))
        let site = try PublishFixtures.tree(link)
        #expect(site.keys.sorted() == first.files)
        #expect(!site.keys.contains { $0.hasSuffix(".tmp") })
        // Same input again: identical bytes, same generation, no staging left behind.
        let second = try Publisher.publish(try PublishFixtures.corpus(), options: PublishFixtures.options(out: out))
        #expect(second.generation == first.generation)
        #expect(try PublishFixtures.tree(link) == site)
        #expect(try entries(folder) == [target, "public"])
    }

    @Test func staleGenerationsAndLeftTrashGoWhileTheCurrentOneStays() throws {
        let folder = try Fixtures.temporaryDirectory("ura-site")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/public"
        for version in ["one", "two", "three"] {
            try SiteSwitch.publish([SiteFile(path: "en/a.html", bytes: Array(version.utf8))], to: out)
        }
        // A killed run's trash and another run's staging folder.
        try FileManager.default.createDirectory(atPath: folder + "/.public.trash-1-0-0123456789abcdef/en", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/.public.staging-1-2", withIntermediateDirectories: true)
        let current = try FileManager.default.destinationOfSymbolicLink(atPath: out)
        // Three publishes leave two generations; an older one from a crashed run makes three.
        let older = ".public.00000000000000aa"
        try FileManager.default.createDirectory(atPath: folder + "/" + older + "/en", withIntermediateDirectories: true)
        try "#ura-site-manifest 2\n".write(toFile: folder + "/" + older + SiteSwitch.manifestSuffix, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 0)],
                                              ofItemAtPath: folder + "/" + older + SiteSwitch.manifestSuffix)
        let generations = try entries(folder).filter { $0.hasPrefix(".public.") && $0.count == ".public.".count + 16 }
        #expect(generations.count == 3)
        let previous = try #require(generations.first { $0 != current && $0 != older })
        SiteSwitch.removeStaleGenerations(of: out).wait()
        // The current generation stays, and the newest other one, which the next publish updates in place.
        #expect(Set(try entries(folder)) == [".public.staging-1-2", current, previous, "public"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(SiteSwitch.manifestSuffix) })
                == [current + SiteSwitch.manifestSuffix, previous + SiteSwitch.manifestSuffix])
        #expect(try String(contentsOfFile: out + "/en/a.html", encoding: .utf8) == "three")
        // The next publish updates that one in place and keeps the current one as the previous one.
        let newest = try SiteSwitch.publish([SiteFile(path: "en/a.html", bytes: Array("four".utf8))], to: out)
        #expect(Set(try entries(folder)) == [".public.staging-1-2", current, (newest as NSString).lastPathComponent, "public"])
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + previous))
        #expect(try String(contentsOfFile: out + "/en/a.html", encoding: .utf8) == "four")
    }

    @Test func anUpdatedGenerationEqualsANewOneAndLeavesTheOthersAlone() throws {
        let folder = try Fixtures.temporaryDirectory("ura-site")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/public"
        func file(_ path: String, _ text: String) -> SiteFile { SiteFile(path: path, bytes: Array(text.utf8)) }
        // Published with PDFs (the variant says so; `finish` would render them: here, written by hand).
        try SiteSwitch.publish([file("en/a.html", "a1"), file("en/b.html", "b1"), file("feeds/en.xml", "f1"), file("print/a.fo", "p1")],
                               to: out, variant: "pdf")
        try "pdf1".write(toFile: out + "/print/a.pdf", atomically: false, encoding: .utf8)
        let first = try FileManager.default.destinationOfSymbolicLink(atPath: out)
        try SiteSwitch.publish([file("en/a.html", "a1"), file("en/b.html", "b2"), file("feeds/en.xml", "f2"), file("print/a.fo", "p1")], to: out)
        let second = try FileManager.default.destinationOfSymbolicLink(atPath: out)
        let secondTree = try PublishFixtures.tree(out)
        // The third publish updates the first generation: b.html goes, a.fo changes (its PDF with it).
        try SiteSwitch.publish([file("en/a.html", "a1"), file("feeds/en.xml", "f3"), file("print/a.fo", "p3"), file("sq/a.html", "s3")],
                               to: out, derivedSuffixes: [".fo": ".pdf"], keepsDerivedFiles: true)
        let third = try FileManager.default.destinationOfSymbolicLink(atPath: out)
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + first))
        #expect(try PublishFixtures.tree(out).mapValues { String(decoding: $0, as: UTF8.self) }
                == ["en/a.html": "a1", "feeds/en.xml": "f3", "print/a.fo": "p3", "sq/a.html": "s3"])
        // The previous generation, which shared files with the updated one by hard links, is untouched.
        #expect(try PublishFixtures.tree(folder + "/" + second) == secondTree)
        #expect(third != second && third != first)
    }

    @Test func manifestEntriesAndFoldersAreFoundWhetherOrNotPathsAreSorted() {
        func entry(_ digest: String) -> SiteSwitch.ManifestEntry { SiteSwitch.ManifestEntry(digest: digest, inputKey: nil) }
        let paths = ["en/a.html", "en/b.html", "index.html", "sq/a.html"]
        let manifest = SiteSwitch.Manifest(paths: paths, entries: paths.map(entry), variant: "")
        // A manifest by hand, not in order: the same entries by look-up.
        let shuffled = [3, 0, 2, 1].map { paths[$0] }
        let unsorted = SiteSwitch.Manifest(paths: shuffled, entries: shuffled.map(entry), variant: "", isSorted: false)
        for manifest in [manifest, unsorted] {
            // Sorted (walked side by side) and unsorted (looked up): the same entries, nil where absent.
            #expect(SiteSwitch.entries(at: ["en/a.html", "en/c.html", "sq/a.html", "sq/b.html"], in: manifest)
                    == [entry("en/a.html"), nil, entry("sq/a.html"), nil])
            #expect(SiteSwitch.entries(at: ["sq/a.html", "a.html", "en/a.html"], in: manifest) == [entry("sq/a.html"), nil, entry("en/a.html")])
            #expect(SiteSwitch.entries(at: [], in: manifest).isEmpty)
            // One at a time (a binary search when sorted), every path and some that are not there.
            for path in paths { #expect(manifest.entry(at: path) == entry(path)) }
            for path in ["", "a.html", "en/", "en/a.htm", "en/a.html5", "zz"] { #expect(manifest.entry(at: path) == nil) }
            #expect(manifest.files == Dictionary(uniqueKeysWithValues: paths.map { ($0, entry($0)) }))
        }
        // Folders: runs of sorted paths, and an unsorted list where a folder comes back.
        #expect(SiteSwitch.groupedByFolder(["en/a.html", "en/b.html", "index.html", "sq/a.html"]) == ["en": [0, 1], "": [2], "sq": [3]])
        #expect(SiteSwitch.groupedByFolder(["en/a.html", "sq/a.html", "en/b.html"]) == ["en": [0, 2], "sq": [1]])
    }

    @Test func aLargeReplacedFileKeepsItsBytesForWhoeverHoldsIt() throws {
        // The collection document replaced in an updated generation is let go of on another
        // thread; a reader of the generation before still has the old bytes, the site the new.
        let folder = try Fixtures.temporaryDirectory("ura-site")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/public"
        let large = { (byte: UInt8) in SiteFile(path: "xml/releases.xml", bytes: [UInt8](repeating: byte, count: SiteSwitch.retiredSize + 1)) }
        try SiteSwitch.publish([large(UInt8(ascii: "a"))], to: out)
        let first = try FileManager.default.destinationOfSymbolicLink(atPath: out)
        let reader = try FileHandle(forReadingFrom: URL(fileURLWithPath: out + "/xml/releases.xml"))
        defer { try? reader.close() }
        try SiteSwitch.publish([large(UInt8(ascii: "b"))], to: out)
        try SiteSwitch.publish([large(UInt8(ascii: "c"))], to: out)  // updates the first generation in place
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + first))
        #expect(try reader.readToEnd()?.allSatisfy { $0 == UInt8(ascii: "a") } == true)
        #expect(try PublishFixtures.tree(out)["xml/releases.xml"].map(Array.init) == large(UInt8(ascii: "c")).bytes)
    }

    /// The folder's entries without the generations' manifests.
    private func entries(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasSuffix(SiteSwitch.manifestSuffix) }.sorted()
    }

    @Test func unchangedFilesAreLinkedFromThePreviousGeneration() throws {
        let folder = try Fixtures.temporaryDirectory("ura-site")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/public"
        let same = SiteFile(path: "en/a.html", bytes: Array("<p>same</p>".utf8))
        try SiteSwitch.publish([same, SiteFile(path: "feeds/en.xml", bytes: Array("old".utf8))], to: out)
        let before = try FileManager.default.attributesOfItem(atPath: out + "/en/a.html")[.systemFileNumber] as? Int
        var linked: Set<String> = []
        try SiteSwitch.publish([same, SiteFile(path: "feeds/en.xml", bytes: Array("new".utf8))], to: out,
                               keepsDerivedFiles: true) { _, paths, _ throws(UraError) in
            linked = paths
        }
        #expect(linked == ["en/a.html"])
        #expect(try FileManager.default.attributesOfItem(atPath: out + "/en/a.html")[.systemFileNumber] as? Int == before)
        #expect(try String(contentsOfFile: out + "/feeds/en.xml", encoding: .utf8) == "new")
        #expect(try String(contentsOfFile: out + "/en/a.html", encoding: .utf8) == "<p>same</p>")
    }

    @Test func aFailingTransformLeavesThePreviousSiteIntact() throws {
        let folder = try Fixtures.temporaryDirectory("ura-site")
        let xslt = try PublishFixtures.stylesheetCopy()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: xslt)
        }
        let out = folder + "/public"
        _ = try Publisher.publish(try PublishFixtures.corpus(), options: PublishFixtures.options(out: out, xslt: xslt))
        let before = try PublishFixtures.tree(out)
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: out)

        // A new output format that tries to write a file from inside the transform.
        try """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" xmlns:ura="urn:x-ura:publish" extension-element-prefixes="exsl">
              <ura:output input="collection" path="evil.txt"/>
              <xsl:template match="/">
                <exsl:document href="\(folder)/pwned.txt" method="text">pwned</exsl:document>
              </xsl:template>
            </xsl:stylesheet>
            """.write(toFile: xslt + "/evil.xsl", atomically: true, encoding: .utf8)
        // Only two releases approved now, so the site would change if anything got through.
        let error = try #require(throws: UraError.self) {
            try Publisher.publish(try PublishFixtures.corpus(approving: [PublishFixtures.bilingualID]),
                                  options: PublishFixtures.options(out: out, xslt: xslt))
        }
        #expect(error.file == xslt + "/evil.xsl" && error.line == 5, "\(error)")
        #expect(error.message.contains("File write for \(folder)/pwned.txt refused"), "\(error)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/pwned.txt"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: out) == target)
        #expect(try PublishFixtures.tree(out) == before)
        #expect(try entries(folder) == [target, "public"])
    }

    @Test func aFailureAfterTheTransformsAlsoLeavesTheSiteIntact() throws {
        let folder = try Fixtures.temporaryDirectory("ura-site")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/public"
        try SiteSwitch.publish([SiteFile(path: "feeds/en.xml", bytes: Array("old".utf8))], to: out)
        #expect(throws: UraError.self) {
            try SiteSwitch.publish([SiteFile(path: "feeds/en.xml", bytes: Array("new".utf8))], to: out) { _, _, _ throws(UraError) in
                throw UraError(.input, "fop failed")
            }
        }
        #expect(try String(contentsOfFile: out + "/feeds/en.xml", encoding: .utf8) == "old")
        #expect(try entries(folder).count == 2)
    }

    @Test func refusesToReplaceAFolderItDidNotMake() throws {
        let folder = try Fixtures.temporaryDirectory("ura-site")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/public", withIntermediateDirectories: true)
        try "keep".write(toFile: folder + "/public/mine.html", atomically: true, encoding: .utf8)
        let error = try #require(throws: UraError.self) {
            try SiteSwitch.publish([SiteFile(path: "a.xml", bytes: [])], to: folder + "/public")
        }
        #expect(error.file == folder + "/public")
        #expect(FileManager.default.fileExists(atPath: folder + "/public/mine.html"))
    }

    @Test func oldGenerationsAreRemovedButThePreviousIsKept() throws {
        let folder = try Fixtures.temporaryDirectory("ura-site")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/public"
        var generations: [String] = []
        for version in 1...3 {
            generations.append(try SiteSwitch.publish([SiteFile(path: "v.txt", bytes: Array("\(version)".utf8))], to: out))
        }
        let names = Set(try entries(folder))
        #expect(names == Set(["public"] + generations.suffix(2).map { ($0 as NSString).lastPathComponent }))
        #expect(try String(contentsOfFile: out + "/v.txt", encoding: .utf8) == "3")
    }
}
