import Foundation
import UraCore
import UraPublish
import UraXML

/// XSLT throughput: Ura's in-process transforms (each stylesheet compiled once, reused) against
/// `xsltproc` run once per document on the same canonical XML files with the same parameters, in
/// the same run. Every release of the corpus is approved in memory, so all of it is published.
struct PublishEval {
    let corpus: String
    let stylesheets: String
    /// How many times the whole set of transforms runs in process.
    let rounds: Int

    func run() throws {
        let releases = try Corpus(directory: corpus).loadAll().map {
            try Approval.approve($0, by: "ura-eval", at: "2026-01-01T00:00:00Z", gate: Approval.noCheck).release
        }
        let compileStart = DispatchTime.now()
        let builder = try SiteBuilder(options: PublishOptions(stylesheetDirectory: stylesheets, buildDate: 0))
        let compileSeconds = seconds(since: compileStart)
        let (documents, transforms) = builder.plan(releases)
        print("publish: \(releases.count) releases, \(transforms.count) transforms per site "
              + "(\(builder.formats.count) stylesheets compiled in \(String(format: "%.1f", compileSeconds * 1000)) ms)")

        let inProcessStart = DispatchTime.now()
        var bytes = 0
        for _ in 0..<rounds {
            for transform in transforms { bytes += try transform.run().bytes.count }
        }
        let inProcess = seconds(since: inProcessStart)
        let inProcessRate = Double(rounds * transforms.count) / inProcess
        print(String(format: "  in process: %d transforms in %.2f s = %.0f transforms/s (%.1f MB out)",
                     rounds * transforms.count, inProcess, inProcessRate, Double(bytes) / 1e6))

        guard let xsltproc = ["/usr/bin/xsltproc", "/usr/local/bin/xsltproc"].first(where: FileManager.default.isExecutableFile) else {
            print("  xsltproc: not installed (apt-get install xsltproc); no comparison")
            return
        }
        // The same documents as files, as a press office would hand them to xsltproc.
        let folder = NSTemporaryDirectory() + "ura-eval-publish-\(ProcessInfo.processInfo.processIdentifier)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for document in documents {
            let path = folder + "/" + document.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(document.bytes).write(to: URL(fileURLWithPath: path))
        }
        // One shell script runs every xsltproc, so the timing is xsltproc's own start-up and work,
        // not Foundation's process spawning (which costs several times more per process).
        let processRounds = max(1, min(rounds, 5))
        var script = "set -e\n"
        for transform in transforms {
            var arguments = [xsltproc, "--nonet", "--novalid", "-o", "/dev/null"]
            for key in transform.parameters.keys.sorted() {
                arguments += ["--stringparam", key, transform.parameters[key] ?? ""]
            }
            arguments += [transform.stylesheet.path, folder + "/" + transform.documentName]
            script += arguments.map(shellQuoted).joined(separator: " ") + "\n"
        }
        let scriptPath = folder + "/run.sh"
        try String(repeating: script, count: processRounds).write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let processStart = DispatchTime.now()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [scriptPath]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw UraError(.internal, "xsltproc failed (exit \(process.terminationStatus))", file: scriptPath)
        }
        let perProcess = seconds(since: processStart)
        let processRate = Double(processRounds * transforms.count) / perProcess
        print(String(format: "  xsltproc per document: %d transforms in %.2f s = %.0f transforms/s",
                     processRounds * transforms.count, perProcess, processRate))
        print(String(format: "  in process is %.1fx faster", inProcessRate / processRate))
    }

    private func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private func seconds(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
}
