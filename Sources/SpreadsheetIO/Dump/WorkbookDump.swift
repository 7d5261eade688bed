/// Renders a workbook as the JSON of the conformance corpus:
/// `{"sheets":[{"name":…,"visible":…,"state":…,"rows":[[cell,…],…]}]}`, every sheet in workbook
/// order, rows anchored at A1, each row up to its last non-empty cell. A file that cannot be
/// read becomes `{"error":"<category>","message":"…"}`.
public enum WorkbookDump {
    /// Dumps every sheet of an XLSX workbook, or only `sheetName` when given.
    public static func json(xlsxPath path: String, displayName: String? = nil, sheetName: String? = nil,
                            limits: ZipLimits = .default) throws -> String {
        try json(SpreadsheetDocument(path: path, displayName: displayName, zipLimits: limits), sheetName: sheetName)
    }

    /// Dumps every sheet of a document (XLSX or CSV), or only `sheetName` when given.
    public static func json(_ book: SpreadsheetDocument, sheetName: String? = nil) throws -> String {
        let sheets = try sheetName.map { [try book.sheet(named: $0)] } ?? book.sheets
        var out: [UInt8] = Array("{\"sheets\":[".utf8)
        for (i, sheet) in sheets.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: Array("{\"name\":".utf8))
            JSONText.appendString(sheet.name, to: &out)
            out.append(contentsOf: Array(",\"visible\":\(sheet.visibility == .visible),\"state\":\"\(sheet.visibility.rawValue)\",\"rows\":".utf8))
            try appendRows(try book.rows(of: sheet), to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: Array("]}".utf8))
        return String(decoding: out, as: UTF8.self)
    }

    /// Writes rows from any row source as the corpus's `rows` array.
    public static func appendRows(_ reader: any RowReading, to out: inout [UInt8]) throws {
        var rows: [Int: Row] = [:]
        var lastRow = 0
        while let row = try reader.next() {
            guard row.lastNonEmptyColumn > 0 else { continue }
            rows[row.index] = row
            lastRow = max(lastRow, row.index)
        }
        appendRows(rows, lastRow: lastRow, to: &out)
    }

    static func appendRows(_ rows: [Int: Row], lastRow: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        if lastRow > 0 {
            for r in 1...lastRow {
                if r > 1 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                if let row = rows[r] {
                    var column = 1
                    for cell in row.cells where !cell.value.isEmpty {
                        while column < cell.column {
                            out.append(contentsOf: Array("null,".utf8))
                            column += 1
                        }
                        appendCell(cell.value, to: &out)
                        column += 1
                        if column <= row.lastNonEmptyColumn { out.append(UInt8(ascii: ",")) }
                    }
                }
                out.append(UInt8(ascii: "]"))
            }
        }
        out.append(UInt8(ascii: "]"))
    }

    /// One cell in the corpus's typing.
    public static func appendCell(_ value: CellValue, to out: inout [UInt8]) {
        switch value {
        case .empty: out.append(contentsOf: Array("null".utf8))
        case .string(let s): JSONText.appendString(s, to: &out)
        case .number(let d): out.append(contentsOf: Array(JSONText.number(d).utf8))
        case .boolean(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .error(let e):
            out.append(contentsOf: Array("{\"error\":".utf8))
            JSONText.appendString(e.code, to: &out)
            out.append(UInt8(ascii: "}"))
        case .dateTime(let d): JSONText.appendString(d.description, to: &out)
        case .timeOfDay(let t): JSONText.appendString(t.isoTime, to: &out)
        case .duration(let s): out.append(contentsOf: Array("{\"duration_s\":\(JSONText.number(s))}".utf8))
        }
    }

    /// The refusal document for an error.
    public static func refusal(_ error: SpreadsheetError) -> String {
        "{\"error\":\(JSONText.string(error.category)),\"kind\":\(JSONText.string(error.kind.rawValue)),\"message\":\(JSONText.string(error.description))}"
    }
}
