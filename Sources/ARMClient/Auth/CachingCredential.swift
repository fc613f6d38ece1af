import FoundationEssentials
import Synchronization

/// Keeps a credential's tokens in memory per audience and renews them about five minutes before they expire.
///
/// At most one renewal runs at a time; `invalidate()` (after a 401 from ARM)
/// forces the next call to fetch a new token.
public final class CachingCredential: TokenCredential {
    public let inner: any TokenCredential
    private let cache = Mutex<[String: AccessToken]>([:])
    private let gate = AsyncLimiter(limit: 1)
    private let now: @Sendable () -> Date
    private let renewBefore: TimeInterval

    public var name: String { inner.name }
    public var identity: String { inner.identity }

    public init(_ inner: any TokenCredential, renewBefore: TimeInterval = 300, now: @escaping @Sendable () -> Date = { Date() }) {
        self.inner = inner
        self.renewBefore = renewBefore
        self.now = now
    }

    public func token(for audience: String) async throws -> AccessToken {
        if let token = fresh(audience) { return token }
        return try await gate.run {
            if let token = self.fresh(audience) { return token }
            let token = try await self.inner.token(for: audience)
            self.cache.withLock { $0[audience] = token }
            return token
        }
    }

    public func invalidate() async {
        cache.withLock { $0.removeAll() }
        await inner.invalidate()
    }

    private func fresh(_ audience: String) -> AccessToken? {
        guard let token = cache.withLock({ $0[audience] }) else { return nil }
        return token.expiresOn.timeIntervalSince(now()) > renewBefore ? token : nil
    }
}
