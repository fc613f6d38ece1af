import ARMModels
import FoundationEssentials

/// A request as the emulator's router sees it, independent of the HTTP server.
public struct EmulatorRequest: Sendable {
    public var method: String
    /// The path, still percent-encoded.
    public var path: String
    public var query: [String: String]
    public var rawQuery: String
    public var authorization: String?
    public var clientRequestID: String?
    public var body: Data
    /// Other headers, names lowercased (what the Entra routes read).
    public var headers: [String: String]

    public init(
        method: String, path: String, rawQuery: String, authorization: String?, clientRequestID: String? = nil, body: Data = Data(),
        headers: [String: String] = [:]
    ) {
        self.headers = headers
        self.method = method.uppercased()
        self.path = path
        self.rawQuery = rawQuery
        self.authorization = authorization
        self.clientRequestID = clientRequestID
        self.body = body
        var query: [String: String] = [:]
        for pair in rawQuery.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = PercentEncoding.decode(parts[0]) ?? String(parts[0])
            let value = parts.count > 1 ? (PercentEncoding.decode(parts[1]) ?? String(parts[1])) : ""
            query[key.lowercased()] = value
        }
        self.query = query
    }
}

/// What the router answers, including how to misbehave when a fault says so.
public struct EmulatorResponse: Sendable {
    public enum Delivery: Sendable, Equatable {
        case normal
        /// Send half the body under a Content-Length for all of it, then close.
        case truncated
        /// Close without answering.
        case drop
    }

    public var status: Int
    public var headers: [(String, String)]
    public var body: Data
    public var delivery: Delivery = .normal
    public var delay: Duration?

    static func json<T: Encodable>(_ status: Int, _ value: T) -> EmulatorResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]  // as ARM writes ids
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return EmulatorResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")], body: data)
    }

    static func failure(_ failure: ARMFailure) -> EmulatorResponse {
        var response = json(failure.status, failure.cloudError)
        response.headers.append(("x-ms-failure-cause", "gateway"))
        return response
    }

    static func empty(_ status: Int) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: [], body: Data())
    }
}
