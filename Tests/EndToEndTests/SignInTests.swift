import ARMEmulator
import Foundation
import Testing

/// Sign-in as a user meets it: the real binary against the emulator playing Entra ID.
@Suite struct SignInTests {
    let vnet = ["--subscription", "00000000-0000-0000-0000-000000000000", "-g", "peerTest", "--vnet-name", "vnet1", "-o", "tsv"]

    func emulator(_ configure: (inout EntraState) -> Void = { _ in }) async throws -> EmulatorServer {
        let store = try WorldStore.demo()
        store.configureEntra(configure)
        return try await EmulatorServer.start(store: store)
    }

    @Test func clientSecretFromTheEnvironment() async throws {
        let server = try await emulator { $0.secrets["app-1"] = "s3cret"; $0.strict = true }
        let output = try await BinaryRunner.runAsync(
            ["list", "--endpoint", server.url] + vnet,
            environment: ["AZURE_AUTHORITY_HOST": server.url, "AZURE_TENANT_ID": "t1", "AZURE_CLIENT_ID": "app-1", "AZURE_CLIENT_SECRET": "s3cret"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").count == 2)
        #expect(!output.stderr.contains("s3cret"))
        await server.stop()
    }

    @Test func aFakeAzureCLIOnPath() async throws {
        let server = try await emulator()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-az-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let az = dir.appendingPathComponent("az")
        try writeExecutable(az.path, "#!/bin/sh\necho '{\"accessToken\":\"cli-token\",\"expires_on\":4102444800}'\n")
        let ok = try await BinaryRunner.runAsync(["list", "--auth", "cli", "--endpoint", server.url] + vnet, environment: ["PATH": "\(dir.path):/usr/bin:/bin"])
        #expect(ok.status == 0, "\(ok.stderr)")
        try FileManager.default.removeItem(at: az)
        try writeExecutable(az.path, "#!/bin/sh\necho \"ERROR: Please run 'az login' to setup account.\" >&2\nexit 1\n")
        let notLoggedIn = try await BinaryRunner.runAsync(["list", "--auth", "cli", "--endpoint", server.url] + vnet, environment: ["PATH": "\(dir.path):/usr/bin:/bin"])
        #expect(notLoggedIn.status == 1)
        #expect(notLoggedIn.stderr.contains("Please run 'az login'"), "\(notLoggedIn.stderr)")
        await server.stop()
    }

    @Test func noCredentialListsEveryStepInOneLine() async throws {
        let server = try await emulator()
        let output = try await BinaryRunner.runAsync(["list", "--endpoint", server.url] + vnet, environment: ["AZURE_AUTHORITY_HOST": server.url])
        #expect(output.status == 1)
        #expect(output.stderr.split(separator: "\n").count == 1)
        for name in ["EnvironmentCredential", "WorkloadIdentityCredential", "ManagedIdentityCredential", "AzureCliCredential", "DeviceCodeCredential"] {
            #expect(output.stderr.contains(name), "\(name) missing: \(output.stderr)")
        }
        #expect(server.store.requests.filter { !$0.path.contains("metadata") }.isEmpty)
        await server.stop()
    }

    @Test func deviceCodeForListPromptsOnStderr() async throws {
        let server = try await emulator { $0.deviceCodeInterval = 1 }
        let store = server.store
        let approver = Task {
            for _ in 0..<200 {
                if let code = store.pendingUserCodes.first {
                    store.resolveDeviceCode(userCode: code, approve: true)
                    return code
                }
                try await Task.sleep(for: .milliseconds(50))
            }
            return ""
        }
        let output = try await BinaryRunner.runAsync(["list", "--auth", "device-code", "--endpoint", server.url] + vnet, environment: ["AZURE_AUTHORITY_HOST": server.url])
        let code = try await approver.value
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!code.isEmpty && output.stderr.contains(code))
        #expect(output.stderr.contains("/devicelogin"))
        await server.stop()
    }
}

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct DeviceCodeBrowserTests {
    @Test func theCodeAppearsInTheBrowserAndPeeringsFollowApproval() async throws {
        let store = try WorldStore.demo()
        store.configureEntra { $0.deviceCodeInterval = 1; $0.strict = true }
        let server = try await EmulatorServer.start(store: store)
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(
            "AZURE_POD_IDENTITY_AUTHORITY_HOST=http://127.0.0.1:9 AZURE_AUTHORITY_HOST=\(server.url) \(BinaryRunner.path) --auth device-code --endpoint \(server.url) --subscription 00000000-0000-0000-0000-000000000000 -g peerTest --vnet-name vnet1; echo EXIT=$?; sleep 30")
        var screen = try await tmux.wait("the sign-in code") { $0.contains("Sign-in needed") && $0.contains("enter the code") }
        let code = try #require(store.pendingUserCodes.first)
        #expect(screen.contains(code))
        store.resolveDeviceCode(userCode: code, approve: true)
        screen = try await tmux.wait("peerings after approval") { $0.contains("2 peerings") && !$0.contains("Sign-in needed") }
        #expect(screen.contains("as device code sign-in"))
        try tmux.keys("q")
        _ = try await tmux.wait("exit") { $0.contains("EXIT=0") }
        await server.stop()
    }
}

/// Writes an executable script with close-on-exec, so no concurrently forked process (a tmux server) keeps it busy.
func writeExecutable(_ path: String, _ contents: String) throws {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
    guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
    let bytes = Array(contents.utf8)
    _ = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress, $0.count) }
    close(fd)
    chmod(path, 0o755)
}
