import Testing
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
}
