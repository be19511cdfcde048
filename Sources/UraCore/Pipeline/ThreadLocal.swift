import Foundation

/// Per-thread storage for objects that are expensive to create and not thread-safe (ICU break
/// iterators, compiled regular expressions), so concurrent steps can reuse one per thread.
public enum ThreadLocal {
    /// The value stored under `key` on this thread.
    public static func value(_ key: String) -> Any? {
        Thread.current.threadDictionary[key]
    }

    /// Stores `value` under `key` on this thread.
    public static func set(_ key: String, _ value: Any) {
        Thread.current.threadDictionary[key] = value
    }
}
