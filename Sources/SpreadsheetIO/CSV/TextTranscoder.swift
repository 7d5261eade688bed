/// Converts one chunk of raw bytes in a given encoding to UTF-8, strictly.
///
/// Stateless: a sequence cut by the end of a chunk (a UTF-8 lead byte without its continuation
/// bytes, half a UTF-16 unit, a high surrogate without its pair) is left unconsumed, and the
/// caller passes it again at the start of the next chunk. Invalid input stops decoding at the
/// first bad byte and reports why, so the caller can name its absolute offset.
struct TextTranscoder {
    struct Result {
        /// Input bytes decoded (when `failure` is set: the offset of the first bad byte).
        var consumed: Int
        /// UTF-8 bytes written.
        var produced: Int
        /// Why decoding stopped early, nil when it did not.
        var failure: String?
    }

    private enum Mode {
        case utf8
        case utf16(bigEndian: Bool)
        /// 128 entries for bytes 0x80…0xFF: up to three UTF-8 bytes (low byte first) and the
        /// length in the top byte; length 0 for an undefined byte.
        case singleByte([UInt32])
    }

    let encoding: TextEncoding
    private let mode: Mode

    /// - Parameter allowingC1Controls: whether the ISO-8859 encodings may decode 0x80…0x9F to
    ///   C1 control characters. Real text never contains them, so when the encoding was only
    ///   guessed they mean the guess is wrong: they are then reported as undecodable.
    init(encoding: TextEncoding, allowingC1Controls: Bool = true) {
        self.encoding = encoding
        switch encoding {
        case .utf8: mode = .utf8
        case .utf16LittleEndian: mode = .utf16(bigEndian: false)
        case .utf16BigEndian: mode = .utf16(bigEndian: true)
        default:
            var scalars = SingleByteCodePages.table(for: encoding)!
            if !allowingC1Controls {
                for k in scalars.indices where scalars[k] < 0xA0 { scalars[k] = 0 }
            }
            mode = .singleByte(Self.utf8Table(scalars))
        }
    }

    /// The most UTF-8 bytes one input byte can turn into: the output must have room for
    /// `count * maxExpansion` bytes.
    var maxExpansion: Int {
        switch mode {
        case .utf8: return 1
        case .utf16: return 2  // 2 bytes → at most 3, 4 bytes (a pair) → 4
        case .singleByte: return 3  // € and other BMP symbols take 3 UTF-8 bytes
        }
    }

    /// Decodes `input[0..<count]` into `output`. With `isFinal` false, an unfinished sequence
    /// at the end is left unconsumed; with `isFinal` true it is an error.
    func decode(_ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>, isFinal: Bool) -> Result {
        switch mode {
        case .utf8:
            let (length, stop) = UTF8Validation.validPrefix(input, count: count, isFinal: isFinal)
            output.update(from: input, count: length)
            let failure = stop == .invalid ? UTF8Validation.describeInvalid(input, length, count) : nil
            return Result(consumed: length, produced: length, failure: failure)
        case .utf16(let bigEndian):
            return decodeUTF16(input, count: count, into: output, bigEndian: bigEndian, isFinal: isFinal)
        case .singleByte(let table):
            return table.withUnsafeBufferPointer { decodeSingleByte(input, count: count, into: output, table: $0.baseAddress!) }
        }
    }

    private func decodeSingleByte(_ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>,
                                  table: UnsafePointer<UInt32>) -> Result {
        var i = 0, o = 0
        let rawIn = UnsafeRawPointer(input)
        let rawOut = UnsafeMutableRawPointer(output)
        while i < count {
            while i + 8 <= count {
                let word = rawIn.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                rawOut.storeBytes(of: word, toByteOffset: o, as: UInt64.self)
                i += 8
                o += 8
            }
            if i >= count { break }
            let b = input[i]
            if b < 0x80 {
                output[o] = b
                o += 1
                i += 1
                continue
            }
            let entry = table[Int(b &- 0x80)]
            let length = Int(entry >> 24)
            if length == 0 {
                let defined = SingleByteCodePages.table(for: encoding)![Int(b &- 0x80)] != 0
                let what = defined ? "is a C1 control character in \(encoding), not text" : "is not defined in \(encoding)"
                return Result(consumed: i, produced: o, failure: "byte 0x\(UTF8Validation.hexByte(b)) \(what)")
            }
            output[o] = UInt8(truncatingIfNeeded: entry)
            if length > 1 { output[o + 1] = UInt8(truncatingIfNeeded: entry >> 8) }
            if length > 2 { output[o + 2] = UInt8(truncatingIfNeeded: entry >> 16) }
            o += length
            i += 1
        }
        return Result(consumed: i, produced: o, failure: nil)
    }

    private func decodeUTF16(_ input: UnsafePointer<UInt8>, count: Int, into output: UnsafeMutablePointer<UInt8>,
                             bigEndian: Bool, isFinal: Bool) -> Result {
        @inline(__always) func unit(_ at: Int) -> UInt32 {
            bigEndian ? UInt32(input[at]) << 8 | UInt32(input[at + 1]) : UInt32(input[at + 1]) << 8 | UInt32(input[at])
        }
        var i = 0, o = 0
        while i + 1 < count {
            let u = unit(i)
            if u < 0x80 {
                output[o] = UInt8(u)
                o += 1
            } else if u < 0x800 {
                output[o] = UInt8(0xC0 | (u >> 6))
                output[o + 1] = UInt8(0x80 | (u & 0x3F))
                o += 2
            } else if u >= 0xD800 && u <= 0xDBFF {
                if i + 3 >= count {
                    if isFinal {
                        return Result(consumed: i, produced: o, failure: "high surrogate \(Self.hex16(u)) at the end of the file has no low surrogate")
                    }
                    return Result(consumed: i, produced: o, failure: nil)
                }
                let low = unit(i + 2)
                guard low >= 0xDC00 && low <= 0xDFFF else {
                    return Result(consumed: i, produced: o, failure: "high surrogate \(Self.hex16(u)) is not followed by a low surrogate")
                }
                let scalar = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                output[o] = UInt8(0xF0 | (scalar >> 18))
                output[o + 1] = UInt8(0x80 | ((scalar >> 12) & 0x3F))
                output[o + 2] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
                output[o + 3] = UInt8(0x80 | (scalar & 0x3F))
                o += 4
                i += 2
            } else if u >= 0xDC00 && u <= 0xDFFF {
                return Result(consumed: i, produced: o, failure: "unpaired low surrogate \(Self.hex16(u))")
            } else {
                output[o] = UInt8(0xE0 | (u >> 12))
                output[o + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
                output[o + 2] = UInt8(0x80 | (u & 0x3F))
                o += 3
            }
            i += 2
        }
        if i < count && isFinal {
            return Result(consumed: i, produced: o, failure: "odd number of bytes: the last byte is half a UTF-16 code unit")
        }
        return Result(consumed: i, produced: o, failure: nil)
    }

    private static func hex16(_ u: UInt32) -> String {
        "U+" + UTF8Validation.hexByte(UInt8(u >> 8)) + UTF8Validation.hexByte(UInt8(u & 0xFF))
    }

    /// Packs each defined scalar of a code page table as UTF-8 bytes plus length.
    static func utf8Table(_ scalars: [UInt16]) -> [UInt32] {
        scalars.map { s -> UInt32 in
            let v = UInt32(s)
            if v == 0 { return 0 }
            if v < 0x800 {
                return 2 << 24 | (0x80 | (v & 0x3F)) << 8 | (0xC0 | (v >> 6))
            }
            return 3 << 24 | (0x80 | (v & 0x3F)) << 16 | (0x80 | ((v >> 6) & 0x3F)) << 8 | (0xE0 | (v >> 12))
        }
    }
}
