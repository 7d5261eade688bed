import Foundation
import Testing
@testable import Harmonisation

/// Every expected harmonised row of partner-spreadsheets.md (fixtures/partners/expected-rows.json)
/// is produced exactly, and every trap of traps.json gets the finding it deserves.
@Suite struct PartnerGoldenTests {
    nonisolated(unsafe) static let expectedRows: [[String: Any]] = (try? Fixtures.json("fixtures/partners/expected-rows.json"))?["rows"] as? [[String: Any]] ?? []
    nonisolated(unsafe) static let traps: [[String: Any]] = (try? Fixtures.json("fixtures/partners/traps.json"))?["traps"] as? [[String: Any]] ?? []

    @Test func fixturesAreThere() {
        #expect(Self.expectedRows.count >= 50)
        #expect(Self.traps.count >= 100)
    }

    /// One label per expected row, for the parameterised test.
    static var rowIndices: [Int] { Array(Self.expectedRows.indices) }

    @Test(arguments: rowIndices) func expectedRowIsProduced(_ i: Int) throws {
        let row = Self.expectedRows[i]
        let partner = row["partner"] as! String
        let run = try Fixtures.run(partner)
        let file = row["file"] as! String, sheet = row["sheet"] as! String, cell = row["cell"] as! String
        let label = "\(file) › \(sheet)!\(cell)"
        if row["rejected"] as? Bool == true {
            let code = row["expected_finding"] as! String
            let hit = run.findings.contains { $0.code.rawValue == code && $0.location.file == file && $0.location.cell?.description == cell }
            #expect(hit, "\(label): expected finding \(code)")
            let rowNumber = Int(cell.drop(while: { $0.isLetter }))!
            let leaked = run.observations.filter { $0.provenance.file == file && $0.provenance.cell?.row == rowNumber }
            #expect(leaked.isEmpty, "\(label): the rejected row still produced \(leaked.count) observation(s)")
            return
        }
        let cluster = row["cluster_id"] as! String, region = row["region"] as! String
        let year = row["year"] as! Int, indicator = row["indicator"] as! String
        guard let o = run.observation(cluster, region, year, indicator) else {
            Issue.record("\(label): no observation \(cluster) \(region) \(year) \(indicator)")
            return
        }
        // It comes from the cell the document names (or the same cell in a variant file).
        var sources = [(file, sheet, cell)]
        for alt in row["also_in"] as? [[String: Any]] ?? [] { sources.append((alt["file"] as! String, alt["sheet"] as! String, alt["cell"] as! String)) }
        let provenance = (o.provenance.file, o.provenance.sheet ?? (o.provenance.file as NSString).deletingPathExtension, o.provenance.cell?.description ?? "")
        #expect(sources.contains { $0 == provenance }, "\(label): came from \(provenance)")
        #expect(o.unit == row["unit"] as! String, "\(label): unit")
        var statuses = [row["obs_status"] as! String]
        statuses += row["obs_status_alternatives"] as? [String] ?? []
        #expect(statuses.contains(o.status.rawValue), "\(label): status \(o.status.rawValue), expected \(statuses)")
        switch row["value"] {
        case nil, is NSNull:
            #expect(o.value == nil, "\(label): value \(String(describing: o.value)) for status \(o.status)")
        case let b as Bool where String(describing: type(of: row["value"]!)).contains("Boolean"):
            #expect(o.value == .boolean(b), "\(label): \(String(describing: o.value))")
        case let n as NSNumber:
            #expect(o.value?.number == n.doubleValue, "\(label): \(String(describing: o.value)) ≠ \(n)")
        case let s as String:
            #expect(o.value == .code(s) || o.value == .text(s), "\(label): \(String(describing: o.value))")
        case let conversion as [String: Any]:
            let native = (conversion["native_value"] as! NSNumber).doubleValue
            let currency = conversion["currency"] as! String, rateYear = conversion["rate_year"] as! Int
            let rate = try #require(Fixtures.rates.rate(currency, year: rateYear))
            #expect(o.value?.number == (native / rate.perEUR).rounded(), "\(label): \(String(describing: o.value)) ≠ \(native) / \(rate.perEUR)")
            #expect(o.provenance.conversion?.currency == currency)
        default:
            Issue.record("\(label): unexpected value \(String(describing: row["value"]))")
        }
        if let unit = row["original_unit"] as? String {
            #expect(o.provenance.originalUnit == unit, "\(label): original unit \(o.provenance.originalUnit ?? "nil")")
        }
    }

    static var trapIndices: [Int] { Array(Self.traps.indices).filter { Self.traps[$0]["finding"] is String } }

    /// Traps the mappings resolve by configuration rather than by a finding, with the behaviour
    /// that shows it.
    nonisolated(unsafe) static let resolvedByMapping: [String: (Fixtures.Run) -> Bool] = [
        // The HLSC mapping has an alias for the transliteration, so the row maps to BG34.
        "Показатели_2023.xlsx › Региони!A7": { run in run.observation("hlsc", "BG34", 2023, "ls_companies_total")?.value == .number(22) },
        // Participants has no indicator in the schema: the column is not read, and reported as unmapped.
        "Medicen_Tableau_de_bord_2019-2023.xlsx › Tableau de bord!G5": { run in
            run.findings.contains { $0.code == .unmappedColumn && $0.location.file == "Medicen_Tableau_de_bord_2019-2023.xlsx" && $0.location.cell?.description == "G3" }
        },
    ]

    @Test(arguments: trapIndices) func trapGetsItsFinding(_ i: Int) throws {
        let trap = Self.traps[i]
        let file = trap["file"] as! String, sheet = trap["sheet"] as! String, cell = trap["cell"] as! String
        let code = trap["finding"] as! String
        let label = "\(file) › \(sheet)!\(cell)"
        let partner = Fixtures.partnerFiles.first { $0.value.contains(file) }!.key
        let run = try Fixtures.run(partner)
        if let check = Self.resolvedByMapping[label] {
            let resolved = check(run)
            #expect(resolved, "\(label): the mapping should resolve this trap")
            return
        }
        let reference = try #require(Harmonisation.CellReferenceParsing.parse(cell))
        let hit = run.findings.contains { f in
            guard f.code.rawValue == code, f.location.file == file else { return false }
            let sheetName = f.location.sheet ?? (file as NSString).deletingPathExtension
            guard sheetName == sheet else { return false }
            if f.location.row == reference.row { return true }
            return code == "unmapped-column" && f.location.cell?.column == reference.column
        }
        #expect(hit, "\(label): expected \(code); got \(run.findings.filter { $0.location.file == file && $0.location.row == reference.row }.map { "\($0.code.rawValue)@\($0.location.reference)" })")
    }

    /// The XLSX variant of the CEBR export carries the same repeated Flanders answer as the CSV,
    /// whose trap at A2 asks for `duplicate-response`; the variant's trap at A2 is only about the
    /// timestamp's cell type, so the warning there is deserved.
    static let deservedElsewhere: Set<String> = ["CEBR_member_survey_2023_export.xlsx › Responses!A2"]

    static var quietTrapIndices: [Int] {
        Array(Self.traps.indices).filter { i in
            let t = Self.traps[i]
            return !(t["finding"] is String) && !deservedElsewhere.contains("\(t["file"]!) › \(t["sheet"]!)!\(t["cell"]!)")
        }
    }

    /// Traps whose correct handling needs no finding get no error or warning at their cell.
    @Test(arguments: quietTrapIndices) func quietTrapRaisesNoAlarm(_ i: Int) throws {
        let trap = Self.traps[i]
        let file = trap["file"] as! String, sheet = trap["sheet"] as! String, cell = trap["cell"] as! String
        let partner = Fixtures.partnerFiles.first { $0.value.contains(file) }!.key
        let run = try Fixtures.run(partner)
        let alarms = run.findings.filter { f in
            f.severity >= .warning && f.location.file == file && (f.location.sheet ?? (file as NSString).deletingPathExtension) == sheet
                && f.location.cell?.description == cell
        }
        #expect(alarms.isEmpty, "\(file) › \(sheet)!\(cell): \(alarms.map { "\($0.code.rawValue): \($0.message)" })")
    }
}
