internal import UraICUShim

/// Unicode normalisation through ICU.
public enum Normalizer {
    /// The normalisation forms Ura uses.
    public enum Form: Int32, Sendable {
        case nfc = 0, nfd = 1, nfkc = 2
    }

    /// `text` in normalisation `form` (NFC by default). Already-normalised text is returned as is.
    /// - Complexity: O(n).
    public static func normalize(_ text: String, to form: Form = .nfc) throws(ICUError) -> String {
        let source = Array(text.utf16)
        if source.isEmpty { return text }
        var error: Int32 = 0
        let isNormalized = source.withUnsafeBufferPointer {
            ura_is_normalized(form.rawValue, $0.baseAddress, Int32($0.count), &error)
        }
        if error > 0 { throw ICUError(code: error, operation: "check normalisation") }
        if isNormalized == 1 { return text }
        var capacity = source.count + source.count / 2 + 16
        while true {
            var output = [UInt16](repeating: 0, count: capacity)
            let needed = source.withUnsafeBufferPointer { input in
                output.withUnsafeMutableBufferPointer { out in
                    ura_normalize(form.rawValue, input.baseAddress, Int32(input.count),
                                  out.baseAddress, Int32(out.count), &error)
                }
            }
            if error == bufferOverflow {
                capacity = Int(needed) + 1
                error = 0
                continue
            }
            if error > 0 { throw ICUError(code: error, operation: "normalise text") }
            return String(decoding: output[0..<Int(needed)], as: UTF16.self)
        }
    }

    /// ICU's `U_BUFFER_OVERFLOW_ERROR`.
    private static let bufferOverflow: Int32 = 15
}
