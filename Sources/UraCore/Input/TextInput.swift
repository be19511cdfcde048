import Foundation
import UraICU

/// Reads text files the way Ura accepts them: UTF-8 (a byte-order mark is dropped), UTF-16 with a
/// byte-order mark, any line ends (CRLF and CR become LF), and NFC-normalised. Anything else is a
/// one-line ``UraError`` naming the file, the line and the byte offset.
public enum TextInput {
    /// The largest file Ura reads: 256 MiB. Press releases are kilobytes; a larger file is a
    /// mistake, and reading it would only exhaust memory.
    public static let maximumBytes = 256 * 1024 * 1024

    /// Reads and decodes the file at `path` (`-` reads standard input).
    /// - Parameter allowEmpty: when false, an empty or blank file is an error.
    public static func read(_ path: String, allowEmpty: Bool = false) throws(UraError) -> String {
        let bytes = try readBytes(path)
        return try decode(bytes, name: path, allowEmpty: allowEmpty)
    }

    /// Reads a file's bytes, refusing directories, unreadable and oversized files.
    public static func readBytes(_ path: String) throws(UraError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            guard data.count <= maximumBytes else {
                throw UraError(.input, "input is larger than \(maximumBytes / 1_048_576) MiB", file: "<stdin>")
            }
            return [UInt8](data)
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw UraError(.input, errno == EACCES ? "cannot read the file (permission denied)" : "no such file", file: path)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw UraError(.input, "is a directory, not a file", file: path) }
        let size = Int(info.st_size)
        guard size <= maximumBytes else {
            throw UraError(.input, "file is \(size / 1_048_576) MiB, larger than the \(maximumBytes / 1_048_576) MiB Ura reads", file: path)
        }
        // A regular file in one read; anything else (a pipe, a device) through Foundation.
        guard let bytes = FileBytes.read(path) ?? FileManager.default.contents(atPath: path).map({ [UInt8]($0) }) else {
            throw UraError(.input, "cannot read the file (permissions?)", file: path)
        }
        return bytes
    }

    /// Decodes `bytes` as described on ``TextInput``; `name` is used in messages.
    public static func decode(_ bytes: [UInt8], name: String, allowEmpty: Bool = false) throws(UraError) -> String {
        var text: String
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            text = try decodeUTF16(bytes, name: name)
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if let nul = body.firstIndex(of: 0) {
                throw UraError(.input, "contains a NUL byte: a binary file, not text", file: name,
                               byteOffset: nul + (body.count == bytes.count ? 0 : 3))
            }
            // The standard library validates fast; the byte-by-byte scan only runs to say where.
            if let valid = String(validating: body, as: UTF8.self) {
                text = valid
            } else if let problem = firstInvalidUTF8(body) {
                let offset = problem + (body.count == bytes.count ? 0 : 3)
                let line = 1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                throw UraError(.input, "not valid UTF-8\(describeEncoding(bytes)); save the file as UTF-8",
                               file: name, line: line, byteOffset: offset)
            } else {
                text = String(decoding: body, as: UTF8.self)
            }
        }
        // (A byte test: String.contains would go through Foundation's slow NSString search.)
        if bytes.contains(0x0D) { text = normalizeLineEnds(text) }
        if !allowEmpty && text.allSatisfy({ $0.isWhitespace }) {
            throw UraError(.input, bytes.isEmpty ? "file is empty" : "file contains only white space", file: name)
        }
        if isTriviallyNFC(text) { return text }
        do {
            return try Normalizer.normalize(text, to: .nfc)
        } catch {
            throw UraError(.internal, "\(error)", file: name)
        }
    }

    /// True when every scalar is one whose NFC quick-check value is Yes without looking at its
    /// neighbours: everything below U+0300 (ASCII, Latin-1 with ë and ç, Latin Extended) and the
    /// general punctuation Albanian and English press text uses (U+2010–U+205E: dashes, “ ” „ ‘ ’ …).
    /// Anything else goes to ICU's full check.
    /// Read on the UTF-8 bytes (every file of the corpus goes through it on a full build): a byte
    /// below 0xCC starts or continues a scalar below U+0300 (``isBelowCombiningMarks(_:)``), and
    /// U+2010–U+205E are E2 80 90–BF and E2 81 80–9E.
    static func isTriviallyNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0xCC { index += 1; continue }
                guard byte == 0xE2, index + 2 < bytes.count else { return false }
                let second = bytes[index + 1], third = bytes[index + 2]
                guard (second == 0x80 && third >= 0x90) || (second == 0x81 && third <= 0x9E) else { return false }
                index += 3
            }
            return true
        }
    }

    /// Whether every scalar of the UTF-8 text `utf8` is below U+0300 (no combining mark, nothing
    /// beyond Latin Extended): then each Character is one scalar and no two spellings of it are
    /// canonically equivalent, so comparing bytes compares Characters. A byte below 0xCC starts
    /// or continues a scalar below U+0300.
    @inlinable
    public static func isBelowCombiningMarks(_ utf8: some Sequence<UInt8>) -> Bool { utf8.allSatisfy { $0 < 0xCC } }

    /// ``isBelowCombiningMarks(_:)`` of the UTF-8 of `text`.
    @inlinable
    public static func isBelowCombiningMarks(_ text: String) -> Bool { isBelowCombiningMarks(text.utf8) }

    /// CRLF and lone CR become LF.
    static func normalizeLineEnds(_ text: String) -> String {
        // "\r\n" is one Character in Swift; scalars see both parts.
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or cut sequences),
    /// told without making a string of them.
    public static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        // ASCII is skipped eight bytes at a time; each other sequence is checked alone by the
        // byte-by-byte scan (which exists to say where a file goes wrong), over the length its
        // first byte announces. Review rows are ASCII but for a "·" or a title's letters: the
        // scan over whole rows cost 13M instructions of an incremental build.
        bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                if offset + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    offset += 8
                    continue
                }
                let lead = raw[offset]
                if lead < 0x80 { offset += 1; continue }
                let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                let start = bytes.startIndex + offset
                guard offset + length <= raw.count, firstInvalidUTF8(bytes[start..<(start + length)]) == nil else { return false }
                offset += length
            }
            return true
        }
    }

    /// The byte offset of the first byte that is not part of a well-formed UTF-8 sequence.
    /// - Complexity: O(n).
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? { firstInvalidUTF8(bytes[...]) }

    /// The index in `bytes` of the first byte that is not part of a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        let count = bytes.endIndex
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 { index += 1; continue }
            let length: Int
            var minimum: UInt8 = 0x80, maximum: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minimum = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maximum = 0x9F
            case 0xF0: length = 4; minimum = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maximum = 0x8F
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= minimum && second <= maximum else { return index }
            for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
                return index
            }
            index += length
        }
        return nil
    }

    private static func decodeUTF16(_ bytes: [UInt8], name: String) throws(UraError) -> String {
        let littleEndian = bytes[0] == 0xFF
        let body = bytes.dropFirst(2)
        guard body.count % 2 == 0 else {
            throw UraError(.input, "UTF-16 file with an odd number of bytes", file: name)
        }
        var units: [UInt16] = []
        units.reserveCapacity(body.count / 2)
        var iterator = body.makeIterator()
        while let first = iterator.next(), let second = iterator.next() {
            units.append(littleEndian ? UInt16(first) | UInt16(second) << 8 : UInt16(first) << 8 | UInt16(second))
        }
        var scalars = String.UnicodeScalarView()
        var decoder = UTF16()
        var unitIterator = units.makeIterator()
        loop: while true {
            switch decoder.decode(&unitIterator) {
            case .scalarValue(let scalar): scalars.append(scalar)
            case .emptyInput: break loop
            case .error:
                throw UraError(.input, "invalid UTF-16 (unpaired surrogate); save the file as UTF-8", file: name)
            }
        }
        return String(scalars)
    }

    /// " (it looks like windows-1250)" when ICU can tell, for the error message.
    private static func describeEncoding(_ bytes: [UInt8]) -> String {
        guard let guess = CharsetDetector.guess(bytes), guess.confidence >= 10,
              guess.name.uppercased() != "UTF-8"
        else { return "" }
        return " (it looks like \(guess.name))"
    }
}
