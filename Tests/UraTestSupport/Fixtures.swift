import Foundation

/// Where the test data lives: the package's own corpus and the shared seeds and align-dev set
/// beside the repository (`../shared`, as in CI's fresh clone).
public enum Fixtures {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `../shared` next to the repository.
    public static var shared: String { packageRoot + "/../shared" }
    public static var seeds: String { shared + "/seeds" }
    public static var alignDev: String { shared + "/data/align-dev" }
    public static var alignDevMore: String { shared + "/data/align-dev-more" }
    public static var validators: String { shared + "/tools/validate" }
    public static var corpus: String { packageRoot + "/corpus" }

    /// The contents of a file as UTF-8 text.
    public static func text(_ path: String) throws -> String {
        try String(contentsOfFile: path, encoding: .utf8)
    }

    /// A fresh temporary folder, removed by the caller or at reboot.
    public static func temporaryDirectory(_ name: String = "ura-test") throws -> String {
        let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The align-dev document names (`000_bbc_381790`, ...), sorted.
    public static func alignDevDocuments(_ directory: String = alignDev) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasSuffix(".gold.json") }
            .map { String($0.dropLast(".gold.json".count)) }
            .sorted()
    }
}

/// The result of running a program.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let stdout: String
    public let stderr: String
}

/// Runs programs the way a user would, capturing output and exit code.
public enum Run {
    /// The built `ura` binary next to the test bundle (SwiftPM builds every product before
    /// testing), or in `.build/debug`.
    public static var uraPath: String {
        let besideTests = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("ura").path
        if FileManager.default.isExecutableFile(atPath: besideTests) { return besideTests }
        return Fixtures.packageRoot + "/.build/debug/ura"
    }

    /// Runs `ura` with `arguments`, optionally feeding `input` on standard input.
    public static func ura(_ arguments: [String], input: Data? = nil, directory: String? = nil) throws -> ProcessResult {
        try program(uraPath, arguments, input: input, directory: directory)
    }

    /// Runs the program at `path` with `arguments`.
    public static func program(_ path: String, _ arguments: [String], input: Data? = nil,
                               directory: String? = nil, environment: [String: String]? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let outPipe = Pipe(), errPipe = Pipe(), inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        // Read both pipes concurrently so a large output cannot dead-lock the child.
        nonisolated(unsafe) var outData = Data(), errData = Data()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { outData = outPipe.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = errPipe.fileHandleForReading.readDataToEndOfFile() }
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }
}
