import UraCore

/// The `segment` pipeline step: sentences of every paragraph of every language of a release,
/// stored in ``PressRelease/sentences``.
public enum SegmentStep {
    public static let name = "segment"

    /// Builds the step. It takes no options.
    @Sendable public static func make(options: [String: String]) throws -> PipelineStep {
        PipelineStep(name: name, summary: "Segment sentences", body: .perRelease { release, _ in
            for language in release.languages {
                guard let text = release.texts[language] else { continue }
                let segmenter = try SegmenterCache.segmenter(for: language)
                release.sentences[language] = try segmenter.segment(paragraphs: text.paragraphs)
            }
        })
    }
}

/// One segmenter per language per thread: ICU iterators are cheap to reuse and not thread-safe.
enum SegmenterCache {
    static func segmenter(for language: Language) throws(UraError) -> SentenceSegmenter {
        let key = "ura.segmenter.\(language.code)"
        if let cached = ThreadLocal.value(key) as? SentenceSegmenter { return cached }
        let segmenter = try SentenceSegmenter(language: language)
        ThreadLocal.set(key, segmenter)
        return segmenter
    }
}
