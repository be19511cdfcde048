/// Memoised bead costs of one run, keyed by the bead's units (a reference, so the run's methods
/// stay non-mutating).
///
/// An open-addressing table on a packed integer key: the programme asks for every bead several
/// times (the band and the confidence windows overlap, paragraph beads share sentence beads),
/// and a `Dictionary` of ranges spent more time hashing than the costs took to compute.
final class CostCache {
    /// The table, in one stored property: each access to a class's stored property is checked
    /// for exclusivity at run time, so a look-up touches it once, not once per probe.
    private var table: Table

    /// A table sized for about `expected` beads without growing.
    init(expected: Int = 512) {
        var bits = 10
        while 1 << bits < 2 * expected { bits += 1 }
        table = Table(bits: bits)
    }

    /// The cost of the bead over units `en` and `sq`, computed by `compute` the first time.
    func cost(en: Range<Int>, sq: Range<Int>, compute: () -> Double?) -> Double? {
        guard let key = Self.key(en: en, sq: sq) else { return compute() }
        if let known = table.value(key) { return known }
        let value = compute()
        table.insert(key, value)
        return value
    }

    /// The bead packed in one integer: starts in 24 bits, sizes in 4; nil (not cached) beyond.
    private static func key(en: Range<Int>, sq: Range<Int>) -> Int? {
        guard en.lowerBound < 1 << 24, sq.lowerBound < 1 << 24, en.count < 16, sq.count < 16 else { return nil }
        return en.lowerBound << 32 | en.count << 28 | sq.lowerBound << 4 | sq.count
    }

    /// Linear probing over 2^bits slots, grown at half full.
    private struct Table {
        /// Slots: `Int.min` when empty, else the packed key of the bead.
        var keys: [Int]
        /// The cost of the bead in the same slot (nil: the bead is not allowed).
        var values: [Double?]
        var count = 0
        /// log2 of the number of slots.
        var bits: Int

        init(bits: Int) {
            self.bits = bits
            keys = [Int](repeating: .min, count: 1 << bits)
            values = [Double?](repeating: nil, count: 1 << bits)
        }

        /// The stored cost of `key`: nil when not stored, `.some(nil)` for a refused bead.
        func value(_ key: Int) -> Double?? {
            var slot = self.slot(key)
            while keys[slot] != .min {
                if keys[slot] == key { return .some(values[slot]) }
                slot = (slot + 1) & ((1 << bits) - 1)
            }
            return nil
        }

        mutating func insert(_ key: Int, _ value: Double?) {
            var slot = self.slot(key)
            while keys[slot] != .min {
                if keys[slot] == key { break }
                slot = (slot + 1) & ((1 << bits) - 1)
            }
            if keys[slot] == .min { count += 1 }
            keys[slot] = key
            values[slot] = value
            if 2 * count > keys.count { grow() }
        }

        /// Fibonacci hashing: the top bits of the key times 2^64/φ.
        private func slot(_ key: Int) -> Int {
            Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }

        private mutating func grow() {
            var larger = Table(bits: bits + 1)
            for (key, value) in zip(keys, values) where key != .min { larger.insert(key, value) }
            self = larger
        }
    }
}
