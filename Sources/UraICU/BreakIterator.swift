internal import UraICUShim

/// An ICU break iterator for one locale and kind, reusable across texts.
///
/// Not thread-safe: give each task its own iterator. Offsets are UTF-16 code-unit offsets of the
/// text last set; ``boundaries(in:)`` returns them all at once.
public final class BreakIterator {
    /// The kinds of boundary ICU finds.
    public enum Kind: Int32, Sendable {
        case character = 0, word = 1, line = 2, sentence = 3
    }

    /// A boundary and the rule status ICU attached to the segment that ends there.
    public struct Boundary: Sendable, Equatable {
        /// UTF-16 offset of the boundary.
        public let offset: Int
        /// ICU's rule status (word kind: 0 none, 100–199 number, 200–299 letter, 300+ kana/ideo).
        public let status: Int32
    }

    private let handle: OpaquePointer
    public let kind: Kind
    public let locale: String

    /// Opens an iterator for `locale` ("en", "sq"; ICU falls back to root rules when it has no
    /// specific data, as for Albanian sentences).
    public init(_ kind: Kind, locale: String) throws(ICUError) {
        var error: Int32 = 0
        guard let handle = ura_breaker_open(kind.rawValue, locale, &error) else {
            throw ICUError(code: error, operation: "open a \(kind) break iterator for '\(locale)'")
        }
        self.handle = handle
        self.kind = kind
        self.locale = locale
    }

    deinit { ura_breaker_close(handle) }

    /// All boundaries of `text` after offset 0, ending with `text.count`.
    /// - Complexity: O(n) in the length of the text.
    public func boundaries(in text: [UInt16]) throws(ICUError) -> [Boundary] {
        var error: Int32 = 0
        text.withUnsafeBufferPointer { buffer in
            ura_breaker_set_text(handle, buffer.baseAddress, Int32(buffer.count), &error)
        }
        if error > 0 { throw ICUError(code: error, operation: "set the text of a break iterator") }
        var result: [Boundary] = []
        while true {
            let offset = ura_breaker_next(handle)
            if offset < 0 { break }
            result.append(Boundary(offset: Int(offset), status: ura_breaker_rule_status(handle)))
        }
        return result
    }

    /// Splits `text` into the segments between boundaries, as strings.
    public func segments(of text: String) throws(ICUError) -> [String] {
        let units = Array(text.utf16)
        var start = 0
        var result: [String] = []
        for boundary in try boundaries(in: units) {
            result.append(String(decoding: units[start..<boundary.offset], as: UTF16.self))
            start = boundary.offset
        }
        return result
    }
}
