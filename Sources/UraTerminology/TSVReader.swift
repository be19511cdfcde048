import UraCore

/// Reads tab-separated glossaries as OmegaT and spreadsheets export them: `en<TAB>sq` or
/// `en<TAB>sq<TAB>note`, one term pair per line. Blank lines and lines starting `#` are skipped, as
/// is a header line `en<TAB>sq...`. Rows with the same English term form one concept whose first
/// Albanian term is preferred and the others admitted; a note starting `deprecated` makes the
/// Albanian term deprecated, one starting `unconfirmed` marks it doubtful.
enum TSVReader {
    static func read(_ text: String, file: String) throws(UraError) -> Glossary {
        var glossary = Glossary()
        var conceptIndex: [String: Int] = [:]
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = String(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            if line.trimmed.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmed }
            guard columns.count == 2 || columns.count == 3 else {
                throw UraError(.input, "expected 2 or 3 tab-separated columns (en, sq, note), found \(columns.count)",
                               file: file, line: number)
            }
            if number == 1, columns[0].lowercased() == "en", columns[1].lowercased() == "sq" { continue }
            let english = columns[0], albanian = columns[1]
            let note = columns.count == 3 && !columns[2].isEmpty ? columns[2] : nil
            guard !english.isEmpty else { throw UraError(.input, "the English term is empty", file: file, line: number) }
            guard !albanian.isEmpty else {
                glossary.warnings.append("\(file):\(number): '\(english)' has no Albanian term; skipped")
                continue
            }
            let lowerNote = note?.lowercased() ?? ""
            let key = english.lowercased()
            var status: Glossary.Status = lowerNote.hasPrefix("deprecated") ? .deprecated : .preferred
            if let index = conceptIndex[key] {
                if status == .preferred { status = .admitted }
                glossary.concepts[index].terms.append(Glossary.Term(
                    text: albanian, language: .albanian, status: status,
                    unconfirmed: lowerNote.hasPrefix("unconfirmed"), note: note))
            } else {
                conceptIndex[key] = glossary.concepts.count
                glossary.concepts.append(Glossary.Concept(id: "\(file):\(number)", terms: [
                    Glossary.Term(text: english, language: .english),
                    Glossary.Term(text: albanian, language: .albanian, status: status,
                                  unconfirmed: lowerNote.hasPrefix("unconfirmed"), note: note),
                ]))
            }
        }
        // A concept whose only Albanian terms are deprecated gives the translator nothing to use.
        glossary.concepts.removeAll { concept in
            guard concept.approvedTargets.isEmpty else { return false }
            glossary.warnings.append("\(concept.id): '\(concept.name)' has no approved Albanian term; skipped")
            return true
        }
        return glossary
    }
}
