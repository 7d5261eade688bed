import ArgumentParser
import Foundation
import SpreadsheetIO

/// `innaxe dump FILE --json`: every cell of every sheet, typed, in the conformance corpus's JSON.
struct DumpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dump",
        abstract: "Print every sheet's cells as typed JSON.",
        discussion: """
        The JSON has the shape of the conformance corpus: \
        {"sheets":[{"name":…,"visible":…,"rows":[[cell,…],…]}]}. Cells are numbers, strings, \
        true/false, null, {"error":"#N/A"}, {"duration_s":n}, or ISO 8601 dates. A file that \
        cannot be read prints {"error":"<category>","message":…} and exits with status 2.
        """
    )

    @Argument(help: "The spreadsheet file (XLSX, XLSM or CSV).")
    var file: String

    @Option(help: "Dump only this sheet.")
    var sheet: String?

    @Flag(help: "Print JSON (the only format for now; accepted so scripts can say so).")
    var json = false

    @OptionGroup var csv: CSVOptions

    func run() throws {
        do {
            print(try WorkbookDump.json(csv.open(file), sheetName: sheet))
        } catch let error as SpreadsheetError {
            print(WorkbookDump.refusal(error))
            throw ExitCode(2)
        }
    }
}
