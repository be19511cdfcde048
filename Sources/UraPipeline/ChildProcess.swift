import Foundation
import UraCore

/// Runs a program to completion and measures it: exit status, output, wall time and the child's
/// own peak memory (`wait4`'s `ru_maxrss`), for the benchmark's side-by-side runs.
public enum ChildProcess {
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var seconds: Double
        /// Peak resident memory of the child, in MiB.
        public var peakMemoryMiB: Double
    }

    /// Runs `program` (found on PATH when it has no slash) with `arguments`; paths in the
    /// arguments should be absolute, the child runs in this process's folder.
    public static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        let outPath = NSTemporaryDirectory() + "ura-child-\(UUID().uuidString).out"
        let errPath = outPath + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)

        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            env.forEach { free($0) }
        }
        var pid: pid_t = 0
        let start = ContinuousClock.now
        let spawned = posix_spawnp(&pid, program, &actions, nil, argv, env)
        guard spawned == 0 else {
            throw NSError(domain: "ura", code: Int(spawned), userInfo: [NSLocalizedDescriptionKey: "cannot run '\(program)': \(String(cString: strerror(spawned)))"])
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = ContinuousClock.now - start
        let exitCode = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: exitCode,
                       stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
                       stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                       seconds: elapsed.inSeconds,
                       peakMemoryMiB: Double(usage.ru_maxrss) / 1024)
    }
}
