/// A fast 128-bit digest of bytes, as 32 hex digits: for telling Ura's own outputs and inputs
/// apart between builds (site files, manifests, review pages, input keys), never for anything
/// adversarial (use ``SHA256`` there).
///
/// Two independent 64-bit lanes over 8-byte little-endian words (a multiply–xorshift lane and a
/// multiply–rotate lane), then the tail bytes and the length; about eight times faster than a
/// byte-at-a-time FNV-1a, which mattered once a publish digested 80 MB of pages.
public enum ContentDigest {
    /// The digest of `bytes`.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        if let digest = bytes.withContiguousStorageIfAvailable({ hex(UnsafeRawBufferPointer($0)) }) { return digest }
        return Array(bytes).withUnsafeBytes { hex($0) }
    }

    /// The digest of the bytes in `buffer`.
    public static func hex(_ buffer: UnsafeRawBufferPointer) -> String {
        var state = State()
        state.add(buffer)
        return state.hex
    }

    /// The digest of `parts` one after another: the same as of their bytes joined, without
    /// joining them (a collection document assembled from 2,000 entries is 10 MB).
    public static func hex(parts: [ArraySlice<UInt8>]) -> String {
        var state = State()
        for part in parts { part.withUnsafeBytes { state.add($0) } }
        return state.hex
    }

    /// The digest's running state: bytes are taken 8 at a time (little-endian words), the last
    /// fewer than 8 one by one, wherever the pieces they came in were cut.
    private struct State {
        var first: UInt64 = 0xcbf2_9ce4_8422_2325, second: UInt64 = 0x6c62_272e_07bb_0142
        var count = 0
        /// Bytes of a word not yet complete, the first in the lowest bits.
        var pending: UInt64 = 0
        var pendingCount = 0

        /// One word into the two lanes.
        @inline(__always)
        static func mix(_ first: inout UInt64, _ second: inout UInt64, _ word: UInt64) {
            first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
            first ^= first >> 29
            second = (second &+ word) &* 0xC2B2_AE3D_27D4_EB4F
            second = (second << 31) | (second >> 33)
        }

        mutating func add(_ buffer: UnsafeRawBufferPointer) {
            count += buffer.count
            var offset = 0
            while pendingCount > 0, pendingCount < 8, offset < buffer.count {
                pending |= UInt64(buffer[offset]) << UInt64(8 * pendingCount)
                pendingCount += 1
                offset += 1
            }
            if pendingCount == 8 {
                Self.mix(&first, &second, pending)
                (pending, pendingCount) = (0, 0)
            }
            // The lanes kept in locals through the loop: updated in place through `self`, each word
            // stored and reloaded both, which cost three times the instructions.
            var (first, second) = (self.first, self.second)
            if let base = buffer.baseAddress {
                while offset + 8 <= buffer.count {
                    Self.mix(&first, &second, UInt64(littleEndian: (base + offset).loadUnaligned(as: UInt64.self)))
                    offset += 8
                }
            }
            (self.first, self.second) = (first, second)
            while offset < buffer.count {
                pending |= UInt64(buffer[offset]) << UInt64(8 * pendingCount)
                pendingCount += 1
                offset += 1
            }
        }

        var hex: String {
            var (first, second) = (self.first, self.second)
            for index in 0..<pendingCount {
                let byte = (pending >> UInt64(8 * index)) & 0xFF
                first = (first ^ byte) &* 0x100_0000_01b3
                second = (second ^ byte) &* 0x9E37_79B9_7F4A_7C15
            }
            // Final mixing, so the last words reach every bit.
            first ^= UInt64(count)
            first = (first ^ (first >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            first ^= first >> 33
            second = (second ^ (second >> 33)) &* 0xC4CE_B9FE_1A85_EC53
            second ^= second >> 33
            return ContentDigest.hex(first, second)
        }
    }

    /// `first` and `second` as 32 lowercase hex digits, made in one buffer: a publish formats
    /// a digest for each of thousands of files and keys.
    static func hex(_ first: UInt64, _ second: UInt64) -> String {
        String(unsafeUninitializedCapacity: 32) { buffer in
            func put(_ value: UInt64, at offset: Int) {
                for position in 0..<16 {
                    let digit = UInt8(truncatingIfNeeded: (value >> UInt64(60 - 4 * position)) & 0xF)
                    buffer[offset + position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
                }
            }
            put(first, at: 0)
            put(second, at: 16)
            return 32
        }
    }
}
