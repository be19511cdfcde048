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
        String(decoding: renderUTF8(alignment, text: text, title: title, appendix: appendix), as: UTF8.self)
    }

    /// ``render(_:text:title:appendix:)`` as the UTF-8 bytes of the page, for writing to a file
    /// (a build writes one per release: no String is made and read back).
    public static func renderUTF8(_ alignment: Alignment, text: BilingualText, title: String,
                                  appendix: (style: String, body: String)? = nil) -> [UInt8] {
        // Built as UTF-8 bytes, text escaped straight into them: a build renders a page per
        // release, and string pieces made and joined per sentence cost more than the page itself.
        var out: [UInt8] = []
        out.reserveCapacity(16_384)
        out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n".utf8
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Alignment review: ".utf8
        out.appendXMLEscaped(title)
        out += "</title>\n<style>".utf8
        out += style.utf8
        if let appendix { out.append(UInt8(ascii: "\n")); out += appendix.style.utf8 }
        out += "</style>\n</head>\n<body>\n<header>\n<h1>Alignment review</h1>\n<p class=\"source\">".utf8
        out.appendXMLEscaped(title)
        out += "</p>\n".utf8
        summary(alignment, into: &out)
        out += "</header>\n<main>\n<div class=\"columns\" aria-hidden=\"true\"><span>English</span><span>Shqip (Albanian)</span></div>\n".utf8
        let englishSentences = SentenceNumbering(text.english), albanianSentences = SentenceNumbering(text.albanian)
        // Sentence beads grouped under the paragraph bead that holds them.
        var sentenceIndex = 0
        for (number, bead) in alignment.paragraphs.enumerated() {
            let flag = AlignmentText.flag(bead)
            out += "<div role=\"group\" aria-label=\"Pair \(number + 1)\" class=\"bead".utf8
            if bead.sq.isEmpty || bead.en.isEmpty { out += " untranslated".utf8 }
            else if bead.en.count + bead.sq.count > 2 { out += " joined".utf8 }
            if bead.score < AlignmentText.lowConfidence { out += " low".utf8 }
            out += "\" id=\"b\(number + 1)\">\n<div class=\"meta\"><a class=\"number\" href=\"#b\(number + 1)\">\(number + 1)</a>".utf8
            if let flag {
                out += " <span class=\"flag\">".utf8
                out.appendXMLEscaped(label(flag))
                out += "</span>".utf8
            }
            out += " <span class=\"score\" title=\"How sure the aligner is that these paragraphs match\">confidence \(AlignmentJSON.format(bead.score))</span></div>\n".utf8
            out += "<div class=\"pair\">\n".utf8
            side(bead.en, of: text.english, language: "en", missing: "No English paragraph", into: &out)
            side(bead.sq, of: text.albanian, language: "sq", missing: "Nuk ka paragraf shqip (no Albanian paragraph)", into: &out)
            out += "</div>\n".utf8
            // The sentence beads of this paragraph bead: those whose sentences it holds.
            let innerStart = sentenceIndex
            while sentenceIndex < alignment.sentences.count {
                let sentence = alignment.sentences[sentenceIndex]
                guard sentence.en.allSatisfy({ englishSentences.isIn(bead.en, $0) }),
                      sentence.sq.allSatisfy({ albanianSentences.isIn(bead.sq, $0) }) else { break }
                sentenceIndex += 1
            }
            if !bead.en.isEmpty && !bead.sq.isEmpty && sentenceIndex - innerStart > 1 {
                sentenceTable(alignment.sentences[innerStart..<sentenceIndex], english: englishSentences,
                              albanian: albanianSentences, into: &out)
            }
            out += "</div>\n".utf8
        }
        if let appendix { out += appendix.body.utf8 }
        out += "</main>\n</body>\n</html>\n".utf8
        return out
    }

    /// Where each paragraph's sentences start in the whole text's sentence numbering, and the
    /// sentences in that numbering.
    private struct SentenceNumbering {
        let paragraphs: [[String]]
        /// `starts[p]` is the number of paragraph `p`'s first sentence; one more entry at the end.
        let starts: [Int]

        init(_ paragraphs: [[String]]) {
            self.paragraphs = paragraphs
            var starts = [0]
            starts.reserveCapacity(paragraphs.count + 1)
            for paragraph in paragraphs { starts.append(starts[starts.count - 1] + paragraph.count) }
            self.starts = starts
        }

        /// Whether sentence `sentence` belongs to one of `paragraphs` (paragraph indices).
        func isIn(_ paragraphs: [Int], _ sentence: Int) -> Bool {
            paragraphs.contains { starts[$0] <= sentence && sentence < starts[$0 + 1] }
        }

        /// Sentence `sentence` of the whole text.
        subscript(sentence: Int) -> String {
            // The last paragraph starting at or before it (paragraphs may be empty).
            var low = 0, high = paragraphs.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if starts[middle] <= sentence { low = middle } else { high = middle - 1 }
            }
            return paragraphs[low][sentence - starts[low]]
        }
    }

    private static func summary(_ alignment: Alignment, into out: inout [UInt8]) {
        let flagged = alignment.paragraphs.enumerated().compactMap { number, bead in
            AlignmentText.flag(bead).map { (number, bead, $0) }
        }
        let pairs = counted(alignment.paragraphs.count, "paragraph pair")
        out += "<p class=\"counts\">\(pairs), ".utf8
        out += (flagged.isEmpty ? "nothing to check. " : "\(flagged.count) to check. ").utf8
        out += "<span class=\"key untranslated\">untranslated</span> <span class=\"key joined\">merged or split</span> ".utf8
        out += "<span class=\"key low\">low confidence</span></p>\n".utf8
        if !flagged.isEmpty {
            out += "<nav aria-label=\"Beads to check\"><ul class=\"flagged\">\n".utf8
            for (number, _, flag) in flagged {
                out += "<li><a href=\"#b\(number + 1)\">\(number + 1): ".utf8
                out.appendXMLEscaped(label(flag))
                out += "</a></li>\n".utf8
            }
            out += "</ul></nav>\n".utf8
        }
    }

    /// A flag in a translator's words.
    static func label(_ flag: String) -> String {
        if flag.hasPrefix("UNTRANSLATED (English") { return "Not translated into Albanian" }
        if flag.hasPrefix("UNTRANSLATED") { return "Albanian only" }
        if flag.hasPrefix("MERGED") { return "English paragraphs merged in Albanian" }
        if flag.hasPrefix("SPLIT") { return "English paragraph split in Albanian" }
        return "Low confidence: check the match"
    }

    /// One side of a bead: its paragraphs (`numbers` of `paragraphs`), sentences joined by spaces.
    private static func side(_ numbers: [Int], of paragraphs: [[String]], language: String, missing: String,
                             into out: inout [UInt8]) {
        guard !numbers.isEmpty else {
            out += "<div class=\"text empty\" lang=\"\(language)\"><p>".utf8
            out.appendXMLEscaped(missing)
            out += "</p></div>\n".utf8
            return
        }
        out += "<div class=\"text\" lang=\"\(language)\">".utf8
        for number in numbers {
            out += "<p><span class=\"pn\">¶\(number + 1)</span> ".utf8
            for (index, sentence) in paragraphs[number].enumerated() {
                if index > 0 { out.append(UInt8(ascii: " ")) }
                out.appendXMLEscaped(sentence)
            }
            out += "</p>".utf8
        }
        out += "</div>\n".utf8
    }

    private static func sentenceTable(_ beads: ArraySlice<Bead>, english: SentenceNumbering, albanian: SentenceNumbering,
                                      into out: inout [UInt8]) {
        out += "<details><summary>Sentences (\(beads.count))</summary>\n<table>\n".utf8
        out += "<thead><tr><th scope=\"col\">English</th><th scope=\"col\">Shqip</th><th scope=\"col\">Confidence</th></tr></thead>\n<tbody>\n".utf8
        for bead in beads {
            let low = bead.score < AlignmentText.lowConfidence || bead.en.isEmpty || bead.sq.isEmpty
            out += (low ? "<tr class=\"low\"><td lang=\"en\">" : "<tr><td lang=\"en\">").utf8
            for (position, index) in bead.en.enumerated() {
                if position > 0 { out.append(UInt8(ascii: " ")) }
                out.appendXMLEscaped(english[index])
            }
            out += "</td><td lang=\"sq\">".utf8
            for (position, index) in bead.sq.enumerated() {
                if position > 0 { out.append(UInt8(ascii: " ")) }
                out.appendXMLEscaped(albanian[index])
            }
            out += "</td><td class=\"score\">\(AlignmentJSON.format(bead.score))</td></tr>\n".utf8
        }
        out += "</tbody>\n</table>\n</details>\n".utf8
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
