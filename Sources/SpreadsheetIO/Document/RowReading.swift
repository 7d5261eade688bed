/// Anything that yields rows one at a time: a worksheet, a CSV file.
public protocol RowReading: AnyObject {
    /// The next row holding at least one cell (or, in a workbook, a formula saved without its
    /// value: `Row.uncachedFormulas`), or nil at the end.
    func next() throws -> Row?
}

extension WorksheetReader: RowReading {}
extension CSVReader: RowReading {}
