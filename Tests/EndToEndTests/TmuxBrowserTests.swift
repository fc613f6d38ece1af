import ARMEmulator
import ARMModels
import Foundation
import Testing

/// Drives the real binary in a real terminal: a tmux server on a private socket, against an emulator on loopback.
struct Tmux {
    let socket = "peerscope-test-\(UUID().uuidString.prefix(8))"

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        // posix_spawn + waitpid: Foundation's Process does not reap reliably inside async tests,
        // and the output goes to a file because the tmux server would hold a pipe open forever.
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-out-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let command = (["tmux", "-L", socket] + arguments).map(quote).joined(separator: " ") + " > " + quote(file) + " 2>/dev/null"
        var pid: pid_t = 0
        let argv: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(command), nil]
        defer { argv.forEach { free($0) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
    }

    func start(_ command: String, width: Int = 120, height: Int = 35) throws {
        try run(["new-session", "-d", "-s", "t", "-x", "\(width)", "-y", "\(height)", command])
    }

    func screen() throws -> String { try run(["capture-pane", "-t", "t", "-p"]) }
    func keys(_ keys: String...) throws { try run(["send-keys", "-t", "t"] + keys) }
    func panePID() throws -> Int32 { Int32(try run(["display-message", "-t", "t", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 }
    func kill() { _ = try? run(["kill-server"]) }

    /// Polls the screen until `predicate` holds (bounded), returning the last screen.
    func wait(_ what: String, timeout: Double = 20, _ predicate: (String) -> Bool) async throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what); screen was:\n\(last)")
        return last
    }
}

var tmuxAvailable: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") }

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct TmuxBrowserTests {
    @Test func browsesRefreshesLiveAndQuitsCleanly() async throws {
        let store = try WorldStore.demo()
        let server = try await EmulatorServer.start(store: store)
        let tmux = Tmux()
        defer { tmux.kill() }
        let command = "PEERSCOPE_ACCESS_TOKEN=t \(BinaryRunner.path) --endpoint \(server.url) --subscription 00000000-0000-0000-0000-000000000000 -g peerTest --vnet-name vnet1 --refresh 2; echo EXIT=$?; sleep 30"
        try tmux.start(command)
        var screen = try await tmux.wait("the first frame") { $0.contains("2 peerings") && $0.contains("Initiated") }
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix(">") && $0.contains("vnet2") })
        #expect(screen.contains("Remote VNet          vnet2"))
        #expect(screen.contains("VNet community       12076:20002"))

        try tmux.keys("Down")
        screen = try await tmux.wait("the selection to move") { $0.contains("Remote VNet          vnet3") }
        #expect(screen.contains("VNet community       12076:20003"))

        // Peer vnet3 back through ARM's own route: the browser must show Connected without a key press.
        let body = VirtualNetworkPeering(properties: VirtualNetworkPeeringProperties(
            remoteVirtualNetwork: SubResource(id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1")))
        _ = try store.mutate { world throws(ARMFailure) in
            try world.putPeering(
                subscription: "00000000-0000-0000-0000-000000000000", group: "peerTest", vnet: "vnet3", peering: "back",
                body: body, syncRemoteAddressSpace: false)
        }
        screen = try await tmux.wait("the live state change") { $0.contains("State                Connected") }
        #expect(screen.contains("1 Connected"))

        try tmux.run(["resize-window", "-t", "t", "-x", "80", "-y", "24"])
        screen = try await tmux.wait("the narrow layout") { $0.contains("─────") && !$0.contains("│ ") }
        try tmux.keys("q")
        screen = try await tmux.wait("exit") { $0.contains("EXIT=0") }
        #expect(!screen.contains("PeerScope"))
        let flags = try tmux.run(["display-message", "-t", "t", "-p", "#{alternate_on} #{cursor_flag}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(flags == "0 1", "alternate screen and cursor after exit: \(flags)")
        await server.stop()
    }

    @Test(arguments: [("C-c", "EXIT=130"), ("TERM", "EXIT=143"), ("HUP", "EXIT=129")])
    func signalsRestoreTheTerminal(how: String, expected: String) async throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        let pidFile = FileManager.default.temporaryDirectory.appendingPathComponent("peerscope-pid-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        try tmux.start("stty -g > \(pidFile).before; sh -c 'echo $$ > \(pidFile); exec \(BinaryRunner.path) --demo'; echo EXIT=$?; stty -g > \(pidFile).after; (cmp -s \(pidFile).before \(pidFile).after && echo STTY=same || echo STTY=changed); rm -f \(pidFile).before \(pidFile).after; sleep 30")
        _ = try await tmux.wait("the demo hub") { $0.contains("hub-to-spoke-01") }
        if how == "C-c" {
            try tmux.keys("C-c")
        } else {
            let child = Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            #expect(child > 0)
            _ = Foundation.kill(child, how == "TERM" ? SIGTERM : SIGHUP)
        }
        let screen = try await tmux.wait("exit \(expected)") { $0.contains(expected) && $0.contains("STTY=") }
        #expect(screen.contains("STTY=same"))
        #expect(!screen.contains("PeerScope"))
    }

    @Test func sighupEndsTheProcessWithNothingLeft() async throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("exec \(BinaryRunner.path) --demo")
        _ = try await tmux.wait("the demo hub") { $0.contains("vnet-hub-weu") && $0.contains("hub-to-spoke-01") }
        let pid = try tmux.panePID()
        #expect(pid > 0)
        #expect(Foundation.kill(pid, SIGHUP) == 0)
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline, Foundation.kill(pid, 0) == 0, !isZombie(pid) { try await Task.sleep(for: .milliseconds(50)) }
        #expect(Foundation.kill(pid, 0) != 0 || isZombie(pid), "peerscope still running after SIGHUP")
    }
}

func isZombie(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    return stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? true
}

@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct NavigationWalkTests {
    @Test func subscriptionsToVNetToPeeringToRemoteAndBack() async throws {
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start("\(BinaryRunner.path) --demo; echo EXIT=$?; sleep 30")
        _ = try await tmux.wait("the demo hub") { $0.contains("hub-to-spoke-01") }
        try tmux.keys("Escape")
        var screen = try await tmux.wait("the VNets screen") { $0.contains("resource group rg-spokes-weu") && $0.contains("vnet-spoke-16") }
        #expect(screen.split(separator: "\n").contains { $0.hasPrefix(">") && $0.contains("vnet-hub-weu") })
        try tmux.keys("Escape")
        screen = try await tmux.wait("the subscriptions screen") { $0.contains("Contoso Landing Zones") && $0.contains("(default)") }
        try tmux.keys("Down", "Enter")
        screen = try await tmux.wait("the landing-zone VNets") { $0.contains("vnet-spoke-17") && $0.contains("rg-lz-apps") }
        try tmux.keys("Enter")
        screen = try await tmux.wait("spoke-17's peerings") { $0.contains("spoke-17-to-hub") && $0.contains("› vnet-spoke-17") }
        try tmux.keys("o")
        screen = try await tmux.wait("the hub again, through 'o'") { $0.contains("› vnet-hub-weu") && $0.contains("hub-to-spoke-01") }
        try tmux.keys(":")
        for c in "/subscriptions/\(DemoWorld.landingZoneSubscription)" { try tmux.keys("-l", String(c)) }
        try tmux.keys("Enter")
        screen = try await tmux.wait("the landing-zone VNets through ':'") { $0.contains("Subscriptions › Contoso Landing Zones") }
        try tmux.keys("q")
        _ = try await tmux.wait("exit") { $0.contains("EXIT=0") }
    }
}
