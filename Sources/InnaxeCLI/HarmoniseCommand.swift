import ArgumentParser
import Foundation
import Harmonisation

/// `innaxe harmonise FILE... --mapping M --out DIR`: the harmonised dataset and its validation report.
struct HarmoniseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harmonise",
        abstract: "Map partner files onto the indicator schema; write the harmonised JSON and the validation report.",
        discussion: """
        Writes into DIR:
          harmonised.json         observations with value, unit, status and provenance \
        (file, sheet, cell, original text and unit), the schema, rates and mapping versions, \
        and each input's SHA-256 (docs/harmonised.schema.json)
          harmonised.xlsx         the same as a workbook: Observations (long; past Excel's \
        1,048,576 rows it goes on in Observations (2), …), Comparison (regions × indicators \
        for the latest year), Sources, Findings
          validation-report.json  the findings, grouped, with cell references
          validation-report.xlsx  the same as a workbook: Summary (groups), Findings, Inputs

        Originals are only read, never changed. A file that cannot be read is reported and the \
        other files go on. Exit status as for validate.

        Example:
          innaxe harmonise fixtures/partners/DLSC_nøgletal_2023.xlsx --mapping mappings/dlsc.yaml --out out/dlsc
        """
    )

    @Argument(help: "Partner files (XLSX or CSV) of one partner.")
    var files: [String]

    @OptionGroup var mappingOptions: MappingOptions

    @Option(help: ArgumentHelp("Folder for the outputs (created if needed).", valueName: "DIR"))
    var out: String

    func run() throws {
        let session = try mappingOptions.session()
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            CLIErrors.printError("error: cannot create the output folder \(out): \(CLIErrors.text(error))")
            throw ExitCode(2)
        }
        let writer: HarmonisedJSONWriter
        let workbook: HarmonisedWorkbookWriter
        do {
            writer = try HarmonisedJSONWriter(path: out + "/harmonised.json", schema: session.schema, rates: session.rates, mappings: [session.mapping])
            workbook = try HarmonisedWorkbookWriter(path: out + "/harmonised.xlsx", schema: session.schema, rates: session.rates, mappings: [session.mapping])
        } catch {
            CLIErrors.printError("error: cannot write into \(out): \(error)")
            throw ExitCode(2)
        }
        // Each output is written on a thread of its own while the files are read and checked.
        let jsonSink = BackgroundSink(writer), workbookSink = BackgroundSink(workbook)
        let (reports, datasetFindings, index) = session.run(files: files, sink: TeeSink([jsonSink, workbookSink]))
        let findings = reports.flatMap(\.findings) + datasetFindings
        let report = ValidationReport(schemaID: session.schema.id, schemaVersion: session.schema.version, inputs: reports, findings: findings)
        do {
            try jsonSink.drain()
            try workbookSink.drain()
            // The JSON, the largest output and the one programs read, is put in place last: a
            // run that fails on the way leaves no truncated harmonised.json.
            try workbook.finish(index: index, reports: reports, findings: findings)
            try Data(report.json().utf8).write(to: URL(fileURLWithPath: out + "/validation-report.json"), options: .atomic)
            try report.writeWorkbook(path: out + "/validation-report.xlsx")
            try writer.finish(reports: reports, findings: findings)
        } catch {
            writer.discard()
            CLIErrors.printError("error: cannot write the outputs into \(out): \(CLIErrors.text(error))")
            throw ExitCode(2)
        }
        print(FindingsTable.render(report, showInfo: false))
        print("\nWrote \(writer.count) observations to \(out)/harmonised.json and harmonised.xlsx, the findings to validation-report.json and .xlsx.")
        if reports.contains(where: { $0.format.isEmpty }) { throw ExitCode(2) }
        if report.hasErrors { throw ExitCode(1) }
    }
}
