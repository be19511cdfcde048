/// Memoised bead costs of one run, keyed by the bead's units (a reference, so the run's methods
/// stay non-mutating).
///
/// An open-addressing table on a packed integer key: the programme asks for every bead several
/// times (the band and the confidence windows overlap, paragraph beads share sentence beads),
/// and a `Dictionary` of ranges spent more time hashing than the costs took to compute.
final class CostCache {
    /// Slots: `Int.min` when empty, else the packed key of the bead.
    private var keys: [Int]
    /// The cost of the bead in the same slot (nil: the bead is not allowed).
    private var values: [Double?]
    private var count = 0
    /// log2 of the number of slots.
    private var bits: Int

    init() {
        bits = 10
        keys = [Int](repeating: .min, count: 1 << bits)
        values = [Double?](repeating: nil, count: 1 << bits)
    }

    /// The cost of the bead over units `en` and `sq`, computed by `compute` the first time.
    func cost(en: Range<Int>, sq: Range<Int>, compute: () -> Double?) -> Double? {
        guard let key = Self.key(en: en, sq: sq) else { return compute() }
        var slot = self.slot(key)
        while keys[slot] != .min {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & ((1 << bits) - 1)
        }
        let value = compute()
        keys[slot] = key
        values[slot] = value
        count += 1
        if 2 * count > keys.count { grow() }
        return value
    }

    /// The bead packed in one integer: starts in 24 bits, sizes in 4; nil (not cached) beyond.
    private static func key(en: Range<Int>, sq: Range<Int>) -> Int? {
        guard en.lowerBound < 1 << 24, sq.lowerBound < 1 << 24, en.count < 16, sq.count < 16 else { return nil }
        return en.lowerBound << 32 | en.count << 28 | sq.lowerBound << 4 | sq.count
    }

    /// Fibonacci hashing: the top bits of the key times 2^64/φ.
    private func slot(_ key: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    private func grow() {
        let oldKeys = keys, oldValues = values
        bits += 1
        keys = [Int](repeating: .min, count: 1 << bits)
        values = [Double?](repeating: nil, count: 1 << bits)
        for (key, value) in zip(oldKeys, oldValues) where key != .min {
            var slot = self.slot(key)
            while keys[slot] != .min { slot = (slot + 1) & ((1 << bits) - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }
}
