/// Values by packed-byte keys (``PackedBytes``), in an open-addressing table: hashing a key is
/// one multiplication, where a `Dictionary` runs a keyed hash over its eight bytes, and the
/// aligner looks keys up for every distinct word of a document.
struct PackedKeyTable<Value> {
    /// Per slot, its key (0 when empty) and value.
    private var keys: [UInt64]
    private var values: [Value?]
    /// The value of key 0 (the key of the empty text), which marks an empty slot.
    private var zeroValue: Value?
    private var count = 0
    /// log2 of the number of slots.
    private var bits: Int

    /// An empty table with room for `minimumCapacity` keys before it grows.
    init(minimumCapacity: Int = 0) {
        var bits = 4
        while 1 << bits < 2 * minimumCapacity { bits += 1 }
        self.bits = bits
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [Value?](repeating: nil, count: 1 << bits)
    }

    /// The value of `key`, nil when it has none.
    func value(_ key: UInt64) -> Value? {
        guard key != 0 else { return zeroValue }
        let slot = slot(of: key)
        return keys[slot] == key ? values[slot] : nil
    }

    /// Sets the value of `key`.
    mutating func insert(_ key: UInt64, _ value: Value) {
        guard key != 0 else { return zeroValue = value }
        let slot = slot(of: key)
        if keys[slot] != key {
            keys[slot] = key
            count += 1
        }
        values[slot] = value
        if 2 * count > keys.count { grow() }
    }

    /// The slot holding `key` (not 0), or the empty slot where it would go: linear probing from
    /// the top bits of the key times 2^64/φ.
    private func slot(of key: UInt64) -> Int {
        let mask = (1 << bits) - 1
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    private mutating func grow() {
        var larger = PackedKeyTable(minimumCapacity: keys.count)
        larger.zeroValue = zeroValue
        for (key, value) in zip(keys, values) where key != 0 {
            if let value { larger.insert(key, value) }
        }
        self = larger
    }
}
