import Foundation
import Testing
import UraCore
import UraTerminology
import UraTestSupport

@Suite struct GlossaryTests {
    static let migration = Fixtures.packageRoot + "/glossaries/migration.tbx"

    @Test func migrationGlossaryHasTheIssuesConcepts() throws {
        let glossary = try Glossary.load(Self.migration)
        #expect(glossary.concepts.count >= 60)
        #expect(glossary.warnings.isEmpty)
        let byName = Dictionary(glossary.concepts.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let irregular = try #require(byName["irregular migrant"])
        #expect(irregular.terms(in: .english).contains { $0.text == "illegal migrant" && $0.status == .deprecated })
        #expect(irregular.approvedTargets.first?.text == "migrant i parregullt")
        #expect(byName["International Organization for Migration"]?.approvedTargets.first?.text
            == "Organizata Ndërkombëtare për Migracionin")
        #expect(byName["asylum seeker"]?.approvedTargets.map(\.text) == ["azilkërkues", "kërkues azili"])
        // Doubtful Albanian terms carry an Unconfirmed note rather than passing as confirmed.
        #expect(byName["immigrant"]?.approvedTargets.allSatisfy(\.unconfirmed) == true)
        #expect(byName["residence permit"]?.approvedTargets.contains(where: \.unconfirmed) == false)
    }

    @Test func migrationGlossaryPassesTheTBXValidator() throws {
        let result = try Run.program(Fixtures.validators + "/validate-tbx", [Self.migration])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let bad = try Run.program(Fixtures.validators + "/validate-tbx", [Fixtures.validators + "/samples/bad.tbx"])
        #expect(bad.status != 0)
    }

    @Test func tsvGlossaryMergesRowsOfOneTerm() throws {
        let path = try write("en\tsq\tnote\nasylum seeker\tazilkërkues\t\nasylum seeker\tkërkues azili\tunconfirmed: rare\n"
            + "# comment\n\nillegal migrant\tmigrant i paligjshëm\tdeprecated\nrefugee\trefugjat\n", name: "g.tsv")
        let glossary = try Glossary.load(path)
        #expect(glossary.concepts.count == 2)
        let seeker = glossary.concepts[0]
        #expect(seeker.approvedTargets.map(\.text) == ["azilkërkues", "kërkues azili"])
        #expect(seeker.approvedTargets.map(\.status) == [.preferred, .admitted])
        #expect(seeker.approvedTargets[1].unconfirmed)
        #expect(glossary.warnings.count == 1)
        #expect(glossary.warnings[0].contains("'illegal migrant' has no approved Albanian term"))
    }

    @Test func tsvWithAWrongColumnCountNamesTheLine() throws {
        let path = try write("asylum\tazil\nrefugee\n", name: "bad.tsv")
        let error = try #require(throws: UraError.self) { try Glossary.load(path) }
        #expect(error.line == 2)
        #expect(error.message.contains("found 1"))
    }

    @Test func tbxWithAnExternalDoctypeIsRefusedWithoutLoadingIt() throws {
        let secret = try write("secret text", name: "secret.txt")
        for doctype in ["<!DOCTYPE tbx SYSTEM \"file://\(secret)\">", "<!DOCTYPE tbx PUBLIC \"-//x\" \"http://example.org/x.dtd\">"] {
            let path = try write("<?xml version=\"1.0\"?>\n\(doctype)\n" + Self.minimalBody("azil"), name: "ext.tbx")
            let error = try #require(throws: UraError.self) { try Glossary.load(path) }
            #expect(error.line == 2)
            #expect(error.message.contains("DOCTYPE"))
        }
    }

    @Test func tbxWithAnEntityDeclarationIsRefused() throws {
        let secret = try write("secret text", name: "secret.txt")
        let path = try write("<?xml version=\"1.0\"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM \"file://\(secret)\">]>\n"
            + Self.minimalBody("&x;"), name: "entity.tbx")
        let error = try #require(throws: UraError.self) { try Glossary.load(path) }
        #expect(!error.description.contains("secret text"))
        #expect(error.kind == .input)
    }

    @Test func malformedTBXNamesTheLine() throws {
        let path = try write("<?xml version=\"1.0\"?>\n<tbx>\n<text><body>\n<conceptEntry id=\"c\">\n</body></text></tbx>\n", name: "broken.tbx")
        let error = try #require(throws: UraError.self) { try Glossary.load(path) }
        #expect(error.line == 5)
    }

    @Test func conceptWithoutAlbanianIsSkippedWithAWarning() throws {
        let body = Self.minimalBody("azil").replacingOccurrences(of: "</body>", with: """
            <conceptEntry id="c-lonely"><langSec xml:lang="en"><termSec><term>lonely</term></termSec></langSec></conceptEntry>
            </body>
            """)
        let glossary = try Glossary.load(try write(body, name: "partial.tbx"))
        #expect(glossary.concepts.map(\.id) == ["c-asylum"])
        #expect(glossary.warnings.count == 1)
        #expect(glossary.warnings[0].contains("concept 'c-lonely' has no approved Albanian term; skipped"))
    }

    @Test func emptyGlossaryIsAnError() throws {
        for (name, text) in [("empty.tsv", ""), ("comments.tsv", "# nothing\n"),
                             ("empty.tbx", Self.minimalBody("azil").replacingOccurrences(of: "azil", with: " "))] {
            let error = try #require(throws: UraError.self) { try Glossary.load(try write(text, name: name)) }
            #expect(error.message.contains("no usable concept"), "\(name): \(error)")
        }
    }

    /// A one-concept TBX whose Albanian term is `albanian`.
    static func minimalBody(_ albanian: String) -> String {
        """
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
        <tbxHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></tbxHeader>
        <text><body>
        <conceptEntry id="c-asylum">
        <langSec xml:lang="en"><termSec><term>asylum</term></termSec></langSec>
        <langSec xml:lang="sq"><termSec><term>\(albanian)</term></termSec></langSec>
        </conceptEntry>
        </body></text></tbx>
        """
    }
}

/// Writes `text` to a fresh temporary file called `name`.
func write(_ text: String, name: String) throws -> String {
    let path = try Fixtures.temporaryDirectory("ura-terms") + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}
