import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraPublish

/// Golden files of the rendered outputs of the bundled corpus (two releases approved), next to
/// this file in `Snapshots/`. `RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests` re-records
/// them, and that run fails, so a re-record is never silent.
@Suite struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots").path

    @Test(arguments: [
        "feeds/en.xml", "feeds/sq.xml",
        "sq/\(PublishFixtures.bilingualID).html", "bilingual/\(PublishFixtures.bilingualID).html", "en/index.html",
        "print/\(PublishFixtures.bilingualID).fo", "xml/releases.xml",
    ])
    func matchesItsGoldenFile(path: String) throws {
        let files = try SiteBuilder(options: PublishFixtures.options()).build(try PublishFixtures.corpus())
        let actual = try #require(PublishFixtures.text(files, path))
        let golden = Self.folder + "/" + path.replacingOccurrences(of: "/", with: "--")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(atPath: Self.folder, withIntermediateDirectories: true)
            try actual.write(toFile: golden, atomically: true, encoding: .utf8)
            Issue.record("re-recorded \(golden); run again without RECORD_SNAPSHOTS")
            return
        }
        let expected = try String(contentsOfFile: golden, encoding: .utf8)
        #expect(actual == expected, "\(path) differs from \(golden); RECORD_SNAPSHOTS=1 re-records it")
    }
}
