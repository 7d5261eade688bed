/// Writes rows as CSV (RFC 4180): fields quoted when they hold the delimiter, a quote, CR or LF,
/// quotes doubled, CRLF line ends, UTF-8 with an optional BOM (Excel needs the BOM to read UTF-8).
///
/// Text cells that a spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, tab
/// or CR (OWASP "CSV injection") — are neutralised by a leading `'`, which Excel and LibreOffice
/// show as text. `Options.signedNumbersAreSafe` leaves text that is just a signed number
/// (`-12.5`, `+3`) as it is. Number cells are never touched: `-5` is a number, not a formula.
///
/// Written atomically like every innaxe output: nothing appears at `path` until `close()`.
public final class CSVWriter {
    public struct Options: Hashable, Sendable {
        public var dialect: CSVDialect
        /// `.` or `,` in numbers.
        public var decimalComma: Bool
        public var byteOrderMark: Bool
        /// `\r\n` (RFC 4180) or `\n`.
        public var crlf: Bool
        public var neutralizeFormulas: Bool
        public var signedNumbersAreSafe: Bool

        public init(dialect: CSVDialect = .comma, decimalComma: Bool = false, byteOrderMark: Bool = false, crlf: Bool = true,
                    neutralizeFormulas: Bool = true, signedNumbersAreSafe: Bool = false) {
            self.dialect = dialect
            self.decimalComma = decimalComma
            self.byteOrderMark = byteOrderMark
            self.crlf = crlf
            self.neutralizeFormulas = neutralizeFormulas
            self.signedNumbersAreSafe = signedNumbersAreSafe
        }

        /// What a continental-European Excel reads by double-click: `;`, decimal comma, BOM.
        public static let excelEurope = Options(dialect: .semicolon, decimalComma: true, byteOrderMark: true)
        /// Excel's "CSV UTF-8": `,`, decimal point, BOM.
        public static let excelUTF8 = Options(byteOrderMark: true)
    }

    public let options: Options
    private let file: AtomicOutputFile
    private let out: OutputBuffer
    private let delimiter: UInt8
    private let quote: UInt8?
    private var closed = false
    private(set) var rowsWritten = 0

    public init(path: String, displayName: String? = nil, options: Options = .init()) throws {
        self.options = options
        file = try AtomicOutputFile(path: path, displayName: displayName)
        out = OutputBuffer(sink: file)
        delimiter = options.dialect.delimiter
        if case .character(let q) = options.dialect.quoting { quote = q } else { quote = nil }
        if options.byteOrderMark { try out.append([0xEF, 0xBB, 0xBF]) }
    }

    /// Writes one record; `.empty` is an empty field.
    public func writeRow(_ values: [CellValue]) throws {
        guard !closed else { throw SpreadsheetError(.invalidWrite, file: file.displayName, reason: "the CSV file is already closed") }
        rowsWritten += 1
        for (i, v) in values.enumerated() {
            if case .number(let d) = v, !d.isFinite {
                throw SpreadsheetError(.nonFiniteNumber, file: file.displayName, line: rowsWritten, column: i + 1,
                                       reason: "\(d) has no CSV form a spreadsheet reads back as a number")
            }
        }
        for (i, v) in values.enumerated() {
            if i > 0 { try out.append(delimiter) }
            try writeField(v)
        }
        try out.append(options.crlf ? "\r\n" : "\n")
    }

    /// Writes a row of the shared model, its cells placed at their columns.
    public func write(_ row: Row, columns: Int? = nil) throws {
        let count = columns ?? row.cells.last?.column ?? 0
        var values = [CellValue](repeating: .empty, count: count)
        for c in row.cells where c.column <= count { values[c.column - 1] = c.value }
        try writeRow(values)
    }

    public func close() throws {
        guard !closed else { return }
        closed = true
        try out.flush()
        try file.commit()
    }

    @inline(__always)
    private func writeField(_ value: CellValue) throws {
        switch value {
        case .empty: return
        case .number(let d):
            if options.decimalComma {
                let text = NumberText.shortest(d)
                try writeText(text.contains(".") ? text.replacingOccurrences(of: ".", with: ",") : text, neutralize: false)
            } else {
                try out.append(number: d)
            }
        case .string(let s): try writeText(s, neutralize: options.neutralizeFormulas)
        case .boolean(let b): try out.append(b ? "TRUE" : "FALSE")
        case .error(let e): try writeText(e.code, neutralize: false)
        case .dateTime(let d): try out.appendRaw(d.description)
        case .timeOfDay(let t): try out.appendRaw(t.isoTime)
        case .duration(let seconds): try writeText(Self.durationText(seconds), neutralize: false)
        }
    }

    /// `[h]:mm:ss` as Excel shows elapsed time: `26:03:00`, `-0:00:30`.
    static func durationText(_ seconds: Double) -> String {
        let total = Int((abs(seconds)).rounded())
        let sign = seconds < 0 && total > 0 ? "-" : ""
        return sign + "\(total / 3600):" + pad(total / 60 % 60, 2) + ":" + pad(total % 60, 2)
    }

    private func writeText(_ text: String, neutralize: Bool) throws {
        var needsQuote = false
        var prefix = false
        if neutralize, let first = text.utf8.first,
           first == UInt8(ascii: "=") || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") || first == UInt8(ascii: "@")
            || first == 0x09 || first == 0x0D {
            prefix = !(options.signedNumbersAreSafe && Self.isSignedNumber(text, decimalComma: options.decimalComma))
        }
        for b in text.utf8 where b == delimiter || b == quote || b == 0x0A || b == 0x0D {
            needsQuote = true
            break
        }
        if needsQuote, quote == nil {
            throw SpreadsheetError(.invalidWrite, file: file.displayName, line: rowsWritten,
                                   reason: "a field holds the delimiter or a line break and the dialect has no quoting")
        }
        if needsQuote, let quote { try out.append(quote) }
        if prefix { try out.append(UInt8(ascii: "'")) }
        if needsQuote, let quote {
            for b in text.utf8 {
                if b == quote { try out.append(quote) }
                try out.append(b)
            }
            try out.append(quote)
        } else {
            try out.appendRaw(text)
        }
    }

    /// `-12`, `+3.5`, `-1,25` (with a decimal comma): a sign, digits, one separator, digits.
    static func isSignedNumber(_ text: String, decimalComma: Bool) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") else { return false }
        let separator = decimalComma ? UInt8(ascii: ",") : UInt8(ascii: ".")
        var digits = 0, separators = 0
        for b in bytes.dropFirst() {
            if b >= 48 && b <= 57 { digits += 1 } else if b == separator, separators == 0, digits > 0 { separators += 1 } else { return false }
        }
        return digits > 0 && bytes.last! != separator
    }
}
