import UraCore

/// What a build did, for the terminal and for `--json`.
public struct BuildSummary: Sendable {
    public var releases: Int
    public var byStatus: [PressRelease.Status: Int]
    public var paragraphs: [Language: Int]
    public var sentences: [Language: Int]

    /// Counts `context`'s releases.
    public init(_ context: PipelineContext) {
        releases = context.releases.count
        byStatus = [:]
        paragraphs = [:]
        sentences = [:]
        // Counted without decoding the bodies a build left encoded (``PressRelease/Text/paragraphCount``),
        // each release read in place.
        for index in context.releases.indices {
            let release = context.releases[index]
            byStatus[release.status, default: 0] += 1
            for language in release.languages {
                paragraphs[language, default: 0] += release.texts[language]?.paragraphCount ?? 0
                sentences[language, default: 0] += release.sentenceCount(in: language) ?? 0
            }
        }
    }

    /// Lines for a terminal.
    public var lines: [String] {
        var result = ["\(releases) releases: " + PressRelease.Status.allCases.map { "\(byStatus[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")]
        for language in Language.allCases {
            result.append("\(language.code): \(counted(paragraphs[language] ?? 0, "paragraph")), \(counted(sentences[language] ?? 0, "sentence"))")
        }
        return result
    }
}
