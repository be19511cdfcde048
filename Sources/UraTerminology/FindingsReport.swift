import Foundation
import UraCore
import UraXML

/// Renders findings for people and programs: plain text for a terminal, JSON for tools
/// (`{"findings": [...]}`), and an HTML page a translator can work through unit by unit.
public enum FindingsReport {
    /// `p3: error term-missing (sq) message`, one line per finding, then a summary line.
    public static func text(_ findings: [Finding]) -> String {
        var output = ""
        for finding in findings {
            output += "\(finding.unit): \(finding.severity.rawValue) \(finding.rule) (\(finding.side)): \(finding.message)\n"
        }
        return output + summary(findings) + "\n"
    }

    /// `3 findings: 2 errors, 1 warning`.
    public static func summary(_ findings: [Finding]) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        return "\(counted(findings.count, "finding")): \(counted(errors, "error")), \(counted(warnings, "warning"))"
    }

    /// `{"findings": [{"unit": ..., "rule": ..., "severity": ..., "side": ..., "term": ...,
    /// "expected": [...], "message": ...}]}` with keys in that order; `term` and `expected` only
    /// when the finding has them. Same findings, same bytes.
    public static func json(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "{\"findings\": []}\n" }
        let lines = findings.map { finding -> String in
            var fields = [
                "\"unit\": \(quoted(finding.unit))", "\"rule\": \(quoted(finding.rule))",
                "\"severity\": \(quoted(finding.severity.rawValue))", "\"side\": \(quoted(finding.side))",
            ]
            if let term = finding.term { fields.append("\"term\": \(quoted(term))") }
            if let expected = finding.expected { fields.append("\"expected\": [\(expected.map(quoted).joined(separator: ", "))]") }
            fields.append("\"message\": \(quoted(finding.message))")
            return "  {" + fields.joined(separator: ", ") + "}"
        }
        return "{\"findings\": [\n" + lines.joined(separator: ",\n") + "\n]}\n"
    }

    /// A standalone HTML page: a summary, then every unit with findings, its English and Albanian
    /// text side by side and a checkbox per finding for the translator to tick off.
    public static func html(_ findings: [Finding], units: [TranslationUnit], title: String = "Terminology check") -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(title.xmlEscaped)</title>
        <style>
        body { font-family: sans-serif; margin: 2em; }
        \(style)
        </style>
        </head>
        <body>
        <main>
        <h1>\(title.xmlEscaped)</h1>

        """ + body(findings, units: units, heading: 2) + "</main>\n</body>\n</html>\n"
    }

    /// The CSS the findings need, for a page that embeds ``section(_:units:)``.
    public static let style = """
        table.findings { border-collapse: collapse; width: 100%; }
        table.findings td, table.findings th { border: 1px solid #ccc; padding: 0.4em; vertical-align: top; text-align: left; }
        .error { color: #a00; } .warning { color: #850; } .info { color: #555; }
        """

    /// The findings as a section of another page (the review page of a release):
    /// `<section id="terminology">` with an `<h2>`, units under `<h3>`.
    public static func section(_ findings: [Finding], units: [TranslationUnit]) -> String {
        "<section id=\"terminology\">\n<h2>Terminology check</h2>\n" + body(findings, units: units, heading: 3) + "</section>\n"
    }

    /// The summary, the rule table and each unit with findings, units under `<h\(heading)>`.
    private static func body(_ findings: [Finding], units: [TranslationUnit], heading: Int) -> String {
        var page = "<p>\(summary(findings).xmlEscaped)</p>\n"
        page += ruleTable(findings)
        let byUnit = Dictionary(grouping: findings, by: \.unit)
        let ordered = units.map(\.id).filter { byUnit[$0] != nil }
            + Set(findings.map(\.unit)).subtracting(units.map(\.id)).sorted()
        let texts = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (number, unit) in ordered.enumerated() {
            page += "<section id=\"unit-\(number + 1)\">\n<h\(heading)>Unit \(unit.xmlEscaped)</h\(heading)>\n"
            if let texts = texts[unit] {
                page += "<table class=\"findings\">\n<tr><th>English</th><th>Albanian</th></tr>\n"
                page += "<tr><td lang=\"en\">\(texts.english.xmlEscaped)</td><td lang=\"sq\">\(texts.albanian.xmlEscaped)</td></tr>\n</table>\n"
            }
            page += "<ul>\n"
            for (index, finding) in (byUnit[unit] ?? []).enumerated() {
                let id = "f\(number + 1)-\(index + 1)"
                var line = "<span class=\"\(finding.severity.rawValue)\">\(finding.severity.rawValue)</span> "
                line += "<code>\(finding.rule.xmlEscaped)</code> (\(finding.side.xmlEscaped)): \(finding.message.xmlEscaped)"
                if let expected = finding.expected, !expected.isEmpty {
                    line += " Expected: <span lang=\"sq\">\(expected.joined(separator: ", ").xmlEscaped)</span>."
                }
                page += "<li><input type=\"checkbox\" id=\"\(id)\"> <label for=\"\(id)\">\(line)</label></li>\n"
            }
            page += "</ul>\n</section>\n"
        }
        if ordered.isEmpty { page += "<p>No findings.</p>\n" }
        return page
    }

    /// Counts per rule and severity: the overview a translator reads before the units.
    private static func ruleTable(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "" }
        var table = "<table class=\"findings\">\n<tr><th>Rule</th><th>Errors</th><th>Warnings</th></tr>\n"
        for (rule, group) in Dictionary(grouping: findings, by: \.rule).sorted(by: { $0.key < $1.key }) {
            let errors = group.filter { $0.severity == .error }.count
            table += "<tr><td><code>\(rule.xmlEscaped)</code></td><td>\(errors)</td><td>\(group.count - errors)</td></tr>\n"
        }
        return table + "</table>\n"
    }

    /// A JSON string literal.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
