import Foundation
import UraCore

extension BilingualLexicon {
    /// Reads a lexicon from a TSV file: `English<TAB>Albanian` per line, several Albanian forms
    /// separated by `;`; blank lines and lines starting with `#` are skipped.
    /// - Throws: ``UraError`` naming the file and line of a malformed entry.
    public static func readTSV(_ path: String) throws(UraError) -> BilingualLexicon {
        var entries: [String: [String]] = [:]
        for (number, line) in try TextInput.read(path).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                throw UraError(.input, "expected 'English<TAB>Albanian'", file: path, line: number + 1)
            }
            let term = fields[0].trimmingCharacters(in: .whitespaces)
            let forms = fields[1].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            guard !term.isEmpty, !forms.isEmpty else {
                throw UraError(.input, "empty English term or Albanian form", file: path, line: number + 1)
            }
            entries[term, default: []] += forms
        }
        return BilingualLexicon(entries)
    }
}
