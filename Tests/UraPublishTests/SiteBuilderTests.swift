import Foundation
import Testing
import UraCore
import UraICU
import UraTestSupport
import UraXML
@testable import UraPublish

@Suite struct SiteBuilderTests {
    let builder: SiteBuilder
    let files: [SiteFile]

    init() throws {
        builder = try SiteBuilder(options: PublishFixtures.options())
        files = try builder.build(try PublishFixtures.corpus())
    }

    @Test func writesEveryDeclaredOutput() {
        let paths = files.map(\.path)
        let bilingual = PublishFixtures.bilingualID, english = PublishFixtures.englishOnlyID
        let expected = [
            "bilingual/\(bilingual).html",
            "en/\(bilingual).html", "en/\(english).html", "en/archive-2018.html", "en/archive-2019.html", "en/index.html",
            "feeds/en.xml", "feeds/sq.xml", "index.html",
            "print/\(bilingual).fo", "print/\(english).fo",
            "sq/\(bilingual).html", "sq/archive-2018.html", "sq/index.html",
            "xml/releases.xml",
        ]
        #expect(paths == expected)
        #expect(files.filter(\.rendersPDF).map(\.path) == ["print/\(bilingual).fo", "print/\(english).fo"])
    }

    @Test func draftsNeverReachAnyOutput() throws {
        // The corpus as it is: one release in review, two drafts; nothing is approved.
        let unapproved = try builder.build(try PublishFixtures.corpus(approving: []))
        let feed = try #require(PublishFixtures.text(unapproved, "feeds/en.xml"))
        #expect(!feed.contains("<item>"))
        for file in unapproved {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("Roundtable") && !text.contains("Kapshtica") && !text.contains("Lungarotti"), "\(file.path)")
        }
        // With two approved, the draft is still nowhere, and a status a stylesheet could misread
        // never appears either.
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains(PublishFixtures.draftID) && !text.contains("Lungarotti"), "\(file.path)")
            #expect(!text.contains("status=\"draft\"") && !text.contains("status=\"in-review\""), "\(file.path)")
        }
    }

    @Test func feedsFollowRSSConventions() throws {
        let english = try #require(PublishFixtures.text(files, "feeds/en.xml"))
        let albanian = try #require(PublishFixtures.text(files, "feeds/sq.xml"))
        #expect(english.contains("<language>en</language>"))
        #expect(albanian.contains("<language>sq</language>"))
        #expect(albanian.contains("<atom:link rel=\"self\" type=\"application/rss+xml\" href=\"https://press.example.org/ura/feeds/sq.xml\"/>"))
        // English day and month names in the Albanian feed too; build date from the newest approval.
        #expect(albanian.contains("<pubDate>Mon, 05 Nov 2018 00:00:00 +0000</pubDate>"))
        #expect(albanian.contains("<lastBuildDate>Fri, 20 Nov 2026 09:30:00 +0000</lastBuildDate>"))
        #expect(albanian.contains("<guid isPermaLink=\"false\">urn:x-ura:\(PublishFixtures.bilingualID):sq</guid>"))
        #expect(albanian.contains("<link>https://press.example.org/ura/sq/\(PublishFixtures.bilingualID).html</link>"))
        #expect(albanian.contains("hreflang=\"en\" href=\"https://press.example.org/ura/en/\(PublishFixtures.bilingualID).html\""))
        // The English-only release is in the English feed only.
        #expect(english.contains("Kapshtica") && !albanian.contains("Kapshtica"))
        // Description: HTML escaped exactly once; Albanian letters as characters.
        #expect(albanian.contains("<description>&lt;p&gt;Tiranë, 5 Nëntor 2018: Zyra e IOM"))
        let root = try XMLParser.parse(Array(albanian.utf8), file: "sq.xml")
        let description = try #require(root.descendants("description").last?.text)
        #expect(description.hasPrefix("<p>Tiranë") && description.hasSuffix("</p>"))
    }

    @Test func pagesLinkTheirOtherLanguage() throws {
        let page = try #require(PublishFixtures.text(files, "sq/\(PublishFixtures.bilingualID).html"))
        #expect(page.contains("<html lang=\"sq\">"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://press.example.org/ura/en/\(PublishFixtures.bilingualID).html\">"))
        #expect(page.contains("<link rel=\"alternate\" hreflang=\"sq\" href=\"https://press.example.org/ura/sq/\(PublishFixtures.bilingualID).html\">"))
        #expect(page.contains("<p class=\"dateline\">Tiranë, 5 nëntor 2018</p>"))
        let englishOnly = try #require(PublishFixtures.text(files, "en/\(PublishFixtures.englishOnlyID).html"))
        #expect(!englishOnly.contains("hreflang=\"sq\" href"), "no alternate to a page that does not exist")
        let bilingual = try #require(PublishFixtures.text(files, "bilingual/\(PublishFixtures.bilingualID).html"))
        #expect(bilingual.contains("<div lang=\"sq\"><p id=\"sq-p1\">Tiranë, 5 Nëntor 2018"))
    }

    @Test func printHasBothLanguagesPageNumbersAndARunningHeader() throws {
        let fo = try #require(PublishFixtures.text(files, "print/\(PublishFixtures.bilingualID).fo"))
        let root = try XMLParser.parse(Array(fo.utf8), file: "print.fo")
        #expect(root.localName == "root")
        #expect(root.descendants("simple-page-master").first?.attribute("page-height") == "29.7cm")
        #expect(root.descendants("simple-page-master").first?.attribute("page-width") == "21cm")
        #expect(!root.descendants("page-number").isEmpty && !root.descendants("page-number-citation").isEmpty)
        let header = try #require(root.descendants("static-content").first { $0.attribute("flow-name") == "xsl-region-before" })
        #expect(header.text.contains("Roundtable with Albanian Government Institutions"))
        let languages = root.descendants("block").compactMap { $0.attribute("xml:lang") }
        #expect(languages == ["en", "sq"])
        #expect(fo.contains("Tirana, 5 November 2018") && fo.contains("Tiranë, 5 nëntor 2018"))
    }

    @Test func sameInputSameBytes() throws {
        let again = try SiteBuilder(options: PublishFixtures.options()).build(try PublishFixtures.corpus())
        #expect(again == files)
        // A configured build date is used as given.
        var options = PublishFixtures.options()
        options.buildDate = 1_763_913_600
        let dated = try SiteBuilder(options: options).build(try PublishFixtures.corpus())
        #expect(PublishFixtures.text(dated, "feeds/en.xml")?.contains("<lastBuildDate>Sun, 23 Nov 2025 16:00:00 +0000</lastBuildDate>") == true)
    }

    @Test func everyCanonicalDocumentMatchesTheSchema() throws {
        let schema = try RelaxNGSchema(path: PublishFixtures.schema)
        let documents = builder.plan(try PublishFixtures.corpus()).documents
        #expect(documents.map(\.path).sorted() == ["xml/\(PublishFixtures.bilingualID).xml", "xml/\(PublishFixtures.englishOnlyID).xml", "xml/releases.xml"])
        for document in documents { try schema.validate(document.bytes, name: document.path) }
        // And the partial collections the index, archive and feed outputs read, with their archive list.
        let published = SiteBuilder.published(try PublishFixtures.corpus())
        let views = [SiteBuilder.CollectionView(summary: true), SiteBuilder.CollectionView(newest: 1, language: .albanian),
                     SiteBuilder.CollectionView(summary: true, language: .english, year: "2019")]
        for view in views {
            let document = SiteBuilder.collectionDocument(view, published, archive: CanonicalXML.archive(published),
                                                          facts: SiteBuilder.CollectionView.Facts(published))
            #expect(String(decoding: document, as: UTF8.self).contains("<archive>"))
            try schema.validate(document, name: view.name)
        }
    }

    @Test func indexPagesListTheNewestAndLinkAPagePerYear() throws {
        let index = try #require(PublishFixtures.text(files, "en/index.html"))
        #expect(index.contains("<nav class=\"archive\"><h2>Archive</h2>\n<p><a href=\"archive-2019.html\">2019</a> (1) · <a href=\"archive-2018.html\">2018</a> (1)</p></nav>"))
        let archive = try #require(PublishFixtures.text(files, "sq/archive-2018.html"))
        #expect(archive.contains("<title>Njoftime për shtyp: 2018 – IOM Albania</title>"))
        #expect(archive.contains("<h1>Njoftime për shtyp: 2018</h1>"))
        #expect(archive.contains("<a href=\"\(PublishFixtures.bilingualID).html\">"))
        #expect(archive.contains("<p><strong>2018</strong> (1)</p>"), "only the years with Albanian releases, this one not a link")
        #expect(archive.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://press.example.org/ura/en/archive-2018.html\">"))
        let english2019 = try #require(PublishFixtures.text(files, "en/archive-2019.html"))
        #expect(english2019.contains(PublishFixtures.englishOnlyID) && !english2019.contains(PublishFixtures.bilingualID))
        #expect(!english2019.contains("hreflang=\"sq\" href"), "no Albanian archive page for 2019")
    }

    @Test func hostileTitleIsEscapedInEveryFormat() throws {
        let title = "Migrants <b>&</b> \"quoted\" & 'single' <script>"
        let release = PressRelease(
            id: "2026-01-02-migrants-b-quoted", status: .approved,
            dateline: .init(place: "Tirana & <Durrës>", date: .init(year: 2026, month: 1, day: 2)),
            texts: [.english: .init(title: title, paragraphs: ["Body with <i>tags</i> & [a link](https://example.org/?a=1&b=\"2\")."]),
                    .albanian: .init(title: title + " ë", paragraphs: ["Tekst me ç & <ë>."])],
            provenance: .init(approvedBy: "O'Brien & <Co>", approvedAt: "2026-01-02T10:00:00Z"))
        let built = try builder.build([release])
        for file in built {
            let text = String(decoding: file.bytes, as: UTF8.self)
            #expect(!text.contains("<b>") && !text.contains("<script>") && !text.contains("<i>"), "raw markup in \(file.path)")
            if file.path.hasSuffix(".xml") || file.path.hasSuffix(".fo") {
                // Parses, and the title comes back exactly.
                let root = try XMLParser.parse(file.bytes, file: file.path)
                #expect(root.text.contains(title), "\(file.path)")
            } else if file.path != "index.html" { // the entry page lists no titles
                #expect(text.contains("Migrants &lt;b&gt;&amp;&lt;/b&gt; \"quoted\" &amp; 'single' &lt;script&gt;"), "\(file.path)")
            }
        }
        // In RSS the description is HTML escaped once: after XML decoding it is HTML again.
        let feed = try XMLParser.parse(try #require(built.first { $0.path == "feeds/en.xml" }).bytes, file: "en.xml")
        let description = try #require(feed.descendants("description").last?.text)
        #expect(description == "<p>Body with &lt;i&gt;tags&lt;/i&gt; &amp; <a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">a link</a>.</p>")
        #expect(feed.descendants("title").last?.text == title)
    }

    @Test func englishOnlyReleaseIsPublishedInEnglishOnly() throws {
        let built = try builder.build(try PublishFixtures.corpus(approving: [PublishFixtures.englishOnlyID]))
        let paths = built.map(\.path)
        #expect(paths.contains("en/\(PublishFixtures.englishOnlyID).html"))
        #expect(!paths.contains("sq/\(PublishFixtures.englishOnlyID).html"))
        #expect(!paths.contains("bilingual/\(PublishFixtures.englishOnlyID).html"))
        #expect(PublishFixtures.text(built, "feeds/sq.xml")?.contains("<item>") == false)
        #expect(PublishFixtures.text(built, "sq/index.html")?.contains("Asnjë njoftim i publikuar ende.") == true)
    }

    @Test func bilingualPageFollowsTheAlignment() throws {
        var release = PressRelease(
            id: "2026-02-03-aligned", status: .approved, dateline: .init(place: "Tirana", date: CalendarDate(iso: "2026-02-03")),
            texts: [.english: .init(title: "Aligned", paragraphs: ["First English.", "Second English.", "Third English."]),
                    .albanian: .init(title: "Përafruar", paragraphs: ["E para dhe e dyta shqip.", "E treta shqip."])])
        release.alignment = Alignment(paragraphs: [Bead(en: [0, 1], sq: [0], score: 0.8), Bead(en: [2], sq: [1], score: 0.9)],
                                      sentences: [])
        let page = try #require(PublishFixtures.text(try builder.build([release]), "bilingual/2026-02-03-aligned.html"))
        let rows = page.components(separatedBy: "<div class=\"pair\">").dropFirst(2) // the first pair holds the titles
        #expect(rows.count == 2)
        #expect(rows.first?.contains("First English.") == true && rows.first?.contains("Second English.") == true)
        #expect(rows.first?.contains("E para dhe e dyta shqip.") == true)
        #expect(rows.last?.contains("Third English.") == true && rows.last?.contains("E treta shqip.") == true)
    }
}

@Suite struct CollectionViewTests {
    /// A stylesheet that lists what each kind of collection document holds.
    static let counting = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:r="urn:x-ura:release:1" xmlns:ura="urn:x-ura:publish" exclude-result-prefixes="r ura">
          <ura:output input="collection" path="full.txt"/>
          <ura:output input="collection" content="summary" path="summary.txt"/>
          <ura:output input="collection" newest="1" per-language="yes" path="newest-{lang}.txt"/>
          <ura:output input="collection" content="summary" per-year="yes" per-language="yes" path="year-{year}-{lang}.txt"/>
          <xsl:output method="text"/>
          <xsl:param name="lang"/>
          <xsl:param name="year"/>
          <xsl:template match="/">
            <xsl:if test="$year != ''"><xsl:value-of select="concat('year=', $year, ' ')"/></xsl:if>
            <xsl:for-each select="r:collection/r:archive/r:year">
              <xsl:value-of select="concat('[', @value, ' en=', @en, ' sq=', @sq, '] ')"/>
            </xsl:for-each>
            <xsl:for-each select="r:collection/r:release"><xsl:value-of select="concat(@id, ' ')"/></xsl:for-each>
            <xsl:value-of select="concat('paragraphs=', count(//r:p), ' titles=', count(//r:title), ' beads=', count(//r:bead))"/>
          </xsl:template>
        </xsl:stylesheet>
        """

    @Test func twoOutputsWritingOnePathStopTheBuildNamingIt() throws {
        let folder = try Fixtures.temporaryDirectory("ura-views")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // The same path twice, and the collection document's own path.
        for (declarations, path) in [("""
            <ura:output input="collection" path="same.txt"/><ura:output input="release" path="same.txt{id}"/>
            <ura:output input="collection" content="summary" path="same.txt"/>
            """, "same.txt"), ("<ura:output input=\"collection\" path=\"xml/releases.xml\"/>", "xml/releases.xml")] {
            try Self.counting.replacingOccurrences(of: "<xsl:output method=\"text\"/>", with: declarations + "<xsl:output method=\"text\"/>")
                .write(toFile: folder + "/count.xsl", atomically: true, encoding: .utf8)
            let error = #expect(throws: UraError.self) {
                try SiteBuilder(options: PublishFixtures.options(xslt: folder)).build(try PublishFixtures.corpus())
            }
            #expect(error.map { "\($0)".contains("two outputs write '\(path)'") } == true)
        }
        // Which output is reported: the first, in plan order, whose path was written before it.
        let paths = ["b", "a", "xml/releases.xml", "a", "b", "xml/releases.xml"]
        let order = paths.indices.sorted { OutputPath.precedes(paths[$0], paths[$1]) }
        #expect(SiteBuilder.firstClash(paths, order: order) == 2)
        #expect(SiteBuilder.firstClash(["b", "a", "c", "a", "b"], order: [1, 3, 0, 4, 2]) == 3)
        #expect(SiteBuilder.firstClash(["b", "a", "c"], order: [1, 0, 2]) == nil)
    }

    @Test func summaryAndNewestCollectionsHoldWhatTheySay() throws {
        let folder = try Fixtures.temporaryDirectory("ura-views")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.counting.write(toFile: folder + "/count.xsl", atomically: true, encoding: .utf8)
        let all = [PublishFixtures.bilingualID, PublishFixtures.englishOnlyID, PublishFixtures.draftID]
        let releases = try PublishFixtures.corpus(approving: all)
        let files = try SiteBuilder(options: PublishFixtures.options(xslt: folder)).build(releases)
        let full = try #require(PublishFixtures.text(files, "full.txt"))
        let summary = try #require(PublishFixtures.text(files, "summary.txt"))
        // Newest first, every approved release, paragraphs only in the full collection.
        let ids = "\(PublishFixtures.draftID) \(PublishFixtures.englishOnlyID) \(PublishFixtures.bilingualID) "
        #expect(full.hasPrefix(ids))
        let paragraphs = releases.reduce(0) { $0 + $1.texts.values.reduce(0) { $0 + $1.paragraphs.count } }
        #expect(paragraphs >= 10)
        #expect(full.contains("paragraphs=\(paragraphs) titles=4"))
        #expect(summary.hasSuffix("paragraphs=0 titles=4 beads=0"))
        // The full collection has no archive list; every other view opens with it: each year
        // with releases, newest first, and how many have a text in each language.
        let archive = "[2024 en=1 sq=] [2019 en=1 sq=] [2018 en=1 sq=1] "
        #expect(!full.contains("[20"))
        #expect(summary.hasPrefix(archive + ids))
        // The newest release with an Albanian text is the bilingual one, though it is the oldest.
        #expect(PublishFixtures.text(files, "newest-en.txt")?.hasPrefix(archive + "\(PublishFixtures.draftID) paragraphs=") == true)
        #expect(PublishFixtures.text(files, "newest-sq.txt")?.hasPrefix(archive + "\(PublishFixtures.bilingualID) paragraphs=") == true)
        // A page per year and language that has releases: 2018 in both languages, 2019 and 2024
        // in English only; each holds its year's releases in that language, without paragraphs.
        let years = files.map(\.path).filter { $0.hasPrefix("year-") }.sorted()
        #expect(years == ["year-2018-en.txt", "year-2018-sq.txt", "year-2019-en.txt", "year-2024-en.txt"])
        #expect(PublishFixtures.text(files, "year-2018-sq.txt") == "year=2018 \(archive)\(PublishFixtures.bilingualID) paragraphs=0 titles=2 beads=0")
        #expect(PublishFixtures.text(files, "year-2019-en.txt") == "year=2019 \(archive)\(PublishFixtures.englishOnlyID) paragraphs=0 titles=1 beads=0")
    }

    @Test func archiveYearsAreDatesYearsOrUndated() throws {
        var releases = try PublishFixtures.corpus(approving: [PublishFixtures.bilingualID, PublishFixtures.englishOnlyID])
        releases = SiteBuilder.published(releases)
        #expect(CanonicalXML.Archive(releases).years == ["2019", "2018"])
        releases[0].dateline.date = nil
        let undated = CanonicalXML.ordered(releases)
        #expect(CanonicalXML.Archive(undated).years == ["2018", "undated"])
        #expect(CanonicalXML.archive(undated) == "  <archive>\n    <year value=\"2018\" en=\"1\" sq=\"1\"/>\n    <year value=\"undated\" en=\"1\"/>\n  </archive>\n")
    }

    @Test func badViewDeclarationsNameTheLine() throws {
        let folder = try Fixtures.temporaryDirectory("ura-views")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (attribute, message) in [("content=\"short\"", "content must be"), ("newest=\"0\"", "newest must be"),
                                     ("newest=\"x\"", "newest must be"), ("per-year=\"maybe\"", "per-year must be 'yes' or 'no'"),
                                     ("per-year=\"yes\"", "per-year needs")] {
            // The declaration on line 5 (summary.txt, whose path has no {year}).
            let stylesheet = Self.counting.replacingOccurrences(of: "content=\"summary\" path=\"summary.txt\"",
                                                                with: attribute + " path=\"summary.txt\"")
            try stylesheet.write(toFile: folder + "/count.xsl", atomically: true, encoding: .utf8)
            let error = try #require(throws: UraError.self) { try OutputFormat.load(folder + "/count.xsl") }
            #expect(error.description.contains(message))
            #expect(error.description.contains("count.xsl:5"))
        }
    }
}

@Suite struct OutputPathTests {
    @Test func expandsIdAndLanguageAndKeepsOtherBraces() {
        #expect(OutputPath.expand("{lang}/{id}.html", id: "2018-11-05-x", language: .albanian) == "sq/2018-11-05-x.html")
        #expect(OutputPath.expand("print/{id}.{id}.fo", id: "a", language: nil) == "print/a.a.fo")
        #expect(OutputPath.expand("feeds/{lang}.xml", id: nil, language: .english) == "feeds/en.xml")
        #expect(OutputPath.expand("x/{other}/{id}", id: "a", language: nil) == "x/{other}/a")
        #expect(OutputPath.expand("{lang}/{id}", id: nil, language: nil) == "{lang}/{id}")
        #expect(OutputPath.expand("index.html", id: "a", language: .english) == "index.html")
        #expect(OutputPath.expand("{lang}/archive-{year}.html", id: nil, language: .english, year: "2019") == "en/archive-2019.html")
        #expect(OutputPath.expand("{year}.html", id: nil, language: nil) == "{year}.html")
    }

    @Test func foldersAndByteOrderOfSitePaths() {
        #expect(OutputPath.folder(of: "en/x.html") == "en")
        #expect(OutputPath.folder(of: "a/b/c.xml") == "a/b")
        #expect(OutputPath.folder(of: "index.html") == "")
        #expect(OutputPath.folder(of: "arkiva/shqip/ë.html") == "arkiva/shqip")
        // A bridged string has no contiguous UTF-8: the same answer the slow way.
        #expect(OutputPath.folder(of: NSString(string: "sq/ç.html") as String) == "sq")
        // Byte order, as the manifest has it: "Z" (0x5A) before "a", "é" (0xC3 0xA9) after "z",
        // a prefix before what extends it.
        let paths = ["sq/é.html", "en/index.html", "en/a.html", "en/Z.html", "en", "sq/z.html"]
        #expect(paths.sorted(by: OutputPath.precedes) == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(paths.sorted(by: OutputPath.precedes) == ["en", "en/Z.html", "en/a.html", "en/index.html", "sq/z.html", "sq/é.html"])
    }
}
