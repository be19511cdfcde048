import ArgumentParser
import Foundation
import UraCore

/// Runs `body`, turning Ura's errors into one line on standard error and their exit code.
/// Every command goes through here, so no failure reaches the user as a crash or a stack trace.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as UraError {
        printError(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as PipelineError {
        printError(error.description)
        throw ExitCode(error.exitCode)
    } catch let error as ExitCode {
        throw error
    } catch let error as ValidationError {
        throw error
    } catch {
        printError("\(error)")
        throw ExitCode(3)
    }
}

/// The async form of ``reportingErrors(_:)``.
func reportingErrorsAsync(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch {
        try reportingErrors { throw error }
    }
}

/// Writes `message` as one line to standard error, prefixed `ura: `.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("ura: \(message)\n".utf8))
}

/// Writes text to standard output in one piece (large outputs are not re-buffered line by line).
func writeOutput(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
