import Testing
@testable import UraCore

@Suite struct SHA256Tests {
    @Test func knownVectors() {
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        // Fed in uneven pieces, the digest is the same as in one piece.
        let text = Array(String(repeating: "Tiranë, 5 Nëntor 2018 ", count: 50).utf8)
        var pieces = SHA256()
        pieces.update(text[0..<7]); pieces.update(text[7..<130]); pieces.update(text[130...])
        #expect(pieces.hexDigest() == SHA256.hex(text))
        // A sequence without contiguous storage gives the digest of its bytes.
        #expect(SHA256.hex(text.lazy.map { $0 }) == SHA256.hex(text))
        // A million "a" (FIPS 180-2's long vector), in blocks read where they lie.
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
