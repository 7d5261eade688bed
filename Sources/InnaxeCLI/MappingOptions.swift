import ArgumentParser
import Harmonisation

/// The options every harmonising command shares: the partner mapping and, when not beside it,
/// the schema and the rate table.
struct MappingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The partner's mapping file (e.g. mappings/biocat.yaml).", valueName: "mapping.yaml"))
    var mapping: String

    @Option(name: .long, help: ArgumentHelp("The indicator schema (default: schema.yaml beside the mapping).", valueName: "schema.yaml"))
    var schema: String?

    @Option(name: .long, help: ArgumentHelp("The currency rate table (default: rates.yaml beside the mapping).", valueName: "rates.yaml"))
    var rates: String?

    /// Loads the configuration; a mistake in it is exit 2 with `file:line:column`.
    func session() throws -> HarmonisationSession {
        do {
            return try HarmonisationSession(mappingPath: mapping, schemaPath: schema, ratesPath: rates)
        } catch let error as ConfigurationError {
            CLIErrors.printError(error.description)
            throw ExitCode(2)
        }
    }
}
