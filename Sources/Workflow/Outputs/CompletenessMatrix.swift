/// Who reported what: for each partner, indicator and year, the state of the partner's current
/// values. A cell is as complete as its least complete value (four regions final and one
/// missing is `missing`); `counts` gives the full picture.
public struct CompletenessMatrix: Sendable {
    public enum State: String, Sendable, Hashable, CaseIterable, Comparable {
        case present, provisional, estimated, confidential, missing

        var rank: Int { Self.allCases.firstIndex(of: self)! }
        public static func < (a: State, b: State) -> Bool { a.rank < b.rank }

        /// One value's state from its value and SDMX status.
        static func of(value: ObservationValue?, status: String) -> State {
            switch (value, status) {
            case (_, "C"): return .confidential
            case (nil, _): return .missing
            case (_, "P"): return .provisional
            case (_, "E"): return .estimated
            default: return .present
            }
        }
    }

    public struct Cell: Sendable, Hashable {
        public var partner: String
        public var indicator: String
        public var year: Int
        public var state: State
        public var counts: [State: Int]
    }

    public var partners: [String]
    public var indicators: [String]
    public var years: [Int]
    /// Row-major: partner, then indicator, then year.
    public var cells: [Cell]

    /// `indicators`/`years`: the expected ones (from the schema) when known, else all reported.
    init(observations: [StoredObservation], partners: [String], indicators: [String]?, years: [Int]?) {
        var byCell: [String: [Int: [State: Int]]] = [:]
        var seenIndicators = Set<String>(), seenYears = Set<Int>()
        for o in observations {
            let k = o.partnerID + "\u{1}" + o.record.indicator
            byCell[k, default: [:]][o.record.year, default: [:]][State.of(value: o.record.value, status: o.record.obsStatus), default: 0] += 1
            seenIndicators.insert(o.record.indicator)
            seenYears.insert(o.record.year)
        }
        self.partners = partners
        self.indicators = indicators ?? seenIndicators.sorted()
        self.years = years ?? seenYears.sorted()
        var cells: [Cell] = []
        for p in self.partners {
            for i in self.indicators {
                for y in self.years {
                    let counts = byCell[p + "\u{1}" + i]?[y] ?? [:]
                    let state = counts.keys.max() ?? .missing
                    cells.append(Cell(partner: p, indicator: i, year: y, state: state, counts: counts))
                }
            }
        }
        self.cells = cells
    }

    var json: JSONValue {
        .object([
            ("states", .array(State.allCases.map { .string($0.rawValue) })),
            ("partners", .array(partners.map { .string($0) })),
            ("indicators", .array(indicators.map { .string($0) })),
            ("years", .array(years.map { .int($0) })),
            ("cells", .array(cells.map { c in
                .object([
                    ("partner", .string(c.partner)), ("indicator", .string(c.indicator)), ("year", .int(c.year)),
                    ("state", .string(c.state.rawValue)),
                    ("values", .object(State.allCases.compactMap { s in c.counts[s].map { (s.rawValue, .int($0)) } })),
                ])
            })),
        ])
    }
}
