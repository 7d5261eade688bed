import Testing
@testable import Harmonisation

/// Each mapping feature on a small CSV written for it, asserting the observations it yields.
@Suite struct MappingFeatureTests {
    func values(_ run: Fixtures.Run) -> [String] {
        run.observations.map { "\($0.region) \($0.year) \($0.indicator) \($0.value.map(\.description) ?? "-") \($0.status.rawValue)" }
    }

    @Test func headerFoundByPatternEndAtFootnoteAndWideYears() throws {
        let csv = """
        Title of the report;;;
        Updated 15/03/2024;;;
        Code;Label;2022;2023 (p)
        EMP_TOT;Companies;1.312;1.376
        HOSP;Hospitals;19;19
        (p) provisional;;;
        EMP_TOT;Companies;9;9
        """
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: biocat
            region: ES51
            locale: es
            tables:
              - header: {find: '^Code$'}
                end: {pattern: '^\\(p\\)'}
                indicator: {column: Code, map: {EMP_TOT: ls_companies_total, HOSP: university_hospitals}}
                values:
                  - header_pattern: '^\\d{4}'
                    year: {header: '^(\\d{4})'}
                    status: {header: '\\((p)\\)', map: {p: P}}
                ignore_columns: [Label]
            """)
        #expect(values(run) == ["ES51 2022 ls_companies_total 1312 A", "ES51 2023 ls_companies_total 1376 P",
                               "ES51 2022 university_hospitals 19 A", "ES51 2023 university_hospitals 19 P"])
    }

    @Test func longLayoutWithCodeTableDefaultStatusColumnAndUnitColumn() throws {
        let csv = """
        Indicateur;Dép.;Année;Valeur;Unité;Statut
        Entreprises;75;2022;1\u{00A0}184;nb;définitif
        Entreprises;;2022;2\u{202F}914;nb;estimé
        Financements;;2023;48 750;k€;provisoire
        """
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: medicen
            locale: fr
            code_tables: {deps: {"75": FR101}}
            tables:
              - indicator: {column: Indicateur, map: {Entreprises: ls_companies_total, Financements: funding_leveraged_eur}}
                region: {column: Dép., table: deps, default: FR10}
                year: {column: Année}
                unit: {column: Unité}
                status: {column: Statut, map: {définitif: A, provisoire: P, estimé: E}}
                values: [Valeur]
            """)
        #expect(values(run) == ["FR101 2022 ls_companies_total 1184 A", "FR10 2022 ls_companies_total 2914 E", "FR10 2023 funding_leveraged_eur 48750000 P"])
        #expect(run.observations[2].provenance.originalUnit == "k€")
    }

    @Test func statBankBlocksFillDownAndStatusByYear() throws {
        let csv = """
        ;;2022;2023
        Antal virksomheder;Hele landet;1.612;1.688
        ;Region Hovedstaden;834;..
        Eksport (mio. kr.);Hele landet;201.774;..
        """
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: dlsc
            locale: da
            currency: DKK
            markers: {"..": C}
            tables:
              - fill_down: [A]
                indicator: {column: A, map: {Antal virksomheder: ls_companies_total, Eksport (mio. kr.): ls_exports_eur}}
                unit: {column: A}
                region: {column: B, map: {Hele landet: DK, Region Hovedstaden: DK01}}
                status_by_year: {2023: P}
                values: [{header_pattern: '^\\d{4}$', year: {header: true}}]
            """)
        let rate = try #require(Fixtures.rates.rate("DKK", year: 2022)).perEUR
        #expect(values(run) == ["DK 2022 ls_companies_total 1612 A", "DK 2023 ls_companies_total 1688 P", "DK01 2022 ls_companies_total 834 A",
                               "DK01 2023 ls_companies_total - C", "DK 2022 ls_exports_eur \(NumberFormatting.plain((201_774e6 / rate).rounded())) A",
                               "DK 2023 ls_exports_eur - C"])
    }

    @Test func yearFromFileNameAndPercentConventions() throws {
        let csv = """
        Share;Satisfaction;Budget
        0,68;87 %;1.480
        """
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: biorn
            region: X-DE-RHEIN-NECKAR
            locale: de
            year: {file_name: '_(\\d{4})\\.csv$'}
            tables:
              - values:
                  - {header: Share, indicator: cluster_members_sme_pct, percent: fraction}
                  - {header: Satisfaction, indicator: member_satisfaction_pct}
                  - {header: Budget, indicator: cluster_budget_eur, unit: T€}
            """, name: "biorn_2022.csv")
        #expect(values(run) == ["X-DE-RHEIN-NECKAR 2022 cluster_members_sme_pct 68 A", "X-DE-RHEIN-NECKAR 2022 member_satisfaction_pct 87 A",
                               "X-DE-RHEIN-NECKAR 2022 cluster_budget_eur 1480000 A"])
    }

    @Test func totalsEitherTheTotalRowOrTheSumOfParts() throws {
        let csv = """
        Programme;Year;Events
        A;2023;14
        B;2023;9
        TOTAL;2023;23
        """
        func run(_ use: String) throws -> Fixtures.Run {
            try Fixtures.runCSV(csv, mapping: """
                mapping_version: 1
                partner: biocat
                region: ES51
                tables:
                  - year: {column: Year}
                    totals: {column: Programme, pattern: '^TOTAL$', use: \(use)}
                    values: [{header: Events, indicator: events_organised}]
                """)
        }
        let total = try run("total"), parts = try run("parts")
        #expect(values(total) == ["ES51 2023 events_organised 23 A"])
        #expect(total.observations[0].provenance.cell?.description == "C4")
        #expect(values(parts) == ["ES51 2023 events_organised 23 A"])
        #expect(parts.observations[0].provenance.summedCells.map(\.description) == ["C2", "C3"])
        #expect(total.findings(.totalAndParts).count == 1)
        #expect(total.findings(.conflictingValues).isEmpty, "never both")
    }

    @Test func partsAboveTheTotalAreReported() throws {
        let run = try Fixtures.runCSV("P;Y;E\nA;2023;30\nB;2023;9\nTOTAL;2023;23\n", mapping: """
            mapping_version: 1
            partner: biocat
            region: ES51
            tables: [{year: {column: Y}, totals: {column: P, pattern: TOTAL, use: total}, values: [{header: E, indicator: events_organised}]}]
            """)
        #expect(run.findings(.partsExceedTotal).first?.location.cell?.description == "C4")
    }

    @Test func latestAnswerWinsAndTheOtherIsListed() throws {
        let csv = """
        Timestamp,Name,NUTS,Q5. Companies
        2023-05-12 14:32:10,Flanders (synthetic),BE2,approx. 450
        2023-06-09 10:05:57,Flanders (synthetic),be2,470
        """
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: cebr
            year: 2022
            tables:
              - cluster_id: {column: Name, pattern: '^([^(]*[^ (])', map: {Flanders: cebr-flanders}}
                region: {column: NUTS, normalise: code}
                latest_by: Timestamp
                values: [{header_pattern: '^Q5\\.', indicator: ls_companies_total}]
            """)
        #expect(values(run) == ["BE2 2022 ls_companies_total 470 A"])
        #expect(run.observations[0].clusterID == "cebr-flanders")
        #expect(run.findings(.duplicateResponse).map(\.location.cell?.description) == ["A2"])
        #expect(run.findings(.regionCodeNormalised).count == 1)
    }

    @Test func perRowLocaleFromACountryColumn() throws {
        let csv = """
        Country,Q7 in 2022,Q5,NUTS
        Italy,95.000.000 €,1.250,ITC4
        United Kingdom,£420m,"1,200+",UKM
        Sweden,"SEK 2,4 mdr",1 050,SE11
        """
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: cebr
            region: {column: NUTS}
            csv: {delimiter: ","}
            tables:
              - locale: {column: Country, map: {Italy: it, United Kingdom: en, Sweden: sv}}
                year: {header: '(20\\d\\d)', default: 2022}
                values:
                  - {header_pattern: '^Q7', indicator: vc_raised_eur}
                  - {header: Q5, indicator: ls_companies_total}
            """)
        let gbp = try #require(Fixtures.rates.rate("GBP", year: 2022)).perEUR
        let sek = try #require(Fixtures.rates.rate("SEK", year: 2022)).perEUR
        #expect(run.observations.map { $0.value?.number ?? -1 } == [95_000_000, 1250, (420e6 / gbp).rounded(), 1200, (2.4e9 / sek).rounded(), 1050])
        #expect(run.observations[3].status == .estimated)
        #expect(run.findings(.ambiguousNumber).first?.location.cell?.description == "C2")
        #expect(run.findings(.ambiguousNumber).first?.severity == .info)
    }

    @Test func mapPatternsLabelsOfTheSchemaAndIgnoredRows() throws {
        let csv = """
        Aktivitet;År;Antal
        Medlemmer pr. 31-12-2023;2023;187
        Clustermitglieder;2023;5
        Deltagere i arrangementer;2023;3.215
        Kaffe;2023;9
        """
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: dlsc
            region: DK
            locale: da
            tables:
              - indicator: {column: Aktivitet, labels: true, map_patterns: {'^Medlemmer pr\\.': cluster_members}}
                year: {column: År}
                ignore_rows: ['^Kaffe$']
                values: [Antal]
            """)
        #expect(values(run) == ["DK 2023 cluster_members 187 A"])
        // "Clustermitglieder" is the schema's German label of cluster_members: same key, another value.
        #expect(run.findings(.conflictingValues).count == 1)
        #expect(run.findings(.unmappedRow).map(\.raw) == ["Deltagere i arrangementer"])
    }

    @Test func derivedRatioOfTwoColumns() throws {
        let run = try Fixtures.runCSV("Year;Total;SME\n2023;512;341\n", mapping: """
            mapping_version: 1
            partner: medicen
            region: FR10
            tables:
              - year: {column: Year}
                values: [{header: Total, indicator: cluster_members}]
                derived: [{indicator: cluster_members_sme_pct, numerator: SME, denominator: Total, factor: 100}]
            """)
        #expect(values(run) == ["FR10 2023 cluster_members 512 A", "FR10 2023 cluster_members_sme_pct 66.6 A"])
    }

    @Test func rangesMidpointOrReject() throws {
        func run(_ policy: String) throws -> Fixtures.Run {
            try Fixtures.runCSV("Y;S\n2022;40-50\n", mapping: """
                mapping_version: 1
                partner: cebr
                region: UKM
                ranges: \(policy)
                tables: [{year: {column: Y}, values: [{header: S, indicator: startups_founded}]}]
                """)
        }
        let mid = try run("midpoint"), reject = try run("reject")
        #expect(values(mid) == ["UKM 2022 startups_founded 45 E"])
        #expect(mid.findings(.valueIsRange).first?.severity == .warning)
        #expect(reject.observations.isEmpty)
        #expect(reject.findings(.valueIsRange).count == 1)
    }

    @Test func oneRootCauseIsOneFindingPerRowNotPerValue() throws {
        let run = try Fixtures.runCSV("Region;2021;2022;2023\nAtlantis;1;2;3\nES51;4;5;6\n", mapping: """
            mapping_version: 1
            partner: biocat
            tables:
              - region: {column: Region}
                values: [{header_pattern: '^\\d{4}$', indicator: research_centres, year: {header: true}}]
            """)
        #expect(run.findings(.unknownRegion).count == 1)
        #expect(run.findings(.unknownRegion).first?.location.cell?.description == "A2")
        #expect(run.observations.count == 3)
    }
}

@Suite struct YearSourceTests {
    @Test func anExcelSerialInAYearCellIsADate() throws {
        let run = try Fixtures.runCSV("Stichtag;45291\nV;W\n7;\n", mapping: """
            mapping_version: 1
            partner: biorn
            region: DE125
            csv: {delimiter: ";"}
            tables: [{header: {row: 2}, year: {cell: B1}, values: [{header: V, indicator: research_centres}]}]
            """)
        #expect(run.observations.map(\.year) == [2023], "\(run.findings.map(\.message))")
    }
}

@Suite struct LatestAnswerTests {
    @Test func dayFirstTimestampsCompareAsDates() throws {
        let csv = "Date;Name;V\n02/04/2024;A;1\n15/03/2024;A;2\n"
        let run = try Fixtures.runCSV(csv, mapping: """
            mapping_version: 1
            partner: cebr
            region: BE2
            year: 2022
            csv: {delimiter: ";"}
            tables: [{cluster_id: {column: Name, map: {A: cebr-a}}, latest_by: Date, values: [{header: V, indicator: research_centres}]}]
            """)
        #expect(run.observations.map { $0.value?.number } == [1], "2 April is later than 15 March")
        #expect(run.findings(.duplicateResponse).map { $0.location.cell?.description } == ["A3"])
    }
}
