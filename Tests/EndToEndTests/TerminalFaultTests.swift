import Foundation
import Testing

/// The terminal faults a jump host throws at a TUI: odd TERMs, tiny and thrashing sizes, missing locales.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct TerminalFaultTests {
    /// Runs the demo browser in tmux under `prefix`, recording `stty -g` before and after.
    func start(_ tmux: Tmux, prefix: String = "", width: Int = 120, height: Int = 35) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-term-\(UUID().uuidString)").path
        try tmux.start(
            "stty -g > \(file).before; \(prefix) \(BinaryRunner.path) --demo; echo EXIT=$?; stty -g > \(file).after; (cmp -s \(file).before \(file).after && echo STTY=same || echo STTY=changed); rm -f \(file).before \(file).after; sleep 30",
            width: width, height: height)
        return file
    }

    func quitAndCheck(_ tmux: Tmux, expect exit: String = "EXIT=0") async throws {
        try tmux.keys("q")
        let screen = try await tmux.wait("exit") { $0.contains(exit) && $0.contains("STTY=") }
        #expect(screen.contains("STTY=same"))
        let flags = try tmux.run(["display-message", "-t", "t", "-p", "#{alternate_on} #{cursor_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(flags == "0 1")
    }

    @Test func termDumbIsRefusedWithAMessage() async throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        _ = try start(tmux, prefix: "TERM=dumb")
        let screen = try await tmux.wait("the refusal") { $0.contains("EXIT=1") && $0.contains("STTY=") }
        #expect(screen.contains("cannot move the cursor"))
        #expect(screen.contains("STTY=same"))
    }

    @Test func vt100AndNoColorStillWork() async throws {
        for prefix in ["TERM=vt100", "NO_COLOR=1"] {
            let tmux = Tmux()
            defer { tmux.kill() }
            _ = try start(tmux, prefix: prefix)
            _ = try await tmux.wait("the hub under \(prefix)") { $0.contains("hub-to-spoke-01") }
            try await quitAndCheck(tmux)
        }
    }

    @Test func aLocaleThatIsNotInstalledFallsBackToUTF8() async throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        _ = try start(tmux, prefix: "LANG=xx_XX.UTF-8 LC_ALL=xx_XX.UTF-8")
        let screen = try await tmux.wait("the hub") { $0.contains("hub-to-spoke-01") }
        #expect(screen.contains("›"), "non-ASCII text must still be drawn")
        try await quitAndCheck(tmux)
    }

    @Test func oneByOneAndAHundredResizesInASecond() async throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        _ = try start(tmux)
        _ = try await tmux.wait("the hub") { $0.contains("hub-to-spoke-01") }
        try tmux.run(["resize-window", "-t", "t", "-x", "1", "-y", "1"])
        try await Task.sleep(for: .milliseconds(400))
        let pid = try tmux.panePID()
        #expect(pid > 0)
        let started = ContinuousClock.now
        for i in 0..<100 {
            try tmux.run(["resize-window", "-t", "t", "-x", "\(60 + i % 60)", "-y", "\(15 + i % 20)"])
        }
        let elapsed = ContinuousClock.now - started
        try tmux.run(["resize-window", "-t", "t", "-x", "100", "-y", "30"])
        let screen = try await tmux.wait("a frame at 100x30 after the storm (\(elapsed))") { $0.contains("hub-to-spoke-01") && $0.contains("PeerScope") }
        #expect(screen.split(separator: "\n").allSatisfy { $0.count <= 100 })
        try await quitAndCheck(tmux)
    }
}
