import Foundation
@testable import Harmonisation

/// The project's schema, rates, mappings and partner fixtures, loaded once per test process.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let schema: IndicatorSchema = try! SchemaLoader.load(path: path("mappings/schema.yaml"), displayName: "mappings/schema.yaml")
    static let rates: CurrencyRates = try! CurrencyRates.load(path: path("mappings/rates.yaml"), displayName: "mappings/rates.yaml")

    static func mapping(_ partner: String) throws -> PartnerMapping {
        try MappingLoader(schema: schema).load(path: path("mappings/\(partner).yaml"), displayName: "mappings/\(partner).yaml")
    }

    /// Each partner's fixture files, in the order a coordinator would drop them in.
    static let partnerFiles: [String: [String]] = [
        "biocat": ["Biocat_Indicadors_BioRegio_2023.xlsx"],
        "medicen": ["medicen_export_indicateurs_2023.csv", "medicen_export_indicateurs_2023_utf8.csv", "Medicen_Tableau_de_bord_2019-2023.xlsx"],
        "biorn": ["BioRN_Kennzahlen_2023_final_v3.xlsx"],
        "hlsc": ["HLSC_pokazateli_2023.csv", "Показатели_2023.xlsx"],
        "dlsc": ["DLSC_nøgletal_2023.xlsx"],
        "cebr": ["CEBR_member_survey_2023_export.csv", "CEBR_member_survey_2023_export.xlsx"],
    ]

    struct Run {
        var observations: [Observation]
        var findings: [Finding]
        var reports: [FileReport]
    }

    private static let cache = RunCache()

    /// Harmonises files of one partner together (memoised: golden tests share the runs).
    static func run(_ partner: String, files: [String]? = nil) throws -> Run {
        let names = files ?? partnerFiles[partner]!
        let key = partner + "|" + names.joined(separator: "|")
        if let hit = cache.get(key) { return hit }
        let mapping = try mapping(partner)
        let harmoniser = Harmoniser(schema: schema, rates: rates)
        let sink = ObservationCollector()
        let reports = names.map { harmoniser.harmonise(path: path("fixtures/partners/\($0)"), displayName: $0, mapping: mapping, sink: sink) }
        let run = Run(observations: sink.observations, findings: reports.flatMap(\.findings) + harmoniser.finish(), reports: reports)
        cache.set(key, run)
        return run
    }

    /// Harmonises an in-memory CSV with a mapping given as text.
    static func runCSV(_ csv: String, mapping yaml: String, name: String = "test.csv") throws -> Run {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("innaxe-harmonise-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        try Data(csv.utf8).write(to: file)
        let mapping = try MappingLoader(schema: schema).parse(yaml, file: "test.yaml")
        let harmoniser = Harmoniser(schema: schema, rates: rates)
        let sink = ObservationCollector()
        let report = harmoniser.harmonise(path: file.path, displayName: name, mapping: mapping, sink: sink)
        return Run(observations: sink.observations, findings: report.findings + harmoniser.finish(), reports: [report])
    }

    /// Harmonises one file of the repository with a mapping given as text.
    static func runFile(_ relative: String, mapping yaml: String) throws -> Run {
        let mapping = try MappingLoader(schema: schema).parse(yaml, file: "test.yaml")
        let harmoniser = Harmoniser(schema: schema, rates: rates)
        let sink = ObservationCollector()
        let name = (relative as NSString).lastPathComponent
        let report = harmoniser.harmonise(path: path(relative), displayName: name, mapping: mapping, sink: sink)
        return Run(observations: sink.observations, findings: report.findings + harmoniser.finish(), reports: [report])
    }

    static func json(_ relative: String) throws -> [String: Any] {
        let data = try Data(contentsOf: root.appendingPathComponent(relative))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

final class RunCache: @unchecked Sendable {
    private var runs: [String: Fixtures.Run] = [:]
    private let lock = NSLock()
    func get(_ k: String) -> Fixtures.Run? { lock.lock(); defer { lock.unlock() }; return runs[k] }
    func set(_ k: String, _ v: Fixtures.Run) { lock.lock(); runs[k] = v; lock.unlock() }
}

extension Fixtures.Run {
    func observation(_ cluster: String, _ region: String, _ year: Int, _ indicator: String) -> Observation? {
        observations.first { $0.clusterID == cluster && $0.region == region && $0.year == year && $0.indicator == indicator }
    }

    func findings(_ code: FindingCode) -> [Finding] { findings.filter { $0.code == code } }
}
