/// Reads a CSV file record by record, in bounded memory, into the shared cell model.
///
/// ```swift
/// let reader = try CSVReader(path: "medicen.csv")
/// while let row = try reader.next() { … }
/// ```
///
/// - The encoding is detected from the first `sampleSize` bytes (`detectedEncoding`) unless
///   `Options.encoding` names it; the delimiter is sniffed from the first 64 KiB of decoded
///   text (`dialect`) unless `Options.dialect` gives it.
/// - The file is read in `chunkSize` pieces, transcoded to UTF-8 and tokenised on bytes; only
///   the current chunk and the record being read are in memory.
/// - Bytes that are not valid in the encoding stop reading with `.undecodableText` naming the
///   byte offset, line and column of the first bad byte; rows before it are delivered first.
/// - `Row.index` is the record number (1-based, blank lines included, as rows with no cells),
///   `Row.sourceLine` the physical line the record starts on; cells are dense, 1-based, with
///   `.empty` for empty fields (quoted or not) and `.string` (or `.number`, see
///   `Options.numbers`) otherwise.
public final class CSVReader {
    public struct Options: Sendable {
        /// Read with this encoding instead of detecting one. A matching byte order mark at the
        /// start is still skipped.
        public var encoding: TextEncoding?
        /// Use this delimiter and quoting instead of sniffing.
        public var dialect: CSVDialect?
        /// Turn plain numbers into `.number` cells (default: everything is text).
        public var numbers: CSVNumberInference
        /// A field longer than this (in UTF-8 bytes) stops reading with `.tooLarge`, so that a
        /// quote never closed cannot swallow the file into memory. Default 32 MiB.
        public var maxFieldBytes: Int
        /// Bytes read from the file at a time. Default 1 MiB.
        public var chunkSize: Int
        /// Leading bytes used to detect the encoding. Default 1 MiB.
        public var sampleSize: Int

        public init(encoding: TextEncoding? = nil, dialect: CSVDialect? = nil, numbers: CSVNumberInference = .none,
                    maxFieldBytes: Int = 32 << 20, chunkSize: Int = 1 << 20, sampleSize: Int = 1 << 20) {
            self.encoding = encoding
            self.dialect = dialect
            self.numbers = numbers
            self.maxFieldBytes = maxFieldBytes
            self.chunkSize = chunkSize
            self.sampleSize = sampleSize
        }
    }

    /// Decoded text the delimiter is sniffed from.
    static let sniffBytes = 64 << 10

    /// The name used in errors.
    public let displayName: String
    public let options: Options
    /// The encoding in use, how sure detection is, and whether it was given explicitly.
    public let detectedEncoding: DetectedEncoding
    /// The delimiter and quoting in use (sniffed, or `Options.dialect`).
    public let dialect: CSVDialect
    /// How sure the sniffer is of `dialect` (0…1); 1 when it was given explicitly.
    public let dialectConfidence: Double

    private let stream: DecodedByteStream
    private let tokenizer: CSVTokenizer
    private let scratch = ByteBuffer(capacity: 256)
    private let numberSeparator: UInt8?
    /// Start of the next record in `stream.base`.
    private var position = 0
    /// Physical line (1-based) at `position`.
    private var line = 1
    private var recordNumber = 0
    private var finished = false

    /// Opens the CSV file at `path`. `displayName` (default: `path`) is what errors call it.
    public convenience init(path: String, displayName: String? = nil, options: Options = .init()) throws {
        let name = displayName ?? path
        try self.init(source: FileByteSource(path: path, displayName: name), displayName: name, options: options)
    }

    /// Reads CSV text already in memory.
    public convenience init(bytes: [UInt8], displayName: String = "<memory>", options: Options = .init()) throws {
        try self.init(source: FileByteSource(bytes: bytes, displayName: displayName), displayName: displayName, options: options)
    }

    private init(source: FileByteSource, displayName: String, options: Options) throws {
        self.displayName = displayName
        self.options = options
        let sample = try source.sample(max(4, options.sampleSize))
        if let explicit = options.encoding {
            let bom = explicit.byteOrderMark
            detectedEncoding = DetectedEncoding(encoding: explicit, confidence: 1, isOverridden: true,
                                                hasByteOrderMark: !bom.isEmpty && sample.bytes.starts(with: bom))
        } else {
            detectedEncoding = sample.bytes.withUnsafeBufferPointer { TextEncodingDetector.detect($0, isComplete: sample.isComplete) }
        }
        let bomLength = detectedEncoding.hasByteOrderMark ? detectedEncoding.encoding.byteOrderMark.count : 0
        stream = try DecodedByteStream(source: source, transcoder: TextTranscoder(encoding: detectedEncoding.encoding,
                                                                  allowingC1Controls: detectedEncoding.isOverridden),
                                       chunkSize: options.chunkSize, skipping: bomLength)

        if let explicit = options.dialect {
            dialect = explicit
            dialectConfidence = 1
        } else {
            // Decode enough text to sniff. A bad byte in it is reported later, by `next()`,
            // once the rows before it have been read; the sniffer sees the text before it.
            while stream.end < Self.sniffBytes && !stream.isFinished {
                do { try stream.refill(keepingFrom: 0) } catch is DecodeFailure { break }
            }
            let length = min(stream.end, Self.sniffBytes)
            let sniffed = CSVSniffer.sniff(UnsafeBufferPointer(start: stream.base, count: length),
                                           isComplete: stream.isFinished && length == stream.end)
            dialect = sniffed.dialect
            dialectConfidence = sniffed.confidence
        }
        tokenizer = CSVTokenizer(dialect: dialect, maxFieldBytes: max(1, options.maxFieldBytes))
        if case .decimalSeparator(let separator) = options.numbers {
            numberSeparator = separator
        } else {
            numberSeparator = nil
        }
    }

    /// The next record, or nil at the end of the file.
    public func next() throws -> Row? {
        if finished { return nil }
        while true {
            let base = stream.base
            switch tokenizer.parseRecord(base, from: position, to: stream.end, isFinal: stream.isFinished) {
            case .record(let next, let lineBreaks):
                recordNumber += 1
                let row = Row(index: recordNumber, cells: makeCells(base), sourceLine: line)
                position = next
                line += lineBreaks
                return row
            case .needMore:
                let keep = position
                position = 0
                do {
                    try stream.refill(keepingFrom: keep)
                } catch let failure as DecodeFailure {
                    throw undecodableError(failure)
                }
            case .endOfInput:
                finished = true
                return nil
            case .unterminatedQuote(let quoteAt, let lineBreaks):
                let quoteLine = line + lineBreaks
                throw SpreadsheetError(.malformed, file: displayName, line: quoteLine, column: textColumn(at: quoteAt),
                                       reason: "the quoted field opened on line \(quoteLine) is not closed before the end of the file")
            case .fieldTooLarge(let fieldStart, let fieldNumber, let lineBreaks):
                let isQuoted = dialect.quote.map { base[fieldStart] == $0 } ?? false
                var reason = "field \(fieldNumber) of record \(recordNumber + 1) is longer than the limit of \(Self.sizeText(tokenizer.maxFieldBytes))"
                if isQuoted { reason += "; its opening quote may never be closed" }
                throw SpreadsheetError(.tooLarge, file: displayName, line: line + lineBreaks, column: textColumn(at: fieldStart), reason: reason)
            }
        }
    }

    /// Every remaining row (convenient for small files and tests; holds them all in memory).
    public func readAll() throws -> [Row] {
        var rows: [Row] = []
        while let row = try next() { rows.append(row) }
        return rows
    }

    // MARK: - Cells

    private func makeCells(_ base: UnsafeMutablePointer<UInt8>) -> [Cell] {
        let count = tokenizer.fieldCount
        let fields = tokenizer.fields
        return [Cell](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = buffer.baseAddress!
            for k in 0..<count {
                let span = fields[k]
                var start = UnsafePointer(base + span.start)
                var length = span.end - span.start
                if span.needsUnescaping {
                    scratch.reserve(length, preserving: 0)
                    length = CSVTokenizer.unescape(base, span, quote: dialect.quote!, into: scratch.base)
                    start = UnsafePointer(scratch.base)
                }
                (out + k).initialize(to: Cell(column: k + 1, value: value(start, length)))
                initialized = k + 1
            }
        }
    }

    @inline(__always)
    private func value(_ start: UnsafePointer<UInt8>, _ length: Int) -> CellValue {
        if length == 0 { return .empty }
        if let separator = numberSeparator, let number = PlainNumberParser.parse(start, count: length, separator: separator) {
            return .number(number)
        }
        let text = String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
        return .string(TextNormalization.mayNeedNFC(start, count: length) ? TextNormalization.nfc(text) : text)
    }

    // MARK: - Error positions

    /// The bad byte is right after the decoded text (`stream.end`): its line is the current
    /// record's line plus the line breaks before it, its column one past the characters
    /// since the last one.
    private func undecodableError(_ failure: DecodeFailure) -> SpreadsheetError {
        let base = stream.base
        var badLine = line
        var i = position
        let end = stream.end
        while i < end {
            let b = base[i]
            if b == 10 {
                badLine += 1
            } else if b == 13 {
                badLine += 1
                if i + 1 < end && base[i + 1] == 10 { i += 1 }
            }
            i += 1
        }
        var reason = failure.reason
        if !detectedEncoding.isOverridden {
            reason += " (read as \(detectedEncoding.encoding); name the encoding explicitly if it is another one)"
        }
        return SpreadsheetError(.undecodableText, file: displayName, line: badLine, column: textColumn(at: end),
                                byteOffset: failure.byteOffset, reason: reason)
    }

    /// 1-based column, in characters, of `stream.base[index]` on its line (lines start no
    /// earlier than the current record).
    private func textColumn(at index: Int) -> Int {
        let base = stream.base
        var lineStart = index
        while lineStart > position && base[lineStart - 1] != 10 && base[lineStart - 1] != 13 { lineStart -= 1 }
        var column = 1
        for k in lineStart..<index where base[k] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    private static func sizeText(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
