import FoundationEssentials
import Synchronization

/// Counts requests sent to ARM in the last minute and keeps the last remaining-reads figure ARM reported.
public final class RequestMeter: Sendable {
    private let state = Mutex<(times: [Date], remaining: Int?)>(([], nil))

    public init() {}

    func record(at now: Date, remainingReads: Int?) {
        state.withLock { state in
            state.times.append(now)
            state.times.removeAll { now.timeIntervalSince($0) > 60 }
            if let remainingReads { state.remaining = remainingReads }
        }
    }

    /// Requests in the minute before `now`, and the last x-ms-ratelimit-remaining-subscription-reads.
    public func snapshot(at now: Date = Date()) -> (requestsLastMinute: Int, remainingReads: Int?) {
        state.withLock { state in (state.times.filter { now.timeIntervalSince($0) <= 60 }.count, state.remaining) }
    }
}

/// Lets at most `limit` operations run at once; the rest wait their turn in order.
final class AsyncLimiter: Sendable {
    private let state: Mutex<(running: Int, waiting: [CheckedContinuation<Void, Never>])>
    private let limit: Int

    init(limit: Int) {
        self.limit = max(1, limit)
        state = Mutex((0, []))
    }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state -> Bool in
                if state.running < limit {
                    state.running += 1
                    return true
                }
                state.waiting.append(continuation)
                return false
            }
            if now { continuation.resume() }
        }
        defer {
            let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if state.waiting.isEmpty {
                    state.running -= 1
                    return nil
                }
                return state.waiting.removeFirst()
            }
            next?.resume()
        }
        return try await body()
    }
}
