import Foundation
import UraCore

/// `ura publish` as a library call: build the site of the approved releases in memory, write it
/// to a staging folder, render PDFs when asked, and switch it in atomically.
public enum Publisher {
    /// What a publish did.
    public struct Report: Sendable, Equatable {
        /// The releases published, by id, newest first.
        public var published: [String]
        /// Published releases that lack a language (published in the other one only).
        public var singleLanguage: [String: Language]
        /// Paths written below the site root, sorted.
        public var files: [String]
        /// The generation folder the site link now points to.
        public var generation: String

        /// Lines for a terminal.
        public var lines: [String] {
            var lines = ["published \(counted(published.count, "release")): \(files.count) files in \(generation)"]
            for id in singleLanguage.keys.sorted() {
                lines.append("  \(id): \(singleLanguage[id]?.name ?? "") only (no \(singleLanguage[id]?.other.name ?? "") text)")
            }
            return lines
        }
    }

    /// What a publish reads before it builds anything, started on other threads as soon as it
    /// is made: the stylesheets compiled, the current generation's manifest, its collection
    /// document's entries and the manifest of the generation to update in place. A build makes
    /// it with its steps, so that all this is read while the corpus loads.
    public final class Prefetch: Sendable {
        let options: PublishOptions
        let builder: Background<SiteBuilder, UraError>
        let current: Background<SiteSwitch.Generation?, Never>
        let previousEntries: Background<[String: ArraySlice<UInt8>], Never>
        let base: Background<SiteSwitch.BaseGeneration?, Never>

        /// Starts reading for a publish with `options`.
        public init(options: PublishOptions) {
            self.options = options
            builder = Background { () throws(UraError) in try SiteBuilder(options: options) }
            let current = Background { SiteSwitch.current(options.outputDirectory) }
            self.current = current
            previousEntries = Background { SiteBuilder.previousCollectionEntries(current.wait().outcome.get()) }
            base = Background { SiteSwitch.baseGeneration(of: options.outputDirectory) }
        }
    }

    /// Publishes the approved releases of `releases` with `options`. `digests` may hold
    /// releases' ``ReleaseBinary/digest(_:)`` by id (a build has them), saving their encoding.
    /// - Throws: ``UraError``; the site is then unchanged.
    public static func publish(_ releases: [PressRelease], options: PublishOptions,
                               digests: [String: String] = [:]) throws(UraError) -> Report {
        try publish(releases, prefetched: Prefetch(options: options), digests: digests)
    }

    /// Publishes the approved releases of `releases` with what `prefetch` read (and its options).
    /// - Throws: ``UraError``; the site is then unchanged.
    public static func publish(_ releases: [PressRelease], prefetched prefetch: Prefetch,
                               digests: [String: String] = [:]) throws(UraError) -> Report {
        var trace = PhaseTrace()
        let options = prefetch.options
        let builder = try prefetch.builder.value()
        trace.mark("publish.builder")
        // Generations no reader can be sent to any more go while the new site is built.
        let removal = SiteSwitch.removeStaleGenerations(of: builder.options.outputDirectory)
        defer { removal.wait() }
        let current = prefetch.current.value()
        trace.mark("publish.current")
        let files = try builder.build(releases, reusing: current, digests: digests, previousEntries: prefetch.previousEntries)
        let renderer = options.renderPDF ? try PDFRenderer(fop: options.fopPath) : nil
        let generation = try SiteSwitch.publish(
            files, to: builder.options.outputDirectory, variant: renderer == nil ? "" : "pdf", currentManifest: current,
            baseGeneration: prefetch.base.value(), derivedSuffixes: [".fo": ".pdf"], keepsDerivedFiles: renderer != nil,
            retiring: removal
        ) { folder, linked, previous throws(UraError) in
            guard let renderer else { return }
            let buildDate = builder.buildSeconds(releases)
            for file in files where file.rendersPDF {
                // An unchanged XSL-FO file gives the same PDF (FOP gets the same build date): keep the
                // one already there (a generation updated in place) or link the previous one.
                let pdf = PDFRenderer.pdfPath(for: file.path)
                if linked.contains(file.path) {
                    if FileManager.default.fileExists(atPath: folder + "/" + pdf) { continue }
                    if let previous, link(previous + "/" + pdf, folder + "/" + pdf) == 0 { continue }
                }
                try renderer.render(file.path, in: folder, buildDate: buildDate)
            }
        }
        trace.mark("publish.switch")
        // The published releases by position (not copied once more), newest first.
        let published = SiteBuilder.publishedPositions(releases)
        var single: [String: Language] = [:]
        for index in published where releases[index].texts.count == 1 {
            single[releases[index].id] = releases[index].languages[0]
        }
        var paths = files.map(\.path)
        if renderer != nil {
            paths += files.filter(\.rendersPDF).map { PDFRenderer.pdfPath(for: $0.path) }
        }
        // The site's files come sorted by their bytes, which is the strings' order for the paths a
        // site has: sorted again only when that is not so (thousands of paths).
        let sorted = paths.indices.dropFirst().allSatisfy { paths[$0 - 1] < paths[$0] } ? paths : paths.sorted()
        return Report(published: published.map { releases[$0].id }, singleLanguage: single, files: sorted, generation: generation)
    }
}
