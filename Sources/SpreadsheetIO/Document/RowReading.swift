/// Anything that yields rows one at a time: a worksheet, a CSV file.
public protocol RowReading: AnyObject {
    /// The next row holding at least one cell, or nil at the end.
    func next() throws -> Row?
}

extension WorksheetReader: RowReading {}
extension CSVReader: RowReading {}
