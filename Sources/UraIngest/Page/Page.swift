import UraCore

/// A scraped page, cut into its non-blank lines.
struct Page {
    /// One non-blank line of the page.
    struct Line: Equatable {
        /// 1-based line number in the file.
        let number: Int
        /// The line without surrounding white space, no-break spaces as spaces, runs of spaces as one,
        /// and without its list bullet.
        let text: String
        /// True for a list item (`  • Title`): on a news list each starts a release.
        let isBullet: Bool
        /// True when a blank line comes before this one.
        let followsBlank: Bool
    }

    /// The file as the user named it (for messages).
    let name: String
    /// The file as bundles record it: its folder and name (`seeds/003_….txt`), so the same page
    /// gives the same bytes wherever Ura runs.
    let source: String
    let lines: [Line]

    /// Bullets that open list items: `•`, `●`, `▪`, `◦`, `*`.
    static let bullets: Set<Character> = ["•", "●", "▪", "◦", "*"]

    init(name: String, text: String) {
        self.name = name
        let parts = name.split(separator: "/")
        self.source = parts.suffix(2).joined(separator: "/")
        var lines: [Line] = []
        var previousBlank = true
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var text = Self.clean(raw)
            if text.isEmpty {
                previousBlank = true
                continue
            }
            var isBullet = false
            if let first = text.first, Self.bullets.contains(first), text.dropFirst().first == " " {
                isBullet = true
                text = String(text.dropFirst(2))
            }
            lines.append(Line(number: index + 1, text: text, isBullet: isBullet, followsBlank: previousBlank))
            previousBlank = false
        }
        self.lines = lines
    }

    /// `raw` trimmed, with no-break spaces and tabs as spaces and one space between words.
    static func clean(_ raw: Substring) -> String {
        var result = ""
        var pendingSpace = false
        for character in raw {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(character)
        }
        return result
    }
}

/// What a line looks like, independent of the site: the evidence navigation removal and release
/// detection work from.
enum LineShape {
    /// Characters that may close a sentence after its final punctuation.
    private static let closers: Set<Character> = ["\"", "”", "’", "'", ")", "]", "»", "“"]

    /// True when `text` ends like a sentence (`.`, `!`, `?`, `…`, before closing quotes).
    static func endsSentence(_ text: String) -> Bool {
        var characters = text[...]
        while let last = characters.last, closers.contains(last) { characters = characters.dropLast() }
        guard let last = characters.last else { return false }
        return [".", "!", "?", "…", ";"].contains(last)
    }

    static func wordCount(_ text: String) -> Int { text.split(separator: " ").count }

    /// A headline: no closing punctuation, one to 30 words, starting with a capital, digit or quote.
    static func isHeadline(_ text: String) -> Bool {
        guard !endsSentence(text), (1...30).contains(wordCount(text)), let first = text.first else { return false }
        return first.isUppercase || first.isNumber || "\"“‘'".contains(first)
    }

    /// A menu entry: short (at most six words, 50 characters) and not a sentence. A leading
    /// `- ` (sub-menu) does not count.
    static func isMenuEntry(_ text: String) -> Bool {
        let body = text.hasPrefix("- ") ? String(text.dropFirst(2)) : text
        return !endsSentence(body) && wordCount(body) <= 6 && body.count <= 50
    }

    /// A line with no letter or digit (`-`, `|`, `***`): a separator.
    static func isSeparator(_ text: String) -> Bool {
        !text.contains { $0.isLetter || $0.isNumber }
    }

    /// A line entirely in square brackets (`[Albanian further below]`): a note to readers.
    static func isBracketNote(_ text: String) -> Bool {
        text.hasPrefix("[") && text.hasSuffix("]") && !text.dropFirst().contains("[")
    }

    /// The line as compared across pages: no leading dash or bullet, no diacritics, lower case.
    static func key(_ text: String) -> String {
        var body = text[...]
        while let first = body.first, first == "-" || first == " " || Page.bullets.contains(first) { body = body.dropFirst() }
        return Diacritics.strip(String(body)).lowercased()
    }
}
