import FoundationEssentials
import Synchronization

/// The emulator's Entra ID: registered clients, identities, issued tokens and device codes.
///
/// Tokens are opaque and expire on the emulator's scenario clock, so tests
/// make them expire by advancing the clock instead of waiting.
public struct EntraState: Sendable {
    /// Client id → client secret.
    public var secrets: [String: String] = [:]
    /// Client id → PEM certificate whose key signs that client's assertions.
    public var certificates: [String: String] = [:]
    /// Client id → the federated token (workload identity) it accepts.
    public var federatedTokens: [String: String] = [:]
    /// Whether the managed-identity endpoints hand out tokens.
    public var managedIdentity = true
    /// The IDENTITY_HEADER value App Service style requests must carry.
    public var appServiceHeader = "emulator-identity-header"
    /// How long issued tokens live, on the emulator's clock.
    public var tokenLifetime: Duration = .seconds(3600)
    /// When true, ARM routes accept only tokens issued here and not expired.
    public var strict = false
    /// Device code polls answered with slow_down before any other answer.
    public var slowDownPolls = 0
    /// The poll interval the device code endpoint asks for, in seconds.
    public var deviceCodeInterval = 5

    struct Issued: Sendable {
        var expires: Duration
        var audience: String
        var subject: String
    }

    struct DeviceCode: Sendable {
        var userCode: String
        var scope: String
        var expires: Duration
        var state: String  // pending, approved, declined
        var slowDownLeft: Int
    }

    var issued: [String: Issued] = [:]
    var refreshTokens: [String: String] = [:]  // refresh token → subject
    var deviceCodes: [String: DeviceCode] = [:]
    /// Every token request seen: grant and client, never a secret.
    public internal(set) var log: [String] = []

    public init() {}
}

extension WorldStore {
    /// Changes the emulator's Entra ID configuration.
    public func configureEntra(_ change: (inout EntraState) -> Void) {
        state.withLock { change(&$0.entra) }
    }

    public var entra: EntraState { state.withLock { $0.entra } }

    /// Approves or declines a pending device code sign-in; false when no such code is pending.
    @discardableResult
    public func resolveDeviceCode(userCode: String, approve: Bool) -> Bool {
        state.withLock { state in
            guard let key = state.entra.deviceCodes.first(where: { $0.value.userCode == userCode && $0.value.state == "pending" })?.key else {
                return false
            }
            state.entra.deviceCodes[key]?.state = approve ? "approved" : "declined"
            return true
        }
    }

    /// The audiences of every token issued so far (for tests of cloud switching).
    public var issuedAudiences: [String] { state.withLock { Array(Set($0.entra.issued.values.map(\.audience))).sorted() } }

    /// User codes waiting for approval.
    public var pendingUserCodes: [String] {
        state.withLock { $0.entra.deviceCodes.values.filter { $0.state == "pending" }.map(\.userCode).sorted() }
    }

    /// Issues a token for `subject` that expires after the configured lifetime on the emulator clock.
    func issueToken(subject: String, audience: String, refresh: Bool = false) -> (token: String, expiresIn: Int, refresh: String?) {
        state.withLock { state in
            let token = "emu-at-" + UUID().uuidString.lowercased()
            state.entra.issued[token] = EntraState.Issued(expires: state.elapsed + state.entra.tokenLifetime, audience: audience, subject: subject)
            var refreshToken: String?
            if refresh {
                let value = "emu-rt-" + UUID().uuidString.lowercased()
                state.entra.refreshTokens[value] = subject
                refreshToken = value
            }
            return (token, Int(state.entra.tokenLifetime.seconds), refreshToken)
        }
    }

    /// Why an ARM request's bearer token is refused in strict mode, or nil when it is accepted.
    func strictTokenProblem(_ token: String) -> ARMFailure? {
        state.withLock { state in
            guard state.entra.strict else { return nil }
            guard let issued = state.entra.issued[token] else {
                return ARMFailure(401, "InvalidAuthenticationToken", "The access token is invalid.")
            }
            if issued.expires <= state.elapsed {
                return ARMFailure(401, "ExpiredAuthenticationToken", "The access token expiry UTC time is earlier than current UTC time.")
            }
            return nil
        }
    }

    func logEntra(_ line: String) {
        state.withLock { $0.entra.log.append(line) }
    }
}
