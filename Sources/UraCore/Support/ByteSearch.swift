import Foundation

extension UnsafeBufferPointer where Element == UInt8 {
    /// The position of the first `byte` in `range` of the buffer, or nil: found with `memchr`,
    /// for the files Ura reads line by line (manifests, review digests, canonical documents),
    /// where stepping through a slice byte by byte cost several times the search.
    @inlinable
    public func firstIndex(of byte: UInt8, in range: Range<Int>) -> Int? {
        guard !range.isEmpty, let base = baseAddress, let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else {
            return nil
        }
        return UnsafePointer(hit.assumingMemoryBound(to: UInt8.self)) - base
    }
}
