import ARMEmulator
import ArgumentParser
import Foundation

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
            FileHandle.standardError.write(Data("peerscope: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if strictAuth { store.configureEntra { $0.strict = true } }
        let host = self.host, port = self.port
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
        let server: EmulatorServer
        do {
            server = try runBlocking {
                try await EmulatorServer.start(store: store, host: host, port: port) { line in
                    FileHandle.standardError.write(Data("\(line)\n".utf8))
                }
            }
        } catch {
            FileHandle.standardError.write(Data("peerscope: \(error)\n".utf8))
            throw ExitCode(1)
        }
        server.runScenarioClock { changes in
            for change in changes { FileHandle.standardError.write(Data("scenario: \(change)\n".utf8)) }
        }
        FileHandle.standardOutput.write(Data("listening on \(server.url)\n".utf8))
        stop.wait()
        _ = try? runBlocking { await server.stop() }
        sources.forEach { $0.cancel() }
    }
}
