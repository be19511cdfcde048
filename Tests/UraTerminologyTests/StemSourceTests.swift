import Foundation
import Testing
import UraTestSupport
@testable import UraTerminology

@Suite struct StemSourceTests {
    /// Albanian and English forms from the glossary's domain, inflected.
    static let words = ["sq_AL": ["qeverisjen", "migrantëve", "kufirit", "azilit", "refugjatët", "shqipëri"],
                        "en_US": ["countries", "migrants", "borders", "applied", "women", "asylum"]]

    @Test func keptStemsAreHunspellsAndSpareOpeningTheDictionary() throws {
        let folder = try Fixtures.temporaryDirectory("ura-stems")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, words) in Self.words {
            guard let hunspell = Hunspell(name: name) else { continue } // dictionary not installed here
            let files = StemFiles()
            files.use(directory: folder)
            let first = try #require(StemSource(name: name, files: files))
            #expect(words.map(first.stems) == words.map(hunspell.stems))
            #expect(first.openedDictionary)
            try files.save()
            #expect(FileManager.default.fileExists(atPath: "\(folder)/\(name).stems"))

            // A later build: the same stems, without opening the dictionary.
            let laterFiles = StemFiles()
            laterFiles.use(directory: folder)
            let later = try #require(StemSource(name: name, files: laterFiles))
            #expect(words.map(later.stems) == words.map(hunspell.stems))
            #expect(!later.openedDictionary)
            // A form the file does not know opens it.
            #expect(later.stems("qeverisjes") == hunspell.stems("qeverisjes"))
            #expect(later.openedDictionary)
        }
    }

    @Test func aFileForAnotherDictionaryVersionIsIgnored() throws {
        let folder = try Fixtures.temporaryDirectory("ura-stems")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        guard Hunspell(name: "sq_AL") != nil else { return }
        try "ura-stems-1\tsq_AL 1 1 1 1\nkufirit\tWRONG\n".write(toFile: folder + "/sq_AL.stems", atomically: true, encoding: .utf8)
        let files = StemFiles()
        files.use(directory: folder)
        let source = try #require(StemSource(name: "sq_AL", files: files))
        #expect(source.stems("kufirit") != ["WRONG"])
        #expect(source.openedDictionary)
    }
}
