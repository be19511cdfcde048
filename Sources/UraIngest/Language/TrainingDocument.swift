import Foundation
import UraCore

/// One document of the align-dev set (NTREX-128, CC BY-SA 4.0), the text the shipped language
/// profile is built from: its paragraphs (`NAME.en.txt`, `NAME.sq.txt`) and gold sentences
/// (`NAME.en.sents`, `NAME.sq.sents`).
public struct TrainingDocument: Sendable {
    public let name: String
    public let paragraphs: [Language: [String]]
    public let sentences: [Language: [String]]

    /// Every document of the align-dev folder `directory`, by name.
    public static func load(_ directory: String) throws(UraError) -> [TrainingDocument] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasSuffix(".gold.json") }.map { String($0.dropLast(".gold.json".count)) }.sorted()
        } catch {
            throw UraError(.input, "cannot list the folder: \(error.localizedDescription)", file: directory)
        }
        var documents: [TrainingDocument] = []
        for name in names {
            var paragraphs: [Language: [String]] = [:], sentences: [Language: [String]] = [:]
            for language in Language.allCases {
                let base = "\(directory)/\(name).\(language.code)"
                paragraphs[language] = Paragraphs.split(try TextInput.read(base + ".txt"))
                sentences[language] = try TextInput.read(base + ".sents").split(separator: "\n").map(String.init)
                    .filter { !$0.trimmed.isEmpty }
            }
            documents.append(TrainingDocument(name: name, paragraphs: paragraphs, sentences: sentences))
        }
        return documents
    }

    /// The n-gram counts of the document's paragraphs, each also counted without diacritics
    /// when `withStrippedCopy`.
    public func counts(withStrippedCopy: Bool = true) -> LanguageProfile.Counts {
        var counts = LanguageProfile.Counts()
        for (language, list) in paragraphs.sorted(by: { $0.key < $1.key }) {
            for paragraph in list { counts.add(paragraph, language: language, withStrippedCopy: withStrippedCopy) }
        }
        return counts
    }
}

extension LanguageProfile {
    /// How many n-grams per language and order the shipped profile keeps (3000: smaller
    /// profiles miss short Albanian lines without diacritics in cross-validation).
    public static let standardSize = 3000

    /// The profile built from `documents` as Ura ships it.
    public static func standard(from documents: [TrainingDocument]) -> LanguageProfile {
        LanguageProfile(counts: documents.map { $0.counts() }.reduce(Counts()) { $0.adding($1) }, keep: standardSize)
    }
}
