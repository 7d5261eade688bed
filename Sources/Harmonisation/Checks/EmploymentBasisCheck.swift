/// Values of a headcount indicator (unit `persons`) that the mapping marked as full-time
/// equivalents: they are kept (the schema allows it with the comment) and listed, because they
/// do not compare one-to-one with headcounts of other partners.
public struct EmploymentBasisCheck: DatasetCheck {
    public init() {}
    public func run(_ index: ObservationIndex, schema: IndicatorSchema) -> [Finding] {
        index.commented.compactMap { item in
            guard let indicator = schema.indicator(index.text(index.indicatorID(at: item.position))), indicator.unit == "persons",
                  item.comment.uppercased().contains("FTE") else { return nil }
            return Finding(.employmentInFTE, at: index.location(at: item.position),
                           message: "\(indicator.id) \(index.text(index.regionID(at: item.position))) \(index.year(at: item.position)) is in full-time equivalents, not headcount",
                           hint: "compare with other partners' headcounts with care", indicator: indicator.id)
        }
    }
}
