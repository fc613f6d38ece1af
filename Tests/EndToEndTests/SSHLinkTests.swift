import Foundation
import Testing

/// sshd from openssh-server, when this machine has it.
let sshdPath: String? = ["/usr/sbin/sshd", "/usr/bin/sshd"].first { FileManager.default.isExecutableFile(atPath: $0) }
var sshAvailable: Bool { tmuxAvailable && sshdPath != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh") }

/// The browser over a real SSH connection to an sshd on 127.0.0.1 that the test starts, and the link dropping.
///
/// Killing the ssh client closes the connection at once; freezing it (SIGSTOP)
/// is a silent link that sshd notices through ClientAliveInterval. Either way
/// sshd hangs up the session and the browser must end, with nothing left running.
@Suite(.serialized, .enabled(if: sshAvailable, "sshd (openssh-server), ssh or tmux is not installed: the dropped-SSH-link cases are skipped"))
struct SSHLinkTests {
    /// A throwaway sshd on 127.0.0.1: its own host key, one authorized key, no passwords; stopped by PID.
    final class SSHServer {
        let directory: URL
        let port: Int
        private let process: Process

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-sshd-\(UUID().uuidString.prefix(8))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for key in ["host_key", "user_key"] {
                try Self.run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", directory.appendingPathComponent(key).path])
            }
            try FileManager.default.copyItem(at: directory.appendingPathComponent("user_key.pub"), to: directory.appendingPathComponent("authorized_keys"))
            // sshd wants its privilege-separation directory.
            try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true)
            port = try Self.freeLoopbackPort()
            let config = """
                ListenAddress 127.0.0.1
                Port \(port)
                HostKey \(directory.appendingPathComponent("host_key").path)
                AuthorizedKeysFile \(directory.appendingPathComponent("authorized_keys").path)
                PidFile \(directory.appendingPathComponent("sshd.pid").path)
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                PermitRootLogin yes
                StrictModes no
                UsePAM no
                ClientAliveInterval 1
                ClientAliveCountMax 2

                """
            let configFile = directory.appendingPathComponent("sshd_config")
            try config.write(to: configFile, atomically: true, encoding: .utf8)
            process = Process()
            process.executableURL = URL(fileURLWithPath: sshdPath ?? "/usr/sbin/sshd")
            process.arguments = ["-D", "-e", "-f", configFile.path]
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
        }

        /// Waits until sshd accepts connections.
        func ready() async throws -> Bool {
            for _ in 0..<100 {
                if Self.canConnect(port) { return true }
                try await Task.sleep(for: .milliseconds(50))
            }
            return false
        }

        /// The ssh command line that logs in to this server and runs `remote`.
        func ssh(_ remote: String) -> String {
            "/usr/bin/ssh -tt -i \(directory.appendingPathComponent("user_key").path) -p \(port) -o BatchMode=yes -o StrictHostKeyChecking=no "
                + "-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR 127.0.0.1 \(remote)"
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: directory)
        }

        static func run(_ path: String, _ arguments: [String]) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: path)
            p.arguments = arguments
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        }

        /// A port the kernel just handed out on 127.0.0.1 (bound to port 0, then released for sshd).
        static func freeLoopbackPort() throws -> Int {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
            }
            guard bound else { throw CocoaError(.fileWriteUnknown) }
            return Int(UInt16(bigEndian: address.sin_port))
        }

        static func canConnect(_ port: Int) -> Bool {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            return withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
        }
    }

    @Test(arguments: ["kill", "freeze"])
    func aDroppedLinkEndsTheBrowserWithNothingLeft(how: String) async throws {
        let server = try SSHServer()
        defer { server.stop() }
        #expect(try await server.ready(), "sshd did not start listening")
        let files = server.directory.path
        let remote = "'sh -c \"echo \\$\\$ > \(files)/peerscope.pid; exec \(BinaryRunner.path) --demo\"'"
        let tmux = Tmux()
        defer { tmux.kill() }
        // ssh runs as a child of sh, whose PID tmux knows: tmux would resume a stopped pane process itself.
        try tmux.start("sh -c '\(server.ssh(remote).replacingOccurrences(of: "'", with: "'\\''")) <&0 & echo $! > \(files)/ssh.pid; wait; sleep 60'")
        _ = try await tmux.wait("the demo over SSH", timeout: 30) { $0.contains("hub-to-spoke-01") }
        let browser = try Self.pid(in: "\(files)/peerscope.pid")
        let client = try Self.pid(in: "\(files)/ssh.pid")
        #expect(Foundation.kill(browser, 0) == 0, "the browser is not running on the server side")
        #expect(Foundation.kill(client, how == "kill" ? SIGKILL : SIGSTOP) == 0)
        let deadline = Date().addingTimeInterval(how == "kill" ? 10 : 20)
        while Date() < deadline, Foundation.kill(browser, 0) == 0, !isZombie(browser) { try await Task.sleep(for: .milliseconds(100)) }
        #expect(Foundation.kill(browser, 0) != 0 || isZombie(browser), "the browser still runs after the SSH link was dropped (\(how))")
        if how == "freeze" { _ = Foundation.kill(client, SIGKILL) }
    }

    static func pid(in file: String) throws -> Int32 {
        let text = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(Int32(text))
    }
}
