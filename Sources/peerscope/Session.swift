import ARMClient
import ARMEmulator
import ARMModels
import FoundationEssentials
import TerminalUI
import Synchronization

/// Everything a command needs to talk to ARM: the client, and the in-process emulator when `--demo` runs one.
final class Session: Sendable {
    let client: ARMClient
    let emulator: EmulatorServer?
    let credential: any TokenCredential
    /// Where device code prompts go: stderr until the browser takes them over.
    let prompts: PromptRelay

    private init(client: ARMClient, emulator: EmulatorServer?, credential: any TokenCredential, prompts: PromptRelay) {
        self.client = client
        self.emulator = emulator
        self.credential = credential
        self.prompts = prompts
    }

    /// Opens a session for the options: starts the demo emulator or resolves cloud, endpoint and credential.
    static func open(_ options: SelectionOptions, scenarioClock: Bool, subscriptionHint: String? = nil) async throws -> Session {
        let environment = ProcessInfo.processInfo.environment
        let prompts = PromptRelay()
        if options.demo {
            let server = try await EmulatorServer.start(store: try WorldStore.demo())
            if scenarioClock { server.runScenarioClock() }
            let credential = StaticTokenCredential(token: "peerscope-demo", identity: "demo (built-in emulator)")
            let configuration = ARMClientConfiguration(endpoint: try endpoint(server.url), audience: AzureCloud.public_.audience)
            return Session(client: ARMClient(configuration: configuration, credential: credential), emulator: server, credential: credential, prompts: prompts)
        }
        guard let cloud = AzureCloud.named(options.cloud ?? "AzureCloud") else {
            throw CommandFailure("--cloud must be AzureCloud, AzureUSGovernment or AzureChinaCloud; got '\(options.cloud ?? "")'")
        }
        var configuration = ARMClientConfiguration(endpoint: try endpoint(options.endpoint ?? cloud.armEndpoint), audience: cloud.audience)
        if let version = options.apiVersion { configuration.networkAPIVersion = version }
        if let timeout = options.timeout {
            guard timeout.isFinite, timeout > 0, timeout <= 600 else { throw CommandFailure("--timeout must be a number of seconds from 0 to 600; got \(timeout)") }
            configuration.retry.perTryTimeout = .milliseconds(Int64(timeout * 1000))
        }
        let credential: any TokenCredential
        if let token = StaticTokenCredential.fromEnvironment(environment), options.auth == .auto {
            credential = token
        } else {
            let profile = AzureCLIProfile.load(environment: environment)
            let subscription = subscriptionHint ?? environment["AZURE_SUBSCRIPTION_ID"] ?? profile?.defaultSubscription?.id
            let tenant = environment["AZURE_TENANT_ID"].flatMap { $0.isEmpty ? nil : $0 }
                ?? subscription.flatMap { profile?.tenant(of: $0) } ?? "organizations"
            var factory = CredentialFactory(
                mode: options.auth, environment: environment, authorityHost: cloud.authorityHost, tenant: tenant,
                interactive: StandardStreams.inputIsTerminal, devicePrompt: { prompts.send($0) })
            factory.localOffset = { LocalTime.secondsFromGMT(at: $0) }
            do { credential = try factory.make() } catch let error as ARMError { throw CommandFailure(error.message) }
        }
        return Session(client: ARMClient(configuration: configuration, credential: credential), emulator: nil, credential: credential, prompts: prompts)
    }

    private static func endpoint(_ text: String) throws -> ARMEndpoint {
        do { return try ARMEndpoint(text) } catch { throw CommandFailure(error.message) }
    }

    /// The subscription the command should use: the option (an id, or a name looked up), AZURE_SUBSCRIPTION_ID, or the Azure CLI default.
    func resolveSubscription(_ given: String?) async throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let given, !given.isEmpty {
            if ARMNameRules.isUUID(given) { return given }
            let all = try await client.subscriptions().collect()
            let matches = all.filter { ($0.displayName ?? "").lowercased() == given.lowercased() }
            guard matches.count == 1, let id = matches[0].subscriptionId else {
                throw CommandFailure(
                    matches.isEmpty
                        ? "--subscription '\(given)' is neither a subscription id nor the name of a subscription the signed-in identity can see"
                        : "--subscription '\(given)' names \(matches.count) subscriptions; use the id")
            }
            return id
        }
        if let id = environment["AZURE_SUBSCRIPTION_ID"].flatMap({ $0.isEmpty ? nil : $0 }) { return id }
        if let id = AzureCLIProfile.load(environment: environment)?.defaultSubscription?.id { return id }
        throw CommandFailure("no subscription: pass --subscription, set AZURE_SUBSCRIPTION_ID, or choose a default with 'az account set'")
    }

    /// Closes the client and stops the emulator.
    func close() async {
        await client.shutdown()
        await emulator?.stop()
    }
}

/// Delivers device code prompts: to stderr by default, to the browser once it registers.
final class PromptRelay: Sendable {
    private let handler = Mutex<(@Sendable (DeviceCodePrompt) -> Void)?>(nil)

    func route(to handler: @escaping @Sendable (DeviceCodePrompt) -> Void) { self.handler.withLock { $0 = handler } }

    func send(_ prompt: DeviceCodePrompt) {
        if let handler = handler.withLock({ $0 }) {
            handler(prompt)
        } else {
            StandardStreams.writeError("peerscope: \(prompt.message)\n")
        }
    }
}
