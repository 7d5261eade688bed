import ArgumentParser
import SpreadsheetIO

/// Options for reading CSV files, shared by every command that reads one. Without them the
/// encoding is detected and the delimiter sniffed; `inspect` shows what was found.
struct CSVOptions: ParsableArguments {
    @Option(help: ArgumentHelp("CSV: the file's encoding instead of detecting it.",
                               discussion: "One of utf-8, utf-16le, utf-16be, windows-1252 (cp1252), iso-8859-1 (latin1), iso-8859-2, iso-8859-15 (latin9), windows-1251 (cp1251).",
                               valueName: "name"))
    var encoding: String?

    @Option(help: ArgumentHelp("CSV: the delimiter instead of sniffing it: , ; | or tab.", valueName: "char"))
    var delimiter: String?

    @Option(help: ArgumentHelp("CSV: read plain numbers with this decimal separator (. or ,) as numbers; otherwise every field is text.", valueName: "char"))
    var decimalSeparator: String?

    func validate() throws {
        _ = try readerOptions()
    }

    func readerOptions() throws -> CSVReader.Options {
        var options = CSVReader.Options()
        if let encoding {
            guard let e = TextEncoding(label: encoding) else {
                throw ValidationError("unknown encoding \"\(encoding)\"; use one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            options.encoding = e
        }
        if let delimiter {
            let c: Character? = delimiter.lowercased() == "tab" || delimiter == "\\t" ? "\t" : (delimiter.count == 1 ? delimiter.first : nil)
            guard let c, let dialect = CSVDialect(delimiter: c) else {
                throw ValidationError("the delimiter must be one character (or \"tab\"), got \"\(delimiter)\"")
            }
            options.dialect = dialect
        }
        if let decimalSeparator {
            switch decimalSeparator {
            case ".": options.numbers = .decimalPoint
            case ",": options.numbers = .decimalComma
            default: throw ValidationError("the decimal separator is . or , — got \"\(decimalSeparator)\"")
            }
        }
        return options
    }

    func open(_ file: String) throws -> SpreadsheetDocument {
        try SpreadsheetDocument(path: file, displayName: file, csvOptions: readerOptions())
    }
}
