import FoundationEssentials
import Subprocess
import SystemPackage

/// Runs a program without a shell and collects its output, with a time limit.
enum ProcessRunner {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
        var timedOut: Bool
    }

    /// The most output kept from either stream; a token answer is a few kilobytes.
    static let outputLimit = 1 << 20

    /// Runs `path` with `arguments` and exactly `environment`, killing it when `timeout` passes.
    static func run(_ path: String, arguments: [String], environment: [String: String], timeout: Duration) async throws -> Result {
        let variables = environment.map { Array("\($0.key)=\($0.value)".utf8) }
        // A file just written can be briefly busy (ETXTBSY) while another thread forks: try a few times.
        var attempt = 0
        while true {
            do {
                return try await runOnce(path, arguments: arguments, environment: .custom(variables), timeout: timeout)
            } catch let error as SubprocessError where error.code == .init(.spawnFailed) && attempt < 4 {
                attempt += 1
                try await Task.sleep(for: .milliseconds(20 * attempt))
            } catch let error as SubprocessError {
                throw ARMError.credentialUnavailable("could not run \(path): \(error)")
            }
        }
    }

    private static func runOnce(_ path: String, arguments: [String], environment: Subprocess.Environment, timeout: Duration) async throws -> Result {
        try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask {
                let result = try await Subprocess.run(
                    .path(FilePath(path)), arguments: Arguments(arguments), environment: environment,
                    input: .none, output: .bytes(limit: outputLimit), error: .bytes(limit: outputLimit))
                let status: Int32
                switch result.terminationStatus {
                case .exited(let code): status = code
                case .signaled(let signal): status = 128 + signal
                }
                return Result(status: status, stdout: Data(result.standardOutput), stderr: Data(result.standardError), timedOut: false)
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            // The first to finish decides: the program's answer, or the timer (nil), which cancels the run and so kills it.
            guard let first = try await group.next() else { return Result(status: -1, stdout: Data(), stderr: Data(), timedOut: true) }
            return first ?? Result(status: -1, stdout: Data(), stderr: Data(), timedOut: true)
        }
    }
}
