import Harmonisation

/// The identification rules a set of mapping files implies, so a file dropped at the top of the
/// inbox (or renamed) still finds its partner:
///
/// - a **file-name rule** per `files:` pattern of a mapping (`'^Biocat_.*\.xlsx$'`);
/// - a **header fingerprint** per table, derived from what the table names: its sheet
///   (`sheet: Indicadors`) and the header labels of the columns its dimensions and values
///   read (`column: Codi`, `unit: {column: Unitat}`). A fingerprint needs two such marks (a
///   sheet and a label, or two labels), so a lone `Data` sheet or `Year` column names nobody.
///   Stronger fingerprints are tried first.
public enum MappingPartnerRules {
    public static func fileNameRules(_ catalogue: MappingCatalogue) -> [FileNamePatternPartnerIdentifier.Rule] {
        catalogue.entries.flatMap { entry in
            entry.mapping.files.map { FileNamePatternPartnerIdentifier.Rule(partnerID: entry.mapping.partner, mappingID: entry.id, pattern: $0.source) }
        }
    }

    public static func fingerprintRules(_ catalogue: MappingCatalogue) -> [HeaderFingerprintPartnerIdentifier.Rule] {
        var rules: [(rule: HeaderFingerprintPartnerIdentifier.Rule, strength: Int)] = []
        for entry in catalogue.entries {
            for table in entry.mapping.tables {
                var sheet: String?
                if case .name(let n)? = table.sheet { sheet = n }
                var labels: [String] = []
                func add(_ selector: ColumnSelector) {
                    // A multi-row header joins its rows with " / ": no single cell holds that text.
                    guard case .label(let l) = selector, table.header.rows == 1 || !l.contains(" / "), !labels.contains(l) else { return }
                    labels.append(l)
                }
                for source in entry.mapping.dimensions.values { if case .column(let c) = source.origin { add(c) } }
                for source in table.dimensions.values { if case .column(let c) = source.origin { add(c) } }
                for value in table.values {
                    add(value.selector)
                    for source in value.dimensions.values { if case .column(let c) = source.origin { add(c) } }
                }
                let strength = labels.count + (sheet == nil ? 0 : 1)
                guard strength >= 2 else { continue }
                rules.append((HeaderFingerprintPartnerIdentifier.Rule(partnerID: entry.mapping.partner, mappingID: entry.id, labels: labels, sheet: sheet), strength))
            }
        }
        // Stable: equal strengths keep the mapping files' order.
        return rules.enumerated().sorted { ($0.element.strength, -$0.offset) > ($1.element.strength, -$1.offset) }.map(\.element.rule)
    }
}
