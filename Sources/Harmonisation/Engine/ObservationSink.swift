/// Where harmonised observations go as they are produced: an array for tests and small runs, a
/// streaming JSON writer for big files.
public protocol ObservationSink: AnyObject {
    func accept(_ observation: Observation) throws
}

/// Keeps every observation in memory, in production order.
public final class ObservationCollector: ObservationSink {
    public private(set) var observations: [Observation] = []
    public init() {}
    public func accept(_ observation: Observation) throws { observations.append(observation) }
}
