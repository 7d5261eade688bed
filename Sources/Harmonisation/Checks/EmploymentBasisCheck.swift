/// Values of a headcount indicator (unit `persons`) that the mapping marked as full-time
/// equivalents: they are kept (the schema allows it with the comment) and listed, because they
/// do not compare one-to-one with headcounts of other partners.
public struct EmploymentBasisCheck: DatasetCheck {
    public init() {}
    public func run(_ entries: [ObservationIndex.Entry], schema: IndicatorSchema) -> [Finding] {
        entries.compactMap { e in
            guard let indicator = schema.indicator(e.key.indicator), indicator.unit == "persons",
                  let comment = e.comment, comment.uppercased().contains("FTE") else { return nil }
            return Finding(.employmentInFTE, at: e.location, message: "\(indicator.id) \(e.key.region) \(e.key.year) is in full-time equivalents, not headcount",
                           hint: "compare with other partners' headcounts with care", indicator: indicator.id)
        }
    }
}
