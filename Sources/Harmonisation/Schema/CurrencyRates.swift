import Foundation

/// Exchange rates to EUR kept as data (`mappings/rates.yaml`): units of a currency per 1 EUR,
/// by year (annual averages), or one fixed rate (BGN's currency board, 1.95583).
public struct CurrencyRates: Sendable {
    public struct Rate: Hashable, Sendable {
        public var perEUR: Double
        /// `fixed` or `annual-average` (how the rate was obtained), recorded in provenance.
        public var kind: String
    }

    public var version: String
    public var source: String
    private var fixed: [String: Double]
    private var annual: [String: [Int: Double]]

    public init(version: String, source: String, fixed: [String: Double], annual: [String: [Int: Double]]) {
        self.version = version
        self.source = source
        self.fixed = fixed
        self.annual = annual
    }

    /// Units of `currency` per EUR for `year`; 1 for EUR; nil when the table has no rate.
    public func rate(_ currency: String, year: Int) -> Rate? {
        if currency == "EUR" { return Rate(perEUR: 1, kind: "identity") }
        if let f = fixed[currency] { return Rate(perEUR: f, kind: "fixed") }
        if let r = annual[currency]?[year] { return Rate(perEUR: r, kind: "annual-average \(year)") }
        return nil
    }

    public var currencies: [String] { Array(Set(fixed.keys).union(annual.keys)).sorted() + ["EUR"] }

    public static func load(path: String, displayName: String? = nil) throws -> CurrencyRates {
        let name = displayName ?? path
        guard let data = FileManager.default.contents(atPath: path) else { throw ConfigurationError(file: name, message: "cannot read the rate table") }
        return try parse(String(decoding: data, as: UTF8.self), file: name)
    }

    public static func parse(_ text: String, file: String) throws -> CurrencyRates {
        let root = try ConfigNode.parse(text, file: file)
        try root.checkKeys(["rates_version", "source", "fixed", "annual_average"])
        var fixed: [String: Double] = [:]
        for (code, _, value) in try root["fixed"]?.entries() ?? [] {
            let rate = try value.double()
            guard rate > 0 else { throw value.error("a rate is a positive number of \(code) per EUR") }
            fixed[code] = rate
        }
        var annual: [String: [Int: Double]] = [:]
        for (code, _, years) in try root["annual_average"]?.entries() ?? [] {
            for (yearText, yearNode, value) in try years.entries() {
                guard let year = Int(yearText) else { throw yearNode.error("years are written as 2023") }
                let rate = try value.double()
                guard rate > 0 else { throw value.error("a rate is a positive number of \(code) per EUR") }
                annual[code, default: [:]][year] = rate
            }
        }
        return CurrencyRates(version: try root.required("rates_version").string(), source: try root["source"]?.string() ?? "",
                             fixed: fixed, annual: annual)
    }
}
