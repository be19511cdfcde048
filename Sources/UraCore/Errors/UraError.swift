/// A user-facing failure: what went wrong, where (file and line or byte offset), and the exit
/// code the command line should return.
///
/// Rendered on one line, compiler style, so editors and scripts can jump to it:
/// `corpus/2018-11-05-roundtable/index.sq.md:3: front matter: 'date' is not a date ('5 Nov')`.
public struct UraError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The broad class of failure; decides the exit code.
    public enum Kind: Sendable, Equatable {
        /// Input that cannot be read or used (exit 1).
        case input
        /// A command used wrongly (exit 2).
        case usage
        /// A failure inside Ura or a library it calls (exit 3).
        case `internal`
    }

    public var kind: Kind
    public var message: String
    /// The file the failure is about, as the user named it.
    public var file: String?
    /// 1-based line in `file`, where it applies.
    public var line: Int?
    /// 0-based byte offset in `file`, where a line does not apply (or as well as it).
    public var byteOffset: Int?

    public init(_ kind: Kind = .input, _ message: String, file: String? = nil, line: Int? = nil,
                byteOffset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
    }

    /// The exit code for this failure.
    public var exitCode: Int32 {
        switch kind {
        case .input: 1
        case .usage: 2
        case .internal: 3
        }
    }

    /// The same error, located in `file` if it was not already.
    public func located(in file: String) -> UraError {
        var copy = self
        if copy.file == nil { copy.file = file }
        return copy
    }

    public var description: String {
        var location = ""
        if let file {
            location = file
            if let line { location += ":\(line)" }
            if let byteOffset { location += " (byte \(byteOffset))" }
            location += ": "
        }
        return location + message.replacingNewlines()
    }
}

extension String {
    /// The string on one line: newlines become spaces, so every message stays one line.
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
