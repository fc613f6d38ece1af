import FoundationEssentials

/// A service principal signing in with a client secret (client-credentials grant).
public struct ClientSecretCredential: TokenCredential {
    public let name = "EnvironmentCredential (client secret)"
    let tenantID: String
    let clientID: String
    private let secret: String
    let authorityHost: String
    private let now: @Sendable () -> Date

    public init(tenantID: String, clientID: String, secret: String, authorityHost: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.secret = secret
        self.authorityHost = authorityHost
        self.now = now
    }

    public var identity: String { "service principal \(clientID) (tenant \(tenantID))" }

    public func token(for audience: String) async throws -> AccessToken {
        let url = Authority.tokenURL(authorityHost, tenant: tenantID)
        let (status, response) = try await TokenEndpointClient().postForm(
            url,
            [("grant_type", "client_credentials"), ("client_id", clientID), ("client_secret", secret), ("scope", AzureCloud.scope(for: audience))],
            what: "the token endpoint")
        guard status == 200, let token = response.accessToken(now: now()) else {
            throw ARMError.authenticationFailed("\(name): the token endpoint refused client \(clientID) (\(status)): \(response.problem)")
        }
        return token
    }
}

/// URLs under an Entra ID authority host.
enum Authority {
    static func base(_ host: String) -> String {
        var base = host
        while base.hasSuffix("/") { base.removeLast() }
        return base
    }
    static func tokenURL(_ host: String, tenant: String) -> String { "\(base(host))/\(Validate.encode(tenant))/oauth2/v2.0/token" }
    static func deviceCodeURL(_ host: String, tenant: String) -> String { "\(base(host))/\(Validate.encode(tenant))/oauth2/v2.0/devicecode" }
}
