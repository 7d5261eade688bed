import Harmonisation
import SpreadsheetIO

/// Recognises a partner by the header labels its files carry (a mapping file declares them, e.g.
/// Biocat's `Codi`, `Indicador`, `Unitat`): the first rule all of whose labels appear among the
/// first rows of a visible sheet wins. Labels compare case-, accent- and space-insensitively.
/// Reading stops after `rowsToRead` rows per sheet, so a large file costs little.
public struct HeaderFingerprintPartnerIdentifier: PartnerIdentifying {
    public struct Rule: Sendable {
        public var partnerID: String
        public var mappingID: String?
        /// Labels that must all appear (in any cell of the first rows, any order).
        public var labels: [String]
        /// A sheet the file must have, when the fingerprint is a sheet name.
        public var sheet: String?

        public init(partnerID: String, mappingID: String? = nil, labels: [String], sheet: String? = nil) {
            self.partnerID = partnerID
            self.mappingID = mappingID
            self.labels = labels
            self.sheet = sheet
        }
    }

    public var rules: [Rule]
    public var rowsToRead: Int

    public init(rules: [Rule], rowsToRead: Int = 20) {
        self.rules = rules
        self.rowsToRead = rowsToRead
    }

    /// The engine's own label comparison, so a fingerprint matches exactly the headers its
    /// mapping would.
    static func folded(_ s: String) -> String { LabelKey(s).text }

    public func identify(_ file: InboxFile) -> PartnerIdentification? {
        guard !rules.isEmpty, let document = try? SpreadsheetDocument(path: file.path, displayName: file.originalName) else { return nil }
        var seen = Set<String>()
        var sheetNames = Set<String>()
        for sheet in document.sheets where sheet.kind == .worksheet && sheet.visibility == .visible {
            sheetNames.insert(Self.folded(sheet.name))
            guard let rows = try? document.rows(of: sheet) else { continue }
            var n = 0
            while n < rowsToRead, let row = try? rows.next() {
                n += 1
                for cell in row.cells where !cell.value.isEmpty { seen.insert(Self.folded(cell.value.text)) }
            }
        }
        for rule in rules {
            if let sheet = rule.sheet, !sheetNames.contains(Self.folded(sheet)) { continue }
            if rule.labels.allSatisfy({ seen.contains(Self.folded($0)) }) {
                return PartnerIdentification(partnerID: rule.partnerID, mappingID: rule.mappingID, method: .headerFingerprint)
            }
        }
        return nil
    }
}
