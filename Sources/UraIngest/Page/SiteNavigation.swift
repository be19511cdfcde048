/// What the pages of one run have in common: the site's menus and boilerplate, learned from the
/// pages themselves rather than from a list of phrases.
///
/// A line is navigation when it is shaped like a menu entry (short, not a sentence) and is
/// repeated: on another page of the run, or right next to itself (`About` / `About`); or when it
/// sits in a run of menu-shaped lines next to navigation; or when it starts with a menu label
/// glued to the text after it (`WHO WE AREThe International…`, `Our WorkAs the leading…`), as
/// scrapers leave headings whose block element they flattened. Lines that open a release (a list
/// bullet, a headline followed by a dateline) are never navigation.
struct SiteNavigation {
    /// On how many distinct pages each line key occurs.
    private var pageCounts: [String: Int] = [:]
    /// Keys of lines found to be navigation on some page (menu labels).
    private var labels: Set<String> = []
    /// Sentences the site repeats outside releases: what follows a glued menu label, and
    /// sentence lines found on several pages.
    private(set) var boilerplate: Set<String> = []

    /// Learns from `pages` (each given once: duplicate pages are removed before).
    init(pages: [Page], opensRelease: (Page, Int) -> Bool) {
        for page in pages {
            for key in Set(page.lines.map { LineShape.key($0.text) }) { pageCounts[key, default: 0] += 1 }
        }
        for page in pages {
            for index in navigation(in: page, opensRelease: opensRelease) { labels.insert(LineShape.key(page.lines[index].text)) }
        }
        for page in pages {
            for line in page.lines {
                if let remainder = gluedRemainder(line.text) { boilerplate.insert(LineShape.key(remainder)) }
                if !LineShape.isMenuEntry(line.text), pageCounts[LineShape.key(line.text), default: 0] >= 2 {
                    boilerplate.insert(LineShape.key(line.text))
                }
            }
        }
    }

    /// Indices (into `page.lines`) of the page's navigation lines.
    func navigation(in page: Page, opensRelease: (Page, Int) -> Bool) -> Set<Int> {
        let lines = page.lines
        func candidate(_ index: Int) -> Bool {
            !lines[index].isBullet && !opensRelease(page, index) && LineShape.isMenuEntry(lines[index].text)
        }
        var result = Set<Int>()
        for index in lines.indices {
            let text = lines[index].text
            let key = LineShape.key(text)
            if LineShape.isSeparator(text) || gluedRemainder(text) != nil {
                result.insert(index)
            } else if candidate(index) {
                let repeatedNextToItself = (index > 0 && LineShape.key(lines[index - 1].text) == key)
                    || (index + 1 < lines.count && LineShape.key(lines[index + 1].text) == key)
                if pageCounts[key, default: 0] >= 2 || repeatedNextToItself || labels.contains(key) {
                    result.insert(index)
                }
            }
        }
        // A menu is a run: menu-shaped neighbours of navigation are navigation too. One pass
        // down and one up reach every line of a run (linear, however long the page).
        for index in lines.indices where !result.contains(index) && candidate(index) && result.contains(index - 1) {
            result.insert(index)
        }
        for index in lines.indices.reversed() where !result.contains(index) && candidate(index) && result.contains(index + 1) {
            result.insert(index)
        }
        return result
    }

    /// For a line that starts with a menu label glued to the next word (`WHO WE AREThe …`), the
    /// text after the label; nil for any other line.
    func gluedRemainder(_ text: String) -> String? {
        let characters = Array(text)
        // A lower-case or capital letter directly followed by a capital and a lower-case letter:
        // `…ARE|The`, `…Work|As`. Try each such joint against the known labels, then against an
        // all-capitals run (a heading set in capitals by the site's style sheet).
        guard characters.count > 4 else { return nil }
        for joint in 1..<(characters.count - 1) {
            let before = characters[joint - 1], first = characters[joint], second = characters[joint + 1]
            guard before.isLetter, first.isUppercase, second.isLowercase else { continue }
            let label = String(characters[..<joint])
            let isLabel = labels.contains(LineShape.key(label))
            let isCapitalRun = label.count >= 4 && label.allSatisfy { $0.isUppercase || $0 == " " } && label.contains(" ")
            if isLabel || isCapitalRun { return String(characters[joint...]) }
            if joint > 50 { break }
        }
        return nil
    }
}
