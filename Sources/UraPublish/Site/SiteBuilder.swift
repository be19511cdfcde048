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
    /// A digest of everything the file was made from (document, stylesheets, parameters; see
    /// ``SiteBuilder/build(_:reusing:)``), recorded in the generation's manifest so the next
    /// publish can reuse the file without making it again; nil when unknown.
    public var inputKey: String?
    /// Set when the file is not in memory but is the file at the same path in an earlier
    /// generation, made from the same inputs: ``bytes`` is then empty and ``SiteSwitch`` links it.
    public var reused: Reused?

    /// A file of an earlier generation that a publish takes as it is.
    public struct Reused: Sendable, Equatable {
        /// The generation folder holding it.
        public var folder: String
        /// Its digest, as that generation's manifest records it.
        public var digest: String
    }

    /// A file at `path` holding `bytes`.
    public init(path: String, bytes: [UInt8], rendersPDF: Bool = false, inputKey: String? = nil, reused: Reused? = nil) {
        self.path = path
        self.bytes = bytes
        self.rendersPDF = rendersPDF
        self.inputKey = inputKey
        self.reused = reused
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

    /// One output of a build before its document exists: which release it reads (nil: the
    /// collection), with what stylesheet and parameters, and where it goes.
    struct PlannedOutput: Sendable {
        let stylesheet: Stylesheet
        let release: Int?
        let parameters: TransformParameters
        let path: String
        let rendersPDF: Bool
        /// For a collection output, which collection document it reads.
        var view = CollectionView.full
    }

    /// The parameters every transform gets, as fields: a build plans thousands of transforms, and
    /// a dictionary each cost more than the rest of planning.
    struct TransformParameters: Sendable {
        var language: String
        var view: String
        var baseURL: String
        var siteTitle: String
        var buildDate: String
        var outputPath: String

        /// By the names the stylesheets declare (`lang`, `view`, `base-url`, `site-title`,
        /// `build-date`, `output-path`).
        var dictionary: [String: String] { Dictionary(uniqueKeysWithValues: pairs.map { ($0.name, $0.value) }) }

        /// ``dictionary``'s entries in name order, as ``Stylesheet/apply(to:parameterPairs:readRoot:)`` takes them.
        var pairs: [(name: String, value: String)] {
            [("base-url", baseURL), ("build-date", buildDate), ("lang", language), ("output-path", outputPath),
             ("site-title", siteTitle), ("view", view)]
        }

        /// `name=value` and a NUL for each, in name order: what ``InputKeys`` digests.
        var keyText: String {
            "base-url=\(baseURL)\u{0}build-date=\(buildDate)\u{0}lang=\(language)\u{0}output-path=\(outputPath)\u{0}"
                + "site-title=\(siteTitle)\u{0}view=\(view)\u{0}"
        }
    }

    /// Which collection document a collection output reads (``OutputFormat/Declaration``'s
    /// `content` and `newest`): the full one (also published as ``collectionPath``), a summary,
    /// or the newest releases (those with a text in `language`, when set).
    struct CollectionView: Hashable, Sendable, Comparable {
        var summary = false
        var newest: Int?
        var language: Language?

        static let full = CollectionView()

        /// The releases of `published` (newest first) this view holds.
        func releases(_ published: [PressRelease]) -> [PressRelease] {
            guard let newest else { return published }
            return Array(published.lazy.filter { language == nil || $0.texts[language!] != nil }.prefix(newest))
        }

        /// A name that orders views (and so the work) the same way in every run.
        var name: String { "\(summary ? "summary" : "full") \(newest ?? 0) \(language?.code ?? "")" }

        static func < (left: CollectionView, right: CollectionView) -> Bool { left.name < right.name }
    }

    /// Every output for `published` (in ``published(_:)`` order), in stylesheet, declaration and
    /// release order.
    func outputs(_ published: [PressRelease], buildDate: String) -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        for format in formats {
            for declaration in format.declarations {
                func add(_ release: Int?, id: String?, language: Language?) {
                    let path = OutputPath.expand(declaration.path, id: id, language: language)
                    let parameters = TransformParameters(language: language?.code ?? "", view: declaration.view,
                                                         baseURL: options.baseURL, siteTitle: options.siteTitle,
                                                         buildDate: buildDate, outputPath: path)
                    var output = PlannedOutput(stylesheet: format.stylesheet, release: release, parameters: parameters,
                                               path: path, rendersPDF: declaration.rendersPDF)
                    if release == nil {
                        output.view = CollectionView(summary: declaration.summary, newest: declaration.newest,
                                                     language: declaration.newest == nil ? nil : language)
                    }
                    outputs.append(output)
                }
                switch declaration.input {
                case .collection:
                    for language in declaration.perLanguage ? Language.allCases.map(Optional.some) : [nil] {
                        add(nil, id: nil, language: language)
                    }
                case .release:
                    for (index, release) in published.enumerated()
                    where !declaration.bilingualOnly || release.languages.count == Language.allCases.count {
                        for language in declaration.perLanguage ? release.languages.map(Optional.some) : [nil] {
                            add(index, id: release.id, language: language)
                        }
                    }
                }
            }
        }
        return outputs
    }

    /// The plan of a build: the canonical XML files (collection and one per published release)
    /// and every transform, in stylesheet, declaration and release order.
    public func plan(_ releases: [PressRelease]) -> (documents: [SiteFile], transforms: [Transform]) {
        let published = Self.published(releases)
        let collection = SiteFile(path: Self.collectionPath, bytes: CanonicalXML.collectionBytes(entries: published.map { CanonicalXML.collectionEntryBytes($0) }))
        let documents = published.map { SiteFile(path: "xml/\($0.id).xml", bytes: CanonicalXML.documentBytes(for: $0)) }
        let views = Dictionary(grouping: outputs(published, buildDate: BuildClock.iso8601(buildSeconds(releases))).filter { $0.release == nil }, by: \.view)
            .mapValues { SiteFile(path: Self.collectionPath, bytes: Self.collectionDocument($0[0].view, published)) }
        let transforms = outputs(published, buildDate: BuildClock.iso8601(buildSeconds(releases))).map { output in
            let document = output.release.map { documents[$0] } ?? views[output.view] ?? collection
            return Transform(stylesheet: output.stylesheet, documentName: document.path, document: document.bytes,
                             parameters: output.parameters.dictionary, path: output.path, rendersPDF: output.rendersPDF)
        }
        return ([collection] + documents, transforms)
    }

    /// Every file of the site for `releases` (drafts and releases in review are left out),
    /// sorted by path (by UTF-8 bytes: thousands of paths, and Unicode-aware comparison is slow).
    ///
    /// Each file gets an input key (``InputKeys``). With `previous` (a generation and its
    /// manifest, ``SiteSwitch/current(_:)``), a file whose path has the same input key there is
    /// not made again: it comes back as ``SiteFile/reused`` (no bytes), and a release whose
    /// outputs are all reused is never turned into XML. The site is the same as without
    /// `previous`, byte for byte.
    /// - Throws: ``UraError`` naming the stylesheet, the document and the line; or two outputs
    ///   that would write the same path.
    public func build(_ releases: [PressRelease],
                      reusing previous: (folder: String, files: [String: SiteSwitch.ManifestEntry])? = nil) throws(UraError) -> [SiteFile] {
        let published = Self.published(releases)
        let outputs = outputs(published, buildDate: BuildClock.iso8601(buildSeconds(releases)))
        var paths: Set<String> = [Self.collectionPath]
        for output in outputs where !paths.insert(output.path).inserted {
            throw UraError(.input, "two outputs write '\(output.path)'; give each <ura:output> its own path",
                           file: output.stylesheet.path)
        }
        let keys = InputKeys(published, stylesheets: formats.map(\.stylesheet.path))
        let collectionKey = keys.collectionDocument
        func reused(_ path: String, _ key: String) -> SiteFile.Reused? {
            guard let previous, let entry = previous.files[path], entry.inputKey == key else { return nil }
            return SiteFile.Reused(folder: previous.folder, digest: entry.digest)
        }
        // A digest per output: thousands, on every core.
        let outputKeys = Parallel.map(outputs) { keys.key(release: $0.release, stylesheet: $0.stylesheet.path, parameterText: $0.parameters.keyText) }
        let outputReuse = zip(outputs, outputKeys).map { reused($0.0.path, $0.1) }
        let collectionReuse = reused(Self.collectionPath, collectionKey)

        // The collection document, made when it or one of its outputs is made again (its entries
        // in parallel). A release's own document is made where it is parsed, below: only its
        // transforms read it, and thousands of them need not be held at once.
        let collectionNeeded = collectionReuse == nil
            || zip(outputs, outputReuse).contains { $0.1 == nil && $0.0.release == nil && $0.0.view == .full }
        // A release whose every output is reused is unchanged (its key covers the release), so
        // its entry in the previous collection document is still right: take it from there.
        var unchanged = [Bool](repeating: false, count: published.count)
        var hasOutputs = [Bool](repeating: false, count: published.count)
        for (output, reuse) in zip(outputs, outputReuse) {
            guard let release = output.release else { continue }
            unchanged[release] = (hasOutputs[release] ? unchanged[release] : true) && reuse != nil
            hasOutputs[release] = true
        }
        let previousEntries = collectionNeeded ? Self.previousCollectionEntries(previous) : [:]
        let reusableEntries = unchanged
        let entries = collectionNeeded ? Parallel.map(Array(published.indices)) { index -> ArraySlice<UInt8> in
            let release = published[index]
            let previous = reusableEntries[index] ? previousEntries[release.id.xmlAttributeEscaped] : nil
            return previous ?? ArraySlice(CanonicalXML.collectionEntryBytes(release))
        } : []
        let collection = collectionNeeded ? CanonicalXML.collectionBytes(entries: entries) : []

        // Every document is parsed once for all the transforms that read it: a release's outputs
        // (its pages in each language, bilingual page, print file) together, and the collection
        // outputs of one stylesheet together (10 MB for 2,000 releases costs more to parse than to
        // transform). Each group runs on one thread, as a parsed tree needs; groups run on every
        // core.
        let remaining = outputs.indices.filter { outputReuse[$0] == nil }
        var releaseGroups: [Int: [Int]] = [:]
        var collectionGroups: [CollectionView: [Int]] = [:]
        for index in remaining {
            if let release = outputs[index].release {
                releaseGroups[release, default: []].append(index)
            } else {
                collectionGroups[outputs[index].view, default: []].append(index)
            }
        }
        // Collection groups first and handed out in small chunks: the index pages' group is the
        // longest, and last (or in a large chunk) it ran alone on one core while the others had
        // finished.
        let groups = collectionGroups.keys.sorted().compactMap { collectionGroups[$0] }
            + releaseGroups.keys.sorted().compactMap { releaseGroups[$0] }
        let groupResults = Parallel.map(groups, chunksPerCore: 64) { group -> [Result<[UInt8], UraError>] in
            var parsed: ParsedDocument?
            return group.map { index in
                let output = outputs[index]
                do throws(UraError) {
                    if parsed == nil, let release = output.release {
                        parsed = try ParsedDocument(CanonicalXML.documentBytes(for: published[release]),
                                                    name: "xml/\(published[release].id).xml")
                    } else if parsed == nil {
                        let bytes = output.view == .full ? collection : Self.collectionDocument(output.view, published)
                        parsed = try ParsedDocument(bytes, name: Self.collectionPath)
                    }
                    guard let parsed else { return .failure(UraError(.internal, "the document was not parsed")) }
                    return .success(try output.stylesheet.apply(to: parsed, parameterPairs: output.parameters.pairs))
                } catch {
                    return .failure(error)
                }
            }
        }
        var resultsByOutput: [Int: Result<[UInt8], UraError>] = [:]
        for (group, results) in zip(groups, groupResults) {
            for (index, result) in zip(group, results) { resultsByOutput[index] = result }
        }
        let results = remaining.compactMap { resultsByOutput[$0] }
        // Per-release canonical documents are the stylesheets' input, not pages: only the
        // collection document is published (xml/releases.xml), which keeps the site to the files a
        // reader or the print shop asks for.
        var files = [SiteFile(path: Self.collectionPath, bytes: collection, inputKey: collectionKey, reused: collectionReuse)]
        for (index, output) in outputs.enumerated() where outputReuse[index] != nil {
            files.append(SiteFile(path: output.path, bytes: [], rendersPDF: output.rendersPDF, inputKey: outputKeys[index],
                                  reused: outputReuse[index]))
        }
        for (index, result) in zip(remaining, results) {
            // The first failure in plan order is the one reported.
            switch result {
            case .success(let bytes):
                files.append(SiteFile(path: outputs[index].path, bytes: bytes, rendersPDF: outputs[index].rendersPDF,
                                      inputKey: outputKeys[index]))
            case .failure(let error): throw error
            }
        }
        return files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    /// The collection document a collection output of `view` reads (not the full one, which
    /// ``build(_:reusing:)`` assembles from reusable entries).
    static func collectionDocument(_ view: CollectionView, _ published: [PressRelease]) -> [UInt8] {
        CanonicalXML.collectionBytes(entries: view.releases(published).map { CanonicalXML.collectionEntryBytes($0, summary: view.summary) })
    }

    /// The entries of the previous generation's collection document, when its bytes are still
    /// those its manifest records.
    static func previousCollectionEntries(_ previous: (folder: String, files: [String: SiteSwitch.ManifestEntry])?)
        -> [String: ArraySlice<UInt8>] {
        guard let previous, let entry = previous.files[collectionPath],
              let data = FileManager.default.contents(atPath: previous.folder + "/" + collectionPath) else { return [:] }
        let bytes = Array(data)
        guard SiteSwitch.digest(bytes) == entry.digest else { return [:] }
        return CanonicalXML.collectionEntries(in: bytes)
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

    /// Compiled once: compiling it per release cost a tenth of a second per 2,000 releases.
    private static let iso8601Pattern = try? NSRegularExpression(
        pattern: #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$"#)

    /// `2026-11-23T18:05:00Z` (or with a `+hh:mm` offset) as seconds since 1970.
    static func parseISO8601(_ text: String) -> Int? {
        guard let regex = iso8601Pattern,
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
