import Foundation
import Testing
import UraCore
@testable import UraPipeline

/// ``ChildProcess/exchange(_:_:input:timeout:)``: how plugins are run.
@Suite struct ChildProcessTests {
    /// A megabyte each way: more than a pipe holds, so writing and reading must interleave.
    @Test func copiesALargeInputBack() throws {
        let input = (0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let outcome = try ChildProcess.exchange("/bin/cat", [], input: input, timeout: 60)
        #expect(outcome.ending == .exited(0))
        #expect(outcome.stdout == input)
        #expect(outcome.stderr.isEmpty)
    }

    @Test func reportsExitStatusSignalAndStandardError() throws {
        let failed = try ChildProcess.exchange("/bin/sh", ["-c", "cat >/dev/null; echo 'no such term' >&2; exit 4"],
                                               input: Array("{}".utf8), timeout: 60)
        #expect(failed.ending == .exited(4))
        #expect(String(decoding: failed.stderr, as: UTF8.self) == "no such term\n")
        let killed = try ChildProcess.exchange("/bin/sh", ["-c", "kill -9 $$"], input: [], timeout: 60)
        #expect(killed.ending == .signalled(9))
        // A program that stops reading early: the rest of the input is dropped, not an error of Ura's.
        let early = try ChildProcess.exchange("/usr/bin/head", ["-c", "3"], input: Array(repeating: 65, count: 1_000_000), timeout: 60)
        #expect(early.ending == .exited(0))
        #expect(early.stdout == Array("AAA".utf8))
    }

    @Test func stopsAProgramThatRunsTooLong() throws {
        let outcome = try ChildProcess.exchange("/bin/sleep", ["30"], input: [], timeout: 0.2)
        #expect(outcome.ending == .timedOut)
    }

    /// The child has its standard input, output and error and nothing else of Ura's: with another
    /// plugin's pipe it would keep that plugin's input open.
    @Test func childInheritsOnlyItsOwnPipes() throws {
        let outcome = try ChildProcess.exchange("/bin/sh", ["-c", "ls /proc/self/fd"], input: [], timeout: 60)
        #expect(outcome.ending == .exited(0))
        // ls's own listing also shows the folder it reads (one more descriptor).
        let descriptors = String(decoding: outcome.stdout, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        #expect(descriptors.filter { $0 > 3 }.isEmpty, "\(descriptors)")
        #expect(Array(descriptors.prefix(3)) == [0, 1, 2])
    }

    @Test func aMissingProgramIsAClearError() throws {
        let error = try #require(throws: UraError.self) {
            try ChildProcess.exchange("/nonexistent/plugin", [], input: [], timeout: 60)
        }
        #expect(error.message == "cannot start '/nonexistent/plugin': No such file or directory")
    }
}
