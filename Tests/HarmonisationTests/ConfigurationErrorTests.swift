import Testing
@testable import Harmonisation

/// Mistakes in a mapping are errors at file:line:column quoting the line, before a file is read.
@Suite struct ConfigurationErrorTests {
    func error(_ yaml: String) -> ConfigurationError? {
        do {
            _ = try MappingLoader(schema: Fixtures.schema).parse(yaml, file: "mappings/bad.yaml")
            return nil
        } catch let e as ConfigurationError {
            return e
        } catch {
            return nil
        }
    }

    @Test func unknownIndicatorPointsAtTheValue() throws {
        let e = try #require(error("""
            mapping_version: 1
            partner: biocat
            region: ES51
            tables:
              - year: 2023
                values:
                  - {header: V, indicator: ls_companies_totl}
            """))
        #expect(e.locationText == "mappings/bad.yaml:7:32")
        #expect(e.message.contains("unknown indicator \"ls_companies_totl\"; did you mean \"ls_companies_total\"?"))
        #expect(e.description.contains("\n    " + "      - {header: V, indicator: ls_companies_totl}" + "\n    " + String(repeating: " ", count: 31) + "^"))
    }

    @Test func misspeltKeyIsRejectedWithASuggestion() throws {
        let e = try #require(error("mapping_version: 1\npartner: x\ntables:\n  - yeer: 2023\n    values: [V]\n"))
        #expect(e.locationText == "mappings/bad.yaml:4:5")
        #expect(e.message.contains("did you mean \"year\"?"))
    }

    @Test func yamlSyntaxErrorsKeepTheirMark() throws {
        let e = try #require(error("mapping_version: 1\npartner: [x\ntables: []\n"))
        #expect(e.line != nil && e.column != nil)
        #expect(e.message.hasPrefix("YAML"))
    }

    @Test func badRegionRegexStatusAndCodeTable() throws {
        #expect(error("mapping_version: 1\npartner: x\nregion: ZZ99\ntables: [{year: 1, values: [{header: V, indicator: research_centres}]}]\n")?.locationText == "mappings/bad.yaml:3:9")
        #expect(error("mapping_version: 1\npartner: x\nregion: ES51\ntables: [{year: 1, values: [{header_pattern: '(', indicator: research_centres}]}]\n")?.message.contains("invalid regular expression") == true)
        #expect(error("mapping_version: 1\npartner: x\nregion: ES51\ntables: [{year: 1, status: Q, values: [{header: V, indicator: research_centres}]}]\n")?.message.contains("unknown status") == true)
        #expect(error("mapping_version: 1\npartner: x\ntables: [{year: 1, region: {column: R, table: nuts}, values: [{header: V, indicator: research_centres}]}]\n")?.message.contains("no code table \"nuts\"") == true)
        #expect(error("mapping_version: 1\npartner: x\nregion: ES51\ntables: [{year: 1, values: [V]}]\n")?.message.contains("needs an indicator") == true)
    }

    @Test func everyShippedMappingLoads() throws {
        for partner in ["biocat", "medicen", "biorn", "hlsc", "dlsc", "cebr"] {
            let m = try Fixtures.mapping(partner)
            #expect(m.partner == partner)
            #expect(!m.tables.isEmpty)
        }
        #expect(Fixtures.schema.indicators.count >= 30)
        #expect(Fixtures.schema.region("X-DE-RHEIN-NECKAR")?.members.count == 15)
        #expect(Fixtures.rates.rate("BGN", year: 2031)?.perEUR == 1.95583)
    }

    @Test func schemaMistakesAreLocatedToo() throws {
        do {
            _ = try SchemaLoader.parse("schema_id: s\nschema_version: 1\nindicators:\n  - {id: a, type: float, unit: count}\n", file: "schema.yaml")
            Issue.record("accepted an unknown type")
        } catch let e as ConfigurationError {
            #expect(e.locationText == "schema.yaml:4:19")
            #expect(e.message.contains("unknown type \"float\""))
        }
    }
}
