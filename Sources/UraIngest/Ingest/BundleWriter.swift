import Foundation
import UraCore

/// Writes ingested releases into a corpus, one bundle each, never half a bundle and never one
/// twice.
///
/// A release whose bundle already exists (same id, or a bundle whose first paragraph in some
/// language is the release's) is left untouched and reported, so re-ingesting a page changes
/// nothing and a bundle edited by hand (status, Albanian title) is never overwritten.
/// A new bundle is written into a hidden staging folder inside the corpus and renamed into place
/// in one step, so a reader sees either no bundle or all of it.
public struct BundleWriter {
    /// What happened to one release.
    public enum Outcome: Sendable, Equatable {
        /// A new bundle was written.
        case created(id: String)
        /// The release is already in the corpus as bundle `id`; nothing was written.
        case exists(id: String)
    }

    public let corpus: Corpus

    public init(corpus: Corpus) {
        self.corpus = corpus
    }

    /// Writes the releases of `result` that the corpus does not have yet.
    public func write(_ result: IngestResult) throws(UraError) -> [Outcome] {
        try FileSystem.createDirectory(corpus.directory)
        let existing = try existingOpenings()
        var outcomes: [Outcome] = []
        for ingested in result.releases {
            let release = ingested.release
            if FileManager.default.fileExists(atPath: corpus.bundlePath(release.id)) {
                outcomes.append(.exists(id: release.id))
            } else if let match = release.texts.values.compactMap({ $0.paragraphs.first.flatMap { existing[Self.key($0)] } }).first {
                outcomes.append(.exists(id: match))
            } else {
                try writeBundle(release)
                outcomes.append(.created(id: release.id))
            }
        }
        return outcomes
    }

    /// The first paragraph of every language of every readable bundle, keyed for comparison.
    private func existingOpenings() throws(UraError) -> [String: String] {
        var openings: [String: String] = [:]
        for id in try corpus.releaseIDs() {
            // A bundle that does not load is still matched by its id; `ura build` reports it.
            guard let release = try? corpus.load(id) else { continue }
            for text in release.texts.values {
                if let first = text.paragraphs.first { openings[Self.key(first)] = id }
            }
        }
        return openings
    }

    /// Paragraph text compared without regard to white space (a hand-made bundle may have kept
    /// a no-break space the ingester turns into a space).
    static func key(_ paragraph: String) -> String {
        paragraph.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    private func writeBundle(_ release: PressRelease) throws(UraError) {
        let staging = corpus.directory + "/.ingest-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        defer { try? FileManager.default.removeItem(atPath: staging) }
        try Corpus(directory: staging).write(release)
        guard rename(staging + "/" + release.id, corpus.bundlePath(release.id)) == 0 else {
            let reason = String(cString: strerror(errno))
            throw UraError(.input, "cannot move the new bundle into place: \(reason)", file: corpus.bundlePath(release.id))
        }
    }
}

/// Small file-system helpers with Ura's errors.
enum FileSystem {
    static func createDirectory(_ path: String) throws(UraError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw UraError(.input, "cannot create the folder: \(error.localizedDescription)", file: path)
        }
    }
}
