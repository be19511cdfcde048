import Foundation
import Testing
@testable import UraIngest
import UraCore
import UraICU
import UraTestSupport

/// Language identification with character n-gram profiles: held-out documents, the seeds, and
/// Albanian typed without diacritics.
@Suite struct LanguageIdentificationTests {
    @Test func heldOutDocumentsAreRecognisedAsWrittenAndStripped() throws {
        let documents = try TrainingDocument.load(Fixtures.alignDev)
        #expect(documents.count == 41)
        let total = documents.map { $0.counts() }.reduce(LanguageProfile.Counts()) { $0.adding($1) }
        // Three folds of the leave-one-document-out evaluation `ura-eval langid` runs in full.
        for held in [documents[0], documents[20], documents[40]] {
            let profile = LanguageProfile(counts: total.subtracting(held.counts()), keep: LanguageProfile.standardSize)
            for (language, paragraphs) in held.paragraphs {
                for paragraph in paragraphs {
                    #expect(profile.identify(paragraph)?.language == language, "\(held.name): \(paragraph.prefix(60))")
                    #expect(profile.identify(Diacritics.strip(paragraph))?.language == language, "stripped \(held.name): \(paragraph.prefix(60))")
                }
            }
        }
    }

    @Test func shippedProfileIsTheGeneratorsOutput() throws {
        let documents = try TrainingDocument.load(Fixtures.alignDev)
        #expect(LanguageProfile.standard(from: documents).tsv == LanguageProfile.standard.tsv)
    }

    @Test func seedParagraphsNotInTheTrainingData() throws {
        let profile = LanguageProfile.standard
        let albanian = [
            "Tiranë, 5 Nëntor 2018: Zyra e IOM në Shqipëri, në bashkëpunim me Ministrinë e Brendshme, organizuan sot në Tiranë një tryezë.",
            "Dita Botërore kundër Trafikimit të Qenieve Njerëzore",
            "Mesazh nga António Vitorino, Drejtor i Përgjithshëm, Organizata Ndërkombëtare për Migracionin",
        ]
        for text in albanian {
            #expect(profile.identify(text)?.language == .albanian, "\(text)")
            #expect(profile.identify(Diacritics.strip(text))?.language == .albanian, "stripped: \(text)")
        }
        for text in ["Roundtable with Albanian Government Institutions on the legal framework in the field of immigration",
                     "Assisted Voluntary Return and Reintegration (AVRR)",
                     "For more information, please contact Marinela Gremi at"] {
            #expect(profile.identify(text)?.language == .english, "\(text)")
        }
        #expect(profile.identify("12345 — !!") == nil)
        #expect(Diacritics.strip("Nëntor, Korçë") == "Nentor, Korce")
    }
}
