import Foundation
import Testing
@testable import UraCore
import UraTestSupport

@Suite struct TextInputTests {
    /// The quick NFC test reads bytes: it agrees with its definition on scalars (below U+0300, or
    /// U+2010–U+205E) for every scalar up to U+3000 and a few beyond, and on every align-dev text.
    @Test func trivialNFCTestAgreesWithItsDefinitionOnScalars() throws {
        func reference(_ text: String) -> Bool {
            text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x2010...0x205E).contains($0.value) }
        }
        var texts: [String] = []
        for value in Array(0x1...0x3000) + [0xFEFF, 0x1F600, 0x10FFFF] {
            if let scalar = Unicode.Scalar(value) { texts.append("ë" + String(Character(scalar)) + "ç") }
        }
        for document in try Fixtures.alignDevDocuments() {
            for language in ["en", "sq"] { texts.append(try TextInput.read("\(Fixtures.alignDev)/\(document).\(language).txt")) }
        }
        for text in texts { #expect(TextInput.isTriviallyNFC(text) == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
    }

    @Test func acceptsBOMAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Tiranë\r\n\r\nShkodër\rDurrës\n".utf8)
        #expect(try TextInput.decode(bytes, name: "a.txt") == "Tiranë\n\nShkodër\nDurrës\n")
    }

    @Test func acceptsUTF16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "Për migrantët".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try TextInput.decode(bytes, name: "a.txt") == "Për migrantët")
    }

    @Test func invalidUTF8NamesFileLineAndByte() throws {
        // "Tiranë" in windows-1250 on line 2: ë is 0xEB.
        let bytes: [UInt8] = Array("Title\nTiran".utf8) + [0xEB] + Array(", 5 N".utf8) + [0xEB] + Array("ntor 2018\n".utf8)
        let error = try #require(throws: UraError.self) { try TextInput.decode(bytes, name: "page.txt") }
        #expect(error.file == "page.txt")
        #expect(error.line == 2)
        #expect(error.byteOffset == 11)
        #expect(error.exitCode == 1)
        #expect(!error.description.contains("\n"))
        #expect(error.description.hasPrefix("page.txt:2 (byte 11): not valid UTF-8"))
    }

    @Test func rejectsOverlongAndSurrogateEncodings() {
        #expect(TextInput.firstInvalidUTF8([0x41, 0xC0, 0x80]) == 1)        // overlong NUL
        #expect(TextInput.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)        // UTF-16 surrogate
        #expect(TextInput.firstInvalidUTF8([0xE2, 0x80]) == 0)              // truncated
        #expect(TextInput.firstInvalidUTF8(Array("ë “ç” 😀".utf8)) == nil)
        // isValidUTF8 refuses what firstInvalidUTF8 finds: an overlong form, a surrogate, a cut sequence.
        for bad: [UInt8] in [[0x41, 0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x80], [0x41, 0xF8, 0x88, 0x80, 0x80, 0x80]] {
            #expect(!TextInput.isValidUTF8(bad[...]) && TextInput.firstInvalidUTF8(bad) != nil)
        }
        // isValidUTF8 (ASCII words skipped eight bytes at a time): every length, a bad byte or a
        // good non-ASCII letter at every place, on slices that do not start at zero.
        for length in 0...20 {
            let ascii = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            #expect(TextInput.isValidUTF8((ascii + [0x41])[..<length]))
            #expect(TextInput.isValidUTF8(([0xFF] + ascii)[1...]))
            for position in 0..<length {
                var bad = ascii, good = ascii
                bad[position] = 0xFF
                good.replaceSubrange(position...position, with: "ë".utf8)
                #expect(!TextInput.isValidUTF8(([0x41] + bad)[1...]))
                #expect(TextInput.isValidUTF8(([0x41] + good)[1...]))
            }
        }
    }

    @Test func emptyBlankAndBinaryFilesAreErrors() throws {
        #expect(throws: UraError.self) { try TextInput.decode([], name: "e.txt") }
        #expect(throws: UraError.self) { try TextInput.decode(Array(" \n\t\n".utf8), name: "e.txt") }
        let binary = try #require(throws: UraError.self) { try TextInput.decode([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x00, 0x01], name: "b.bin") }
        #expect(binary.description.contains("binary"))
        #expect(try TextInput.decode([], name: "e.txt", allowEmpty: true) == "")
    }

    @Test func normalizesToNFC() throws {
        #expect(try TextInput.decode(Array("c\u{0327}e\u{0308}".utf8), name: "n.txt") == "çë")
    }

    @Test func missingFileAndDirectory() throws {
        let missing = try #require(throws: UraError.self) { try TextInput.read("/nonexistent/ura.txt") }
        #expect(missing.description == "/nonexistent/ura.txt: no such file")
        #expect(throws: UraError.self) { try TextInput.read("/tmp") }
    }
}
