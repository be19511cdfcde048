extension String {
    /// A string from UTF-16 code units, transcoded by hand straight into UTF-8 storage: several
    /// times faster than `String(decoding:as: UTF16.self)` on array slices, which matters when a
    /// segmenter cuts megabytes of ICU output into sentences. Unpaired surrogates become U+FFFD.
    @inlinable
    public init(utf16Units units: ArraySlice<UInt16>) {
        self = units.withUnsafeBufferPointer { String(utf16Buffer: $0) }
    }

    /// A string from the UTF-16 code units in `units` (see ``init(utf16Units:)``).
    @inlinable
    public init(utf16Buffer units: UnsafeBufferPointer<UInt16>) {
        self.init(unsafeUninitializedCapacity: units.count * 3) { buffer in
            var out = 0
            var index = units.startIndex
            while index != units.endIndex {
                var scalar = UInt32(units[index])
                units.formIndex(after: &index)
                if scalar >= 0xD800 && scalar <= 0xDFFF {
                    if scalar <= 0xDBFF, index != units.endIndex, (0xDC00...0xDFFF).contains(units[index]) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[index]) - 0xDC00)
                        units.formIndex(after: &index)
                    } else {
                        scalar = 0xFFFD
                    }
                }
                switch scalar {
                case 0..<0x80:
                    buffer[out] = UInt8(scalar); out += 1
                case 0x80..<0x800:
                    buffer[out] = UInt8(0xC0 | (scalar >> 6))
                    buffer[out + 1] = UInt8(0x80 | (scalar & 0x3F)); out += 2
                case 0x800..<0x10000:
                    buffer[out] = UInt8(0xE0 | (scalar >> 12))
                    buffer[out + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    buffer[out + 2] = UInt8(0x80 | (scalar & 0x3F)); out += 3
                default:
                    // 4 bytes from 2 units: still within the 3-bytes-per-unit capacity.
                    buffer[out] = UInt8(0xF0 | (scalar >> 18))
                    buffer[out + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                    buffer[out + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                    buffer[out + 3] = UInt8(0x80 | (scalar & 0x3F)); out += 4
                }
            }
            return out
        }
    }
}
