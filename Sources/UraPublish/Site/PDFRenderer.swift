import Foundation
import UraCore

/// Renders XSL-FO files to PDF with Apache FOP (`fop`, a Java program), one process per file.
public struct PDFRenderer: Sendable {
    /// The `fop` executable.
    public let fop: String

    /// Finds `fop` (the given path, or on `PATH`).
    /// - Throws: ``UraError`` saying how to install it when it is missing.
    public init(fop path: String? = nil) throws(UraError) {
        if let path {
            guard FileManager.default.isExecutableFile(atPath: path) else {
                throw UraError(.input, "fop not found or not executable", file: path)
            }
            fop = path
            return
        }
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        guard let found = directories.map({ "\($0)/fop" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw UraError(.input, "--pdf needs Apache FOP, which is not installed (Debian: apt-get install fop)")
        }
        fop = found
    }

    /// The PDF's path for the XSL-FO file at `path` (`print/x.fo` → `print/x.pdf`).
    public static func pdfPath(for path: String) -> String {
        (path as NSString).deletingPathExtension + ".pdf"
    }

    /// Renders `folder/path` (XSL-FO) to the same path with `.pdf`, through a temporary file
    /// renamed into place. `buildDate` (seconds since 1970) becomes the PDF's creation date and
    /// document id through `SOURCE_DATE_EPOCH`, which FOP (2.8) honours: the same FO gives the
    /// same PDF bytes.
    public func render(_ path: String, in folder: String, buildDate: Int) throws(UraError) {
        let source = folder + "/" + path
        let target = folder + "/" + Self.pdfPath(for: path)
        let directory = (target as NSString).deletingLastPathComponent
        let temporary = directory + "/.\((target as NSString).lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fop)
        process.arguments = ["-q", "-fo", source, "-pdf", temporary]
        var environment = ProcessInfo.processInfo.environment
        environment["FOP_OPTS"] = environment["FOP_OPTS"] ?? "-Djava.awt.headless=true"
        environment["SOURCE_DATE_EPOCH"] = String(buildDate)
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        do {
            try process.run()
        } catch {
            throw UraError(.input, "cannot run fop: \(error.localizedDescription)", file: fop)
        }
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: temporary) else {
            try? FileManager.default.removeItem(atPath: temporary)
            let reason = output.split(separator: "\n").first { $0.contains("SEVERE") || $0.contains("ERROR") || $0.contains("Exception") }
            throw UraError(.input, "fop could not render it (exit \(process.terminationStatus))\(reason.map { ": \($0)" } ?? "")", file: path)
        }
        guard rename(temporary, target) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw UraError(.input, "cannot move the PDF into place: \(String(cString: strerror(errno)))", file: target)
        }
    }
}
