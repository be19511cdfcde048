import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraPublish

/// Bad stylesheets in `xslt/`: each gives one clear error naming the file, and publishes nothing.
@Suite struct StylesheetSafetyTests {
    func publishing(_ stylesheet: String, named name: String) throws -> UraError {
        let xslt = try PublishFixtures.stylesheetCopy()
        defer { try? FileManager.default.removeItem(atPath: xslt) }
        try stylesheet.write(toFile: xslt + "/" + name, atomically: true, encoding: .utf8)
        return try #require(throws: UraError.self) {
            try SiteBuilder(options: PublishFixtures.options(xslt: xslt)).build(try PublishFixtures.corpus())
        }
    }

    @Test func syntaxErrorNamesFileAndLine() throws {
        let error = try publishing("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:ura="urn:x-ura:publish">
              <ura:output input="collection" path="broken.xml"/>
              <xsl:template match="/">
                <xsl:value-of/>
              </xsl:template>
            </xsl:stylesheet>
            """, named: "broken.xsl")
        #expect(error.file?.hasSuffix("broken.xsl") == true)
        #expect(error.line == 4, "\(error)")
        let malformed = try publishing("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>\n<a>\n</xsl:stylesheet>\n", named: "malformed.xsl")
        #expect(malformed.line == 3, "\(malformed)")
        #expect(malformed.file?.hasSuffix("malformed.xsl") == true)
    }

    /// A stylesheet declaring one output that copies `document(uri)` into it.
    func reader(of uri: String, path: String) -> String {
        """
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:ura="urn:x-ura:publish">
          <ura:output input="collection" path="\(path)"/>
          <xsl:template match="/"><r><xsl:copy-of select="document('\(uri)')"/></r></xsl:template>
        </xsl:stylesheet>
        """
    }

    @Test func networkAndFileReadsAreRefused() throws {
        let network = try publishing(reader(of: "http://127.0.0.1:9/secret.xml", path: "net.xml"), named: "net.xsl")
        #expect(network.file?.hasSuffix("/net.xsl") == true && network.line == 3, "\(network)")
        #expect(network.message.hasPrefix("<copy-of>: Network file read for http://127.0.0.1:9/secret.xml refused"), "\(network)")
        #expect(network.message.hasSuffix("(transforming 'xml/releases.xml')"))
        let local = try publishing(reader(of: "/etc/passwd", path: "local.xml"), named: "local.xsl")
        #expect(local.file?.hasSuffix("/local.xsl") == true && local.line == 3, "\(local)")
        #expect(local.message.contains("Local file read for /etc/passwd refused"))
    }

    @Test func declarationsAreChecked() throws {
        let escape = try publishing("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:ura="urn:x-ura:publish">
              <ura:output input="collection" path="../outside.xml"/>
            </xsl:stylesheet>
            """, named: "escape.xsl")
        #expect(escape.line == 2)
        #expect(escape.description.contains("stay inside the site"))
        let noID = try publishing("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:ura="urn:x-ura:publish">
              <ura:output input="release" path="all.xml"/>
            </xsl:stylesheet>
            """, named: "noid.xsl")
        #expect(noID.description.contains("{id}"))
        let clash = try publishing("""
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:ura="urn:x-ura:publish">
              <ura:output input="collection" per-language="yes" path="feeds/{lang}.xml"/>
              <xsl:template match="/"><x/></xsl:template>
            </xsl:stylesheet>
            """, named: "zz-clash.xsl")
        #expect(clash.description.contains("feeds/en.xml"))
    }

    @Test func aDroppedInStylesheetIsANewFormat() throws {
        let xslt = try PublishFixtures.stylesheetCopy()
        defer { try? FileManager.default.removeItem(atPath: xslt) }
        try """
            <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:r="urn:x-ura:release:1" xmlns:ura="urn:x-ura:publish">
              <xsl:import href="common.xsl"/>
              <ura:output input="collection" per-language="yes" path="text/{lang}.txt"/>
              <xsl:output method="text" encoding="UTF-8"/>
              <xsl:template match="/">
                <xsl:for-each select="r:collection/r:release/r:text[@xml:lang = $lang]">
                  <xsl:value-of select="concat(r:title, ' | ', $site-title, '&#10;')"/>
                </xsl:for-each>
              </xsl:template>
            </xsl:stylesheet>
            """.write(toFile: xslt + "/titles.xsl", atomically: true, encoding: .utf8)
        let files = try SiteBuilder(options: PublishFixtures.options(xslt: xslt)).build(try PublishFixtures.corpus())
        #expect(PublishFixtures.text(files, "text/sq.txt") == "Tryezë e rrumbullakët me institucionet e qeverisë shqiptare për kuadrin ligjor në fushën e migrimit | IOM Albania\n")
        #expect(PublishFixtures.text(files, "text/en.txt")?.split(separator: "\n").count == 2)
    }
}
