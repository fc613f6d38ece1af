import ARMClient
import ARMEmulator
import Foundation
import Synchronization

/// An ARM client wired to an emulator on loopback, with a recording sleep instead of real waits.
final class ClientHarness: Sendable {
    let server: EmulatorServer
    let client: ARMClient
    let sleeps = SleepRecorder()

    init(store: WorldStore? = nil, now: @escaping @Sendable () -> Date = { Date() }) async throws {
        server = try await EmulatorServer.start(store: try store ?? WorldStore.demo())
        let configuration = ARMClientConfiguration(endpoint: try ARMEndpoint(server.url))
        let sleeps = self.sleeps
        client = ARMClient(
            configuration: configuration, credential: StaticTokenCredential(token: "test-token"),
            sleep: { duration in sleeps.value.withLock { $0.append(duration) } }, random: { 0.5 }, now: now)
    }

    var recordedSleeps: [Duration] { sleeps.value.withLock { $0 } }

    func close() async {
        await client.shutdown()
        await server.stop()
    }
}

let sampleSub = "00000000-0000-0000-0000-000000000000"

/// Collects the delays the client asked to sleep.
final class SleepRecorder: Sendable {
    let value = Mutex<[Duration]>([])
}
