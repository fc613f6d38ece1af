import ARMModels
import FoundationEssentials
import Synchronization

/// Workload identity (Kubernetes): exchanges the federated token in AZURE_FEDERATED_TOKEN_FILE for an access token.
///
/// The file is read again whenever its modification time changes, because
/// the kubelet rotates it.
public final class WorkloadIdentityCredential: TokenCredential {
    public let name = "WorkloadIdentityCredential"
    let tenantID: String
    let clientID: String
    let tokenFile: String
    let authorityHost: String
    private let now: @Sendable () -> Date
    private let cached = Mutex<(Date?, String)?>(nil)

    public init(tenantID: String, clientID: String, tokenFile: String, authorityHost: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.tenantID = tenantID
        self.clientID = clientID
        self.tokenFile = tokenFile
        self.authorityHost = authorityHost
        self.now = now
    }

    public var identity: String { "workload identity \(clientID) (tenant \(tenantID))" }

    /// The federated assertion, re-read when the file changed.
    func assertion() throws -> String {
        let modified = (try? FileManager.default.attributesOfItem(atPath: tokenFile)[.modificationDate]) as? Date
        if let (date, text) = cached.withLock({ $0 }), date == modified, modified != nil { return text }
        guard let data = FileManager.default.contents(atPath: tokenFile) else {
            throw ARMError.credentialUnavailable("\(name): cannot read AZURE_FEDERATED_TOKEN_FILE (\(tokenFile))")
        }
        let text = String(decoding: data, as: UTF8.self).trimmed()
        guard !text.isEmpty else { throw ARMError.credentialUnavailable("\(name): AZURE_FEDERATED_TOKEN_FILE (\(tokenFile)) is empty") }
        cached.withLock { $0 = (modified, text) }
        return text
    }

    public func token(for audience: String) async throws -> AccessToken {
        let (status, response) = try await TokenEndpointClient().postForm(
            Authority.tokenURL(authorityHost, tenant: tenantID),
            [
                ("grant_type", "client_credentials"), ("client_id", clientID), ("scope", AzureCloud.scope(for: audience)),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), ("client_assertion", try assertion()),
            ],
            what: "the token endpoint")
        guard status == 200, let token = response.accessToken(now: now()) else {
            throw ARMError.authenticationFailed("\(name): the token endpoint refused the federated token for \(clientID) (\(status)): \(response.problem)")
        }
        return token
    }
}
