import ArgumentParser
import SpreadsheetIO

/// Options for reading CSV files, shared by every command that reads one.
struct CSVOptions: ParsableArguments {
    func open(_ file: String) throws -> SpreadsheetDocument {
        try SpreadsheetDocument.open(path: file, displayName: file)
    }
}
