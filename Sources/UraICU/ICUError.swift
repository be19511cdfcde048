internal import UraICUShim

/// A failure reported by ICU, with ICU's own name for it (`U_ILLEGAL_ARGUMENT_ERROR`).
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// ICU's numeric `UErrorCode`.
    public let code: Int32
    /// What Ura was doing when ICU failed.
    public let operation: String

    init(code: Int32, operation: String) {
        self.code = code
        self.operation = operation
    }

    public var description: String {
        let name = ura_icu_error_name(code).map { String(cString: $0) } ?? "error \(code)"
        return "ICU failed to \(operation): \(name)"
    }
}

/// Facts about the linked ICU.
public enum ICU {
    /// The ICU version, e.g. "72.1".
    public static var version: String { String(cString: ura_icu_version()) }
}
