/// A fault the emulator injects into matching requests, set through its admin API.
///
/// ```json
/// {"match": "virtualNetworkPeerings", "kind": "status", "status": 429, "count": 2, "retryAfter": "1"}
/// ```
/// `match` is a case-insensitive substring of the request path (empty: every
/// ARM route); `count` is how many requests it hits (absent: all of them).
public struct Fault: Codable, Sendable, Equatable {
    /// What the fault does.
    public enum Kind: String, Codable, Sendable {
        /// Answer with `status` (and Retry-After headers when given) and an ARM error body.
        case status
        /// Wait `delayMs`, then answer normally.
        case delay
        /// Answer 200 with a body that is not JSON.
        case malformed
        /// Promise the whole body in Content-Length, send half, close the connection.
        case truncated
        /// Close the connection without an answer.
        case drop
        /// Answer 200 with `body`, byte for byte (JSON nulls, unknown members, raw escapes: what a model can't encode).
        case body
    }

    public var match: String
    public var kind: Kind
    public var status: Int?
    public var count: Int?
    public var retryAfter: String?
    public var retryAfterMs: Int?
    public var delayMs: Int?
    public var body: String?

    public init(
        match: String = "", kind: Kind, status: Int? = nil, count: Int? = nil, retryAfter: String? = nil, retryAfterMs: Int? = nil, delayMs: Int? = nil,
        body: String? = nil
    ) {
        self.match = match
        self.kind = kind
        self.status = status
        self.count = count
        self.retryAfter = retryAfter
        self.retryAfterMs = retryAfterMs
        self.delayMs = delayMs
        self.body = body
    }

    enum CodingKeys: String, CodingKey { case match, kind, status, count, retryAfter, retryAfterMs, delayMs, body }

    /// Decodes a fault; `match` may be left out (it then matches every ARM route).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        match = try c.decodeIfPresent(String.self, forKey: .match) ?? ""
        kind = try c.decode(Kind.self, forKey: .kind)
        status = try c.decodeIfPresent(Int.self, forKey: .status)
        count = try c.decodeIfPresent(Int.self, forKey: .count)
        retryAfter = try c.decodeIfPresent(String.self, forKey: .retryAfter)
        retryAfterMs = try c.decodeIfPresent(Int.self, forKey: .retryAfterMs)
        delayMs = try c.decodeIfPresent(Int.self, forKey: .delayMs)
        body = try c.decodeIfPresent(String.self, forKey: .body)
    }

    func matches(_ path: String) -> Bool {
        match.isEmpty || path.lowercased().contains(match.lowercased())
    }
}

/// Emulator-wide settings the admin API can change.
public struct EmulatorSettings: Codable, Sendable, Equatable {
    /// How many items a list page holds.
    public var pageSize: Int
    /// When set, nextLinks point at this base URL instead of the emulator's own (to test foreign-host refusal).
    public var nextLinkBase: String?
    /// When true, a page's nextLink points back at itself (to test loop detection).
    public var loopNextLink: Bool

    public init(pageSize: Int = 100, nextLinkBase: String? = nil, loopNextLink: Bool = false) {
        self.pageSize = pageSize
        self.nextLinkBase = nextLinkBase
        self.loopNextLink = loopNextLink
    }
}

/// One request the emulator received, as the admin API reports it.
///
/// It records whether an Authorization header came, never its value.
public struct RecordedRequest: Codable, Sendable, Equatable {
    public var method: String
    public var path: String
    public var query: String
    public var status: Int
    public var hadAuthorization: Bool
    public var clientRequestID: String?
}
