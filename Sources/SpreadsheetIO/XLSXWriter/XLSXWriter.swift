#if canImport(Glibc)
import Glibc
#endif

/// Writes an XLSX workbook as Excel writes it, streaming: each sheet's rows are turned into XML
/// and deflated as they come, so memory stays bounded (about 1.5 MiB per open sheet plus the
/// held width-sample rows), whatever the number of rows.
///
/// ```swift
/// let book = try XLSXWriter(path: "harmonised.xlsx", properties: .init(title: "Indicators 2024"))
/// let header = try book.style(.header)
/// let sheet = try book.addSheet(named: "Indicators", options: .table)
/// try sheet.writeRow([.string("Code"), .string("Value")], style: header)
/// try sheet.writeRow([.string("EMP_TOT"), .number(1312)])
/// try book.close()
/// ```
///
/// The file appears only when `close()` succeeds: parts are spooled beside the target and the
/// package is written to a temporary name in the target's folder, then renamed over it. A
/// writer dropped without `close()`, or a `close()` that fails, leaves no file behind (and an
/// existing file at `path` untouched).
public final class XLSXWriter {
    public struct Options: Sendable {
        public enum StringStorage: Sendable {
            /// `t="inlineStr"` cells: constant memory whatever the number of distinct strings.
            case inline
            /// A shared-strings table (as Excel writes): smaller files when strings repeat, but the
            /// table of distinct strings is held in memory until `close()`.
            case shared
        }

        public enum NonFiniteNumbers: Sendable {
            /// NaN and ±infinity are refused with `non-finite-number`, naming the cell.
            case reject
            /// NaN and ±infinity are written as the error value `#NUM!`, visible in the cell.
            case numError
        }

        public var strings: StringStorage
        public var nonFiniteNumbers: NonFiniteNumbers
        /// Deflate level 1…9 (6 is zlib's and Excel's default).
        public var compressionLevel: Int

        public init(strings: StringStorage = .inline, nonFiniteNumbers: NonFiniteNumbers = .reject, compressionLevel: Int = 6) {
            self.strings = strings
            self.nonFiniteNumbers = nonFiniteNumbers
            self.compressionLevel = compressionLevel
        }
    }

    public let path: String
    public let displayName: String
    public let options: Options
    public var properties: WorkbookProperties
    public private(set) var sheets: [WorksheetWriter] = []

    /// Every string when `options.strings` is `.shared`; else made by the first sheet with
    /// `sharedStringColumns`.
    private(set) var sharedStrings: SharedStringTable?
    private let styles = StyleTable()
    private let spoolKind = SpoolKind.fromEnvironment
    /// A sheet's XML stays in memory up to this size, then streams through a spool on disk.
    static let inMemorySheetBytes = 1 << 20
    private var closed = false
    private let startTime: Int

    public init(path: String, displayName: String? = nil, properties: WorkbookProperties = .init(), options: Options = .init()) throws {
        self.path = path
        self.displayName = displayName ?? path
        self.properties = properties
        self.options = options
        sharedStrings = options.strings == .shared ? SharedStringTable() : nil
        startTime = properties.created ?? Int(time(nil))
        // Fail now, not after a million rows, when the folder cannot take the file.
        let probe = try AtomicOutputFile(path: path, displayName: self.displayName)
        _ = probe
    }

    func sharedStringTable() -> SharedStringTable {
        if let table = sharedStrings { return table }
        let table = SharedStringTable()
        sharedStrings = table
        return table
    }

    deinit { if !closed { for s in sheets { s.discard() } } }

    /// Registers a style for cells; the same style twice gives the same id.
    public func style(_ style: CellStyle) throws -> CellStyleID {
        do { return try styles.register(style) } catch var e as SpreadsheetError {
            e.file = displayName
            throw e
        }
    }

    /// Adds a sheet after the others. Names follow Excel's rules (≤ 31 characters, none of
    /// `[]:*?/\`, unique ignoring case) or the call fails with `invalid-sheet-name` /
    /// `duplicate-sheet-name`. Sheets may be written in any interleaving.
    @discardableResult
    public func addSheet(named name: String, options: SheetOptions = .init()) throws -> WorksheetWriter {
        try ensureOpen()
        try SheetNameRules.check(name, existing: sheets.map(\.name), file: displayName)
        if options.frozenRows < 0 || options.frozenColumns < 0 || options.frozenRows >= CellReference.maxRow
            || options.frozenColumns >= CellReference.maxColumn {
            throw SpreadsheetError(.invalidWrite, file: displayName, sheet: name, reason: "frozen rows and columns must be within the sheet")
        }
        if let bad = options.columnWidths.first(where: { !(1...CellReference.maxColumn).contains($0.key) || !(0...255).contains($0.value) }) {
            throw SpreadsheetError(.invalidWrite, file: displayName, sheet: name,
                                   reason: "column \(bad.key) width \(bad.value): columns are 1…16384, widths 0…255")
        }
        let (path, displayName, kind, level, time) = (self.path, self.displayName, spoolKind, self.options.compressionLevel, time_t(startTime))
        let spool = BufferingSpool(threshold: Self.inMemorySheetBytes) { () throws -> SheetSpool in
            if kind == .plain { return try PlainSpool(besides: path, displayName: displayName) }
            return try DeflatingSpool(besides: path, displayName: displayName, compressionLevel: level, modificationTime: time)
        }
        let selected = !options.hidden && sheets.allSatisfy(\.options.hidden)
        let sheet = WorksheetWriter(name: name, position: sheets.count + 1, options: options, isSelectedTab: selected,
                                    workbook: self, spool: spool, styles: styles)
        sheets.append(sheet)
        return sheet
    }

    /// A valid, unused sheet name made from any text (forbidden characters replaced, shortened,
    /// numbered when taken): for sheets named after files or other workbooks' sheets.
    public func availableSheetName(for text: String) -> String {
        SheetNameRules.sanitized(text, existing: sheets.map(\.name))
    }

    private func ensureOpen() throws {
        if closed { throw SpreadsheetError(.invalidWrite, file: displayName, reason: "the workbook is already closed") }
    }

    /// Finishes every sheet, writes the package and puts it in place.
    public func close() throws {
        try ensureOpen()
        closed = true
        defer { for s in sheets { s.discard() } }
        if sheets.isEmpty { try addSheetForEmptyWorkbook() }
        if sheets.allSatisfy(\.options.hidden) {
            throw SpreadsheetError(.invalidWrite, file: displayName, reason: "every sheet is hidden; Excel needs at least one visible sheet")
        }
        var commentNumber = 0
        var sheetComments: [(sheet: Int, number: Int)] = []
        for (i, sheet) in sheets.enumerated() {
            if !sheet.comments.isEmpty {
                commentNumber += 1
                sheetComments.append((i, commentNumber))
            }
            try sheet.finish(relationshipIDForDrawing: sheet.comments.isEmpty ? nil : "rId2")
        }

        let temporary = try TemporaryPath.beside(path, tag: "xlsx")
        defer { unlink(temporary) }
        let archive = try ZipWriter(path: temporary, displayName: displayName, compressionLevel: options.compressionLevel,
                                    modificationTime: time_t(startTime))
        var overrides: [(part: String, type: String)] = [("xl/workbook.xml", ContentTypesPart.workbook)]
        for i in sheets.indices { overrides.append(("xl/worksheets/sheet\(i + 1).xml", ContentTypesPart.worksheet)) }
        overrides.append(("xl/styles.xml", ContentTypesPart.styles))
        if sharedStrings != nil { overrides.append(("xl/sharedStrings.xml", ContentTypesPart.sharedStrings)) }
        for (_, n) in sheetComments { overrides.append(("xl/comments\(n).xml", ContentTypesPart.comments)) }
        overrides.append(("docProps/core.xml", ContentTypesPart.core))
        overrides.append(("docProps/app.xml", ContentTypesPart.app))

        try archive.add("[Content_Types].xml", bytes: part { try ContentTypesPart.write(overrides: overrides, hasVML: !sheetComments.isEmpty, to: $0) })
        try archive.add("_rels/.rels", bytes: part {
            try RelationshipsPart.write([(OOXML.officeDocumentRelationship, "xl/workbook.xml"),
                                         (OOXML.corePropertiesRelationship, "docProps/core.xml"),
                                         (OOXML.extendedPropertiesRelationship, "docProps/app.xml")], to: $0)
        })
        try archive.add("docProps/app.xml", bytes: part { try AppPropertiesPart.write(sheetNames: sheets.map(\.name), to: $0) })
        try archive.add("docProps/core.xml", bytes: part { try CorePropertiesPart.write(properties, created: startTime, to: $0) })
        let entries = sheets.enumerated().map { i, s in
            WorkbookPart.SheetEntry(name: s.name, relationshipID: "rId\(i + 1)", hidden: s.options.hidden, autoFilter: s.autoFilterRange)
        }
        try archive.add("xl/workbook.xml", bytes: part { try WorkbookPart.write(entries, to: $0) })
        var workbookRelationships = sheets.indices.map { (OOXML.worksheetRelationship, "worksheets/sheet\($0 + 1).xml") }
        workbookRelationships.append((OOXML.stylesRelationship, "styles.xml"))
        if sharedStrings != nil { workbookRelationships.append((OOXML.sharedStringsRelationship, "sharedStrings.xml")) }
        try archive.add("xl/_rels/workbook.xml.rels", bytes: part { try RelationshipsPart.write(workbookRelationships, to: $0) })
        try archive.add("xl/styles.xml", bytes: part { try StylesPart.write(styles, to: $0) })
        if let sharedStrings { try archive.add("xl/sharedStrings.xml", bytes: part { try SharedStringsPart.write(sharedStrings, to: $0) }) }
        for (i, sheet) in sheets.enumerated() {
            try sheet.add(to: archive, as: "xl/worksheets/sheet\(i + 1).xml")
        }
        for (i, n) in sheetComments {
            let comments = sheets[i].comments
            try archive.add("xl/worksheets/_rels/sheet\(i + 1).xml.rels", bytes: part {
                try RelationshipsPart.write([(OOXML.commentsRelationship, "../comments\(n).xml"),
                                             (OOXML.vmlDrawingRelationship, "../drawings/vmlDrawing\(n).vml")], to: $0)
            })
            try archive.add("xl/comments\(n).xml", bytes: part { try CommentsPart.write(comments, to: $0) })
            try archive.add("xl/drawings/vmlDrawing\(n).vml", bytes: part { try VMLDrawingPart.write(comments, drawingNumber: n, to: $0) })
        }
        try archive.close()
        try TemporaryPath.rename(temporary, to: path, displayName: displayName)
    }

    /// Excel cannot open a workbook without a sheet.
    private func addSheetForEmptyWorkbook() throws {
        closed = false
        try addSheet(named: "Sheet1")
        closed = true
    }

    private func part(_ body: (OutputBuffer) throws -> Void) throws -> [UInt8] {
        let sink = MemorySink()
        let out = OutputBuffer(sink: sink, capacity: 1 << 16)
        try body(out)
        try out.flush()
        return sink.bytes
    }
}
