import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraXML

@Suite struct XMLParserTests {
    @Test func readsTheValidatorsTBXSample() throws {
        let path = Fixtures.validators + "/samples/good.tbx"
        let root = try XMLParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))), file: path)
        #expect(root.localName == "tbx")
        let concepts = root.descendants("conceptEntry")
        #expect(!concepts.isEmpty)
        let languages = Set(concepts[0].elements("langSec").compactMap { $0.attribute("xml:lang") })
        #expect(languages.isSuperset(of: ["en", "sq"]))
        #expect(concepts[0].descendants("term").allSatisfy { !$0.text.isEmpty })
    }

    @Test func neverExpandsExternalEntities() throws {
        let hostile = """
            <?xml version="1.0"?>
            <!DOCTYPE tbx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
            <tbx><term>&secret;</term></tbx>
            """
        let error = try #require(throws: UraError.self) { try XMLParser.parse(Array(hostile.utf8), file: "evil.tbx") }
        #expect(error.file == "evil.tbx")
        #expect(error.description.contains("entit"))
        #expect(!error.description.contains("root:"))
    }

    @Test func refusesEntityExpansionBombs() throws {
        var bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for level in 1...9 { bomb += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level == 1 ? "" : String(level - 1));", count: 10) + "\">" }
        bomb += "]>\n<lolz>&lol9;</lolz>"
        #expect(throws: UraError.self) { try XMLParser.parse(Array(bomb.utf8), file: "bomb.xml") }
    }

    @Test func malformedXMLNamesTheLine() throws {
        let error = try #require(throws: UraError.self) {
            try XMLParser.parse(Array("<a>\n<b>\n</a>\n".utf8), file: "bad.xml")
        }
        #expect(error.line == 3)
        #expect(error.file == "bad.xml")
    }

    @Test func deepNestingDoesNotOverflowTheStack() throws {
        let depth = 5_000
        let xml = String(repeating: "<d>", count: depth) + "x" + String(repeating: "</d>", count: depth)
        // libxml2 caps depth at 256 without XML_PARSE_HUGE: a clear error, not a crash.
        let error = try #require(throws: UraError.self) { try XMLParser.parse(Array(xml.utf8), file: "deep.xml") }
        #expect(error.description.contains("deep.xml"))
    }
}

@Suite struct StylesheetTests {
    func write(_ text: String, _ name: String, in directory: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func transformsWithParametersAndEXSLT() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try write("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:str="http://exslt.org/strings" extension-element-prefixes="str">
              <xsl:output method="xml" encoding="UTF-8" indent="no"/>
              <xsl:param name="lang"/>
              <xsl:template match="/release">
                <out lang="{$lang}"><xsl:value-of select="str:padding(2, '-')"/><xsl:value-of select="title[@lang=$lang]"/></out>
              </xsl:template>
            </xsl:stylesheet>
            """, "t.xsl", in: directory)
        let stylesheet = try Stylesheet(path: path)
        #expect(stylesheet.outputMethod == "xml")
        let input = "<release><title lang='en'>Migrants &amp; &lt;borders&gt;</title><title lang='sq'>Migrantët</title></release>"
        let output = String(decoding: try stylesheet.apply(to: Array(input.utf8), name: "r.xml", parameters: ["lang": "sq"]), as: UTF8.self)
        #expect(output.contains("<out lang=\"sq\">--Migrantët</out>"))
        let english = String(decoding: try stylesheet.apply(to: Array(input.utf8), name: "r.xml", parameters: ["lang": "en"]), as: UTF8.self)
        #expect(english.contains("Migrants &amp; &lt;borders&gt;"))
        // Parameter values are strings, whatever quotes or XPath syntax they hold.
        let quoted = String(decoding: try stylesheet.apply(to: Array(input.utf8), name: "r.xml", parameters: ["lang": "it's \"x\" concat('a')"]), as: UTF8.self)
        #expect(quoted.contains("<out lang=\"it's &quot;x&quot; concat('a')\">"))
    }

    @Test func syntaxErrorNamesTheLine() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try write("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:template match="/">
                <xsl:if><x/></xsl:if>
              </xsl:template>
            </xsl:stylesheet>
            """, "broken.xsl", in: directory)
        let error = try #require(throws: UraError.self) { try Stylesheet(path: path) }
        #expect(error.file == path)
        #expect(error.line == 3, "\(error)")
        #expect(!error.description.contains("\n"))
        // libxslt compiles XPath leniently: a broken expression fails when it runs, still with a line.
        let lenient = try write("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:template match="/">
                <xsl:value-of select="concat(" />
              </xsl:template>
            </xsl:stylesheet>
            """, "lenient.xsl", in: directory)
        let runtime = try #require(throws: UraError.self) { try Stylesheet(path: lenient).apply(to: Array("<a/>".utf8), name: "a.xml") }
        #expect(runtime.line == 3, "\(runtime)")
        #expect(runtime.description.contains("lenient.xsl"))
        let malformed = try write("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n<oops>\n</xsl:stylesheet>", "malformed.xsl", in: directory)
        let parseError = try #require(throws: UraError.self) { try Stylesheet(path: malformed) }
        #expect(parseError.line == 3)
    }

    @Test func refusesFileWritesAndNetworkReads() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let writer = try write("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:exsl="http://exslt.org/common" extension-element-prefixes="exsl">
              <xsl:template match="/">
                <exsl:document href="\(directory)/pwned.txt" method="text">pwned</exsl:document>
                <ok/>
              </xsl:template>
            </xsl:stylesheet>
            """, "writer.xsl", in: directory)
        #expect(throws: UraError.self) { try Stylesheet(path: writer).apply(to: Array("<a/>".utf8), name: "a.xml") }
        #expect(!FileManager.default.fileExists(atPath: directory + "/pwned.txt"))

        let reader = try write("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:template match="/"><r><xsl:copy-of select="document('http://127.0.0.1:9/x.xml')"/></r></xsl:template>
            </xsl:stylesheet>
            """, "reader.xsl", in: directory)
        #expect(throws: UraError.self) { try Stylesheet(path: reader).apply(to: Array("<a/>".utf8), name: "a.xml") }

        let local = try write("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:template match="/"><r><xsl:copy-of select="document('/etc/hostname')"/></r></xsl:template>
            </xsl:stylesheet>
            """, "local.xsl", in: directory)
        #expect(throws: UraError.self) { try Stylesheet(path: local).apply(to: Array("<a/>".utf8), name: "a.xml") }
    }

    @Test func inputWithEntitiesIsRefused() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = try write("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
              <xsl:template match="/"><r><xsl:value-of select="."/></r></xsl:template>
            </xsl:stylesheet>
            """, "copy.xsl", in: directory)
        let hostile = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
        let error = try #require(throws: UraError.self) { try Stylesheet(path: path).apply(to: Array(hostile.utf8), name: "in.xml") }
        #expect(error.description.contains("entities"))
    }
}

@Suite struct EscapingTests {
    @Test func escapesOnceAndDropsForbiddenControls() throws {
        let title = "Migrants & \"borders\" <2024> 'sq'\u{0007}"
        #expect(title.xmlEscaped == "Migrants &amp; \"borders\" &lt;2024&gt; 'sq'")
        #expect(title.xmlAttributeEscaped == "Migrants &amp; &quot;borders&quot; &lt;2024&gt; &apos;sq&apos;")
        // What we escape parses back to the original (minus the control character).
        let root = try XMLParser.parse(Array("<t a=\"\(title.xmlAttributeEscaped)\">\(title.xmlEscaped)</t>".utf8), file: "t.xml")
        #expect(root.text == "Migrants & \"borders\" <2024> 'sq'")
        #expect(root.attribute("a") == "Migrants & \"borders\" <2024> 'sq'")
    }

    @Test func keepsAlbanianLettersAndDropsNoncharacters() {
        #expect("Migrantët në Shqipëri".xmlEscaped == "Migrantët në Shqipëri")
        #expect("a\u{FFFE}b\u{FFFF}c\u{FFFD}\të\r\n".xmlEscaped == "abc\u{FFFD}\të\r\n")
        #expect("\u{1}\u{1F}<ç>".xmlAttributeEscaped == "&lt;ç&gt;")
        #expect("".xmlEscaped == "")
    }

    /// The byte table and the appending form against a scalar-by-scalar escaper: every scalar up
    /// to U+02FF and those whose UTF-8 starts with EF, alone and inside text.
    @Test func byteTableMatchesAStraightforwardEscaper() {
        func reference(_ text: String, quotes: Bool) -> String {
            var output = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": output += "&amp;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                case "\"" where quotes: output += "&quot;"
                case "'" where quotes: output += "&apos;"
                case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
                case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: break
                default: output.unicodeScalars.append(scalar)
                }
            }
            return output
        }
        let scalars = (0..<0x300).compactMap(Unicode.Scalar.init) + [0xF000, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600].compactMap(Unicode.Scalar.init)
        for scalar in scalars {
            for text in [String(scalar), "ë\(scalar)x\(scalar)"] {
                for quotes in [false, true] {
                    let expected = reference(text, quotes: quotes)
                    var bytes = Array("<".utf8)
                    bytes.appendXMLEscaped(text, quotes: quotes)
                    #expect(String(decoding: bytes.dropFirst(), as: UTF8.self) == expected)
                    #expect((quotes ? text.xmlAttributeEscaped : text.xmlEscaped) == expected)
                }
            }
        }
    }
}
