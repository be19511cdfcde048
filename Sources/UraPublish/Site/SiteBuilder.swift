import Foundation
import UraCore
import UraICU
import UraXML

/// One file of a built site, in memory.
public struct SiteFile: Sendable, Equatable {
    /// The path below the site root (`feeds/en.xml`).
    public var path: String
    /// The file's content, in parts to be written one after another: a collection document
    /// made of the previous one's entries is not joined in memory (10 MB for 2,000 releases).
    public var parts: [ArraySlice<UInt8>] { pieces ?? [content[...]] }
    /// The file's content, joined.
    public var bytes: [UInt8] {
        get { pieces.map { Array($0.joined()) } ?? content }
        set { (content, pieces) = (newValue, nil) }
    }
    /// The content of a file in one part (most: no array of parts is made for each of thousands).
    private var content: [UInt8]
    /// The content of a file in several parts.
    private var pieces: [ArraySlice<UInt8>]?
    /// True when `ura publish --pdf` should render this XSL-FO file to PDF.
    public var rendersPDF: Bool
    /// A digest of everything the file was made from (document, stylesheets, parameters; see
    /// ``SiteBuilder/build(_:reusing:)``), recorded in the generation's manifest so the next
    /// publish can reuse the file without making it again; nil when unknown.
    public var inputKey: String?
    /// Set when the file is not in memory but is the file at the same path in an earlier
    /// generation, made from the same inputs: ``bytes`` is then empty and ``SiteSwitch`` links it.
    public var reused: Reused?
    /// ``SiteSwitch/digest(_:)`` of the bytes, when the builder worked it out ahead (the
    /// collection document's, on another thread while the pages were made); nil: the switch
    /// digests the bytes. Not part of equality: it follows from the bytes.
    public var digest: String?

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
        self.content = bytes
        self.rendersPDF = rendersPDF
        self.inputKey = inputKey
        self.reused = reused
    }

    /// A file at `path` holding `parts`, one after another.
    public init(path: String, parts: [ArraySlice<UInt8>], rendersPDF: Bool = false, inputKey: String? = nil,
                reused: Reused? = nil) {
        self.path = path
        self.content = []
        self.pieces = parts
        self.rendersPDF = rendersPDF
        self.inputKey = inputKey
        self.reused = reused
    }

    /// Equal files have the same path, bytes (however cut in parts), input key and source.
    public static func == (lhs: SiteFile, rhs: SiteFile) -> Bool {
        lhs.path == rhs.path && lhs.rendersPDF == rhs.rendersPDF && lhs.inputKey == rhs.inputKey && lhs.reused == rhs.reused
            && (lhs.pieces == nil && rhs.pieces == nil ? lhs.content == rhs.content : lhs.bytes == rhs.bytes)
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
    /// What every input key starts from: Ura's publish version, the libraries' and the digest of
    /// every file in the stylesheets' folders (``InputKeys/base(stylesheets:)``), taken when the
    /// stylesheets are compiled (a build does that on another thread, ahead of time).
    let keyBase: String

    /// A builder for the stylesheets in `options.stylesheetDirectory`.
    public init(options: PublishOptions) throws(UraError) {
        self.options = try options.validated()
        self.formats = try OutputFormat.loadAll(from: options.stylesheetDirectory)
        self.keyBase = InputKeys.base(stylesheets: formats.map(\.stylesheet.path))
    }

    /// A builder for given formats (tests, measurements).
    public init(formats: [OutputFormat], options: PublishOptions) throws(UraError) {
        self.options = try options.validated()
        self.formats = formats
        self.keyBase = InputKeys.base(stylesheets: formats.map(\.stylesheet.path))
    }

    /// Where the collection document of the published releases goes in the site.
    public static let collectionPath = "xml/releases.xml"

    /// The releases that are published: the approved ones.
    public static func published(_ releases: [PressRelease]) -> [PressRelease] {
        publishedPositions(releases).map { releases[$0] }
    }

    /// The positions in `releases` of ``published(_:)``, in its order.
    static func publishedPositions(_ releases: [PressRelease]) -> [Int] {
        let approved = releases.indices.filter { releases[$0].status == .approved }
        return CanonicalXML.order(approved.map { (releases[$0].dateline.date, releases[$0].id) }).map { approved[$0] }
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
        /// The parameters the outputs of its group share (all but `output-path` and `year`):
        /// one object for thousands of outputs rather than seven strings each.
        let shared: SharedParameters
        let path: String
        let rendersPDF: Bool
        /// For a collection output, which collection document it reads.
        var view = CollectionView.full

        /// The transform's parameters.
        var parameters: TransformParameters {
            var parameters = shared.parameters
            parameters.outputPath = path
            parameters.year = view.year ?? ""
            return parameters
        }
    }

    /// ``TransformParameters`` shared by the outputs of one declaration in one language (their
    /// `outputPath` and `year` empty): everything their input keys cover but the document and the
    /// path, so ``InputKeys`` digests that part once per object.
    final class SharedParameters: Sendable {
        let parameters: TransformParameters
        init(_ parameters: TransformParameters) { self.parameters = parameters }
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
        /// The archive year of a `per-year` output (``CanonicalXML/archiveYear(of:)``), else empty.
        var year = ""

        /// By the names the stylesheets declare (`lang`, `view`, `base-url`, `site-title`,
        /// `build-date`, `output-path`, `year`).
        var dictionary: [String: String] { Dictionary(uniqueKeysWithValues: pairs.map { ($0.name, $0.value) }) }

        /// ``dictionary``'s entries in name order, as ``Stylesheet/apply(to:parameterPairs:readRoot:)`` takes them.
        var pairs: [(name: String, value: String)] {
            [("base-url", baseURL), ("build-date", buildDate), ("lang", language), ("output-path", outputPath),
             ("site-title", siteTitle), ("view", view), ("year", year)]
        }

        /// `name=value` and a NUL for each, in name order, all but `output-path` and `year` (which
        /// an input key covers as the output's path and document): what ``InputKeys`` digests.
        var keyText: String {
            "base-url=\(baseURL)\u{0}build-date=\(buildDate)\u{0}lang=\(language)\u{0}"
                + "site-title=\(siteTitle)\u{0}view=\(view)\u{0}"
        }
    }

    /// Which collection document a collection output reads (``OutputFormat/Declaration``'s
    /// `content`, `newest` and `per-year`): the full one (also published as ``collectionPath``),
    /// or a part of it: a summary, the newest releases, the releases of one year (those with a
    /// text in `language`, when set). Every view but the full one opens with the archive list
    /// (``CanonicalXML/archive(_:)``).
    struct CollectionView: Hashable, Sendable, Comparable {
        var summary = false
        var newest: Int?
        var language: Language?
        /// Only the releases of this archive year (``CanonicalXML/archiveYear(of:)``).
        var year: String?

        static let full = CollectionView()

        /// The positions in the published releases (newest first) of those this view holds, from
        /// their `facts`.
        func indices(_ facts: Facts) -> [Int] {
            // The year as a number (nil: undated), compared with each release's without making
            // its archive name.
            let yearNumber = year.map { Int($0) }
            let hasText = language.map { facts.hasText[$0] ?? [] }
            var indices: [Int] = []
            for index in facts.years.indices {
                if let newest, indices.count >= newest { break }
                if let hasText, !hasText[index] { continue }
                if let yearNumber, facts.years[index] != yearNumber { continue }
                indices.append(index)
            }
            return indices
        }

        /// The releases of `published` (newest first) this view holds.
        func releases(_ published: [PressRelease], _ facts: Facts) -> [PressRelease] {
            indices(facts).map { published[$0] }
        }

        /// What views choose the published releases by, read once per build (a build has dozens
        /// of views, one per year and language, and thousands of releases): each one's year and
        /// which languages it has a text in, by position.
        struct Facts: Sendable {
            let years: [Int?]
            let hasText: [Language: [Bool]]

            init(_ published: [PressRelease]) {
                years = published.indices.map { published[$0].dateline.date?.year }
                var hasText: [Language: [Bool]] = [:]
                for language in Language.allCases {
                    hasText[language] = published.indices.map { published[$0].texts[language] != nil }
                }
                self.hasText = hasText
            }
        }

        /// A name that orders views (and so the work) the same way in every run.
        var name: String { "\(summary ? "summary" : "full") \(newest ?? 0) \(language?.code ?? "") \(year ?? "")" }

        static func < (left: CollectionView, right: CollectionView) -> Bool { left.name < right.name }
    }

    /// Every output for `published` (in ``published(_:)`` order, with its `archive`), in
    /// stylesheet, declaration and release order.
    func outputs(_ published: [PressRelease], archive: CanonicalXML.Archive, buildDate: String) -> [PlannedOutput] {
        var outputs: [PlannedOutput] = []
        // Worked out once, not per output: a build plans thousands.
        let allLanguages = Language.allCases
        let languagesOf = published.map(\.languages)
        outputs.reserveCapacity(published.count * formats.reduce(0) { $0 + $1.declarations.count } * allLanguages.count)
        for format in formats {
            for declaration in format.declarations {
                // The parameters of each language of the declaration, and of none, made once.
                let shared = ([nil] + allLanguages.map(Optional.some)).map { language in
                    SharedParameters(TransformParameters(language: language?.code ?? "", view: declaration.view,
                                                         baseURL: options.baseURL, siteTitle: options.siteTitle,
                                                         buildDate: buildDate, outputPath: ""))
                }
                let template = OutputPath.Template(declaration.path)
                func add(_ release: Int?, id: String?, language: Language?, view: CollectionView = .full) {
                    let path = template.expand(id: id, language: language, year: view.year)
                    let position = language.flatMap { allLanguages.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                    outputs.append(PlannedOutput(stylesheet: format.stylesheet, release: release, shared: shared[position],
                                                 path: path, rendersPDF: declaration.rendersPDF, view: view))
                }
                switch declaration.input {
                case .collection:
                    let years: [String?] = declaration.perYear ? archive.years : [nil]
                    for year in years {
                        for language in declaration.perLanguage ? allLanguages.map(Optional.some) : [nil] {
                            let partial = declaration.newest != nil || year != nil
                            let view = CollectionView(summary: declaration.summary, newest: declaration.newest,
                                                      language: partial ? language : nil, year: year)
                            // An archive page for a year with no release in this language would be empty.
                            if let year, !archive.has(year, in: language) { continue }
                            add(nil, id: nil, language: language, view: view)
                        }
                    }
                case .release:
                    // By position: a `for release in` loop would copy every release for every declaration.
                    for index in published.indices
                    where !declaration.bilingualOnly || languagesOf[index].count == allLanguages.count {
                        let id = published[index].id
                        if declaration.perLanguage {
                            for language in languagesOf[index] { add(index, id: id, language: language) }
                        } else {
                            add(index, id: id, language: nil)
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
        let archive = CanonicalXML.Archive(published)
        let outputs = outputs(published, archive: archive, buildDate: BuildClock.iso8601(buildSeconds(releases)))
        let facts = CollectionView.Facts(published)
        let views = Dictionary(grouping: outputs.filter { $0.release == nil }, by: \.view)
            .mapValues { SiteFile(path: Self.collectionPath, bytes: Self.collectionDocument($0[0].view, published, archive: archive.xml,
                                                                                           facts: facts)) }
        let transforms = outputs.map { output in
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
    /// `previous`, byte for byte. `digests` may hold releases' ``ReleaseBinary/digest(_:)`` by id
    /// (the rest are computed).
    /// `previousEntries` is ``previousCollectionEntries(_:)`` of `previous`, when the caller read
    /// it ahead (else it is read here while the outputs are planned).
    /// - Throws: ``UraError`` naming the stylesheet, the document and the line; or two outputs
    ///   that would write the same path.
    public func build(_ releases: [PressRelease],
                      reusing previous: SiteSwitch.Generation? = nil,
                      digests: [String: String] = [:],
                      previousEntries: Background<[String: ArraySlice<UInt8>], Never>? = nil) throws(UraError) -> [SiteFile] {
        var trace = PhaseTrace()
        // The previous collection document's entries are read (10 MB for 2,000 releases) while the
        // outputs are planned and keyed; dropped if the collection turns out not to be needed.
        let previousCollection = previousEntries ?? Background { Self.previousCollectionEntries(previous) }
        let published = Self.published(releases)
        trace.mark("publish.published")
        let archive = CanonicalXML.Archive(published)
        trace.mark("publish.archive")
        // The published releases are the approved ones: ``buildSeconds(_:)`` of them is that of `releases`.
        let buildDate = BuildClock.iso8601(buildSeconds(published))
        trace.mark("publish.buildDate")
        let outputs = outputs(published, archive: archive, buildDate: buildDate)
        trace.mark("publish.plan")
        // The outputs in the site's order (by path bytes, the manifest's order), worked out once:
        // equal paths sit side by side, the previous manifest is walked beside it, and the files
        // come back in it. Thousands of outputs: each pass that hashed their paths cost milliseconds.
        let outputPaths = outputs.map(\.path)
        let order = outputs.indices.sorted { OutputPath.precedes(outputPaths[$0], outputPaths[$1]) }
        if let clash = Self.firstClash(outputPaths, order: order) {
            throw UraError(.input, "two outputs write '\(outputPaths[clash])'; give each <ura:output> its own path",
                           file: outputs[clash].stylesheet.path)
        }
        trace.mark("publish.outputs")
        let keys = InputKeys(published, archive: archive.xml, base: keyBase, digests: digests)
        trace.mark("publish.inputkeys")
        let collectionKey = keys.collectionDocument
        func reused(_ entry: SiteSwitch.ManifestEntry?, _ key: String) -> SiteFile.Reused? {
            guard let previous, let entry, entry.inputKey == key else { return nil }
            return SiteFile.Reused(folder: previous.folder, digest: entry.digest)
        }
        let outputKeys = keys.keys(of: outputs)
        // What the previous generation holds at each output's path: its manifest walked beside `order`.
        var previousFiles = [SiteSwitch.ManifestEntry?](repeating: nil, count: outputs.count)
        if let previous {
            for (index, entry) in zip(order, SiteSwitch.entries(at: order.map { outputPaths[$0] }, in: previous.manifest)) {
                previousFiles[index] = entry
            }
        }
        let outputReuse = outputs.indices.map { reused(previousFiles[$0], outputKeys[$0]) }
        let collectionReuse = reused(previous?.entry(at: Self.collectionPath), collectionKey)
        trace.mark("publish.outputkeys")

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
        let previousEntries = collectionNeeded ? previousCollection.value() : [:]
        let reusableEntries = unchanged
        trace.mark("publish.previousEntries")
        let entries = collectionNeeded ? Parallel.map(Array(published.indices)) { index -> ArraySlice<UInt8> in
            // Read in place: most releases are not encoded again, and copying each would retain every field.
            let previous = reusableEntries[index] ? previousEntries[published[index].id.xmlAttributeEscaped] : nil
            return previous ?? ArraySlice(CanonicalXML.collectionEntryBytes(published[index]))
        } : []
        trace.mark("publish.entries")
        let collection = collectionNeeded ? CanonicalXML.collectionParts(entries: entries) : []
        // Its 10 MB digested while the pages are made, not by the switch after them.
        let collectionDigest = collectionNeeded ? Background { ContentDigest.hex(parts: collection) } : nil
        trace.mark("publish.collection")

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
            var groupTrace = PhaseTrace()
            return group.map { index in
                defer { groupTrace.mark("publish.transform \(outputs[index].path)") }
                let output = outputs[index]
                do throws(UraError) {
                    if parsed == nil, let release = output.release {
                        parsed = try ParsedDocument(CanonicalXML.documentBytes(for: published[release]),
                                                    name: "xml/\(published[release].id).xml", canonical: true)
                    } else if parsed == nil {
                        let bytes = output.view == .full
                            ? Array(collection.joined())
                            : Self.collectionDocument(output.view, published, archive: keys.archive, facts: keys.facts)
                        parsed = try ParsedDocument(bytes, name: Self.collectionPath, canonical: true)
                    }
                    guard let parsed else { return .failure(UraError(.internal, "the document was not parsed")) }
                    return .success(try output.stylesheet.apply(to: parsed, parameterPairs: output.parameters.pairs))
                } catch {
                    return .failure(error)
                }
            }
        }
        trace.mark("publish.transforms \(groups.count)")
        var made = [[UInt8]?](repeating: nil, count: outputs.count)
        var failures: [Int: UraError] = [:]
        for (group, results) in zip(groups, groupResults) {
            for (index, result) in zip(group, results) {
                switch result {
                case .success(let bytes): made[index] = bytes
                case .failure(let error): failures[index] = error
                }
            }
        }
        // The first failure in plan order is the one reported.
        if let first = failures.keys.min(), let error = failures[first] { throw error }
        // Per-release canonical documents are the stylesheets' input, not pages: only the
        // collection document is published (xml/releases.xml), which keeps the site to the files a
        // reader or the print shop asks for.
        var collectionFile = SiteFile(path: Self.collectionPath, parts: collection.isEmpty ? [[]] : collection,
                                      inputKey: collectionKey, reused: collectionReuse)
        collectionFile.digest = collectionDigest?.wait().outcome.get()
        // In the site's order: the outputs in `order`, the collection document where its path falls.
        var files: [SiteFile] = []
        files.reserveCapacity(outputs.count + 1)
        for index in order {
            if let bytes = made[index] {
                files.append(SiteFile(path: outputPaths[index], bytes: bytes, rendersPDF: outputs[index].rendersPDF,
                                      inputKey: outputKeys[index]))
            } else {
                files.append(SiteFile(path: outputPaths[index], bytes: [], rendersPDF: outputs[index].rendersPDF,
                                      inputKey: outputKeys[index], reused: outputReuse[index]))
            }
        }
        files.insert(collectionFile, at: files.firstIndex { OutputPath.precedes(Self.collectionPath, $0.path) } ?? files.endIndex)
        trace.mark("publish.files")
        return files
    }

    /// The output (a position in `paths`) whose path an output before it in plan order, or the
    /// collection document, already writes: the first in plan order, as a set filled in that
    /// order finds it; nil when every path is its own. `order` is the positions sorted by path.
    static func firstClash(_ paths: [String], order: [Int]) -> Int? {
        var first: Int?
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, paths[order[end]] == paths[order[start]] { end += 1 }
            // Within a run of equal paths, the second in plan order clashes (the first, when the
            // path is the collection document's).
            let run = order[start..<end].sorted()
            let clash = paths[order[start]] == collectionPath ? run.first : run.dropFirst().first
            if let clash, first.map({ clash < $0 }) ?? true { first = clash }
            start = end
        }
        return first
    }

    /// The collection document a collection output of `view` reads (not the full one, which
    /// ``build(_:reusing:)`` assembles from reusable entries): the archive list, then the view's
    /// releases. `archive` is ``CanonicalXML/archive(_:)`` of `published`.
    static func collectionDocument(_ view: CollectionView, _ published: [PressRelease], archive: String,
                                   facts: CollectionView.Facts) -> [UInt8] {
        CanonicalXML.collectionBytes(entries: view.releases(published, facts).map { CanonicalXML.collectionEntryBytes($0, summary: view.summary) },
                                     archive: archive)
    }

    /// The entries of the previous generation's collection document, when its bytes are still
    /// those its manifest records.
    public static func previousCollectionEntries(_ previous: SiteSwitch.Generation?)
        -> [String: ArraySlice<UInt8>] {
        guard let previous, let entry = previous.entry(at: collectionPath),
              let bytes = FileBytes.read(previous.folder + "/" + collectionPath) else { return [:] }
        guard SiteSwitch.digest(bytes) == entry.digest else { return [:] }
        return CanonicalXML.collectionEntries(in: bytes)
    }

    /// The build date of a site for `releases` (seconds since 1970): the configured one, else
    /// ``contentDate(_:)`` of the published releases.
    public func buildSeconds(_ releases: [PressRelease]) -> Int {
        options.buildDate ?? Self.contentDate(releases, approvedOnly: true)
    }

    /// The newest approval time or release date of `releases` (seconds since 1970; 0 for none):
    /// the build date when none is configured, so output never depends on the wall clock.
    public static func contentDate(_ releases: [PressRelease]) -> Int {
        contentDate(releases, approvedOnly: false)
    }

    /// ``contentDate(_:)`` of `releases`, or of their approved ones. Read in place, by position
    /// (a `for release in` loop copies every release).
    static func contentDate(_ releases: [PressRelease], approvedOnly: Bool) -> Int {
        var newest = 0
        for index in releases.indices where !approvedOnly || releases[index].status == .approved {
            if let date = releases[index].dateline.date,
               let seconds = epochSeconds(year: date.year, month: date.month, day: date.day) {
                newest = max(newest, seconds)
            }
            if let at = releases[index].provenance.approvedAt, let seconds = parseISO8601(at) { newest = max(newest, seconds) }
        }
        return newest
    }

    /// `2026-11-23T18:05:00Z` (or with fractional seconds, or a `+hh:mm` / `+hhmm` offset) as
    /// seconds since 1970; nil for anything else. Read byte by byte: every build reads the
    /// approval time of every release, and a regular expression cost more than the rest of
    /// planning a site.
    static func parseISO8601(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { index < bytes.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) }
        func number(at start: Int, digits: Int) -> Int? {
            guard (start..<start + digits).allSatisfy(isDigit) else { return nil }
            return bytes[start..<start + digits].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        // Bytes, not `Character`s: a build parses every published release's approval time.
        func byte(_ index: Int, is character: Unicode.Scalar) -> Bool { index < bytes.count && bytes[index] == UInt8(ascii: character) }
        guard let year = number(at: 0, digits: 4), byte(4, is: "-"), let month = number(at: 5, digits: 2), byte(7, is: "-"),
              let day = number(at: 8, digits: 2), byte(10, is: "T"), let hour = number(at: 11, digits: 2), byte(13, is: ":"),
              let minute = number(at: 14, digits: 2), byte(16, is: ":"), let second = number(at: 17, digits: 2) else { return nil }
        var cursor = 19
        if byte(cursor, is: ".") {
            cursor += 1
            guard isDigit(cursor) else { return nil }
            while isDigit(cursor) { cursor += 1 }
        }
        var offset = 0
        if byte(cursor, is: "Z") {
            cursor += 1
        } else if byte(cursor, is: "+") || byte(cursor, is: "-") {
            let sign = byte(cursor, is: "-") ? -1 : 1
            guard let hours = number(at: cursor + 1, digits: 2) else { return nil }
            cursor += 3
            if byte(cursor, is: ":") { cursor += 1 }
            guard let minutes = number(at: cursor, digits: 2) else { return nil }
            cursor += 2
            offset = sign * (hours * 3600 + minutes * 60)
        } else {
            return nil
        }
        guard cursor == bytes.count, let midnight = epochSeconds(year: year, month: month, day: day) else { return nil }
        return midnight + hour * 3600 + minute * 60 + second - offset
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
