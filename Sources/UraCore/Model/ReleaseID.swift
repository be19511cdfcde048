import UraICU

/// Stable release ids: `YYYY-MM-DD-slug` from the date and the English title (or the Albanian
/// one when there is no English), `undated-slug` without a date. The same date and title always
/// give the same id, so re-ingesting a page finds its bundle again.
public enum ReleaseID {
    /// The longest slug part, cut at a word boundary.
    public static let maximumSlugLength = 60

    /// The id for a release dated `date` titled `title`.
    public static func make(date: CalendarDate?, title: String) -> String {
        (date.map { $0.description } ?? "undated") + "-" + slug(title)
    }

    /// Lower-case ASCII words joined by `-`: diacritics dropped (`ë` → `e`, `ç` → `c`), anything
    /// else that is not a letter or digit separates words.
    public static func slug(_ text: String) -> String {
        let decomposed = (try? Normalizer.normalize(text, to: .nfd)) ?? text
        var words: [String] = []
        var current = ""
        for scalar in decomposed.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar.properties.isAlphabetic {
                continue // a non-Latin letter has no ASCII form; drop it rather than guess
            } else if scalar == "’" || scalar == "'" {
                continue // "IOM’s" → "ioms"
            } else if !current.isEmpty {
                words.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { words.append(current.lowercased()) }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maximumSlugLength { break }
            slug = candidate
        }
        if slug.isEmpty { slug = words.first.map { String($0.prefix(maximumSlugLength)) } ?? "release" }
        return slug
    }
}
