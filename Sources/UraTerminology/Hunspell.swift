import Foundation
internal import UraHunspellShim

/// A Hunspell dictionary that stems word forms (`qeverisjen` → `qeverisje`).
///
/// Hunspell handles are not thread-safe, so every call is serialised; results are cached by word
/// form in ``Morphology``, which is where the time goes.
final class Hunspell: @unchecked Sendable {
    private let handle: OpaquePointer
    private let latin1: Bool
    private let lock = NSLock()

    /// Where Debian's `myspell-sq` and `hunspell-en-us` put their dictionaries.
    static let directory = "/usr/share/hunspell"

    /// Opens `<directory>/<name>.aff` and `.dic`; nil when the dictionary is not installed.
    init?(name: String, directory: String = Hunspell.directory) {
        guard let handle = ura_hunspell_open("\(directory)/\(name).aff", "\(directory)/\(name).dic") else { return nil }
        self.handle = handle
        let encoding = String(cString: ura_hunspell_encoding(handle)).uppercased()
        latin1 = encoding.hasPrefix("ISO8859-1") || encoding.hasPrefix("ISO-8859-1")
    }

    deinit { ura_hunspell_close(handle) }

    /// The stems Hunspell gives for `word` (lowercase), in the order it gives them.
    func stems(_ word: String) -> [String] {
        guard let encoded = encode(word) else { return [] }
        var buffer = [CChar](repeating: 0, count: 4096)
        let count: Int32 = lock.withLock {
            encoded.withUnsafeBufferPointer { word in
                buffer.withUnsafeMutableBufferPointer { out in
                    ura_hunspell_stems(handle, word.baseAddress, out.baseAddress, out.count)
                }
            }
        }
        guard count > 0 else { return [] }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return bytes.split(separator: UInt8(ascii: "\n")).map(decode)
    }

    /// The word in the dictionary's encoding, NUL-terminated; nil when it cannot be encoded.
    private func encode(_ word: String) -> [CChar]? {
        var bytes: [CChar] = []
        if latin1 {
            for scalar in word.unicodeScalars {
                guard scalar.value < 0x100, scalar.value != 0 else { return nil }
                bytes.append(CChar(bitPattern: UInt8(scalar.value)))
            }
        } else {
            bytes = word.utf8.map { CChar(bitPattern: $0) }
        }
        bytes.append(0)
        return bytes
    }

    private func decode(_ bytes: ArraySlice<UInt8>) -> String {
        if latin1 { return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) })) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
