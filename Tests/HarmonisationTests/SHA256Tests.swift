import Testing
import Harmonisation

/// The one SHA-256 of innaxe (inputs' content hashes in outputs, the inbox's duplicate check and
/// archive names), against the FIPS 180-4 / NIST CSRC example values.
@Suite struct SHA256Tests {
    @Test func nistVectors() {
        #expect(SHA256.hash([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hash(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hash(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)).hex
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func oneMillionAsInUnevenChunks() {
        let data = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(SHA256.hash(data).hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        var h = SHA256()
        var i = 0, step = 1
        while i < data.count {
            let end = min(data.count, i + step)
            if step % 2 == 0 { data[i..<end].withUnsafeBytes { h.update($0) } } else { h.update(Array(data[i..<end])) }
            i = end
            step = step * 3 % 1000 + 1
        }
        let digest = h.finalize()
        #expect(digest.hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        #expect(digest.byteCount == 1_000_000)
    }

    @Test func paddingBoundaries() {
        // 55, 56 and 64 bytes straddle the length field; one-shot must equal byte by byte.
        for n in [55, 56, 63, 64, 65, 119, 120] {
            let bytes = (0..<n).map { UInt8($0 % 251) }
            var h = SHA256()
            for b in bytes { h.update([b]) }
            #expect(h.finalize().hex == SHA256.hash(bytes).hex, "length \(n)")
        }
        #expect(SHA256.hash(Array(repeating: UInt8(0x61), count: 56)).hex
                == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a")
    }
}
