import Foundation
import Testing
import UraCore
import UraTerminology
import UraTestSupport
import UraXML

/// `ura check` run as a user would: the built binary, its output and its exit code.
@Suite struct CheckCommandTests {
    static let glossary = GlossaryTests.migration

    /// A TMX of the labelled test set's pairs with the given ids.
    func tmx(_ ids: [String]) throws -> String {
        let set = try LabelledTestSet(try Fixtures.text(TestSetTests.path), file: TestSetTests.path)
        var body = ""
        for testCase in set.cases where ids.contains(testCase.unit.id) {
            body += "<tu tuid=\"\(testCase.unit.id)\"><tuv xml:lang=\"en\"><seg>\(testCase.unit.english.xmlEscaped)</seg></tuv>"
            body += "<tuv xml:lang=\"sq\"><seg>\(testCase.unit.albanian.xmlEscaped)</seg></tuv></tu>\n"
        }
        return try write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4"><header creationtool="ura-test" creationtoolversion="1" segtype="paragraph" o-tmf="ura" adminlang="en" srclang="en" datatype="plaintext"/>
            <body>
            \(body)</body></tmx>
            """, name: "units.tmx")
    }

    struct Report: Decodable { let findings: [Finding] }

    @Test func jsonFindingsAndExitCodeOne() throws {
        let path = try tmx(["c01", "c02", "e01", "e11"])
        let result = try Run.ura(["check", path, "--glossary", Self.glossary, "--format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.findings.map(\.unit) == ["e01", "e11"])
        #expect(report.findings.map(\.rule) == ["term-missing", "diacritics"])
        let first = try #require(report.findings.first)
        #expect(first.term == "asylum seeker" && first.expected == ["azilkërkues", "kërkues azili"] && first.side == "sq" && first.severity == .error)
        // The contract's key order.
        #expect(result.stdout.contains("{\"unit\": \"e01\", \"rule\": \"term-missing\", \"severity\": \"error\", \"side\": \"sq\", \"term\": \"asylum seeker\", \"expected\": [\"azilkërkues\", \"kërkues azili\"], \"message\": "))
    }

    @Test func cleanInputExitsZero() throws {
        let path = try tmx(["c01", "c02", "c05", "c06"])
        let result = try Run.ura(["check", path, "--glossary", Self.glossary])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout == "0 findings: 0 errors, 0 warnings\n")
    }

    @Test func textOutputNamesUnitRuleAndSide() throws {
        let path = try tmx(["e07"])
        let result = try Run.ura(["check", path, "--glossary", Self.glossary])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("e07: error term-deprecated (sq): The Albanian text uses the deprecated term 'Migrantë të paligjshëm'"))
    }

    @Test func warningsAloneExitZero() throws {
        let path = try tmx(["e09"])
        let result = try Run.ura(["check", path, "--glossary", Self.glossary, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("\"side\": \"en\""))
    }

    @Test func suffixRulesAloneStillMatchInflectedTerms() throws {
        // As on a machine without the Hunspell dictionaries.
        let path = try tmx(["c01", "c02", "c03", "c04", "c06", "e01"])
        let result = try Run.program(Run.uraPath, ["check", path, "--glossary", Self.glossary], environment: ["URA_HUNSPELL": "off"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("e01: error term-missing (sq)"))
        #expect(result.stdout.hasSuffix("1 finding: 1 error, 0 warnings\n"))
    }

    @Test func xliffAndSeveralGlossaries() throws {
        let xliff = try write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="sq">
            <file id="f1"><unit id="p1"><segment><source>Refugees and asylum seekers.</source>
            <target>Refugjatët dhe azilkërkuesit.</target></segment></unit>
            <unit id="p2"><segment><source>The refugee camp.</source><target>Kampi i refugjatëve.</target></segment></unit></file>
            </xliff>
            """, name: "units.xlf")
        #expect(try Run.ura(["check", xliff, "--glossary", Self.glossary]).status == 0)
        // The ablative plural `kamp refugjatësh` is the same term as `Kampi i refugjatëve` ...
        let same = try write("refugee camp\tkamp refugjatësh\n", name: "same.tsv")
        #expect(try Run.ura(["check", xliff, "--glossary", Self.glossary, "--glossary", same]).status == 0)
        // ... while a second glossary's other term is required.
        let extra = try write("refugee camp\tkamp pritjeje\n", name: "extra.tsv")
        let result = try Run.ura(["check", xliff, "--glossary", Self.glossary, "--glossary", extra, "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"unit\": \"p2\", \"rule\": \"term-missing\""))
        #expect(try Run.program(Fixtures.validators + "/validate-xliff", ["--no-jing", xliff]).status == 0)
    }

    @Test func bundleFolderIsCheckedParagraphByParagraph() throws {
        let bundle = Fixtures.corpus + "/2018-11-05-roundtable-with-albanian-government-institutions-on-the"
        let result = try Run.ura(["check", bundle, "--glossary", Self.glossary])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let englishOnly = try Run.ura(["check", Fixtures.corpus + "/2019-10-29-new-registration-and-temporary-accommodation-centre-for",
                                       "--glossary", Self.glossary, "--format", "json"])
        #expect(englishOnly.status == 1)
        #expect(englishOnly.stdout.contains("\"unit\": \"title\", \"rule\": \"untranslated\""))
    }

    @Test func htmlReportPassesTheValidator() throws {
        let path = try tmx(["c01", "e01", "e07", "e11", "e15", "e19", "e20"])
        let result = try Run.ura(["check", path, "--glossary", Self.glossary, "--format", "html"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("<td lang=\"sq\">Kërkuesit e strehimit u regjistruan në kufi.</td>"))
        #expect(result.stdout.contains("type=\"checkbox\""))
        let html = try write(result.stdout, name: "report.html")
        let validation = try Run.program(Fixtures.validators + "/validate-html", [html])
        #expect(validation.status == 0, "\(validation.stdout)")
    }

    @Test(arguments: [
        ("missing.tmx", "no such file or folder"),
        ("broken.tmx", "broken.tmx:3"),
        ("old.xlf", "Ura reads XLIFF 2.x"),
    ])
    func unusableInputExitsTwo(name: String, expected: String) throws {
        let path: String
        switch name {
        case "broken.tmx": path = try write("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body>\n<tu></body></tmx>\n", name: name)
        case "old.xlf": path = try write("<xliff version=\"1.2\"><file/></xliff>\n", name: name)
        default: path = NSTemporaryDirectory() + "/ura-no-such-\(UUID().uuidString).tmx"
        }
        let result = try Run.ura(["check", path, "--glossary", Self.glossary])
        #expect(result.status == 2)
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func unusableGlossaryExitsTwo() throws {
        let path = try tmx(["c01"])
        let bad = try write("asylum\tazil\tnote\textra\n", name: "bad.tsv")
        let result = try Run.ura(["check", path, "--glossary", bad])
        #expect(result.status == 2)
        #expect(result.stderr == "ura: \(bad):1: expected 2 or 3 tab-separated columns (en, sq, note), found 4\n")
        let empty = try write("", name: "empty.tsv")
        let emptyResult = try Run.ura(["check", path, "--glossary", empty])
        #expect(emptyResult.status == 2)
        #expect(emptyResult.stderr.contains("glossary has no usable concept"))
    }

    @Test func glossaryWarningsGoToStandardError() throws {
        let path = try tmx(["c36"])
        let glossary = try write("asylum\tazil\nlonely\t\n", name: "partial.tsv")
        let result = try Run.ura(["check", path, "--glossary", glossary])
        #expect(result.status == 0)
        #expect(result.stderr == "ura: warning: \(glossary):2: 'lonely' has no Albanian term; skipped\n")
    }
}
