import UraCore

/// A labelled test set for the checker: `id<TAB>English<TAB>Albanian<TAB>rules` lines, where rules
/// are the rule ids the pair should raise (comma-separated, empty when the pair is clean). Lines
/// starting `#` are comments.
public struct LabelledTestSet: Sendable {
    public struct Case: Sendable {
        public var unit: TranslationUnit
        public var expected: Set<String>
    }

    public var cases: [Case]

    /// Reads the test set in `text`; `file` names it in errors.
    public init(_ text: String, file: String) throws(UraError) {
        cases = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4 else {
                throw UraError(.input, "expected 4 tab-separated columns (id, en, sq, rules), found \(columns.count)",
                               file: file, line: offset + 1)
            }
            let rules = Set(columns[3].split(separator: ",").map { String($0).trimmed }.filter { !$0.isEmpty })
            cases.append(Case(unit: TranslationUnit(id: columns[0], english: columns[1], albanian: columns[2]), expected: rules))
        }
    }

    /// Precision and recall of one rule over the set, counted per (unit, rule).
    public struct Score: Sendable {
        public var rule: String
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
        public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
    }

    /// Scores per rule (sorted by rule id) and the mistakes, as `id: rule (missed|false alarm): message`.
    public func score(with checker: TerminologyChecker) -> (scores: [Score], mistakes: [String]) {
        var scores: [String: Score] = [:]
        var mistakes: [String] = []
        for testCase in cases {
            let findings = checker.check(testCase.unit)
            let predicted = Set(findings.map(\.rule))
            for rule in predicted.union(testCase.expected) {
                var score = scores[rule] ?? Score(rule: rule)
                switch (predicted.contains(rule), testCase.expected.contains(rule)) {
                case (true, true): score.truePositives += 1
                case (true, false):
                    score.falsePositives += 1
                    let messages = findings.filter { $0.rule == rule }.map(\.message).joined(separator: " | ")
                    mistakes.append("\(testCase.unit.id): \(rule) false alarm: \(messages)")
                case (false, true):
                    score.falseNegatives += 1
                    mistakes.append("\(testCase.unit.id): \(rule) missed")
                case (false, false): break
                }
                scores[rule] = score
            }
        }
        return (scores.values.sorted { $0.rule < $1.rule }, mistakes)
    }
}
