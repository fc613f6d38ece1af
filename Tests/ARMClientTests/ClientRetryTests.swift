import ARMClient
import ARMEmulator
import ARMModels
import Foundation
import Synchronization
import Testing

@Suite struct ClientRetryTests {
    func list(_ harness: ClientHarness) async throws -> [VirtualNetworkPeering] {
        try await harness.client.peerings(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet1").collect()
    }

    @Test func retriesA429HonouringRetryAfterSeconds() async throws {
        let harness = try await ClientHarness()
        harness.server.store.addFault(Fault(kind: .status, status: 429, count: 1, retryAfter: "7"))
        #expect(try await list(harness).count == 2)
        #expect(harness.recordedSleeps == [.seconds(7)])
        let ids = harness.server.store.requests.map(\.clientRequestID)
        #expect(ids.count == 2 && ids[0] != nil && ids[0] == ids[1])
        await harness.close()
    }

    @Test func retries503WithExponentialBackoff() async throws {
        let harness = try await ClientHarness()
        harness.server.store.addFault(Fault(kind: .status, status: 503, count: 2))
        #expect(try await list(harness).count == 2)
        #expect(harness.recordedSleeps == [.milliseconds(800), .milliseconds(1600)])
        await harness.close()
    }

    @Test func givesUpAfterThreeRetries() async throws {
        let harness = try await ClientHarness()
        harness.server.store.addFault(Fault(kind: .status, status: 500))
        await #expect { _ = try await list(harness) } throws: {
            let error = $0 as? ARMError
            return error?.kind == .server && error?.httpStatus == 500 && error?.requestID != nil
        }
        #expect(harness.recordedSleeps.count == 3)
        #expect(harness.server.store.requests.count == 4)
        await harness.close()
    }

    @Test func retryAfterBeyondTheCapIsReturnedNotSlept() async throws {
        let harness = try await ClientHarness()
        harness.server.store.addFault(Fault(kind: .status, status: 429, retryAfter: "3600"))
        await #expect { _ = try await list(harness) } throws: {
            let error = $0 as? ARMError
            return error?.kind == .throttled && error?.retryAfter == .seconds(3600) && error?.message.contains("try again in 3600 s") == true
        }
        #expect(harness.recordedSleeps.isEmpty)
        await harness.close()
    }

    @Test func retriesDroppedConnectionsAndMalformedBodiesAreTypedErrors() async throws {
        let harness = try await ClientHarness()
        harness.server.store.addFault(Fault(kind: .drop, count: 1))
        #expect(try await list(harness).count == 2)
        #expect(harness.recordedSleeps.count == 1)
        harness.server.store.addFault(Fault(kind: .malformed, count: 1))
        await #expect { _ = try await list(harness) } throws: { ($0 as? ARMError)?.kind == .malformedResponse }
        await harness.close()
    }

    @Test func statusCodesBecomeSentences() async throws {
        let harness = try await ClientHarness()
        harness.server.store.addFault(Fault(kind: .status, status: 403, count: 1))
        await #expect { _ = try await list(harness) } throws: {
            ($0 as? ARMError)?.message.hasPrefix("the signed-in identity has no read access to virtual network vnet1 in resource group peerTest") == true
        }
        await #expect {
            _ = try await harness.client.peerings(subscriptionId: sampleSub, resourceGroup: "nope", virtualNetwork: "vnet1").collect()
        } throws: {
            let error = $0 as? ARMError
            return error?.kind == .notFound && error?.message == "resource group nope not found in subscription \(sampleSub)" && error?.armCode == "ResourceGroupNotFound"
        }
        await #expect {
            _ = try await harness.client.peerings(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet9").collect()
        } throws: { ($0 as? ARMError)?.message.hasPrefix("virtual network vnet9 in resource group peerTest (subscription \(sampleSub)) not found") == true }
        harness.server.store.addFault(Fault(kind: .status, status: 401, count: 2))
        await #expect { _ = try await list(harness) } throws: {
            let error = $0 as? ARMError
            return error?.kind == .unauthenticated && error?.message.contains("az login") == true && error?.description.contains("test-token") == false
        }
        await harness.close()
    }
}

@Suite struct RenewalTests {
    /// Counts tokens handed out and invalidations.
    final class CountingCredential: TokenCredential {
        let name = "counting"
        let counts = Mutex<(tokens: Int, invalidations: Int)>((0, 0))
        func token(for audience: String) async throws -> AccessToken {
            let n = counts.withLock { $0.tokens += 1; return $0.tokens }
            return AccessToken(token: "token-\(n)", expiresOn: .distantFuture)
        }
        func invalidate() async { counts.withLock { $0.invalidations += 1 } }
    }

    @Test func a401RenewsTheTokenAndRetriesOnce() async throws {
        let server = try await EmulatorServer.start(store: try WorldStore.demo())
        let credential = CountingCredential()
        let client = ARMClient(configuration: ARMClientConfiguration(endpoint: try ARMEndpoint(server.url)), credential: credential, sleep: { _ in })
        server.store.addFault(Fault(kind: .status, status: 401, count: 1))
        let peerings = try await client.peerings(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet1").collect()
        #expect(peerings.count == 2)
        #expect(credential.counts.withLock { $0 } == (2, 1))
        #expect(server.store.requests.map(\.status) == [401, 200])
        await server.stop()
    }
}

@Suite struct RetryPolicyTests {
    let policy = RetryPolicy()

    @Test func backoffTable() {
        #expect(policy.backoff(retry: 0, random: 0.5) == .milliseconds(800))
        #expect(policy.backoff(retry: 1, random: 0.5) == .milliseconds(1600))
        #expect(policy.backoff(retry: 2, random: 0.5) == .milliseconds(3200))
        #expect(policy.backoff(retry: 0, random: 0) == .milliseconds(640))
        #expect(policy.backoff(retry: 0, random: 1) == .milliseconds(960))
        #expect(policy.backoff(retry: 20, random: 1) == .seconds(60))
    }

    @Test func decisions() {
        #expect(policy.decide(status: 404, retriesDone: 0, retryAfter: nil, random: 0.5) == .giveUp)
        #expect(policy.decide(status: 408, retriesDone: 0, retryAfter: nil, random: 0.5) == .retry(after: .milliseconds(800)))
        #expect(policy.decide(status: 502, retriesDone: 3, retryAfter: nil, random: 0.5) == .giveUp)
        #expect(policy.decide(status: nil, retriesDone: 1, retryAfter: nil, random: 0.5) == .retry(after: .milliseconds(1600)))
        #expect(policy.decide(status: 429, retriesDone: 0, retryAfter: .seconds(61), random: 0.5) == .throttled(retryAfter: .seconds(61)))
    }

    @Test func retryAfterHeaders() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        #expect(RetryPolicy.retryAfter([("Retry-After", "5")], now: now) == .seconds(5))
        #expect(RetryPolicy.retryAfter([("retry-after-ms", "250"), ("Retry-After", "5")], now: now) == .milliseconds(250))
        #expect(RetryPolicy.retryAfter([("x-ms-retry-after-ms", "1500")], now: now) == .milliseconds(1500))
        #expect(RetryPolicy.retryAfter([("Retry-After", "Tue, 14 Nov 2023 22:13:40 GMT")], now: now) == .seconds(20))
        #expect(RetryPolicy.retryAfter([("Retry-After", "soon")], now: now) == nil)
        #expect(RetryPolicy.retryAfter([], now: now) == nil)
    }
}

@Suite struct AzureCLICredentialTests {
    func fakeAz(_ body: String) throws -> (String, String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-az-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let script = dir.appendingPathComponent("az")
        try writeExecutable(script.path, "#!/bin/sh\necho run >> \"\(dir.path)/calls\"\n\(body)\n")
        return (dir.path, dir.appendingPathComponent("calls").path)
    }

    @Test func readsExpiresOnAndCachesUntilFiveMinutesBefore() async throws {
        let expiry = Int(Date().timeIntervalSince1970) + 3600
        let (dir, calls) = try fakeAz(#"echo '{"accessToken":"tok","expires_on":\#(expiry),"expiresOn":"2000-01-01 00:00:00.000000"}'"#)
        let credential = CachingCredential(AzureCLICredential(environment: ["PATH": dir]))
        let first = try await credential.token(for: "https://management.azure.com")
        #expect(first.token == "tok")
        #expect(Int(first.expiresOn.timeIntervalSince1970) == expiry)
        _ = try await credential.token(for: "https://management.azure.com")
        #expect(try String(contentsOfFile: calls, encoding: .utf8).split(separator: "\n").count == 1)
        #expect(!first.description.contains("tok\""))
    }

    @Test func fallsBackToExpiresOnAndRenewsNearExpiry() async throws {
        let (dir, calls) = try fakeAz(#"echo '{"accessToken":"tok","expiresOn":"2000-01-01 00:00:00.000000"}'"#)
        let credential = CachingCredential(AzureCLICredential(environment: ["PATH": dir]))
        let token = try await credential.token(for: "aud")
        #expect(token.expiresOn < Date())
        _ = try await credential.token(for: "aud")
        #expect(try String(contentsOfFile: calls, encoding: .utf8).split(separator: "\n").count == 2)
    }

    @Test func failuresSaySomethingUseful() async throws {
        let (dir, _) = try fakeAz("echo 'ERROR: Please run az login to setup account.' >&2; exit 1")
        await #expect { _ = try await AzureCLICredential(environment: ["PATH": dir]).token(for: "aud") } throws: {
            ($0 as? ARMError)?.message.contains("Please run az login") == true
        }
        await #expect { _ = try await AzureCLICredential(environment: ["PATH": "/nonexistent"]).token(for: "aud") } throws: {
            ($0 as? ARMError)?.message.contains("not found on PATH") == true
        }
        let (slow, _) = try fakeAz("sleep 5")
        await #expect { _ = try await AzureCLICredential(environment: ["PATH": slow + ":/usr/bin:/bin"], timeout: .milliseconds(300)).token(for: "aud") } throws: {
            ($0 as? ARMError)?.message.contains("did not answer") == true
        }
    }

    @Test func environmentToken() {
        #expect(StaticTokenCredential.fromEnvironment(["PEERSCOPE_ACCESS_TOKEN": " "]) == nil)
        #expect(StaticTokenCredential.fromEnvironment([:]) == nil)
        #expect(StaticTokenCredential.fromEnvironment(["PEERSCOPE_ACCESS_TOKEN": "abc"]) != nil)
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
