import FoundationEssentials
import Synchronization

/// What to show a person so they can finish a device code sign-in on another device.
public struct DeviceCodePrompt: Sendable, Equatable {
    public var userCode: String
    public var verificationURI: String
    public var message: String
    public var expiresIn: Int
}

/// Interactive sign-in that works over SSH: a code to enter at a URL on any device, then polling until approved.
///
/// It polls at the server's interval, honours authorization_pending and
/// slow_down, stops on expiry or decline, and keeps the refresh token in
/// memory to renew access without asking again.
public final class DeviceCodeCredential: TokenCredential {
    public let name = "DeviceCodeCredential"
    /// The Azure CLI's public client id, which Entra ID accepts for device code sign-in to ARM.
    public static let azureCLIClientID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46"
    let tenantID: String
    let clientID: String
    let authorityHost: String
    private let prompt: @Sendable (DeviceCodePrompt) -> Void
    private let sleep: @Sendable (Duration) async throws -> Void
    private let now: @Sendable () -> Date
    private let refreshToken = Mutex<String?>(nil)

    public init(
        tenantID: String, clientID: String = DeviceCodeCredential.azureCLIClientID, authorityHost: String,
        prompt: @escaping @Sendable (DeviceCodePrompt) -> Void,
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.authorityHost = authorityHost
        self.prompt = prompt
        self.sleep = sleep
        self.now = now
    }

    public var identity: String { "device code sign-in (tenant \(tenantID))" }

    public func token(for audience: String) async throws -> AccessToken {
        let scope = AzureCloud.scope(for: audience) + " offline_access"
        let tokenURL = Authority.tokenURL(authorityHost, tenant: tenantID)
        if let refresh = refreshToken.withLock({ $0 }) {
            let (status, response) = try await TokenEndpointClient().postForm(
                tokenURL, [("grant_type", "refresh_token"), ("client_id", clientID), ("refresh_token", refresh), ("scope", scope)],
                what: "the token endpoint")
            if status == 200, let token = response.accessToken(now: now()) {
                if let next = response.refreshToken { refreshToken.withLock { $0 = next } }
                return token
            }
            refreshToken.withLock { $0 = nil }
        }
        let (status, start) = try await TokenEndpointClient().postForm(
            Authority.deviceCodeURL(authorityHost, tenant: tenantID), [("client_id", clientID), ("scope", scope)], what: "the device code endpoint")
        guard status == 200, let deviceCode = start.deviceCode, let userCode = start.userCode, let uri = start.verificationURI else {
            throw ARMError.authenticationFailed("\(name): the device code endpoint refused (\(status)): \(start.problem)")
        }
        let lifetime = Int(start.expiresIn ?? 900)
        prompt(DeviceCodePrompt(
            userCode: userCode, verificationURI: uri,
            message: start.message ?? "To sign in, open \(uri) and enter the code \(userCode)", expiresIn: lifetime))
        var interval = max(1, start.interval ?? 5)
        let deadline = now().addingTimeInterval(Double(lifetime))
        while true {
            try await sleep(.seconds(interval))
            guard now() < deadline else {
                throw ARMError.authenticationFailed("\(name): the sign-in code \(userCode) expired before it was used; start again")
            }
            let (status, response) = try await TokenEndpointClient().postForm(
                tokenURL,
                [("grant_type", "urn:ietf:params:oauth:grant-type:device_code"), ("client_id", clientID), ("device_code", deviceCode)],
                what: "the token endpoint")
            if status == 200, let token = response.accessToken(now: now()) {
                if let next = response.refreshToken { refreshToken.withLock { $0 = next } }
                return token
            }
            switch response.error {
            case "authorization_pending": continue
            case "slow_down": interval += 5
            case "expired_token", "code_expired":
                throw ARMError.authenticationFailed("\(name): the sign-in code \(userCode) expired before it was used; start again")
            case "authorization_declined", "access_denied":
                throw ARMError.authenticationFailed("\(name): the sign-in was declined")
            default:
                throw ARMError.authenticationFailed("\(name): sign-in failed (\(status)): \(response.problem)")
            }
        }
    }
}
