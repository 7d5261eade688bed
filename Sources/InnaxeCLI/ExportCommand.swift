import ArgumentParser
import Workflow

/// `innaxe export`: the consolidated dataset for analysts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the consolidated current dataset (optionally filtered) as XLSX, JSON or CSV.",
        discussion: "Filters combine: --year 2023 --year 2024 --partner biocat keeps Biocat's 2023 and 2024 values."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, csv, xlsx }

    @OptionGroup var workspace: WorkspaceOptions

    @Option(help: "Output format.")
    var format: Format

    @Option(name: .customLong("year"), help: ArgumentHelp("Keep this year (repeatable).", valueName: "year"))
    var years: [Int] = []

    @Option(name: .customLong("indicator"), help: ArgumentHelp("Keep this indicator id (repeatable).", valueName: "id"))
    var indicators: [String] = []

    @Option(name: .customLong("partner"), help: ArgumentHelp("Keep this partner (repeatable).", valueName: "id"))
    var partners: [String] = []

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("The file to write.", valueName: "file"))
    var output: String

    func run() throws {
        let ws = try workspace.open()
        do {
            let store = try StateStore(workspace: ws, readOnly: true)
            let filter = ObservationFilter(years: Set(years), indicators: Set(indicators), partners: Set(partners))
            let n = try Exporter.export(store: store, filter: filter, format: Exporter.Format(rawValue: format.rawValue)!, to: output)
            print("\(output): \(n) observation(s)")
        } catch {
            CLIErrors.printError("error: \(error)")
            throw ExitCode(2)
        }
    }
}
