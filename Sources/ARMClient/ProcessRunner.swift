import Foundation

/// Runs a program without a shell and collects its output, with a time limit.
enum ProcessRunner {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    /// Runs `path` with `arguments`, killing it when `timeout` passes.
    ///
    /// The blocking work happens on a thread of its own: not on the cooperative pool
    /// (two threads on a two-core machine), nor on a Dispatch worker, which on Linux
    /// the pool is built on.
    static func run(_ path: String, arguments: [String], environment: [String: String], timeout: Duration) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                // A file just written can be briefly busy (ETXTBSY) while another thread forks: try a few times.
                var attempt = 0
                var started: (Process, Pipe, Pipe)?
                var lastError: (any Error)?
                while started == nil, attempt < 5 {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: path)
                    process.arguments = arguments
                    process.environment = environment
                    let out = Pipe()
                    let err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = FileHandle.nullDevice
                    do {
                        try process.run()
                        started = (process, out, err)
                    } catch {
                        lastError = error
                        attempt += 1
                        usleep(useconds_t(20_000 * attempt))
                    }
                }
                guard let (process, out, err) = started else {
                    continuation.resume(throwing: ARMError.credentialUnavailable("could not start \(path): \(lastError?.localizedDescription ?? "unknown error")"))
                    return
                }
                let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
                let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
                DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
                let group = DispatchGroup()
                nonisolated(unsafe) var stdout = Data()
                nonisolated(unsafe) var stderr = Data()
                group.enter()
                Thread {
                    stdout = readAll(out.fileHandleForReading.fileDescriptor)
                    group.leave()
                }.start()
                stderr = readAll(err.fileHandleForReading.fileDescriptor)
                group.wait()
                process.waitUntilExit()
                let timedOut = timer.isCancelled == false && process.terminationReason == .uncaughtSignal
                timer.cancel()
                continuation.resume(returning: Result(status: process.terminationStatus, stdout: stdout, stderr: stderr, timedOut: timedOut))
            }.start()
        }
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
