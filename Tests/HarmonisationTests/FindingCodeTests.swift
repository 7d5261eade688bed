import Foundation
import Testing
@testable import Harmonisation

/// Every finding code, provoked by the smallest input that deserves it, at the cell it names.
@Suite struct FindingCodeTests {
    /// One value column `V` (indicator given), one year 2023, region ES51 unless the CSV has `R`.
    func run(_ values: [String], indicator: String, extra: String = "", header: String = "V") throws -> Fixtures.Run {
        let csv = "Y;R;\(header)\n" + values.map { "2023;ES51;\($0)" }.joined(separator: "\n") + "\n"
        return try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: biocat
            locale: es
            region: {column: R}
            \(extra)
            tables: [{year: {column: Y}, values: [{header: \(header), indicator: \(indicator)}]}]
            """)
    }

    func codes(_ run: Fixtures.Run, _ code: FindingCode) -> [String] {
        run.findings(code).map { $0.location.cell?.description ?? $0.location.reference }
    }

    @Test func valueCodes() throws {
        #expect(codes(try run(["yes"], indicator: "research_centres"), .unknownMarker) == ["C2"])
        #expect(codes(try run(["12 apples"], indicator: "research_centres"), .unparseableNumber) == ["C2"])
        #expect(codes(try run(["12,5"], indicator: "research_centres"), .notInteger) == ["C2"])
        #expect(codes(try run(["maybe"], indicator: "offers_incubation_programme"), .typeError) == ["C2"])
        #expect(codes(try run(["Platinum"], indicator: "cluster_label"), .unknownCode) == ["C2"])
        #expect(codes(try run(["1.1"], indicator: "cluster_staff_fte"), .localeMismatch) == ["C2"])
        #expect(codes(try run(["ca. 12"], indicator: "research_centres"), .approximateValue) == ["C2"])
        #expect(codes(try run(["5 €"], indicator: "research_centres"), .unitMismatch) == ["C2"])
        #expect(codes(try run(["5 NOK"], indicator: "vc_raised_eur"), .missingRate) == ["C2"])
        #expect(codes(try run(["5 €"], indicator: "vc_raised_eur", extra: "unit: k€"), .currencyConflict).isEmpty)
        #expect(codes(try run(["5 SEK"], indicator: "vc_raised_eur", extra: "unit: kr."), .currencyConflict) == ["C2"])
        #expect(codes(try run([String(repeating: "x", count: 1001)], indicator: "ecosystem_main_pain_point"), .textTooLong) == ["C2"])
        #expect(codes(try run(["200000"], indicator: "ls_companies_total"), .hardRange) == ["C2"])
        #expect(codes(try run(["5"], indicator: "ls_companies_total"), .implausibleValue) == ["C2"])
    }

    @Test func ambiguityWithoutADeclaredLocale() throws {
        let csv = "Y;V;W\n2023;1.350;1.350\n"
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: cebr
            region: BE2
            tables: [{year: {column: Y}, values: [{header: V, indicator: ls_companies_total}, {header: W, indicator: vc_raised_eur}]}]
            """)
        let found = run.findings(.ambiguousNumber)
        #expect(found.map { $0.location.cell!.description } == ["B2", "C2"])
        #expect(found.map(\.severity) == [.warning, .error], "a count resolves it (1.35 is no count); money cannot")
        #expect(run.observation("cebr", "BE2", 2023, "ls_companies_total")?.value == .number(1350))
        #expect(run.observation("cebr", "BE2", 2023, "vc_raised_eur") == nil)
    }

    @Test func statusCodes() throws {
        let s = try run(["ca. 12*"], indicator: "research_centres")
        #expect(codes(s, .statusConflict) == ["C2"])
        #expect(s.observations.first?.status == .estimated)
        let csv = "Y;V;S\n2023;5;vielleicht\n"
        let u = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: biorn
            region: DE125
            tables: [{year: {column: Y}, status: {column: S, map: {vorläufig: P}}, values: [{header: V, indicator: research_centres}]}]
            """)
        #expect(codes(u, .unknownStatus) == ["C2"])
    }

    @Test func dimensionCodes() throws {
        let csv = "Y;R;C;V\n2023;SE11 / SE12;x;5\n2023;UKM;x;6\n2023;it c4;x;7\n2023;Cеверен централен;x;8\n2023;ES51;y;9\n1999;ES51;x;9\n;ES51;x;9\n"
        let r = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: cebr
            tables:
              - year: {column: Y}
                region: {column: R, normalise: code, map: {Северен централен: BG32}}
                cluster_id: {column: C, map: {x: cebr-x}}
                values: [{header: V, indicator: research_centres}]
            """)
        #expect(codes(r, .multipleRegionCodes) == ["B2"])
        #expect(codes(r, .nutsVersionMismatch) == ["B3"])
        #expect(codes(r, .regionCodeNormalised) == ["B4"])
        #expect(codes(r, .homoglyphInLabel) == ["B5"])
        #expect(r.observation("cebr-x", "BG32", 2023, "research_centres")?.value == .number(8))
        #expect(codes(r, .unknownClusterId) == ["C6"])
        #expect(codes(r, .yearOutOfRange) == ["D7"])
        #expect(codes(r, .missingYear) == ["D8"])
        #expect(codes(try run(["5"], indicator: "research_centres").self, .unknownRegion).isEmpty)
    }

    @Test func structureCodes() throws {
        let m = """
            mapping_version: 1
            partner: biocat
            region: ES51
            tables: [{header: {find: '^Codi$'}, year: 2023, values: [{header: V, indicator: research_centres}]}]
            """
        #expect(try Fixtures.runCSV("A;B\n1;2\n", mapping: m).findings(.headerNotFound).count == 1)
        let missing = try Fixtures.runCSV("Y;X\n2023;5\n", mapping: """
            mapping_version: 1
            partner: biocat
            region: ES51
            tables: [{year: {column: Y}, values: [{header: V, indicator: research_centres}]}]
            """)
        #expect(missing.findings(.missingColumn).count == 1)
        #expect(missing.findings(.unmappedColumn).map(\.raw) == ["X"])
        let sheet = try Fixtures.runCSV("Y;V\n2023;5\n", mapping: """
            mapping_version: 1
            partner: biocat
            region: ES51
            tables: [{file: '\\.xlsx$', year: {column: Y}, values: [{header: V, indicator: research_centres}]}]
            """)
        #expect(sheet.findings(.sheetNotFound).count == 1)
        let harmoniser = Harmoniser(schema: Fixtures.schema, rates: Fixtures.rates)
        let mapping = try Fixtures.mapping("biocat")
        let gone = harmoniser.harmonise(path: "/nonexistent/Biocat_x.xlsx", displayName: "Biocat_x.xlsx", mapping: mapping, sink: DiscardingSink())
        #expect(gone.findings.map(\.code) == [.unreadableFile])
        let notXLSX = try Fixtures.runCSV("not a workbook", mapping: m, name: "Biocat_fake.xlsx")
        #expect(notXLSX.findings.map(\.code).contains(.unreadableFile))
    }

    @Test func datasetCodes() throws {
        let csv = "Y;R;I;V\n2023;ES51;t;10\n2023;ES51;t;11\n2023;ES51;b;20\n2023;ES511;t;30\n"
        let r = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: biocat
            tables:
              - year: {column: Y}
                region: {column: R}
                indicator: {column: I, map: {t: ls_companies_total, b: ls_companies_biotech}}
                comment: {column: I, map: {t: FTE}, pass_through: true}
                values: [V]
            """)
        #expect(codes(r, .conflictingValues) == ["D3"])
        #expect(r.findings(.conflictingValues).first?.severity == .error)
        #expect(codes(r, .crossIndicatorRule) == ["D2"])
        #expect(codes(r, .partsExceedTotal) == ["D2"])
        #expect(!r.findings(.requiredIndicatorMissing).isEmpty)
        let again = try Fixtures.runCSV("Y;V;W\n2023;5;5\n", mapping: """
            mapping_version: 1
            partner: biocat
            region: ES51
            tables: [{year: {column: Y}, values: [{header: V, indicator: research_centres}, {header: W, indicator: research_centres}]}]
            """)
        #expect(codes(again, .duplicateKey) == ["C2"])
        let fte = try Fixtures.runCSV("Y;V\n2023;5\n", mapping: """
            mapping_version: 1
            partner: dlsc
            region: DK
            tables: [{year: {column: Y}, indicators: {ls_employment: {comment: FTE}}, values: [{header: V, indicator: ls_employment}]}]
            """)
        #expect(codes(fte, .employmentInFTE) == ["B2"])
    }

    @Test func totalsWithMissingPartsAndConsistentTotals() throws {
        let csv = "Y;R;V\n2023;X-DE-RHEIN-NECKAR;100\n2023;DE125;60\n2023;DE126;k.A.\n2023;DE127;40\n"
        let r = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: biorn
            markers: {k.A.: M}
            tables: [{year: {column: Y}, region: {column: R}, values: [{header: V, indicator: ls_employment}]}]
            """)
        #expect(codes(r, .totalExcludesMissingParts) == ["C2"])
        let ok = try Fixtures.runCSV("Y;R;V\n2023;X-DE-RHEIN-NECKAR;100\n2023;DE125;60\n", mapping: """
            mapping_version: 1
            partner: biorn
            tables: [{year: {column: Y}, region: {column: R}, values: [{header: V, indicator: ls_employment}]}]
            """)
        #expect(codes(ok, .totalAndParts) == ["C2"])
    }

    /// A formula saved without its computed value (E6 of the Excel-style fixture) is named with
    /// its formula, not read as an empty cell; the cached formula beside it (E4) gives its value.
    @Test func formulaWithoutValue() throws {
        let r = try Fixtures.runFile("fixtures/xlsx/excel-style-indicators.xlsx", mapping: """
            mapping_version: 1
            partner: biocat
            region: ES51
            tables:
              - sheet: Indicadors
                header: {row: 1}
                indicator: {column: Codi, map: {OCUP: ls_employment, OCUP_VAR: ris_rd_exp_public_pct_gdp}}
                values: [{header_pattern: '^\\d{4}', year: {header: '^(\\d{4})'}}]
            """)
        #expect(codes(r, .formulaWithoutValue) == ["E6"])
        let finding = try #require(r.findings(.formulaWithoutValue).first)
        #expect(finding.raw == "=ROUND((E4-D4)/D4*100,1)")
        #expect(finding.severity == .warning)
        #expect(r.observations.contains { $0.indicator == "ls_employment" && $0.year == 2023 && $0.value == .number(60197) })
        #expect(!r.observations.contains { $0.indicator == "ris_rd_exp_public_pct_gdp" && $0.year == 2023 })
    }

    /// A row of nothing but uncalculated formulas, its label included, is one finding at its
    /// first formula; it is not a blank row, so the table goes on to the data after it.
    @Test func rowOfOnlyUncalculatedFormulas() throws {
        let r = try Fixtures.runFile("fixtures/xlsx/uncalculated-formulas.xlsx", mapping: """
            mapping_version: 1
            partner: biocat
            region: ES51
            tables:
              - header: {row: 1}
                end: {blank_row: true}
                indicator: {column: Indicador, map: {Empreses biotec: ls_companies_biotech, Spin-offs: spinoffs_founded}}
                values: [{header_pattern: '^\\d{4}$', year: {header: true}}]
            """)
        #expect(codes(r, .formulaWithoutValue) == ["A3"])
        let finding = try #require(r.findings(.formulaWithoutValue).first)
        #expect(finding.raw == "=\"Empreses \"&\"total\"")
        #expect(finding.message.contains("A3, B3, C3"))
        #expect(r.observations.map { "\($0.indicator) \($0.year) \($0.value?.number ?? .nan)" }
                == ["ls_companies_biotech 2022 310.0", "ls_companies_biotech 2023 325.0", "spinoffs_founded 2022 12.0", "spinoffs_founded 2023 15.0"])
        #expect(r.findings(.unmappedRow).isEmpty)
    }

    /// docs/findings.md lists every code, and every code listed exists.
    @Test func everyCodeIsDocumented() throws {
        let doc = try String(contentsOfFile: Fixtures.path("docs/findings.md"), encoding: .utf8)
        for code in FindingCode.allCases {
            #expect(doc.contains("`\(code.rawValue)`"), "docs/findings.md does not list \(code.rawValue)")
        }
        let listed = doc.split(separator: "\n").filter { $0.hasPrefix("| `") }.compactMap { $0.split(separator: "`").dropFirst().first.map(String.init) }
        for code in listed { #expect(FindingCode(rawValue: code) != nil, "docs/findings.md lists unknown code \(code)") }
    }
}
