import UraCore
import UraXML

/// The translator's review page: English and Albanian side by side, one row per paragraph bead.
/// Untranslated, merged and split beads carry a label and a coloured edge, low-confidence beads
/// are highlighted, and each aligned bead can be opened to show its sentence pairs. A list of
/// the flagged beads at the top links to them. Plain HTML and CSS, no script, printable.
public enum AlignmentHTML {
    /// `title` names the document (the file names, say). `appendix` is more of the page after the
    /// alignment (the review page of a release adds its terminology findings), with its CSS.
    public static func render(_ alignment: Alignment, text: BilingualText, title: String,
                              appendix: (style: String, body: String)? = nil) -> String {
        let english = Array(text.english.joined()), albanian = Array(text.albanian.joined())
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Alignment review: \(title.xmlEscaped)</title>
            <style>\(style)\(appendix.map { "\n" + $0.style } ?? "")</style>
            </head>
            <body>
            <header>
            <h1>Alignment review</h1>
            <p class="source">\(title.xmlEscaped)</p>

            """
        out += summary(alignment)
        out += "</header>\n<main>\n<div class=\"columns\" aria-hidden=\"true\"><span>English</span><span>Shqip (Albanian)</span></div>\n"
        // Sentence beads grouped under the paragraph bead that holds them.
        var sentenceIndex = 0
        for (number, bead) in alignment.paragraphs.enumerated() {
            let flag = AlignmentText.flag(bead)
            var classes = ["bead"]
            if bead.sq.isEmpty || bead.en.isEmpty { classes.append("untranslated") }
            else if bead.en.count + bead.sq.count > 2 { classes.append("joined") }
            if bead.score < AlignmentText.lowConfidence { classes.append("low") }
            out += "<div role=\"group\" aria-label=\"Pair \(number + 1)\" class=\"\(classes.joined(separator: " "))\" id=\"b\(number + 1)\">\n"
            out += "<div class=\"meta\"><a class=\"number\" href=\"#b\(number + 1)\">\(number + 1)</a>"
            if let flag { out += " <span class=\"flag\">\(label(flag).xmlEscaped)</span>" }
            out += " <span class=\"score\" title=\"How sure the aligner is that these paragraphs match\">confidence \(AlignmentJSON.format(bead.score))</span></div>\n"
            out += "<div class=\"pair\">\n"
            out += side(bead.en.map { text.english[$0] }, numbers: bead.en, language: "en", missing: "No English paragraph")
            out += side(bead.sq.map { text.albanian[$0] }, numbers: bead.sq, language: "sq", missing: "Nuk ka paragraf shqip (no Albanian paragraph)")
            out += "</div>\n"
            // The sentence beads of this paragraph bead: those whose sentences it holds.
            let enSentences = Set(bead.en.flatMap { sentenceRange(text.english, paragraph: $0) })
            let sqSentences = Set(bead.sq.flatMap { sentenceRange(text.albanian, paragraph: $0) })
            var inner: [Bead] = []
            while sentenceIndex < alignment.sentences.count {
                let sentence = alignment.sentences[sentenceIndex]
                guard sentence.en.allSatisfy(enSentences.contains), sentence.sq.allSatisfy(sqSentences.contains) else { break }
                inner.append(sentence)
                sentenceIndex += 1
            }
            if !bead.en.isEmpty && !bead.sq.isEmpty && inner.count > 1 {
                out += sentenceTable(inner, english: english, albanian: albanian)
            }
            out += "</div>\n"
        }
        out += (appendix?.body ?? "") + "</main>\n</body>\n</html>\n"
        return out
    }

    private static func summary(_ alignment: Alignment) -> String {
        let flagged = alignment.paragraphs.enumerated().compactMap { number, bead in
            AlignmentText.flag(bead).map { (number, bead, $0) }
        }
        let pairs = AlignmentText.count(alignment.paragraphs.count, "paragraph pair")
        var out = "<p class=\"counts\">\(pairs), " + (flagged.isEmpty ? "nothing to check. " : "\(flagged.count) to check. ")
        out += "<span class=\"key untranslated\">untranslated</span> <span class=\"key joined\">merged or split</span> "
        out += "<span class=\"key low\">low confidence</span></p>\n"
        if !flagged.isEmpty {
            out += "<nav aria-label=\"Beads to check\"><ul class=\"flagged\">\n"
            for (number, _, flag) in flagged {
                out += "<li><a href=\"#b\(number + 1)\">\(number + 1): \(label(flag).xmlEscaped)</a></li>\n"
            }
            out += "</ul></nav>\n"
        }
        return out
    }

    /// A flag in a translator's words.
    static func label(_ flag: String) -> String {
        if flag.hasPrefix("UNTRANSLATED (English") { return "Not translated into Albanian" }
        if flag.hasPrefix("UNTRANSLATED") { return "Albanian only" }
        if flag.hasPrefix("MERGED") { return "English paragraphs merged in Albanian" }
        if flag.hasPrefix("SPLIT") { return "English paragraph split in Albanian" }
        return "Low confidence: check the match"
    }

    private static func side(_ paragraphs: [[String]], numbers: [Int], language: String, missing: String) -> String {
        guard !paragraphs.isEmpty else { return "<div class=\"text empty\" lang=\"\(language)\"><p>\(missing.xmlEscaped)</p></div>\n" }
        var out = "<div class=\"text\" lang=\"\(language)\">"
        for (paragraph, number) in zip(paragraphs, numbers) {
            out += "<p><span class=\"pn\">¶\(number + 1)</span> \(paragraph.joined(separator: " ").xmlEscaped)</p>"
        }
        return out + "</div>\n"
    }

    private static func sentenceTable(_ beads: [Bead], english: [String], albanian: [String]) -> String {
        var out = "<details><summary>Sentences (\(beads.count))</summary>\n<table>\n"
        out += "<thead><tr><th scope=\"col\">English</th><th scope=\"col\">Shqip</th><th scope=\"col\">Confidence</th></tr></thead>\n<tbody>\n"
        for bead in beads {
            let low = bead.score < AlignmentText.lowConfidence || bead.en.isEmpty || bead.sq.isEmpty
            out += "<tr\(low ? " class=\"low\"" : "")><td lang=\"en\">"
            out += bead.en.map { english[$0].xmlEscaped }.joined(separator: " ")
            out += "</td><td lang=\"sq\">"
            out += bead.sq.map { albanian[$0].xmlEscaped }.joined(separator: " ")
            out += "</td><td class=\"score\">\(AlignmentJSON.format(bead.score))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</details>\n"
    }

    /// Global sentence indices of paragraph `paragraph`.
    private static func sentenceRange(_ paragraphs: [[String]], paragraph: Int) -> Range<Int> {
        let start = paragraphs[..<paragraph].reduce(0) { $0 + $1.count }
        return start..<(start + paragraphs[paragraph].count)
    }

    private static let style = """

        body { font: 16px/1.5 "Noto Sans", "DejaVu Sans", Arial, sans-serif; margin: 0; color: #1d1d1f; background: #f6f6f4; }
        header { padding: 1rem 1.5rem 0.5rem; background: #fff; border-bottom: 1px solid #ddd; }
        h1 { font-size: 1.3rem; margin: 0; }
        .source { margin: 0.2rem 0; color: #555; font-size: 0.9rem; }
        .counts { margin: 0.4rem 0; }
        .key { padding: 0 0.4rem; border-left: 4px solid; margin-right: 0.5rem; font-size: 0.85rem; }
        .key.untranslated { border-color: #c62828; } .key.joined { border-color: #1565c0; } .key.low { border-color: #ef6c00; background: #fff3e0; }
        .flagged { margin: 0.3rem 0 0.5rem; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.3rem 1rem; font-size: 0.9rem; }
        main { max-width: 1400px; margin: 0 auto; padding: 0.5rem 1.5rem 2rem; }
        .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; font-weight: bold; color: #555; padding: 0.3rem 1rem; position: sticky; top: 0; background: #f6f6f4; }
        .bead { background: #fff; border: 1px solid #e0e0e0; border-left: 5px solid #9e9e9e; margin: 0.6rem 0; padding: 0.4rem 1rem 0.6rem; break-inside: avoid; }
        .bead.untranslated { border-left-color: #c62828; }
        .bead.joined { border-left-color: #1565c0; }
        .bead.low { background: #fff3e0; }
        .meta { font-size: 0.8rem; color: #666; }
        .number { font-weight: bold; color: #333; text-decoration: none; margin-right: 0.3rem; }
        .flag { font-weight: bold; color: #b71c1c; }
        .joined .flag { color: #0d47a1; }
        .low .flag { color: #e65100; }
        .score { float: right; }
        .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5rem; }
        .text p { margin: 0.3rem 0; }
        .pn { color: #888; font-size: 0.8rem; }
        .empty p { color: #b71c1c; font-style: italic; }
        details { margin-top: 0.4rem; font-size: 0.92rem; }
        summary { cursor: pointer; color: #1565c0; }
        table { width: 100%; border-collapse: collapse; margin-top: 0.3rem; table-layout: fixed; }
        th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; border-top: 1px solid #eee; }
        th:last-child, td:last-child { width: 6.5rem; }
        tr.low td { background: #fff3e0; }
        @media screen and (max-width: 800px) { .pair, .columns { grid-template-columns: 1fr; gap: 0.3rem; } .columns { display: none; } }
        @media print {
          body { background: #fff; font-size: 10pt; }
          header { border: none; }
          .columns { position: static; }
          .bead { border-color: #999; }
          .bead.low, tr.low td { background: none; outline: 2px dashed #ef6c00; }
          details > summary { display: none; }
          nav { display: none; }
        }

        """
}
