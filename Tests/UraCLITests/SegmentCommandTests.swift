import Foundation
import Testing
import UraTestSupport

/// `ura segment` run as a user runs it: the built binary, its output and exit code.
@Suite struct SegmentCommandTests {
    @Test func printsOneSentencePerLineAndKeepsParagraphs() throws {
        let path = Fixtures.alignDev + "/000_bbc_381790.sq.txt"
        let result = try Run.ura(["segment", "--lang", "sq", path])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let paragraphsIn = try Fixtures.text(path).components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let paragraphsOut = result.stdout.components(separatedBy: "\n\n")
        #expect(paragraphsOut.count == paragraphsIn.count)
        let gold = try Fixtures.text(Fixtures.alignDev + "/000_bbc_381790.sq.sents").split(separator: "\n").map(String.init)
        let ours = result.stdout.split(separator: "\n").map(String.init)
        #expect(ours == gold)
    }

    @Test func readsStandardInputWithBOMAndCRLF() throws {
        let input = Data([0xEF, 0xBB, 0xBF] + Array("Tirana 5 November 2018: IOM met H.E. Mr. Bergner. It went well.\r\n\r\nSecond paragraph\r\n".utf8))
        let result = try Run.ura(["segment", "--lang", "en", "-"], input: input)
        #expect(result.status == 0)
        #expect(result.stdout == "Tirana 5 November 2018: IOM met H.E. Mr. Bergner.\nIt went well.\n\nSecond paragraph\n")
    }

    @Test func badInputIsOneLineAndExitCode1() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let latin1: [UInt8] = Array("Tiran".utf8) + [0xEB] + Array(", 5 N".utf8) + [0xEB] + Array("ntor 2018\n".utf8)
        let cases: [(String, [UInt8], String)] = [
            ("latin1.txt", latin1, "latin1.txt:1 (byte 5): not valid UTF-8"),
            ("empty.txt", [], "empty.txt: file is empty"),
            ("binary.bin", [0x7F, 0x45, 0x4C, 0x46, 0, 1, 2], "binary.bin (byte 4): contains a NUL byte"),
        ]
        for (name, bytes, expected) in cases {
            let path = directory + "/" + name
            #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "\(name) written")
            let result = try Run.ura(["segment", "--lang", "sq", path])
            #expect(result.status == 1, "\(name)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.split(separator: "\n").count == 1, "\(name): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(name): \(result.stderr)")
        }
        let missing = try Run.ura(["segment", "--lang", "en", directory + "/nope.txt"])
        #expect(missing.status == 1)
        let wrongLanguage = try Run.ura(["segment", "--lang", "de", "-"], input: Data("x".utf8))
        #expect(wrongLanguage.status != 0)
        #expect(wrongLanguage.stderr.contains("--lang must be 'en' or 'sq'"))
    }
}
