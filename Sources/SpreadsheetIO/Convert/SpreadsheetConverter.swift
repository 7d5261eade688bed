/// Converts any readable spreadsheet (XLSX, CSV) to XLSX, CSV, JSON or JSON Lines, keeping
/// types: numbers stay numbers, dates dates (real Excel dates in XLSX, ISO 8601 in text
/// formats), booleans and error values too; number formats, merged ranges and sheet visibility
/// carry over XLSX → XLSX. Streams row by row; the output appears only once complete.
public enum SpreadsheetConverter {
    public enum OutputFormat: String, CaseIterable, Sendable {
        case xlsx, csv, json, jsonl

        /// From the output file's extension (`.xlsx`, `.csv`, `.json`, `.jsonl`/`.ndjson`).
        public init?(path: String) {
            let lower = path.lowercased()
            if lower.hasSuffix(".xlsx") { self = .xlsx } else if lower.hasSuffix(".csv") { self = .csv }
            else if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") { self = .jsonl }
            else if lower.hasSuffix(".json") { self = .json } else { return nil }
        }

        /// CSV and JSON Lines hold one sheet.
        public var holdsOneSheet: Bool { self == .csv || self == .jsonl }
    }

    public struct Options: Sendable {
        /// Convert only this sheet (by name); formats that hold one sheet take the first otherwise.
        public var sheet: String?
        /// The first row of each sheet is a header: bold, frozen and filterable in XLSX; the keys
        /// of each record in JSON. Off: JSON rows are arrays and XLSX rows are copied as they are.
        public var header: Bool
        public var csv: CSVWriter.Options
        public var xlsx: XLSXWriter.Options
        public var title: String?

        public init(sheet: String? = nil, header: Bool = true, csv: CSVWriter.Options = .init(),
                    xlsx: XLSXWriter.Options = .init(), title: String? = nil) {
            self.sheet = sheet
            self.header = header
            self.csv = csv
            self.xlsx = xlsx
            self.title = title
        }
    }

    public struct Summary: Sendable {
        public var sheets: [(name: String, rows: Int)] = []
        /// Sheets of the input that the output format could not hold.
        public var skippedSheets: [String] = []
    }

    public static func convert(_ document: SpreadsheetDocument, to path: String, displayName: String? = nil,
                               format: OutputFormat, options: Options = .init()) throws -> Summary {
        var selected = try options.sheet.map { [try document.sheet(named: $0)] }
            ?? document.sheets.filter { $0.kind == .worksheet }
        if selected.isEmpty { selected = Array(document.sheets.prefix(1)) }
        var summary = Summary()
        if format.holdsOneSheet, selected.count > 1 {
            summary.skippedSheets = selected.dropFirst().map(\.name)
            selected = [selected[0]]
        }
        switch format {
        case .xlsx: try toXLSX(document, selected, path, displayName, options, &summary)
        case .csv: try toCSV(document, selected[0], path, displayName, options, &summary)
        case .json: try toJSON(document, selected, path, displayName, options, &summary)
        case .jsonl: try toJSONLines(document, selected[0], path, displayName, options, &summary)
        }
        return summary
    }

    private static func toXLSX(_ document: SpreadsheetDocument, _ sheets: [SheetInfo], _ path: String, _ displayName: String?,
                               _ options: Options, _ summary: inout Summary) throws {
        let book = try XLSXWriter(path: path, displayName: displayName,
                                  properties: WorkbookProperties(title: options.title), options: options.xlsx)
        let bold = try book.style(.header)
        var styleOfFormat: [Int: CellStyleID] = [:]
        var boldOfFormat: [Int: CellStyleID] = [:]
        for info in sheets {
            var sheetOptions = options.header ? SheetOptions.table : SheetOptions()
            // Hidden stays hidden, unless no visible sheet is converted (Excel needs one).
            sheetOptions.hidden = info.visibility != .visible && sheets.contains { $0.visibility == .visible }
            let sheet = try book.addSheet(named: book.availableSheetName(for: info.name), options: sheetOptions)
            let reader = try document.rows(of: info)
            var count = 0
            var first = true
            while let row = try reader.next() {
                let isHeader = first && options.header
                first = false
                try sheet.write(row) { cell in
                    // Carry the cell's number format over when it says more than General.
                    let format = document.numberFormat(of: cell)
                    let plain = format.kind == .general || format.id == 0
                    if isHeader {
                        if plain { return bold }
                        if let s = boldOfFormat[cell.formatIndex] { return s }
                        let s = (try? book.style(CellStyle(numberFormat: format.code, bold: true))) ?? bold
                        boldOfFormat[cell.formatIndex] = s
                        return s
                    }
                    if plain { return .default }
                    if let s = styleOfFormat[cell.formatIndex] { return s }
                    let s = (try? book.style(CellStyle(numberFormat: format.code))) ?? .default
                    styleOfFormat[cell.formatIndex] = s
                    return s
                }
                count += 1
            }
            if let worksheet = reader as? WorksheetReader {
                for range in worksheet.mergedCells { try? sheet.merge(range) }
            }
            summary.sheets.append((sheet.name, count))
        }
        try book.close()
    }

    private static func toCSV(_ document: SpreadsheetDocument, _ info: SheetInfo, _ path: String, _ displayName: String?,
                              _ options: Options, _ summary: inout Summary) throws {
        let csv = try CSVWriter(path: path, displayName: displayName, options: options.csv)
        let reader = try document.rows(of: info)
        var lastRow = 0
        var width = 0
        var count = 0
        while let row = try reader.next() {
            // Blank rows between records stay, so row N of the sheet is record N of the file.
            while lastRow + 1 < row.index { try csv.writeRow([]); lastRow += 1 }
            width = max(width, row.cells.last?.column ?? 0)
            try csv.write(row, columns: width)
            lastRow = row.index
            count += 1
        }
        try csv.close()
        summary.sheets.append((info.name, count))
    }

    /// `{"sheets":[{"name":…,"columns":[…],"rows":[{…},…]}]}` with a header, else rows as arrays.
    private static func toJSON(_ document: SpreadsheetDocument, _ sheets: [SheetInfo], _ path: String, _ displayName: String?,
                               _ options: Options, _ summary: inout Summary) throws {
        let json = try JSONWriter(path: path, displayName: displayName)
        try json.beginObject()
        try json.key("sheets")
        try json.beginArray()
        for info in sheets {
            try json.beginObject()
            try json.key("name")
            try json.string(info.name)
            let reader = try document.rows(of: info)
            var keys: RecordKeys?
            var count = 0
            if options.header, let first = try reader.next() {
                keys = RecordKeys(header: first)
                try json.key("columns")
                try json.beginArray()
                for k in keys!.names { try json.string(k) }
                try json.endArray()
            }
            try json.key("rows")
            try json.beginArray()
            while let row = try reader.next() {
                if var k = keys { try writeRecord(row, keys: &k, to: json); keys = k } else { try writeArray(row, to: json) }
                count += 1
            }
            try json.endArray()
            try json.endObject()
            summary.sheets.append((info.name, count))
        }
        try json.endArray()
        try json.endObject()
        try json.close()
    }

    /// One line per data row: an object keyed by the header, or an array without one.
    private static func toJSONLines(_ document: SpreadsheetDocument, _ info: SheetInfo, _ path: String, _ displayName: String?,
                                    _ options: Options, _ summary: inout Summary) throws {
        let lines = try JSONLinesWriter(path: path, displayName: displayName)
        let reader = try document.rows(of: info)
        var keys: RecordKeys?
        if options.header, let first = try reader.next() { keys = RecordKeys(header: first) }
        var count = 0
        while let row = try reader.next() {
            try lines.writeLine { json in
                if var k = keys { try writeRecord(row, keys: &k, to: json); keys = k } else { try writeArray(row, to: json) }
            }
            count += 1
        }
        try lines.close()
        summary.sheets.append((info.name, count))
    }

    private static func writeRecord(_ row: Row, keys: inout RecordKeys, to json: JSONWriter) throws {
        try json.beginObject()
        let width = max(keys.names.count, row.cells.last?.column ?? 0)
        for column in 1...max(width, 1) {
            let value = row.value(at: column)
            if column > keys.names.count, value.isEmpty { continue }
            try json.key(keys.name(ofColumn: column))
            try json.value(value)
        }
        try json.endObject()
    }

    private static func writeArray(_ row: Row, to json: JSONWriter) throws {
        try json.beginArray()
        let width = row.lastNonEmptyColumn
        if width > 0 { for column in 1...width { try json.value(row.value(at: column)) } }
        try json.endArray()
    }
}

/// Record keys from a header row: its texts, the column letter for a blank header cell, and
/// `name (2)` for a repeated one, so every key is unique and every record has the same keys.
struct RecordKeys {
    private(set) var names: [String] = []

    init(header: Row) {
        var seen: Set<String> = []
        let width = header.lastNonEmptyColumn
        guard width > 0 else { return }
        for column in 1...width {
            var name = header.value(at: column).text.trimmingWhitespace()
            if name.isEmpty { name = CellReference.columnLetters(column) }
            var candidate = name
            var n = 2
            while seen.contains(candidate) { candidate = "\(name) (\(n))"; n += 1 }
            seen.insert(candidate)
            names.append(candidate)
        }
    }

    /// Columns past the header are keyed by their letters.
    func name(ofColumn column: Int) -> String {
        column <= names.count ? names[column - 1] : CellReference.columnLetters(column)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
