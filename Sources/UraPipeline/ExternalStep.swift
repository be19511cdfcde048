import Foundation
import UraCore

/// A pipeline step that is any executable, the way Pandoc filters work: Ura writes each release
/// as JSON (``PressRelease`` `jsonData()`) to the program's standard input and reads the (possibly
/// changed) release back from its standard output. A non-zero exit, invalid JSON, a changed id or
/// a program that runs longer than `timeout` stops that release with the step's name and the
/// release's id in the message; standard error is passed on in the message.
public enum ExternalStep {
    /// The step for `plugin`. Relative paths in the command are resolved against `directory`.
    public static func make(_ plugin: BuildConfiguration.Plugin, directory: String,
                            timeout: TimeInterval = 120) throws(UraError) -> PipelineStep {
        let command = plugin.command.map { argument in
            (argument.hasPrefix("/") || !FileManager.default.fileExists(atPath: directory + "/" + argument))
                ? argument : directory + "/" + argument
        }
        guard let program = resolve(command[0]) else {
            throw UraError(.usage, "plugin '\(plugin.name)': program '\(command[0])' not found")
        }
        // The plugin's own files (its program and any file argument) decide its results.
        var hasher = SHA256()
        for argument in command {
            hasher.update(field: argument)
            if let data = FileManager.default.contents(atPath: argument == command[0] ? program : argument) {
                hasher.update(data)
            }
        }
        return PipelineStep(name: plugin.name, summary: "Run plugin '\(plugin.name)'", fingerprint: hasher.hexDigest(),
                            body: .perRelease { release, _ in
            release = try run(program: program, arguments: Array(command.dropFirst()), release: release,
                              name: plugin.name, timeout: timeout)
        })
    }

    /// Runs the program on one release.
    static func run(program: String, arguments: [String], release: PressRelease, name: String,
                    timeout: TimeInterval) throws(UraError) -> PressRelease {
        let input = try release.jsonData()
        let outcome: ChildProcess.Exchange
        do {
            outcome = try ChildProcess.exchange(program, arguments, input: Array(input), timeout: timeout)
        } catch {
            throw UraError(.input, "plugin '\(name)' could not start: \(error.message)")
        }
        let message = String(decoding: outcome.stderr, as: UTF8.self).split(separator: "\n").last.map { ": \($0)" } ?? ""
        switch outcome.ending {
        case .timedOut:
            throw UraError(.input, "plugin '\(name)' ran longer than \(Int(timeout)) s and was stopped")
        case .signalled(let signal):
            throw UraError(.input, "plugin '\(name)' was killed by signal \(signal)\(message)")
        case .exited(let status) where status != 0:
            throw UraError(.input, "plugin '\(name)' exited with \(status)\(message)")
        case .exited:
            break
        }
        let output = Data(outcome.stdout)
        let changed: PressRelease
        do {
            changed = try PressRelease.fromJSON(output, source: "plugin '\(name)' output")
        } catch {
            throw UraError(.input, "plugin '\(name)' wrote invalid release JSON: \(error.message)")
        }
        guard changed.id == release.id else {
            throw UraError(.input, "plugin '\(name)' changed the release id to '\(changed.id)'")
        }
        return changed
    }

    /// The program's path: as given when it contains a slash, else found on PATH.
    static func resolve(_ program: String) -> String? {
        if program.contains("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
