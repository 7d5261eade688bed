import Foundation

/// The configuration a run needs — schema, rate table, partner mapping — loaded once, with the
/// schema and rates found beside the mapping (`mappings/schema.yaml`, `mappings/rates.yaml`)
/// unless given. Any mistake in them is a `ConfigurationError` before a file is read.
public struct HarmonisationSession {
    public let schema: IndicatorSchema
    public let rates: CurrencyRates
    public let mapping: PartnerMapping

    public init(mappingPath: String, schemaPath: String? = nil, ratesPath: String? = nil) throws {
        let folder = (mappingPath as NSString).deletingLastPathComponent
        let schemaFile = schemaPath ?? (folder.isEmpty ? "schema.yaml" : folder + "/schema.yaml")
        let ratesFile = ratesPath ?? (folder.isEmpty ? "rates.yaml" : folder + "/rates.yaml")
        schema = try SchemaLoader.load(path: schemaFile)
        rates = try CurrencyRates.load(path: ratesFile)
        mapping = try MappingLoader(schema: schema).load(path: mappingPath)
    }

    /// Harmonises `files` in order into `sink`; returns each file's report and the findings of
    /// the dataset checks.
    public func run(files: [String], sink: ObservationSink) -> (reports: [FileReport], datasetFindings: [Finding], index: ObservationIndex) {
        let harmoniser = Harmoniser(schema: schema, rates: rates)
        let reports = files.map { harmoniser.harmonise(path: $0, mapping: mapping, sink: sink) }
        return (reports, harmoniser.finish(), harmoniser.index)
    }
}

/// Discards observations (for `validate`, which needs only the findings).
public final class DiscardingSink: ObservationSink {
    public init() {}
    public func accept(_ observation: Observation) throws {}
}
