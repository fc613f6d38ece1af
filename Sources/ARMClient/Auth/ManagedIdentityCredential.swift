import FoundationEssentials

/// A managed identity: App Service style (IDENTITY_ENDPOINT + IDENTITY_HEADER) or the VM instance metadata service.
///
/// The metadata host is 169.254.169.254 unless AZURE_POD_IDENTITY_AUTHORITY_HOST
/// overrides it (tests point it at the emulator or a closed loopback port).
/// The probe times out quickly so machines without IMDS don't wait.
public struct ManagedIdentityCredential: TokenCredential {
    public let name = "ManagedIdentityCredential"
    let appServiceEndpoint: String?
    private let appServiceHeader: String?
    let imdsHost: String
    let clientID: String?
    let probeTimeout: Duration
    private let now: @Sendable () -> Date

    public static let defaultIMDSHost = "http://169.254.169.254"

    public init(environment: [String: String], probeTimeout: Duration = .seconds(1), now: @escaping @Sendable () -> Date = { Date() }) {
        appServiceEndpoint = environment["IDENTITY_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 }
        appServiceHeader = environment["IDENTITY_HEADER"].flatMap { $0.isEmpty ? nil : $0 }
        imdsHost = environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? ManagedIdentityCredential.defaultIMDSHost
        clientID = environment["AZURE_CLIENT_ID"].flatMap { $0.isEmpty ? nil : $0 }
        self.probeTimeout = probeTimeout
        self.now = now
    }

    public var identity: String { "managed identity" + (clientID.map { " \($0)" } ?? "") }

    /// The URL a token request goes to, for tests and messages.
    public func requestURL(for audience: String) -> String {
        var resource = audience
        while resource.hasSuffix("/") { resource.removeLast() }
        if let appServiceEndpoint, appServiceHeader != nil {
            var url = "\(appServiceEndpoint)?api-version=2019-08-01&resource=\(Validate.encode(resource))"
            if let clientID { url += "&client_id=\(Validate.encode(clientID))" }
            return url
        }
        var url = "\(Authority.base(imdsHost))/metadata/identity/oauth2/token?api-version=2018-02-01&resource=\(Validate.encode(resource))"
        if let clientID { url += "&client_id=\(Validate.encode(clientID))" }
        return url
    }

    public func token(for audience: String) async throws -> AccessToken {
        let url = requestURL(for: audience)
        let appService = appServiceEndpoint != nil && appServiceHeader != nil
        let headers = appService ? [("X-IDENTITY-HEADER", appServiceHeader ?? "")] : [("Metadata", "true")]
        let (status, response): (Int, TokenResponse)
        do {
            (status, response) = try await TokenEndpointClient().get(
                url, headers: headers, what: appService ? "the App Service identity endpoint" : "the instance metadata endpoint",
                timeout: appService ? .seconds(20) : probeTimeout)
        } catch let error as ARMError where error.kind == .credentialUnavailable {
            throw ARMError.credentialUnavailable("\(name): no managed identity endpoint answered (\(appService ? "IDENTITY_ENDPOINT" : "instance metadata service"))")
        }
        guard status == 200, let token = response.accessToken(now: now()) else {
            if status == 400 || status == 404 {
                throw ARMError.credentialUnavailable("\(name): no managed identity is assigned here (\(status)): \(response.problem)")
            }
            throw ARMError.authenticationFailed("\(name): the identity endpoint answered \(status): \(response.problem)")
        }
        return token
    }
}
