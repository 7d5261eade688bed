import ArgumentParser
import SpreadsheetIO

/// `innaxe convert IN OUT`: any readable spreadsheet to XLSX, CSV, JSON or JSON Lines.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert a spreadsheet to XLSX, CSV, JSON or JSON Lines, keeping types.",
        discussion: """
        The output format comes from OUT's extension (.xlsx, .csv, .json, .jsonl) or --to. \
        Numbers stay numbers, dates stay dates (Excel dates in XLSX, ISO 8601 in CSV and JSON), \
        booleans and error values too; XLSX → XLSX keeps number formats and merged cells. \
        With a header row (the default) XLSX output gets it bold, frozen and filterable, and \
        JSON records are keyed by it. CSV and JSON Lines hold one sheet: --sheet, else the first. \
        CSV text starting with = + - @ tab or CR is prefixed with ' against formula injection. \
        The output appears only when complete: on any error nothing is written (exit 2).
        """
    )

    @Argument(help: "The spreadsheet to read (XLSX, XLSM or CSV).")
    var input: String

    @Argument(help: "The file to write; an existing file is replaced only on success.")
    var output: String

    @Option(help: ArgumentHelp("Output format instead of OUT's extension: xlsx, csv, json, jsonl.", valueName: "format"))
    var to: String?

    @Option(help: "Convert only this sheet.")
    var sheet: String?

    @Flag(help: "The first row is data, not a header (no bold/freeze/filter; JSON rows as arrays).")
    var noHeader = false

    @Option(help: ArgumentHelp("CSV output: delimiter , ; | or tab (default ,).", valueName: "char"))
    var outDelimiter: String?

    @Flag(help: "CSV output: decimal comma in numbers (1234,5).")
    var outDecimalComma = false

    @Flag(help: "CSV output: start with a UTF-8 byte-order mark, so Excel reads the accents right.")
    var bom = false

    @Flag(help: "CSV output: ; delimiter, decimal comma and BOM, as continental Excel reads CSV.")
    var excelEurope = false

    @Flag(help: "CSV output: text that is only a signed number (-12, +3.5) is left as is, not prefixed with '.")
    var signedNumbersAreNumbers = false

    @Flag(help: "CSV output: write text starting with = + - @ as it is (only for trusted consumers).")
    var noFormulaGuard = false

    @Flag(help: "XLSX output: write NaN and infinity as #NUM! instead of refusing them.")
    var nonFiniteAsError = false

    @OptionGroup var csv: CSVOptions

    func validate() throws {
        _ = try outputFormat()
        _ = try csvWriterOptions()
    }

    private func outputFormat() throws -> SpreadsheetConverter.OutputFormat {
        if let to {
            guard let f = SpreadsheetConverter.OutputFormat(rawValue: to.lowercased()) else {
                throw ValidationError("unknown output format \"\(to)\"; use xlsx, csv, json or jsonl")
            }
            return f
        }
        guard let f = SpreadsheetConverter.OutputFormat(path: output) else {
            throw ValidationError("cannot tell the output format from \"\(output)\"; name it .xlsx, .csv, .json or .jsonl, or pass --to")
        }
        return f
    }

    private func csvWriterOptions() throws -> CSVWriter.Options {
        var o = excelEurope ? CSVWriter.Options.excelEurope : CSVWriter.Options()
        if let outDelimiter {
            let c: Character? = outDelimiter.lowercased() == "tab" || outDelimiter == "\\t" ? "\t" : (outDelimiter.count == 1 ? outDelimiter.first : nil)
            guard let c, let dialect = CSVDialect(delimiter: c) else {
                throw ValidationError("the output delimiter must be one character (or \"tab\"), got \"\(outDelimiter)\"")
            }
            o.dialect = dialect
        }
        if outDecimalComma { o.decimalComma = true }
        if o.decimalComma, o.dialect.delimiter == UInt8(ascii: ",") && outDelimiter != nil {
            throw ValidationError("a decimal comma needs another delimiter than \",\" (use --out-delimiter ';')")
        }
        if o.decimalComma, outDelimiter == nil { o.dialect = .semicolon }
        if bom { o.byteOrderMark = true }
        if signedNumbersAreNumbers { o.signedNumbersAreSafe = true }
        if noFormulaGuard { o.neutralizeFormulas = false }
        return o
    }

    func run() throws {
        try CLIErrors.reporting {
            let format = try outputFormat()
            var options = SpreadsheetConverter.Options(sheet: sheet, header: !noHeader, csv: try csvWriterOptions())
            if nonFiniteAsError { options.xlsx.nonFiniteNumbers = .numError }
            let document = try csv.open(input)
            let summary = try SpreadsheetConverter.convert(document, to: output, format: format, options: options)
            let rows = summary.sheets.reduce(0) { $0 + $1.rows }
            let sheets = summary.sheets.map { "\"\($0.name)\" (\($0.rows) rows)" }.joined(separator: ", ")
            print("wrote \(output): \(format.rawValue.uppercased()), \(summary.sheets.count) sheet(s), \(rows) rows: \(sheets)")
            if !summary.skippedSheets.isEmpty {
                CLIErrors.printError("note: \(format.rawValue.uppercased()) holds one sheet; not converted: "
                    + summary.skippedSheets.map { "\"\($0)\"" }.joined(separator: ", ") + " (use --sheet NAME)")
            }
        }
    }
}
