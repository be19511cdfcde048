import Foundation
import Testing
import UraCore
import UraTestSupport
@testable import UraPublish

@Suite struct ApprovalTests {
    let release: PressRelease

    init() throws {
        release = try Corpus(directory: Fixtures.corpus).load(PublishFixtures.bilingualID)
    }

    static func finding(_ severity: Finding.Severity, _ unit: String = "p1") -> Finding {
        Finding(unit: unit, rule: "term-missing", severity: severity, side: "sq", term: "migrant",
                expected: ["migrant"], message: "'migrant' should be translated 'migrant'")
    }

    @Test func approvesWithWhoAndWhen() throws {
        let outcome = try Approval.approve(release, by: " Ana Hoxha ", at: "2026-11-23T18:00:00Z", gate: Approval.noCheck)
        #expect(outcome.release.status == .approved)
        #expect(outcome.release.provenance.approvedBy == "Ana Hoxha")
        #expect(outcome.release.provenance.approvedAt == "2026-11-23T18:00:00Z")
        #expect(outcome.release.provenance.overrideReason == nil)
        #expect(!outcome.overridden && !outcome.alreadyApproved)
    }

    @Test func errorFindingsRefuseUnlessOverridden() throws {
        let gate: ApprovalGate = { _ in [Self.finding(.warning, "p2"), Self.finding(.error)] }
        let error = try #require(throws: UraError.self) {
            try Approval.approve(release, by: "Ana", at: "2026-11-23T18:00:00Z", gate: gate)
        }
        #expect(error.kind == .input)
        #expect(error.description.contains("1 terminology error"))
        #expect(error.description.contains("--override"))
        let outcome = try Approval.approve(release, by: "Ana", overrideReason: "agreed with the ministry",
                                           at: "2026-11-23T18:00:00Z", gate: gate)
        #expect(outcome.overridden)
        #expect(outcome.release.provenance.overrideReason == "agreed with the ministry")
        #expect(outcome.findings.map(\.severity) == [.error, .warning])
    }

    @Test func warningsDoNotBlockAndNeedNoReason() throws {
        let outcome = try Approval.approve(release, by: "Ana", overrideReason: "just in case", at: "2026-11-23T18:00:00Z",
                                           gate: { _ in [Self.finding(.warning)] })
        #expect(outcome.release.status == .approved)
        #expect(outcome.release.provenance.overrideReason == nil)
    }

    @Test func theGateSeesTheRelease() throws {
        let seen = LockedBox<String>()
        _ = try Approval.approve(release, by: "Ana", at: "2026-11-23T18:00:00Z", gate: { seen.value = $0.id; return [] })
        #expect(seen.value == PublishFixtures.bilingualID)
    }

    @Test func approvingTwiceChangesNothing() throws {
        let first = try Approval.approve(release, by: "Ana", at: "2026-11-23T18:00:00Z", gate: Approval.noCheck).release
        let second = try Approval.approve(first, by: "Besa", at: "2026-12-01T10:00:00Z", gate: Approval.noCheck)
        #expect(second.alreadyApproved)
        #expect(second.release.provenance.approvedBy == "Ana")
    }

    @Test func refusesAnEmptyNameOrReason() {
        #expect(throws: UraError.self) { try Approval.approve(release, by: "  ", at: "x", gate: Approval.noCheck) }
        #expect(throws: UraError.self) { try Approval.approve(release, by: "Ana", overrideReason: " ", at: "x", gate: Approval.noCheck) }
    }

    @Test func clockHonoursSourceDateEpoch() throws {
        #expect(try BuildClock.now(["SOURCE_DATE_EPOCH": "1763913600"]) == 1_763_913_600)
        #expect(BuildClock.iso8601(1_763_913_600) == "2025-11-23T16:00:00Z")
        #expect(throws: UraError.self) { try BuildClock.now(["SOURCE_DATE_EPOCH": "yesterday"]) }
        #expect(try BuildClock.sourceDateEpoch([:]) == nil)
        #expect(SiteBuilder.parseISO8601("2025-11-23T16:00:00Z") == 1_763_913_600)
        #expect(SiteBuilder.parseISO8601("2025-11-23T17:00:00+01:00") == 1_763_913_600)
        #expect(SiteBuilder.parseISO8601("2025-11-23T15:30:00.25-0030") == 1_763_913_600)
        for bad in ["2025-11-23", "2025-11-23T16:00:00", "2025-11-23T16:00:00Zx", "2025-11-23T16:00:00.Z", "2025-13-01T00:00:00Z",
                    "2025-11-23T16:00:00+1:00", "２０２５-11-23T16:00:00Z", ""] {
            #expect(SiteBuilder.parseISO8601(bad) == nil, "\(bad)")
        }
    }

    @Test func statusListsReleasesByState() throws {
        var releases = try Corpus(directory: Fixtures.corpus).loadAll()
        releases[0] = try Approval.approve(releases[0], by: "Ana", at: "2026-11-23T18:00:00Z", gate: Approval.noCheck).release
        #expect(StatusReport.lines(releases) == [
            "approved (1)",
            "  \(PublishFixtures.bilingualID)  en sq  by Ana at 2026-11-23T18:00:00Z",
            "in-review (0)",
            "draft (2)",
            "  \(PublishFixtures.englishOnlyID)  en",
            "  \(PublishFixtures.draftID)  en",
        ])
    }
}

/// A value a @Sendable closure can set.
final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?
    var value: Value? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
