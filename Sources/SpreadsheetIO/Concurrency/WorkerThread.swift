import Foundation

/// The threads innaxe runs beside the caller's (inflating, reading rows ahead, deflating,
/// writing outputs, hashing): named for debuggers and profilers, with a 1 MiB stack (the work
/// is streaming loops, never deep recursion).
public enum WorkerThread {
    public static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }
}
