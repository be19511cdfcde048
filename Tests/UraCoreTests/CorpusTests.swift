import Foundation
import Testing
import UraICU
import UraTestSupport
@testable import UraCore

@Suite struct CorpusTests {
    @Test func loadsTheBundledCorpus() throws {
        let releases = try Corpus(directory: Fixtures.corpus).loadAll()
        #expect(releases.count >= 3)
        let roundtable = try #require(releases.first { $0.id == "2018-11-05-roundtable-with-albanian-government-institutions-on-the" })
        #expect(roundtable.languages == [.english, .albanian])
        #expect(roundtable.dateline.date == CalendarDate(year: 2018, month: 11, day: 5))
        #expect(roundtable.dateline.place == "Tirana")
        #expect(roundtable.texts[.albanian]?.paragraphs.first?.hasPrefix("Tiranë, 5 Nëntor 2018:") == true)
        #expect(roundtable.title(in: .english).hasPrefix("Roundtable with Albanian Government Institutions"))
        // An unknown key survives a load.
        #expect(roundtable.extraFrontMatter[.albanian]?.contains { $0.key == "title_note" } == true)
        // Ids follow the date-and-title slug rule.
        for release in releases {
            #expect(release.id == ReleaseID.make(date: release.dateline.date, title: release.title(in: .english)))
        }
    }

    @Test func fileSignaturesSayWhatStatSays() throws {
        // The signature's text is what a snapshot stores: written by hand for speed, it must stay
        // the interpolated form earlier builds wrote (or every release would be loaded again).
        let corpus = Corpus(directory: Fixtures.corpus)
        let id = try #require(corpus.releaseIDs().first)
        var expected = ""
        for language in Language.allCases {
            var info = stat()
            guard stat(corpus.filePath(id, language), &info) == 0 else { continue }
            expected += "\(language.code):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec):"
                + "\(info.st_ctim.tv_sec).\(info.st_ctim.tv_nsec):\(info.st_ino);"
        }
        #expect(!expected.isEmpty)
        #expect(corpus.fileSignature(id) == expected)
        #expect(try corpus.listing().first { $0.id == id }?.signature == expected)
        for number in [0, 7, 9, 10, 42, 99, 100, 101, 999_999_999, -1, -42, -99, -100, Int.max, Int.min] {
            var bytes: [UInt8] = []
            bytes.appendDecimal(number)
            #expect(String(decoding: bytes, as: UTF8.self) == "\(number)")
        }
    }

    @Test func writeThenLoadRoundTrips() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let source = try Corpus(directory: Fixtures.corpus).loadAll()
        let target = Corpus(directory: directory)
        for release in source { try target.write(release) }
        let reloaded = try target.loadAll()
        #expect(reloaded == source)
        // Writing again gives the same bytes.
        let first = try Fixtures.text(target.filePath(source[0].id, .english))
        try target.write(reloaded[0])
        #expect(try Fixtures.text(target.filePath(source[0].id, .english)) == first)
        // No temporary files are left behind.
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func titlesWithYAMLSpecialCharactersSurvive() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let title = "Migration: \"safe\" & <orderly> — 100% # not a comment"
        let release = PressRelease(id: "2024-01-01-x", texts: [.english: .init(title: title, paragraphs: ["One.", "Two."])])
        let corpus = Corpus(directory: directory)
        try corpus.write(release)
        #expect(try corpus.load("2024-01-01-x").title(in: .english) == title)
    }

    @Test func malformedFrontMatterNamesFileAndLine() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = Corpus(directory: directory)
        let cases: [(String, String, Int)] = [
            ("no-start", "title: x\n\nBody.\n", 1),
            ("no-end", "---\ntitle: x\n\nBody.\n", 1),
            ("bad-yaml", "---\ntitle: x\ndate: [2018\n---\nBody.\n", 4),
            ("bad-date", "---\ntitle: x\ndate: 5 November\n---\nBody.\n", 3),
            ("bad-status", "---\ntitle: x\nstatus: published\n---\nBody.\n", 3),
            ("no-title", "---\ndate: 2018-11-05\n---\nBody.\n", 1),
        ]
        for (name, text, line) in cases {
            try FileManager.default.createDirectory(atPath: corpus.bundlePath(name), withIntermediateDirectories: true)
            try text.write(toFile: corpus.filePath(name, .english), atomically: true, encoding: .utf8)
            let error = try #require(throws: UraError.self) { try corpus.load(name) }
            #expect(error.file == corpus.filePath(name, .english), "\(name)")
            #expect(error.line == line, "\(name): \(error)")
        }
    }

    @Test func unknownKeysSurviveLoadAndSaveUnchanged() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = Corpus(directory: directory)
        try FileManager.default.createDirectory(atPath: corpus.bundlePath("r"), withIntermediateDirectories: true)
        let text = "---\ntitle: A\nkicker: 'In focus: meetings'\ntags: [migration, diaspora]\nweight: 3\n---\nA.\n"
        try text.write(toFile: corpus.filePath("r", .english), atomically: true, encoding: .utf8)
        for _ in 0..<2 {
            let release = try corpus.load("r")
            #expect(release.frontMatterValue("kicker", in: .english) == "In focus: meetings")
            #expect(release.frontMatterValue("weight", in: .english) == "3")
            #expect(release.frontMatterValue("tags", in: .english) == nil)
            try corpus.write(release)
        }
        let written = try Fixtures.text(corpus.filePath("r", .english))
        #expect(written.contains("kicker: 'In focus: meetings'"))
        #expect(written.contains("- migration") || written.contains("[migration, diaspora]"))
    }

    @Test func statusDisagreementTakesTheLessAdvanced() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corpus = Corpus(directory: directory)
        try FileManager.default.createDirectory(atPath: corpus.bundlePath("r"), withIntermediateDirectories: true)
        try "---\ntitle: A\nstatus: approved\n---\nA.\n".write(toFile: corpus.filePath("r", .english), atomically: true, encoding: .utf8)
        try "---\ntitle: B\nstatus: draft\n---\nB.\n".write(toFile: corpus.filePath("r", .albanian), atomically: true, encoding: .utf8)
        #expect(try corpus.load("r").status == .draft)
    }

    @Test func slugs() {
        #expect(ReleaseID.slug("Dita Botërore kundër Trafikimit të Qenieve Njerëzore") == "dita-boterore-kunder-trafikimit-te-qenieve-njerezore")
        #expect(ReleaseID.slug("IOM’s 30th Anniversary: “Migrants’ Voices”") == "ioms-30th-anniversary-migrants-voices")
        #expect(ReleaseID.make(date: nil, title: "Çështje") == "undated-ceshtje")
        #expect(ReleaseID.slug(String(repeating: "word ", count: 40)).count <= ReleaseID.maximumSlugLength)
    }
}

@Suite struct ParagraphTests {
    /// Paragraphs are runs of non-blank lines, trimmed, inner line breaks kept: the byte-level
    /// splitter agrees with that definition, written plainly on Characters, on every align-dev
    /// text and on blank lines of every kind (spaces, tabs, CR, a no-break space, none at all).
    @Test func splitAgreesWithTheLineByLineDefinition() throws {
        func reference(_ text: String) -> [String] {
            var paragraphs: [String] = [], current: [Substring] = []
            for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Substring.init) {
                if line.allSatisfy(\.isWhitespace) {
                    if !current.isEmpty { paragraphs.append(current.joined(separator: "\n").trimmed) }
                    current = []
                } else {
                    current.append(line)
                }
            }
            if !current.isEmpty { paragraphs.append(current.joined(separator: "\n").trimmed) }
            return paragraphs
        }
        var texts = ["", "\n\n", "One.", "  One.\nstill one.  \n\nTwo.\n", "Një.\r\n\r\nDy.\r\n", "A.\n \u{00A0}\t\nB.\n\u{00A0}x\n",
                     "\n\nË.\n\n\n"]
        for document in try Fixtures.alignDevDocuments() {
            for language in ["en", "sq"] { texts.append(try TextInput.read("\(Fixtures.alignDev)/\(document).\(language).txt")) }
        }
        for text in texts { #expect(Paragraphs.split(text) == reference(text), "\(text.prefix(80))") }
    }
}

@Suite struct FrontMatterTests {
    /// The direct reader of simple front matter agrees with Yams on every file of the corpus and
    /// on lines that look simple but are not.
    @Test func fastPathAgreesWithYams() throws {
        var texts: [String] = []
        let corpus = Corpus(directory: Fixtures.corpus)
        for id in try corpus.releaseIDs() {
            for language in Language.allCases where FileManager.default.fileExists(atPath: corpus.filePath(id, language)) {
                texts.append(try TextInput.read(corpus.filePath(id, language)))
            }
        }
        texts += [
            "---\ntitle: 'It''s here'\nplace: \"Tiranë \\\"Q\\\" \\\\ x\"\ndate: 2019-07-30\n---\nBody\n",
            "---\ntitle: a: b\n---\n",
            "---\ntags: [a, b]\ntitle: x # comment\n---\n",
            "---\ntitle: |\n  block\n---\n",
            "---\ntitle: ~\nempty:\n---\n",
            // Where reading bytes and reading Characters could part: non-ASCII next to what is
            // compared (white space, marks joining a space or the colon, letters in keys).
            "---\ntitle: Ëndrra e një vendi\nplace: Tiranë\u{00A0}\n---\n",
            "---\ntitle: x\u{00A0} \n---\n",
            "---\n#\u{0301} comment?\ntitle: x\n---\n",
            "---\n# comment\ntitle: x\n---\n",
            "---\ntitle:\u{0301} x\n---\n",
            "---\ntitle: \u{0301}x\n---\n",
            "---\ntitlë: x\n---\n",
            "---\n  title: x\n---\n",
            "---\ntitle:x\n---\n",
            "---\ntitle: 'a'\t\r\ndate: 2019-07-30  \n---\n",
        ]
        for text in texts {
            let direct = try? FrontMatter.parse(text, file: "f.md", allowFastPath: true)
            let yams = try? FrontMatter.parse(text, file: "f.md", allowFastPath: false)
            #expect(direct?.entries.map { "\($0.key)=\($0.value)@\($0.line)" } == yams?.entries.map { "\($0.key)=\($0.value)@\($0.line)" }, "\(text)")
            #expect(direct?.body == yams?.body)
        }
        #expect(FrontMatter.simpleEntries("title: x # comment") == nil)
        #expect(FrontMatter.simpleEntries("title: It''s")?.first?.value == "It''s")
        #expect(FrontMatter.simpleEntries("title: 'broken ' quote'") == nil)
        #expect(FrontMatter.simpleEntries("title: \"tab\\tand \\u00e9\"") == nil, "an escape left to Yams")
    }

    @Test func fastPathReadsBackEveryTitleAsYamsDoes() throws {
        // Every first line of align-dev (real news in both languages, with quotes, colons and
        // dashes) as a title, written as a bundle writes it and read back both ways.
        var checked = 0
        for document in try Fixtures.alignDevDocuments() {
            for language in ["en", "sq"] {
                let text = try TextInput.read("\(Fixtures.alignDev)/\(document).\(language).txt")
                guard let line = text.split(separator: "\n").first.map(String.init) else { continue }
                for title in [line, "'" + line, line + ": \"x\" \\ y", "It's: " + line] {
                    let release = PressRelease(id: "x", texts: [.english: .init(title: title, paragraphs: ["P."])])
                    let file = Corpus.render(release, language: .english, text: .init(title: title, paragraphs: ["P."]))
                    let direct = try FrontMatter.parse(file, file: "f.md", allowFastPath: true)
                    let yams = try FrontMatter.parse(file, file: "f.md", allowFastPath: false)
                    #expect(direct.value("title") == title)
                    #expect(direct.entries.map { "\($0.key)=\($0.value)" } == yams.entries.map { "\($0.key)=\($0.value)" })
                    checked += 1
                }
            }
        }
        #expect(checked >= 300)
    }
}
