import Foundation
import UraCore
import UraICU
import UraText

/// Turns scraped press-release pages into releases (see `README.md`, `ura ingest`).
///
/// All pages of a run are read before anything is decided, because navigation is learned from
/// what they share (``SiteNavigation``). Each page is laid out (``PageLayout``), each paragraph's
/// language identified (``LanguageProfile``), datelines read with ICU (``DatelineParser``) and
/// places put in English (``PlaceNames``). Every non-blank line ends in a release or in
/// ``IngestResult/dropped`` with a reason.
public struct Ingester: Sendable {
    let profile: LanguageProfile
    let datelines = DatelineCache()

    /// A language decision below this margin is weak (a short title): the release's own
    /// language wins.
    static let weakMargin = 0.05

    public init(profile: LanguageProfile = .standard) {
        self.profile = profile
    }

    /// Reads and ingests the page files at `paths`.
    /// - Throws: the first unreadable page, or a page with no release, as a ``UraError``.
    public func ingest(files paths: [String]) throws(UraError) -> IngestResult {
        var pages: [(name: String, text: String)] = []
        for path in paths { pages.append((path, try PageReader.read(path))) }
        return try ingest(pages: pages)
    }

    /// Ingests pages given as text; `name` is used in messages and in `source`.
    public func ingest(pages texts: [(name: String, text: String)]) throws(UraError) -> IngestResult {
        var pages: [Page] = []
        var dropped: [DroppedLine] = []
        var seen: [String: String] = [:]
        for (name, text) in texts {
            let page = Page(name: name, text: text)
            // The same page twice would look like a site repeating everything on it.
            if seen[text] != nil {
                dropped += page.lines.map { DroppedLine(file: name, line: $0.number, text: $0.text, reason: .duplicatePage) }
                continue
            }
            seen[text] = name
            pages.append(page)
        }
        let opensRelease = { (page: Page, index: Int) -> Bool in
            let line = page.lines[index]
            guard !line.isBullet, LineShape.isHeadline(line.text), index + 1 < page.lines.count,
                  !page.lines[index + 1].isBullet else { return false }
            return datelines.parse(page.lines[index + 1].text) != nil
        }
        let site = SiteNavigation(pages: pages, opensRelease: opensRelease)
        var releases: [IngestedRelease] = []
        for page in pages {
            let layout = PageLayout(page: page, site: site, opensRelease: opensRelease)
            guard !layout.releases.isEmpty else {
                throw UraError(.input, "no release found: no news-list bullets and no headline followed by a dateline", file: page.name)
            }
            dropped += layout.dropped
            // The page's own releases are the context for a dateline without a year (not its
            // navigation: `2030 Agenda`, `since 1992`).
            let pageYear = Self.earliestYear(in: layout.releases.flatMap { [$0.title.text] + $0.paragraphs.joined().map(\.text) })
            for draft in mergingTranslations(layout.releases) { releases.append(try build(draft, pageYear: pageYear)) }
        }
        return Self.removingDuplicates(IngestResult(releases: releases, dropped: dropped, pages: texts.map(\.name)))
    }

    /// Drafts that are one release in two languages, merged: on an article page, a release that
    /// follows another with the same dateline date and a title in the other language is its
    /// translation.
    func mergingTranslations(_ drafts: [ReleaseDraft]) -> [ReleaseDraft] {
        var result: [ReleaseDraft] = []
        var previousKey: (date: String, languages: Set<Language>)?
        for draft in drafts {
            let date = draft.paragraphs.prefix(3).lazy.compactMap { self.datelines.parse($0.map(\.text).joined(separator: " ")) }.first
                .map { "\($0.year ?? 0)-\($0.month)-\($0.day)" }
            let language = profile.identify(draft.title.text)?.language
            if !draft.isListItem, let date, let language, let key = previousKey, key.date == date,
               !key.languages.contains(language), var merged = result.popLast() {
                merged.translatedTitles.append(draft.title)
                merged.paragraphs += draft.paragraphs
                result.append(merged)
                previousKey = (date, key.languages.union([language]))
                continue
            }
            result.append(draft)
            previousKey = date.map { ($0, Set([language].compactMap { $0 })) }
        }
        return result
    }

    /// The release of `draft`: languages, dateline, id, completeness. `pageYear` is the year
    /// for a dateline without one when the release itself mentions none.
    func build(_ draft: ReleaseDraft, pageYear: Int? = nil) throws(UraError) -> IngestedRelease {
        var paragraphs: [(language: Language, text: String)] = []
        for lines in draft.paragraphs {
            let text = lines.map(\.text).joined(separator: " ")
            paragraphs.append((profile.identify(text)?.language ?? .english, text))
        }
        let bodyLanguages = Set(paragraphs.map(\.language))
        let titles = resolveTitles(draft, paragraphs: &paragraphs, bodyLanguages: bodyLanguages)
        var kicker: [Language: String] = [:]
        if let line = draft.kicker { kicker[language(of: line.text, bodyLanguages: bodyLanguages)] = line.text }

        let (dateline, monthOnly) = readDateline(paragraphs, title: draft.title.text, pageYear: pageYear)

        var texts: [Language: PressRelease.Text] = [:]
        var derived = Set<Language>()
        for language in Language.allCases {
            let body = paragraphs.filter { $0.language == language }.map(\.text)
            guard !body.isEmpty || titles[language] != nil else { continue }
            var title = titles[language]
            if title == nil {
                title = try Self.derivedTitle(from: body[0], language: language)
                derived.insert(language)
            }
            texts[language] = PressRelease.Text(title: title ?? "", paragraphs: body)
        }
        let idTitle = titles[.english] ?? titles[.albanian] ?? draft.title.text
        var release = PressRelease(id: ReleaseID.make(date: dateline.date, title: idTitle), status: .draft,
                                   dateline: dateline, texts: texts,
                                   provenance: PressRelease.Provenance(source: draft.page.source))
        let complete = paragraphs.last.map { LineShape.endsSentence($0.text) } ?? false
        for language in release.languages {
            var extras: [(key: String, value: String)] = []
            if let text = kicker[language] ?? kicker[language.other] { extras.append(("kicker", Self.yamlString(text))) }
            if derived.contains(language) {
                extras.append(("title_note", Self.yamlString(
                    "The page has no \(language.name) title; ura ingest took this one from the first sentence of the \(language.name) text. Replace it.")))
            }
            if !complete { extras.append(("complete", "false")) }
            if monthOnly { extras.append(("date_precision", "month")) }
            release.extraFrontMatter[language] = extras
        }
        let used = [draft.title] + draft.translatedTitles + draft.paragraphs.joined() + (draft.kicker.map { [$0] } ?? [])
        var lineTexts: [Int: String] = [:]
        for line in used { lineTexts[line.number] = line.text }
        return IngestedRelease(release: release, titles: titles, derivedTitles: derived, kicker: kicker,
                               complete: complete, dateIsMonth: monthOnly, file: draft.page.name,
                               lines: lineTexts.keys.sorted(), lineTexts: lineTexts)
    }

    /// The language of a title or kicker: its own when clear, else the release's when the
    /// release has one language (short titles carry little evidence).
    func language(of text: String, bodyLanguages: Set<Language>) -> Language {
        let guess = profile.identify(text)
        if let guess, guess.margin >= Self.weakMargin || bodyLanguages.count != 1 { return guess.language }
        return bodyLanguages.first ?? guess?.language ?? .english
    }

    /// The release's titles per language: the draft's title, its translated titles, and inside
    /// a news item a headline line in another language right before a dateline paragraph (that
    /// line leaves `paragraphs`).
    func resolveTitles(_ draft: ReleaseDraft, paragraphs: inout [(language: Language, text: String)],
                       bodyLanguages: Set<Language>) -> [Language: String] {
        let titleLanguage = language(of: draft.title.text, bodyLanguages: bodyLanguages)
        var titles: [Language: String] = [titleLanguage: draft.title.text]
        var unusedTitles: [Page.Line] = []
        for line in draft.translatedTitles {
            let language = profile.identify(line.text)?.language ?? titleLanguage.other
            if titles[language] == nil { titles[language] = line.text } else { unusedTitles.append(line) }
        }
        for index in paragraphs.indices.dropLast() where draft.paragraphs[index].count == 1 {
            let (language, text) = paragraphs[index]
            if titles[language] == nil, LineShape.isHeadline(text), paragraphs[index + 1].language == language,
               datelines.parse(paragraphs[index + 1].text) != nil {
                titles[language] = text
                paragraphs[index].text = ""
            }
        }
        // Never lose a line: a title the release already has in that language stays as a paragraph.
        for line in unusedTitles.reversed() {
            paragraphs.insert((language(of: line.text, bodyLanguages: bodyLanguages), line.text), at: 0)
        }
        paragraphs.removeAll { $0.text.isEmpty }
        return titles
    }

    /// The release's dateline: the first of its opening paragraphs that has one (a news item may
    /// open with a by-line such as `Mesazh nga …`), its year from context when it has none.
    func readDateline(_ paragraphs: [(language: Language, text: String)], title: String,
                      pageYear: Int?) -> (PressRelease.Dateline, monthOnly: Bool) {
        for (language, text) in paragraphs.prefix(3) {
            guard let found = datelines.parse(text) else { continue }
            let contextYear = found.year == nil ? Self.earliestYear(in: paragraphs.map(\.text) + [title]) ?? pageYear : nil
            let date = found.date(year: contextYear)
            let place = found.writtenPlace.map { PlaceNames.english($0, language: language) }
            return (PressRelease.Dateline(place: place, date: date, dateInferred: found.year == nil && date != nil), found.monthOnly)
        }
        return (PressRelease.Dateline(), false)
    }

    /// A title for a language the page gives no title in: the first sentence of its first
    /// paragraph, without the dateline, cut to twelve words.
    static func derivedTitle(from paragraph: String, language: Language) throws(UraError) -> String {
        var text = paragraph
        if DatelineParser().parse(paragraph) != nil, let head = DatelineParser.head(of: paragraph) {
            text = String(paragraph.dropFirst(head.count)).drop { ":–—- \u{00A0}".contains($0) }.description
        }
        let sentence = try SentenceSegmenter(language: language).sentences(in: text).first ?? text
        var words = sentence.split(separator: " ").map(String.init)
        var cut = false
        if words.count > 12 { words = Array(words.prefix(12)); cut = true }
        var title = words.joined(separator: " ")
        while let last = title.last, ",;:.".contains(last) { title.removeLast() }
        return cut ? title + "…" : title
    }

    /// The earliest plausible year (1900–2099) written in `texts`.
    static func earliestYear(in texts: [String]) -> Int? {
        var years: [Int] = []
        for text in texts {
            for token in text.split(whereSeparator: { !$0.isNumber }) where token.count == 4 {
                if let year = Int(token), (1900...2099).contains(year) { years.append(year) }
            }
        }
        return years.min()
    }

    /// `text` as a YAML double-quoted scalar (JSON string syntax is valid YAML), so a colon in a
    /// kicker cannot turn the value into a mapping.
    static func yamlString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// Keeps one release per id: the one with the most text; the other's lines are dropped as
    /// `duplicate-release` (the same release on a news list and on its own page).
    static func removingDuplicates(_ result: IngestResult) -> IngestResult {
        var best: [String: Int] = [:]
        func size(_ release: IngestedRelease) -> Int { release.paragraphs.values.joined().reduce(0) { $0 + $1.count } }
        for (index, release) in result.releases.enumerated() {
            if let kept = best[release.release.id], size(result.releases[kept]) >= size(release) { continue }
            best[release.release.id] = index
        }
        var output = result
        output.releases = []
        for (index, release) in result.releases.enumerated() {
            if best[release.release.id] == index {
                output.releases.append(release)
            } else {
                output.dropped += release.lines.map {
                    DroppedLine(file: release.file, line: $0, text: release.lineTexts[$0] ?? "", reason: .duplicateRelease)
                }
            }
        }
        return output
    }
}

/// Dateline readings by paragraph: layout, translation merging and release building ask about
/// the same paragraphs, and each reading costs several ICU date formatters.
final class DatelineCache: @unchecked Sendable {
    private let parser = DatelineParser()
    private var readings: [String: ParsedDateline?] = [:]
    private let lock = NSLock()

    func parse(_ paragraph: String) -> ParsedDateline? {
        lock.lock()
        if let known = readings[paragraph] { lock.unlock(); return known }
        lock.unlock()
        let reading = parser.parse(paragraph)
        lock.lock()
        readings[paragraph] = reading
        lock.unlock()
        return reading
    }
}
