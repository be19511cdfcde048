import Foundation
import UraCore

/// The `ingest` pipeline step: pages waiting in an inbox folder become draft bundles of the
/// context's corpus, and the new releases join the context for the steps after it.
///
/// Option `inbox`: the folder of pages (default: `inbox` beside the corpus folder). Every
/// visible regular file in it is a page; they are ingested together, so navigation is learned
/// across them. Pages are not moved or deleted: re-running the step finds their bundles and
/// leaves them untouched.
public enum IngestStep {
    public static let name = "ingest"

    /// The step, built from its options.
    @Sendable public static func make(_ options: [String: String]) throws -> PipelineStep {
        let inboxOption = options["inbox"]
        return PipelineStep(name: name, summary: "Ingest pages from the inbox", body: .whole { context in
            guard let corpus = context.corpus else {
                throw UraError(.usage, "the ingest step needs a corpus to write into")
            }
            let inbox = inboxOption ?? (URL(fileURLWithPath: corpus.directory).deletingLastPathComponent().path + "/inbox")
            let files = try pages(in: inbox)
            guard !files.isEmpty else {
                context.messages.append("ingest: no pages in '\(inbox)'")
                return
            }
            let result = try Ingester().ingest(files: files)
            let outcomes = try BundleWriter(corpus: corpus).write(result)
            for case .created(let id) in outcomes { context.releases.append(try corpus.load(id)) }
            context.releases.sort { $0.id < $1.id }
            context.messages += IngestSummary(result: result, outcomes: outcomes, corpus: corpus.directory).lines.map { "ingest: " + $0 }
        })
    }

    /// The page files of `inbox`, sorted by name.
    static func pages(in inbox: String) throws(UraError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: inbox, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UraError(.input, "inbox folder not found", file: inbox)
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: inbox)
        } catch {
            throw UraError(.input, "cannot list the inbox: \(error.localizedDescription)", file: inbox)
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { inbox + "/" + $0 }.filter {
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0, isDirectory: &isFolder) && !isFolder.boolValue
        }
    }
}
