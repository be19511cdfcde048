internal import UraICUShim

/// ICU's character-set detection, used to name the encoding of a file that is not UTF-8.
public enum CharsetDetector {
    /// ICU's best guess for `bytes` (e.g. `windows-1250`, `ISO-8859-1`) and its confidence 0–100.
    public static func guess(_ bytes: [UInt8]) -> (name: String, confidence: Int)? {
        var name = [CChar](repeating: 0, count: 64)
        let sample = bytes.prefix(64 * 1024)
        let confidence = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                ura_detect_charset(chars.baseAddress, Int32(chars.count), &name, Int32(name.count))
            }
        }
        guard confidence >= 0 else { return nil }
        let text = name.withUnsafeBufferPointer { buffer in
            String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return (text, Int(confidence))
    }
}
