/// Streams a worksheet part (`<sheetData>`) into rows of typed cells. The hot path of reading:
/// no String is built for a number, attributes are scanned once, text buffers are reused.
final class WorksheetHandler: XMLEventHandler {
    private enum StoredType: UInt8 { case number, sharedString, formulaString, inlineString, boolean, error, isoDate }

    private let file: String
    private let part: String
    private let sheetName: String
    private let sharedStrings: [String]
    /// Copied into a raw buffer: read once per number cell, without ARC traffic.
    private let formatKinds: UnsafeMutableBufferPointer<NumberFormat.Kind>
    private let dateSystem: ExcelDateSystem

    // Output, drained by WorksheetReader.
    @exclusivity(unchecked) var pendingRows: [Row] = []
    private(set) var mergedCells: [CellRange] = []
    private(set) var dimension: CellRange?
    private(set) var sawSheetDataEnd = false

    // Row state.
    @exclusivity(unchecked) private var rowIndex = 0
    @exclusivity(unchecked) private var rowOpen = false
    @exclusivity(unchecked) private var cells: [Cell] = []
    @exclusivity(unchecked) private var lastColumn = 0
    @exclusivity(unchecked) private var cellsInOrder = true

    // Cell state.
    @exclusivity(unchecked) private var cellColumn = 0
    @exclusivity(unchecked) private var cellRow = 0
    @exclusivity(unchecked) private var cellType = StoredType.number
    @exclusivity(unchecked) private var cellStyle = 0
    @exclusivity(unchecked) private var inValue = false
    @exclusivity(unchecked) private var sawValue = false
    @exclusivity(unchecked) private var inFormula = false
    @exclusivity(unchecked) private var sawFormula = false
    @exclusivity(unchecked) private var uncachedFormulas: [Row.UncachedFormula] = []
    @exclusivity(unchecked) private var inInlineString = false
    @exclusivity(unchecked) private var text = XMLTextBuffer()
    @exclusivity(unchecked) private var inlineText = RichTextCollector()

    init(file: String, part: String, sheetName: String, sharedStrings: [String], formatKinds: [NumberFormat.Kind], dateSystem: ExcelDateSystem) {
        self.file = file
        self.part = part
        self.sheetName = sheetName
        self.sharedStrings = sharedStrings
        self.formatKinds = .allocate(capacity: formatKinds.count)
        _ = self.formatKinds.initialize(from: formatKinds)
        self.dateSystem = dateSystem
    }

    deinit {
        text.deallocate()
        formatKinds.deallocate()
    }

    private func cellError(_ kind: SpreadsheetError.Kind, _ reason: String) -> SpreadsheetError {
        SpreadsheetError(kind, file: file, part: part, sheet: sheetName,
                         cell: CellReference(column: cellColumn, row: max(cellRow, 1)), reason: reason)
    }

    override func startElement(_ name: XMLName, _ attributes: XMLAttributes) {
        if inInlineString { _ = inlineText.start(name, attributes); return }
        let p = name.pointer
        switch p[0] {
        case UInt8(ascii: "c") where p[1] == 0:
            startCell(attributes)
        case UInt8(ascii: "v") where p[1] == 0:
            inValue = true
            text.removeAll()
        case UInt8(ascii: "f") where p[1] == 0:
            // The formula's text is kept in the value buffer: a <v> after it starts afresh.
            inFormula = true
            sawFormula = true
            text.removeAll()
        case UInt8(ascii: "r") where name.is("row"):
            startRow(attributes)
        case UInt8(ascii: "i") where name.is("is"):
            inInlineString = true
            inlineText.reset()
        case UInt8(ascii: "m") where name.is("mergeCell"):
            if let ref = attributes.string("ref") {
                guard let range = CellRange(ref) else {
                    fail(SpreadsheetError(.outOfRange, file: file, part: part, sheet: sheetName, reason: "merged range \"\(ref)\" is not a valid range inside A1:XFD1048576"))
                    return
                }
                mergedCells.append(range)
            }
        case UInt8(ascii: "d") where name.is("dimension"):
            if let ref = attributes.string("ref") {
                guard let range = CellRange(ref) else {
                    fail(SpreadsheetError(.outOfRange, file: file, part: part, sheet: sheetName, reason: "the sheet declares dimensions \"\(ref)\", outside Excel's A1:XFD1048576"))
                    return
                }
                dimension = range
            }
        default:
            break
        }
    }

    override func endElement(_ name: XMLName) {
        let p = name.pointer
        if inInlineString {
            if name.is("is") { inInlineString = false } else { inlineText.end(name) }
            return
        }
        switch p[0] {
        case UInt8(ascii: "v") where p[1] == 0:
            inValue = false
            sawValue = true
        case UInt8(ascii: "f") where p[1] == 0:
            inFormula = false
        case UInt8(ascii: "c") where p[1] == 0:
            finishCell()
        case UInt8(ascii: "r") where name.is("row"):
            finishRow()
        case UInt8(ascii: "s") where name.is("sheetData"):
            if rowOpen || !cells.isEmpty { finishRow() }
            sawSheetDataEnd = true
        default:
            break
        }
    }

    /// A cell's text beyond this is no spreadsheet's (Excel stops at 32,767 characters).
    static let maxCellTextBytes = 1 << 20

    override func characters(_ chunk: UnsafeBufferPointer<UInt8>) {
        if inValue || inFormula {
            guard text.count + chunk.count <= Self.maxCellTextBytes else {
                fail(cellError(.tooLarge, "the cell's value is longer than \(Self.maxCellTextBytes) bytes"))
                return
            }
            text.append(chunk)
        } else if inInlineString, !inlineText.characters(chunk) {
            fail(cellError(.tooLarge, "the cell's text is longer than \(RichTextCollector.maxBytes) bytes"))
        }
    }

    // MARK: rows

    @inline(__always)
    private func startRow(_ attributes: XMLAttributes) {
        if rowOpen || !cells.isEmpty { finishRow() }
        rowOpen = true
        if let r = attributes.bytes("r"), r.count > 0 {
            guard let n = Self.parseInt(r), n >= 1, n <= CellReference.maxRow else {
                fail(SpreadsheetError(.outOfRange, file: file, part: part, sheet: sheetName,
                                      reason: "row number \"\(String(decoding: r, as: UTF8.self))\" is outside 1…\(CellReference.maxRow)"))
                return
            }
            rowIndex = n
        } else {
            rowIndex += 1
        }
        lastColumn = 0
        cellsInOrder = true
    }

    private func finishRow() {
        rowOpen = false
        // A row of nothing but formulas saved without values has no cell, yet it is not blank:
        // it is passed on (cells empty, formulas listed) so that its reader can say so.
        guard !cells.isEmpty || !uncachedFormulas.isEmpty else { return }
        if !cellsInOrder {
            // Out-of-order cells are rare (hand-made files); a later duplicate wins, as in Excel.
            var byColumn: [Int: Cell] = [:]
            for c in cells { byColumn[c.column] = c }
            cells = byColumn.values.sorted { $0.column < $1.column }
        }
        var row = Row(index: rowIndex, cells: cells)
        if !uncachedFormulas.isEmpty {
            row.uncachedFormulas = uncachedFormulas
            uncachedFormulas.removeAll()
        }
        pendingRows.append(row)
        let capacity = cells.count
        cells = []
        cells.reserveCapacity(capacity)
    }

    // MARK: cells

    @inline(__always)
    private func startCell(_ attributes: XMLAttributes) {
        cellType = .number
        cellStyle = 0
        sawValue = false
        sawFormula = false
        var explicitColumn = 0
        var explicitRow = 0
        if let base = attributes.base {
            for i in 0..<attributes.count {
                let a = base + i * 5
                guard let n = a[0], n[1] == 0, let start = a[3], let end = a[4] else { continue }
                let value = UnsafeBufferPointer(start: start, count: end - start)
                switch n[0] {
                case UInt8(ascii: "r"):
                    guard let ref = Self.parseReference(value) else {
                        let textRef = String(decoding: value, as: UTF8.self)
                        let outside = Self.looksLikeReference(value)
                        fail(SpreadsheetError(outside ? .outOfRange : .malformed, file: file, part: part, sheet: sheetName,
                                              reason: outside ? "cell reference \"\(textRef)\" is outside Excel's A1:XFD1048576"
                                                              : "invalid cell reference \"\(textRef)\""))
                        return
                    }
                    explicitColumn = ref.column
                    explicitRow = ref.row
                case UInt8(ascii: "t"):
                    cellType = Self.storedType(value)
                    if cellType == .inlineString { inlineText.reset() }
                case UInt8(ascii: "s"):
                    cellStyle = Self.parseInt(value) ?? 0
                default:
                    break
                }
            }
        }
        if !rowOpen {
            // Cells outside any <row>: the reference alone places them.
            let r = explicitRow > 0 ? explicitRow : rowIndex + 1
            if r != rowIndex || cells.isEmpty { if !cells.isEmpty { finishRow() }; rowIndex = r; lastColumn = 0; cellsInOrder = true }
        }
        cellRow = rowIndex
        if explicitColumn > 0 {
            if explicitColumn <= lastColumn { cellsInOrder = false }
            cellColumn = explicitColumn
        } else {
            cellColumn = lastColumn + 1
            if cellColumn > CellReference.maxColumn {
                fail(cellError(.outOfRange, "the row has more than \(CellReference.maxColumn) cells"))
                return
            }
        }
        lastColumn = cellColumn
    }

    @inline(__always)
    private func finishCell() {
        if sawFormula && !sawValue && !(cellType == .inlineString && inlineText.sawText) {
            uncachedFormulas.append(Row.UncachedFormula(column: cellColumn, formula: text.prefixString(200)))
            return
        }
        let value: CellValue
        switch cellType {
        case .number:
            guard sawValue, !text.isEmpty else { return }
            guard let number = DecimalParser.parse(text.bytes) else {
                if text.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return }
                fail(cellError(.malformed, "the cell is stored as a number but holds \"\(text.prefixString(40))\""))
                return
            }
            value = typedNumber(number)
        case .sharedString:
            guard sawValue, !text.isEmpty else { return }
            guard let index = Self.parseInt(text.bytes), index >= 0, index < sharedStrings.count else {
                fail(cellError(.malformed, "shared string index \"\(text.prefixString(20))\" is outside the table of \(sharedStrings.count) strings"))
                return
            }
            let s = sharedStrings[index]
            if s.isEmpty { return }
            value = .string(s)
        case .inlineString:
            let s: String
            if inlineText.sawText { s = inlineText.string } else if sawValue { s = TextNormalization.normalize(text.string) } else { return }
            if s.isEmpty { return }
            value = .string(s)
        case .formulaString:
            guard sawValue, !text.isEmpty else { return }
            value = .string(TextNormalization.normalize(text.string))
        case .boolean:
            guard sawValue, !text.isEmpty else { return }
            switch text.string {
            case "1", "true", "TRUE": value = .boolean(true)
            case "0", "false", "FALSE": value = .boolean(false)
            default:
                fail(cellError(.malformed, "the cell is stored as a boolean but holds \"\(text.prefixString(40))\""))
                return
            }
        case .error:
            guard sawValue, !text.isEmpty else { return }
            value = .error(CellErrorValue(text.string))
        case .isoDate:
            guard sawValue, !text.isEmpty else { return }
            guard let (date, hasDate) = ISODateText.parse(text.string) else {
                fail(cellError(.malformed, "the cell is stored as an ISO 8601 date but holds \"\(text.prefixString(40))\""))
                return
            }
            value = hasDate ? .dateTime(date) : .timeOfDay(date)
        }
        // Duplicate `r` attributes could otherwise grow one row without end.
        guard cells.count < CellReference.maxColumn else {
            fail(cellError(.outOfRange, "the row holds more than \(CellReference.maxColumn) cells"))
            return
        }
        cells.append(Cell(column: cellColumn, value: value, formatIndex: cellStyle))
    }

    @inline(__always)
    private func typedNumber(_ number: Double) -> CellValue {
        guard cellStyle > 0, cellStyle < formatKinds.count else { return .number(number) }
        switch formatKinds[cellStyle] {
        case .dateTime, .time:
            if number < 1, number >= 0, dateSystem == .from1900, let t = dateSystem.timeOfDay(fromSerial: number) {
                return .timeOfDay(t)
            }
            if let d = dateSystem.dateTime(fromSerial: number) { return .dateTime(d) }
            return .number(number)
        case .duration:
            return .duration(seconds: (number * 86_400 * 1000).rounded() / 1000)
        default:
            return .number(number)
        }
    }

    // MARK: byte-level parsing

    @inline(__always)
    private static func storedType(_ v: UnsafeBufferPointer<UInt8>) -> StoredType {
        switch v.count {
        case 1:
            switch v[0] {
            case UInt8(ascii: "s"): return .sharedString
            case UInt8(ascii: "b"): return .boolean
            case UInt8(ascii: "e"): return .error
            case UInt8(ascii: "d"): return .isoDate
            default: return .number
            }
        case 3 where v[0] == UInt8(ascii: "s"): return .formulaString
        case 9 where v[0] == UInt8(ascii: "i"): return .inlineString
        default: return .number
        }
    }

    @inline(__always)
    static func parseInt(_ v: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !v.isEmpty, v.count <= 18 else { return nil }
        var n = 0
        for b in v {
            let d = b &- 48
            guard d < 10 else { return nil }
            n = n &* 10 &+ Int(d)
        }
        return n
    }

    @inline(__always)
    static func parseReference(_ v: UnsafeBufferPointer<UInt8>) -> CellReference? {
        var i = 0
        var column = 0
        while i < v.count, i < 4 {
            let u = v[i] & 0xDF
            guard u >= 65, u <= 90 else { break }
            column = column * 26 + Int(u - 64)
            i += 1
        }
        guard i > 0, i <= 3 else { return nil }
        var row = 0
        let digitsStart = i
        while i < v.count {
            let d = v[i] &- 48
            guard d < 10, i - digitsStart < 8 else { return nil }
            row = row * 10 + Int(d)
            i += 1
        }
        guard i > digitsStart else { return nil }
        return CellReference(column: column, row: row)
    }

    /// Letters then digits, whatever their size: a reference past Excel's grid rather than garbage.
    static func looksLikeReference(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < v.count, (v[i] & 0xDF) >= 65, (v[i] & 0xDF) <= 90 { i += 1 }
        guard i > 0, i < v.count else { return false }
        return v[i...].allSatisfy { $0 &- 48 < 10 }
    }
}
