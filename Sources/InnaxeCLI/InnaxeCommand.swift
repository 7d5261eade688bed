import ArgumentParser

/// The `innaxe` command line: a thin layer, every subcommand calls into the libraries.
public struct InnaxeCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "innaxe",
        abstract: "Harmonise the ecosystem indicators of European life-sciences clusters.",
        discussion: """
        innaxe reads partners' XLSX and CSV files, maps them to the shared indicator schema \
        and writes harmonised workbooks, JSON and validation reports.
        """,
        version: "0.1.0",
        subcommands: [InspectCommand.self, DumpCommand.self, StatsCommand.self, ConvertCommand.self,
                      ValidateCommand.self, HarmoniseCommand.self,
                      InitCommand.self, RunCommand.self, WatchCommand.self, StatusCommand.self, ExportCommand.self]
    )

    public init() {}
}
