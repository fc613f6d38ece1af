import Foundation
import Testing

/// Runs the real `peerscope` binary, built next to the test bundle.
///
/// PEERSCOPE_TEST_BINARY names another build to test instead, such as the static release
/// executable (`.build/release/peerscope`).
enum BinaryRunner {
    static var path: String {
        if let other = ProcessInfo.processInfo.environment["PEERSCOPE_TEST_BINARY"], !other.isEmpty {
            return other.hasPrefix("/") ? other : FileManager.default.currentDirectoryPath + "/" + other
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [bundle.appendingPathComponent("peerscope").path]
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug/peerscope").path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    struct Output: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary on a thread of its own: blocking a Dispatch worker would starve the
    /// cooperative pool (on Linux it is built on the same workers) that in-process emulators need.
    static func runAsync(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                continuation.resume(with: Result { try run(arguments, environment: extra) })
            }.start()
        }
    }

    /// Runs the binary with `arguments` and an environment without Azure credentials.
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AZURE_") && !$0.key.hasPrefix("IDENTITY_") }
        environment["PEERSCOPE_ACCESS_TOKEN"] = nil
        // Never let a test reach the real instance metadata address: point it at a closed loopback port.
        environment["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = "http://127.0.0.1:9"
        environment["AZURE_CONFIG_DIR"] = "/nonexistent-peerscope-test"
        // Sign-in goes to a closed loopback port unless a test points it at its emulator.
        environment["AZURE_AUTHORITY_HOST"] = "http://127.0.0.1:9"
        environment["PATH"] = "/usr/bin:/bin"
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A hung binary must fail its test, not hang the suite.
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel() }
        let group = DispatchGroup()
        nonisolated(unsafe) var stdout = Data()
        group.enter()
        Thread {
            stdout = readAll(out.fileHandleForReading.fileDescriptor)
            group.leave()
        }.start()
        let stderr = readAll(err.fileHandleForReading.fileDescriptor)
        group.wait()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Reads a file descriptor to its end, retrying reads a signal interrupted.
func readAll(_ fd: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 16384)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n > 0 {
            data.append(contentsOf: buffer[0..<n])
        } else if n < 0, errno == EINTR {
            continue
        } else {
            return data
        }
    }
}
