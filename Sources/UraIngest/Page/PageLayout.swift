/// A line the ingester did not put into a release, and why.
public struct DroppedLine: Sendable, Equatable {
    /// Why a line is not part of any release.
    public enum Reason: String, Sendable, CaseIterable {
        /// A site menu entry or a menu heading glued to the site's blurb.
        case navigation
        /// Text the site repeats on several pages outside releases (its "who we are" blurb).
        case boilerplate
        /// The heading of the page itself (`Latest News on Migration`), before its first release.
        case pageHeading = "page-heading"
        /// Other text before the page's first release.
        case beforeRelease = "before-release"
        /// A line that repeats its release's title or list heading.
        case duplicate
        /// A bracketed note to readers (`[Albanian further below]`).
        case note
        /// A line of a page given twice in one run.
        case duplicatePage = "duplicate-page"
        /// A line of a release found again, with the same id, earlier in the run.
        case duplicateRelease = "duplicate-release"
    }

    /// The page as the user named it.
    public var file: String
    /// 1-based line number.
    public var line: Int
    public var text: String
    public var reason: Reason
}

/// A release as laid out on its page, before languages and datelines are read.
struct ReleaseDraft {
    let page: Page
    /// The list heading a news-list item was filed under, when the item has its own title.
    var kicker: Page.Line?
    var title: Page.Line
    /// Titles of the same release in another language: a bilingual page that repeats the
    /// release under its translated title (`Roundtable…` then `Tryezë…`).
    var translatedTitles: [Page.Line] = []
    /// True for an item of a news list.
    var isListItem = false
    /// The body lines grouped into paragraphs (a hard-wrapped paragraph has several lines).
    var paragraphs: [[Page.Line]] = []
}

/// Where a page's releases are and which lines belong to none: the page's layout.
///
/// A page is either a news list (its bullets open releases, each a heading, an optional `- `
/// sub-heading that is the item's own title, and its lede) or a run of articles (a headline
/// followed by a paragraph that opens with a dateline opens a release). Lines before the first
/// release, navigation, repeated titles and notes are dropped with their reason.
struct PageLayout {
    var releases: [ReleaseDraft] = []
    var dropped: [DroppedLine] = []

    init(page: Page, site: SiteNavigation, opensRelease: (Page, Int) -> Bool) {
        let lines = page.lines
        let navigation = site.navigation(in: page, opensRelease: opensRelease)
        let isList = lines.contains { $0.isBullet }
        let starts = lines.indices.filter { isList ? lines[$0].isBullet : (opensRelease(page, $0) && !navigation.contains($0)) }
        func drop(_ index: Int, _ reason: DroppedLine.Reason) {
            dropped.append(DroppedLine(file: page.name, line: lines[index].number, text: lines[index].text, reason: reason))
        }
        for index in lines.indices.prefix(starts.first ?? lines.count) {
            let text = lines[index].text
            if navigation.contains(index) {
                drop(index, .navigation)
            } else if site.boilerplate.contains(LineShape.key(text)) {
                drop(index, .boilerplate)
            } else if LineShape.isHeadline(text) {
                drop(index, .pageHeading)
            } else {
                drop(index, .beforeRelease)
            }
        }
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1] : lines.count
            var draft = ReleaseDraft(page: page, title: lines[start])
            draft.isListItem = isList
            var next = start + 1
            // A news-list item's `- Sub-heading` is its own title; the bullet is the list's heading.
            if isList, next < end, lines[next].text.hasPrefix("- "), LineShape.isHeadline(String(lines[next].text.dropFirst(2))) {
                draft.kicker = lines[start]
                let line = lines[next]
                draft.title = Page.Line(number: line.number, text: String(line.text.dropFirst(2)), isBullet: false,
                                        followsBlank: line.followsBlank)
                next += 1
            }
            let headings = Set([draft.title.text, draft.kicker?.text].compactMap { $0.map(LineShape.key) })
            var current: [Page.Line] = []
            for index in next..<end {
                let line = lines[index]
                if headings.contains(LineShape.key(line.text)) {
                    drop(index, .duplicate)
                } else if LineShape.isBracketNote(line.text) {
                    drop(index, .note)
                } else if navigation.contains(index) {
                    drop(index, .navigation)
                } else {
                    if let last = current.last, line.followsBlank || !Self.continues(last.text, with: line.text) {
                        draft.paragraphs.append(current)
                        current = []
                    }
                    current.append(line)
                    continue
                }
                // A dropped line ends the paragraph it interrupts.
                if !current.isEmpty { draft.paragraphs.append(current); current = [] }
            }
            if !current.isEmpty { draft.paragraphs.append(current) }
            releases.append(draft)
        }
    }

    /// True when `next` continues the paragraph that `previous` ends (a hard-wrapped line):
    /// `previous` does not end a sentence and `next` starts in lower case.
    static func continues(_ previous: String, with next: String) -> Bool {
        !LineShape.endsSentence(previous) && !previous.hasSuffix(":") && (next.first?.isLowercase ?? false)
    }
}
