import Foundation
import UraCore

/// The time Ura records and prints: `SOURCE_DATE_EPOCH` when set (reproducible builds and
/// tests), else the current time.
public enum BuildClock {
    /// Seconds since 1970 from `SOURCE_DATE_EPOCH` in `environment`, or nil when it is not set.
    /// - Throws: ``UraError`` (usage) when it is set but not a whole number of seconds.
    public static func sourceDateEpoch(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(UraError) -> Int? {
        guard let value = environment["SOURCE_DATE_EPOCH"]?.trimmed, !value.isEmpty else { return nil }
        guard let seconds = Int(value), seconds >= 0 else {
            throw UraError(.usage, "SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not '\(value)'")
        }
        return seconds
    }

    /// Now, as seconds since 1970: `SOURCE_DATE_EPOCH` if set, else the system clock.
    public static func now(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws(UraError) -> Int {
        try sourceDateEpoch(environment) ?? Int(Date().timeIntervalSince1970)
    }

    /// `seconds` since 1970 as ISO 8601 in UTC: `2026-11-23T18:05:00Z`.
    public static func iso8601(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }
}
