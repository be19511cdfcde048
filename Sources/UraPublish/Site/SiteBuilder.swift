import Foundation
import UraCore
import UraICU
import UraXML

/// One file of a built site, in memory.
public struct SiteFile: Sendable, Equatable {
    /// The path below the site root (`feeds/en.xml`).
    public var path: String
    public var bytes: [UInt8]
    /// True when `ura publish --pdf` should render this XSL-FO file to PDF.
    public var rendersPDF: Bool

    public init(path: String, bytes: [UInt8], rendersPDF: Bool = false) {
        self.path = path
        self.bytes = bytes
        self.rendersPDF = rendersPDF
    }
}

/// Builds a site in memory: the canonical XML of the approved releases, then every declared
/// output of every stylesheet. Nothing is written, so a failing transform leaves nothing behind.
///
/// Only ``PressRelease/Status/approved`` releases are published; the rest are never turned into
/// XML, so a draft cannot reach a feed whatever a stylesheet does. A release with one language
/// is published in that language only: per-language outputs skip the missing language.
public struct SiteBuilder: Sendable {
    /// The output formats, each stylesheet compiled once.
    public let formats: [OutputFormat]
    public let options: PublishOptions

    /// A builder for the stylesheets in `options.stylesheetDirectory`.
    public init(options: PublishOptions) throws(UraError) {
        self.options = try options.validated()
        self.formats = try OutputFormat.loadAll(from: options.stylesheetDirectory)
    }

    /// A builder for given formats (tests, measurements).
    public init(formats: [OutputFormat], options: PublishOptions) throws(UraError) {
        self.options = try options.validated()
        self.formats = formats
    }

    /// The releases that are published: the approved ones.
    public static func published(_ releases: [PressRelease]) -> [PressRelease] {
        CanonicalXML.ordered(releases.filter { $0.status == .approved })
    }

    /// Every file of the site for `releases` (drafts and releases in review are left out),
    /// sorted by path.
    /// - Throws: ``UraError`` naming the stylesheet, the document and the line.
    public func build(_ releases: [PressRelease]) throws(UraError) -> [SiteFile] {
        let published = Self.published(releases)
        let buildDate = BuildClock.iso8601(options.buildDate ?? Self.contentDate(published))
        var files: [String: SiteFile] = [:]
        func add(_ file: SiteFile, from origin: String) throws(UraError) {
            if files[file.path] != nil {
                throw UraError(.input, "two outputs write '\(file.path)'; give each <ura:output> its own path", file: origin)
            }
            files[file.path] = file
        }
        let collectionName = "xml/releases.xml"
        let collection = Array(CanonicalXML.collection(published).utf8)
        try add(SiteFile(path: collectionName, bytes: collection), from: collectionName)
        var documents: [(release: PressRelease, name: String, bytes: [UInt8])] = []
        for release in published {
            let name = "xml/\(release.id).xml"
            let bytes = Array(CanonicalXML.document(for: release).utf8)
            documents.append((release, name, bytes))
            try add(SiteFile(path: name, bytes: bytes), from: name)
        }
        for format in formats {
            for declaration in format.declarations {
                switch declaration.input {
                case .collection:
                    for language in declaration.perLanguage ? Language.allCases.map(Optional.some) : [nil] {
                        let path = OutputPath.expand(declaration.path, id: nil, language: language)
                        let output = try format.stylesheet.apply(
                            to: collection, name: collectionName,
                            parameters: parameters(declaration, language: language, path: path, buildDate: buildDate))
                        try add(SiteFile(path: path, bytes: output, rendersPDF: declaration.rendersPDF), from: format.stylesheet.path)
                    }
                case .release:
                    for document in documents where !declaration.bilingualOnly || document.release.languages.count == Language.allCases.count {
                        for language in declaration.perLanguage ? document.release.languages.map(Optional.some) : [nil] {
                            let path = OutputPath.expand(declaration.path, id: document.release.id, language: language)
                            let output = try format.stylesheet.apply(
                                to: document.bytes, name: document.name,
                                parameters: parameters(declaration, language: language, path: path, buildDate: buildDate))
                            try add(SiteFile(path: path, bytes: output, rendersPDF: declaration.rendersPDF), from: format.stylesheet.path)
                        }
                    }
                }
            }
        }
        return files.values.sorted { $0.path < $1.path }
    }

    /// The parameters every transform gets.
    private func parameters(_ declaration: OutputFormat.Declaration, language: Language?, path: String,
                            buildDate: String) -> [String: String] {
        [
            "lang": language?.code ?? "",
            "view": declaration.view,
            "base-url": options.baseURL,
            "site-title": options.siteTitle,
            "build-date": buildDate,
            "output-path": path,
        ]
    }

    /// The newest approval time or release date of `releases` (seconds since 1970; 0 for none):
    /// the build date when none is configured, so output never depends on the wall clock.
    public static func contentDate(_ releases: [PressRelease]) -> Int {
        var newest = 0
        for release in releases {
            if let date = release.dateline.date, let seconds = epochSeconds(year: date.year, month: date.month, day: date.day) {
                newest = max(newest, seconds)
            }
            if let at = release.provenance.approvedAt, let seconds = parseISO8601(at) { newest = max(newest, seconds) }
        }
        return newest
    }

    /// `2026-11-23T18:05:00Z` (or with a `+hh:mm` offset) as seconds since 1970.
    static func parseISO8601(_ text: String) -> Int? {
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        func group(_ index: Int) -> String { Range(match.range(at: index), in: text).map { String(text[$0]) } ?? "" }
        let numbers = (1...6).compactMap { Int(group($0)) }
        guard numbers.count == 6, let day = epochSeconds(year: numbers[0], month: numbers[1], day: numbers[2]) else { return nil }
        var seconds = day + numbers[3] * 3600 + numbers[4] * 60 + numbers[5]
        let zone = group(7)
        if zone != "Z" {
            let digits = zone.dropFirst().filter(\.isNumber)
            guard digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else { return nil }
            seconds -= (zone.hasPrefix("-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        }
        return seconds
    }

    /// Midnight UTC of a calendar date, as seconds since 1970.
    static func epochSeconds(year: Int, month: Int, day: Int) -> Int? {
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        // Days from civil (Howard Hinnant's algorithm): no time zone, no Foundation calendar.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return (era * 146_097 + dayOfEra - 719_468) * 86_400
    }
}
