import FoundationEssentials

/// Which credentials the chain may use: `--auth` and AZURE_TOKEN_CREDENTIALS, as in the SDKs.
public enum AuthMode: String, Sendable, CaseIterable {
    case auto, env, workload, managedIdentity = "managed-identity", cli, deviceCode = "device-code"
}

/// Builds the credential chain from the environment and options.
public struct CredentialFactory: Sendable {
    public var mode: AuthMode = .auto
    public var environment: [String: String]
    public var authorityHost: String
    /// The tenant to sign in to when nothing more specific is known.
    public var tenant: String
    /// Whether a person is at a terminal (device code is offered only then, unless asked for).
    public var interactive: Bool
    public var devicePrompt: @Sendable (DeviceCodePrompt) -> Void
    public var managedIdentityProbe: Duration = .seconds(1)
    /// Seconds east of UTC of the local zone at a time (the Azure CLI may give expiry in local time).
    public var localOffset: @Sendable (Date) -> Int = { _ in 0 }

    public init(
        mode: AuthMode = .auto, environment: [String: String], authorityHost: String, tenant: String, interactive: Bool,
        devicePrompt: @escaping @Sendable (DeviceCodePrompt) -> Void
    ) {
        self.mode = mode
        self.environment = environment
        self.authorityHost = environment["AZURE_AUTHORITY_HOST"].flatMap { $0.isEmpty ? nil : $0 } ?? authorityHost
        self.tenant = tenant
        self.interactive = interactive
        self.devicePrompt = devicePrompt
    }

    private func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }

    /// The environment credential: secret or certificate, or why it can't be used.
    func environmentCredential() -> any TokenCredential {
        let name = "EnvironmentCredential"
        guard let tenant = value("AZURE_TENANT_ID"), let client = value("AZURE_CLIENT_ID") else {
            return UnavailableCredential(name: name, reason: "AZURE_TENANT_ID and AZURE_CLIENT_ID are not both set")
        }
        if let secret = value("AZURE_CLIENT_SECRET") {
            return ClientSecretCredential(tenantID: tenant, clientID: client, secret: secret, authorityHost: authorityHost)
        }
        if let path = value("AZURE_CLIENT_CERTIFICATE_PATH") {
            do {
                return try ClientCertificateCredential(tenantID: tenant, clientID: client, pemPath: path, authorityHost: authorityHost)
            } catch let error as ARMError {
                return UnavailableCredential(name: name, reason: error.message)
            } catch {
                return UnavailableCredential(name: name, reason: "the certificate cannot be used")
            }
        }
        return UnavailableCredential(name: name, reason: "neither AZURE_CLIENT_SECRET nor AZURE_CLIENT_CERTIFICATE_PATH is set")
    }

    func workloadCredential() -> any TokenCredential {
        guard let file = value("AZURE_FEDERATED_TOKEN_FILE"), let client = value("AZURE_CLIENT_ID"), let tenant = value("AZURE_TENANT_ID") else {
            return UnavailableCredential(name: "WorkloadIdentityCredential", reason: "AZURE_FEDERATED_TOKEN_FILE, AZURE_CLIENT_ID and AZURE_TENANT_ID are not all set")
        }
        return WorkloadIdentityCredential(tenantID: tenant, clientID: client, tokenFile: file, authorityHost: authorityHost)
    }

    func deviceCodeCredential(asked: Bool) -> any TokenCredential {
        guard interactive || asked else {
            return UnavailableCredential(name: "DeviceCodeCredential", reason: "no terminal to show a sign-in code on")
        }
        return DeviceCodeCredential(tenantID: tenant, authorityHost: authorityHost, prompt: devicePrompt)
    }

    /// The steps in DefaultAzureCredential's order, narrowed by `--auth` or AZURE_TOKEN_CREDENTIALS.
    public func steps() throws -> [any TokenCredential] {
        let managed = ManagedIdentityCredential(environment: environment, probeTimeout: managedIdentityProbe)
        let cli = AzureCLICredential(environment: environment, localOffset: localOffset)
        switch mode {
        case .env: return [environmentCredential()]
        case .workload: return [workloadCredential()]
        case .managedIdentity: return [managed]
        case .cli: return [cli]
        case .deviceCode: return [deviceCodeCredential(asked: true)]
        case .auto: break
        }
        switch value("AZURE_TOKEN_CREDENTIALS")?.lowercased() {
        case nil: return [environmentCredential(), workloadCredential(), managed, cli, deviceCodeCredential(asked: false)]
        case "prod": return [environmentCredential(), workloadCredential(), managed]
        case "dev": return [cli, deviceCodeCredential(asked: false)]
        case "environmentcredential": return [environmentCredential()]
        case "workloadidentitycredential": return [workloadCredential()]
        case "managedidentitycredential": return [managed]
        case "azureclicredential": return [cli]
        case let other?:
            throw ARMError.invalidInput(
                option: "AZURE_TOKEN_CREDENTIALS",
                rule: "must be prod, dev, EnvironmentCredential, WorkloadIdentityCredential, ManagedIdentityCredential or AzureCliCredential; got '\(other)'")
        }
    }

    /// The cached chain.
    public func make() throws -> CachingCredential {
        CachingCredential(ChainedTokenCredential(try steps()))
    }
}
