import Foundation
import UraCore
import UraPublish
import UraTestSupport

/// Releases and options shared by the publish tests.
enum PublishFixtures {
    static let bilingualID = "2018-11-05-roundtable-with-albanian-government-institutions-on-the"
    static let englishOnlyID = "2019-10-29-new-registration-and-temporary-accommodation-centre-for"
    static let draftID = "2024-06-18-migration-governance-and-afghan-resettlement-highlights-from"
    static let stylesheets = Fixtures.packageRoot + "/xslt"
    static let schema = Fixtures.packageRoot + "/schema/ura-release.rng"
    static let validators = Fixtures.validators

    /// The bundled corpus with `approved` ids approved (in memory; corpus/ is never touched).
    static func corpus(approving approved: [String] = [bilingualID, englishOnlyID]) throws -> [PressRelease] {
        try Corpus(directory: Fixtures.corpus).loadAll().map { release in
            guard approved.contains(release.id) else { return release }
            return try Approval.approve(release, by: "Test Officer", at: "2026-11-20T09:30:00Z", gate: Approval.noCheck).release
        }
    }

    static func options(out: String = "public", xslt: String = stylesheets) -> PublishOptions {
        PublishOptions(outputDirectory: out, stylesheetDirectory: xslt, baseURL: "https://press.example.org/ura",
                       siteTitle: "IOM Albania")
    }

    /// The text of a built file.
    static func text(_ files: [SiteFile], _ path: String) -> String? {
        files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }

    /// Every file below `folder`, relative path → bytes.
    static func tree(_ folder: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        // Through the site link to the generation folder (the enumerator does not follow links).
        let folder = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue { result[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)) }
        }
        if result.isEmpty { throw UraError(.input, "no files below the site", file: folder) }
        return result
    }

    /// Copies the bundled stylesheets into a fresh folder (to add a bad one beside them).
    static func stylesheetCopy() throws -> String {
        let folder = try Fixtures.temporaryDirectory("ura-xslt")
        for name in try FileManager.default.contentsOfDirectory(atPath: stylesheets) {
            try FileManager.default.copyItem(atPath: stylesheets + "/" + name, toPath: folder + "/" + name)
        }
        return folder
    }

    static var fopInstalled: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/fop") }
    }
}
