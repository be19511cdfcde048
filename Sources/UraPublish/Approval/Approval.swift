import UraCore

/// The check run before a release is approved: the release in, its findings out. Error
/// findings refuse approval unless it is overridden with a reason.
///
/// The terminology module provides the real check; ``Approval/noCheck`` is the gate for when none
/// is configured.
public typealias ApprovalGate = @Sendable (PressRelease) throws -> [Finding]

/// What `ura approve` decides and does to a release.
public enum Approval {
    /// A gate that finds nothing.
    public static let noCheck: ApprovalGate = { _ in [] }

    /// The outcome of an approval.
    public struct Outcome: Sendable, Equatable {
        /// The release as it is now (approved, or unchanged when it already was).
        public var release: PressRelease
        /// Everything the gate found, errors first.
        public var findings: [Finding]
        /// True when error findings were overridden (the reason is in the release's provenance).
        public var overridden: Bool
        /// True when the release was approved before and was left as it was.
        public var alreadyApproved: Bool
    }

    /// Approves `release` by `approver` at `timestamp` (ISO 8601) after running `gate`.
    ///
    /// - Error findings refuse approval unless `overrideReason` is given; the reason is then
    ///   recorded with the approval. Without errors a reason has nothing to override and is not
    ///   recorded.
    /// - A release that is already approved is left as it is (approving twice changes nothing).
    /// - Throws: ``UraError`` (input) naming the release and its first error finding.
    public static func approve(_ release: PressRelease, by approver: String, overrideReason: String? = nil,
                               at timestamp: String, gate: ApprovalGate) throws(UraError) -> Outcome {
        let name = approver.trimmed
        guard !name.isEmpty else { throw UraError(.usage, "--by needs the name of the person approving") }
        let reason = overrideReason?.trimmed
        if overrideReason != nil, reason?.isEmpty ?? true {
            throw UraError(.usage, "--override needs a reason")
        }
        let findings: [Finding]
        do {
            findings = try gate(release).sorted { ($0.severity, $1.unit) > ($1.severity, $0.unit) }
        } catch let error as UraError {
            throw error
        } catch {
            throw UraError(.internal, "the check before approval failed: \(error)", file: release.id)
        }
        if release.status == .approved {
            return Outcome(release: release, findings: findings, overridden: false, alreadyApproved: true)
        }
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty && reason == nil {
            let first = errors[0]
            throw UraError(.input, "not approved: \(counted(errors.count, "terminology error")), "
                           + "first in \(first.unit) (\(first.side)): \(first.message.hasSuffix(".") ? String(first.message.dropLast()) : first.message); fix them or give --override 'reason'",
                           file: release.id)
        }
        var approved = release
        approved.status = .approved
        approved.provenance.approvedBy = name
        approved.provenance.approvedAt = timestamp
        approved.provenance.overrideReason = errors.isEmpty ? nil : reason
        approved.findings = findings
        return Outcome(release: approved, findings: findings, overridden: !errors.isEmpty, alreadyApproved: false)
    }
}
