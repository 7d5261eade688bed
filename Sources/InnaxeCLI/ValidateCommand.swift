import ArgumentParser
import Harmonisation

/// `innaxe validate FILE --mapping M`: what is wrong in a partner file, where, and how to fix it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check partner files against their mapping and the indicator schema; print the findings.",
        discussion: """
        Reads each FILE with the partner's mapping, parses every value (locale numbers, units, \
        currencies, markers, statuses) and runs the schema's checks. Findings are grouped by root \
        cause (one code in one column), each with the cell it points to.

        Exit status: 0 no errors (warnings and infos allowed), 1 at least one error, 2 the run \
        could not start (a mistake in the mapping, schema or rates, reported as file:line:column).

        Example:
          innaxe validate fixtures/partners/HLSC_pokazateli_2023.csv --mapping mappings/hlsc.yaml
        """
    )

    @Argument(help: "Partner files (XLSX or CSV). Several files of one partner are checked together.")
    var files: [String]

    @OptionGroup var mappingOptions: MappingOptions

    @Flag(help: "Print the validation report as JSON instead of a table.")
    var json = false

    @Flag(name: .customLong("no-info"), help: "Leave informational findings out of the table.")
    var noInfo = false

    func run() throws {
        let session = try mappingOptions.session()
        let (reports, datasetFindings, _) = session.run(files: files, sink: DiscardingSink())
        let report = ValidationReport(schemaID: session.schema.id, schemaVersion: session.schema.version, inputs: reports,
                                      findings: reports.flatMap(\.findings) + datasetFindings)
        print(json ? report.json() : FindingsTable.render(report, showInfo: !noInfo), terminator: json ? "" : "\n")
        if reports.contains(where: { $0.format.isEmpty }) { throw ExitCode(2) }
        if report.hasErrors { throw ExitCode(1) }
    }
}
