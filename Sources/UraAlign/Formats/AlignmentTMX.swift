import UraCore
import UraXML

/// TMX 1.4b: one translation unit per aligned sentence bead (1:1 or n:m; untranslated 1:0 and
/// 0:1 beads are left out), source language English.
public enum AlignmentTMX {
    /// The alignment of `text` as a TMX document. No creation date, so the same input gives the
    /// same bytes.
    public static func render(_ alignment: Alignment, text: BilingualText) -> String {
        String(decoding: renderUTF8(alignment, text: text), as: UTF8.self)
    }

    /// ``render(_:text:)`` as the UTF-8 bytes of the document, for writing to a file.
    public static func renderUTF8(_ alignment: Alignment, text: BilingualText) -> [UInt8] {
        let english = Array(text.english.joined()), albanian = Array(text.albanian.joined())
        // Built as UTF-8 bytes, segments escaped straight into them (a build writes one per release).
        var out: [UInt8] = []
        out.reserveCapacity(8_192)
        out += """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="Ura" creationtoolversion="0.1.0" segtype="sentence" o-tmf="Ura" adminlang="en" srclang="en" datatype="plaintext"/>
              <body>

            """.utf8
        /// The sentences at `indices` (those that exist), joined by spaces and escaped.
        func segment(_ indices: [Int], of sentences: [String]) {
            var first = true
            for index in indices where sentences.indices.contains(index) {
                if !first { out.append(UInt8(ascii: " ")) }
                first = false
                out.appendXMLEscaped(sentences[index])
            }
        }
        for (number, bead) in alignment.sentences.enumerated() where !bead.en.isEmpty && !bead.sq.isEmpty {
            out += "    <tu tuid=\"s\(number + 1)\">\n".utf8
            out += "      <prop type=\"x-ura-score\">\(AlignmentJSON.format(bead.score))</prop>\n".utf8
            out += "      <prop type=\"x-ura-bead\">\(bead.shape)</prop>\n".utf8
            out += "      <tuv xml:lang=\"en\"><seg>".utf8
            segment(bead.en, of: english)
            out += "</seg></tuv>\n      <tuv xml:lang=\"sq\"><seg>".utf8
            segment(bead.sq, of: albanian)
            out += "</seg></tuv>\n    </tu>\n".utf8
        }
        out += "  </body>\n</tmx>\n".utf8
        return out
    }
}
