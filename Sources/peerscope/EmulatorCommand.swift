import ARMEmulator
import ArgumentParser
import FoundationEssentials
import TerminalUI

/// `peerscope emulator`: a local ARM for demos, tests and modelling your own network.
struct EmulatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulator", abstract: "Run a local ARM emulator; its first line of output is 'listening on http://HOST:PORT'.")

    @Option(help: "Address to listen on (loopback only).")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port = 0

    @Option(help: "A world file (JSON) to serve instead of the built-in sample + demo network.")
    var world: String?

    @Option(name: .customLong("page-size"), help: "Items per list page.")
    var pageSize = 100

    @Flag(name: .customLong("strict-auth"), help: "ARM routes accept only tokens this emulator issued and that have not expired.")
    var strictAuth = false

    func validate() throws {
        guard host == "localhost" || host == "::1" || host.hasPrefix("127.") else {
            throw ValidationError("--host must be a loopback address (127.0.0.1, ::1 or localhost): the emulator accepts any token")
        }
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0–65535") }
        guard pageSize >= 1 else { throw ValidationError("--page-size must be at least 1") }
    }

    func run() throws {
        let store: WorldStore
        do {
            if let world {
                store = WorldStore(world: try WorldFile.load(path: world), settings: EmulatorSettings(pageSize: pageSize))
            } else {
                store = try WorldStore.demo(pageSize: pageSize)
            }
        } catch {
            StandardStreams.writeError("peerscope: \(error)\n")
            throw ExitCode(1)
        }
        if strictAuth { store.configureEntra { $0.strict = true } }
        let host = self.host, port = self.port
        let signals = TerminationSignals()
        let server: EmulatorServer
        do {
            server = try runBlocking {
                try await EmulatorServer.start(store: store, host: host, port: port) { line in
                    StandardStreams.writeError("\(line)\n")
                }
            }
        } catch {
            StandardStreams.writeError("peerscope: \(error)\n")
            throw ExitCode(1)
        }
        server.runScenarioClock { changes in
            for change in changes { StandardStreams.writeError("scenario: \(change)\n") }
        }
        StandardStreams.writeOutput("listening on \(server.url)\n")
        signals.wait()
        _ = try? runBlocking { await server.stop() }
        signals.cancel()
    }
}
