import UraCore
import UraXML

/// TMX 1.4b: one translation unit per aligned sentence bead (1:1 or n:m; untranslated 1:0 and
/// 0:1 beads are left out), source language English.
public enum AlignmentTMX {
    /// The alignment of `text` as a TMX document. No creation date, so the same input gives the
    /// same bytes.
    public static func render(_ alignment: Alignment, text: BilingualText) -> String {
        let english = Array(text.english.joined()), albanian = Array(text.albanian.joined())
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE tmx SYSTEM "tmx14.dtd">
            <tmx version="1.4">
              <header creationtool="Ura" creationtoolversion="0.1.0" segtype="sentence" o-tmf="Ura" adminlang="en" srclang="en" datatype="plaintext"/>
              <body>

            """
        for (number, bead) in alignment.sentences.enumerated() where !bead.en.isEmpty && !bead.sq.isEmpty {
            let en = bead.en.compactMap { english.indices.contains($0) ? english[$0] : nil }.joined(separator: " ")
            let sq = bead.sq.compactMap { albanian.indices.contains($0) ? albanian[$0] : nil }.joined(separator: " ")
            out += "    <tu tuid=\"s\(number + 1)\">\n"
            out += "      <prop type=\"x-ura-score\">\(AlignmentJSON.format(bead.score))</prop>\n"
            out += "      <prop type=\"x-ura-bead\">\(bead.shape)</prop>\n"
            out += "      <tuv xml:lang=\"en\"><seg>\(en.xmlEscaped)</seg></tuv>\n"
            out += "      <tuv xml:lang=\"sq\"><seg>\(sq.xmlEscaped)</seg></tuv>\n"
            out += "    </tu>\n"
        }
        out += "  </body>\n</tmx>\n"
        return out
    }
}
