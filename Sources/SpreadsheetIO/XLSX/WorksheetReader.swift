/// Pulls the rows of one worksheet, inflating and parsing the part 64 KiB at a time, so memory
/// stays bounded whatever the sheet's size.
///
/// `mergedCells` is complete once `next()` has returned nil: Excel writes merges after the data.
public final class WorksheetReader {
    public let sheet: SheetInfo
    private let entry: ZipEntryReader?
    /// For large parts: the same entry inflated ahead on a second thread (then `entry` is unused).
    private let prefetcher: PrefetchingEntryReader?
    private let handler: WorksheetHandler?
    private let parser: XMLStreamParser?
    private var head = 0
    private var finished = false
    private let buffer: UnsafeMutableRawBufferPointer

    init(sheet: SheetInfo, entry: ZipEntryReader, prefetcher: PrefetchingEntryReader?, handler: WorksheetHandler, file: String) {
        self.sheet = sheet
        self.entry = entry
        self.prefetcher = prefetcher
        self.handler = handler
        parser = XMLStreamParser(handler: handler, file: file, part: entry.name)
        buffer = .allocate(byteCount: 1 << 18, alignment: 16)
    }

    init(empty sheet: SheetInfo) {
        self.sheet = sheet
        entry = nil
        prefetcher = nil
        handler = nil
        parser = nil
        finished = true
        buffer = .allocate(byteCount: 0, alignment: 16)
    }

    deinit { buffer.deallocate() }

    /// The next row that holds at least one cell, or nil at the end of the sheet.
    public func next() throws -> Row? {
        guard let handler, let parser, let entry else { return nil }
        while head == handler.pendingRows.count {
            if head > 0 { handler.pendingRows.removeAll(keepingCapacity: true); head = 0 }
            if finished { return nil }
            if let prefetcher {
                if let chunk = try prefetcher.nextChunk() {
                    try parser.feed(chunk)
                } else {
                    try parser.finish()
                    finished = true
                }
                continue
            }
            let n = try entry.read(into: buffer)
            if n == 0 {
                try parser.finish()
                finished = true
            } else {
                try parser.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            }
        }
        defer { head += 1 }
        return handler.pendingRows[head]
    }

    /// Calls `body` for every remaining row.
    public func forEach(_ body: (Row) throws -> Void) throws {
        while let row = try next() { try body(row) }
    }

    /// Merged ranges (`<mergeCells>`), complete once every row was read.
    public var mergedCells: [CellRange] { handler?.mergedCells ?? [] }

    /// The `<dimension>` the file declares (may be absent or wrong; never trusted for allocation).
    public var declaredDimension: CellRange? { handler?.dimension }
}
