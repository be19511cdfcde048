import Foundation
import UraCore
import UraText

/// An English text and its Albanian translation, as paragraphs of sentences: what the aligner
/// reads.
public struct BilingualText: Sendable, Equatable {
    /// Sentences of each English paragraph.
    public var english: [[String]]
    /// Sentences of each Albanian paragraph.
    public var albanian: [[String]]

    /// Paragraphs of sentences, per side.
    public init(english: [[String]], albanian: [[String]]) {
        self.english = english
        self.albanian = albanian
    }

    /// Reads plain-text files (paragraphs separated by blank lines) or, when `english` is a
    /// corpus bundle folder and `albanian` is nil, the bundle's `index.en.md` and `index.sq.md`.
    /// - Parameter presegmented: each non-empty line is one sentence (no segmentation).
    /// - Throws: ``UraError`` (exit 1) for unreadable, empty, binary or mismatched input.
    public static func read(english: String, albanian: String?, presegmented: Bool) throws(UraError) -> BilingualText {
        var isDirectory: ObjCBool = false
        let englishIsFolder = FileManager.default.fileExists(atPath: english, isDirectory: &isDirectory) && isDirectory.boolValue
        if englishIsFolder {
            guard albanian == nil else {
                throw UraError(.usage, "give a bundle folder alone, or two text files", file: english)
            }
            return try bundle(english, presegmented: presegmented)
        }
        guard let albanian else {
            throw UraError(.usage, "give the English and the Albanian file (or one bundle folder)", file: english)
        }
        let text = BilingualText(
            english: try paragraphs(TextInput.read(english), language: .english, presegmented: presegmented),
            albanian: try paragraphs(TextInput.read(albanian), language: .albanian, presegmented: presegmented))
        try text.check(englishName: english, albanianName: albanian)
        return text
    }

    /// The body paragraphs of a corpus bundle, segmented.
    static func bundle(_ path: String, presegmented: Bool) throws(UraError) -> BilingualText {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let corpus = Corpus(directory: url.deletingLastPathComponent().path)
        let release = try corpus.load(url.lastPathComponent)
        guard let en = release.texts[.english] else {
            throw UraError(.input, "the bundle has no English text (index.en.md)", file: path)
        }
        guard let sq = release.texts[.albanian] else {
            throw UraError(.input, "the bundle has no Albanian text (index.sq.md)", file: path)
        }
        let text = BilingualText(
            english: try segment(en.paragraphs, language: .english, presegmented: presegmented),
            albanian: try segment(sq.paragraphs, language: .albanian, presegmented: presegmented))
        try text.check(englishName: corpus.filePath(release.id, .english), albanianName: corpus.filePath(release.id, .albanian))
        return text
    }

    /// Paragraphs of `text` split into sentences by Ura's segmenter, or by line when presegmented.
    static func paragraphs(_ text: String, language: Language, presegmented: Bool) throws(UraError) -> [[String]] {
        try segment(Paragraphs.split(text), language: language, presegmented: presegmented)
    }

    static func segment(_ paragraphs: [String], language: Language, presegmented: Bool) throws(UraError) -> [[String]] {
        if presegmented {
            return paragraphs.map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
        }
        return try SentenceSegmenter(language: language).segment(paragraphs: paragraphs)
    }

    /// The longest one side may be against the other: beyond this the files are not a text and
    /// its translation, and an alignment would be all deletions.
    public static let maximumLengthRatio = 10.0

    /// Refuses input nothing sensible can be aligned from.
    func check(englishName: String, albanianName: String) throws(UraError) {
        let enLength = english.joined().reduce(0) { $0 + $1.count }
        let sqLength = albanian.joined().reduce(0) { $0 + $1.count }
        guard enLength > 0 else { throw UraError(.input, "the English side has no text", file: englishName) }
        guard sqLength > 0 else { throw UraError(.input, "the Albanian side has no text", file: albanianName) }
        let ratio = Double(max(enLength, sqLength)) / Double(min(enLength, sqLength))
        if ratio > Self.maximumLengthRatio {
            let longer = enLength > sqLength ? "English" : "Albanian", shorter = enLength > sqLength ? "Albanian" : "English"
            throw UraError(.input, "the \(longer) side is \(Int(ratio))× as long as the \(shorter) side: "
                           + "the files are not a text and its translation",
                           file: enLength > sqLength ? englishName : albanianName)
        }
    }

    /// A warning when both sides look like the same language (both English, say), else nil.
    public var languageWarning: String? {
        let en = LanguageGuess.guess(Array(english.joined())), sq = LanguageGuess.guess(Array(albanian.joined()))
        if en == .albanian && sq == .english {
            return "warning: the sides look swapped (the English file reads as Albanian and the Albanian one as English)"
        }
        if let en, en == sq {
            return "warning: the sides look like the same language (both read as \(en.name)); the alignment rests on lengths alone"
        }
        return nil
    }
}

/// Tells English from Albanian by their commonest short words.
enum LanguageGuess {
    static let english: Set<String> = ["the", "and", "of", "to", "in", "is", "that", "for", "with", "was", "said", "by", "at", "on", "it", "has"]
    static let albanian: Set<String> = ["dhe", "të", "në", "një", "për", "që", "me", "nga", "është", "se", "ka", "tha", "si", "do", "edhe", "janë"]

    /// The language most of the function words of `sentences` belong to, nil when unclear.
    static func guess(_ sentences: [String]) -> Language? {
        var en = 0, sq = 0
        for sentence in sentences {
            for token in Tokenizer.tokens(sentence) where !token.isNumber {
                let word = token.text.lowercased()
                if english.contains(word) { en += 1 }
                if albanian.contains(word) { sq += 1 }
            }
        }
        guard en + sq >= 5 else { return nil }
        if Double(en) > 2 * Double(sq) { return .english }
        if Double(sq) > 2 * Double(en) { return .albanian }
        return nil
    }
}
