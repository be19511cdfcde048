import UraCore

/// A release found on a page, with what the page says about it beyond the bundle's fields.
public struct IngestedRelease: Sendable, Equatable {
    /// The release as it is written to the corpus: `status: draft`; a language without a title
    /// on the page gets one derived from its first sentence (see ``derivedTitles``).
    public var release: PressRelease
    /// The titles the page gives, per language (a language may have none).
    public var titles: [Language: String]
    /// Languages whose bundle title was derived from the text, not found on the page.
    public var derivedTitles: Set<Language>
    /// The list heading a news-list item was filed under, when the item has a title of its own.
    public var kicker: [Language: String]
    /// False when the text is cut off: its last paragraph does not end a sentence
    /// (`…members in Italy to`), or the item is a title without text.
    public var complete: Bool
    /// True when the dateline names a month, not a day (`Throughout March 2024`): the date is
    /// the month's first day.
    public var dateIsMonth: Bool
    /// The page as the user named it, and the page lines the release was made from.
    public var file: String
    public var lines: [Int]
    /// The text of each of ``lines``, to report them if the release is dropped as a duplicate.
    var lineTexts: [Int: String] = [:]

    /// The paragraphs per language, in page order.
    public var paragraphs: [Language: [String]] { release.texts.mapValues(\.paragraphs) }
}

/// Everything one run found: the releases, and every non-blank page line not in one.
public struct IngestResult: Sendable {
    public var releases: [IngestedRelease]
    public var dropped: [DroppedLine]
    /// The pages read, as named.
    public var pages: [String]
}
