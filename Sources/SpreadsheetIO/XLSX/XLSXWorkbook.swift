/// An XLSX/XLSM workbook opened for streaming reads.
///
/// Opening reads only the package's small parts (content types, relationships, workbook,
/// styles); shared strings are loaded when a sheet that needs them is first read; sheet data is
/// streamed row by row by `WorksheetReader`, never held whole.
///
/// ```swift
/// let book = try XLSXWorkbook(path: "biocat.xlsx")
/// let rows = try book.rows(of: book.sheet(named: "Indicadors"))
/// while let row = try rows.next() { … }
/// ```
public final class XLSXWorkbook {
    public let file: String
    public let sheets: [SheetInfo]
    public let dateSystem: ExcelDateSystem
    /// Number format of each cell format index (`Cell.formatIndex`).
    public let numberFormats: [NumberFormat]
    public let limits: ZipLimits

    private let archive: ZipArchive
    private let path: String
    private let sharedStringsPart: String?
    private var sharedStringsCache: [String]?
    private let formatKinds: [NumberFormat.Kind]

    /// Opens a workbook. `displayName` is how messages name the file (default: the path).
    public init(path: String, displayName: String? = nil, limits: ZipLimits = .default) throws {
        let file = displayName ?? path
        self.file = file
        self.limits = limits
        let signature: FileSignature
        do {
            signature = try FileSignature.detect(path: path)
        } catch {
            throw SpreadsheetError(.unreadableFile, file: file, reason: "cannot open the file for reading")
        }
        switch signature {
        case .zip: break
        case .encryptedOOXML:
            throw SpreadsheetError(.encrypted, file: file, reason: "the workbook is encrypted (password-protected); open it in Excel, remove the password (File › Info › Protect Workbook) and save it again as .xlsx")
        case .legacyXLS:
            throw SpreadsheetError(.legacyXLS, file: file, reason: "this is a legacy Excel 97–2003 workbook (.xls, BIFF); open it in Excel or LibreOffice and save it as .xlsx")
        case .otherOLE:
            throw SpreadsheetError(.notXLSX, file: file, reason: "this is an OLE compound file but not an Excel workbook")
        case .empty:
            throw SpreadsheetError(.notXLSX, file: file, reason: "the file is empty")
        case .unknown(let text, let html):
            throw SpreadsheetError(.notXLSX, file: file, reason: html ? "this is an HTML page, not an XLSX workbook (some web exports name HTML tables .xls/.xlsx); save it as .xlsx or CSV"
                                   : text ? "this is a text file, not an XLSX workbook; if it is CSV, name it .csv" : "not an XLSX workbook (no ZIP signature)")
        }
        let archive = try ZipArchive(path: path, file: file, limits: limits)
        self.archive = archive
        self.path = path

        let contentTypes = ContentTypesHandler()
        if archive.contains("[Content_Types].xml") {
            try XMLStreamParser.parse(try archive.open("[Content_Types].xml"), with: contentTypes, file: file)
        }
        let rootRels = try Self.relationships(of: "", in: archive, file: file)
        let workbookPart: String
        if let rel = rootRels.first(where: { $0.kind == "officeDocument" && !$0.isExternal }), archive.contains(rel.target) {
            workbookPart = rel.target
        } else if let part = contentTypes.workbookPart, archive.contains(part) {
            workbookPart = part
        } else if archive.contains("xl/workbook.xml") {
            workbookPart = "xl/workbook.xml"
        } else {
            throw SpreadsheetError(.missingPart, file: file, reason: "the ZIP holds no workbook part (no officeDocument relationship, no workbook content type, no xl/workbook.xml); is it really an .xlsx?")
        }

        let workbook = WorkbookPartHandler()
        try XMLStreamParser.parse(try archive.open(workbookPart), with: workbook, file: file)
        dateSystem = workbook.uses1904 ? .from1904 : .from1900

        let rels = try Self.relationships(of: workbookPart, in: archive, file: file)
        let byID = Dictionary(rels.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let folder = PartName.folder(of: workbookPart)
        var sheets: [SheetInfo] = []
        for (i, entry) in workbook.sheets.enumerated() {
            let rel = entry.relationshipID.flatMap { byID[$0] }
            var part = rel.map(\.target)
            if part == nil, archive.contains(folder + "/worksheets/sheet\(i + 1).xml") { part = folder + "/worksheets/sheet\(i + 1).xml" }
            let kind: SheetInfo.Kind
            switch rel?.kind ?? contentTypes.contentType(of: part ?? "").map(Self.sheetKind) ?? "worksheet" {
            case "chartsheet": kind = .chartsheet
            case "dialogsheet": kind = .dialogsheet
            case "xlMacrosheet", "xlIntlMacrosheet", "macrosheet": kind = .macrosheet
            default: kind = .worksheet
            }
            let visibility = SheetInfo.Visibility(rawValue: entry.state) ?? (entry.state.lowercased() == "veryhidden" ? .veryHidden : entry.state.lowercased() == "hidden" ? .hidden : .visible)
            sheets.append(SheetInfo(index: i, name: entry.name, visibility: visibility, kind: kind, part: part))
        }
        self.sheets = sheets

        var sst = rels.first(where: { $0.kind == "sharedStrings" && !$0.isExternal })?.target
        if sst == nil || !archive.contains(sst!) {
            sst = [folder + "/sharedStrings.xml", "xl/sharedStrings.xml"].first(where: archive.contains)
        }
        sharedStringsPart = sst

        var styles = rels.first(where: { $0.kind == "styles" && !$0.isExternal })?.target
        if styles == nil || !archive.contains(styles!) {
            styles = [folder + "/styles.xml", "xl/styles.xml"].first(where: archive.contains)
        }
        if let styles {
            let handler = StylesHandler()
            try XMLStreamParser.parse(try archive.open(styles), with: handler, file: file)
            numberFormats = handler.numberFormats()
        } else {
            numberFormats = []
        }
        formatKinds = numberFormats.map(\.kind)
    }

    private static func sheetKind(_ contentType: String) -> String {
        if contentType.contains("chartsheet") { return "chartsheet" }
        if contentType.contains("dialogsheet") { return "dialogsheet" }
        if contentType.contains("macrosheet") { return "macrosheet" }
        return "worksheet"
    }

    private static func relationships(of sourcePart: String, in archive: ZipArchive, file: String) throws -> [Relationship] {
        let relsPart = sourcePart.isEmpty ? "_rels/.rels" : RelationshipsHandler.relsPart(for: sourcePart)
        guard archive.contains(relsPart) else { return [] }
        let handler = RelationshipsHandler(sourcePart: sourcePart)
        try XMLStreamParser.parse(try archive.open(relsPart), with: handler, file: file)
        return handler.relationships
    }

    /// The sheet with this name (exact, then case-insensitive, as Excel matches names).
    public func sheet(named name: String) throws -> SheetInfo {
        if let s = sheets.first(where: { $0.name == name }) ?? sheets.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return s
        }
        throw SpreadsheetError(.noSuchSheet, file: file, sheet: name,
                               reason: "no sheet named \"\(name)\"; the workbook has: \(sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))")
    }

    /// The sheet at a 0-based position.
    public func sheet(at index: Int) throws -> SheetInfo {
        guard sheets.indices.contains(index) else {
            throw SpreadsheetError(.noSuchSheet, file: file, reason: "no sheet at position \(index + 1); the workbook has \(sheets.count)")
        }
        return sheets[index]
    }

    /// The number format of a cell.
    public func numberFormat(of cell: Cell) -> NumberFormat {
        numberFormats.indices.contains(cell.formatIndex) ? numberFormats[cell.formatIndex] : .general
    }

    /// The kind of a cell style's number format, by the cell's format index: one array read (the
    /// engine asks it for every value).
    public func formatKind(ofIndex formatIndex: Int) -> NumberFormat.Kind {
        formatKinds.indices.contains(formatIndex) ? formatKinds[formatIndex] : .general
    }

    /// Streams a sheet's rows. A chart sheet (or any sheet without cells) yields no rows.
    public func rows(of sheet: SheetInfo) throws -> WorksheetReader {
        guard sheet.kind == .worksheet || sheet.kind == .macrosheet || sheet.kind == .dialogsheet else {
            return WorksheetReader(empty: sheet)
        }
        guard let part = sheet.part else {
            throw SpreadsheetError(.missingPart, file: file, sheet: sheet.name, reason: "the workbook lists sheet \"\(sheet.name)\" but points at no part for it")
        }
        guard archive.contains(part) else {
            throw SpreadsheetError(.missingPart, file: file, part: part, sheet: sheet.name, reason: "the sheet's part \(part) is missing from the package")
        }
        let entry = try archive.open(part)
        // Started before the shared strings are parsed, so inflating the sheet overlaps that too.
        let prefetcher = entry.declaredSize >= limits.prefetchThresholdBytes
            ? try PrefetchingEntryReader(path: path, file: file, limits: limits, part: part, expected: try archive.stat(part))
            : nil
        let handler = WorksheetHandler(file: file, part: part, sheetName: sheet.name, sharedStrings: try sharedStrings(),
                                       formatKinds: formatKinds, dateSystem: dateSystem)
        return WorksheetReader(sheet: sheet, entry: entry, prefetcher: prefetcher, handler: handler, file: file)
    }

    private func sharedStrings() throws -> [String] {
        if let sharedStringsCache { return sharedStringsCache }
        var strings: [String] = []
        if let part = sharedStringsPart {
            let handler = SharedStringsHandler(file: file, part: part, maxTotalBytes: Int(min(limits.maxPartBytes, 1 << 30)))
            try XMLStreamParser.parse(try archive.open(part), with: handler, file: file)
            strings = handler.strings
        }
        sharedStringsCache = strings
        return strings
    }
}
