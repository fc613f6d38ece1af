import Dispatch
import Synchronization

/// Runs async work from a synchronous command and waits for it on the calling thread.
///
/// The commands are synchronous so the terminal UI can own the main thread;
/// this bridges to async code without touching the MainActor.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { box.set(.success(try await body())) } catch { box.set(.failure(error)) }
        done.signal()
    }
    done.wait()
    return try box.get()
}

/// A thread-safe slot for one result.
final class ResultBox<T: Sendable>: Sendable {
    private let value = Mutex<Result<T, any Error>?>(nil)
    func set(_ result: Result<T, any Error>) { value.withLock { $0 = result } }
    func get() throws -> T {
        guard let value = value.withLock({ $0 }) else { throw CommandFailure("internal: async work ended without a result") }
        return try value.get()
    }
}

/// A failure a command reports in one line on stderr.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
