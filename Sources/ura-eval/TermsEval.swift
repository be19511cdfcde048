import Foundation
import UraCore
import UraTerminology

/// Terminology check quality and speed: precision and recall per rule on the labelled test set,
/// and the time to check every paragraph pair of align-dev (paired by its gold paragraph beads).
struct TermsEval {
    let testSet: String
    let alignDev: String?
    let glossary: String
    let verbose: Bool

    func run() throws {
        let checker = TerminologyChecker(glossary: try Glossary.load(glossary))
        let dictionaries = TerminologyChecker.dictionaries.map { "\($0.key.code)=\($0.value ? "hunspell" : "rules only")" }.sorted()
        print("terms: glossary \(glossary) (\(checker.glossary.concepts.count) concepts), \(dictionaries.joined(separator: ", "))")
        let set = try LabelledTestSet(try TextInput.read(testSet), file: testSet)
        let (scores, mistakes) = set.score(with: checker)
        print("test set \(testSet): \(set.cases.count) pairs")
        print("rule               TP  FP  FN  precision  recall")
        for score in scores {
            let name = score.rule.padding(toLength: 17, withPad: " ", startingAt: 0)
            print("\(name) \(pad(score.truePositives)) \(pad(score.falsePositives)) \(pad(score.falseNegatives))  \(String(format: "%9.3f  %6.3f", score.precision, score.recall))")
        }
        if verbose { for mistake in mistakes { print("  \(mistake)") } }
        if let alignDev { try timeAlignDev(alignDev, checker: checker) }
    }

    private func pad(_ number: Int) -> String { String(number).leftPadded(3) }

    private func timeAlignDev(_ directory: String, checker: TerminologyChecker) throws {
        var units: [TranslationUnit] = []
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".gold.json") }.sorted()
        for name in names {
            let document = String(name.dropLast(".gold.json".count))
            let english = Paragraphs.split(try String(contentsOfFile: "\(directory)/\(document).en.txt", encoding: .utf8))
            let albanian = Paragraphs.split(try String(contentsOfFile: "\(directory)/\(document).sq.txt", encoding: .utf8))
            let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)")))
            for (index, bead) in gold.paragraphs.enumerated() {
                units.append(TranslationUnit(
                    id: "\(document)/p\(index + 1)",
                    english: bead.en.filter { $0 < english.count }.map { english[$0] }.joined(separator: "\n\n"),
                    albanian: bead.sq.filter { $0 < albanian.count }.map { albanian[$0] }.joined(separator: "\n\n")))
            }
        }
        let bytes = units.reduce(0) { $0 + $1.english.utf8.count + $1.albanian.utf8.count }
        let clock = ContinuousClock()
        var findings: [Finding] = []
        // The first pass fills the stem cache (Hunspell calls); the second shows the steady state.
        let cold = clock.measure { findings = checker.check(units) }
        let warm = clock.measure { findings = checker.check(units) }
        print("align-dev \(directory): \(names.count) documents, \(units.count) paragraph beads, \(bytes / 1000) kB checked in "
              + "\(String(format: "%.3f", seconds(cold))) s (first pass), \(String(format: "%.3f", seconds(warm))) s (stems cached)")
        let byRule = Dictionary(grouping: findings, by: \.rule).map { "\($0.key) \($0.value.count)" }.sorted()
        print("  findings: \(findings.count) (\(byRule.joined(separator: ", ")))")
        if verbose {
            for finding in findings where finding.rule != "untranslated" && finding.rule != "source-missing" {
                print("  \(finding.unit): \(finding.rule): \(finding.message)")
            }
        }
    }

    private func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    private struct Gold: Decodable {
        struct Bead: Decodable {
            let en: [Int]
            let sq: [Int]
        }
        let paragraphs: [Bead]
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
