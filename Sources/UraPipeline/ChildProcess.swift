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

    /// How a program run by ``exchange(_:_:input:timeout:)`` ended, and what it wrote.
    public struct Exchange: Sendable {
        public enum Ending: Sendable, Equatable {
            /// It exited with this status.
            case exited(Int32)
            /// A signal it did not catch ended it.
            case signalled(Int32)
            /// It ran longer than the timeout and was killed.
            case timedOut
        }

        public var ending: Ending
        public var stdout: [UInt8]
        public var stderr: [UInt8]
    }

    /// Runs `program` (a path) with `arguments` and this process's environment, writes `input`
    /// to its standard input while reading its standard output and error (a program may write
    /// before it has read everything), and kills it after `timeout` seconds.
    ///
    /// The child gets its own pipe ends as 0, 1 and 2 and no other descriptor of this process (a
    /// child holding another plugin's pipe would keep that plugin's input from ending). The pipes
    /// are served on the calling thread with poll(2). With Foundation's `Process` and a reader and
    /// a writer per pipe on Dispatch's pool, two plugins running at once took the pool's threads
    /// and a writer waited a second or more for one: 3 releases through a plugin that only copies
    /// its input took 3.07 s, now 0.12 s.
    public static func exchange(_ program: String, _ arguments: [String], input: [UInt8],
                                timeout: Double) throws(UraError) -> Exchange {
        _ = ignoreBrokenPipes
        var stdin: [Int32] = [-1, -1], stdout: [Int32] = [-1, -1], stderr: [Int32] = [-1, -1]
        defer { for fd in stdin + stdout + stderr where fd >= 0 { close(fd) } }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        // The pipes made close-on-exec and the child started under one lock (Glibc's module has
        // no pipe2): no other exchange starts a program between a pipe's making and its flag.
        let spawned: Int32 = spawning.withLock {
            for index in 0..<3 {
                let made = index == 0 ? pipe(&stdin) : index == 1 ? pipe(&stdout) : pipe(&stderr)
                if made != 0 { return errno }
            }
            for fd in stdin + stdout + stderr { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_adddup2(&actions, stdin[0], 0)
            posix_spawn_file_actions_adddup2(&actions, stdout[1], 1)
            posix_spawn_file_actions_adddup2(&actions, stderr[1], 2)
            // Nothing else of this process's reaches the child (Glibc's module has no addclosefrom_np).
            for fd in openDescriptors() where fd > 2 { posix_spawn_file_actions_addclose(&actions, fd) }
            return posix_spawn(&pid, program, &actions, nil, argv, environ)
        }
        guard spawned == 0 else {
            throw UraError(.input, "cannot start '\(program)': \(String(cString: strerror(spawned)))")
        }
        // The child's ends are the child's now: closed here, each pipe ends when the child's does.
        for fd in [stdin[0], stdout[1], stderr[1]] { close(fd) }
        (stdin[0], stdout[1], stderr[1]) = (-1, -1, -1)

        // One thread, poll(2) over the three pipes (see above).
        for fd in [stdin[1], stdout[0], stderr[0]] { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var written = [UInt8](), errors = [UInt8]()
        var offset = 0
        var chunk = [UInt8](repeating: 0, count: 65_536)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        var timedOut = false
        if input.isEmpty { close(stdin[1]); stdin[1] = -1 }
        while stdin[1] >= 0 || stdout[0] >= 0 || stderr[0] >= 0 {
            let left = deadline - ContinuousClock.now
            if left <= .zero { timedOut = true; break }
            var fds = [pollfd(fd: stdin[1], events: Int16(POLLOUT), revents: 0),
                       pollfd(fd: stdout[0], events: Int16(POLLIN), revents: 0),
                       pollfd(fd: stderr[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 3, Int32(min(left.inSeconds * 1000 + 1, 60_000)))
            if ready < 0, errno != EINTR { break }
            if fds[0].revents != 0 {
                let count = input.withUnsafeBytes { write(stdin[1], $0.baseAddress! + offset, $0.count - offset) }
                if count > 0 { offset += count }
                // All written, or the program stopped reading (EPIPE): it is judged by its exit and output.
                if offset == input.count || (count < 0 && errno != EAGAIN && errno != EINTR) {
                    close(stdin[1])
                    stdin[1] = -1
                }
            }
            for (index, pipe) in [(1, 0), (2, 1)] where fds[index].revents != 0 {
                let fd = pipe == 0 ? stdout[0] : stderr[0]
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    if pipe == 0 { written += chunk[..<count] } else { errors += chunk[..<count] }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    close(fd)
                    if pipe == 0 { stdout[0] = -1 } else { stderr[0] = -1 }
                }
            }
        }
        if timedOut { kill(pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let ending: Exchange.Ending = timedOut ? .timedOut
            : (status & 0x7F) == 0 ? .exited((status >> 8) & 0xFF) : .signalled(status & 0x7F)
        return Exchange(ending: ending, stdout: written, stderr: errors)
    }

    /// The file descriptors open in this process (from /proc/self/fd; empty where there is none).
    private static func openDescriptors() -> [Int32] {
        (DirectoryNames.read("/proc/self/fd") ?? []).compactMap { Int32($0) }
    }

    /// Held while ``exchange(_:_:input:timeout:)`` makes pipes and starts a program.
    private static let spawning = NSLock()

    /// SIGPIPE ignored for the whole process, once: writing to a plugin that has exited must fail
    /// with EPIPE, not end Ura.
    private static let ignoreBrokenPipes: Void = { _ = signal(SIGPIPE, SIG_IGN) }()
}
