extension Array where Element == UInt8 {
    /// Appends `number` in decimal (with a leading `-` when negative), as `"\(number)"` writes it,
    /// without making the string: outputs built as bytes write thousands of numbers.
    public mutating func appendDecimal(_ number: Int) {
        // One and two digits, most of what is written (paragraph numbers, bead positions, months
        // and days), without the digit buffer.
        if number >= 0, number < 100 {
            if number >= 10 { append(UInt8(ascii: "0") + UInt8(number / 10)) }
            return append(UInt8(ascii: "0") + UInt8(number % 10))
        }
        if number < 0 { append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, filled from the end
        Swift.withUnsafeMutableBytes(of: &digits) { raw in
            // Typed, so that the digits are appended as one copy (a raw buffer's slice went
            // through the generic sequence path, most of the cost of a long number).
            let buffer = raw.bindMemory(to: UInt8.self)
            var position = buffer.count
            repeat {
                position -= 1
                buffer[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(contentsOf: UnsafeBufferPointer(rebasing: buffer[position...]))
        }
    }

    /// Appends the UTF-8 bytes of a literal, copied as one block (appending a `String`'s UTF-8
    /// view goes through the generic sequence path, a few times slower for short pieces).
    public mutating func appendLiteral(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
