import Foundation
import UraCore
import UraICU
import UraXML

/// One file of a built site, in memory.
public struct SiteFile: Sendable, Equatable {
    /// The path below the site root (`feeds/en.xml`).
    public var path: String
    /// The file's content.
    public var bytes: [UInt8]
    /// True when `ura publish --pdf` should render this XSL-FO file to PDF.
    public var rendersPDF: Bool

    /// A file at `path` holding `bytes`.
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
    /// The options, validated (the base URL ends in `/`).
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

    /// Where the collection document of the published releases goes in the site.
    public static let collectionPath = "xml/releases.xml"

    /// The releases that are published: the approved ones.
    public static func published(_ releases: [PressRelease]) -> [PressRelease] {
        CanonicalXML.ordered(releases.filter { $0.status == .approved })
    }

    /// One transform of a build: a stylesheet over one document with its parameters.
    public struct Transform: Sendable {
        /// The compiled stylesheet, shared by every transform of the build.
        public let stylesheet: Stylesheet
        /// The document's name in messages and in the site (`xml/releases.xml`).
        public let documentName: String
        /// The canonical XML it reads.
        public let document: [UInt8]
        /// The stylesheet parameters (`lang`, `view`, `base-url`, `site-title`, `build-date`, `output-path`).
        public let parameters: [String: String]
        /// Where the result goes below the site root.
        public let path: String
        /// Render the result to PDF with `--pdf`.
        public let rendersPDF: Bool

        /// Runs the transform.
        public func run() throws(UraError) -> SiteFile {
            SiteFile(path: path, bytes: try stylesheet.apply(to: document, name: documentName, parameters: parameters),
                     rendersPDF: rendersPDF)
        }
    }

    /// The plan of a build: the canonical XML files (collection and one per published release)
    /// and every transform, in stylesheet, declaration and release order.
    public func plan(_ releases: [PressRelease]) -> (documents: [SiteFile], transforms: [Transform]) {
        let published = Self.published(releases)
        let buildDate = BuildClock.iso8601(buildSeconds(releases))
        let collection = SiteFile(path: Self.collectionPath, bytes: Array(CanonicalXML.collection(published).utf8))
        let documents = published.map { SiteFile(path: "xml/\($0.id).xml", bytes: Array(CanonicalXML.document(for: $0).utf8)) }
        var transforms: [Transform] = []
        for format in formats {
            for declaration in format.declarations {
                func add(_ document: SiteFile, id: String?, language: Language?) {
                    let path = OutputPath.expand(declaration.path, id: id, language: language)
                    let parameters = [
                        "lang": language?.code ?? "", "view": declaration.view, "base-url": options.baseURL,
                        "site-title": options.siteTitle, "build-date": buildDate, "output-path": path,
                    ]
                    transforms.append(Transform(stylesheet: format.stylesheet, documentName: document.path, document: document.bytes,
                                                parameters: parameters, path: path, rendersPDF: declaration.rendersPDF))
                }
                switch declaration.input {
                case .collection:
                    for language in declaration.perLanguage ? Language.allCases.map(Optional.some) : [nil] {
                        add(collection, id: nil, language: language)
                    }
                case .release:
                    for (release, document) in zip(published, documents)
                    where !declaration.bilingualOnly || release.languages.count == Language.allCases.count {
                        for language in declaration.perLanguage ? release.languages.map(Optional.some) : [nil] {
                            add(document, id: release.id, language: language)
                        }
                    }
                }
            }
        }
        return ([collection] + documents, transforms)
    }

    /// Every file of the site for `releases` (drafts and releases in review are left out),
    /// sorted by path.
    /// - Throws: ``UraError`` naming the stylesheet, the document and the line; or two outputs
    ///   that would write the same path.
    public func build(_ releases: [PressRelease]) throws(UraError) -> [SiteFile] {
        let (documents, transforms) = plan(releases)
        var paths: Set<String> = [Self.collectionPath]
        for transform in transforms where !paths.insert(transform.path).inserted {
            throw UraError(.input, "two outputs write '\(transform.path)'; give each <ura:output> its own path",
                           file: transform.stylesheet.path)
        }
        // Transforms are independent and a compiled stylesheet is shared safely: run them on
        // every core, in chunks; the first failure in plan order is the one reported.
        var results = [Result<SiteFile, UraError>?](repeating: nil, count: transforms.count)
        let chunk = max(1, transforms.count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: (transforms.count + chunk - 1) / chunk) { part in
                for index in part * chunk..<min(transforms.count, (part + 1) * chunk) {
                    do throws(UraError) { slots[index] = .success(try transforms[index].run()) } catch { slots[index] = .failure(error) }
                }
            }
        }
        // Per-release canonical documents are the stylesheets' input, not pages: only the
        // collection document is published (xml/releases.xml), which keeps the site to the files a
        // reader or the print shop asks for.
        var files = documents.filter { $0.path == Self.collectionPath }
        for result in results {
            switch result {
            case .success(let file): files.append(file)
            case .failure(let error): throw error
            case nil: continue
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The build date of a site for `releases` (seconds since 1970): the configured one, else
    /// ``contentDate(_:)`` of the published releases.
    public func buildSeconds(_ releases: [PressRelease]) -> Int {
        options.buildDate ?? Self.contentDate(Self.published(releases))
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
