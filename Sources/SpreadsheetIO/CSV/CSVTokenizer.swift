/// One field of a record, as byte offsets into the decoded buffer.
struct CSVFieldSpan {
    /// Start of the text (after the opening quote for a quoted field).
    var start: Int
    /// End of the text (before the closing quote, unless `needsUnescaping`).
    var end: Int
    /// A quoted field holding doubled quotes or text after its closing quote: `start..<end`
    /// runs from after the opening quote to the end of the field and must go through
    /// `CSVTokenizer.unescape`.
    var needsUnescaping: Bool
}

/// Splits UTF-8 bytes into records and fields (RFC 4180, plus what real exports do).
///
/// - A record ends at CR LF, LF or a lone CR (mixed freely), or at the end of the file.
/// - A field that starts with the quote runs to the next quote not doubled; inside it,
///   delimiters, CR and LF are text. Text after the closing quote is kept literally, as
///   Python's `csv` and pandas do (`"ab"c` → `abc`); a quote inside an unquoted field is text.
/// - An empty line is a record with no fields.
///
/// Works on raw pointers with a 256-entry class table so the inner loops are a load, a table
/// lookup and a branch per byte. `parseRecord` is restartable: when the window ends before the
/// record does, it says so and the caller refills and parses the record again from its start.
final class CSVTokenizer {
    enum Outcome: Equatable {
        /// A whole record is in `fields[0..<fieldCount]`. `next` is where the next record
        /// starts; `lineBreaks` counts the line breaks consumed (inside quotes and the final one).
        case record(next: Int, lineBreaks: Int)
        /// The window ended inside the record: refill and parse again.
        case needMore
        /// Nothing left at all.
        case endOfInput
        /// The file ended inside a quoted field; `quoteAt` is the opening quote, on the line
        /// `lineBreaks` after the record's first line.
        case unterminatedQuote(quoteAt: Int, lineBreaks: Int)
        /// A field (1-based `fieldNumber`) starting at `fieldStart` is over the size limit.
        case fieldTooLarge(fieldStart: Int, fieldNumber: Int, lineBreaks: Int)
    }

    private static let endsUnquoted: UInt8 = 1
    private static let specialInQuotes: UInt8 = 2
    private static let cr: UInt8 = 13
    private static let lf: UInt8 = 10

    let dialect: CSVDialect
    let maxFieldBytes: Int
    private let classes: UnsafeMutablePointer<UInt8>
    private(set) var fields: UnsafeMutablePointer<CSVFieldSpan>
    private(set) var fieldCount = 0
    private var fieldCapacity = 64

    init(dialect: CSVDialect, maxFieldBytes: Int) {
        self.dialect = dialect
        self.maxFieldBytes = maxFieldBytes
        classes = .allocate(capacity: 256)
        classes.initialize(repeating: 0, count: 256)
        classes[Int(dialect.delimiter)] |= Self.endsUnquoted
        classes[Int(Self.cr)] |= Self.endsUnquoted | Self.specialInQuotes
        classes[Int(Self.lf)] |= Self.endsUnquoted | Self.specialInQuotes
        if let q = dialect.quote { classes[Int(q)] |= Self.specialInQuotes }
        fields = .allocate(capacity: fieldCapacity)
    }

    deinit {
        classes.deallocate()
        fields.deallocate()
    }

    @inline(__always)
    private func append(_ span: CSVFieldSpan) {
        if fieldCount == fieldCapacity {
            let bigger = UnsafeMutablePointer<CSVFieldSpan>.allocate(capacity: fieldCapacity * 2)
            bigger.moveInitialize(from: fields, count: fieldCount)
            fields.deallocate()
            fields = bigger
            fieldCapacity *= 2
        }
        (fields + fieldCount).initialize(to: span)
        fieldCount += 1
    }

    /// Parses the record starting at `p[start]`, looking no further than `p[end - 1]`.
    /// `isFinal` says that `end` is the end of the file.
    func parseRecord(_ p: UnsafePointer<UInt8>, from start: Int, to end: Int, isFinal: Bool) -> Outcome {
        fieldCount = 0
        if start >= end { return isFinal ? .endOfInput : .needMore }
        let classes = self.classes
        let delimiter = dialect.delimiter
        let quote = dialect.quote
        let hasQuote = quote != nil
        let q = quote ?? 0
        var i = start
        var lineBreaks = 0

        // An empty line: a record without fields.
        if p[i] == Self.lf { return .record(next: i + 1, lineBreaks: 1) }
        if p[i] == Self.cr {
            if i + 1 < end { return .record(next: p[i + 1] == Self.lf ? i + 2 : i + 1, lineBreaks: 1) }
            return isFinal ? .record(next: i + 1, lineBreaks: 1) : .needMore
        }

        while true {
            let fieldStart = i
            let lineBreaksAtField = lineBreaks
            var span: CSVFieldSpan
            if hasQuote && i < end && p[i] == q {
                i += 1
                let contentStart = i
                var contentEnd = i
                var needsUnescaping = false
                while true {
                    while i < end && classes[Int(p[i])] & Self.specialInQuotes == 0 { i += 1 }
                    if i >= end {
                        if isFinal { return .unterminatedQuote(quoteAt: fieldStart, lineBreaks: lineBreaksAtField) }
                        return needMore(fieldStart: fieldStart, end: end, lineBreaks: lineBreaksAtField)
                    }
                    let c = p[i]
                    if c == q {
                        if i + 1 < end {
                            if p[i + 1] == q {
                                needsUnescaping = true
                                i += 2
                                continue
                            }
                        } else if !isFinal {
                            // Cannot tell a closing quote from the first of a doubled pair yet.
                            return needMore(fieldStart: fieldStart, end: end, lineBreaks: lineBreaksAtField)
                        }
                        contentEnd = i
                        i += 1
                        break
                    }
                    lineBreaks += 1
                    i += 1
                    if c == Self.cr && i < end && p[i] == Self.lf { i += 1 }
                }
                if i < end && classes[Int(p[i])] & Self.endsUnquoted == 0 {
                    needsUnescaping = true
                    while i < end && classes[Int(p[i])] & Self.endsUnquoted == 0 { i += 1 }
                }
                span = CSVFieldSpan(start: contentStart, end: needsUnescaping ? i : contentEnd, needsUnescaping: needsUnescaping)
            } else {
                while i < end && classes[Int(p[i])] & Self.endsUnquoted == 0 { i += 1 }
                span = CSVFieldSpan(start: fieldStart, end: i, needsUnescaping: false)
            }
            if i - fieldStart > maxFieldBytes {
                return .fieldTooLarge(fieldStart: fieldStart, fieldNumber: fieldCount + 1, lineBreaks: lineBreaksAtField)
            }
            if i >= end {
                if !isFinal { return .needMore }
                append(span)
                return .record(next: i, lineBreaks: lineBreaks)
            }
            append(span)
            let c = p[i]
            if c == delimiter {
                i += 1
                continue
            }
            if c == Self.lf { return .record(next: i + 1, lineBreaks: lineBreaks + 1) }
            // CR: alone, or the first half of CR LF.
            if i + 1 < end { return .record(next: p[i + 1] == Self.lf ? i + 2 : i + 1, lineBreaks: lineBreaks + 1) }
            return isFinal ? .record(next: i + 1, lineBreaks: lineBreaks + 1) : .needMore
        }
    }

    @inline(__always)
    private func needMore(fieldStart: Int, end: Int, lineBreaks: Int) -> Outcome {
        if end - fieldStart > maxFieldBytes {
            return .fieldTooLarge(fieldStart: fieldStart, fieldNumber: fieldCount + 1, lineBreaks: lineBreaks)
        }
        return .needMore
    }

    /// Writes the text of a quoted field with doubled quotes and/or trailing text
    /// (`span.needsUnescaping`) into `output`; returns its length (never more than the span's).
    static func unescape(_ p: UnsafePointer<UInt8>, _ span: CSVFieldSpan, quote: UInt8, into output: UnsafeMutablePointer<UInt8>) -> Int {
        var i = span.start, o = 0
        var quoted = true
        while i < span.end {
            let b = p[i]
            if quoted && b == quote {
                if i + 1 < span.end && p[i + 1] == quote {
                    output[o] = quote
                    o += 1
                    i += 2
                } else {
                    quoted = false
                    i += 1
                }
                continue
            }
            output[o] = b
            o += 1
            i += 1
        }
        return o
    }
}
