/// One sheet of an `XLSXWriter`, written row by row: rows go out as they come, so memory stays
/// bounded whatever the sheet's size. Get one from `XLSXWriter.addSheet(named:options:)`.
///
/// Rows must come in increasing order (as the file stores them); cells of a row in increasing
/// columns. A row whose values the format cannot hold (text over 32,767 characters, NaN, a date
/// before 1900) is refused whole with a named error before any of it is written, so the caller
/// may report it and go on.
public final class WorksheetWriter {
    public let name: String
    /// 1-based position in the workbook.
    public let position: Int
    public let options: SheetOptions
    /// The tab Excel opens on: the first visible sheet (sheets are added in order, so it is
    /// known when the sheet is added).
    let isSelectedTab: Bool

    /// What the sheet needs of its workbook, copied: a sheet kept after its workbook is gone
    /// then fails with a named error instead of reaching a freed object.
    private let fileName: String
    private let nonFiniteNumbers: XLSXWriter.Options.NonFiniteNumbers
    private let sharedStrings: SharedStringTable?
    /// The workbook's table for `options.sharedStringColumns` (when strings are otherwise
    /// inline), those columns by index, and the last string of each: a column mostly repeats
    /// the string above it, found without hashing.
    private let columnStrings: SharedStringTable?
    private let isSharedColumn: [Bool]
    private var lastColumnString: [(text: String, index: Int)?]
    private let spool: SheetSpool
    private let out: OutputBuffer
    private let styles: StyleTable

    /// Rows held until the header can be written (column widths from content), then nil.
    private var sample: [(row: Int, cells: [PendingCell])]? = []
    private var contentWidths: [Int: Int] = [:]
    private(set) var firstRow = 0
    private(set) var lastRow = 0
    private(set) var firstColumn = Int.max
    private(set) var lastColumn = 0
    private(set) var comments: [CellComment] = []
    private(set) var validations: [DataValidation] = []
    private(set) var merges: [CellRange] = []
    private(set) var finished = false
    /// The row number's digits, written into every cell reference of the row.
    private var rowDigits: (UInt64, UInt64) = (0, 0)
    private var rowDigitCount = 0

    struct PendingCell {
        var column: Int
        var value: CellValue
        var style: CellStyleID
    }

    init(name: String, position: Int, options: SheetOptions, isSelectedTab: Bool, workbook: XLSXWriter, spool: SheetSpool,
         styles: StyleTable) {
        self.name = name
        self.isSelectedTab = isSelectedTab
        self.position = position
        self.options = options
        fileName = workbook.displayName
        nonFiniteNumbers = workbook.options.nonFiniteNumbers
        sharedStrings = workbook.options.strings == .shared ? workbook.sharedStrings : nil
        let sharedColumns = options.sharedStringColumns.filter { (1...CellReference.maxColumn).contains($0) }
        columnStrings = sharedStrings == nil && !sharedColumns.isEmpty ? workbook.sharedStringTable() : nil
        var isShared = [Bool](repeating: false, count: (sharedColumns.max() ?? 0) + 1)
        for c in sharedColumns { isShared[c] = true }
        isSharedColumn = isShared
        lastColumnString = Array(repeating: nil, count: isShared.count)
        self.spool = spool
        self.styles = styles
        out = OutputBuffer(sink: spool)
        if !options.widthsFromContent || options.widthSampleRows <= 0 { sample = nil }
    }

    // MARK: Writing rows

    /// Writes `values` as the next row (or as row `row`), from `startColumn` on; `styles[i]`
    /// (when given) styles `values[i]`, else `style` styles them all. `.empty` values leave the
    /// cell out unless styled.
    public func writeRow(_ values: [CellValue], style: CellStyleID = .default, styles: [CellStyleID]? = nil,
                         row: Int? = nil, startColumn: Int = 1) throws {
        let rowIndex = try nextRowIndex(row)
        let lastCol = startColumn + values.count - 1
        guard startColumn >= 1, lastCol <= CellReference.maxColumn else {
            throw SpreadsheetError(.outOfRange, file: fileName, sheet: name,
                                   reason: "row \(rowIndex) reaches column \(lastCol); Excel has \(CellReference.maxColumn) columns")
        }
        for i in values.indices { try check(values[i], row: rowIndex, column: startColumn + i) }
        if sample != nil {
            var cells: [PendingCell] = []
            cells.reserveCapacity(values.count)
            for i in values.indices {
                cells.append(PendingCell(column: startColumn + i, value: values[i], style: styles?[i] ?? style))
            }
            try hold(row: rowIndex, cells: cells)
            return
        }
        if !headerWritten { try startDataIfNeeded() }
        try beginRow(rowIndex)
        for i in values.indices {
            try writeCell(column: startColumn + i, values[i], style: styles.map { $0[i] } ?? style)
        }
        try endRow()
    }

    /// Writes a row of the shared model (its index and sparse cells), e.g. one read from another file.
    public func write(_ row: Row, styles: ((Cell) -> CellStyleID)? = nil) throws {
        let rowIndex = try nextRowIndex(row.index)
        var previous = 0
        for cell in row.cells {
            guard cell.column > previous, cell.column <= CellReference.maxColumn else {
                throw SpreadsheetError(.invalidWrite, file: fileName, sheet: name,
                                       reason: "row \(rowIndex): cells must come in increasing columns within A…XFD")
            }
            previous = cell.column
            try check(cell.value, row: rowIndex, column: cell.column)
        }
        let cells = row.cells.map { PendingCell(column: $0.column, value: $0.value, style: styles?($0) ?? .default) }
        if sample != nil { try hold(row: rowIndex, cells: cells); return }
        if !headerWritten { try startDataIfNeeded() }
        try beginRow(rowIndex)
        for c in cells { try writeCell(column: c.column, c.value, style: c.style) }
        try endRow()
    }

    private func nextRowIndex(_ requested: Int?) throws -> Int {
        guard !finished else {
            throw SpreadsheetError(.invalidWrite, file: fileName, sheet: name, reason: "the sheet is already closed")
        }
        let index = requested ?? lastRow + 1
        guard index > lastRow else {
            throw SpreadsheetError(.invalidWrite, file: fileName, sheet: name,
                                   reason: "row \(index) comes after row \(lastRow); rows are written in order")
        }
        guard index <= CellReference.maxRow else {
            throw SpreadsheetError(.outOfRange, file: fileName, sheet: name,
                                   reason: "row \(index) is past Excel's last row, \(CellReference.maxRow)")
        }
        return index
    }

    /// Refuses what the format cannot hold, naming the cell.
    @inline(__always)
    private func check(_ value: CellValue, row: Int, column: Int) throws {
        switch value {
        case .number(let d):
            if !d.isFinite, nonFiniteNumbers == .reject {
                throw cellError(.nonFiniteNumber, row, column, "\(d) cannot be stored in a cell (set nonFiniteNumbers to .numError to write #NUM! instead)")
            }
        case .duration(let s):
            if !s.isFinite { throw cellError(.nonFiniteNumber, row, column, "a duration of \(s) seconds cannot be stored") }
        case .string(let s):
            // Excel counts UTF-16 units; a text of at most 32,767 UTF-8 bytes cannot have more.
            if s.utf8.count > 32_767, s.utf16.count > 32_767 {
                throw cellError(.textTooLong, row, column, "the text has \(s.utf16.count) characters; Excel holds at most 32,767 in a cell")
            }
            if Self.holdsNUL(s) { throw cellError(.invalidWrite, row, column, "the text holds a NUL character, which no spreadsheet can store") }
        case .dateTime(let d):
            if d.year < 1900 || d.year > 9999 {
                throw cellError(.dateOutOfRange, row, column, "\(d) is outside the dates Excel can store (1900-01-01 to 9999-12-31)")
            }
        case .error(let e):
            if e.code.isEmpty || e.code.utf8.count > 255 { throw cellError(.invalidWrite, row, column, "\"\(e.code)\" is not an error value") }
        default:
            break
        }
    }

    /// `memchr` over the stored bytes: the generic `utf8.contains(0)` walked every text of a
    /// million-row sheet byte by byte, a tenth of the sheet's writing time.
    @inline(__always)
    static func holdsNUL(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.count > 0 && memchr($0.baseAddress!, 0, $0.count) != nil } ?? s.utf8.contains(0)
    }

    private func cellError(_ kind: SpreadsheetError.Kind, _ row: Int, _ column: Int, _ reason: String) -> SpreadsheetError {
        SpreadsheetError(kind, file: fileName, sheet: name, cell: CellReference(column: column, row: row), reason: reason)
    }

    private func hold(row: Int, cells: [PendingCell]) throws {
        track(row: row, cells: cells)
        for c in cells where !c.value.isEmpty || c.style != .default {
            // A merged cell's text spreads over its range: it should not widen its first column.
            if merges.contains(where: { $0.columnCount > 1 && $0.contains(CellReference(column: c.column, row: row)!) }) { continue }
            let w = displayWidth(c.value, style: styles.style(c.style))
            if w > contentWidths[c.column, default: 0] { contentWidths[c.column] = w }
        }
        sample!.append((row, cells))
        if sample!.count >= options.widthSampleRows { try startDataIfNeeded() }
    }

    private func track(row: Int, cells: [PendingCell]) {
        if firstRow == 0 { firstRow = row }
        lastRow = row
        for c in cells where !c.value.isEmpty || c.style != .default {
            if c.column < firstColumn { firstColumn = c.column }
            if c.column > lastColumn { lastColumn = c.column }
        }
    }

    /// The header (sheetViews, cols…) then any held rows; from here on rows stream straight out.
    private func startDataIfNeeded(complete: Bool = false) throws {
        guard !headerWritten else { return }
        let held = sample ?? []
        sample = nil
        headerWritten = true
        var widths = options.widthsFromContent ? contentWidths.mapValues { Self.excelWidth(characters: $0) } : [:]
        for (column, width) in options.columnWidths { widths[column] = width }
        let dimension: CellRange? = complete && lastRow > 0 && lastColumn > 0
            ? CellRange(first: CellReference(column: firstColumn, row: firstRow)!, last: CellReference(column: lastColumn, row: lastRow)!)
            : nil
        try WorksheetPart.writeHeader(to: out, dimension: dimension, options: options, selected: isSelectedTab, columnWidths: widths)
        let savedLast = lastRow
        for (row, cells) in held {
            try beginRow(row)
            for c in cells { try writeCell(column: c.column, c.value, style: c.style) }
            try endRow()
        }
        lastRow = savedLast
    }
    private var headerWritten = false

    // MARK: The hot path: cell → XML bytes, no allocation

    private func beginRow(_ index: Int) throws {
        if firstRow == 0 { firstRow = index }
        lastRow = index
        var v = index
        var digits: (UInt64, UInt64) = (0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            var reversed: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &reversed) { tmp in
                while v > 0 { tmp[n] = UInt8(v % 10) + 48; v /= 10; n += 1 }
                for k in 0..<n { raw[k] = tmp[n - 1 - k] }
            }
        }
        rowDigits = digits
        rowDigitCount = n
        try out.append("<row r=\"")
        try appendRowDigits()
        try out.append("\">")
    }

    @inline(__always)
    private func appendRowDigits() throws {
        try out.reserve(8)
        let count = rowDigitCount
        withUnsafeBytes(of: &rowDigits) { raw in
            for k in 0..<count { out.appendUnchecked(raw[k]) }
        }
    }

    private func endRow() throws { try out.append("</row>") }

    /// `<c r="B7"` with the column letters and the row's digits.
    @inline(__always)
    private func openCell(_ column: Int, formatIndex: Int) throws {
        try out.reserve(16)
        out.appendUnchecked(UInt8(ascii: "<"))
        out.appendUnchecked(UInt8(ascii: "c"))
        out.appendUnchecked(UInt8(ascii: " "))
        out.appendUnchecked(UInt8(ascii: "r"))
        out.appendUnchecked(UInt8(ascii: "="))
        out.appendUnchecked(UInt8(ascii: "\""))
        var c = column - 1
        if c < 26 {
            out.appendUnchecked(UInt8(65 + c))
        } else if c < 702 {
            c -= 26
            out.appendUnchecked(UInt8(65 + c / 26))
            out.appendUnchecked(UInt8(65 + c % 26))
        } else {
            c -= 702
            out.appendUnchecked(UInt8(65 + c / 676))
            out.appendUnchecked(UInt8(65 + c / 26 % 26))
            out.appendUnchecked(UInt8(65 + c % 26))
        }
        try appendRowDigits()
        out.appendUnchecked(UInt8(ascii: "\""))
        if formatIndex != 0 {
            try out.append(" s=\"")
            try out.append(integer: Int64(formatIndex))
            try out.append(UInt8(ascii: "\""))
        }
        if column < firstColumn { firstColumn = column }
        if column > lastColumn { lastColumn = column }
    }

    @inline(__always)
    private func writeCell(column: Int, _ value: CellValue, style: CellStyleID) throws {
        switch value {
        case .number(let d):
            try openCell(column, formatIndex: styles.formatIndex(for: style, implied: .none))
            if d.isFinite {
                try out.append("><v>")
                try out.append(number: d)
                try out.append("</v></c>")
            } else {
                try out.append(" t=\"e\"><v>#NUM!</v></c>")
            }
        case .string(let s):
            try openCell(column, formatIndex: styles.formatIndex(for: style, implied: .none))
            if let index = sharedStrings?.index(of: s) {
                try out.append(" t=\"s\"><v>")
                try out.append(integer: Int64(index))
                try out.append("</v></c>")
            } else if column < isSharedColumn.count, isSharedColumn[column], let table = columnStrings {
                let index: Int
                if let last = lastColumnString[column], last.text == s {
                    index = last.index
                    table.reference()
                } else {
                    index = table.index(of: s)
                    lastColumnString[column] = (s, index)
                }
                try out.append(" t=\"s\"><v>")
                try out.append(integer: Int64(index))
                try out.append("</v></c>")
            } else {
                try out.append(XMLEscaping.needsPreserve(s) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>")
                try XMLEscaping.appendCellText(s, to: out)
                try out.append("</t></is></c>")
            }
        case .empty:
            guard style != .default else { return }
            try openCell(column, formatIndex: styles.formatIndex(for: style, implied: .none))
            try out.append("/>")
        case .boolean(let b):
            try openCell(column, formatIndex: styles.formatIndex(for: style, implied: .none))
            try out.append(b ? " t=\"b\"><v>1</v></c>" : " t=\"b\"><v>0</v></c>")
        case .dateTime(let date):
            let implied: StyleTable.ImpliedFormat = date.hasTime ? .dateTime : .date
            try openCell(column, formatIndex: styles.formatIndex(for: style, implied: implied))
            try out.append("><v>")
            try out.append(number: ExcelDateSystem.from1900.serial(from: date))
            try out.append("</v></c>")
        case .timeOfDay(let t):
            try openCell(column, formatIndex: styles.formatIndex(for: style, implied: .time))
            let ms = ((t.hour * 60 + t.minute) * 60 + t.second) * 1000 + t.microsecond / 1000
            try out.append("><v>")
            try out.append(number: Double(ms) / 86_400_000)
            try out.append("</v></c>")
        case .duration(let seconds):
            try openCell(column, formatIndex: styles.formatIndex(for: style, implied: .duration))
            try out.append("><v>")
            try out.append(number: seconds / 86_400)
            try out.append("</v></c>")
        case .error(let e):
            try openCell(column, formatIndex: styles.formatIndex(for: style, implied: .none))
            try out.append(" t=\"e\"><v>")
            try XMLEscaping.appendCellText(e.code, to: out)
            try out.append("</v></c>")
        }
    }

    // MARK: Sheet features

    /// Adds a note to a cell (any cell, written or not; the sheet may still be streaming).
    public func addComment(_ comment: CellComment) throws {
        try ensureOpen()
        if comment.text.utf16.count > 32_767 {
            throw SpreadsheetError(.textTooLong, file: fileName, sheet: name, cell: comment.cell,
                                   reason: "the comment has \(comment.text.utf16.count) characters; Excel holds at most 32,767")
        }
        if comments.contains(where: { $0.cell == comment.cell }) {
            throw SpreadsheetError(.invalidWrite, file: fileName, sheet: name, cell: comment.cell, reason: "the cell already has a comment")
        }
        comments.append(comment)
    }

    public func addDataValidation(_ validation: DataValidation) throws {
        try ensureOpen()
        try validation.check(file: fileName, sheet: name)
        validations.append(validation)
    }

    /// Merges a range (its first cell's value shows across it). Overlapping merges are refused,
    /// since Excel "repairs" them away.
    public func merge(_ range: CellRange) throws {
        try ensureOpen()
        guard range.first != range.last else { return }
        if let other = merges.first(where: { $0.overlaps(range) }) {
            throw SpreadsheetError(.invalidWrite, file: fileName, sheet: name,
                                   reason: "merged range \(range) overlaps \(other)")
        }
        merges.append(range)
    }

    private func ensureOpen() throws {
        if finished { throw SpreadsheetError(.invalidWrite, file: fileName, sheet: name, reason: "the sheet is already closed") }
    }

    // MARK: Closing

    var autoFilterRange: CellRange? {
        guard options.autoFilter, firstRow > 0, lastColumn > 0 else { return nil }
        return CellRange(first: CellReference(column: firstColumn, row: firstRow)!, last: CellReference(column: lastColumn, row: lastRow)!)
    }

    /// Ends the sheet's XML and waits for its compression. Called by `XLSXWriter.close()`.
    func finish(relationshipIDForDrawing: String?) throws {
        guard !finished else { return }
        try startDataIfNeeded(complete: true)
        finished = true
        try WorksheetPart.writeFooter(to: out, autoFilter: autoFilterRange, merges: merges, validations: validations,
                                      legacyDrawingID: relationshipIDForDrawing)
        try out.flush()
        try spool.finish()
    }

    func add(to archive: ZipWriter, as part: String) throws { try spool.add(to: archive, as: part) }
    func discard() {
        finished = true
        spool.discard()
    }

    // MARK: Widths

    /// Characters a value shows as (roughly: the longest line of text, digits with grouping).
    private func displayWidth(_ value: CellValue, style: CellStyle) -> Int {
        var w: Int
        switch value {
        case .empty: w = 0
        case .string(let s):
            w = 0
            for line in s.split(separator: "\n", omittingEmptySubsequences: false) { w = max(w, line.count) }
            if style.wrapText { w = min(w, 50) }
        case .number(let d):
            let digits = NumberText.shortest(d).count
            if let code = style.numberFormat {
                w = code.contains("%") ? digits + 2 : code.contains(",") ? digits + digits / 3 + 3 : max(digits, code.count)
            } else { w = digits }
        case .boolean: w = 5
        case .error(let e): w = e.code.count
        case .dateTime(let d): w = d.hasTime ? 19 : 10
        case .timeOfDay: w = 8
        case .duration: w = 10
        }
        return style.bold ? w + (w + 9) / 10 : w
    }

    /// Excel's column width for `characters` of Calibri 11: a little padding, within 8.43…80.
    static func excelWidth(characters: Int) -> Double {
        let w = Double(characters) + 1.7
        return (min(max(w, 8.43), 80) * 100).rounded() / 100
    }
}

extension CellRange {
    func overlaps(_ other: CellRange) -> Bool {
        first.column <= other.last.column && other.first.column <= last.column
            && first.row <= other.last.row && other.first.row <= last.row
    }

    /// `$A$1:$L$100`, for defined names.
    var absoluteText: String {
        "$" + CellReference.columnLetters(first.column) + "$\(first.row):$" + CellReference.columnLetters(last.column) + "$\(last.row)"
    }
}

import Foundation
