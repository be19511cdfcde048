import Foundation
import UraCore
import UraICU

extension IngestResult {
    /// The result as `ura ingest --json` prints it: a `releases` array (`id`, `languages`,
    /// `title` and `paragraphs` keyed by language, `date` as `YYYY-MM-DD` or null, `place` or
    /// null, `complete`, ...) and a `dropped` array (`file`, `line`, `text`, `reason`). Keys are
    /// sorted, so the same pages always print the same bytes.
    public func json() throws(UraError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(JSONResult(self))
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            throw UraError(.internal, "cannot encode the result as JSON: \(error)")
        }
    }
}

/// The JSON shape of an ``IngestResult``.
private struct JSONResult: Encodable {
    let releases: [JSONRelease]
    let dropped: [JSONDropped]
    let pages: [String]

    init(_ result: IngestResult) {
        releases = result.releases.map(JSONRelease.init)
        dropped = result.dropped.map(JSONDropped.init)
        pages = result.pages
    }
}

private struct JSONDropped: Encodable {
    let file: String
    let line: Int
    let text: String
    let reason: String

    init(_ line: DroppedLine) {
        file = line.file
        self.line = line.line
        text = line.text
        reason = line.reason.rawValue
    }
}

private struct JSONRelease: Encodable {
    let release: IngestedRelease

    init(_ release: IngestedRelease) { self.release = release }

    enum Keys: String, CodingKey {
        case id, languages, title, date, dateInferred = "date_inferred", datePrecision = "date_precision", place
        case paragraphs, complete, kicker, source, file, lines, status
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        let model = release.release
        try container.encode(model.id, forKey: .id)
        try container.encode(model.languages.map(\.code), forKey: .languages)
        try container.encode(Self.byLanguage(release.titles), forKey: .title)
        try container.encode(Self.byLanguage(release.paragraphs), forKey: .paragraphs)
        if let date = model.dateline.date {
            try container.encode(date.description, forKey: .date)
        } else {
            try container.encodeNil(forKey: .date)
        }
        try container.encode(model.dateline.dateInferred, forKey: .dateInferred)
        try container.encode(release.dateIsMonth ? "month" : "day", forKey: .datePrecision)
        if let place = model.dateline.place {
            try container.encode(place, forKey: .place)
        } else {
            try container.encodeNil(forKey: .place)
        }
        try container.encode(release.complete, forKey: .complete)
        if !release.kicker.isEmpty { try container.encode(Self.byLanguage(release.kicker), forKey: .kicker) }
        try container.encode(model.status.rawValue, forKey: .status)
        try container.encode(model.provenance.source, forKey: .source)
        try container.encode(release.file, forKey: .file)
        try container.encode(release.lines, forKey: .lines)
    }

    static func byLanguage<Value>(_ values: [Language: Value]) -> [String: Value] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.code, $0.value) })
    }
}
