import Foundation
import Testing
import UraTestSupport
@testable import UraPublish

@Suite struct InlineMarkdownTests {
    @Test func emphasisStrongCodeAndLinks() {
        #expect(InlineMarkdown.xml("The *new* centre, **opened** in `Kapshtica`.")
                == "The <em>new</em> centre, <strong>opened</strong> in <code>Kapshtica</code>.")
        #expect(InlineMarkdown.xml("See [IOM Albania](https://albania.iom.int/news?a=1&b=2).")
                == "See <a href=\"https://albania.iom.int/news?a=1&amp;b=2\">IOM Albania</a>.")
        #expect(InlineMarkdown.xml("_Tiranë_ dhe __Durrës__") == "<em>Tiranë</em> dhe <strong>Durrës</strong>")
        #expect(InlineMarkdown.xml("**[bold link](mailto:press@example.org)**")
                == "<strong><a href=\"mailto:press@example.org\">bold link</a></strong>")
    }

    @Test func everythingElseIsEscapedText() {
        #expect(InlineMarkdown.xml("<b>Migrants</b> & \"others\"") == "&lt;b&gt;Migrants&lt;/b&gt; &amp; \"others\"")
        #expect(InlineMarkdown.xml("5 * 3 = 15 and snake_case_name") == "5 * 3 = 15 and snake_case_name")
        #expect(InlineMarkdown.xml("\\*not emphasis\\*") == "*not emphasis*")
        #expect(InlineMarkdown.xml("line one\nline two") == "line one line two")
        #expect(InlineMarkdown.xml("an *unclosed emphasis") == "an *unclosed emphasis")
    }

    @Test func unsafeLinkTargetsKeepOnlyTheirText() {
        #expect(InlineMarkdown.xml("[click](javascript:alert(1))") == "click")
        #expect(InlineMarkdown.xml("[local](/etc/passwd)") == "local")
    }

    @Test func deepNestingStaysBounded() {
        let hostile = String(repeating: "*[", count: 5_000) + "x" + String(repeating: "](https://a.b)*", count: 5_000)
        let xml = InlineMarkdown.xml(hostile)
        #expect(xml.contains("x"))
        #expect(InlineMarkdown.plainText("**a** _b_ [c](https://d.e)") == "a b c")
    }

    @Test func plainParagraphsTakeTheShortcutWithTheSameResult() throws {
        // Every paragraph of align-dev, and ones with each kind of line break: the shortcut for
        // text without markup characters gives what the parser gives.
        var paragraphs = ["a\u{2028}b", "a\u{2029}b", "a\u{85}b", "a\u{0B}b", "a\r\nb", "è é ë ç", "x < y & z"]
        for document in try Fixtures.alignDevDocuments() {
            for language in ["en", "sq"] {
                paragraphs += try Fixtures.text("\(Fixtures.alignDev)/\(document).\(language).txt").components(separatedBy: "\n\n")
            }
        }
        #expect(paragraphs.count > 500)
        var plain = 0
        for paragraph in paragraphs {
            #expect(InlineMarkdown.xml(paragraph) == InlineMarkdown.render(InlineMarkdown.parse(paragraph)))
            #expect(InlineMarkdown.plainText(paragraph) == InlineMarkdown.text(of: InlineMarkdown.parse(paragraph)))
            if InlineMarkdown.isPlain(paragraph) { plain += 1 }
        }
        #expect(plain > paragraphs.count / 2)
        #expect(!InlineMarkdown.isPlain("a\u{2028}b") && !InlineMarkdown.isPlain("a\u{85}b") && InlineMarkdown.isPlain("è é ë ç"))
    }
}
