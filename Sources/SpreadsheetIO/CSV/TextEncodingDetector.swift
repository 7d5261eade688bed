#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Guesses the encoding of a text file from a leading sample of its bytes.
///
/// 1. A byte order mark decides (UTF-8, UTF-16LE, UTF-16BE), confidence 1.
/// 2. Without one, ASCII text with a zero byte in every other position is UTF-16 (0.9).
/// 3. Well-formed UTF-8 is UTF-8: confidence 1 for pure ASCII, else rising with the number of
///    multi-byte sequences (legacy text almost never happens to form them).
/// 4. Well-formed multi-byte sequences *and* ill-formed bytes: broken UTF-8 (a UTF-8 file with
///    a pasted legacy fragment). Reported as UTF-8 so that reading stops with an error at the
///    first bad byte rather than producing mojibake. Only when ill-formed sequences outnumber
///    well-formed ones eight to one are the well-formed ones taken as coincidence (step 5).
/// 5. Otherwise a single-byte encoding: each candidate decodes the sample and is scored on
///    how plausible each non-ASCII character is in its context (see `singleByteScores`).
///    The best wins; ties go to windows-1252, ISO-8859-1, ISO-8859-15, ISO-8859-2,
///    windows-1251 in that order. Confidence grows with the margin over the best candidate
///    that would decode the sample *differently* (windows-1252 and ISO-8859-1 often agree).
///    ISO-8859-1 differs from windows-1252 only by C1 controls where windows-1252 has € ’ “ –…,
///    so it never wins: like browsers, we read such files as windows-1252. Name ISO-8859-1
///    explicitly to get C1 controls. When a guessed ISO-8859 encoding meets a C1 control
///    later in the file, reading stops with an error rather than passing it on.
public enum TextEncodingDetector {
    /// Single-byte candidates, in order of preference for ties.
    public static let singleByteCandidates: [TextEncoding] = [.windows1252, .iso8859_1, .iso8859_15, .iso8859_2, .windows1251]

    /// Detects the encoding of `sample`, the first bytes of a file; `isComplete` says whether
    /// it is the whole file (otherwise a multi-byte sequence cut at its end is not an error).
    public static func detect(_ sample: UnsafeBufferPointer<UInt8>, isComplete: Bool) -> DetectedEncoding {
        guard let p = sample.baseAddress, !sample.isEmpty else {
            return DetectedEncoding(encoding: .utf8, confidence: 1)
        }
        let n = sample.count
        if n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF {
            return DetectedEncoding(encoding: .utf8, confidence: 1, hasByteOrderMark: true)
        }
        if n >= 2 && p[0] == 0xFF && p[1] == 0xFE {
            return DetectedEncoding(encoding: .utf16LittleEndian, confidence: 1, hasByteOrderMark: true)
        }
        if n >= 2 && p[0] == 0xFE && p[1] == 0xFF {
            return DetectedEncoding(encoding: .utf16BigEndian, confidence: 1, hasByteOrderMark: true)
        }
        if let utf16 = utf16WithoutBOM(p, n) { return utf16 }

        // UTF-8 well-formedness census.
        var multiByte = 0, invalid = 0
        var i = 0
        while i < n {
            if p[i] < 0x80 {
                i += 1
                continue
            }
            let length = UTF8Validation.sequenceLength(p, i, n)
            if length > 0 {
                multiByte += 1
                i += length
            } else if length < 0 && !isComplete {
                break  // cut by the end of the sample
            } else {
                invalid += 1
                i += 1
            }
        }
        if invalid == 0 {
            if multiByte == 0 { return DetectedEncoding(encoding: .utf8, confidence: 1) }
            return DetectedEncoding(encoding: .utf8, confidence: min(0.999, 1 - 0.2 * pow2(-(multiByte - 1))))
        }
        if multiByte > 0 && multiByte * 8 >= invalid {
            return DetectedEncoding(encoding: .utf8, confidence: Double(multiByte) / Double(multiByte + invalid))
        }

        let scores = singleByteScores(sample)
        let best = scores.max(by: { a, b in
            a.score < b.score || (a.score == b.score && rank(a.encoding) > rank(b.encoding))
        })!
        // The strongest candidate that reads the sample differently, and on how many bytes.
        var occurrences = [Int](repeating: 0, count: 128)
        var highCount = 0
        for b in sample where b >= 0x80 {
            occurrences[Int(b - 0x80)] += 1
            highCount += 1
        }
        let bestTable = SingleByteCodePages.table(for: best.encoding)!
        var competitor: (score: Double, differing: Int)?
        for candidate in scores where candidate.encoding != best.encoding {
            let table = SingleByteCodePages.table(for: candidate.encoding)!
            var differing = 0
            for k in 0..<128 where table[k] != bestTable[k] { differing += occurrences[k] }
            if differing > 0 && candidate.score > (competitor?.score ?? -.infinity) {
                competitor = (candidate.score, differing)
            }
        }
        // The total score gap, scaled by the square root of the bytes it rests on: one telling
        // byte in a short sample is some evidence, the same gap over many bytes is less per byte.
        var confidence = 0.99
        if let competitor {
            let gap = (best.score - competitor.score) * Double(highCount)
            confidence = min(0.99, 1 - 0.5 * exp2(-gap / Double(competitor.differing).squareRoot()))
        }
        return DetectedEncoding(encoding: best.encoding, confidence: confidence)
    }

    /// Convenience for byte arrays.
    public static func detect(_ sample: [UInt8], isComplete: Bool = true) -> DetectedEncoding {
        sample.withUnsafeBufferPointer { detect($0, isComplete: isComplete) }
    }

    private static func rank(_ encoding: TextEncoding) -> Int {
        singleByteCandidates.firstIndex(of: encoding) ?? singleByteCandidates.count
    }

    private static func pow2(_ e: Int) -> Double { exp2(Double(e)) }

    /// ASCII text in UTF-16 without a BOM: zero bytes in (nearly) every other position.
    private static func utf16WithoutBOM(_ p: UnsafePointer<UInt8>, _ n: Int) -> DetectedEncoding? {
        let pairs = min(n, 4096) / 2
        guard pairs >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for k in 0..<pairs {
            if p[2 * k] == 0 { evenZeros += 1 }
            if p[2 * k + 1] == 0 { oddZeros += 1 }
        }
        if evenZeros * 10 >= pairs * 4 && oddZeros * 20 < pairs {
            return DetectedEncoding(encoding: .utf16BigEndian, confidence: 0.9)
        }
        if oddZeros * 10 >= pairs * 4 && evenZeros * 20 < pairs {
            return DetectedEncoding(encoding: .utf16LittleEndian, confidence: 0.9)
        }
        return nil
    }

    // MARK: - Single-byte scoring

    /// What a byte decodes to, as far as plausibility goes.
    struct CharacterClass {
        enum Kind: UInt8 { case other, digit, letter, euro, commonSymbol, rareSymbol, space, control, undefined }
        var kind: Kind
        var isHigh = false
        var isCyrillic = false
        var isUpper = false
        /// A letter that is rare in the languages we read (`ð`, `þ`, `ŕ`, `ĺ`…): what French
        /// `à` or Danish `å` turn into under the wrong Latin code page.
        var isRare = false

        var isLetter: Bool { kind == .letter }
        var isHighLetter: Bool { kind == .letter && isHigh }
    }

    /// Symbols that occur in real data files: currency, quotes, dashes, units, bullets.
    private static let commonSymbols: Set<UInt32> = [
        0x00A3, 0x00A2, 0x00A5, 0x00B0, 0x00AB, 0x00BB, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E,
        0x2013, 0x2014, 0x2026, 0x2022, 0x00A7, 0x00A9, 0x00AE, 0x2122, 0x00B1, 0x00D7, 0x00F7, 0x00B2,
        0x00B3, 0x00B7, 0x00B5, 0x2116, 0x2030, 0x00BF, 0x00A1,
    ]
    /// Letters rare in the languages we read: Icelandic ð þ, Slovak ŕ ĺ, Romanian ţ, Ÿ (what
    /// French à, Danish å, Czech ž become under a wrong Latin code page), and the Serbian,
    /// Macedonian, Ukrainian and Belarusian letters of windows-1251 (what windows-1252's
    /// 0x80…0x9F punctuation becomes under it).
    private static let rareLetters: Set<UInt32> = {
        var set: Set<UInt32> = [0x00D0, 0x00F0, 0x00DE, 0x00FE, 0x0154, 0x0155, 0x0139, 0x013A, 0x0162, 0x0163, 0x0178]
        for v: UInt32 in 0x0402...0x040F where v != 0x040D { set.insert(v) }
        for v: UInt32 in 0x0452...0x045F where v != 0x045D { set.insert(v) }
        set.formUnion([0x0490, 0x0491])
        return set
    }()

    /// The class of each of the 256 byte values under `encoding` (single-byte only).
    static func characterClasses(_ encoding: TextEncoding) -> [CharacterClass] {
        let table = SingleByteCodePages.table(for: encoding)!
        return (0..<256).map { b -> CharacterClass in
            if b < 0x80 {
                switch UInt8(b) {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): return CharacterClass(kind: .digit)
                case UInt8(ascii: "a")...UInt8(ascii: "z"): return CharacterClass(kind: .letter)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): return CharacterClass(kind: .letter, isUpper: true)
                default: return CharacterClass(kind: .other)
                }
            }
            let v = UInt32(table[b - 0x80])
            var c = CharacterClass(kind: .rareSymbol, isHigh: true)
            guard v != 0 else { c.kind = .undefined; return c }
            if v < 0xA0 { c.kind = .control; return c }
            if v == 0xA0 { c.kind = .space; return c }
            if v == 0x20AC { c.kind = .euro; return c }
            if commonSymbols.contains(v) { c.kind = .commonSymbol; return c }
            let scalar = UnicodeScalar(v)!
            // ª º are "alphabetic" but are ordinal indicators, µ is handled as a symbol above.
            if scalar.properties.isAlphabetic && v != 0xAA && v != 0xBA {
                c.kind = .letter
                c.isCyrillic = (0x0400...0x04FF).contains(v)
                c.isUpper = scalar.properties.isUppercase
                c.isRare = rareLetters.contains(v)
            }
            return c
        }
    }

    private static let classTables: [TextEncoding: [CharacterClass]] = {
        var tables: [TextEncoding: [CharacterClass]] = [:]
        for encoding in singleByteCandidates { tables[encoding] = characterClasses(encoding) }
        return tables
    }()

    /// Average plausibility per non-ASCII byte of the sample under each single-byte candidate.
    /// Per byte:
    /// - a letter scores 1, +1 per neighbouring ASCII letter when it is Latin (an accent inside
    ///   a Latin word) but -3 when it is Cyrillic (mixed scripts in a word), +0.5 per non-ASCII
    ///   letter of the same script next to it; a Latin letter between two non-ASCII letters
    ///   loses 2 (accented Latin letters do not come in runs; Cyrillic ones do); rare letters
    ///   lose 1.5; an uppercase letter right after a lowercase one loses 1;
    /// - `€` scores 1; a common symbol 0, or -2 inside a word; a rare symbol (`¤ ¦ ¨ ¹ ¼`…)
    ///   -2, or -4 inside a word; a C1 control or a byte the encoding leaves undefined -10.
    static func singleByteScores(_ sample: UnsafeBufferPointer<UInt8>) -> [(encoding: TextEncoding, score: Double)] {
        singleByteCandidates.map { encoding in
            let classes = classTables[encoding]!
            return (encoding, classes.withUnsafeBufferPointer { score(sample, $0) })
        }
    }

    private static func score(_ sample: UnsafeBufferPointer<UInt8>, _ classes: UnsafeBufferPointer<CharacterClass>) -> Double {
        let n = sample.count
        var total = 0.0
        var high = 0
        let outside = CharacterClass(kind: .other)
        for i in 0..<n where sample[i] >= 0x80 {
            high += 1
            let c = classes[Int(sample[i])]
            let prev = i > 0 ? classes[Int(sample[i - 1])] : outside
            let next = i + 1 < n ? classes[Int(sample[i + 1])] : outside
            let insideWord = prev.isLetter && next.isLetter
            switch c.kind {
            case .undefined, .control:
                // Equal, so that windows-1252 (first in the tie order) still wins over
                // ISO-8859-1 when a stray byte is undefined in it: decoding then reports the
                // byte instead of turning it into an invisible C1 control.
                total -= 10
            case .euro:
                total += 1
            case .space, .other, .digit:
                break
            case .commonSymbol:
                if insideWord { total -= 2 }
            case .rareSymbol:
                total -= insideWord ? 4 : 2
            case .letter:
                var v = 1.0
                for neighbour in [prev, next] {
                    if neighbour.isLetter && !neighbour.isHigh {
                        v += c.isCyrillic ? -3 : 1
                    } else if neighbour.isHighLetter {
                        v += neighbour.isCyrillic == c.isCyrillic ? 0.5 : -3
                    } else if neighbour.kind == .control || neighbour.kind == .rareSymbol {
                        v -= 1
                    }
                }
                if !c.isCyrillic && prev.isHighLetter && next.isHighLetter { v -= 2 }
                if c.isRare { v -= 1.5 }
                if c.isUpper && prev.isLetter && !prev.isUpper { v -= 1 }
                total += v
            }
        }
        return high == 0 ? 0 : total / Double(high)
    }
}
