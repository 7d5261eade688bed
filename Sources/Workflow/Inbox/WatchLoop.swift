/// `innaxe watch`: a pass, a pause, a pass… until stopped. A pass that cannot run (the lock is
/// held by a `run` someone started) is skipped, not fatal; a stop request ends the loop after
/// the file being filed.
public struct WatchLoop {
    public var makePass: () -> InboxPass
    public var interval: Double

    public init(interval: Double, makePass: @escaping () -> InboxPass) {
        self.interval = interval
        self.makePass = makePass
    }

    /// `onPass` sees each pass's report, or the error that prevented it.
    public func run(stop: StopRequest, onPass: (Result<PassReport, any Error>) -> Void) {
        while !stop.isRequested {
            do {
                onPass(.success(try makePass().run(stop: stop)))
            } catch {
                onPass(.failure(error))
            }
            if stop.wait(seconds: interval) { break }
        }
    }
}
