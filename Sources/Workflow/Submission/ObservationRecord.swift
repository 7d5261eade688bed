/// One harmonised observation with where it came from, as a processor hands it to the workflow.
///
/// Key: (cluster, indicator, region, year) within the submitting partner. A value of nil is an
/// observation that says "no value" (missing, confidential, not applicable: see `obsStatus`).
public struct ObservationRecord: Hashable, Sendable {
    public var clusterID: String
    public var region: String
    public var year: Int
    public var indicator: String
    public var value: ObservationValue?
    /// The canonical unit after conversion (`EUR`, `count`, `percent`), nil when unitless.
    public var unit: String?
    /// SDMX observation status: A normal, E estimated, P provisional, B break, C confidential,
    /// M missing, N not significant/not applicable.
    public var obsStatus: String
    public var obsComment: String?
    public var provenance: Provenance

    public init(clusterID: String, region: String, year: Int, indicator: String, value: ObservationValue?,
                unit: String?, obsStatus: String, obsComment: String? = nil, provenance: Provenance) {
        self.clusterID = clusterID
        self.region = region
        self.year = year
        self.indicator = indicator
        self.value = value
        self.unit = unit
        self.obsStatus = obsStatus
        self.obsComment = obsComment
        self.provenance = provenance
    }

    public var key: ObservationKey {
        ObservationKey(clusterID: clusterID, indicator: indicator, region: region, year: year)
    }
}

/// Where one value was read: file, sheet, cell, and the text and unit as the partner wrote them.
public struct Provenance: Hashable, Sendable {
    public var file: String
    /// Nil for a CSV file (one unnamed sheet).
    public var sheet: String?
    /// A1 reference (`G12`).
    public var cell: String?
    public var originalText: String?
    public var originalUnit: String?

    public init(file: String, sheet: String?, cell: String?, originalText: String?, originalUnit: String?) {
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.originalText = originalText
        self.originalUnit = originalUnit
    }
}

/// What one partner's value is about. A newer submission's observation with the same key
/// supersedes the older one.
public struct ObservationKey: Hashable, Sendable, Comparable {
    public var clusterID: String
    public var indicator: String
    public var region: String
    public var year: Int

    public init(clusterID: String, indicator: String, region: String, year: Int) {
        self.clusterID = clusterID
        self.indicator = indicator
        self.region = region
        self.year = year
    }

    public static func < (a: ObservationKey, b: ObservationKey) -> Bool {
        (a.indicator, a.region, a.year, a.clusterID) < (b.indicator, b.region, b.year, b.clusterID)
    }
}
