import ARMClient
import ARMEmulator
import ARMModels
import Crypto
import Foundation
import SwiftASN1
import Synchronization
import Testing
import X509
import _CryptoExtras

/// A loopback emulator playing Entra ID, and the environment that points credentials at it.
struct EntraHarness {
    let server: EmulatorServer
    var store: WorldStore { server.store }

    static func start(_ configure: (inout EntraState) -> Void = { _ in }) async throws -> EntraHarness {
        let store = try WorldStore.demo()
        store.configureEntra(configure)
        return EntraHarness(server: try await EmulatorServer.start(store: store))
    }

    /// An environment with no real endpoints in it: managed identity goes to the emulator, the CLI is absent.
    var environment: [String: String] {
        ["AZURE_POD_IDENTITY_AUTHORITY_HOST": server.url, "PATH": "/nonexistent", "AZURE_CONFIG_DIR": "/nonexistent"]
    }
}

/// A self-signed certificate and its RSA key as one PEM file.
func makeCertificatePEM() throws -> (path: String, certificatePEM: String) {
    let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
    let name = try DistinguishedName { CommonName("peerscope-test") }
    let now = Date()
    let certificate = try Certificate(
        version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
        notValidBefore: now.addingTimeInterval(-60), notValidAfter: now.addingTimeInterval(3600), issuer: name, subject: name,
        signatureAlgorithm: .sha256WithRSAEncryption, extensions: Certificate.Extensions(), issuerPrivateKey: Certificate.PrivateKey(key))
    let certificatePEM = try certificate.serializeAsPEM().pemString
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-cert-\(UUID().uuidString).pem").path
    try (certificatePEM + "\n" + key.pemRepresentation + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    return (path, certificatePEM)
}

let arm = AzureCloud.public_.audience

@Suite struct EnvironmentCredentialTests {
    @Test func clientSecretSignsInAndAWrongSecretIsRefusedWithoutEchoingIt() async throws {
        let entra = try await EntraHarness.start { $0.secrets["app-1"] = "right-secret" }
        let good = ClientSecretCredential(tenantID: "t1", clientID: "app-1", secret: "right-secret", authorityHost: entra.server.url)
        let token = try await good.token(for: arm)
        #expect(token.token.hasPrefix("emu-at-"))
        #expect(token.expiresOn.timeIntervalSinceNow > 3000)
        let bad = ClientSecretCredential(tenantID: "t1", clientID: "app-1", secret: "wrong-secret", authorityHost: entra.server.url)
        await #expect { _ = try await bad.token(for: arm) } throws: {
            let error = $0 as? ARMError
            return error?.kind == .authenticationFailed && error?.message.contains("Invalid client secret") == true && error?.description.contains("wrong-secret") == false
        }
        #expect(entra.store.entra.log.allSatisfy { !$0.contains("secret") })
        await entra.server.stop()
    }

    @Test func certificateAssertionIsVerifiedAgainstTheRegisteredCertificate() async throws {
        let (path, pem) = try makeCertificatePEM()
        let (_, otherPEM) = try makeCertificatePEM()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let entra = try await EntraHarness.start { $0.certificates["app-cert"] = pem }
        let credential = try ClientCertificateCredential(tenantID: "t1", clientID: "app-cert", pemPath: path, authorityHost: entra.server.url)
        #expect(try await credential.token(for: arm).token.hasPrefix("emu-at-"))
        entra.store.configureEntra { $0.certificates["app-cert"] = otherPEM }
        await #expect { _ = try await credential.token(for: arm) } throws: { ($0 as? ARMError)?.message.contains("signature") == true }
        await entra.server.stop()
    }

    @Test func unreadableCertificateFilesAreNamedNotQuoted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-bad-\(UUID().uuidString).pem").path
        try "-----BEGIN CERTIFICATE-----\nnot base64 secret-material\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect { _ = try ClientCertificateCredential(tenantID: "t", clientID: "c", pemPath: path, authorityHost: "https://login.microsoftonline.com") } throws: {
            let message = ($0 as? ARMError)?.message ?? ""
            return message.contains(path) && !message.contains("secret-material")
        }
        #expect { _ = try ClientCertificateCredential(tenantID: "t", clientID: "c", pemPath: "/nonexistent/x.pem", authorityHost: "https://x") } throws: {
            ($0 as? ARMError)?.message.contains("AZURE_CLIENT_CERTIFICATE_PATH") == true
        }
    }

    @Test func secretsGoOnlyOverHTTPSOrToLoopback() async {
        let credential = ClientSecretCredential(tenantID: "t", clientID: "c", secret: "s", authorityHost: "http://login.example.com")
        await #expect { _ = try await credential.token(for: arm) } throws: { ($0 as? ARMError)?.message.contains("must use https") == true }
    }
}

@Suite struct WorkloadAndManagedIdentityTests {
    @Test func workloadIdentityRereadsTheTokenFileWhenItChanges() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-fed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "federated-1".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000)], ofItemAtPath: file)
        let entra = try await EntraHarness.start { $0.federatedTokens["wl-app"] = "federated-1" }
        let credential = WorkloadIdentityCredential(tenantID: "t1", clientID: "wl-app", tokenFile: file, authorityHost: entra.server.url)
        #expect(try await credential.token(for: arm).token.hasPrefix("emu-at-"))
        try "federated-2".write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 2_000)], ofItemAtPath: file)
        entra.store.configureEntra { $0.federatedTokens["wl-app"] = "federated-2" }
        #expect(try await credential.token(for: arm).token.hasPrefix("emu-at-"))
        await entra.server.stop()
    }

    @Test func instanceMetadataStyleThroughTheOverriddenHost() async throws {
        let entra = try await EntraHarness.start()
        let credential = ManagedIdentityCredential(environment: entra.environment, probeTimeout: .seconds(10))
        #expect(try await credential.token(for: arm).token.hasPrefix("emu-at-"))
        entra.store.configureEntra { $0.managedIdentity = false }
        await #expect { _ = try await credential.token(for: arm) } throws: { ($0 as? ARMError)?.kind == .credentialUnavailable }
        await entra.server.stop()
    }

    @Test func appServiceStyleSendsItsHeader() async throws {
        let entra = try await EntraHarness.start()
        var environment = entra.environment
        environment["IDENTITY_ENDPOINT"] = entra.server.url + "/msi/token"
        environment["IDENTITY_HEADER"] = "emulator-identity-header"
        #expect(try await ManagedIdentityCredential(environment: environment).token(for: arm).token.hasPrefix("emu-at-"))
        environment["IDENTITY_HEADER"] = "wrong"
        await #expect(throws: ARMError.self) { _ = try await ManagedIdentityCredential(environment: environment).token(for: arm) }
        await entra.server.stop()
    }

    @Test func noMetadataServiceMeansUnavailable() async throws {
        let credential = ManagedIdentityCredential(environment: ["AZURE_POD_IDENTITY_AUTHORITY_HOST": "http://127.0.0.1:9"], probeTimeout: .milliseconds(500))
        await #expect { _ = try await credential.token(for: arm) } throws: { ($0 as? ARMError)?.kind == .credentialUnavailable }
        #expect(ManagedIdentityCredential(environment: [:]).requestURL(for: arm).hasPrefix("http://169.254.169.254/metadata/identity/oauth2/token?api-version=2018-02-01"))
    }
}

@Suite struct DeviceCodeTests {
    final class Recorder: Sendable {
        let sleeps = Mutex<[Duration]>([])
        let prompts = Mutex<[DeviceCodePrompt]>([])
    }

    @Test func pendingThenApprovedAndRenewedWithTheRefreshToken() async throws {
        let entra = try await EntraHarness.start()
        let recorder = Recorder()
        let store = entra.store
        let credential = DeviceCodeCredential(
            tenantID: "organizations", authorityHost: entra.server.url,
            prompt: { prompt in recorder.prompts.withLock { $0.append(prompt) } },
            sleep: { duration in
                let n = recorder.sleeps.withLock { $0.append(duration); return $0.count }
                if n == 2, let code = store.pendingUserCodes.first { store.resolveDeviceCode(userCode: code, approve: true) }
            })
        let token = try await credential.token(for: arm)
        #expect(token.token.hasPrefix("emu-at-"))
        #expect(recorder.prompts.withLock { $0.count } == 1)
        #expect(recorder.prompts.withLock { $0[0].verificationURI } == entra.server.url + "/devicelogin")
        #expect(recorder.sleeps.withLock { $0.count } == 2)
        #expect(store.entra.log.filter { $0.contains("device_code") }.count == 2)
        // A second sign-in uses the refresh token: no new prompt.
        _ = try await credential.token(for: arm)
        #expect(recorder.prompts.withLock { $0.count } == 1)
        #expect(store.entra.log.last == "token grant=refresh_token client=\(DeviceCodeCredential.azureCLIClientID)")
        await entra.server.stop()
    }

    @Test func slowDownLengthensThePollInterval() async throws {
        let entra = try await EntraHarness.start { $0.slowDownPolls = 1 }
        let recorder = Recorder()
        let store = entra.store
        let credential = DeviceCodeCredential(
            tenantID: "organizations", authorityHost: entra.server.url,
            prompt: { prompt in store.resolveDeviceCode(userCode: prompt.userCode, approve: true) },
            sleep: { duration in recorder.sleeps.withLock { $0.append(duration) } })
        _ = try await credential.token(for: arm)
        #expect(recorder.sleeps.withLock { $0 } == [.seconds(5), .seconds(10)])
        await entra.server.stop()
    }

    @Test func declinedAndExpiredStopWithAClearMessage() async throws {
        let entra = try await EntraHarness.start()
        let store = entra.store
        let declined = DeviceCodeCredential(
            tenantID: "organizations", authorityHost: entra.server.url,
            prompt: { prompt in store.resolveDeviceCode(userCode: prompt.userCode, approve: false) }, sleep: { _ in })
        await #expect { _ = try await declined.token(for: arm) } throws: { ($0 as? ARMError)?.message.contains("declined") == true }
        let expired = DeviceCodeCredential(
            tenantID: "organizations", authorityHost: entra.server.url, prompt: { _ in }, sleep: { _ in store.advance(by: .seconds(1000)) })
        await #expect { _ = try await expired.token(for: arm) } throws: { ($0 as? ARMError)?.message.contains("expired before it was used") == true }
        await entra.server.stop()
    }
}

@Suite struct ChainTests {
    @Test func everyFailureIsListedInOrderWithWhatToDo() async throws {
        let factory = CredentialFactory(
            environment: ["AZURE_POD_IDENTITY_AUTHORITY_HOST": "http://127.0.0.1:9", "PATH": "/nonexistent"],
            authorityHost: "http://127.0.0.1:9", tenant: "organizations", interactive: false, devicePrompt: { _ in })
        let chain = try factory.make()
        await #expect { _ = try await chain.token(for: arm) } throws: { error in
            let message = (error as? ARMError)?.message ?? ""
            let names = ["EnvironmentCredential", "WorkloadIdentityCredential", "ManagedIdentityCredential", "AzureCliCredential", "DeviceCodeCredential"]
            let positions = names.compactMap { message.range(of: $0)?.lowerBound }
            return positions.count == 5 && positions == positions.sorted() && message.contains("az login") && message.contains("--auth device-code")
        }
    }

    @Test func theFirstWorkingStepWinsAndIsKept() async throws {
        let entra = try await EntraHarness.start { $0.secrets["app-1"] = "s" }
        var environment = entra.environment
        environment["AZURE_TENANT_ID"] = "t1"
        environment["AZURE_CLIENT_ID"] = "app-1"
        environment["AZURE_CLIENT_SECRET"] = "s"
        let chain = ChainedTokenCredential(try CredentialFactory(
            environment: environment, authorityHost: entra.server.url, tenant: "t1", interactive: false, devicePrompt: { _ in }).steps())
        _ = try await chain.token(for: arm)
        _ = try await chain.token(for: arm)
        #expect(chain.identity == "service principal app-1 (tenant t1)")
        #expect(entra.store.entra.log == ["token grant=client_credentials client=app-1", "token grant=client_credentials client=app-1"])
        await entra.server.stop()
    }

    @Test func authModeAndTokenCredentialsNarrowTheChain() throws {
        func names(_ mode: AuthMode, _ env: [String: String] = [:]) throws -> [String] {
            try CredentialFactory(mode: mode, environment: env, authorityHost: "https://login.microsoftonline.com", tenant: "t", interactive: true, devicePrompt: { _ in })
                .steps().map(\.name)
        }
        #expect(try names(.auto).count == 5)
        #expect(try names(.cli) == ["AzureCliCredential"])
        #expect(try names(.deviceCode) == ["DeviceCodeCredential"])
        #expect(try names(.auto, ["AZURE_TOKEN_CREDENTIALS": "prod"]) == ["EnvironmentCredential", "WorkloadIdentityCredential", "ManagedIdentityCredential"])
        #expect(try names(.auto, ["AZURE_TOKEN_CREDENTIALS": "dev"]) == ["AzureCliCredential", "DeviceCodeCredential"])
        #expect(try names(.auto, ["AZURE_TOKEN_CREDENTIALS": "ManagedIdentityCredential"]) == ["ManagedIdentityCredential"])
        #expect(throws: ARMError.self) { try names(.auto, ["AZURE_TOKEN_CREDENTIALS": "bogus"]) }
    }
}

@Suite struct RenewalAndStrictAuthTests {
    @Test func tokensAreRenewedFiveMinutesBeforeExpiry() async throws {
        let entra = try await EntraHarness.start { $0.secrets["app-1"] = "s"; $0.tokenLifetime = .seconds(600) }
        let clock = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        let now: @Sendable () -> Date = { clock.withLock { $0 } }
        let credential = CachingCredential(ClientSecretCredential(tenantID: "t", clientID: "app-1", secret: "s", authorityHost: entra.server.url, now: now), now: now)
        let first = try await credential.token(for: arm)
        clock.withLock { $0 += 250 }
        #expect(try await credential.token(for: arm).token == first.token)
        clock.withLock { $0 += 60 }
        #expect(try await credential.token(for: arm).token != first.token)
        #expect(entra.store.entra.log.count == 2)
        await entra.server.stop()
    }

    @Test func strictEmulatorRejectsAnExpiredTokenAndTheClientRenewsOnce() async throws {
        let entra = try await EntraHarness.start { $0.secrets["app-1"] = "s"; $0.strict = true; $0.tokenLifetime = .seconds(600) }
        let credential = CachingCredential(ClientSecretCredential(tenantID: "t", clientID: "app-1", secret: "s", authorityHost: entra.server.url))
        let client = ARMClient(configuration: ARMClientConfiguration(endpoint: try ARMEndpoint(entra.server.url)), credential: credential, sleep: { _ in })
        let list = { try await client.peerings(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet1").collect() }
        #expect(try await list().count == 2)
        entra.store.advance(by: .seconds(601))
        #expect(try await list().count == 2)
        #expect(entra.store.requests.filter { !$0.path.contains("oauth2") }.map(\.status) == [200, 401, 200])
        let anyToken = ARMClient(configuration: ARMClientConfiguration(endpoint: try ARMEndpoint(entra.server.url)), credential: StaticTokenCredential(token: "made-up"), sleep: { _ in })
        await #expect { _ = try await anyToken.peerings(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet1").collect() } throws: {
            ($0 as? ARMError)?.kind == .unauthenticated
        }
        await entra.server.stop()
    }

    @Test func theUSGovernmentAudienceIsRequested() async throws {
        let entra = try await EntraHarness.start { $0.secrets["app-1"] = "s" }
        let credential = ClientSecretCredential(tenantID: "t", clientID: "app-1", secret: "s", authorityHost: entra.server.url)
        _ = try await credential.token(for: AzureCloud.usGovernment.audience)
        #expect(entra.store.issuedAudiences == ["https://management.core.usgovcloudapi.net"])
        #expect(AzureCloud.scope(for: AzureCloud.usGovernment.audience) == "https://management.core.usgovcloudapi.net/.default")
        #expect(AzureCloud.usGovernment.armEndpoint == "https://management.usgovcloudapi.net")
        await entra.server.stop()
    }
}

@Suite struct CLIProfileTests {
    @Test func readsTheDefaultSubscriptionFromAProfileWithABOM() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-azcfg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let json = #"{"installationId":"x","subscriptions":[{"id":"11111111-1111-1111-1111-111111111111","name":"Dev","tenantId":"aaaa","isDefault":false},{"id":"22222222-2222-2222-2222-222222222222","name":"Prod","tenantId":"bbbb","isDefault":true,"environmentName":"AzureCloud"}]}"#
        try (Data([0xEF, 0xBB, 0xBF]) + Data(json.utf8)).write(to: dir.appendingPathComponent("azureProfile.json"))
        let profile = try #require(AzureCLIProfile.load(environment: ["AZURE_CONFIG_DIR": dir.path]))
        #expect(profile.defaultSubscription?.id == "22222222-2222-2222-2222-222222222222")
        #expect(profile.tenant(of: "11111111-1111-1111-1111-111111111111") == "aaaa")
        #expect(AzureCLIProfile.load(environment: ["AZURE_CONFIG_DIR": "/nonexistent"]) == nil)
    }
}
