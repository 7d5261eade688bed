/// The first byte of a file that cannot be decoded: its absolute offset and why.
struct DecodeFailure: Error, Equatable {
    var byteOffset: Int
    var reason: String
}

/// A window of UTF-8 text over a file in any supported encoding, decoded chunk by chunk.
///
/// `storage.base[0..<end]` is decoded, well-formed UTF-8. The consumer scans it and, when it
/// needs more, calls `refill(keepingFrom:)`: the bytes it still needs move to the front and at
/// least one more decoded byte is appended (unless the input is finished). Memory stays bounded
/// by one chunk (times the encoding's expansion) plus what the consumer keeps.
///
/// A decoding failure is deferred until the consumer has used every byte before it: the bytes
/// up to the bad one are delivered first, and the next `refill` throws the `DecodeFailure`
/// (with the absolute file offset). So the consumer knows exactly which line the bad byte is on.
final class DecodedByteStream {
    let storage = ByteBuffer(capacity: 0)
    /// End of the decoded bytes in `storage`.
    private(set) var end = 0
    /// True when every byte of the input has been decoded into `storage` (`end` is final).
    private(set) var isFinished = false

    private let source: FileByteSource
    private let transcoder: TextTranscoder
    private let chunkSize: Int
    private let raw: ByteBuffer
    private var rawStart = 0
    private var rawEnd = 0
    /// Absolute file offset of `raw.base[rawStart]`.
    private var rawOffset = 0
    private var sourceExhausted = false
    private var failure: DecodeFailure?

    /// - Parameter skipping: bytes to drop at the start of the file (a byte order mark).
    init(source: FileByteSource, transcoder: TextTranscoder, chunkSize: Int, skipping skipCount: Int) throws {
        self.source = source
        self.transcoder = transcoder
        self.chunkSize = max(1, chunkSize)
        raw = ByteBuffer(capacity: self.chunkSize + 8)
        storage.reserve(self.chunkSize * transcoder.maxExpansion + 64, preserving: 0)
        var skipped = 0
        while skipped < skipCount {
            let n = try source.read(into: raw.base, count: skipCount - skipped)
            if n == 0 { break }
            skipped += n
        }
        rawOffset = skipped
    }

    var base: UnsafeMutablePointer<UInt8> { storage.base }

    /// Moves `base[keepFrom..<end]` to the front (always, even when it then throws: every
    /// index the consumer holds must be lowered by `keepFrom`) and decodes more input after it.
    /// Afterwards either `end` grew or `isFinished` is true; a bad byte that is now next throws
    /// `DecodeFailure`, read errors throw `SpreadsheetError`.
    func refill(keepingFrom keepFrom: Int) throws {
        storage.moveToFront(from: keepFrom, to: end)
        end -= keepFrom
        if let failure { throw failure }
        let before = end
        while end == before && !isFinished {
            if !sourceExhausted {
                raw.moveToFront(from: rawStart, to: rawEnd)
                rawEnd -= rawStart
                rawStart = 0
                let n = try source.read(into: raw.base + rawEnd, count: min(chunkSize, raw.capacity - rawEnd))
                if n == 0 { sourceExhausted = true } else { rawEnd += n }
            }
            let pending = rawEnd - rawStart
            if pending == 0 && sourceExhausted {
                isFinished = true
                break
            }
            storage.reserve(end + pending * transcoder.maxExpansion, preserving: end)
            let result = transcoder.decode(raw.base + rawStart, count: pending, into: storage.base + end, isFinal: sourceExhausted)
            rawStart += result.consumed
            rawOffset += result.consumed
            end += result.produced
            if let reason = result.failure {
                let failure = DecodeFailure(byteOffset: rawOffset, reason: reason)
                self.failure = failure
                if end == before { throw failure }
                break
            }
            if sourceExhausted && rawStart == rawEnd { isFinished = true }
        }
    }
}
