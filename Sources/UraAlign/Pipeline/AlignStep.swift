import UraCore

/// The `align` pipeline step: aligns the English and Albanian paragraphs and sentences of each
/// bilingual release and stores the result in ``PressRelease/alignment``, for the check and
/// publish steps. Uses the sentences of the `segment` step when it has run, and segments
/// otherwise. A release in one language only, or whose sides cannot be aligned (one side ten
/// times the other), gets no alignment.
public enum AlignStep {
    /// The registry name.
    public static let name = "align"

    /// Builds the step. Option `lexicon`: a TSV lexicon file to use as anchors.
    @Sendable public static func make(options: [String: String]) throws -> PipelineStep {
        var parameters = AlignerParameters()
        if let path = options["lexicon"] { parameters.lexicon = try BilingualLexicon.readTSV(path) }
        let aligner = Aligner(parameters: parameters)
        return PipelineStep(name: name, summary: "Align paragraphs and sentences", body: .perRelease { release, _ in
            guard let en = release.texts[.english], let sq = release.texts[.albanian] else {
                release.alignment = nil
                return
            }
            let text = BilingualText(
                english: try release.sentences[.english] ?? BilingualText.segment(en.paragraphs, language: .english, presegmented: false),
                albanian: try release.sentences[.albanian] ?? BilingualText.segment(sq.paragraphs, language: .albanian, presegmented: false))
            do {
                try text.check(englishName: release.id + " (en)", albanianName: release.id + " (sq)")
            } catch {
                release.alignment = nil
                return
            }
            release.alignment = aligner.align(english: text.english, albanian: text.albanian)
        })
    }
}
