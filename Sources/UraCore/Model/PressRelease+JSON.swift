import Foundation
import UraICU

/// The JSON form of a release, used by external pipeline steps (plugins read a release on stdin
/// and write it back on stdout, as Pandoc filters do) and by the build cache.
///
/// ```json
/// {"id": "2018-11-05-roundtable-…", "status": "approved", "date": "2018-11-05",
///  "date_inferred": false, "place": "Tirana",
///  "texts": {"en": {"title": "…", "paragraphs": ["…"]}, "sq": {…}},
///  "sentences": {"en": [["…", "…"]]}, "alignment": {"paragraphs": [{"en": [0], "sq": [0], "score": 0.97}], "sentences": […]},
///  "findings": [{"unit": "p0", "rule": "term-missing", …}],
///  "provenance": {"source": "…", "approved_by": null, "approved_at": null, "override": null},
///  "front_matter": {"sq": [["title_note", "…"]]}}
/// ```
extension PressRelease: Codable {
    private enum CodingKeys: String, CodingKey {
        case id, status, date, dateInferred = "date_inferred", place, texts, sentences, alignment, findings,
             provenance, frontMatter = "front_matter"
    }

    private struct TextJSON: Codable {
        var title: String
        var paragraphs: [String]
    }

    private struct ProvenanceJSON: Codable {
        var source: String?
        var approvedBy: String?
        var approvedAt: String?
        var override: String?

        enum CodingKeys: String, CodingKey {
            case source, approvedBy = "approved_by", approvedAt = "approved_at", override
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let id = try container.decode(String.self, forKey: .id)
        var texts: [Language: Text] = [:]
        for (code, text) in try container.decode([String: TextJSON].self, forKey: .texts) {
            guard let language = Language(code: code) else {
                throw DecodingError.dataCorruptedError(forKey: .texts, in: container, debugDescription: "unknown language '\(code)'")
            }
            texts[language] = Text(title: text.title, paragraphs: text.paragraphs)
        }
        self.init(id: id, texts: texts)
        status = try container.decodeIfPresent(Status.self, forKey: .status) ?? .draft
        if let date = try container.decodeIfPresent(String.self, forKey: .date) {
            guard let parsed = CalendarDate(iso: date) else {
                throw DecodingError.dataCorruptedError(forKey: .date, in: container, debugDescription: "'\(date)' is not YYYY-MM-DD")
            }
            dateline.date = parsed
        }
        dateline.dateInferred = try container.decodeIfPresent(Bool.self, forKey: .dateInferred) ?? false
        dateline.place = try container.decodeIfPresent(String.self, forKey: .place)
        for (code, paragraphs) in try container.decodeIfPresent([String: [[String]]].self, forKey: .sentences) ?? [:] {
            if let language = Language(code: code) { sentences[language] = paragraphs }
        }
        alignment = try container.decodeIfPresent(Alignment.self, forKey: .alignment)
        findings = try container.decodeIfPresent([Finding].self, forKey: .findings)
        if let json = try container.decodeIfPresent(ProvenanceJSON.self, forKey: .provenance) {
            provenance = Provenance(source: json.source, approvedBy: json.approvedBy, approvedAt: json.approvedAt,
                                    overrideReason: json.override)
        }
        for (code, pairs) in try container.decodeIfPresent([String: [[String]]].self, forKey: .frontMatter) ?? [:] {
            guard let language = Language(code: code) else { continue }
            extraFrontMatter[language] = pairs.compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(status, forKey: .status)
        try container.encode(dateline.date?.description, forKey: .date)
        try container.encode(dateline.dateInferred, forKey: .dateInferred)
        try container.encode(dateline.place, forKey: .place)
        var textJSON: [String: TextJSON] = [:]
        for (language, text) in texts { textJSON[language.code] = TextJSON(title: text.title, paragraphs: text.paragraphs) }
        try container.encode(textJSON, forKey: .texts)
        if !sentences.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: sentences.map { ($0.key.code, $0.value) }), forKey: .sentences)
        }
        try container.encodeIfPresent(alignment, forKey: .alignment)
        try container.encodeIfPresent(findings, forKey: .findings)
        try container.encode(ProvenanceJSON(source: provenance.source, approvedBy: provenance.approvedBy,
                                            approvedAt: provenance.approvedAt, override: provenance.overrideReason),
                             forKey: .provenance)
        if !extraFrontMatter.isEmpty {
            try container.encode(Dictionary(uniqueKeysWithValues: extraFrontMatter.map { ($0.key.code, $0.value.map { [$0.key, $0.value] }) }),
                                 forKey: .frontMatter)
        }
    }

    /// The release as deterministic JSON (sorted keys): the same release always gives the same bytes.
    public func jsonData() throws(UraError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch {
            throw UraError(.internal, "cannot encode release '\(id)' as JSON: \(error)")
        }
    }

    /// Decodes a release from JSON; `source` names the input in messages.
    public static func fromJSON(_ data: Data, source: String) throws(UraError) -> PressRelease {
        do {
            return try JSONDecoder().decode(PressRelease.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw UraError(.input, "invalid release JSON: \(context.debugDescription)", file: source)
        } catch let DecodingError.keyNotFound(key, _) {
            throw UraError(.input, "invalid release JSON: '\(key.stringValue)' is missing", file: source)
        } catch let DecodingError.typeMismatch(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw UraError(.input, "invalid release JSON: wrong type at '\(path)'", file: source)
        } catch {
            throw UraError(.input, "invalid release JSON: \(error)", file: source)
        }
    }
}
