import Foundation
import Harmonisation

/// A workspace's harmonisation configuration, loaded once per pass from `mappings/`: the
/// indicator schema (`schema.yaml`), the currency rates (`rates.yaml`) and every other `*.yaml`
/// as one partner's mapping. A mistake in any of them is a `ConfigurationError` with
/// `file:line:column` before a single inbox file is touched: files are never rejected because
/// of a coordinator's typo.
public struct MappingCatalogue: Sendable {
    public struct Entry: Sendable {
        /// The file's name without `.yaml` (`biocat`), recorded as the submission's mapping.
        public var id: String
        public var mapping: PartnerMapping
    }

    public let schema: IndicatorSchema
    public let rates: CurrencyRates
    /// In file-name order, so identification is deterministic.
    public let entries: [Entry]

    public static let schemaFile = "schema.yaml"
    public static let ratesFile = "rates.yaml"

    public init(schema: IndicatorSchema, rates: CurrencyRates, entries: [Entry]) {
        self.schema = schema
        self.rates = rates
        self.entries = entries
    }

    /// Loads `folder`; names in messages are `mappings/<file>`.
    public init(folder: URL) throws {
        let fm = FileManager.default
        let label = folder.lastPathComponent
        func path(_ name: String) -> String { folder.appendingPathComponent(name).path }
        schema = try SchemaLoader.load(path: path(Self.schemaFile), displayName: "\(label)/\(Self.schemaFile)")
        rates = try CurrencyRates.load(path: path(Self.ratesFile), displayName: "\(label)/\(Self.ratesFile)")
        let loader = MappingLoader(schema: schema)
        let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") && $0 != Self.schemaFile && $0 != Self.ratesFile }
            .sorted()
        entries = try names.map { name in
            let id = (name as NSString).deletingPathExtension
            return Entry(id: id, mapping: try loader.load(path: path(name), displayName: "\(label)/\(name)"))
        }
    }

    public func entries(for partner: String) -> [Entry] { entries.filter { $0.mapping.partner == partner } }
    public func entry(id: String) -> Entry? { entries.first { $0.id == id } }
    public var partners: [String] { Array(Set(entries.map(\.mapping.partner))).sorted() }
}
