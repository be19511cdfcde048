/// Memoised bead costs of one run, keyed by the bead's units (a reference, so the run's methods
/// stay non-mutating).
///
/// An open-addressing table on a packed integer key: the programme asks for every bead several
/// times (the band and the confidence windows overlap, paragraph beads share sentence beads),
/// and a `Dictionary` of ranges spent more time hashing than the costs took to compute.
final class CostCache {
    /// The table, in one stored property, whose accesses are not checked for exclusivity at run
    /// time (the check cost as much as the look-up): only ``cost(en:sq:compute:)`` touches it, and
    /// never while `compute` runs, so accesses cannot overlap.
    @exclusivity(unchecked) private var table: Table

    /// A table sized for about `expected` beads without growing.
    init(expected: Int = 512) {
        // Sixteen slots for a cache not expected to be asked (one a dense table stands in for).
        var bits = expected == 0 ? 4 : 10
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
        /// A slot: the packed key of a bead (`Int.min` when empty) and its cost.
        struct Slot {
            var key: Int
            var cost: Double
            /// False for a bead that is not allowed.
            var allowed: Bool

            static let empty = Slot(key: .min, cost: 0, allowed: false)
            var value: Double? { allowed ? cost : nil }
        }
        var slots: [Slot]
        var count = 0
        /// log2 of the number of slots.
        var bits: Int

        init(bits: Int) {
            self.bits = bits
            slots = [Slot](repeating: .empty, count: 1 << bits)
        }

        /// The stored cost of `key`: nil when not stored, `.some(nil)` for a refused bead.
        func value(_ key: Int) -> Double?? {
            var slot = self.slot(key)
            while slots[slot].key != .min {
                if slots[slot].key == key { return .some(slots[slot].value) }
                slot = (slot + 1) & ((1 << bits) - 1)
            }
            return nil
        }

        mutating func insert(_ key: Int, _ value: Double?) {
            var slot = self.slot(key)
            while slots[slot].key != .min {
                if slots[slot].key == key { break }
                slot = (slot + 1) & ((1 << bits) - 1)
            }
            if slots[slot].key == .min { count += 1 }
            slots[slot] = Slot(key: key, cost: value ?? 0, allowed: value != nil)
            if 2 * count > slots.count { grow() }
        }

        /// Fibonacci hashing: the top bits of the key times 2^64/φ.
        private func slot(_ key: Int) -> Int {
            Int(truncatingIfNeeded: (UInt64(truncatingIfNeeded: key) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }

        private mutating func grow() {
            var larger = Table(bits: bits + 1)
            for slot in slots where slot.key != .min { larger.insert(slot.key, slot.value) }
            self = larger
        }
    }
}
