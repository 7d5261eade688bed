import Foundation

/// Asks a running pass or watch loop to stop at the next file boundary (set from a signal handler
/// by the CLI). Waiting on it sleeps until the timeout or the request, whichever comes first.
public final class StopRequest: @unchecked Sendable {
    private let lock = NSLock()
    private var requested = false
    private let semaphore = DispatchSemaphore(value: 0)

    public init() {}

    public var isRequested: Bool {
        lock.lock(); defer { lock.unlock() }
        return requested
    }

    public func request() {
        lock.lock()
        let first = !requested
        requested = true
        lock.unlock()
        if first { semaphore.signal() }
    }

    /// Sleeps up to `seconds`; returns true when stop was requested.
    public func wait(seconds: Double) -> Bool {
        if isRequested { return true }
        _ = semaphore.wait(timeout: .now() + seconds)
        if isRequested { semaphore.signal(); return true }
        return false
    }
}
