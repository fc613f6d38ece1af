import ARMModels
import FoundationEssentials

/// When and how long to wait before trying a request again, as the Azure SDKs do.
///
/// Backoff for retry `n` (0-based) is `baseDelay × 2ⁿ × jitter`, jitter drawn
/// from 0.8…1.2, capped at `maxDelay`:
///
/// | retry | delay (jitter 1.0) |
/// |-------|--------------------|
/// | 0     | 0.8 s              |
/// | 1     | 1.6 s              |
/// | 2     | 3.2 s              |
///
/// A server's Retry-After (seconds or HTTP date), `retry-after-ms` or
/// `x-ms-retry-after-ms` replaces the backoff. One longer than `maxDelay` is
/// not slept through: the caller gets a throttling error that says when to try again.
public struct RetryPolicy: Sendable {
    public var maxRetries = 3
    public var baseDelay: Duration = .milliseconds(800)
    public var maxDelay: Duration = .seconds(60)
    public var perTryTimeout: Duration = .seconds(30)
    public static let retryableStatuses: Set<Int> = [408, 429, 500, 502, 503, 504]

    public init() {}

    /// What to do after a try.
    public enum Decision: Equatable, Sendable {
        case retry(after: Duration)
        case giveUp
        case throttled(retryAfter: Duration)
    }

    /// Decides about a try that ended with `status` (nil: no response at all).
    /// - Parameters:
    ///   - retriesDone: how many retries already happened.
    ///   - retryAfter: the delay the server asked for, if any.
    ///   - random: a number in 0..<1 for the jitter.
    public func decide(status: Int?, retriesDone: Int, retryAfter: Duration?, random: Double) -> Decision {
        if let status, !RetryPolicy.retryableStatuses.contains(status) { return .giveUp }
        if let retryAfter, retryAfter > maxDelay { return .throttled(retryAfter: retryAfter) }
        guard retriesDone < maxRetries else { return .giveUp }
        return .retry(after: retryAfter ?? backoff(retry: retriesDone, random: random))
    }

    /// The backoff before retry number `retry`, for a jitter source value `random` in 0..<1.
    public func backoff(retry: Int, random: Double) -> Duration {
        let jitter = 0.8 + 0.4 * min(max(random, 0), 1)
        let seconds = baseDelay.seconds * Double(1 << min(retry, 30)) * jitter
        return min(.milliseconds(Int64(seconds * 1000)), maxDelay)
    }

    /// Reads the delay a response asks for from its headers, in the Azure SDKs' order.
    public static func retryAfter(_ headers: [(name: String, value: String)], now: Date) -> Duration? {
        func value(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name }?.value.trimmed(newlines: false)
        }
        for name in ["retry-after-ms", "x-ms-retry-after-ms"] {
            if let text = value(name), let ms = Double(text), ms >= 0 { return .milliseconds(Int64(ms)) }
        }
        guard let text = value("retry-after") else { return nil }
        if let seconds = Double(text), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        guard let date = CivilDate.httpDate(text) else { return nil }
        let seconds = max(0, date.timeIntervalSince(now))
        return .milliseconds(Int64(seconds * 1000))
    }
}

extension Duration {
    /// The duration in seconds, as a Double.
    public var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) / 1e18
    }
}
