import ARMClient
import ARMEmulator
import ARMModels
import Foundation

/// Everything a command needs to talk to ARM: the client, and the in-process emulator when `--demo` runs one.
final class Session: Sendable {
    let client: ARMClient
    let emulator: EmulatorServer?

    private init(client: ARMClient, emulator: EmulatorServer?) {
        self.client = client
        self.emulator = emulator
    }

    /// Known clouds: ARM endpoint and token audience.
    static let clouds: [String: (endpoint: String, audience: String)] = [
        "azurecloud": ("https://management.azure.com", "https://management.azure.com"),
        "azureusgovernment": ("https://management.usgovcloudapi.net", "https://management.core.usgovcloudapi.net/"),
        "azurechinacloud": ("https://management.chinacloudapi.cn", "https://management.core.chinacloudapi.cn/"),
    ]

    /// Opens a session for the options: starts the demo emulator or resolves endpoint and credential.
    static func open(_ options: SelectionOptions, scenarioClock: Bool) async throws -> Session {
        var emulator: EmulatorServer?
        var endpointText: String
        var audience: String
        var credential: any TokenCredential
        let environment = ProcessInfo.processInfo.environment
        if options.demo {
            let server = try await EmulatorServer.start(store: try WorldStore.demo())
            if scenarioClock { server.runScenarioClock() }
            emulator = server
            endpointText = server.url
            audience = ARMClientConfiguration.publicCloudEndpoint
            credential = StaticTokenCredential(token: "peerscope-demo")
        } else {
            let cloudName = (options.cloud ?? "AzureCloud").lowercased()
            guard let cloud = clouds[cloudName] else {
                throw CommandFailure("--cloud must be AzureCloud, AzureUSGovernment or AzureChinaCloud; got '\(options.cloud ?? "")'")
            }
            endpointText = options.endpoint ?? cloud.endpoint
            audience = cloud.audience
            credential = StaticTokenCredential.fromEnvironment(environment) ?? AzureCLICredential(environment: environment)
        }
        let endpoint: ARMEndpoint
        do { endpoint = try ARMEndpoint(endpointText) } catch { throw CommandFailure(error.message) }
        var configuration = ARMClientConfiguration(endpoint: endpoint, audience: audience)
        if let version = options.apiVersion { configuration.networkAPIVersion = version }
        return Session(client: ARMClient(configuration: configuration, credential: credential), emulator: emulator)
    }

    /// Closes the client and stops the emulator.
    func close() async {
        await client.shutdown()
        await emulator?.stop()
    }
}
