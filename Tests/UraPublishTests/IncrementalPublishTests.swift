import Foundation
import Testing
import UraCore
import UraICU
import UraTestSupport
import UraXML
@testable import UraPublish

/// Publishing again after a change reuses the files whose inputs did not change, and gives the
/// same site, byte for byte, as publishing from scratch.
@Suite struct IncrementalPublishTests {
    /// The corpus with one paragraph added to the English text of the bilingual release.
    private func editedCorpus() throws -> [PressRelease] {
        try PublishFixtures.corpus().map { release in
            guard release.id == PublishFixtures.bilingualID else { return release }
            var edited = release
            edited.texts[.english]?.paragraphs.append("The office will publish a further statement next week.")
            return edited
        }
    }

    /// The inode of `path` (through the site link).
    private func inode(_ path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? Int
    }

    /// Publishes `first`, then `second` over it in one folder and `second` alone in another;
    /// expects the two sites to be identical and returns the incremental site's folder.
    private func publishOverAndClean(first: [PressRelease], firstOptions: PublishOptions,
                                     second: [PressRelease], secondOptions: PublishOptions,
                                     in folder: String, between: () throws -> Void = {}) throws -> String {
        var incremental = firstOptions
        incremental.outputDirectory = folder + "/incremental/public"
        _ = try Publisher.publish(first, options: incremental)
        try between()
        var again = secondOptions
        again.outputDirectory = incremental.outputDirectory
        _ = try Publisher.publish(second, options: again)
        var clean = secondOptions
        clean.outputDirectory = folder + "/clean/public"
        _ = try Publisher.publish(second, options: clean)
        #expect(try PublishFixtures.tree(again.outputDirectory) == PublishFixtures.tree(clean.outputDirectory))
        return again.outputDirectory
    }

    @Test func changingOneReleaseGivesTheCleanSiteAndReusesTheOthers() throws {
        let folder = try Fixtures.temporaryDirectory("ura-incremental")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = PublishFixtures.options()
        let out = folder + "/incremental/public"
        var first = options
        first.outputDirectory = out
        _ = try Publisher.publish(try PublishFixtures.corpus(), options: first)
        let englishOnlyPage = "/en/\(PublishFixtures.englishOnlyID).html"
        let bilingualPage = "/en/\(PublishFixtures.bilingualID).html"
        let before = (unchanged: try inode(out + englishOnlyPage), changed: try inode(out + bilingualPage))

        // What a second build reuses: every output of the unchanged release, the collection
        // outputs whose documents do not hold the edited one (the archive page of the unchanged
        // release's year, the entry page, which reads the newest release), and those that hold
        // only its summary, which a new paragraph leaves as it was (its year's archive pages, the
        // index pages); nothing that reads its text (its pages, the feeds, the full collection).
        let builder = try SiteBuilder(options: first)
        let current = try #require(SiteSwitch.current(out))
        let files = try builder.build(try editedCorpus(), reusing: current)
        let reused = Set(files.filter { $0.reused != nil }.map(\.path))
        #expect(reused == ["en/\(PublishFixtures.englishOnlyID).html", "print/\(PublishFixtures.englishOnlyID).fo",
                           "en/archive-2019.html", "index.html", "en/archive-2018.html", "sq/archive-2018.html",
                           "en/index.html", "sq/index.html"])
        // A new title is in the summary: the pages listing the release are made again.
        var retitled = try editedCorpus()
        if let index = retitled.firstIndex(where: { $0.id == PublishFixtures.bilingualID }) {
            retitled[index].texts[.english]?.title += " (updated)"
        }
        let afterTitle = Set(try builder.build(retitled, reusing: current).filter { $0.reused != nil }.map(\.path))
        #expect(afterTitle == ["en/\(PublishFixtures.englishOnlyID).html", "print/\(PublishFixtures.englishOnlyID).fo",
                               "en/archive-2019.html", "index.html"])
        #expect(files.allSatisfy { $0.inputKey != nil })
        #expect(files.filter { $0.reused == nil }.allSatisfy { !$0.bytes.isEmpty })

        _ = try publishOverAndClean(first: try PublishFixtures.corpus(), firstOptions: options,
                                    second: try editedCorpus(), secondOptions: options, in: folder)
        // The reused page is the previous generation's file (a hard link), the edited one is new.
        #expect(try inode(out + englishOnlyPage) == before.unchanged)
        #expect(try inode(out + bilingualPage) != before.changed)
        let page = try String(contentsOfFile: out + bilingualPage, encoding: .utf8)
        #expect(page.contains("a further statement next week"))
        let feed = try String(contentsOfFile: out + "/xml/releases.xml", encoding: .utf8)
        #expect(feed.contains("a further statement next week"))
    }

    @Test func aStylesheetChangeInvalidatesReuse() throws {
        let folder = try Fixtures.temporaryDirectory("ura-incremental")
        let xslt = try PublishFixtures.stylesheetCopy()
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            try? FileManager.default.removeItem(atPath: xslt)
        }
        let options = PublishFixtures.options(xslt: xslt)
        let original = "<title><xsl:value-of select=\"$title\"/></title>"
        var reusedAfterChange: [String] = []
        let out = try publishOverAndClean(first: try PublishFixtures.corpus(), firstOptions: options,
                                          second: try PublishFixtures.corpus(), secondOptions: options, in: folder) {
            let html = xslt + "/html.xsl"
            let page = try String(contentsOfFile: html, encoding: .utf8)
            try #require(page.contains(original))
            try page.replacingOccurrences(of: original, with: "<title>Changed: <xsl:value-of select=\"$title\"/></title>")
                .write(toFile: html, atomically: true, encoding: .utf8)
            // Any file of the folder counts (a module others import may have changed), so even
            // the outputs of the other stylesheets are made again.
            var incremental = options
            incremental.outputDirectory = folder + "/incremental/public"
            let current = try #require(SiteSwitch.current(incremental.outputDirectory))
            let files = try SiteBuilder(options: incremental).build(try PublishFixtures.corpus(), reusing: current)
            reusedAfterChange = files.filter { $0.reused != nil }.map(\.path)
        }
        #expect(reusedAfterChange.isEmpty)
        let built = try String(contentsOfFile: out + "/en/\(PublishFixtures.englishOnlyID).html", encoding: .utf8)
        #expect(built.contains("<title>Changed: "))
    }

    @Test func aParameterChangeInvalidatesReuse() throws {
        let folder = try Fixtures.temporaryDirectory("ura-incremental")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let options = PublishFixtures.options()
        var renamed = options
        renamed.siteTitle = "IOM Albania press office"
        let out = try publishOverAndClean(first: try PublishFixtures.corpus(), firstOptions: options,
                                          second: try PublishFixtures.corpus(), secondOptions: renamed, in: folder)
        let page = try String(contentsOfFile: out + "/en/\(PublishFixtures.englishOnlyID).html", encoding: .utf8)
        #expect(page.contains("IOM Albania press office"))
        // And a build date: every transform is made again; the collection document does not
        // depend on parameters.
        var dated = renamed
        dated.buildDate = 1_763_913_600
        let builder = try SiteBuilder(options: dated)
        let current = try #require(SiteSwitch.current(out))
        let files = try builder.build(try PublishFixtures.corpus(), reusing: current)
        #expect(files.filter { $0.reused != nil }.map(\.path) == [SiteBuilder.collectionPath])
    }

    /// The summary digest, written from bytes, is the digest of the fields as the plain
    /// definition lays them out (strings, the date as "\(year)-\(month)-\(day)"): input keys a
    /// previous build recorded stay valid.
    @Test func summaryDigestIsThatOfThePlainFields() throws {
        func plain(_ release: PressRelease) -> String {
            var bytes: [UInt8] = []
            func add(_ field: String?) {
                guard let field else { return bytes.append(0) }
                bytes.append(1)
                withUnsafeBytes(of: UInt32(field.utf8.count).littleEndian) { bytes += $0 }
                bytes += field.utf8
            }
            add(release.id)
            add(release.status.rawValue)
            add(release.dateline.place)
            add(release.dateline.date.map { "\($0.year)-\($0.month)-\($0.day)" })
            add(release.dateline.dateInferred ? "inferred" : nil)
            add(release.provenance.approvedBy)
            add(release.provenance.approvedAt)
            add(release.provenance.overrideReason)
            add(release.provenance.source)
            for language in Language.allCases.sorted() {
                guard let text = release.texts[language] else { continue }
                add(language.code)
                add(text.title)
            }
            return ContentDigest.hex(bytes)
        }
        var releases = try PublishFixtures.corpus()
        var odd = try #require(releases.first)
        odd.dateline = .init(place: "Tiranë", date: CalendarDate(year: 987, month: 1, day: 31), dateInferred: true)
        odd.provenance.overrideReason = "ëç \u{1F600}"
        var undated = odd
        undated.dateline.date = nil
        releases += [odd, undated]
        for release in releases {
            #expect(InputKeys.summaryDigest(release) == plain(release), "\(release.id)")
        }
        #expect(Set(releases.map(InputKeys.summaryDigest)).count == releases.count)
    }

    @Test func collectionEntriesAreReadBackAsWritten() throws {
        var releases = try PublishFixtures.corpus(approving: [])
        releases[0].id = "odd-id-with-&-and-\"quotes\""
        let ordered = CanonicalXML.ordered(releases)
        let document = Array(CanonicalXML.collection(releases).utf8)
        let entries = CanonicalXML.collectionEntries(in: document)
        #expect(entries.count == releases.count)
        let rebuilt = ordered.compactMap { entries[$0.id.xmlAttributeEscaped].map { String(decoding: $0, as: UTF8.self) } }
        #expect(rebuilt == ordered.map { CanonicalXML.collectionEntry($0) })
        #expect(Array(CanonicalXML.collection(entries: rebuilt).utf8) == document)
    }

    @Test func aManifestWithoutInputKeysIsReadAndReusesNothing() throws {
        let folder = try Fixtures.temporaryDirectory("ura-incremental")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/public"
        try SiteSwitch.publish([SiteFile(path: "a.html", bytes: Array("a".utf8), inputKey: "k1")], to: out)
        let current = try #require(SiteSwitch.current(out))
        #expect(current.files["a.html"]?.inputKey == "k1")
        #expect(current.files["a.html"]?.digest == SiteSwitch.digest(Array("a".utf8)))
        // An older manifest (`digest path`, no header): digests only.
        let manifest = current.folder + SiteSwitch.manifestSuffix
        try "\(SiteSwitch.digest(Array("a".utf8))) a.html\n".write(toFile: manifest, atomically: true, encoding: .utf8)
        let old = try #require(SiteSwitch.current(out))
        #expect(old.files["a.html"] == SiteSwitch.ManifestEntry(digest: SiteSwitch.digest(Array("a".utf8)), inputKey: nil))
    }
}
