import AsyncHTTPClient
import FoundationEssentials
import NIOCore
import NIOHTTP1

/// What an Entra ID token endpoint (or a managed-identity endpoint) answers.
struct TokenResponse: Decodable, Sendable {
    var accessToken: String?
    var expiresIn: Double?
    var expiresOn: Double?
    var refreshToken: String?
    var error: String?
    var errorDescription: String?
    var interval: Double?
    // Device code fields.
    var deviceCode: String?
    var userCode: String?
    var verificationURI: String?
    var message: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token", expiresIn = "expires_in", expiresOn = "expires_on", refreshToken = "refresh_token"
        case error, errorDescription = "error_description", interval
        case deviceCode = "device_code", userCode = "user_code", verificationURI = "verification_uri", message
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        func number(_ key: CodingKeys) -> Double? {
            if let d = try? c.decodeIfPresent(Double.self, forKey: key) { return d }
            if let s = try? c.decodeIfPresent(String.self, forKey: key) { return Double(s) }
            return nil
        }
        accessToken = try? c.decodeIfPresent(String.self, forKey: .accessToken)
        expiresIn = number(.expiresIn)
        expiresOn = number(.expiresOn)
        refreshToken = try? c.decodeIfPresent(String.self, forKey: .refreshToken)
        error = try? c.decodeIfPresent(String.self, forKey: .error)
        errorDescription = try? c.decodeIfPresent(String.self, forKey: .errorDescription)
        interval = number(.interval)
        deviceCode = try? c.decodeIfPresent(String.self, forKey: .deviceCode)
        userCode = try? c.decodeIfPresent(String.self, forKey: .userCode)
        verificationURI = try? c.decodeIfPresent(String.self, forKey: .verificationURI)
        message = try? c.decodeIfPresent(String.self, forKey: .message)
    }

    /// The access token with its expiry, or nil when the response has none.
    func accessToken(now: Date) -> AccessToken? {
        guard let accessToken, !accessToken.isEmpty else { return nil }
        if let expiresOn { return AccessToken(token: accessToken, expiresOn: Date(timeIntervalSince1970: expiresOn)) }
        return AccessToken(token: accessToken, expiresOn: now.addingTimeInterval(expiresIn ?? 3600))
    }

    /// A short reason from an error answer, without echoing anything secret.
    var problem: String {
        let first = errorDescription?.split(whereSeparator: \.isNewline).first.map(String.init)
        return [error, first].compactMap { $0 }.joined(separator: ": ").prefix(240).description
    }
}

/// Talks to token endpoints: form POSTs to the authority, GETs to managed-identity endpoints.
///
/// Secrets go only to the host they were configured for: https, or plain http to loopback only.
struct TokenEndpointClient: Sendable {
    var timeout: Duration = .seconds(20)

    /// Checks that `url` may receive a secret: https, or http to loopback.
    static func checkSecure(_ url: String, what: String) throws -> URLComponents {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), let host = components.host, !host.isEmpty else {
            throw ARMError.credentialUnavailable("\(what) '\(url.prefix(80))' is not a URL")
        }
        guard scheme == "https" || (scheme == "http" && ARMEndpoint.isLoopback(host)) else {
            throw ARMError.credentialUnavailable("\(what) must use https (plain http only to loopback); refusing to send credentials to \(host)")
        }
        return components
    }

    /// POSTs a form and decodes the answer (any status: token endpoints put errors in the body).
    func postForm(_ url: String, _ fields: [(String, String)], what: String) async throws -> (Int, TokenResponse) {
        _ = try TokenEndpointClient.checkSecure(url, what: what)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "peerscope/\(PeerScopeVersion.current)")
        let body = fields.map { "\(Validate.encode($0.0))=\(Validate.encode($0.1))" }.joined(separator: "&")
        request.body = .bytes(ByteBuffer(string: body))
        return try await send(request, what: what)
    }

    /// GETs a managed-identity endpoint.
    func get(_ url: String, headers: [(String, String)], what: String, timeout: Duration? = nil) async throws -> (Int, TokenResponse) {
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        return try await send(request, what: what, timeout: timeout)
    }

    private func send(_ request: HTTPClientRequest, what: String, timeout: Duration? = nil) async throws -> (Int, TokenResponse) {
        let limit = timeout ?? self.timeout
        let response: HTTPClientResponse
        let bytes: ByteBuffer
        do {
            response = try await ARMClient.httpClient.execute(request, timeout: .nanoseconds(Int64(limit.seconds * 1e9)))
            bytes = try await response.body.collect(upTo: 1024 * 1024)
        } catch {
            throw ARMError.credentialUnavailable("\(what) could not be reached: \(ARMPipeline.describeTransport(error))")
        }
        guard let decoded = try? JSONDecoder().decode(TokenResponse.self, from: Data(bytes.readableBytesView)) else {
            throw ARMError.authenticationFailed("\(what) answered \(response.status.code) with a body that is not a token response")
        }
        return (Int(response.status.code), decoded)
    }
}
