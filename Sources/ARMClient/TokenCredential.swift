import ARMModels
import FoundationEssentials

/// An access token and when it stops being valid.
///
/// `description` never shows the token itself, so a token printed by
/// accident reveals nothing.
public struct AccessToken: Sendable, CustomStringConvertible {
    public let token: String
    public let expiresOn: Date
    public init(token: String, expiresOn: Date) {
        self.token = token
        self.expiresOn = expiresOn
    }
    public var description: String { "AccessToken(expires \(expiresOn), redacted)" }
}

/// Something that can hand out bearer tokens for an audience, as the Azure SDKs' `TokenCredential`.
public protocol TokenCredential: Sendable {
    /// A human name for error messages ("environment token", "Azure CLI").
    var name: String { get }
    /// Who is signed in, for the header ("Azure CLI", "service principal …"); never a secret.
    var identity: String { get }
    /// A token for `audience` (e.g. `https://management.azure.com`).
    func token(for audience: String) async throws -> AccessToken
    /// Forgets cached tokens, so the next call fetches a new one (after ARM answered 401).
    func invalidate() async
}

extension TokenCredential {
    public var identity: String { name }
    public func invalidate() async {}
}

/// A fixed token, read from the environment variable PEERSCOPE_ACCESS_TOKEN.
public struct StaticTokenCredential: TokenCredential {
    public let name = "PEERSCOPE_ACCESS_TOKEN"
    public let identity: String
    private let value: String

    public init(token: String, identity: String = "token from PEERSCOPE_ACCESS_TOKEN") {
        self.value = token
        self.identity = identity
    }

    /// The credential from PEERSCOPE_ACCESS_TOKEN, or nil when it is unset or empty.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> StaticTokenCredential? {
        guard let token = environment["PEERSCOPE_ACCESS_TOKEN"]?.trimmed(), !token.isEmpty else {
            return nil
        }
        return StaticTokenCredential(token: token)
    }

    public func token(for audience: String) async throws -> AccessToken {
        AccessToken(token: value, expiresOn: .distantFuture)
    }
}
