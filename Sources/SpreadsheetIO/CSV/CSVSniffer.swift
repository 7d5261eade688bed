/// Guesses the delimiter of a CSV file from a leading sample of its (UTF-8) text.
///
/// Each candidate (`,` `;` tab `|`) tokenises the sample with quoting, so delimiters inside
/// quoted fields do not count. The winner is the candidate for which the most records have the
/// same number of fields (the mode, which must be at least 2): real exports have the same
/// column count on every line, while a delimiter that only occurs in text (a comma in a name, a
/// decimal comma in a semicolon file) gives varying counts. Ties go to the larger column count,
/// then to the order above. Blank lines are ignored; a title line above the header only lowers
/// every candidate's score a little.
public enum CSVSniffer {
    public struct Result: Hashable, Sendable {
        public var dialect: CSVDialect
        /// 0…1: the winner's consistency, lowered when a runner-up is nearly as consistent.
        /// 0 when no candidate splits the lines (a one-column file: `,` is assumed).
        public var confidence: Double
    }

    /// The delimiters tried, in order of preference for ties.
    public static let candidateDelimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// At most this many records of the sample are looked at.
    static let maxRecords = 1_000

    /// Sniffs `sample`; `isComplete` says whether it is the whole file (otherwise its last,
    /// possibly cut, record is ignored). `quote` is the quote character assumed (nil: none).
    public static func sniff(_ sample: UnsafeBufferPointer<UInt8>, isComplete: Bool, quote: UInt8? = UInt8(ascii: "\"")) -> Result {
        let quoting: CSVDialect.Quoting = quote.map { .character($0) } ?? .none
        var best: (score: Double, mode: Int, dialect: CSVDialect)?
        var runnerUpScore = 0.0
        for delimiter in candidateDelimiters where delimiter != quote {
            let dialect = CSVDialect(delimiter: delimiter, quoting: quoting)
            let (score, mode) = consistency(of: sample, dialect: dialect, isComplete: isComplete)
            if let current = best {
                if score > current.score || (score == current.score && mode > current.mode) {
                    runnerUpScore = current.score
                    best = (score, mode, dialect)
                } else {
                    runnerUpScore = max(runnerUpScore, score)
                }
            } else {
                best = (score, mode, dialect)
            }
        }
        guard let best, best.score > 0 else {
            return Result(dialect: CSVDialect(delimiter: UInt8(ascii: ","), quoting: quoting), confidence: 0)
        }
        return Result(dialect: best.dialect, confidence: best.score * (1 - runnerUpScore / 2))
    }

    /// Convenience for byte arrays (tests, small inputs).
    public static func sniff(_ sample: [UInt8], isComplete: Bool = true, quote: UInt8? = UInt8(ascii: "\"")) -> Result {
        sample.withUnsafeBufferPointer { sniff($0, isComplete: isComplete, quote: quote) }
    }

    /// Share of non-blank records having the modal field count, and that count; 0 when the
    /// mode is a single field.
    static func consistency(of sample: UnsafeBufferPointer<UInt8>, dialect: CSVDialect, isComplete: Bool) -> (score: Double, mode: Int) {
        guard let p = sample.baseAddress, !sample.isEmpty else { return (0, 0) }
        let tokenizer = CSVTokenizer(dialect: dialect, maxFieldBytes: Int.max)
        var histogram: [Int: Int] = [:]
        var records = 0
        var position = 0
        scan: while records < maxRecords {
            switch tokenizer.parseRecord(p, from: position, to: sample.count, isFinal: isComplete) {
            case .record(let next, _):
                position = next
                if tokenizer.fieldCount > 0 {
                    histogram[tokenizer.fieldCount, default: 0] += 1
                    records += 1
                }
            default:
                break scan
            }
        }
        guard records > 0 else { return (0, 0) }
        var mode = 0, modeCount = 0
        for (fields, count) in histogram where count > modeCount || (count == modeCount && fields > mode) {
            mode = fields
            modeCount = count
        }
        guard mode >= 2 else { return (0, mode) }
        return (Double(modeCount) / Double(records), mode)
    }
}
